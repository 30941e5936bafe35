//! `resolve` as one operation over a session: make the local repository and every remote agree on one ref:
//! take one side's copy, merge every copy, or rebase the local commits onto the remotes' copy. The remotes are
//! fetched first; each is then updated only if it still has what was fetched (a per-remote lease), and every
//! tip that would be lost is saved under `refs/multi/backup/` first. What it did comes back as [`Resolved`].

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::config;
use crate::error::{Error, Result};
use crate::git::{refname, FetchOptions, Git, GitError, RefWrite, Refspec};
use crate::model::converge::Family;
use crate::model::resolve::{How, LocalChange, Resolved};
use crate::model::{Outcome, PushDetail, Report, Saved, Status};
use crate::remote_set::{Member, RemoteSet};
use crate::runner::{FanOut, Job};
use crate::session::{Parallel, Session, Watch};

use super::integrate::{self, Strategy};
use super::push::{self, Force, Outgoing, PushRequest};
use super::union::{self, Combined};
use super::{converge, fetch, Backups, Relater, Snapshot};

const REASON: &str = "git multi resolve";

/// What the command line asks of a resolve.
#[derive(Debug, Clone)]
pub struct ResolveRequest<'a> {
    /// The ref as the user named it (a short name is read as git reads it).
    pub asked: &'a str,
    pub how: How,
    pub dry_run: bool,
    pub parallel: Parallel,
}

/// One resolve under way: the ref, every member's job, the tips saved on the way.
struct Run<'a> {
    git: &'a Git,
    request: &'a ResolveRequest<'a>,
    name: String,
    family: Family,
    checked_out: bool,
    members: Vec<&'a Member>,
    fanout: FanOut<'static>,
    backups: Backups,
}

/// Every side's copy of the ref after the fetch: the local tip, and each reachable remote's (`None`: it has
/// none).
struct Copies<'a> {
    local: Option<String>,
    remotes: Vec<(String, Option<String>)>,
    reachable: Vec<&'a Member>,
}

/// Resolves the ref `request.asked` across the local repository and every enabled member of `set`. `Err` for
/// what stops it before any push (a bad name, a merge that cannot be made, a work tree in the way); the
/// remotes' failures are in the report, and the audit log gets the pushes.
pub fn resolve<'a>(
    session: &'a Session,
    set: &'a RemoteSet,
    request: &'a ResolveRequest<'a>,
) -> Result<Resolved> {
    let git = &session.git;
    let members = set.select(&[])?;
    let name = full_name(git, set, request.asked)?;
    let family = family(set, &name)?;
    if let How::Take(remote) = &request.how {
        set.select(std::slice::from_ref(remote))?;
    }
    let current = git.current_branch()?.map(|b| refname::branch(&b));
    let checked_out = current.as_deref() == Some(name.as_str());
    refuse(git, &members, &request.how, &name, family, checked_out)?;
    let fanout = session.fan_out(
        set,
        request.parallel,
        &members,
        config::DEFAULT_TIMEOUT,
        Watch::Live,
    );
    let run = Run {
        git,
        request,
        name,
        family,
        checked_out,
        members,
        fanout,
        backups: Backups::new(),
    };

    // 1. Fetch every remote: its tracking refs then say what it has now, and the leases below hold on exactly
    // that. Tags are read with ls-remote (no per-remote copy) and their objects fetched to a scratch ref.
    let (fetched, tag_tips) = run.fetch_all(&set.settings.namespaces);
    // Tracking refs the prune removed, saved before anything else of this run.
    let pruned = run.backups.all();
    let copies = run.copies(&fetched, &tag_tips)?;

    // 2. The tip everyone gets, and the local ref moved there (old local tip saved first where it is lost).
    let result = run.settle(&copies);
    let cleanup = scratch_cleanup(git, &run.members, &run.name, family);
    let (target, local_saved) = result?;
    cleanup?;

    // A dry run of a merge the work tree would make has no commit to show: the real one is written then, with
    // the user's identity and time. Only how many copies it would merge is known.
    let would_merge = target.is_none().then(|| {
        let mut tips: Vec<&str> = copies
            .remotes
            .iter()
            .filter_map(|(_, t)| t.as_deref())
            .collect();
        tips.extend(copies.local.as_deref());
        tips.sort_unstable();
        tips.dedup();
        tips.len()
    });

    // 3. Push it everywhere, each remote under its own lease (tags: leased on what ls-remote shows, saved).
    let report = run.push_everywhere(fetched, target.as_deref())?;
    crate::audit::record(git, "resolve", &report);
    Ok(Resolved {
        how: request.how.clone(),
        would_merge,
        dry_run: request.dry_run,
        local: LocalChange {
            old: copies.local,
            new: target.clone(),
            backup: local_saved,
        },
        target,
        name: run.name,
        pruned,
        report,
    })
}

