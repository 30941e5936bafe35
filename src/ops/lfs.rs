//! Git LFS: whether a repository uses it, and whether git-lfs's pre-push hook (which uploads the LFS objects
//! inside every `git push`, so inside each of git-multi's parallel pushes too) is installed. git-multi does no
//! LFS transfer of its own; `git multi doctor` warns with [`lfs_hooks_missing`].

use std::path::Path;

use crate::automation::hooks::ORIGINAL_SUFFIX;
use crate::git::Git;

/// Does this repository use Git LFS? Its `.gitattributes` routes paths through `filter=lfs`, or git-lfs keeps
/// objects for it (`.git/lfs`).
pub fn uses_lfs(git: &Git) -> bool {
    let tracked = git
        .toplevel()
        .and_then(|top| std::fs::read_to_string(top.join(".gitattributes")).ok())
        .is_some_and(|text| {
            text.lines()
                .any(|l| !l.trim_start().starts_with('#') && l.contains("filter=lfs"))
        });
    let stored = git
        .common_dir()
        .is_ok_and(|dir| dir.join("lfs").join("objects").is_dir());
    tracked || stored
}

/// `Some(why)` when the repository uses LFS but no pre-push hook runs `git lfs pre-push` (a git-multi hook
/// that chains git-lfs's counts): pushes would then send pointers without their objects.
pub fn lfs_hooks_missing(git: &Git) -> Option<String> {
    if !uses_lfs(git) {
        return None;
    }
    let hooks = git.git_path("hooks").ok()?;
    let pre_push = hooks.join("pre-push");
    let chained = hooks.join(format!("pre-push{ORIGINAL_SUFFIX}"));
    if runs_lfs(&pre_push) || runs_lfs(&chained) {
        return None;
    }
    Some(format!(
        "this repository uses Git LFS but {} does not run `git lfs pre-push`: pushes would leave the LFS objects behind",
        pre_push.display()
    ))
}

fn runs_lfs(hook: &Path) -> bool {
    std::fs::read_to_string(hook)
        .is_ok_and(|text| text.contains("git lfs pre-push") || text.contains("git-lfs pre-push"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo(dir: &Path) -> Git {
        let status = std::process::Command::new("git")
            .args(["init", "-q"])
            .arg(dir)
            .status()
            .expect("git runs");
        assert!(status.success());
        Git::locate().expect("git is installed").at(dir)
    }

    #[test]
    fn missing_hooks_are_found_only_where_lfs_is_used() {
        let dir = tempfile::tempdir().unwrap();
        let git = repo(dir.path());
        assert_eq!(lfs_hooks_missing(&git), None, "no LFS, nothing to say");
        std::fs::write(
            dir.path().join(".gitattributes"),
            "*.bin filter=lfs diff=lfs merge=lfs -text\n",
        )
        .unwrap();
        let why = lfs_hooks_missing(&git).expect("LFS without its hook");
        assert!(why.contains("does not run `git lfs pre-push`"), "{why}");
        let hooks = dir.path().join(".git/hooks");
        std::fs::write(
            hooks.join("pre-push.git-multi-orig"),
            "#!/bin/sh\ngit lfs pre-push \"$@\"\n",
        )
        .unwrap();
        assert_eq!(
            lfs_hooks_missing(&git),
            None,
            "chained behind git-multi's hook counts"
        );
    }
}
