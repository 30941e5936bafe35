//! Branches and tags on every remote, in words: the ref × remote matrix of `branch list` / `tag list`, and what
//! `branch create|delete` / `tag create|delete` did here and on each remote (why a remote's copy was refused or
//! kept, and which command fixes it).

use crate::model::{Compared, State};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::git::{refname, FailureKind, GitError, RefStatus};
use crate::model::{Outcome, Report, Status};
use crate::model::{PushDetail, RefUpdate};
use crate::ops::publish::Deletion;
use crate::ops::push::Pushed;
use crate::ops::pushed;
use crate::report::Detail;
use crate::runner::Job;

/// Which kind of ref a command works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Branch,
    Tag,
}

impl Kind {
    pub fn word(self) -> &'static str {
        match self {
            Kind::Branch => "branch",
            Kind::Tag => "tag",
        }
    }

    fn plural(self) -> &'static str {
        match self {
            Kind::Branch => "branches",
            Kind::Tag => "tags",
        }
    }

    /// `main` for a branch, `v1` for a tag.
    fn short(self, name: &str) -> &str {
        match self {
            Kind::Branch => refname::short(name),
            Kind::Tag => name.strip_prefix(refname::TAGS).unwrap_or(name),
        }
    }
}

/// What listing learned about one remote besides its refs.
#[derive(Debug, Default, Serialize)]
pub struct Listed {
    pub refs: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub retries: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Detail for Listed {
    fn human(&self) -> String {
        String::new()
    }
}

/// Everything `branch list` / `tag list` shows.
pub struct ListView<'a> {
    pub kind: Kind,
    /// The remotes, in the configured order, with how reading each went.
    pub reached: &'a Report<Listed>,
    pub local: &'a BTreeMap<String, String>,
    pub entries: &'a [Compared],
}

/// One remote's copy of one ref, for the JSON document.
#[derive(Serialize)]
struct Cell {
    oid: Option<String>,
    state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ahead: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    behind: Option<u64>,
}

#[derive(Serialize)]
struct Row<'a> {
    name: &'a str,
    #[serde(rename = "ref")]
    full: &'a str,
    local: Option<&'a str>,
    remotes: BTreeMap<&'a str, Cell>,
}

#[derive(Serialize)]
struct ListDocument<'a> {
    ok: bool,
    kind: Kind,
    refs: Vec<Row<'a>>,
    remotes: &'a [Outcome<Listed>],
}

impl ListView<'_> {
    fn names(&self) -> BTreeSet<&str> {
        self.local
            .keys()
            .map(String::as_str)
            .chain(self.entries.iter().map(|e| e.name.as_str()))
            .collect()
    }

    fn cells(&self) -> HashMap<(&str, &str), &Compared> {
        self.entries
            .iter()
            .map(|e| ((e.name.as_str(), e.remote.as_str()), e))
            .collect()
    }
}

pub fn list_json(view: &ListView) {
    let cells = view.cells();
    let rows = view
        .names()
        .into_iter()
        .map(|name| Row {
            name: view.kind.short(name),
            full: name,
            local: view.local.get(name).map(String::as_str),
            remotes: view
                .reached
                .remotes
                .iter()
                .map(|o| {
                    let cell = match cells.get(&(name, o.name.as_str())) {
                        Some(e) => Cell {
                            oid: e.remote_oid.clone(),
                            // `status --json`'s word: a tag with another target is `diverged` (people
                            // read `differs`).
                            state: e.relation.state.as_str(),
                            ahead: e.relation.ahead,
                            behind: e.relation.behind,
                        },
                        // Not read (the remote did not answer): nothing is known.
                        None => Cell {
                            oid: None,
                            state: State::Unknown.as_str(),
                            ahead: None,
                            behind: None,
                        },
                    };
                    (o.name.as_str(), cell)
                })
                .collect(),
        })
        .collect();
    super::json(&ListDocument {
        ok: view.reached.ok,
        kind: view.kind,
        refs: rows,
        remotes: &view.reached.remotes,
    });
}

fn abbrev(oid: &str) -> &str {
    &oid[..oid.len().min(7)]
}