/// Refuses what cannot be done to `name` before anything is fetched: merging or rebasing a tag, rebasing a
/// ref that is not the checked-out branch.
fn refuse(
    git: &Git,
    members: &[&Member],
    how: &How,
    name: &str,
    family: Family,
    checked_out: bool,
) -> Result<()> {
    match (how, family) {
        (How::Merge | How::Rebase, Family::Tag) => {
            let hint = format!(
                "pick one copy with `git multi resolve {q_name} --take <remote>` (or `--take local`)", q_name = crate::quote::word(name));
            Err(Error::usage(format!("tags cannot be merged or rebased: `{name}`")).hint(hint))
        }
        (How::Rebase, _) if !checked_out => Err(Error::usage(format!(
            "--rebase works on the checked-out branch, not `{name}`"
        ))
        .hint(match family {
            Family::Branch => {
                // Not fetched yet: the copies known here are the tracking refs from the last fetch.
                let known: Vec<(String, Option<String>)> = members
                    .iter()
                    .map(|m| {
                        let tracking = refname::tracking(&m.name, name).unwrap_or_default();
                        (m.name.clone(), git.rev_parse(&tracking).ok().flatten())
                    })
                    .collect();
                let here = git.rev_parse(name)?.is_some();
                format!(
                    "check it out first ({}), or use `--merge`",
                    switch_command(name, here, &known)
                )
            }
            _ => format!(
                "use `git multi resolve {q_name} --merge`",
                q_name = crate::quote::word(name)
            ),
        })),
        _ => Ok(()),
    }
}

impl<'a> Run<'a> {
    /// Fetches every member (a dry run prunes nothing), and for a tag each one's copy of it; the fetches'
    /// outcomes in member order, and the tag's tips by remote.
    fn fetch_all(
        &self,
        namespaces: &[config::Namespace],
    ) -> (Vec<Outcome<()>>, BTreeMap<String, Option<String>>) {
        let (git, name) = (self.git, self.name.as_str());
        let tag_tips: Mutex<BTreeMap<String, Option<String>>> = Mutex::new(BTreeMap::new());
        let fetched = self.fanout.run(&self.members, |job| {
            let result = if self.request.dry_run {
                // A dry run moves no tracking ref away (no prune): it only brings new tips in.
                fetch::fetch(
                    job,
                    git,
                    &fetch::with_namespaces(job.name(), namespaces, false),
                )
            } else {
                fetch::refresh(job, git, namespaces, &self.backups)
            };
            let result = result.and_then(|_| match self.family {
                Family::Tag => fetch_tag(job, git, name).map(|tip| {
                    tag_tips
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(job.name().to_string(), tip);
                }),
                _ => Ok(()),
            });
            match result {
                Ok(()) => Outcome::new(job.name(), Status::Ok, job.elapsed(), ()),
                Err(err) => job.failure(&err, ()),
            }
        });
        self.fanout.finish();
        let tag_tips = tag_tips.into_inner().unwrap_or_else(|e| e.into_inner());
        (fetched, tag_tips)
    }

