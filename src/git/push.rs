//! `git push --porcelain` to one remote: the refspecs and leases as typed values, the command, and the parser
//! of what it reports per ref.

use std::time::Duration;

use super::{Git, GitError, ProgressSink};

/// One ref to update on the remote: `src` (a local ref or glob, `None` to delete) onto `dst`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refspec {
    pub src: Option<String>,
    pub dst: String,
    /// `+`: update even when it is not a fast-forward (or the tag exists).
    pub force: bool,
}

impl Refspec {
    /// `<name>:<name>`: the local ref (or `refs/…/*` glob) onto the remote ref of the same name.
    #[cfg(test)]
    pub fn same(name: &str, force: bool) -> Refspec {
        Refspec {
            src: Some(name.to_string()),
            dst: name.to_string(),
            force,
        }
    }

    /// `<src>:<dst>`.
    pub fn map(src: &str, dst: &str, force: bool) -> Refspec {
        Refspec {
            src: Some(src.to_string()),
            dst: dst.to_string(),
            force,
        }
    }

    /// `:<name>`: delete the remote ref.
    pub fn delete(name: &str) -> Refspec {
        Refspec {
            src: None,
            dst: name.to_string(),
            force: false,
        }
    }

    pub(super) fn arg(&self) -> String {
        format!(
            "{}{}:{}",
            if self.force { "+" } else { "" },
            self.src.as_deref().unwrap_or(""),
            self.dst
        )
    }
}

/// How to push, beyond the refspecs.
#[derive(Debug, Clone, Default)]
pub struct PushOptions {
    pub dry_run: bool,
    pub atomic: bool,
    /// `(remote ref, expected oid)`: update only while the remote still has exactly that (`None`: must not
    /// exist). Computed per remote from that remote's own tracking refs.
    pub leases: Vec<(String, Option<String>)>,
    /// `--recurse-submodules=check|on-demand`: what to do about submodule commits the remote may lack.
    pub recurse_submodules: Option<RecurseSubmodules>,
}

/// git's `--recurse-submodules` for push: `check` refuses when a submodule commit was never pushed to the
/// submodule's own remote; `on-demand` pushes it there first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RecurseSubmodules {
    Check,
    OnDemand,
}

impl RecurseSubmodules {
    pub fn as_str(self) -> &'static str {
        match self {
            RecurseSubmodules::Check => "check",
            RecurseSubmodules::OnDemand => "on-demand",
        }
    }
}

/// What a push that ran to the end reported.
#[derive(Debug, Clone)]
pub struct PushReply {
    pub refs: Vec<PushedRef>,
    /// git's stderr: the server's `remote:` lines are in it.
    pub stderr: String,
}

impl PushReply {
    /// Why `pushed` was refused, with what the server said on stderr taken into account: a ref it could not
    /// update because another push moved it first is a [`Rejection::ConcurrentUpdate`].
    pub fn rejection(&self, pushed: &PushedRef) -> Option<Rejection> {
        match pushed.rejection()? {
            Rejection::RemoteRejected(_)
                if self.stderr.lines().any(|l| {
                    l.contains(&format!("cannot lock ref '{}'", pushed.to))
                        && super::is_concurrent_update(l)
                }) =>
            {
                Some(Rejection::ConcurrentUpdate)
            }
            Rejection::RemoteRejected(why) => Some(
                self.stderr
                    .lines()
                    .find_map(|l| super::locked_ref_file(l, &pushed.to))
                    .map_or(Rejection::RemoteRejected(why), Rejection::Locked),
            ),
            other => Some(other),
        }
    }
}

