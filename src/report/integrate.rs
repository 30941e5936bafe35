//! Integrating a remote's copy into the current branch, in words: what `pull` and `sync` did, and why they
//! stopped (diverged under ff-only, conflicts with the paths, git's own reason) with the way forward.

use crate::error::Error;
use crate::ops::integrate::{Integrated, Stop, Stopped, Strategy};

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

/// `{"ok":true,"remote","branch","from","strategy","before","after","incoming"}` for `pull --json`.
pub fn pulled_json(remote: &str, done: &Integrated) {
    #[derive(serde::Serialize)]
    struct Pulled<'a> {
        ok: bool,
        remote: &'a str,
        #[serde(flatten)]
        done: &'a Integrated,
    }
    super::json(&Pulled {
        ok: true,
        remote,
        done,
    });
}

/// `main: fast-forwarded 2 commits from github/main (1a2b3c4..5d6e7f8)`.
pub fn pulled(done: &Integrated) -> String {
    if done.incoming == 0 {
        return format!("{}: already up to date with {}\n", done.branch, done.from);
    }
    if done.before.is_empty() {
        let s = if done.incoming == 1 { "" } else { "s" };
        return format!(
            "{}: took {} commit{s} from {} (now at {})\n",
            done.branch,
            done.incoming,
            done.from,
            &done.after[..7.min(done.after.len())]
        );
    }
    let how = match done.strategy {
        Strategy::FfOnly => "fast-forwarded",
        Strategy::Merge => "merged",
        Strategy::Rebase => "rebased",
    };
    let s = if done.incoming == 1 { "" } else { "s" };
    format!(
        "{}: {how} {} commit{s} from {} ({}..{})\n",
        done.branch,
        done.incoming,
        done.from,
        &done.before[..7.min(done.before.len())],
        &done.after[..7.min(done.after.len())]
    )
}

/// `main: integrated 2 commit(s) from github/main (merge)`, for the sync summary.
pub fn synced(done: &Integrated) -> Option<String> {
    (done.incoming > 0).then(|| {
        format!(
            "{}: integrated {} commit(s) from {} ({})\n",
            done.branch,
            done.incoming,
            done.from,
            done.strategy.as_str()
        )
    })
}