fn cell_text(kind: Kind, entry: &Compared) -> String {
    if let Some(words) = super::status::relation_words(entry) {
        return words;
    }
    let r = entry.relation;
    match (r.state, r.ahead, r.behind) {
        (State::Diverged, ..) if kind == Kind::Tag => format!(
            "differs ({})",
            abbrev(entry.remote_oid.as_deref().unwrap_or("?"))
        ),
        (State::MissingLocal, ..) => format!(
            "only there ({})",
            abbrev(entry.remote_oid.as_deref().unwrap_or("?"))
        ),
        _ => "unknown".into(),
    }
}

/// The matrix: one row per ref (with the local tip), one column per remote, then the summary line.
pub fn list_table(view: &ListView) {
    let mut header = vec![String::new(), "local".to_string()];
    header.extend(view.reached.remotes.iter().map(|o| o.name.clone()));
    let cells = view.cells();
    let names = view.names();
    let mut rows = vec![header];
    for name in &names {
        let mut row = vec![
            view.kind.short(name).to_string(),
            view.local
                .get(*name)
                .map(|o| abbrev(o).to_string())
                .unwrap_or_else(|| "-".into()),
        ];
        for o in &view.reached.remotes {
            let entry = cells.get(&(*name, o.name.as_str()));
            row.push(super::matrix_cell(o, entry, |e| cell_text(view.kind, e)));
        }
        rows.push(row);
    }
    if names.is_empty() {
        super::out(&format!(
            "no {} here or on any remote\n",
            view.kind.plural()
        ));
    } else {
        super::table(&rows);
    }
    let out_of_sync: BTreeSet<&str> = view
        .entries
        .iter()
        .filter(|e| e.relation.state != State::InSync)
        .map(|e| e.name.as_str())
        .collect();
    let n = names.len();
    let mut summary = format!(
        "{n} {}, {} not the same everywhere",
        if n == 1 {
            view.kind.word()
        } else {
            view.kind.plural()
        },
        out_of_sync.len()
    );
    if let Some(unreachable) = super::unreachable(&view.reached.remotes) {
        summary.push_str(&format!("; {unreachable}"));
    }
    super::out(&format!("{summary}\n"));
}

/// What happened to the local branch or tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocalAction {
    /// Made by this run (`git branch` / `git tag`).
    Created,
    /// Was already here and was published as it is.
    Existed,
    Deleted,
    /// Left in place (`--keep-local`, or a remote still has its copy).
    Kept,
    /// There is none here.
    Absent,
}

/// The local side of a create or delete.
#[derive(Debug, Clone, Serialize)]
pub struct LocalStep {
    pub action: LocalAction,
    pub oid: Option<String>,
    /// Why it was kept, or how it was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Serialize)]
struct StepDocument<'a> {
    ok: bool,
    kind: Kind,
    #[serde(rename = "ref")]
    name: &'a str,
    local: &'a LocalStep,
    remotes: &'a [Outcome<PushDetail>],
}

/// The local step in one line, then one block per remote and the total.
pub fn step(
    kind: Kind,
    name: &str,
    local: &LocalStep,
    report: &Report<PushDetail>,
    ok: bool,
    json: bool,
) {
    if json {
        super::json(&StepDocument {
            ok,
            kind,
            name,
            local,
            remotes: &report.remotes,
        });
        return;
    }
    let short = kind.short(name);
    let word = kind.word();
    let at = local.oid.as_deref().map(abbrev).unwrap_or("?");
    let mut line = match local.action {
        LocalAction::Created => format!("created {word} {short} at {at}"),
        LocalAction::Existed => format!("{word} {short} is at {at} here"),
        LocalAction::Deleted => format!("deleted {word} {short} here (was {at})"),
        LocalAction::Kept => format!("kept {word} {short} here ({at})"),
        LocalAction::Absent => format!("no {word} {short} here"),
    };
    if let Some(note) = &local.note {
        line.push_str(&format!(": {note}"));
    }
    line.push('\n');
    super::out(&line);
    super::outcomes(report);
}

