//! When a remote's tracking refs last moved, and why, read from their reflogs (`logs/refs/remotes/<remote>/…`
//! and `logs/refs/multi/remotes/<remote>/…` in the common git directory): a fetch (`fetch …`, `pull …`) or a
//! push (`update by push`). Nothing is spawned; a repository without those files (reftable, reflogs off)
//! simply has no times.

use std::path::Path;

use super::{Git, GitError};

/// The newest fetch and push seen in a remote's tracking-ref reflogs, in seconds since the epoch.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LastUpdates {
    pub fetch: Option<u64>,
    pub push: Option<u64>,
}

/// What moved a ref, by the message git wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    Fetch,
    Push,
    Other,
}

/// `<old> <new> <name> <<email>> <secs> <tz>\t<message>`: the time and why.
fn parse_line(line: &str) -> Option<(u64, Why)> {
    let (head, message) = line.split_once('\t')?;
    let mut words = head.rsplitn(3, ' ');
    let _tz = words.next()?;
    let secs: u64 = words.next()?.parse().ok()?;
    let why = if message.starts_with("update by push") {
        Why::Push
    } else if message.starts_with("fetch") || message.starts_with("pull") {
        Why::Fetch
    } else {
        Why::Other
    };
    Some((secs, why))
}

fn scan(dir: &Path, into: &mut LastUpdates) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            scan(&path, into);
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for (secs, why) in text.lines().filter_map(parse_line) {
            let slot = match why {
                Why::Fetch => &mut into.fetch,
                Why::Push => &mut into.push,
                Why::Other => continue,
            };
            *slot = Some(slot.map_or(secs, |s| s.max(secs)));
        }
    }
}

impl Git {
    /// When `remote`'s tracking refs were last moved by a fetch and by a push.
    pub fn last_updates(&self, remote: &str) -> Result<LastUpdates, GitError> {
        let logs = self.common_dir()?.join("logs");
        let mut found = LastUpdates::default();
        scan(&logs.join("refs/remotes").join(remote), &mut found);
        scan(&logs.join("refs/multi/remotes").join(remote), &mut found);
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Captured from git 2.47: a push, a first fetch, a later fetch, a pull.
    const SAMPLE_PUSH: &str = "22192f44cdd6173a4f08c1c002d4505415b50553 ee2e2fe6041df104416102d997cf290579066a04 Seed 3790ef8f maintainers <maintainers@users.noreply.example> 1796361871 +0000\tupdate by push";
    const SAMPLE_FETCH_NEW: &str = "0000000000000000000000000000000000000000 eb19af98e8a6c83ddbbab83ceccef4e862bc019c Seed 3790ef8f maintainers <maintainers@users.noreply.example> 1796361870 +0000\tfetch -q a: storing head";
    const SAMPLE_FETCH_FF: &str = "ee2e2fe6041df104416102d997cf290579066a04 5d1d0ba0a7b7ad0bd7f6a0c0b23d7a0b1f2b0c11 Test User <test@example.com> 1767225600 +0100\tfetch a: fast-forward";
    const SAMPLE_PULL: &str = "ee2e2fe6041df104416102d997cf290579066a04 5d1d0ba0a7b7ad0bd7f6a0c0b23d7a0b1f2b0c11 Test User <test@example.com> 1767225601 +0000\tpull a main: fast-forward";

    #[test]
    fn reads_time_and_reason_of_real_reflog_lines() {
        assert_eq!(parse_line(SAMPLE_PUSH), Some((1796361871, Why::Push)));
        assert_eq!(parse_line(SAMPLE_FETCH_NEW), Some((1796361870, Why::Fetch)));
        assert_eq!(parse_line(SAMPLE_FETCH_FF), Some((1767225600, Why::Fetch)));
        assert_eq!(parse_line(SAMPLE_PULL), Some((1767225601, Why::Fetch)));
        assert_eq!(parse_line("garbage"), None);
    }

    #[test]
    fn keeps_the_newest_of_each_kind_across_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("feature")).unwrap();
        std::fs::write(
            dir.path().join("main"),
            format!("{SAMPLE_FETCH_NEW}\n{SAMPLE_PUSH}\n"),
        )
        .unwrap();
        std::fs::write(dir.path().join("feature/x"), format!("{SAMPLE_PULL}\n")).unwrap();
        let mut found = LastUpdates::default();
        scan(dir.path(), &mut found);
        assert_eq!(
            found,
            LastUpdates {
                fetch: Some(1796361870),
                push: Some(1796361871)
            }
        );
    }
}
