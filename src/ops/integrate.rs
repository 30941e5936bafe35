//! Bringing another tip (a remote's copy of the branch) into the checked-out branch: fast-forward only, merge
//! or rebase, with git's own machinery in the work tree. A stop (diverged, conflicts) is data for the report.

use crate::error::Error;
use crate::git::{self, Git, GitError, Integration};

pub use crate::model::integrate::{Integrated, Stop, Stopped, Strategy};

/// The git machinery behind a strategy.
fn integration(strategy: Strategy) -> Integration {
    match strategy {
        Strategy::FfOnly => Integration::FastForward,
        Strategy::Merge => Integration::Merge,
        Strategy::Rebase => Integration::Rebase,
    }
}

/// Integrates the local ref `upstream` (e.g. `refs/remotes/github/main`) into the checked-out `branch`.
pub fn integrate(
    git: &Git,
    branch: &str,
    upstream: &str,
    strategy: Strategy,
) -> Result<Result<Integrated, Stopped>, GitError> {
    let from = upstream
        .strip_prefix(git::refname::REMOTES)
        .unwrap_or(upstream)
        .to_string();
    let stopped = |stop| Stopped {
        branch: branch.to_string(),
        from: from.clone(),
        strategy,
        stop,
    };
    let Some(theirs) = git.rev_parse(upstream)? else {
        return Ok(Err(stopped(Stop::NoUpstream)));
    };
    // A branch without commits yet (a fresh `git init`) takes the other tip as it is, as `git pull` does.
    let head = git.rev_parse("HEAD")?;
    let unborn = head.is_none();
    let before = head.unwrap_or_default();
    let (ahead, incoming) = if unborn {
        (0, git.commit_count(&theirs)?)
    } else {
        git.ahead_behind(&before, &theirs)?
    };
    let strategy = if unborn { Strategy::FfOnly } else { strategy };
    if incoming > 0 {
        if strategy == Strategy::FfOnly && ahead > 0 {
            return Ok(Err(stopped(Stop::Diverged {
                ahead,
                behind: incoming,
            })));
        }
        if let Err(err) = git.integrate(upstream, integration(strategy)) {
            let conflicts = git.conflicted_paths().unwrap_or_default();
            let stop = if conflicts.is_empty() {
                let message = err
                    .stderr()
                    .map(git::failure_summary)
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| err.to_string());
                Stop::Failed(message)
            } else {
                Stop::Conflicts(conflicts)
            };
            return Ok(Err(stopped(stop)));
        }
    }
    let after = git.rev_parse("HEAD")?.unwrap_or_default();
    Ok(Ok(Integrated {
        branch: branch.to_string(),
        from,
        strategy,
        before,
        after,
        incoming,
    }))
}

/// Several integrations into the same branch (sync merging every remote's copy in turn) as one: from where
/// the branch started to where it ended, every source named, the incoming commits added up.
pub fn overall(
    branch: &str,
    strategy: Strategy,
    before: &str,
    after: &str,
    steps: &[Integrated],
) -> Integrated {
    Integrated {
        branch: branch.to_string(),
        // A copy integrated again in a later round of the same sync is named once.
        from: steps
            .iter()
            .map(|s| s.from.as_str())
            .fold(Vec::new(), |mut names, name| {
                if !names.contains(&name) {
                    names.push(name);
                }
                names
            })
            .join(", "),
        strategy,
        before: before.to_string(),
        after: after.to_string(),
        incoming: steps.iter().map(|s| s.incoming).sum(),
    }
}

/// The error for an integration that stopped; nothing was pushed after it.
pub fn stopped(s: &Stopped) -> Error {
    let Stopped {
        branch,
        from,
        strategy,
        stop,
    } = s;
    let remote = from.split('/').next().unwrap_or(from);
    match stop {
        Stop::NoUpstream => Error::failed(format!("`{remote}` has no branch `{branch}`"))
            .hint("publish it on every remote with `git multi push`, then sync again"),
        Stop::Diverged { ahead, behind } => Error::failed(format!(
            "could not integrate {from} into {branch}: they have diverged ({ahead} local and {behind} incoming commit{}) and a fast-forward cannot combine them",
            if *behind == 1 { "" } else { "s" }
        ))
        .hint("the branches diverged: integrate with `--rebase` or `--merge` (sync: `--strategy rebase|merge`)"),
        Stop::Conflicts(paths) => {
            let shown: Vec<&str> = paths.iter().take(5).map(String::as_str).collect();
            let more = if paths.len() > shown.len() {
                format!(" and {} more", paths.len() - shown.len())
            } else {
                String::new()
            };
            Error::failed(format!(
                "could not integrate {from} into {branch}: conflicts in {}{more}",
                shown.join(", ")
            ))
            .hint(match strategy {
                Strategy::Rebase => "resolve them, `git add` the files and `git rebase --continue`, then run git multi again (or `git rebase --abort`)",
                _ => "resolve them, `git add` the files and `git commit`, then run git multi again (or `git merge --abort`)",
            })
        }
        Stop::Failed(message) => Error::failed(format!(
            "could not integrate {from} into {branch}: {message}"
        ))
        .hint("see `git status`; nothing was pushed"),
    }
}
