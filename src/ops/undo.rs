//! Undo planning over the audit log: which entry an `undo` reverts (the newest change not undone yet, or the one
//! named), and for each remote it touched the pushes that put every old tip back, each under a lease on the tip
//! the entry wrote, so work pushed since is never clobbered. The log's format (writing, reading, rotation) is
//! `audit`'s; this only reads entries.

use std::time::Duration;

use crate::config;
use crate::error::{Error, Result};
use crate::git::{refname, Git};
use crate::model::log::{Entry, RefEntry};
use crate::model::{Outcome, PushDetail, Report};
use crate::session::{Parallel, Session, Watch};

use super::push::{self, Force, Outgoing, PushRequest};
use super::{Backups, Relater, Snapshot};

/// What the command line asks of an undo.
#[derive(Debug, Clone, Copy)]
pub struct UndoRequest<'a> {
    /// The entry named (an id or a unique prefix); none: the newest change not undone yet.
    pub entry: Option<&'a str>,
    pub dry_run: bool,
    pub parallel: Parallel,
}

/// What to push to one remote to undo the entry there.
struct Plan {
    remote: String,
    refs: Vec<Outgoing>,
    /// The tip the entry left on each ref: the lease.
    expected: Vec<(String, Option<String>)>,
}

/// Undoes the entry `request` names on every remote it changed; the entry and each remote's push (in the
/// entry's order). A real undo is logged as one.
pub fn undo(session: &Session, request: &UndoRequest) -> Result<(Entry, Report<PushDetail>)> {
    let git = &session.git;
    let set = session.remote_set()?;
    let entries = crate::audit::read(git)
        .map_err(|e| Error::failed(format!("could not read the audit log: {e}")))?;
    let entry = pick(&entries, request.entry)?;

    // Remotes the entry touched that cannot be undone here fail up front; the others are planned.
    let mut failed: Vec<Outcome<PushDetail>> = Vec::new();
    let mut plans: Vec<Plan> = Vec::new();
    for remote in entry
        .remotes
        .iter()
        .filter(|r| !r.local && !r.refs.is_empty())
    {
        if set.member(&remote.name).is_none() {
            failed.push(
                Outcome::failed(
                    &remote.name,
                    "not a member of the remote set any more",
                    Duration::ZERO,
                    PushDetail::default(),
                )
                .with_hint(match renamed_since(&entries, entry, &remote.name) {
                    Some(now) => format!(
                        "it was renamed to `{now}` since (`git multi log` shows the rename); undo does not follow renames, so its refs there are left as they are"
                    ),
                    None => format!(
                        "it may have been renamed or removed since: `git multi log` shows the set changes; only if it was removed, add it again with `git multi remote add {} <url>` and run the undo again",
                        remote.name
                    ),
                }),
            );
            continue;
        }
        // An entry of a big push keeps its refs in a file beside the log.
        let refs = match crate::audit::refs_of(git, entry, remote) {
            Ok(refs) => refs,
            Err(err) => {
                failed.push(Outcome::failed(
                    &remote.name,
                    format!("the entry's list of refs cannot be read: {err}"),
                    Duration::ZERO,
                    PushDetail::default(),
                ));
                continue;
            }
        };
        match plan(git, &remote.name, &refs) {
            Ok(plan) => plans.push(plan),
            Err(message) => failed.push(
                Outcome::failed(&remote.name, message, Duration::ZERO, PushDetail::default())
                    .with_hint("the old tip is gone from this repository; a `git multi backup` bundle may still have it (`git multi restore`)"),
            ),
        }
    }

    let members: Vec<&crate::remote_set::Member> =
        plans.iter().filter_map(|p| set.member(&p.remote)).collect();
    let backups = Backups::new();
    let relater = Relater::new(git);
    let tracking = Snapshot::default();
    let fanout = session.fan_out(
        &set,
        request.parallel,
        &members,
        config::DEFAULT_TIMEOUT,
        Watch::Nobody,
    );
    let pushed = fanout.run(&members, |job| {
        let plan = plans
            .iter()
            .find(|p| p.remote == job.name())
            .expect("a plan per member");
        let request = PushRequest {
            refs: &plan.refs,
            force: Force::No,
            dry_run: request.dry_run,
            atomic: false,
            tracking: &tracking,
            backups: &backups,
            relater: &relater,
            reason: "git multi undo: tip before the undo",
        };
        let result = push::push_expecting(job, git, &request, &plan.expected);
        let mut outcome = crate::ops::pushed::outcome(job, result, request.dry_run);
        // A lease that did not hold means someone pushed since; other refusals keep the hint push gave them.
        let lease_lost = outcome
            .detail
            .refs
            .iter()
            .any(|r| r.reason.as_deref() == Some("stale info"));
        if outcome.status.is_failure() && lease_lost {
            outcome.hint = Some(format!(
                "someone changed `{}` since the entry; nothing there was overwritten (`git multi status {}` shows it now)",
                job.name(),
                job.name()
            ));
        }
        outcome
    });

    // Back in the entry's order.
    let mut outcomes: Vec<Outcome<PushDetail>> = pushed.into_iter().chain(failed).collect();
    outcomes.sort_by_key(|o| entry.remotes.iter().position(|r| r.name == o.name));
    let report = Report::new(outcomes);
    if !request.dry_run {
        crate::audit::Record::new("undo")
            .outcomes(&report)
            .undoes(&entry.id)
            .write(git);
    }
    Ok((entry.clone(), report))
}

