//! Whole remotes as git bundles, and the manifest that describes a backup directory.
//!
//! [`back_up`] fetches every branch, tag and configured namespace ref of one remote, fresh, into a private
//! namespace (`refs/multi/bundle/<remote>/…`), writes a bundle that carries the remote's own ref names (from a
//! scratch repository borrowing this one's objects), checksums it, and removes the private refs again. The
//! manifest (`manifest.json`) lists per remote its URL (no secret), refs and tips, bundle file and SHA-256.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::Namespace;
use crate::git::{refname, Git, GitError, RefWrite, Refspec};
use crate::runner::Job;

/// The manifest's file name inside a backup directory.
pub const MANIFEST: &str = "manifest.json";
/// Bumped when the manifest changes incompatibly.
pub const FORMAT: u32 = 1;

/// A backup directory's table of contents.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// When the backup was made (RFC 3339, UTC).
    pub created: String,
    pub remotes: Vec<Archived>,
    /// The remote set and multi settings (`backup --include-config`): the file's name in the directory, in
    /// the format `export` writes and `import` reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<String>,
}

/// The remote-set file's name in a backup directory (`backup --include-config`).
pub const CONFIG_FILE: &str = "remote-set.toml";

/// One remote's backup.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Archived {
    pub remote: String,
    /// The remote's URL, any password removed.
    pub url: Option<String>,
    /// When its refs were fetched (RFC 3339, UTC).
    pub time: String,
    /// The bundle's file name in the directory; `None` for a remote without refs (git makes no empty bundle).
    pub bundle: Option<String>,
    pub sha256: Option<String>,
    /// Every ref backed up, by the remote's own name, and its tip.
    pub refs: BTreeMap<String, String>,
}

/// Why a backup of one remote failed.
#[derive(Debug)]
pub enum Failure {
    Git(GitError),
    Io(String),
}

impl From<GitError> for Failure {
    fn from(err: GitError) -> Failure {
        Failure::Git(err)
    }
}

/// The ref patterns a backup carries: branches, tags and every configured namespace.
pub fn patterns(namespaces: &[Namespace]) -> Vec<String> {
    let mut patterns = vec![
        format!("{}*", refname::HEADS),
        format!("{}*", refname::TAGS),
    ];
    for ns in namespaces {
        if !patterns.contains(&ns.pattern) {
            patterns.push(ns.pattern.clone());
        }
    }
    patterns
}

/// Does `name` match `pattern` (one `*` standing for any run of characters, or an exact name)?
pub fn matches(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        Some((head, tail)) => {
            name.len() >= head.len() + tail.len() && name.starts_with(head) && name.ends_with(tail)
        }
        None => pattern == name,
    }
}

/// A bundle's file name for a remote (`/` and `%` escaped: remote names may contain slashes).
pub fn bundle_file(remote: &str) -> String {
    format!("{}.bundle", remote.replace('%', "%25").replace('/', "%2F"))
}

/// Backs up `job`'s remote into `dir`: fetched within the job's deadline (with the usual retries), bundled
/// under the remote's own ref names, checksummed. The private refs are removed whatever happens.
pub fn back_up(job: &Job, git: &Git, patterns: &[String], dir: &Path) -> Result<Archived, Failure> {
    let remote = job.name();
    let prefix = refname::bundle_prefix(remote);
    // Leftovers of an interrupted run would otherwise end up in this bundle.
    remove_refs(git, &prefix)?;
    let refspecs: Vec<Refspec> = patterns
        .iter()
        .map(|p| {
            // An exact name becomes a pattern matching it, so a remote without that ref is not an error;
            // anything else the pattern picks up is left out below.
            let glob = if p.contains('*') {
                p.clone()
            } else {
                format!("{p}*")
            };
            Refspec::map(&glob, &refname::bundle(remote, &glob), true)
        })
        .collect();
    job.say("fetching");
    let fetched = job
        .git(|left, _| git.fetch_exact(remote, &refspecs, Some(left)))
        .result;
    let time = crate::clock::rfc3339(crate::clock::now_secs());
    let result = fetched.map_err(Failure::from).and_then(|()| {
        let local = git.refs(&[&prefix])?;
        let refs: BTreeMap<String, String> = local
            .into_iter()
            .filter_map(|(name, oid)| Some((refname::from_bundle(remote, &name)?, oid)))
            .filter(|(name, _)| patterns.iter().any(|p| matches(p, name)))
            .collect();
        job.say("bundling");
        bundle(git, remote, &refs, dir).map(|(bundle, sha256)| Archived {
            remote: remote.to_string(),
            url: job
                .member
                .url
                .as_deref()
                .map(crate::setfile::without_secret),
            time,
            bundle,
            sha256,
            refs,
        })
    });
    let cleaned = remove_refs(git, &prefix);
    let archived = result?;
    cleaned?;
    Ok(archived)
}

