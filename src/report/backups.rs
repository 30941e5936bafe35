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
    super::out(&text(saved, archives));
    if !saved.is_empty() {
        super::note("hint: `git multi undo` puts back what a logged command overwrote; `git push <remote> <saved ref>:<ref>` one tip");
    }
}

/// The human face: the saved tips by remote and event, then the directories.
fn text(saved: &[RemoteBackups], archives: &[Archive]) -> String {
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
                        crate::git::short_oid(&r.oid),
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
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::backups::{ArchivedRemote, Event, SavedRef};

    #[test]
    fn saved_tips_and_directories_read_at_a_glance() {
        let saved = vec![RemoteBackups {
            remote: "github".into(),
            events: vec![
                Event {
                    event: "20261130T080000Z-77".into(),
                    time: Some("2026-11-30T08:00:00Z".into()),
                    refs: vec![
                        SavedRef {
                            name: "refs/heads/main".into(),
                            oid: "1111111111111111111111111111111111111111".into(),
                            backup: "refs/multi/backup/github/20261130T080000Z-77/heads/main"
                                .into(),
                        },
                        SavedRef {
                            name: "refs/tags/v1".into(),
                            oid: "2222222222222222222222222222222222222222".into(),
                            backup: "refs/multi/backup/github/20261130T080000Z-77/tags/v1".into(),
                        },
                    ],
                },
                Event {
                    event: "20261129T191130Z-4242".into(),
                    time: Some("2026-11-29T19:11:30Z".into()),
                    refs: vec![SavedRef {
                        name: "refs/heads/topic".into(),
                        oid: "3333333333333333333333333333333333333333".into(),
                        backup: "refs/multi/backup/github/20261129T191130Z-4242/heads/topic".into(),
                    }],
                },
            ],
        }];
        let archives = vec![
            Archive {
                dir: "/backups/app-2026-11-30".into(),
                created: "2026-11-30T09:00:00Z".into(),
                state: "ok",
                error: None,
                remotes: vec![
                    ArchivedRemote {
                        name: "github".into(),
                        refs: 12,
                    },
                    ArchivedRemote {
                        name: "lab".into(),
                        refs: 11,
                    },
                ],
                config: Some("remote-set.toml".into()),
            },
            Archive {
                dir: "/backups/old".into(),
                created: "2026-10-01T00:00:00Z".into(),
                state: "missing",
                error: None,
                remotes: vec![],
                config: None,
            },
        ];
        insta::assert_snapshot!(text(&saved, &archives), @r"
        saved tips (refs/multi/backup/), newest first:
          github
            2026-11-30T08:00:00Z  2 refs  (20261130T080000Z-77)
              1111111 main
              2222222 tags/v1
            2026-11-29T19:11:30Z  1 ref  (20261129T191130Z-4242)
              3333333 topic
        backup directories, newest first:
          2026-11-30T09:00:00Z  /backups/app-2026-11-30  github (12 refs), lab (11 refs)  + remote set
          2026-10-01T00:00:00Z  /backups/old  (missing: moved or deleted)
        ");
        insta::assert_snapshot!(text(&[], &[]), @r"
        no saved tips (refs/multi/backup/ is empty)
        no backup directories (write one with `git multi backup --to <dir>`)
        ");
    }
}
