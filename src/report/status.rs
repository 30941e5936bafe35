//! `status` in words: the ref × remote matrix and its one-line summary, and the JSON document.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::git::refname;
use crate::model::{Compared, Comparison, Reached, RemoteDetail, Standing, State};
use crate::model::{Outcome, Report};
use crate::remote_set::Member;
use crate::report::Detail;

impl Detail for Reached {
    fn human(&self) -> String {
        String::new()
    }
}

/// Everything `status` shows.
pub struct StatusView<'a> {
    pub members: &'a [&'a Member],
    pub comparison: &'a Comparison,
    pub reachable: &'a Report<Reached>,
}

fn not_fetched(outcome: &Outcome<Reached>) -> bool {
    outcome.detail.fetched == Some(false)
}

/// Everything is known to be in sync: every remote answered (or was fetched) and nothing is out of sync.
pub fn in_sync(remotes: &[Outcome<Reached>], comparison: &Comparison) -> bool {
    remotes
        .iter()
        .all(|o| !o.status.is_failure() && !not_fetched(o))
        && comparison.out_of_sync().next().is_none()
}

#[derive(Serialize)]
struct StatusDocument<'a> {
    ok: bool,
    in_sync: bool,
    refs: &'a [Compared],
    remotes: &'a [Outcome<Reached>],
}

/// `--tags --offline`: said on stderr, so the matrix and its exit code cover what can be known.
pub fn tags_need_the_remotes() {
    super::note(
        "note: tags are left out offline: git keeps no per-remote copy of them (`git multi status --tags` asks the remotes)",
    );
}

pub fn json(view: &StatusView) {
    super::json(&StatusDocument {
        ok: view.reachable.ok,
        in_sync: in_sync(&view.reachable.remotes, view.comparison),
        refs: &view.comparison.entries,
        remotes: &view.reachable.remotes,
    });
}

/// The words for a relation both matrices (status, branch and tag lists) show alike: in sync, ahead, behind
/// or diverged with their counts, missing on the remote.
pub fn relation_words(entry: &Compared) -> Option<String> {
    let r = entry.relation;
    Some(match (r.state, r.ahead, r.behind) {
        (State::InSync, ..) => "in-sync".into(),
        (State::Ahead, Some(a), _) => format!("ahead {a}"),
        (State::Behind, _, Some(b)) => format!("behind {b}"),
        (State::Diverged, Some(a), Some(b)) => format!("diverged {a}/{b}"),
        (State::MissingRemote, ..) => "missing".into(),
        _ => return None,
    })
}

fn cell(entry: &Compared, not_fetched: bool) -> String {
    if let Some(words) = relation_words(entry) {
        return words;
    }
    let r = entry.relation;
    match (r.state, r.ahead, r.behind) {
        // Tags are replaced, not fast-forwarded: one with another target simply differs.
        (State::Diverged, ..) if entry.name.starts_with(refname::TAGS) => "differs".into(),
        (State::MissingLocal, ..) => "not local".into(),
        (State::Behind, ..) => "behind ?".into(),
        (State::Unknown, ..) if not_fetched => "not fetched".into(),
        _ => "unknown".into(),
    }
}

/// The matrix: one row per ref, one column per remote, then the summary line.
pub fn matrix(view: &StatusView) {
    let mut header = vec![String::new()];
    header.extend(view.members.iter().map(|m| m.name.clone()));
    let names: BTreeSet<&str> = view
        .comparison
        .local
        .keys()
        .map(String::as_str)
        .chain(view.comparison.entries.iter().map(|e| e.name.as_str()))
        .collect();
    // Indexed once: with thousands of branches a search per cell made the table quadratic.
    let by_cell: HashMap<(&str, &str), &Compared> = view
        .comparison
        .entries
        .iter()
        .map(|e| ((e.name.as_str(), e.remote.as_str()), e))
        .collect();
    let shown = refname::display_names(names.iter().copied());
    let mut rows = vec![header];
    for name in &names {
        let mut row = vec![shown[name].to_string()];
        for (member, outcome) in view.members.iter().zip(&view.reachable.remotes) {
            let entry = by_cell.get(&(*name, member.name.as_str()));
            row.push(super::matrix_cell(outcome, entry, |e| {
                cell(e, not_fetched(outcome))
            }));
        }
        rows.push(row);
    }
    super::table(&rows);
    super::out(&format!("{}\n", summary(view)));
}