/// Writes `refs` (remote names → tips, all objects here) to `<dir>/<remote>.bundle`; the file name and its
/// SHA-256, or nothing for no refs.
fn bundle(
    git: &Git,
    remote: &str,
    refs: &BTreeMap<String, String>,
    dir: &Path,
) -> Result<(Option<String>, Option<String>), Failure> {
    if refs.is_empty() {
        return Ok((None, None));
    }
    let scratch_dir = tempfile::Builder::new()
        .prefix("git-multi-bundle")
        .tempdir()
        .map_err(|e| Failure::Io(format!("cannot make a scratch directory: {e}")))?;
    let scratch = git.scratch_repository(&scratch_dir.path().join("repo.git"))?;
    let writes: Vec<RefWrite> = refs
        .iter()
        .map(|(name, oid)| RefWrite::Update {
            name: name.clone(),
            oid: oid.clone(),
            old: None,
        })
        .collect();
    scratch.update_refs(&writes, "git multi backup")?;
    let name = bundle_file(remote);
    let file = dir.join(&name);
    // Written under another name first: a crash never leaves a truncated bundle under the real one.
    let partial: PathBuf = dir.join(format!("{name}.partial"));
    let names: Vec<String> = refs.keys().cloned().collect();
    scratch.bundle_create(&partial, &names)?;
    std::fs::rename(&partial, &file)
        .map_err(|e| Failure::Io(format!("cannot write {}: {e}", file.display())))?;
    let sum = sha256_file(&file)
        .map_err(|e| Failure::Io(format!("cannot read {}: {e}", file.display())))?;
    Ok((Some(name), Some(sum)))
}

fn remove_refs(git: &Git, prefix: &str) -> Result<(), GitError> {
    let refs = git.refs(&[prefix])?;
    let writes: Vec<RefWrite> = refs
        .into_keys()
        .map(|name| RefWrite::Delete { name })
        .collect();
    git.update_refs(&writes, "git multi backup: done")
}

/// The SHA-256 of a file, as lower-case hex.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Reads `<dir>/manifest.json`.
pub fn read_manifest(dir: &Path) -> Result<Manifest, String> {
    let path = dir.join(MANIFEST);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let manifest: Manifest = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not a git-multi backup manifest: {e}", path.display()))?;
    if manifest.format > FORMAT {
        return Err(format!(
            "{} was written by a newer git-multi (format {})",
            path.display(),
            manifest.format
        ));
    }
    Ok(manifest)
}

/// Writes `<dir>/manifest.json` (through a temporary file, so a reader never sees half of it).
pub fn write_manifest(dir: &Path, manifest: &Manifest) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(manifest).map_err(std::io::Error::other)?;
    let partial = dir.join(format!("{MANIFEST}.partial"));
    std::fs::write(&partial, format!("{text}\n"))?;
    std::fs::rename(partial, dir.join(MANIFEST))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::MergeMode;

    #[test]
    fn patterns_cover_branches_tags_and_namespaces() {
        let ns = [
            Namespace {
                pattern: "refs/git-mile/*".into(),
                merge: MergeMode::Union,
            },
            Namespace {
                pattern: "refs/notes/commits".into(),
                merge: MergeMode::Union,
            },
        ];
        assert_eq!(
            patterns(&ns),
            [
                "refs/heads/*",
                "refs/tags/*",
                "refs/git-mile/*",
                "refs/notes/commits"
            ]
        );
        assert!(matches("refs/heads/*", "refs/heads/a/b"));
        assert!(matches("refs/notes/commits", "refs/notes/commits"));
        assert!(!matches("refs/notes/commits", "refs/notes/commits-old"));
        assert!(!matches("refs/tags/*", "refs/heads/main"));
    }

    #[test]
    fn bundle_files_are_one_per_remote_name() {
        assert_eq!(bundle_file("gh"), "gh.bundle");
        assert_eq!(bundle_file("team/gh"), "team%2Fgh.bundle");
        assert_ne!(bundle_file("a%2Fb"), bundle_file("a/b"));
    }

    #[test]
    fn sha256_of_known_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("abc");
        std::fs::write(&path, "abc").unwrap();
        assert_eq!(
            sha256_file(&path).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
