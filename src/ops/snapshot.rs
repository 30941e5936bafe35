//! One `for-each-ref` for everything a run needs to know about local refs (the refs being pushed, every
//! remote's tracking refs), read once and shared by every remote's job.

use std::collections::BTreeMap;

use crate::git::{Git, GitError};

/// Local refs as they were when the snapshot was taken.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    refs: BTreeMap<String, String>,
}

impl Snapshot {
    /// Every ref matching `patterns` (prefixes such as `refs/remotes/gh/`, exact names, or globs as
    /// `for-each-ref` takes them), in one call.
    pub fn take(git: &Git, patterns: &[String]) -> Result<Snapshot, GitError> {
        if patterns.is_empty() {
            return Ok(Snapshot::default());
        }
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        Ok(Snapshot {
            refs: git.refs(&patterns)?,
        })
    }

    // Shared API, used by the branches merged after this one.
    pub fn from_map(refs: BTreeMap<String, String>) -> Snapshot {
        Snapshot { refs }
    }

    /// Every ref read, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.refs.iter().map(|(n, o)| (n.as_str(), o.as_str()))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.refs.get(name).map(String::as_str)
    }

    /// Everything under `prefixes` as `newer` has it (what was here under them is dropped): a few remotes'
    /// refs read again after a fetch, the rest kept.
    pub fn replace(&mut self, prefixes: &[String], newer: &Snapshot) {
        self.refs
            .retain(|name, _| !prefixes.iter().any(|p| name.starts_with(p.as_str())));
        for (name, oid) in newer.iter() {
            if prefixes.iter().any(|p| name.starts_with(p.as_str())) {
                self.refs.insert(name.to_string(), oid.to_string());
            }
        }
    }

    /// Every ref under `prefix`, in name order.
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.refs
            .range(prefix.to_string()..)
            .take_while(move |(name, _)| name.starts_with(prefix))
            .map(|(n, o)| (n.as_str(), o.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_what_is_under_a_prefix_only() {
        let snapshot = Snapshot::from_map(
            [
                ("refs/remotes/a/main", "1"),
                ("refs/remotes/a/x/y", "2"),
                ("refs/remotes/ab/main", "3"),
                ("refs/remotes/b/main", "4"),
            ]
            .into_iter()
            .map(|(n, o)| (n.to_string(), o.to_string()))
            .collect(),
        );
        let a: Vec<_> = snapshot.under("refs/remotes/a/").collect();
        assert_eq!(
            a,
            [("refs/remotes/a/main", "1"), ("refs/remotes/a/x/y", "2")]
        );
        assert_eq!(snapshot.get("refs/remotes/b/main"), Some("4"));
        let mut replaced = snapshot.clone();
        let newer = Snapshot::from_map(
            [("refs/remotes/a/new", "5"), ("refs/remotes/b/main", "6")]
                .into_iter()
                .map(|(n, o)| (n.to_string(), o.to_string()))
                .collect(),
        );
        replaced.replace(&["refs/remotes/a/".to_string()], &newer);
        assert_eq!(
            replaced.iter().collect::<Vec<_>>(),
            [
                ("refs/remotes/a/new", "5"),
                ("refs/remotes/ab/main", "3"),
                ("refs/remotes/b/main", "4")
            ]
        );
    }
}
