//! `git bundle` for backups: fetching a remote's refs (or a bundle's) under exact refspecs without following
//! tags into the user's own namespace, writing a bundle from a scratch repository that borrows this one's
//! objects (so the bundle carries the remote's own ref names), verifying it, and listing what it holds.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::Path;
use std::time::Duration;

use super::{Git, GitError, Refspec};

impl Git {
    /// `git fetch --no-tags` of exactly `refspecs` from `source` (a remote's name, or a bundle file), as a
    /// background job: nothing but the named destinations is written, not even tags that happen to follow.
    pub fn fetch_exact(
        &self,
        source: &str,
        refspecs: &[Refspec],
        timeout: Option<Duration>,
    ) -> Result<(), GitError> {
        let mut args: Vec<String> = [
            "fetch",
            "--no-tags",
            "--no-write-fetch-head",
            "--quiet",
            "--",
        ]
        .map(String::from)
        .to_vec();
        args.push(source.to_string());
        args.extend(refspecs.iter().map(Refspec::arg));
        self.command(&args)
            .background()
            .timeout(timeout)
            .config("gc.auto", "0")
            .config("maintenance.auto", "false")
            .run()
            .map(drop)
    }

    /// A new bare repository at `dir` that reads its objects from this repository's object store (through
    /// `objects/info/alternates`): refs can be written there under any name without copying an object.
    pub fn scratch_repository(&self, dir: &Path) -> Result<Git, GitError> {
        let objects = self
            .command([
                "rev-parse",
                "--path-format=absolute",
                "--git-path",
                "objects",
            ])
            .run()?
            .stdout
            .trim_end()
            .to_string();
        self.command(with_path(&["init", "--quiet", "--bare", "--"], dir, &[]))
            .run()?;
        let alternates = dir.join("objects").join("info").join("alternates");
        std::fs::write(&alternates, format!("{objects}\n")).map_err(|source| GitError::Spawn {
            command: format!("write {}", alternates.display()),
            source,
        })?;
        Ok(self.at(dir))
    }

    /// `git bundle create <file>` holding every ref named in `refs` (full names) with all their history.
    pub fn bundle_create(&self, file: &Path, refs: &[String]) -> Result<(), GitError> {
        // The ref list travels on stdin: a remote can have more refs than a command line takes.
        let input: String = refs.iter().map(|r| format!("{r}\n")).collect();
        self.command(with_path(
            &["bundle", "create", "--quiet"],
            file,
            &["--stdin"],
        ))
        .stdin(input.into_bytes())
        .run()
        .map(drop)
    }

    /// `git bundle verify`: the file is a bundle git can read and every prerequisite commit is here. The
    /// error carries git's own words.
    pub fn bundle_verify(&self, file: &Path) -> Result<(), GitError> {
        self.command(with_path(&["bundle", "verify", "--quiet"], file, &[]))
            .run()
            .map(drop)
    }

    /// The refs a bundle holds, `name -> oid` (its `HEAD` left out).
    pub fn bundle_heads(&self, file: &Path) -> Result<BTreeMap<String, String>, GitError> {
        let output = self
            .command(with_path(&["bundle", "list-heads"], file, &[]))
            .run()?;
        Ok(parse_heads(&output.stdout))
    }
}

/// `before… <path> after…` as one argument vector (paths need not be UTF-8).
fn with_path(before: &[&str], path: &Path, after: &[&str]) -> Vec<OsString> {
    before
        .iter()
        .map(OsString::from)
        .chain(std::iter::once(path.as_os_str().to_os_string()))
        .chain(after.iter().map(OsString::from))
        .collect()
}

/// Parses `git bundle list-heads`: `<oid> <ref>` per line.
pub fn parse_heads(stdout: &str) -> BTreeMap<String, String> {
    stdout
        .lines()
        .filter_map(|line| line.split_once(' '))
        .filter(|(oid, name)| {
            matches!(oid.len(), 40 | 64)
                && oid.bytes().all(|b| b.is_ascii_hexdigit())
                && name.starts_with("refs/")
        })
        .map(|(oid, name)| (name.to_string(), oid.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `git bundle list-heads` of a `--all` bundle with a branch, an annotated tag, a namespace ref and HEAD
    /// (git 2.47.3).
    const SAMPLE: &str = "703827472901d8035e42412d6e2f54274ef6979b refs/git-mile/tasks/T1\n\
        703827472901d8035e42412d6e2f54274ef6979b refs/heads/main\n\
        547bd0ca395d43a7232756c45bd86ff0bfadb5d8 refs/tags/v1\n\
        703827472901d8035e42412d6e2f54274ef6979b HEAD\n";

    #[test]
    fn parses_real_list_heads() {
        let heads = parse_heads(SAMPLE);
        assert_eq!(
            heads.keys().collect::<Vec<_>>(),
            ["refs/git-mile/tasks/T1", "refs/heads/main", "refs/tags/v1"]
        );
        assert_eq!(
            heads["refs/heads/main"],
            "703827472901d8035e42412d6e2f54274ef6979b"
        );
        assert!(parse_heads("").is_empty());
        // What `git bundle create` says for an empty repository (exit 128), should it ever reach the parser.
        assert!(parse_heads("fatal: Refusing to create empty bundle.\n").is_empty());
    }
}
