//! The audit log in words (`git multi log`): one block per entry, newest first — its id, time and command
//! line, then what changed on each remote and in the set.

use crate::model::log::{Entry, RefEntry, SetChange};
use serde::Serialize;

use crate::git::refname;

#[derive(Serialize)]
struct Document<'a> {
    entries: &'a [Entry],
}

/// The entries chosen out of the `total` the log holds (`--since`, `--action`, `--remote` and `-n` may leave
/// out some or all).
pub fn show(entries: &[Entry], total: usize, json: bool) {
    if json {
        super::json(&Document { entries });
        return;
    }
    if total == 0 {
        super::note("the audit log is empty: nothing has changed a remote or the set yet");
        return;
    }
    if entries.is_empty() {
        super::note(&format!(
            "no entry matches (the audit log has {total} entr{}); `git multi log` without --since, --action, --remote or -n shows them all",
            if total == 1 { "y" } else { "ies" }
        ));
        return;
    }
    let mut text = String::new();
    for entry in entries {
        text.push_str(&entry_text(entry));
    }
    super::out(&text);
}

fn entry_text(entry: &Entry) -> String {
    let mut text = format!(
        "{}  {}  git multi {}{}\n",
        entry.id,
        entry.time,
        entry.args.join(" "),
        if entry.ok { "" } else { "  (not ok)" }
    );
    if let Some(undone) = &entry.undoes {
        text.push_str(&format!("    undoes {undone}\n"));
    }
    for remote in &entry.remotes {
        let mut head = format!("    {} {}", remote.name, remote.status);
        if remote.local {
            head.push_str(" (tracking refs)");
        }
        if let Some(error) = &remote.error {
            head.push_str(&format!(": {error}"));
        }
        text.push_str(&head);
        text.push('\n');
        for r in &remote.refs {
            text.push_str(&format!("        {}\n", ref_line(r)));
        }
        if remote.refs_total > remote.refs.len() {
            text.push_str(&format!(
                "        … and {} more refs (all of them are undone with the entry)\n",
                super::thousands(remote.refs_total - remote.refs.len())
            ));
        }
    }
    for change in &entry.set {
        text.push_str(&format!("    set: {}\n", set_line(change)));
    }
    text
}

fn abbrev(oid: &Option<String>) -> &str {
    oid.as_deref()
        .map_or("(none)", |o| crate::git::short_oid(o))
}

fn ref_line(r: &RefEntry) -> String {
    let what = match (&r.old, &r.new) {
        (None, Some(_)) => format!("created at {}", abbrev(&r.new)),
        (Some(_), None) => format!("deleted (was {})", abbrev(&r.old)),
        _ => format!("{} -> {}", abbrev(&r.old), abbrev(&r.new)),
    };
    match &r.backup {
        Some(backup) => format!("{} {what}, old tip at {backup}", refname::short(&r.name)),
        None => format!("{} {what}", refname::short(&r.name)),
    }
}

fn set_line(change: &SetChange) -> String {
    let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "(unset)".into());
    match (change.remote.as_deref(), change.key.as_str()) {
        (Some(remote), "member") => match (&change.old, &change.new) {
            (None, new) => format!("{remote} added ({})", value(new)),
            (old, None) => format!("{remote} removed (was {})", value(old)),
            (old, new) => format!("{remote}: {} -> {}", value(old), value(new)),
        },
        (Some(remote), key) => format!(
            "{remote} {key}: {} -> {}",
            value(&change.old),
            value(&change.new)
        ),
        (None, key) => format!("{key}: {} -> {}", value(&change.old), value(&change.new)),
    }
}
