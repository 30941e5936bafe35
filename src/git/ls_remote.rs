//! `git ls-remote`: what a remote has, without fetching anything; the command and the parser of its output.

use std::collections::BTreeMap;
use std::time::Duration;

use super::{Git, GitError};

impl Git {
    /// `git ls-remote --symref` of a remote, as a background job bounded by `timeout`.
    pub fn ls_remote(
        &self,
        remote: &str,
        timeout: Option<Duration>,
    ) -> Result<Vec<RemoteRef>, GitError> {
        let output = self
            .command(["ls-remote", "--symref", "--", remote])
            .background()
            .timeout(timeout)
            .run()?;
        Ok(parse(&output.stdout))
    }

    /// The refs under `prefixes` (`refs/heads/`, `refs/tags/`, a configured namespace) a remote advertises, as
    /// `name -> oid`, without symbolic refs, `HEAD` or peeled tag lines.
    pub fn ls_remote_refs(
        &self,
        remote: &str,
        prefixes: &[&str],
        timeout: Option<Duration>,
    ) -> Result<BTreeMap<String, String>, GitError> {
        let mut args = vec!["ls-remote"];
        // Branches and tags alone can be asked for by kind, so the server sends nothing else (refs/pull/*…).
        if prefixes
            .iter()
            .all(|p| *p == "refs/heads/" || *p == "refs/tags/")
        {
            if prefixes.contains(&"refs/heads/") {
                args.push("--heads");
            }
            if prefixes.contains(&"refs/tags/") {
                args.push("--tags");
            }
        }
        args.extend(["--", remote]);
        let output = self.command(args).background().timeout(timeout).run()?;
        let mut refs = direct_refs(&parse(&output.stdout));
        refs.retain(|name, _| prefixes.iter().any(|p| name.starts_with(p)));
        Ok(refs)
    }
}

/// `refs/… -> oid` of the direct refs, peeled lines and `HEAD` left out.
pub fn direct_refs(refs: &[RemoteRef]) -> BTreeMap<String, String> {
    refs.iter()
        .filter_map(|r| match r {
            RemoteRef::Direct { name, oid }
                if name.starts_with("refs/") && !name.ends_with("^{}") =>
            {
                Some((name.clone(), oid.clone()))
            }
            _ => None,
        })
        .collect()
}

/// One line of `git ls-remote`: a ref and the object it points at, or (with `--symref`) the ref a symbolic
/// ref such as `HEAD` points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteRef {
    Direct { name: String, oid: String },
    Symbolic { name: String, target: String },
}

impl RemoteRef {
    pub fn name(&self) -> &str {
        match self {
            RemoteRef::Direct { name, .. } | RemoteRef::Symbolic { name, .. } => name,
        }
    }
}

/// Parses `<oid>\t<ref>` and `ref: <target>\t<ref>` lines; anything else is skipped.
pub fn parse(output: &str) -> Vec<RemoteRef> {
    output
        .lines()
        .filter_map(|line| {
            let (left, name) = line.split_once('\t')?;
            if let Some(target) = left.strip_prefix("ref: ") {
                return Some(RemoteRef::Symbolic {
                    name: name.to_string(),
                    target: target.to_string(),
                });
            }
            let is_oid =
                matches!(left.len(), 40 | 64) && left.bytes().all(|b| b.is_ascii_hexdigit());
            is_oid.then(|| RemoteRef::Direct {
                name: name.to_string(),
                oid: left.to_string(),
            })
        })
        .collect()
}

/// The branch `HEAD` points to, when the server said.
pub fn head_branch(refs: &[RemoteRef]) -> Option<&str> {
    refs.iter().find_map(|r| match r {
        RemoteRef::Symbolic { name, target } if name == "HEAD" => {
            target.strip_prefix("refs/heads/")
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `git ls-remote --symref` of a repository with a branch, an annotated tag and its peeled line (git 2.47.3).
    const SAMPLE: &str = "ref: refs/heads/main\tHEAD\n7ed72e67088761987debd5728684b43eee2c3fcb\tHEAD\n7ed72e67088761987debd5728684b43eee2c3fcb\trefs/heads/main\n3b18e512dba79e4c8300dd08aeb37f8e728b8dad\trefs/tags/v1\n7ed72e67088761987debd5728684b43eee2c3fcb\trefs/tags/v1^{}\n";

    #[test]
    fn parses_real_output() {
        let refs = parse(SAMPLE);
        assert_eq!(refs.len(), 5);
        assert_eq!(
            refs[0],
            RemoteRef::Symbolic {
                name: "HEAD".into(),
                target: "refs/heads/main".into()
            }
        );
        assert_eq!(
            refs[2],
            RemoteRef::Direct {
                name: "refs/heads/main".into(),
                oid: "7ed72e67088761987debd5728684b43eee2c3fcb".into()
            }
        );
        assert_eq!(refs[4].name(), "refs/tags/v1^{}");
        assert_eq!(head_branch(&refs), Some("main"));
        let direct = direct_refs(&refs);
        assert_eq!(
            direct.keys().collect::<Vec<_>>(),
            ["refs/heads/main", "refs/tags/v1"]
        );
    }

    #[test]
    fn empty_repository_has_no_refs() {
        assert!(parse("").is_empty());
        assert_eq!(head_branch(&[]), None);
    }

    #[test]
    fn skips_lines_that_are_not_refs() {
        assert!(parse("warning: redirecting to https://x/\nnot-an-oid\trefs/heads/x\n").is_empty());
    }
}
