//! A push's result on one remote: every ref with its old and new tip and what became of it, retries, and the
//! tips saved before they were overwritten.

use serde::Serialize;

use crate::git::{refname, RefStatus};

use super::{Outcome, Saved, Status};

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

impl PushDetail {
    /// How many namespace refs were left alone because the remote has commits this clone lacks.
    pub fn skipped(&self) -> usize {
        self.refs.iter().filter(|r| r.skipped).count()
    }
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

/// A remote that could not be fetched is not pushed to either: its state is unknown. The fetch's status, reason
/// and hint carry over.
pub fn not_pushed(fetch: &Outcome<()>) -> Outcome<PushDetail> {
    let elapsed = std::time::Duration::from_millis(fetch.duration_ms);
    let mut outcome = Outcome::new(&fetch.name, fetch.status, elapsed, PushDetail::default());
    outcome.error = fetch
        .error
        .as_ref()
        .map(|e| format!("fetch failed, not pushed: {e}"));
    outcome.reason = fetch.reason;
    outcome.hint = fetch.hint.clone();
    outcome
}

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

/// Neither a branch nor a tag: a ref of a configured namespace.
pub fn is_namespace(name: &str) -> bool {
    !name.starts_with(refname::HEADS) && !name.starts_with(refname::TAGS)
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