    /// The local copy and each reachable remote's, read once after the fetch.
    fn copies(
        &self,
        fetched: &[Outcome<()>],
        tag_tips: &BTreeMap<String, Option<String>>,
    ) -> Result<Copies<'a>> {
        let name = &self.name;
        let reachable: Vec<&Member> = self
            .members
            .iter()
            .zip(fetched)
            .filter(|(_, o)| !o.status.is_failure())
            .map(|(m, _)| *m)
            .collect();
        let mut patterns = vec![name.clone()];
        patterns.extend(
            reachable
                .iter()
                .filter_map(|m| refname::tracking(&m.name, name)),
        );
        let snapshot = Snapshot::take(self.git, &patterns)?;
        let copy_of = |remote: &str| match self.family {
            Family::Tag => tag_tips.get(remote).cloned().flatten(),
            _ => refname::tracking(remote, name).and_then(|t| snapshot.get(&t).map(str::to_string)),
        };
        Ok(Copies {
            local: snapshot.get(name).map(str::to_string),
            remotes: reachable
                .iter()
                .map(|m| (m.name.clone(), copy_of(&m.name)))
                .collect(),
            reachable,
        })
    }

    /// Pushes `target` to every member that could be fetched, under its own lease (a tag is forced, its old
    /// tip saved); with no target (a dry run of a work-tree merge) each says what it would get.
    fn push_everywhere(
        &self,
        fetched: Vec<Outcome<()>>,
        target: Option<&str>,
    ) -> Result<Report<PushDetail>> {
        let outgoing: Vec<Outgoing> = target
            .iter()
            .map(|target| Outgoing::tip(&self.name, target))
            .collect();
        let tracking = Snapshot::take(
            self.git,
            &push::tracking_patterns(self.members.iter().map(|m| m.name.as_str()), &outgoing),
        )?;
        let relater = Relater::new(self.git);
        let request = PushRequest {
            refs: &outgoing,
            force: if self.family == Family::Tag {
                Force::Yes
            } else {
                Force::Lease
            },
            dry_run: self.request.dry_run,
            atomic: false,
            tracking: &tracking,
            backups: &self.backups,
            relater: &relater,
            reason: REASON,
        };
        let after_fetch: Vec<(&Member, Outcome<()>)> =
            self.members.iter().copied().zip(fetched).collect();
        let outcomes = self.fanout.run_with(&after_fetch, |job, fetch| {
            if fetch.status.is_failure() {
                // Its copy is unknown, so it is left alone.
                return crate::model::push::not_pushed(fetch);
            }
            if outgoing.is_empty() {
                return would_merge(job);
            }
            pushed(
                super::pushed::outcome(
                    job,
                    push::push(job, self.git, &request),
                    self.request.dry_run,
                ),
                self.request.asked,
            )
        });
        self.fanout.finish();
        Ok(Report::new(outcomes))
    }
}

/// A remote's push outcome in resolve's words: a remote that moved after the fetch is not to be forced, and
/// running the same resolve again (which fetches first) takes its new tip into account.
fn pushed(mut outcome: Outcome<PushDetail>, asked: &str) -> Outcome<PushDetail> {
    if crate::model::push::refused_as_moved(&outcome) {
        outcome.hint = Some(format!(
            "`{}` changed after it was fetched; `git multi conflicts` shows what it has now, and the same `git multi resolve {q_asked} …` again starts from that",
            outcome.name, q_asked = crate::quote::word(asked)));
    }
    outcome
}

/// A remote's line under `--dry-run` when the merge it would get is not made yet: nothing to push to compare.
fn would_merge(job: &Job) -> Outcome<PushDetail> {
    Outcome::new(
        job.name(),
        Status::DryRun,
        job.elapsed(),
        PushDetail::default(),
    )
}

/// Moving the checked-out branch `name` to `target` failed: when git refused because uncommitted changes are
/// in the way, that in words with what to do (git's own message otherwise).
pub fn work_tree_in_the_way(name: &str, target: &str, err: GitError) -> Error {
    let said = err.stderr().map(crate::git::failure_summary);
    let in_the_way = err.stderr().is_some_and(|stderr| {
        stderr.contains("not uptodate")
            || stderr.contains("would be overwritten")
            || stderr.contains("local changes")
    });
    if !in_the_way {
        return Error::from(err);
    }
    Error::failed(format!(
        "the work tree has uncommitted changes in the way of moving {} to {} ({}); nothing was pushed",
        refname::short(name),
        crate::git::short_oid(target),
        said.unwrap_or_default()
    ))
    .hint("commit or stash them (`git stash`), then run the same `git multi resolve` again")
}

