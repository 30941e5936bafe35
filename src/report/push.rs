//! A push's result on one remote, in words: the per-ref summary line, why refs were refused (non-fast-forward
//! with how far apart, a tag that exists with another target, a lease that did not hold, an atomic push that
//! failed elsewhere, a hook's own words) and what to do about it.

use serde::Serialize;

use crate::error::Exit;
use crate::git::{refname, FailureKind, GitError, RefStatus, Rejection};
use crate::ops::push::{Pushed, RefResult};
use crate::ops::{Saved, State};
use crate::outcome::{Detail, Outcome, Report, Status};
use crate::runner::Job;

/// One ref of a push, for the JSON contract (`{"ref","old","new","status"}`) and the summary.
#[derive(Debug, Clone)]
pub struct RefUpdate {
    pub name: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub status: RefStatus,
    pub reason: Option<String>,
    pub backup: Option<String>,
    /// A namespace ref carried along unnamed that the remote has commits of this clone lacks: not pushed there,
    /// and no failure (`status: "skipped"` in JSON; `git multi sync` brings the copies together).
    pub skipped: bool,
}

impl Serialize for RefUpdate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Word {
            Git(RefStatus),
            Ours(&'static str),
        }
        #[derive(Serialize)]
        struct Shown<'a> {
            #[serde(rename = "ref")]
            name: &'a str,
            old: Option<&'a str>,
            new: Option<&'a str>,
            status: Word,
            #[serde(skip_serializing_if = "Option::is_none")]
            reason: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            backup: Option<&'a str>,
        }
        Shown {
            name: &self.name,
            old: self.old.as_deref(),
            new: self.new.as_deref(),
            status: if self.skipped {
                Word::Ours("skipped")
            } else {
                Word::Git(self.status)
            },
            reason: self.reason.as_deref(),
            backup: self.backup.as_deref(),
        }
        .serialize(serializer)
    }
}

#[derive(Debug, Default, Serialize)]
pub struct PushDetail {
    pub refs: Vec<RefUpdate>,
    /// How many times a transient failure was retried.
    #[serde(skip_serializing_if = "is_zero")]
    pub retries: u32,
    /// Tips saved under refs/multi/backup/ before they were overwritten or deleted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub backups: Vec<Saved>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Detail for PushDetail {
    fn human(&self) -> String {
        let pushed = self.refs.iter().filter(|r| !r.skipped).count();
        let shown: Vec<String> = self
            .refs
            .iter()
            // Rejections are explained by the outcome's error; up-to-date refs are noise beside real updates.
            .filter(|r| r.status != RefStatus::Rejected)
            .filter(|r| r.status != RefStatus::UpToDate || pushed == 1)
            .map(|r| {
                let what = match r.status {
                    RefStatus::Updated => format!("{}..{}", abbrev(&r.old), abbrev(&r.new)),
                    RefStatus::Forced => {
                        format!("{}...{} (forced)", abbrev(&r.old), abbrev(&r.new))
                    }
                    RefStatus::New => "new".to_string(),
                    RefStatus::Deleted => format!("deleted (was {})", abbrev(&r.old)),
                    // A deletion that found nothing to delete.
                    RefStatus::UpToDate if r.old.is_none() && r.new.is_none() => {
                        "not there".to_string()
                    }
                    RefStatus::UpToDate => "up to date".to_string(),
                    RefStatus::Rejected => "rejected".to_string(),
                };
                format!("{} {what}", refname::short(&r.name))
            })
            .collect();
        let skipped: Vec<&str> = self
            .refs
            .iter()
            .filter(|r| r.skipped)
            .map(|r| refname::short(&r.name))
            .collect();
        if !skipped.is_empty() {
            const NAMED: usize = 3;
            let mut names = skipped[..skipped.len().min(NAMED)].join(", ");
            if skipped.len() > NAMED {
                names.push_str(&format!(" and {} more", skipped.len() - NAMED));
            }
            let list = shown.join(", ");
            let note = format!("(not pushed, newer on the remote: {names})");
            return if list.is_empty() {
                note
            } else {
                format!("{list} {note}")
            };
        }
        if shown.len() > LISTED && !super::verbose() {
            return self.counted();
        }
        if shown.is_empty()
            && self.refs.len() > 1
            && self
                .refs
                .iter()
                .all(|r| r.status == RefStatus::UpToDate && !r.skipped)
        {
            // Said outright, or a dry run that would change nothing has nothing beside its status.
            return format!("nothing to do: all {} refs already match", self.refs.len());
        }
        shown.join(", ")
    }
}