/// The name `remote` has now if `git multi remote rename` renamed it after `entry` (followed through every
/// later rename), from the log.
fn renamed_since(entries: &[Entry], entry: &Entry, remote: &str) -> Option<String> {
    let start = entries.iter().position(|e| e.id == entry.id)? + 1;
    let mut name = remote.to_string();
    for later in &entries[start..] {
        if later.command != "remote rename" {
            continue;
        }
        let words: Vec<&str> = later
            .args
            .iter()
            .map(String::as_str)
            .skip_while(|a| *a != "rename")
            .skip(1)
            .filter(|a| !a.starts_with('-'))
            .collect();
        if let [old, new, ..] = words.as_slice() {
            if *old == name {
                name = new.to_string();
            }
        }
    }
    (name != remote).then_some(name)
}

/// The entry named (an id or a unique prefix of one), else the newest change to the remotes that is not undone
/// yet: repeated `git multi undo` steps further back, one command at a time, instead of undoing its own undo.
fn pick<'a>(entries: &'a [Entry], wanted: Option<&str>) -> Result<&'a Entry> {
    let Some(wanted) = wanted else {
        let undone = undone(entries);
        return entries
            .iter()
            .rev()
            .filter(|e| e.undoes.is_none() && !undone.contains(e.id.as_str()))
            .find(|e| e.changed_remotes())
            .ok_or_else(|| match entries.iter().any(|e| e.changed_remotes()) {
                true => Error::usage("nothing left to undo: every logged change to the remotes is undone")
                    .hint("`git multi log` shows them; `git multi undo <entry>` on an undo's entry puts back what it undid"),
                false => Error::usage("nothing to undo: no logged command changed a remote")
                    .hint("`git multi log` shows what has been logged"),
            });
    };
    let matches: Vec<&Entry> = match entries.iter().find(|e| e.id == wanted) {
        Some(exact) => vec![exact],
        None => entries
            .iter()
            .filter(|e| e.id.starts_with(wanted))
            .collect(),
    };
    let entry = match matches.as_slice() {
        [one] => *one,
        [] => {
            return Err(Error::usage(format!("no audit log entry `{wanted}`"))
                .hint("`git multi log` lists the entries and their ids"))
        }
        _ => {
            return Err(
                Error::usage(format!("`{wanted}` names {} entries", matches.len()))
                    .hint("give more of the id; `git multi log` lists them"),
            )
        }
    };
    if !entry.changed_remotes() {
        return Err(Error::usage(format!(
            "entry {} (`git multi {}`) changed no remote's refs, so there is nothing to put back",
            entry.id,
            entry.args.join(" ")
        ))
        .hint("undo reverts pushes, syncs, restores and undos; set changes are reverted with `git multi remote …` or `git multi import`"));
    }
    Ok(entry)
}

/// The ids of the entries an undo has reverted, as the log stands now: an undo that changed remotes marks its
/// entry undone, and undoing that undo (by naming it) makes its entry count as done again.
fn undone(entries: &[Entry]) -> std::collections::HashSet<&str> {
    let mut undone = std::collections::HashSet::new();
    for entry in entries.iter().filter(|e| e.changed_remotes()) {
        let Some(target) = entry.undoes.as_deref() else {
            continue;
        };
        undone.insert(target);
        let redone = entries.iter().find(|e| e.id == target);
        if let Some(again) = redone.and_then(|e| e.undoes.as_deref()) {
            undone.remove(again);
        }
    }
    undone
}

/// For each ref the entry changed on `remote`: push the old tip back (from its backup ref, or the object itself
/// when the update was a fast-forward and kept it reachable), or delete a ref the entry created; each leased on
/// the tip the entry left there.
fn plan(git: &Git, remote: &str, refs: &[RefEntry]) -> std::result::Result<Plan, String> {
    let mut plan = Plan {
        remote: remote.to_string(),
        refs: Vec::new(),
        expected: Vec::new(),
    };
    let olds: Vec<&str> = refs.iter().filter_map(|r| r.old.as_deref()).collect();
    let present = git
        .object_types(&olds)
        .map_err(|e| format!("could not look for the old tips: {e}"))?;
    for r in refs {
        if r.old == r.new {
            continue;
        }
        let outgoing = match &r.old {
            None => Outgoing::delete(&r.name),
            Some(old) => {
                let from_backup = r
                    .backup
                    .as_deref()
                    .filter(|b| git.rev_parse(b).ok().flatten().as_deref() == Some(old));
                let src = match from_backup {
                    Some(backup) => backup.to_string(),
                    None if present.contains_key(old) => old.clone(),
                    None => {
                        return Err(format!(
                            "{}: the old tip {} is not in this repository any more",
                            refname::short(&r.name),
                            crate::git::short_oid(old)
                        ))
                    }
                };
                Outgoing {
                    name: r.name.clone(),
                    src: Some(src),
                    oid: Some(old.clone()),
                }
            }
        };
        plan.refs.push(outgoing);
        plan.expected.push((r.name.clone(), r.new.clone()));
    }
    Ok(plan)
}