/// The full name of the ref `name` the way git reads a short name (`refs/<name>`, then `refs/tags/<name>`, then
/// `refs/heads/<name>`): `tags/v1` → `refs/tags/v1`, `git-mile/tasks/T1` → `refs/git-mile/tasks/T1`, `main` →
/// `refs/heads/main`, `HEAD` → the checked-out branch. Of the candidates, those that exist here count (and a
/// ref of a configured namespace, which may exist on the remotes only); two that do make the name ambiguous,
/// which is an error naming both. None that does: a branch (it may exist on the remotes only).
fn full_name(git: &Git, set: &RemoteSet, name: &str) -> Result<String> {
    let bad = || {
        Error::usage(format!("`{name}` is not a valid ref name")).hint(
            "name a branch (`main`), a tag (`tags/v1`) or a full ref (`refs/git-mile/tasks/T1`)",
        )
    };
    if name == "HEAD" || name == "@" {
        return match git.current_branch()? {
            Some(branch) => Ok(refname::branch(&branch)),
            None => Err(Error::usage(
                "HEAD is detached, so it names no branch to resolve",
            )
            .hint("name the ref: `git multi resolve <branch> …` (`git multi conflicts` lists what differs)")),
        };
    }
    if name.contains('*') || name.is_empty() {
        return Err(bad());
    }
    if name.starts_with("refs/") {
        return if refname::is_valid_pattern(name) {
            Ok(name.to_string())
        } else {
            Err(bad())
        };
    }
    let candidates = refname::candidates(name);
    if !candidates.iter().all(|c| refname::is_valid_pattern(c)) {
        return Err(bad());
    }
    let mut found = Vec::new();
    for candidate in &candidates {
        let namespaced = !candidate.starts_with(refname::HEADS)
            && !candidate.starts_with(refname::TAGS)
            && set.settings.namespace_of(candidate).is_some();
        if namespaced || git.rev_parse(candidate)?.is_some() {
            found.push(candidate.clone());
        }
    }
    match found.as_slice() {
        [] => Ok(refname::branch(name)),
        [one] => Ok(one.clone()),
        several => Err(Error::usage(format!(
            "`{name}` is ambiguous: {} all exist here",
            several.join(", ")
        ))
        .hint(format!(
            "name one in full: {}",
            several
                .iter()
                .map(|f| format!("`git multi resolve {q_f} …`", q_f = crate::quote::word(f)))
                .collect::<Vec<_>>()
                .join(" or ")
        ))),
    }
}

fn family(set: &RemoteSet, name: &str) -> Result<Family> {
    if name.starts_with(refname::HEADS) {
        return Ok(Family::Branch);
    }
    if name.starts_with(refname::TAGS) {
        return Ok(Family::Tag);
    }
    match set.settings.namespace_of(name) {
        Some(namespace) => Ok(Family::Namespace(namespace.merge)),
        None => Err(Error::usage(format!(
            "`{name}` is not a branch, a tag or a ref of a configured namespace"
        ))
        .hint(format!(
            "carry its namespace first, e.g. `git multi refs add '{}*'`",
            name.rfind('/').map_or(name, |i| &name[..=i])
        ))),
    }
}

/// Fetches `job`'s copy of the tag `name` (if it has one) into a scratch ref, so its object is here.
fn fetch_tag(job: &Job, git: &Git, name: &str) -> std::result::Result<Option<String>, GitError> {
    let there = job
        .git(|left, _| git.ls_remote_refs(job.name(), &[name], Some(left)))
        .result?;
    let Some(tip) = there.get(name).cloned() else {
        return Ok(None);
    };
    let options = FetchOptions {
        only: vec![Refspec::map(
            name,
            &refname::scratch_copy(job.name(), name),
            true,
        )],
        ..FetchOptions::default()
    };
    job.git(|left, _| git.fetch(job.name(), &options, Some(left), None))
        .result?;
    Ok(Some(tip))
}

/// Removes the scratch refs tags were fetched into.
fn scratch_cleanup(git: &Git, members: &[&Member], name: &str, family: Family) -> Result<()> {
    if family != Family::Tag {
        return Ok(());
    }
    let scratch: Vec<String> = members
        .iter()
        .map(|m| refname::scratch_copy(&m.name, name))
        .collect();
    let present = Snapshot::take(git, &scratch)?;
    let writes: Vec<RefWrite> = present
        .iter()
        .map(|(n, _)| RefWrite::Delete {
            name: n.to_string(),
        })
        .collect();
    git.update_refs(&writes, REASON)?;
    Ok(())
}