impl Git {
    /// `git push --porcelain` to one remote as a background job. Rejections are data (in `refs`); only a push
    /// that could not talk to the remote is an error.
    pub fn push(
        &self,
        remote: &str,
        refspecs: &[Refspec],
        options: &PushOptions,
        timeout: Option<Duration>,
        progress: Option<&ProgressSink<'_>>,
    ) -> Result<PushReply, GitError> {
        let mut args: Vec<String> = vec!["push".into(), "--porcelain".into()];
        if progress.is_some() {
            args.push("--progress".into());
        }
        if options.dry_run {
            args.push("--dry-run".into());
        }
        if options.atomic {
            args.push("--atomic".into());
        }
        if let Some(recurse) = options.recurse_submodules {
            args.push(format!("--recurse-submodules={}", recurse.as_str()));
        }
        for (name, expected) in &options.leases {
            args.push(format!(
                "--force-with-lease={name}:{}",
                expected.as_deref().unwrap_or("")
            ));
        }
        args.push("--".into());
        args.push(remote.into());
        args.extend(refspecs.iter().map(Refspec::arg));
        // A failed push that still reports refs is a per-ref result (rejected, hook declined), not an error.
        let output = self
            .command(&args)
            .background()
            .timeout(timeout)
            .progress(progress)
            // A remote made by `git clone --mirror` pushes with `--mirror`, which git refuses to combine with
            // refspecs; git-multi always names what it pushes.
            .config(&format!("remote.{remote}.mirror"), "false")
            .run_accepting(|o| o.success() || !parse(&o.stdout).is_empty())?;
        Ok(PushReply {
            refs: parse(&output.stdout),
            stderr: output.stderr,
        })
    }
}

/// What happened to one ref, from the flag column of the porcelain output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefStatus {
    /// ` ` fast-forward
    Updated,
    /// `+` forced update
    Forced,
    /// `-` deleted
    Deleted,
    /// `*` new ref
    New,
    /// `=` already there
    UpToDate,
    /// `!` refused by git or the server
    Rejected,
}

/// Why a ref was refused, from the reason git put in parentheses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// `non-fast-forward`: the remote has commits the pushed ref does not contain (and we have them).
    NonFastForward,
    /// `fetch first`: the remote has commits we have never seen.
    FetchFirst,
    /// `already exists`: a tag (or other non-branch ref) is there with another target.
    AlreadyExists,
    /// `stale info`: a lease did not hold.
    StaleLease,
    /// `atomic push failed`: this ref was fine, another ref of the same atomic push was not.
    AtomicFailed,
    /// `[remote rejected] (<why>)`: a hook or branch protection on the server said no.
    RemoteRejected(String),
    /// `[remote rejected]` because another push updated the ref between the remote's listing and this update
    /// (`cannot lock ref '…': is at X but expected Y`): a lost race, not a refusal.
    ConcurrentUpdate,
    /// `[remote rejected]` because the ref's lock file (the path given) is there: another git is updating the ref
    /// at this moment, or one was stopped there without removing it.
    Locked(String),
    /// `[remote rejected]` deleting the branch the remote's `HEAD` points to (`deletion of the current branch
    /// prohibited`, "refusing to delete the current branch").
    CurrentBranch(String),
    /// Anything else git says.
    Other(String),
}

/// One `<flag>\t<from>:<to>\t<summary> (<reason>)` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushedRef {
    pub status: RefStatus,
    pub from: String,
    pub to: String,
    /// `old..new`, `old...new`, or a bracketed word such as `[new branch]`.
    pub summary: String,
    /// The parenthesised reason: `non-fast-forward`, `pre-receive hook declined`, `stale info`, `forced update`.
    pub reason: Option<String>,
}

impl PushedRef {
    /// The (abbreviated) old and new object names from an `old..new` summary.
    pub fn old_new(&self) -> Option<(&str, &str)> {
        let (old, new) = self
            .summary
            .split_once("...")
            .or_else(|| self.summary.split_once(".."))?;
        Some((old, new))
    }

    /// Why the ref was refused; `None` unless it was.
    pub fn rejection(&self) -> Option<Rejection> {
        if self.status != RefStatus::Rejected {
            return None;
        }
        let reason = self.reason.clone().unwrap_or_default();
        if self.summary.starts_with("[remote rejected]") {
            if self.from.is_empty() && reason.contains("current branch") {
                return Some(Rejection::CurrentBranch(reason));
            }
            return Some(Rejection::RemoteRejected(reason));
        }
        Some(match reason.as_str() {
            "non-fast-forward" => Rejection::NonFastForward,
            "fetch first" => Rejection::FetchFirst,
            "already exists" => Rejection::AlreadyExists,
            "stale info" => Rejection::StaleLease,
            "atomic push failed" => Rejection::AtomicFailed,
            _ => Rejection::Other(reason),
        })
    }
}