/// The hint for a copy that already exists with another target on `remote`.
fn exists_hint(kind: Kind, remote: &str, name: &str) -> String {
    let short = kind.short(name);
    match kind {
        Kind::Branch => format!(
            "`git multi branch list` shows where it points; `git multi push {q_remote} --branch {q_short} --force` replaces it (the old tip is saved under refs/multi/backup/)", q_remote = crate::quote::word(remote), q_short = crate::quote::word(short)),
        Kind::Tag => format!(
            "`git ls-remote {q_remote} {q_name}` shows it; `git multi tag delete {q_short} --keep-local` removes the remotes' copies (each saved under refs/multi/backup/) and keeps yours, then `git multi tag create {q_short}` publishes it", q_remote = crate::quote::word(remote), q_name = crate::quote::word(name), q_short = crate::quote::word(short)),
    }
}

/// The outcome of creating `name` on one remote: a copy there with another target is reported as existing,
/// with the command that replaces it.
pub fn created(job: &Job, kind: Kind, result: Result<Pushed, GitError>) -> Outcome<PushDetail> {
    let mut outcome = pushed::outcome(job, result, false);
    let existing = outcome
        .detail
        .refs
        .iter()
        .find(|r| r.reason.as_deref() == Some("already exists"))
        .map(|r| r.name.clone());
    if let Some(name) = existing {
        outcome.hint = Some(exists_hint(kind, job.name(), &name));
    }
    outcome
}

/// The outcome of deleting `name` on one remote; `flags` are the user's own (` --keep-local`), kept in the
/// commands the hints give.
pub fn deleted(
    job: &Job,
    kind: Kind,
    name: &str,
    flags: &str,
    result: Result<Deletion, GitError>,
) -> Outcome<PushDetail> {
    let remote = job.name();
    let short = kind.short(name);
    match result {
        Err(err) => job.failure(&err, PushDetail::default()),
        Ok(Deletion::Pushed(pushed)) => pushed::outcome(job, Ok(pushed), false),
        Ok(Deletion::Absent) => Outcome::new(
            remote,
            Status::UpToDate,
            job.elapsed(),
            PushDetail {
                refs: vec![RefUpdate {
                    name: name.to_string(),
                    old: None,
                    new: None,
                    status: RefStatus::UpToDate,
                    reason: None,
                    backup: None,
                    skipped: false,
                }],
                ..PushDetail::default()
            },
        ),
        Ok(Deletion::Refused { tip, relation }) => {
            let at = abbrev(&tip);
            let why = match (relation.state, relation.behind) {
                (State::Behind | State::Diverged, Some(n)) => format!(
                    "the remote has {n} commit{} the local {} lacks",
                    if n == 1 { "" } else { "s" },
                    kind.word()
                ),
                (State::MissingLocal, _) => format!(
                    "there is no local {} to check its tip {at} against",
                    kind.word()
                ),
                _ => format!(
                    "its tip {at} was never fetched here, so it may hold commits the local {} lacks",
                    kind.word()
                ),
            };
            let mut outcome = Outcome::new(
                remote,
                Status::Rejected,
                job.elapsed(),
                PushDetail {
                    refs: vec![RefUpdate {
                        name: name.to_string(),
                        old: Some(tip.clone()),
                        new: None,
                        status: RefStatus::Rejected,
                        reason: Some("remote has commits the local branch lacks".into()),
                        backup: None,
                        skipped: false,
                    }],
                    ..PushDetail::default()
                },
            );
            outcome.error = Some(format!("{short}: kept: {why}"));
            outcome.reason = Some(FailureKind::Rejected);
            let anyway = format!(
                "`git multi {} delete {q_short} --force{flags}` deletes it anyway (the tip is saved under refs/multi/backup/)",
                kind.word(), q_short = crate::quote::word(short));
            outcome.hint = Some(match (relation.state, relation.behind) {
                // Fetched already: its commits are here, so the next step is to take them in, not to fetch again.
                (State::Behind | State::Diverged, Some(_)) => format!(
                    "its commits are here: bring them into the local {word} with `git multi resolve {q_short} --merge` (`git log {q_short}..{q_remote}/{q_short}` shows them), then delete again; {anyway}",
                    word = kind.word(), q_short = crate::quote::word(short), q_remote = crate::quote::word(remote)),
                (State::MissingLocal, _) => anyway,
                _ => format!(
                    "`git multi fetch {q_remote}` brings its commits here to look at; {anyway}", q_remote = crate::quote::word(remote)),
            });
            outcome
        }
    }
}
