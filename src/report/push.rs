//! A push's result on one remote, in words: the per-ref summary line (or counts, beyond ten refs), and the
//! closing hint about namespace refs a remote has newer commits of.

use crate::error::Exit;
use crate::git::{refname, RefStatus};
use crate::model::{PushDetail, Report};
use crate::report::Detail;

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
    oid.as_deref().map(crate::git::short_oid).unwrap_or("?")
}
