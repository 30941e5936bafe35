//! `conflicts` in words: one row per ref whose copies differ (kind, each side's tip, what `resolve` would do),
//! or the JSON document `{"ok","conflicts":[{"ref","kind","tips":{"local":…,"<remote>":…},"action"}],
//! "unreached":[…]}`: `ok` is false when a remote could not be compared (its copies are unknown, not agreeing).

use serde::Serialize;
use serde_json::{Map, Value};

use crate::git::refname;
use crate::model::converge::{Conflict, Kind, Suggestion};
use crate::model::Report;

#[derive(Serialize)]
struct Entry {
    #[serde(rename = "ref")]
    name: String,
    kind: Kind,
    tips: Map<String, Value>,
    action: String,
}

#[derive(Serialize)]
struct Document {
    ok: bool,
    conflicts: Vec<Entry>,
    /// Remotes that could not be fetched: nothing is known of their copies.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    unreached: Vec<String>,
}

/// The `resolve` command that settles a ref, as users type it.
pub fn action(name: &str, suggestion: Option<&Suggestion>) -> String {
    match suggestion {
        Some(Suggestion::TakeLocal) => format!("git multi resolve {name} --take local"),
        Some(Suggestion::Take(remote)) => format!("git multi resolve {name} --take {remote}"),
        Some(Suggestion::Merge) => format!("git multi resolve {name} --merge"),
        Some(Suggestion::Pick) | None => {
            format!("pick a copy: git multi resolve {name} --take <remote>|local")
        }
    }
}

fn entry(c: &Conflict) -> Entry {
    let mut tips = Map::new();
    tips.insert("local".into(), oid(&c.tips.local));
    for (remote, tip) in &c.tips.remotes {
        tips.insert(remote.clone(), oid(tip));
    }
    Entry {
        name: c.tips.name.clone(),
        kind: c.kind,
        tips,
        action: action(&c.tips.name, c.suggestion.as_ref()),
    }
}

fn oid(tip: &Option<String>) -> Value {
    tip.clone().map_or(Value::Null, Value::String)
}

/// The kind in words; a tag with another target somewhere `differs` (tags are replaced, never fast-forwarded:
/// JSON says `diverged`, as `status --json` does).
fn kind_word(name: &str, kind: Kind) -> &'static str {
    match kind {
        Kind::Ahead => "ahead",
        Kind::Behind => "behind",
        Kind::Diverged if name.starts_with(refname::TAGS) => "differs",
        Kind::Diverged => "diverged",
        Kind::Missing => "missing",
    }
}

/// The document or the table, then (on stderr) the remotes that could not be compared. `remote_only` counts
/// the branches and tags not here that every remote has alike: not conflicts, only mentioned.
pub fn show(conflicts: &[Conflict], remote_only: usize, reached: &Report<()>, json: bool) {
    if json {
        let unreached: Vec<String> = reached
            .remotes
            .iter()
            .filter(|o| o.status.is_failure())
            .map(|o| o.name.clone())
            .collect();
        super::json(&Document {
            ok: reached.ok,
            conflicts: conflicts.iter().map(entry).collect(),
            unreached,
        });
    } else if conflicts.is_empty() {
        let compared = reached
            .remotes
            .iter()
            .filter(|o| !o.status.is_failure())
            .count();
        let unreached: Vec<&str> = reached
            .remotes
            .iter()
            .filter(|o| o.status.is_failure())
            .map(|o| o.name.as_str())
            .collect();
        let unknown = match unreached.as_slice() {
            [] => String::new(),
            names => format!("; unknown on {} (not reached)", names.join(", ")),
        };
        super::out(&format!(
            "every ref agrees on the {compared} remote(s) compared{unknown}\n"
        ));
    } else {
        let mut header = vec!["ref".to_string(), "kind".into(), "local".into()];
        let remotes: Vec<&str> = conflicts[0]
            .tips
            .remotes
            .iter()
            .map(|(r, _)| r.as_str())
            .collect();
        header.extend(remotes.iter().map(|r| r.to_string()));
        header.push("action".into());
        let mut rows = vec![header];
        let shown = refname::display_names(conflicts.iter().map(|c| c.tips.name.as_str()));
        for c in conflicts {
            let mut row = vec![
                shown[c.tips.name.as_str()].to_string(),
                kind_word(&c.tips.name, c.kind).to_string(),
                abbrev(&c.tips.local),
            ];
            row.extend(c.tips.remotes.iter().map(|(_, t)| abbrev(t)));
            row.push(action(&c.tips.name, c.suggestion.as_ref()));
            rows.push(row);
        }
        super::table(&rows);
        let n = conflicts.len();
        super::out(&format!(
            "{n} ref{} differ{}\n",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" }
        ));
    }
    if !json && remote_only > 0 {
        super::out(&format!(
            "{remote_only} branch{} or tag{} only on the remotes, the same on each: not checked out here, not a conflict (`git multi status` shows {})\n",
            if remote_only == 1 { "" } else { "es" },
            if remote_only == 1 { "" } else { "s" },
            if remote_only == 1 { "it" } else { "them" }
        ));
    }
    for o in reached.remotes.iter().filter(|o| o.status.is_failure()) {
        super::warning(&format!(
            "{} was not compared: {}",
            o.name,
            o.error.as_deref().unwrap_or("failed")
        ));
        if let Some(hint) = super::hint_for(o) {
            super::note(&format!("hint: {hint}"));
        }
    }
}

fn abbrev(tip: &Option<String>) -> String {
    tip.as_deref()
        .map_or("-".to_string(), |t| crate::git::short_oid(t).to_string())
}
