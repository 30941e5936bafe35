//! Lock files git left behind: `*.lock` in a repository (`index.lock`, `HEAD.lock`, `refs/heads/main.lock`,
//! `packed-refs.lock`, `config.lock`) that are older than a few minutes while no git runs in that repository.
//! git removes its locks when it ends or is asked to stop; one left behind (a crash, a kill) makes every later
//! update of that ref fail until someone removes it.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A lock younger than this may belong to a git that is just working: only older ones are called stale.
pub const STALE_AFTER: Duration = Duration::from_secs(5 * 60);

/// Stale lock files in the repository whose git directory is `git_dir` (git-multi's own `multi/` flock files,
/// which lock nothing once their holder is gone, are not git's and are left out). Empty while a git process
/// works in that repository: its locks may be live.
pub fn stale(git_dir: &Path) -> Vec<PathBuf> {
    let now = SystemTime::now();
    let old = |path: &Path| {
        std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= STALE_AFTER)
    };
    let found: Vec<PathBuf> = lock_files(git_dir).into_iter().filter(|p| old(p)).collect();
    if found.is_empty() || git_runs_in(git_dir) {
        return Vec::new();
    }
    found
}

/// Every `*.lock` under `git_dir` where git puts locks: the top, `refs/`, `logs/` and `worktrees/`, not the
/// object store (git does not lock there) nor git-multi's `multi/`.
fn lock_files(git_dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let is_lock = |p: &Path| p.extension().is_some_and(|e| e == "lock") && p.is_file();
    let Ok(top) = std::fs::read_dir(git_dir) else {
        return found;
    };
    let mut todo = Vec::new();
    for entry in top.flatten() {
        let path = entry.path();
        if is_lock(&path) {
            found.push(path);
        } else if path.is_dir()
            && ["refs", "logs", "worktrees"]
                .iter()
                .any(|d| path.file_name().is_some_and(|n| n == *d))
        {
            todo.push(path);
        }
    }
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if is_lock(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Whether a git process has its working directory in this repository (its git directory or the work tree
/// above it), as far as `/proc` tells: where it cannot be read, nothing is assumed to run.
fn git_runs_in(git_dir: &Path) -> bool {
    let repo = git_dir
        .canonicalize()
        .unwrap_or_else(|_| git_dir.to_path_buf());
    let top = match repo.file_name() {
        Some(name) if name == ".git" => repo.parent().map(Path::to_path_buf),
        _ => None,
    }
    .unwrap_or_else(|| repo.clone());
    let Ok(processes) = std::fs::read_dir("/proc") else {
        return false;
    };
    processes.flatten().any(|p| {
        let dir = p.path();
        let is_git = std::fs::read_to_string(dir.join("comm"))
            .is_ok_and(|c| c.trim_end().starts_with("git") && !c.starts_with("git-multi"));
        is_git && std::fs::read_link(dir.join("cwd")).is_ok_and(|cwd| cwd.starts_with(&top))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_old_locks_where_git_keeps_them() {
        let dir = tempfile::tempdir().unwrap();
        let git_dir = dir.path().join("r.git");
        for sub in ["refs/heads", "objects/pack", "multi"] {
            std::fs::create_dir_all(git_dir.join(sub)).unwrap();
        }
        let old = [
            git_dir.join("HEAD.lock"),
            git_dir.join("refs/heads/main.lock"),
        ];
        let ignored = [
            git_dir.join("objects/pack/x.lock"),
            git_dir.join("multi/log.lock"),
        ];
        let young = git_dir.join("packed-refs.lock");
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        for path in old.iter().chain(&ignored) {
            let file = std::fs::File::create(path).unwrap();
            file.set_modified(long_ago).unwrap();
        }
        std::fs::File::create(&young).unwrap();
        assert_eq!(stale(&git_dir), old.to_vec());
    }
}