/// How to check out the branch `name`: `git switch <branch>` when it exists here, else `git switch -c <branch>
/// <remote>/<branch>` from the first remote with a copy (plain `git switch` refuses a name that several remotes
/// have).
fn switch_command(name: &str, here: bool, copies: &[(String, Option<String>)]) -> String {
    let branch = refname::short(name);
    match copies.iter().find(|(_, tip)| tip.is_some()) {
        Some((remote, _)) if !here => format!(
            "`git switch -c {q_branch} {q_remote}/{q_branch}`",
            q_branch = crate::quote::word(branch),
            q_remote = crate::quote::word(remote)
        ),
        _ => format!(
            "`git switch {q_branch}`",
            q_branch = crate::quote::word(branch)
        ),
    }
}

/// What `git merge` would write for merging the remotes' copies of `name` that differ from the local one:
/// "Merge remote-tracking branch 'gh/main'", "… branches 'a/topic' and 'b/topic' into topic".
fn merge_message(name: &str, local: Option<&str>, copies: &[(String, Option<String>)]) -> String {
    let branch = refname::short(name);
    let mut merged: Vec<String> = Vec::new();
    for (remote, tip) in copies {
        if tip.is_some() && tip.as_deref() != local {
            merged.push(format!("'{remote}/{branch}'"));
        }
    }
    let listed = match merged.as_slice() {
        [] => format!("branch '{branch}'"),
        [one] => format!("remote-tracking branch {one}"),
        [rest @ .., last] => format!("remote-tracking branches {} and {last}", rest.join(", ")),
    };
    // git leaves out " into <branch>" for the usual default branches (merge.suppressDest).
    let into = match branch {
        "main" | "master" => String::new(),
        other => format!(" into {other}"),
    };
    format!("Merge {listed}{into}\n")
}

