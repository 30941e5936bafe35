//! Running git-multi without anyone typing it: git hooks, schedules on the system's own engines (systemd user
//! timers, cron, launchd) and CI workflows. Every file or entry installed carries [`MARKER`], so `remove`,
//! `list` and `git multi doctor` tell git-multi's work from the user's own.

pub mod ci;
pub mod hooks;
pub mod install_source;
pub mod schedule;
pub mod yaml;

use std::path::PathBuf;

/// The literal text in every hook, unit, timer, plist and crontab entry git-multi installs (in a `# …` comment
/// line, `<!-- … -->` in a plist). Doctor and `list` look for it; `remove` touches nothing without it.
pub const MARKER: &str = "git-multi managed";

/// Set in git-multi's own environment, so every git it runs (and every hook that git runs) inherits it: a hook
/// installed by git-multi then stands aside instead of starting another run (a `git multi push` would
/// otherwise make each remote's pre-push hook push to all the others again).
pub const IN_RUN: &str = "GIT_MULTI_HOOK";

/// Marks this process as a git-multi run for its children; called once, before any thread starts.
pub fn mark_own_children() {
    std::env::set_var(IN_RUN, "1");
}

/// The directory of the running git-multi executable: hooks and schedules put it first on PATH, so they run
/// the same git-multi even where PATH is minimal (cron) or does not have it (a hook run from a GUI).
pub fn exe_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let exe = exe.canonicalize().unwrap_or(exe);
    exe.parent().map(PathBuf::from)
}

/// Quotes `s` for a POSIX shell when it holds anything the shell would interpret.
pub fn sh_quote(s: &str) -> String {
    crate::quote::word(s).into_owned()
}

/// A short stable name for a path (FNV-1a, 32 bits, hex): unit names and labels stay the same from one run and
/// one Rust version to the next, which `std`'s hasher does not promise.
pub fn path_tag(path: &std::path::Path) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in path.as_os_str().as_encoded_bytes() {
        hash ^= u32::from(*byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{hash:08x}")
}

/// `[A-Za-z0-9-]` only, at most 32 characters: a repository directory's name as part of a unit name or label.
pub fn slug(name: &str) -> String {
    let mut slug: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(32)
        .collect();
    while slug.contains("--") {
        slug = slug.replace("--", "-");
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "repo".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_slugs_are_stable_and_plain() {
        assert_eq!(
            path_tag(std::path::Path::new("/srv/app")),
            path_tag(std::path::Path::new("/srv/app"))
        );
        assert_ne!(
            path_tag(std::path::Path::new("/srv/app")),
            path_tag(std::path::Path::new("/srv/app2"))
        );
        assert_eq!(slug("my repo.git"), "my-repo-git");
        assert_eq!(slug("..."), "repo");
    }
}
