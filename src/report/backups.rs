//! `backup list`: the saved tips by remote and event, newest first, then the backup directories.

use serde::Serialize;

use crate::git::refname;
use crate::model::backups::{Archive, RemoteBackups};

#[derive(Serialize)]
struct Document<'a> {
    saved: &'a [RemoteBackups],
    archives: &'a [Archive],
}

pub fn show(saved: &[RemoteBackups], archives: &[Archive], json: bool) {
    if json {
        super::json(&Document { saved, archives });
        return;
    }
    let mut text = String::new();
    if saved.is_empty() {
        text.push_str("no saved tips (refs/multi/backup/ is empty)\n");
    } else {
        text.push_str("saved tips (refs/multi/backup/), newest first:\n");
        for remote in saved {
            text.push_str(&format!("  {}\n", remote.remote));
            for event in &remote.events {
                text.push_str(&format!(
                    "    {}  {} ref{}  ({})\n",
                    event.time.as_deref().unwrap_or("?"),
                    event.refs.len(),
                    if event.refs.len() == 1 { "" } else { "s" },
                    event.event
                ));
                for r in &event.refs {
                    text.push_str(&format!(
                        "      {} {}\n",
                        &r.oid[..r.oid.len().min(7)],
                        refname::short(&r.name)
                    ));
                }
            }
        }
    }
    if archives.is_empty() {
        text.push_str("no backup directories (write one with `git multi backup --to <dir>`)\n");
    } else {
        text.push_str("backup directories, newest first:\n");
        for archive in archives {
            text.push_str(&format!("  {}  {}", archive.created, archive.dir.display()));
            match archive.state {
                "missing" => text.push_str("  (missing: moved or deleted)"),
                "unreadable" => text.push_str(&format!(
                    "  (unreadable: {})",
                    archive.error.as_deref().unwrap_or("?")
                )),
                _ => {
                    let remotes: Vec<String> = archive
                        .remotes
                        .iter()
                        .map(|r| format!("{} ({} refs)", r.name, r.refs))
                        .collect();
                    if !remotes.is_empty() {
                        text.push_str(&format!("  {}", remotes.join(", ")));
                    }
                    if archive.config.is_some() {
                        text.push_str("  + remote set");
                    }
                }
            }
            text.push('\n');
        }
    }
    super::out(&text);
    if !saved.is_empty() {
        super::note("hint: `git multi undo` puts back what a logged command overwrote; `git push <remote> <saved ref>:<ref>` one tip");
    }
}
