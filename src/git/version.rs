//! Parsing and checking the version of the system `git`.

use std::fmt;

/// The oldest git git-multi runs with.
///
/// 2.31 is the first release with `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`, through which every per-run setting
/// is handed to git (so settings never show up in argv).
pub const MINIMUM: GitVersion = GitVersion::new(2, 31, 0);

/// From 2.46 on, `credential.interactive=false` stops credential helpers from opening prompts of their own.
pub const CREDENTIAL_INTERACTIVE: GitVersion = GitVersion::new(2, 46, 0);

/// From 2.38 on, `git merge-tree --write-tree` merges two commits without a work tree.
pub const MERGE_TREE_WRITE: GitVersion = GitVersion::new(2, 38, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct GitVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

impl GitVersion {
    pub const fn new(major: u32, minor: u32, patch: u32) -> Self {
        GitVersion {
            major,
            minor,
            patch,
        }
    }

    /// Parses the first line of `git version`, e.g. `git version 2.47.3`, `git version 2.39.5 (Apple Git-154)`,
    /// `git version 2.45.1.windows.1` or `git version 2.48.0.rc1`.
    pub fn parse(output: &str) -> Option<GitVersion> {
        let rest = output.lines().next()?.trim().strip_prefix("git version ")?;
        let number = rest.split_whitespace().next()?;
        let mut parts = number.split('.').map(leading_number);
        let major = parts.next().flatten()?;
        let minor = parts.next().flatten()?;
        let patch = parts.next().flatten().unwrap_or(0);
        Some(GitVersion::new(major, minor, patch))
    }
}

fn leading_number(part: &str) -> Option<u32> {
    let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

impl fmt::Display for GitVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_version_lines() {
        // Captured from Debian's git, the /usr/local build, Apple's and Git for Windows.
        let samples = [
            ("git version 2.47.3\n", GitVersion::new(2, 47, 3)),
            ("git version 2.39.5\n", GitVersion::new(2, 39, 5)),
            (
                "git version 2.39.5 (Apple Git-154)\n",
                GitVersion::new(2, 39, 5),
            ),
            ("git version 2.45.1.windows.1\n", GitVersion::new(2, 45, 1)),
            ("git version 2.48.0.rc1\n", GitVersion::new(2, 48, 0)),
            ("git version 2.50.0-rc2\n", GitVersion::new(2, 50, 0)),
            ("git version 3.0\n", GitVersion::new(3, 0, 0)),
        ];
        for (line, want) in samples {
            assert_eq!(GitVersion::parse(line), Some(want), "{line:?}");
        }
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(GitVersion::parse(""), None);
        assert_eq!(GitVersion::parse("hub version 2.14.2"), None);
        assert_eq!(GitVersion::parse("git version x.y"), None);
    }

    #[test]
    fn orders_versions() {
        assert!(GitVersion::new(2, 30, 9) < MINIMUM);
        assert!(GitVersion::new(2, 31, 0) >= MINIMUM);
        assert!(GitVersion::new(3, 0, 0) > GitVersion::new(2, 99, 99));
    }
}
