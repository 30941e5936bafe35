//! Parser for `git ls-remote --symref` output.

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
                return Some(RemoteRef::Symbolic { name: name.to_string(), target: target.to_string() });
            }
            let is_oid = matches!(left.len(), 40 | 64) && left.bytes().all(|b| b.is_ascii_hexdigit());
            is_oid.then(|| RemoteRef::Direct { name: name.to_string(), oid: left.to_string() })
        })
        .collect()
}

/// The branch `HEAD` points to, when the server said.
pub fn head_branch(refs: &[RemoteRef]) -> Option<&str> {
    refs.iter().find_map(|r| match r {
        RemoteRef::Symbolic { name, target } if name == "HEAD" => target.strip_prefix("refs/heads/"),
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
        assert_eq!(refs[0], RemoteRef::Symbolic { name: "HEAD".into(), target: "refs/heads/main".into() });
        assert_eq!(
            refs[2],
            RemoteRef::Direct { name: "refs/heads/main".into(), oid: "7ed72e67088761987debd5728684b43eee2c3fcb".into() }
        );
        assert_eq!(refs[4].name(), "refs/tags/v1^{}");
        assert_eq!(head_branch(&refs), Some("main"));
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
