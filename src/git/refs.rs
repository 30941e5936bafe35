//! Local refs: reading them (one `for-each-ref` for many), resolving names, counting commits between two tips,
//! and writing or deleting refs in one transaction.

use std::collections::{BTreeMap, HashMap};

use super::{Git, GitError};

/// One change of a local ref for [`Git::update_refs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefWrite {
    /// Point `name` at `oid`, whatever it held.
    Set {
        name: String,
        oid: String,
    },
    /// Create `name` at `oid`; fails when it already exists, so nothing is ever overwritten by accident.
    Create {
        name: String,
        oid: String,
    },
    Delete {
        name: String,
    },
}

impl Git {
    /// Full object name of `rev`, if it names an object.
    pub fn rev_parse(&self, rev: &str) -> Result<Option<String>, GitError> {
        let output = self
            .command(["rev-parse", "--verify", "--quiet", "--end-of-options", rev])
            .run_unchecked()?;
        Ok(output.success().then(|| output.stdout.trim().to_string()))
    }

    /// The checked-out branch, `None` when HEAD is detached.
    pub fn current_branch(&self) -> Result<Option<String>, GitError> {
        let output = self
            .command(["symbolic-ref", "--quiet", "--short", "HEAD"])
            .run_unchecked()?;
        Ok(output.success().then(|| output.stdout.trim().to_string()))
    }

    /// `refname -> oid` for every ref under the given prefixes, with one `for-each-ref`.
    pub fn refs(&self, prefixes: &[&str]) -> Result<BTreeMap<String, String>, GitError> {
        let mut args = vec!["for-each-ref", "--format=%(objectname) %(refname)"];
        args.extend_from_slice(prefixes);
        let output = self.command(args).run()?;
        Ok(output
            .stdout
            .lines()
            .filter_map(|l| l.split_once(' '))
            .map(|(oid, name)| (name.to_string(), oid.to_string()))
            .collect())
    }

    /// Commits only in `left` and only in `right`.
    pub fn ahead_behind(&self, left: &str, right: &str) -> Result<(u64, u64), GitError> {
        let output = self
            .command([
                "rev-list",
                "--left-right",
                "--count",
                &format!("{left}...{right}"),
                "--",
            ])
            .run()?;
        let mut counts = output
            .stdout
            .split_whitespace()
            .map(|n| n.parse::<u64>().unwrap_or(0));
        Ok((counts.next().unwrap_or(0), counts.next().unwrap_or(0)))
    }

    /// Is `ancestor` reachable from `descendant` (a fast-forward from one to the other)?
    // Shared API, used by the branches merged after this one.
    #[allow(dead_code)]
    pub fn is_ancestor(&self, ancestor: &str, descendant: &str) -> Result<bool, GitError> {
        let output = self
            .command(["merge-base", "--is-ancestor", ancestor, descendant])
            .run_accepting(|o| matches!(o.code, Some(0 | 1)))?;
        Ok(output.success())
    }

    /// `oid -> type` (`commit`, `tag`, `tree`, `blob`) for those of `oids` present here.
    pub fn object_types(&self, oids: &[&str]) -> Result<HashMap<String, String>, GitError> {
        Ok(self.batch_check(oids)?.into_iter().flatten().collect())
    }

    /// The full object name of each (possibly abbreviated) name in `oids`, in order; `None` where there is no
    /// such object here.
    pub fn expand_oids(&self, oids: &[&str]) -> Result<Vec<Option<String>>, GitError> {
        Ok(self
            .batch_check(oids)?
            .into_iter()
            .map(|found| found.map(|(oid, _)| oid))
            .collect())
    }

    /// One `git cat-file --batch-check` line per name, in order: `(full oid, type)` or `None` when missing.
    fn batch_check(&self, oids: &[&str]) -> Result<Vec<Option<(String, String)>>, GitError> {
        if oids.is_empty() {
            return Ok(Vec::new());
        }
        let input: String = oids.iter().map(|o| format!("{o}\n")).collect();
        let output = self
            .command(["cat-file", "--batch-check=%(objectname) %(objecttype)"])
            .stdin(input.into_bytes())
            .run()?;
        Ok(output
            .stdout
            .lines()
            .map(|l| match l.split_once(' ') {
                Some((_, "missing" | "ambiguous")) | None => None,
                Some((oid, kind)) => Some((oid.to_string(), kind.to_string())),
            })
            .collect())
    }

    /// Applies every write in one `git update-ref --stdin` transaction: all of them, or none.
    pub fn update_refs(&self, writes: &[RefWrite], reason: &str) -> Result<(), GitError> {
        if writes.is_empty() {
            return Ok(());
        }
        let mut input = String::from("start\n");
        for write in writes {
            input.push_str(&match write {
                RefWrite::Set { name, oid } => format!("update {name} {oid}\n"),
                // `create` refuses a ref that exists: a backup never replaces another.
                RefWrite::Create { name, oid } => format!("create {name} {oid}\n"),
                RefWrite::Delete { name } => format!("delete {name}\n"),
            });
        }
        input.push_str("prepare\ncommit\n");
        self.command(["update-ref", "--create-reflog", "-m", reason, "--stdin"])
            .stdin(input.into_bytes())
            .run()
            .map(drop)
    }
}