/// More refs than this on one remote are counted by what happened to them, not listed (`-v` lists them).
const LISTED: usize = 10;

impl PushDetail {
    /// `1,000 refs updated, 2 new, 1 deleted`: one short line however many refs a push carried.
    fn counted(&self) -> String {
        let count = |status: RefStatus| {
            self.refs
                .iter()
                .filter(|r| r.status == status && !r.skipped)
                .count()
        };
        let kinds = [
            (count(RefStatus::Updated), "updated"),
            (count(RefStatus::Forced), "forced"),
            (count(RefStatus::New), "new"),
            (count(RefStatus::Deleted), "deleted"),
            (count(RefStatus::UpToDate), "up to date"),
            (
                self.refs.iter().filter(|r| r.skipped).count(),
                "not pushed (newer on the remote)",
            ),
        ];
        let mut parts: Vec<String> = Vec::new();
        for (n, what) in kinds.into_iter().filter(|(n, _)| *n > 0) {
            let noun = if parts.is_empty() {
                if n == 1 {
                    " ref"
                } else {
                    " refs"
                }
            } else {
                ""
            };
            parts.push(format!("{}{noun} {what}", crate::report::thousands(n)));
        }
        format!("{} (`-v` lists them)", parts.join(", "))
    }

    /// How many namespace refs were left alone because the remote has commits this clone lacks.
    fn skipped(&self) -> usize {
        self.refs.iter().filter(|r| r.skipped).count()
    }
}

/// The summary of a push (see [`super::finish`]), then one hint for every namespace ref any remote has newer
/// commits of: one `git multi sync` brings them all together (never a force, which would drop them).
pub fn finish(report: &Report<PushDetail>, json: bool) -> Exit {
    let exit = super::finish(report, json);
    let behind: usize = report.remotes.iter().map(|o| o.detail.skipped()).sum();
    if !json && behind > 0 {
        let remotes = report
            .remotes
            .iter()
            .filter(|o| o.detail.skipped() > 0)
            .count();
        super::out(&format!(
            "hint: {} remote{} {} namespace commits this clone lacks (not pushed there, nothing lost): `git multi sync` brings them together\n",
            remotes,
            if remotes == 1 { "" } else { "s" },
            if remotes == 1 { "has" } else { "have" },
        ));
    }
    exit
}

fn abbrev(oid: &Option<String>) -> &str {
    oid.as_deref().map(|o| &o[..o.len().min(7)]).unwrap_or("?")
}

/// One remote's pushes over the rounds of a sync (a lost race is fetched again and pushed again) as one outcome:
/// the last round's verdict, with what earlier rounds changed there kept, so a branch fast-forwarded in the
/// first round and again in the second reads as one update from where it was to where it is.
pub fn across_rounds(
    earlier: Outcome<PushDetail>,
    later: Outcome<PushDetail>,
) -> Outcome<PushDetail> {
    let changed = |status: RefStatus| {
        matches!(
            status,
            RefStatus::Updated | RefStatus::New | RefStatus::Forced | RefStatus::Deleted
        )
    };
    let mut refs: Vec<RefUpdate> = Vec::new();
    for r in later.detail.refs {
        let before = earlier
            .detail
            .refs
            .iter()
            .find(|e| e.name == r.name && changed(e.status) && e.status != RefStatus::Deleted);
        match before {
            Some(e) if matches!(r.status, RefStatus::UpToDate | RefStatus::Updated) => {
                refs.push(RefUpdate {
                    old: e.old.clone(),
                    status: e.status,
                    backup: r.backup.clone().or_else(|| e.backup.clone()),
                    ..r
                })
            }
            _ => refs.push(r),
        }
    }
    // What an earlier round changed stays said; what it was refused was retried, and the later round says how
    // that went.
    for e in earlier.detail.refs {
        if changed(e.status) && !refs.iter().any(|r| r.name == e.name) {
            refs.push(e);
        }
    }
    let status = if later.status.is_failure() {
        later.status
    } else if refs.iter().any(|r| changed(r.status) && !r.skipped) {
        Status::Ok
    } else {
        later.status
    };
    let mut backups = earlier.detail.backups;
    backups.extend(later.detail.backups);
    Outcome {
        status,
        duration_ms: earlier.duration_ms.saturating_add(later.duration_ms),
        detail: PushDetail {
            refs,
            retries: earlier.detail.retries + later.detail.retries,
            backups,
        },
        ..later
    }
}