/// `2 refs out of sync; 1 unreachable (…)`: refs are counted once however many remotes differ.
fn summary(view: &StatusView) -> String {
    let out_of_sync: BTreeSet<&str> = view
        .comparison
        .out_of_sync()
        .map(|e| e.name.as_str())
        .collect();
    let failures = view
        .reachable
        .remotes
        .iter()
        .filter(|o| o.status.is_failure())
        .count();
    let not_fetched: Vec<&str> = view
        .reachable
        .remotes
        .iter()
        .filter(|o| not_fetched(o))
        .map(|o| o.name.as_str())
        .collect();
    let total = view.reachable.remotes.len();
    let compared = total - failures - not_fetched.len();
    let mut parts = Vec::new();
    if compared == 0 {
        parts.push("nothing compared".to_string());
    } else if out_of_sync.is_empty() {
        parts.push(if compared == total {
            "everything in sync".to_string()
        } else {
            format!("in sync on the {compared} remote(s) compared")
        });
    } else {
        let n = out_of_sync.len();
        parts.push(format!(
            "{n} ref{} out of sync",
            if n == 1 { "" } else { "s" }
        ));
    }
    if !view.comparison.remote_only.is_empty() {
        let n = view.comparison.remote_only.len();
        parts.push(format!(
            "{n} ref{} only on the remotes, the same on each (not checked out here; not out of sync)",
            if n == 1 { "" } else { "s" }
        ));
    }
    // `unknown` on a remote that answered: it has a commit this clone never fetched, so ahead or behind
    // cannot be counted until it is.
    let unknown: BTreeSet<&str> = view
        .comparison
        .entries
        .iter()
        .filter(|e| e.relation.state == State::Unknown && e.remote_oid.is_some())
        .map(|e| e.remote.as_str())
        .collect();
    if !unknown.is_empty() {
        parts.push(format!(
            "unknown: {} {} commits not fetched here (`git multi fetch` lets status count them)",
            unknown.iter().copied().collect::<Vec<_>>().join(", "),
            if unknown.len() == 1 { "has" } else { "have" }
        ));
    }
    if !not_fetched.is_empty() {
        parts.push(format!(
            "{} never fetched ({}; `git multi fetch` first, or drop --offline)",
            not_fetched.len(),
            not_fetched.join(", ")
        ));
    }
    parts.extend(super::unreachable(&view.reachable.remotes));
    parts.join("; ")
}

/// After the matrix of a repository without a single commit: what a git user does next.
pub fn no_commits_yet(remotes_have_refs: bool) {
    super::note("note: the repository has no commits yet");
    super::note(if remotes_have_refs {
        "hint: the remotes have commits: `git multi fetch`, then `git switch -c <branch> <remote>/<branch>` starts from one"
    } else {
        "hint: make a first commit (`git add <files>`, then `git commit`), then `git multi push`"
    });
}

#[derive(Serialize)]
struct DetailedDocument<'a> {
    ok: bool,
    in_sync: bool,
    refs: &'a [Compared],
    remotes: &'a [Outcome<Reached>],
    detailed: &'a [RemoteDetail],
}

/// `status --detailed --json`: the status document with one `detailed` entry per remote shown.
pub fn json_detailed(view: &StatusView, details: &[RemoteDetail]) {
    super::json(&DetailedDocument {
        ok: view.reachable.ok,
        in_sync: in_sync(&view.reachable.remotes, view.comparison),
        refs: &view.comparison.entries,
        remotes: &view.reachable.remotes,
        detailed: details,
    });
}

fn count(n: Option<u64>) -> String {
    n.map_or_else(|| "?".to_string(), |n| n.to_string())
}

/// `2026-01-01 00:00` (UTC, as stored), or `never`.
fn when(time: &Option<String>) -> String {
    match time {
        Some(t) => t
            .replacen('T', " ", 1)
            .trim_end_matches('Z')
            .get(..16)
            .unwrap_or(t)
            .to_string(),
        None => "never".to_string(),
    }
}

/// `status --detailed`: one row per remote (state, ahead, behind, last fetch, last push, host), then the
/// errors of the unreachable ones.
pub fn detailed(details: &[RemoteDetail]) {
    let mut rows = vec![[
        "remote",
        "state",
        "ahead",
        "behind",
        "last fetch (UTC)",
        "last push (UTC)",
        "host",
    ]
    .map(str::to_string)
    .to_vec()];
    for d in details {
        let host = match &d.host {
            Some(host) => format!("{} ({host})", d.provider),
            None => d.provider.clone(),
        };
        rows.push(vec![
            d.name.clone(),
            d.state.as_str().to_string(),
            count(d.ahead),
            count(d.behind),
            when(&d.last_fetch),
            when(&d.last_push),
            host,
        ]);
    }
    super::table(&rows);
    let mut text = String::new();
    for d in details {
        if let Some(error) = &d.error {
            text.push_str(&format!("{}: {}\n", d.name, super::escape_controls(error)));
        }
    }
    let trouble = details
        .iter()
        .filter(|d| d.state != Standing::InSync)
        .count();
    text.push_str(&if trouble == 0 {
        "everything in sync\n".to_string()
    } else {
        format!(
            "{trouble} of {} remote{} not in sync or not reachable\n",
            details.len(),
            if details.len() == 1 { "" } else { "s" }
        )
    });
    super::out(&text);
}

/// `--failed-only` when nothing is out of sync and every remote answered.
pub fn nothing_failed(remotes: usize) {
    super::out(&format!(
        "everything in sync on the {remotes} remote{} compared\n",
        if remotes == 1 { "" } else { "s" }
    ));
}