pub fn parse(stdout: &str) -> Vec<PushedRef> {
    stdout
        .lines()
        .filter_map(|line| {
            let mut fields = line.splitn(3, '\t');
            let flag = fields.next()?;
            let refs = fields.next()?;
            let rest = fields.next().unwrap_or("");
            let status = match flag {
                " " => RefStatus::Updated,
                "+" => RefStatus::Forced,
                "-" => RefStatus::Deleted,
                "*" => RefStatus::New,
                "=" => RefStatus::UpToDate,
                "!" => RefStatus::Rejected,
                _ => return None,
            };
            let (from, to) = refs.split_once(':')?;
            let (summary, reason) = match rest.find(" (") {
                Some(at) if rest.ends_with(')') => {
                    (&rest[..at], Some(rest[at + 2..rest.len() - 1].to_string()))
                }
                _ => (rest, None),
            };
            Some(PushedRef {
                status,
                from: from.to_string(),
                to: to.to_string(),
                summary: summary.to_string(),
                reason,
            })
        })
        .collect()
}

/// The `remote: …` lines of git's stderr: what the server (a hook) said.
pub fn remote_messages(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| !super::progress::is_progress_line(l))
        .filter_map(|l| match super::bounded::is_omitted_line(l) {
            true => Some(l),
            false => l.strip_prefix("remote: "),
        })
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Captured from git 2.47.3 `git push --porcelain` against a local bare repository.
    const NEW_AND_UPDATED: &str = "To ../r.git\n \trefs/heads/main:refs/heads/main\t445cb9e..82bc963\n*\trefs/heads/main:refs/heads/other\t[new branch]\nDone\n";
    const UP_TO_DATE: &str =
        "To ../r.git\n=\trefs/heads/main:refs/heads/main\t[up to date]\nDone\n";
    const NON_FAST_FORWARD: &str =
        "To ../r.git\n!\trefs/heads/main:refs/heads/main\t[rejected] (non-fast-forward)\nDone\n";
    const FORCED: &str = "To ../r.git\n+\trefs/heads/main:refs/heads/main\t82bc963...395daba (forced update)\nDone\n";
    const DELETED: &str = "To ../r.git\n-\t:refs/heads/other\t[deleted]\nDone\n";
    const HOOK_DECLINED: &str = "To ../r.git\n!\trefs/heads/main:refs/heads/main\t[remote rejected] (pre-receive hook declined)\nDone\n";
    const STALE_LEASE: &str =
        "To ../r.git\n!\trefs/heads/main:refs/heads/main\t[rejected] (stale info)\nDone\n";
    /// Two pushes of `main` at the same moment: the one that lost (git 2.47.3, local bare repository).
    const LOST_RACE: &str = "To ../r.git\n!\trefs/heads/main:refs/heads/main\t[remote rejected] (failed to update ref)\nDone\n";
    const LOST_RACE_STDERR: &str = "remote: error: cannot lock ref 'refs/heads/main': is at 3d3c3e50df001702de330fdfe1c6101d9058ab78 but expected c1f2ac532c2a48aaa8b5c6054f7ce8f2be4ac2ad        \nerror: failed to push some refs to '../r.git'\n";
    /// Deleting the branch a bare repository's HEAD points to (git 2.47.3).
    const DELETE_CURRENT: &str = "To ../r.git\n!\t:refs/heads/main\t[remote rejected] (deletion of the current branch prohibited)\nDone\n";
    const HOOK_STDERR: &str =
        "remote: remote says no        \nerror: failed to push some refs to '../r.git'\n";

    #[test]
    fn parses_every_flag() {
        let refs = parse(NEW_AND_UPDATED);
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].status, RefStatus::Updated);
        assert_eq!(refs[0].old_new(), Some(("445cb9e", "82bc963")));
        assert_eq!(refs[1].status, RefStatus::New);
        assert_eq!(refs[1].to, "refs/heads/other");
        assert_eq!(parse(UP_TO_DATE)[0].status, RefStatus::UpToDate);
        let forced = &parse(FORCED)[0];
        assert_eq!(
            (forced.status, forced.reason.as_deref()),
            (RefStatus::Forced, Some("forced update"))
        );
        assert_eq!(forced.old_new(), Some(("82bc963", "395daba")));
        let deleted = &parse(DELETED)[0];
        assert_eq!(
            (deleted.status, deleted.from.as_str()),
            (RefStatus::Deleted, "")
        );
    }

    // git 2.47.3: a moved tag, an atomic push with one branch behind a commit we never fetched, and a lease.
    const TAG_EXISTS: &str =
        "To ../r.git\n!\trefs/tags/v1:refs/tags/v1\t[rejected] (already exists)\nDone\n";
    const ATOMIC_FETCH_FIRST: &str = "To ../r.git\n!\trefs/heads/b2:refs/heads/b2\t[rejected] (atomic push failed)\n!\trefs/heads/main:refs/heads/main\t[rejected] (fetch first)\nDone\n";

    #[test]
    fn tells_rejections_apart() {
        let nff = &parse(NON_FAST_FORWARD)[0];
        assert_eq!(
            (nff.status, nff.rejection()),
            (RefStatus::Rejected, Some(Rejection::NonFastForward))
        );
        assert_eq!(
            parse(HOOK_DECLINED)[0].rejection(),
            Some(Rejection::RemoteRejected(
                "pre-receive hook declined".into()
            ))
        );
        assert_eq!(
            parse(STALE_LEASE)[0].rejection(),
            Some(Rejection::StaleLease)
        );
        assert_eq!(
            parse(TAG_EXISTS)[0].rejection(),
            Some(Rejection::AlreadyExists)
        );
        let atomic = parse(ATOMIC_FETCH_FIRST);
        assert_eq!(atomic[0].rejection(), Some(Rejection::AtomicFailed));
        assert_eq!(atomic[1].rejection(), Some(Rejection::FetchFirst));
        assert_eq!(parse(UP_TO_DATE)[0].rejection(), None);
        assert_eq!(remote_messages(HOOK_STDERR), ["remote says no"]);
        assert_eq!(
            parse(DELETE_CURRENT)[0].rejection(),
            Some(Rejection::CurrentBranch(
                "deletion of the current branch prohibited".into()
            ))
        );
    }

    #[test]
    fn a_lost_race_is_not_a_hook() {
        let refs = parse(LOST_RACE);
        let reply = PushReply {
            refs: refs.clone(),
            stderr: LOST_RACE_STDERR.into(),
        };
        assert_eq!(reply.rejection(&refs[0]), Some(Rejection::ConcurrentUpdate));
        // Another ref's lock is another matter; without the message it is the server's refusal.
        let other = PushReply {
            refs: refs.clone(),
            stderr: LOST_RACE_STDERR.replace("refs/heads/main", "refs/heads/other"),
        };
        assert_eq!(
            other.rejection(&refs[0]),
            Some(Rejection::RemoteRejected("failed to update ref".into()))
        );
        let hook = PushReply {
            refs: parse(HOOK_DECLINED),
            stderr: HOOK_STDERR.into(),
        };
        assert_eq!(
            hook.rejection(&hook.refs[0]),
            Some(Rejection::RemoteRejected(
                "pre-receive hook declined".into()
            ))
        );
    }

    #[test]
    fn refspecs_render_as_git_takes_them() {
        assert_eq!(
            Refspec::same("refs/heads/main", false).arg(),
            "refs/heads/main:refs/heads/main"
        );
        assert_eq!(
            Refspec::same("refs/tags/*", true).arg(),
            "+refs/tags/*:refs/tags/*"
        );
        assert_eq!(Refspec::delete("refs/heads/x").arg(), ":refs/heads/x");
    }

    #[test]
    fn ignores_everything_else() {
        assert!(parse("To ../r.git\nDone\n").is_empty());
        assert!(parse("").is_empty());
    }
}
