//! Reading back what git-multi saved: the refs under `refs/multi/backup/<remote>/<event>/…` grouped by remote
//! and event, and the record of backup directories written by `backup --to` (`.git/multi/backups`, one JSON
//! line per directory), each read through its manifest.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::git::{refname, Git, GitError};
use crate::model::backups::{Archive, ArchivedRemote, Event, RemoteBackups, SavedRef};
use crate::ops::archive;

/// The record's file name in `.git/multi/`.
pub const RECORD: &str = "backups";

/// Every saved tip, by remote (in name order), newest event first, refs in name order.
pub fn saved_tips(git: &Git) -> Result<Vec<RemoteBackups>, GitError> {
    let refs = git.refs(&[refname::BACKUPS.trim_end_matches('/')])?;
    let mut by_remote: BTreeMap<String, BTreeMap<String, Vec<SavedRef>>> = BTreeMap::new();
    for (backup, oid) in refs {
        let Some((remote, event, name)) = split(&backup) else {
            continue;
        };
        by_remote
            .entry(remote)
            .or_default()
            .entry(event)
            .or_default()
            .push(SavedRef { name, oid, backup });
    }
    Ok(by_remote
        .into_iter()
        .map(|(remote, events)| RemoteBackups {
            remote,
            // Event names start with their UTC time: the text order is the time order.
            events: events
                .into_iter()
                .rev()
                .map(|(event, refs)| Event {
                    time: event_time(&event),
                    event,
                    refs,
                })
                .collect(),
        })
        .collect())
}

/// `refs/multi/backup/<remote>/<event>/<rest>` → (remote, event, `refs/<rest>`). A remote name may hold
/// slashes; the event is the first component that reads as one (`20261129T191130Z-4242`).
pub fn split(backup: &str) -> Option<(String, String, String)> {
    let rest = backup.strip_prefix(refname::BACKUPS)?;
    let parts: Vec<&str> = rest.split('/').collect();
    let at = (1..parts.len().saturating_sub(1)).find(|&i| is_event(parts[i]))?;
    Some((
        parts[..at].join("/"),
        parts[at].to_string(),
        format!("refs/{}", parts[at + 1..].join("/")),
    ))
}

/// `YYYYMMDDTHHMMSSZ-<pid>`.
fn is_event(word: &str) -> bool {
    let Some((time, pid)) = word.split_once('-') else {
        return false;
    };
    let b = time.as_bytes();
    b.len() == 16
        && b[8] == b'T'
        && b[15] == b'Z'
        && b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit)
        && !pid.is_empty()
        && pid.bytes().all(|c| c.is_ascii_digit())
}

/// The event's time as RFC 3339.
fn event_time(event: &str) -> Option<String> {
    let t = event.get(..16)?;
    Some(format!(
        "{}-{}-{}T{}:{}:{}Z",
        &t[..4],
        &t[4..6],
        &t[6..8],
        &t[9..11],
        &t[11..13],
        &t[13..15]
    ))
}

/// One line of the record.
#[derive(Debug, Serialize, Deserialize)]
struct Written {
    created: String,
    dir: PathBuf,
}

/// Notes that `dir` now holds a backup (best effort: the backup itself is what matters).
pub fn record(git: &Git, dir: &Path, created: &str) -> std::io::Result<()> {
    let multi = git
        .common_dir()
        .map_err(std::io::Error::other)?
        .join("multi");
    std::fs::create_dir_all(&multi)?;
    let line = serde_json::to_string(&Written {
        created: created.to_string(),
        dir: dir.to_path_buf(),
    })
    .map_err(std::io::Error::other)?;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(multi.join(RECORD))?;
    file.write_all(format!("{line}\n").as_bytes())
}

/// The recorded directories and any `extra` ones, newest first, each as its manifest says now. A directory
/// recorded twice (written, deleted, written again) is listed once.
pub fn archives(git: &Git, extra: &[PathBuf]) -> Result<Vec<Archive>, GitError> {
    let path = git.common_dir()?.join("multi").join(RECORD);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut seen: Vec<(String, PathBuf)> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Written>(l).ok())
        .map(|w| (w.created, w.dir))
        .collect();
    for dir in extra {
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
        seen.push((String::new(), dir));
    }
    let mut out: Vec<Archive> = Vec::new();
    for (created, dir) in seen.into_iter().rev() {
        if out.iter().any(|a| a.dir == dir) {
            continue;
        }
        out.push(read(&dir, created));
    }
    out.sort_by(|a, b| b.created.cmp(&a.created));
    Ok(out)
}

fn read(dir: &Path, created: String) -> Archive {
    let mut archive = Archive {
        dir: dir.to_path_buf(),
        created,
        state: "ok",
        error: None,
        remotes: Vec::new(),
        config: None,
    };
    if !dir.join(archive::MANIFEST).exists() {
        archive.state = "missing";
        return archive;
    }
    match archive::read_manifest(dir) {
        Ok(manifest) => {
            archive.created = manifest.created;
            archive.remotes = manifest
                .remotes
                .iter()
                .map(|r| ArchivedRemote {
                    name: r.remote.clone(),
                    refs: r.refs.len(),
                })
                .collect();
            archive.config = manifest.config;
        }
        Err(e) => {
            archive.state = "unreadable";
            archive.error = Some(e);
        }
    }
    archive
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_refs_split_into_remote_event_and_ref() {
        assert_eq!(
            split("refs/multi/backup/github/20261129T191130Z-4242/heads/main"),
            Some((
                "github".into(),
                "20261129T191130Z-4242".into(),
                "refs/heads/main".into()
            ))
        );
        // A remote name with a slash, a ref with slashes.
        assert_eq!(
            split("refs/multi/backup/team/lab/20260101T000000Z-7/tags/v1/rc"),
            Some((
                "team/lab".into(),
                "20260101T000000Z-7".into(),
                "refs/tags/v1/rc".into()
            ))
        );
        assert_eq!(split("refs/multi/backup/github/heads/main"), None);
        assert_eq!(split("refs/heads/main"), None);
        assert_eq!(
            event_time("20261129T191130Z-4242").as_deref(),
            Some("2026-11-29T19:11:30Z")
        );
    }
}
