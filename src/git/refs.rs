//! Local refs: reading them (one `for-each-ref` for many), resolving names, counting commits between two tips,
//! which of several tips contain the others, checking ref patterns, and writing or deleting refs in one
//! transaction.

use std::collections::{BTreeMap, HashMap};

use super::{Git, GitError};

/// One change of a local ref for [`Git::update_refs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefWrite {
    /// Point `name` at `oid`; with `old`, only while it still points at that (a compare-and-swap), else
    /// whatever it held.
    Update {
        name: String,
        oid: String,
        old: Option<String>,
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

/// What [`Git::commit_facts`] reads about one commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitFacts {
    pub tree: String,
    /// Committer time, seconds since the epoch.
    pub time: i64,
    pub parents: Vec<String>,
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

    /// How many commits `rev` reaches.
    pub fn commit_count(&self, rev: &str) -> Result<u64, GitError> {
        let output = self
            .command(["rev-list", "--count", "--end-of-options", rev, "--"])
            .run()?;
        Ok(output.stdout.trim().parse().unwrap_or(0))
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
    pub fn is_ancestor(&self, ancestor: &str, descendant: &str) -> Result<bool, GitError> {
        let output = self
            .command(["merge-base", "--is-ancestor", ancestor, descendant])
            .run_accepting(|o| matches!(o.code, Some(0 | 1)))?;
        Ok(output.success())
    }

    /// The tips among `oids` that no other of them contains (`git merge-base --independent`), sorted: one tip
    /// when the others are its ancestors, several when they diverged.
    pub fn independent(&self, oids: &[&str]) -> Result<Vec<String>, GitError> {
        let mut args = vec!["merge-base", "--independent"];
        args.extend_from_slice(oids);
        let output = self.command(args).run()?;
        Ok(parse_oid_lines(&output.stdout))
    }

    /// Tree, committer time and parents of each commit in `oids`, by commit id (one `git log --no-walk`, the
    /// ids on its stdin however many there are).
    pub fn commit_facts(&self, oids: &[&str]) -> Result<HashMap<String, CommitFacts>, GitError> {
        if oids.is_empty() {
            return Ok(HashMap::new());
        }
        let input: String = oids.iter().map(|o| format!("{o}\n")).collect();
        let output = self
            .command([
                "log",
                "--no-walk=unsorted",
                "--format=%H %T %ct %P",
                "--stdin",
            ])
            .stdin(input.into_bytes())
            .run()?;
        Ok(parse_commit_facts(&output.stdout))
    }

    /// Would git accept `pattern` as the source of a refspec: one exact ref, or a glob with a single `*`
    /// (`refs/git-mile/*`)? The rules are git's own (`git check-ref-format --refspec-pattern`).
    pub fn is_valid_ref_pattern(&self, pattern: &str) -> Result<bool, GitError> {
        if pattern.starts_with('-') {
            return Ok(false);
        }
        let output = self
            .command(["check-ref-format", "--refspec-pattern", pattern])
            .run_unchecked()?;
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
                // `create` refuses a ref that exists: a backup never replaces another.
                RefWrite::Update { name, oid, old } => match old {
                    Some(old) => format!("update {name} {oid} {old}\n"),
                    None => format!("update {name} {oid}\n"),
                },
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

/// One object name per line (`merge-base --independent`, `rev-parse`).
fn parse_oid_lines(stdout: &str) -> Vec<String> {
    let mut oids: Vec<String> = stdout
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    oids.sort();
    oids
}

/// `<commit> <tree> <committer time> <parent>…` lines.
fn parse_commit_facts(stdout: &str) -> HashMap<String, CommitFacts> {
    stdout
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let commit = fields.next()?;
            let tree = fields.next()?;
            let time = fields.next()?.parse().ok()?;
            Some((
                commit.to_string(),
                CommitFacts {
                    tree: tree.to_string(),
                    time,
                    parents: fields.map(str::to_string).collect(),
                },
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // git 2.47.3: `git merge-base --independent b1 b2 b3 b3~1 b1` where b3~1 is an ancestor of b3.
    const INDEPENDENT: &str = "029470d946fe47fe62af39ae39a7e9866ed6d7ad\nad21611180a769bd98eb015e4d052cdc90bf2756\n571824d6d3d34bca48d1364614de011a7a8e6c8f\n";
    // git 2.47.3: `git log --no-walk=unsorted --format='%H %T %ct %P' --stdin` fed a commit and its root parent
    // (a root has no parents: the line ends in a space).
    const FACTS: &str = "cf456026b703bc40d9934f2af21a858092a6353b 4b825dc642cb6eb9a060e54bf8d69288fbee4904 1796354882 929ee8a8ebe0f553b79eb282db2fc49d3e6237cd\n929ee8a8ebe0f553b79eb282db2fc49d3e6237cd 4b825dc642cb6eb9a060e54bf8d69288fbee4904 1796354488 \n";

    #[test]
    fn parses_independent_tips_sorted() {
        assert_eq!(
            parse_oid_lines(INDEPENDENT),
            [
                "029470d946fe47fe62af39ae39a7e9866ed6d7ad",
                "571824d6d3d34bca48d1364614de011a7a8e6c8f",
                "ad21611180a769bd98eb015e4d052cdc90bf2756"
            ]
        );
        assert!(parse_oid_lines("").is_empty());
    }

    #[test]
    fn parses_commit_facts() {
        let facts = parse_commit_facts(FACTS);
        assert_eq!(facts.len(), 2);
        assert_eq!(
            facts["cf456026b703bc40d9934f2af21a858092a6353b"],
            CommitFacts {
                tree: "4b825dc642cb6eb9a060e54bf8d69288fbee4904".into(),
                time: 1796354882,
                parents: vec!["929ee8a8ebe0f553b79eb282db2fc49d3e6237cd".into()],
            }
        );
        assert!(facts["929ee8a8ebe0f553b79eb282db2fc49d3e6237cd"]
            .parents
            .is_empty());
    }
}