/// The outcome of one remote's push: its status, the per-ref detail and, for refusals, what happened and
/// what to do.
/// Whether a push was refused because the remote moved since it was read (not a fast-forward of what it has
/// now, or a lease on a stale tip): what resolve and sync each explain in their own words.
pub fn refused_as_moved(outcome: &Outcome<PushDetail>) -> bool {
    outcome.status == Status::Rejected
        && outcome.detail.refs.iter().any(|r| {
            r.status == RefStatus::Rejected
                && matches!(
                    r.reason.as_deref(),
                    Some("non-fast-forward" | "fetch first" | "stale info")
                )
        })
}

/// Whether every refused ref of `outcome` is a namespace ref (not a branch or a tag).
pub fn refused_only_namespaces(outcome: &Outcome<PushDetail>) -> bool {
    let mut refused = outcome
        .detail
        .refs
        .iter()
        .filter(|r| r.status == RefStatus::Rejected)
        .peekable();
    refused.peek().is_some() && refused.all(|r| is_namespace(&r.name))
}

pub fn outcome(job: &Job, result: Result<Pushed, GitError>, dry_run: bool) -> Outcome<PushDetail> {
    let pushed = match result {
        Ok(pushed) => pushed,
        Err(err) => return job.failure(&err, PushDetail::default()),
    };
    let problems: Vec<(String, Option<String>)> = pushed
        .refs
        .iter()
        .filter(|r| !is_skipped(r))
        .filter_map(|r| {
            explain(
                job.name(),
                r,
                &pushed.remote_said,
                pushed.checked_out.as_deref(),
            )
        })
        .collect();
    let status = if !problems.is_empty() {
        Status::Rejected
    } else if dry_run {
        Status::DryRun
    } else if pushed
        .refs
        .iter()
        .all(|r| r.status == RefStatus::UpToDate || is_skipped(r))
    {
        Status::UpToDate
    } else {
        Status::Ok
    };
    // Several namespace refs refused as behind or diverged: one sync brings them all together, where a
    // `resolve` per ref would take as many commands.
    let namespaces_behind = pushed
        .refs
        .iter()
        .filter(|r| !is_skipped(r) && is_namespace(&r.name) && needs_integration(r))
        .count();
    let detail = PushDetail {
        refs: pushed.refs.iter().map(update).collect(),
        retries: pushed.retries,
        backups: pushed.backups.clone(),
    };
    let mut outcome = Outcome::new(job.name(), status, job.elapsed(), detail);
    if !problems.is_empty() {
        // Refs refused only because another ref of the same atomic push failed go last: the cause comes first.
        let mut problems = problems;
        problems.sort_by_key(|(message, _)| message.ends_with("atomic push failed"));
        outcome.error = Some(
            problems
                .iter()
                .map(|(message, _)| message.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        );
        outcome.hint = if namespaces_behind > 1 {
            Some(format!(
                "the remote has commits of {namespaces_behind} namespace refs this clone lacks: `git multi sync` brings them together"
            ))
        } else {
            problems.into_iter().find_map(|(_, hint)| hint)
        };
        outcome.reason = Some(FailureKind::Rejected);
    }
    outcome
}

fn update(r: &RefResult) -> RefUpdate {
    let skipped = is_skipped(r);
    RefUpdate {
        name: r.name.clone(),
        old: r.old.clone(),
        new: r.new.clone(),
        status: r.status,
        reason: if skipped {
            Some("the remote has newer commits: `git multi sync` brings them together".into())
        } else {
            r.rejection.as_ref().map(reason_word)
        },
        backup: r.backup.clone(),
        skipped,
    }
}

/// Refused only because the remote has commits the pushed tip lacks (behind or diverged).
fn needs_integration(r: &RefResult) -> bool {
    matches!(
        r.rejection,
        Some(Rejection::NonFastForward | Rejection::FetchFirst)
    )
}

/// A namespace ref carried along unnamed that the remote has newer commits of: left alone, not a failure.
fn is_skipped(r: &RefResult) -> bool {
    r.carried && needs_integration(r)
}

/// Neither a branch nor a tag: a ref of a configured namespace.
fn is_namespace(name: &str) -> bool {
    !name.starts_with(refname::HEADS) && !name.starts_with(refname::TAGS)
}

fn reason_word(rejection: &Rejection) -> String {
    match rejection {
        Rejection::NonFastForward => "non-fast-forward".into(),
        Rejection::FetchFirst => "fetch first".into(),
        Rejection::AlreadyExists => "already exists".into(),
        Rejection::StaleLease => "stale info".into(),
        Rejection::AtomicFailed => "atomic push failed".into(),
        Rejection::ConcurrentUpdate => "concurrent update".into(),
        Rejection::Locked(_) => "locked".into(),
        Rejection::RemoteRejected(why) | Rejection::CurrentBranch(why) | Rejection::Other(why) => {
            why.clone()
        }
    }
}

/// What a refused ref means for this remote, and what to do about it.
fn explain(
    remote: &str,
    r: &RefResult,
    remote_said: &[String],
    checked_out: Option<&str>,
) -> Option<(String, Option<String>)> {
    let rejection = r.rejection.as_ref()?;
    let name = refname::short(&r.name);
    // Names as they go into the commands we suggest: one shell word each.
    let (qr, qn) = (crate::quote::word(remote), crate::quote::word(name));
    // Only the remote moved (nothing here it lacks): its commits are to be taken, not merged, and nothing is
    // forced. The checked-out branch comes in with `pull`; any other branch with git's own fast-forward fetch.
    let take_theirs = || {
        Some(if checked_out == Some(r.name.as_str()) {
            format!("the remote is only ahead: bring its commits here with `git multi pull --primary {qr}` (a fast-forward), then push again")
        } else {
            format!("the remote is only ahead: `git fetch {qr} {qn}:{qn}` fast-forwards `{name}` to its commits, then push again")
        })
    };
    let only_theirs = !is_namespace(&r.name)
        && match (rejection, r.relation.map(|rel| rel.state)) {
            (Rejection::NonFastForward, Some(State::Behind)) => true,
            // The remote moved on from its tracking ref, which the local tip is (or is behind): still nothing
            // here that the remote lacks.
            (Rejection::FetchFirst, Some(State::Behind | State::InSync)) => true,
            _ => false,
        };
    // `resolve` fetches, merges every copy of exactly this ref and pushes the merge with a lease, whichever
    // ref it is (a pull would only integrate the current branch, and the next push would be refused again).
    let integrate = || {
        Some(if is_namespace(&r.name) {
            // Never a force for a namespace ref: it would throw away what another clone recorded there.
            format!(
                "`git multi sync` unites the copies of every namespace ref (this one alone: `git multi resolve {} --merge`)",
                crate::quote::word(&r.name)
            )
        } else {
            format!(
                "merge its commits into every copy with `git multi resolve {} --merge`; `--force-with-lease` would overwrite them instead",
                crate::quote::word(&r.name)
            )
        })
    };
    Some(match rejection {
        Rejection::NonFastForward => {
            let message = match r.relation.map(|rel| (rel.state, rel.ahead, rel.behind)) {
                Some((State::Behind, _, Some(behind))) => format!(
                    "{name}: rejected (non-fast-forward): the remote is ahead by {behind} commit{}",
                    plural(behind)
                ),
                Some((State::Diverged, Some(ahead), Some(behind))) => format!(
                    "{name}: rejected (non-fast-forward): diverged, {ahead} local and {behind} remote commit{} apart",
                    plural(behind)
                ),
                _ => format!(
                    "{name}: rejected (non-fast-forward): the remote has commits you do not have (fetch to see how many)"
                ),
            };
            (message, if only_theirs { take_theirs() } else { integrate() })
        }
        Rejection::FetchFirst => {
            let message = match r.relation.map(|rel| (rel.state, rel.ahead)) {
                _ if only_theirs => format!(
                    "{name}: rejected (non-fast-forward): the remote has commits you do not have, and you have none it lacks"
                ),
                Some((State::Ahead | State::Diverged, Some(ahead))) if ahead > 0 => format!(
                    "{name}: rejected (non-fast-forward): diverged: the remote has commits you do not have, and you have {ahead} commit{} it did not have when last fetched",
                    plural(ahead)
                ),
                _ => format!(
                    "{name}: rejected (non-fast-forward): the remote has commits you do not have (fetch to see how many)"
                ),
            };
            (message, if only_theirs { take_theirs() } else { integrate() })
        }
        Rejection::AlreadyExists => (
            format!("{name}: already exists on the remote with another target"),
            Some(format!(
                "`git ls-remote {qr} {}` shows it; replace it with `--force` (the old one is saved under refs/multi/backup/)",
                r.name
            )),
        ),
        Rejection::StaleLease => (
            format!("{name}: the remote changed since it was last seen (lease not held); nothing was overwritten"),
            Some(format!("fetch with `git multi fetch {qr}` and look before forcing again")),
        ),
        Rejection::AtomicFailed => (format!("{name}: not pushed: atomic push failed"), None),
        Rejection::ConcurrentUpdate => (
            format!("{name}: another push updated it at the same moment; nothing was overwritten"),
            Some(format!(
                "fetch with `git multi fetch {qr}` to see what it has now, then push again (`git multi sync` does both)"
            )),
        ),
        Rejection::Locked(path) => (
            format!("{name}: the remote's lock file `{path}` is there: another git is updating it, or one was stopped without removing it"),
            Some(format!(
                "if no git runs there any more, remove it: `rm {}` (`git multi doctor` lists stale lock files of local remotes); nothing was overwritten",
                crate::quote::word(path)
            )),
        ),
        Rejection::CurrentBranch(why) => (
            format!("{name}: not deleted: it is the branch the remote's HEAD points to ({why})"),
            Some("make another branch the remote's default (on the host, or `git symbolic-ref HEAD` in its repository), then delete it".into()),
        ),
        Rejection::RemoteRejected(why) => {
            let message = if remote_said.is_empty() {
                format!("{name}: refused by the remote ({why})")
            } else {
                format!("{name}: refused by the remote ({why}): {}", remote_said.join(" / "))
            };
            (
                message,
                Some("the server's hooks or branch protection refused the update; see its message".into()),
            )
        }
        Rejection::Other(why) => (format!("{name}: rejected ({why})"), None),
    })
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(
        status: Status,
        refs: &[(&str, Option<&str>, Option<&str>, RefStatus)],
    ) -> Outcome<PushDetail> {
        let detail = PushDetail {
            refs: refs
                .iter()
                .map(|(name, old, new, status)| RefUpdate {
                    name: name.to_string(),
                    old: old.map(str::to_string),
                    new: new.map(str::to_string),
                    status: *status,
                    reason: None,
                    backup: None,
                    skipped: false,
                })
                .collect(),
            ..PushDetail::default()
        };
        Outcome::new("r", status, std::time::Duration::from_millis(5), detail)
    }

    #[test]
    fn rounds_read_as_one_push() {
        // Updated, then updated again after a lost race elsewhere: one update from the first old tip.
        let first = outcome(
            Status::Ok,
            &[("refs/heads/main", Some("a"), Some("b"), RefStatus::Updated)],
        );
        let second = outcome(
            Status::Ok,
            &[("refs/heads/main", Some("b"), Some("c"), RefStatus::Updated)],
        );
        let both = across_rounds(first, second);
        assert_eq!(both.status, Status::Ok);
        assert_eq!(both.duration_ms, 10);
        let main = &both.detail.refs[0];
        assert_eq!(
            (main.old.as_deref(), main.new.as_deref(), main.status),
            (Some("a"), Some("c"), RefStatus::Updated)
        );
        // Refused (a lost race), then up to date: the remote had it already; the refusal is gone.
        let mut lost = outcome(
            Status::Rejected,
            &[
                ("refs/heads/main", Some("a"), Some("b"), RefStatus::Rejected),
                ("refs/git-mile/x", Some("a"), Some("b"), RefStatus::Rejected),
            ],
        );
        lost.error = Some("main: another push updated it at the same moment".into());
        let there = outcome(
            Status::UpToDate,
            &[("refs/heads/main", Some("b"), Some("b"), RefStatus::UpToDate)],
        );
        let both = across_rounds(lost, there);
        assert_eq!(both.status, Status::UpToDate);
        assert_eq!(both.error, None);
        assert_eq!(both.detail.refs.len(), 1);
        // Pushed in the first round, up to date in the second: still a push that did something.
        let first = outcome(
            Status::Ok,
            &[("refs/heads/main", None, Some("b"), RefStatus::New)],
        );
        let second = outcome(
            Status::UpToDate,
            &[("refs/heads/main", Some("b"), Some("b"), RefStatus::UpToDate)],
        );
        let both = across_rounds(first, second);
        assert_eq!(both.status, Status::Ok);
        assert_eq!(both.detail.refs[0].status, RefStatus::New);
    }
}
