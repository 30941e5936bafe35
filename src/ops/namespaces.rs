//! The ref namespaces of `multi.refs` as `git multi refs` changes them: a pattern from the command line checked
//! as every configured value is, and the lines of git's config that are about one pattern.

use crate::config::{self, MergeMode, Namespace, PatternProblem};
use crate::error::{Error, Result};
use crate::git::Git;

/// A namespace from user input, checked as every `multi.refs` value is (`Namespace::problem`): a ref pattern
/// git accepts, under `refs/`, clear of branches, tags and git-multi's own refs.
pub fn checked(pattern: &str, merge: MergeMode) -> Result<Namespace> {
    let namespace = Namespace {
        pattern: pattern.to_string(),
        merge,
    };
    match namespace.problem() {
        None => Ok(namespace),
        Some(problem @ PatternProblem::Invalid) => Err(Error::usage(problem.describe(pattern)).hint(
            "give a ref under refs/ with at most one `*`, as git refspecs take them: `git multi refs add 'refs/git-mile/*'`",
        )),
        Some(problem @ PatternProblem::Reserved(crate::git::refname::STASH)) => {
            Err(Error::usage(problem.describe(pattern)).hint(
                "to share stashed work, commit it on a branch (`git stash branch <name>`) and push that; pick a namespace of your own such as `refs/git-mile/*`",
            ))
        }
        Some(problem @ PatternProblem::Reserved(_)) => Err(Error::usage(problem.describe(pattern))
            .hint("branches go with `git multi push --branch`/`--all`, tags with `--tags`; pick a namespace of your own such as `refs/git-mile/*`")),
    }
}

fn key_regex() -> String {
    format!("^{}$", config::REFS.replace('.', "\\."))
}

/// The values of `multi.refs` in this repository's own config that are about `pattern` (whatever their mode,
/// valid or not).
pub fn stored_values(git: &Git, pattern: &str) -> Result<Vec<String>> {
    Ok(git
        .config_entries_in_repository(&key_regex())?
        .into_iter()
        .filter_map(|e| e.value)
        .filter(|v| Namespace::split(v).0 == pattern)
        .collect())
}

/// Whether any config git reads (this repository's, the user's, the system's) has a line about `pattern`.
pub fn configured_anywhere(git: &Git, pattern: &str) -> Result<bool> {
    Ok(git
        .config_entries(&key_regex())?
        .into_iter()
        .filter_map(|e| e.value)
        .any(|v| Namespace::split(&v).0 == pattern))
}