impl Run<'_> {
    /// Works out the tip every side gets and (unless a dry run) moves the local ref there; `None` for a dry run
    /// of a merge the work tree would make (its commit does not exist before it is made).
    fn settle(&self, copies: &Copies) -> Result<(Option<String>, Option<Saved>)> {
        let (git, name) = (self.git, self.name.as_str());
        let local = &copies.local;
        let target = match &self.request.how {
            How::TakeLocal => local.clone().ok_or_else(|| {
                Error::usage(format!("`{name}` does not exist locally")).hint(format!(
                    "take a remote's copy with `git multi resolve {q_name} --take <remote>`",
                    q_name = crate::quote::word(name)
                ))
            })?,
            How::Take(remote) => take(name, remote, &copies.remotes)?,
            How::Merge if self.checked_out && !self.request.dry_run => {
                return self.merge_in_work_tree(&copies.reachable)
            }
            How::Merge => match self.union(copies)? {
                Some(tip) => tip,
                None => return Ok((None, None)),
            },
            How::Rebase => return self.rebase(copies),
        };
        if self.request.dry_run {
            return Ok((Some(target), None));
        }
        let saved = match (self.checked_out, local.as_deref()) {
            (true, Some(old)) => {
                converge::set_checked_out(git, &self.backups, name, old, &target, REASON)
                    .map_err(|err| work_tree_in_the_way(name, &target, err))?
            }
            _ => converge::set_local(git, &self.backups, name, local.as_deref(), &target, REASON)?,
        };
        Ok((Some(target), saved))
    }

    /// The checked-out branch merges in the work tree, with the user's identity, hooks and rerere.
    fn merge_in_work_tree(&self, reachable: &[&Member]) -> Result<(Option<String>, Option<Saved>)> {
        let git = self.git;
        let branch = refname::short(&self.name);
        for member in reachable {
            let upstream =
                refname::tracking(&member.name, &self.name).expect("a branch has a tracking ref");
            match integrate::integrate(git, branch, &upstream, Strategy::Merge)? {
                Ok(_) => {}
                Err(stopped) if stopped.stop == integrate::Stop::NoUpstream => {}
                Err(stopped) => return Err(integrate::stopped(&stopped)),
            }
        }
        Ok((git.rev_parse("HEAD")?, None))
    }

    /// Every copy united in one commit (or the copy that contains the others); `None` for a dry run of the
    /// checked-out branch, which the real run merges in the work tree.
    fn union(&self, copies: &Copies) -> Result<Option<String>> {
        let (name, local) = (self.name.as_str(), &copies.local);
        let mut tips: Vec<&str> = copies
            .remotes
            .iter()
            .filter_map(|(_, t)| t.as_deref())
            .collect();
        tips.extend(local.as_deref());
        // A branch is the user's: their merge, git's words. Data namespaces merge the same in every clone.
        let signature = match self.family {
            Family::Branch => union::Signature::User {
                message: merge_message(name, local.as_deref(), &copies.remotes),
            },
            _ => union::Signature::Data,
        };
        match union::union(self.git, name, &tips, &signature)? {
            Combined::Contains(tip) => Ok(Some(tip)),
            Combined::Merged { .. } if self.checked_out => Ok(None),
            Combined::Merged { oid, .. } => Ok(Some(oid)),
            Combined::Cannot(why) => Err(Error::failed(format!(
                "could not merge the copies of `{name}`: {why}"
            ))
            .hint(match self.family {
                Family::Branch if !self.checked_out => format!(
                    "check it out ({}) and run the same resolve: the merge then happens in the work tree, where conflicts can be resolved",
                    switch_command(name, local.is_some(), &copies.remotes)
                ),
                _ => format!("pick one copy with `git multi resolve {q_name} --take <remote>` (or `--take local`)", q_name = crate::quote::word(name)),
            })),
        }
    }

    /// The local commits rebased onto the remotes' one newest copy (a dry run pushes the local tip as it is).
    fn rebase(&self, copies: &Copies) -> Result<(Option<String>, Option<Saved>)> {
        let (git, name) = (self.git, self.name.as_str());
        let theirs: Vec<&str> = copies
            .remotes
            .iter()
            .filter_map(|(_, t)| t.as_deref())
            .collect();
        let mut distinct = theirs.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let newest = match distinct.as_slice() {
            [] => None,
            [only] => Some(only.to_string()),
            _ => match git.independent(&distinct)?.as_slice() {
                [only] => Some(only.clone()),
                _ => {
                    return Err(Error::failed(format!(
                        "the remotes' copies of `{name}` diverge from each other, so there is no one copy to rebase onto"
                    ))
                    .hint(format!("merge them all with `git multi resolve {q_name} --merge`", q_name = crate::quote::word(name))))
                }
            },
        };
        let Some(newest) = newest else {
            return Err(Error::usage(format!(
                "no remote has `{name}`, so there is nothing to rebase onto"
            ))
            .hint(format!(
                "publish it with `git multi resolve {q_name} --take local`",
                q_name = crate::quote::word(name)
            )));
        };
        let holder = copies
            .remotes
            .iter()
            .find(|(_, t)| t.as_deref() == Some(newest.as_str()))
            .map(|(r, _)| r.clone())
            .unwrap_or_default();
        if self.request.dry_run {
            // Nothing is rewritten in a dry run: the plan pushes the local tip as it is.
            return Ok((Some(copies.local.clone().unwrap_or(newest)), None));
        }
        let upstream = refname::tracking(&holder, name).expect("a branch has a tracking ref");
        integrate::integrate(git, refname::short(name), &upstream, Strategy::Rebase)?
            .map_err(|stopped| integrate::stopped(&stopped))?;
        Ok((git.rev_parse("HEAD")?, None))
    }
}

/// `remote`'s copy of `name`, which it must have.
fn take(name: &str, remote: &str, copies: &[(String, Option<String>)]) -> Result<String> {
    let Some((_, copy)) = copies.iter().find(|(r, _)| r == remote) else {
        return Err(Error::failed(format!(
            "`{remote}` could not be fetched, so its copy of `{name}` is unknown"
        ))
        .hint("see the error above; nothing was changed"));
    };
    copy.clone().ok_or_else(|| {
        Error::usage(format!("`{remote}` has no `{name}`"))
            .hint("`git multi conflicts` shows which sides have it; `--take local` gives every remote the local copy")
    })
}
