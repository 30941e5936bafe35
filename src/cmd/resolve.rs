//! `git multi resolve <ref>`: make the local repository and every remote agree on one ref: take one side's
//! copy (`--take <remote>|local`), merge every copy (`--merge`), or rebase the local commits onto the remotes'
//! copy (`--rebase`). The remotes are fetched first; each is then updated only if it still has what was
//! fetched (a per-remote lease), and every tip that would be lost is saved under `refs/multi/backup/` first.

use crate::model::converge::Family;
use std::collections::BTreeMap;
use std::sync::Mutex;

use clap::{ArgGroup, Args};

use crate::cmd::common;
use crate::config;
use crate::error::{Error, Exit, Result};
use crate::git::{refname, FetchOptions, RefWrite, Refspec};
use crate::model::Saved;
use crate::model::{Outcome, Report, Status};
use crate::ops::converge;
use crate::ops::integrate::{self, Strategy};
use crate::ops::push::{self, Force, Outgoing, PushRequest};
use crate::ops::union::{self, Combined};
use crate::ops::{fetch, Backups, Relater, Snapshot};
use crate::remote_set::{Member, RemoteSet};
use crate::report;
use crate::report::resolve::{How, LocalChange, ResolveDocument};
use crate::session::{Session, Watch};

/// Make every remote agree on one ref: take a copy, merge them, or rebase onto them
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("how").required(true).args(["take", "merge", "rebase", "interactive"])))]
pub struct ResolveArgs {
    /// The ref: a branch name, `tags/<tag>`, a full ref name (`refs/git-mile/tasks/T1`) or HEAD; a short name
    /// is read as git reads it, and one naming two refs here is refused
    #[arg(
        value_name = "REF",
        required_unless_present = "interactive",
        default_value = ""
    )]
    pub name: String,
    /// Give every side this copy: a remote's name, `local` for the local repository's, or `primary` for the
    /// primary member's (multi.primary)
    #[arg(long, value_name = "REMOTE|local|primary")]
    pub take: Option<String>,
    /// Ask on the terminal, for every conflicted ref (or the one named): local, a remote's copy, merge, or skip
    #[arg(short, long)]
    pub interactive: bool,
    /// Merge every copy (the checked-out branch in the work tree; other refs without one, as a union)
    #[arg(long)]
    pub merge: bool,
    /// Rebase the local commits onto the remotes' copy (checked-out branch only)
    #[arg(long)]
    pub rebase: bool,
    /// Fetch and work out the result, push nothing and change no local ref
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub parallel: crate::cmd::common::ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

const REASON: &str = "git multi resolve";

pub fn run(ctx: &Session, args: &ResolveArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&[])?;
    let name = full_name(ctx, &set, &args.name)?;
    let family = family(&set, &name)?;
    let how = how(args, &set)?;
    let current = ctx.git.current_branch()?.map(|b| refname::branch(&b));
    let checked_out = current.as_deref() == Some(name.as_str());
    match (&how, family) {
        (How::Merge | How::Rebase, Family::Tag) => {
            let hint = format!(
                "pick one copy with `git multi resolve {q_name} --take <remote>` (or `--take local`)", q_name = crate::quote::word(&name));
            return Err(
                Error::usage(format!("tags cannot be merged or rebased: `{name}`")).hint(hint),
            );
        }
        (How::Rebase, _) if !checked_out => {
            return Err(Error::usage(format!(
                "--rebase works on the checked-out branch, not `{name}`"
            ))
            .hint(match family {
                Family::Branch => {
                    // Not fetched yet: the copies known here are the tracking refs from the last fetch.
                    let known: Vec<(String, Option<String>)> = members
                        .iter()
                        .map(|m| {
                            let tracking = refname::tracking(&m.name, &name).unwrap_or_default();
                            (m.name.clone(), ctx.git.rev_parse(&tracking).ok().flatten())
                        })
                        .collect();
                    let here = ctx.git.rev_parse(&name)?.is_some();
                    format!(
                        "check it out first ({}), or use `--merge`",
                        switch_command(&name, here, &known)
                    )
                }
                _ => format!(
                    "use `git multi resolve {q_name} --merge`",
                    q_name = crate::quote::word(&name)
                ),
            }));
        }
        _ => {}
    }

    // 1. Fetch every remote: its tracking refs then say what it has now, and the leases below hold on exactly
    // that. Tags are read with ls-remote (no per-remote copy) and their objects fetched to a scratch ref.
    let namespaces = &set.settings.namespaces;
    let _budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    let backups = Backups::new();
    let tag_tips: Mutex<BTreeMap<String, Option<String>>> = Mutex::new(BTreeMap::new());
    let fanout = ctx.fan_out(
        &set,
        args.parallel.get(),
        &members,
        config::DEFAULT_TIMEOUT,
        Watch::Live,
    );
    let fetched = fanout.run(&members, |job| {
        let result = if args.dry_run {
            // A dry run moves no tracking ref away (no prune): it only brings new tips in.
            fetch::fetch(
                job,
                &ctx.git,
                &fetch::with_namespaces(job.name(), namespaces, false),
            )
        } else {
            fetch::refresh(job, &ctx.git, namespaces, &backups)
        };
        let result = result.and_then(|_| match family {
            Family::Tag => fetch_tag(job, &ctx.git, &name).map(|tip| {
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
    fanout.finish();
    let tag_tips = tag_tips.into_inner().unwrap_or_else(|e| e.into_inner());
    // Tracking refs the prune removed, saved before anything else of this run.
    let pruned = backups.all();
    let reachable: Vec<&Member> = members
        .iter()
        .zip(&fetched)
        .filter(|(_, o)| !o.status.is_failure())
        .map(|(m, _)| *m)
        .collect();

    let mut patterns = vec![name.clone()];
    patterns.extend(
        reachable
            .iter()
            .filter_map(|m| refname::tracking(&m.name, &name)),
    );
    let snapshot = Snapshot::take(&ctx.git, &patterns)?;
    let local = snapshot.get(&name).map(str::to_string);
    let copy_of = |remote: &str| match family {
        Family::Tag => tag_tips.get(remote).cloned().flatten(),
        _ => refname::tracking(remote, &name).and_then(|t| snapshot.get(&t).map(str::to_string)),
    };
    let copies: Vec<(String, Option<String>)> = reachable
        .iter()
        .map(|m| (m.name.clone(), copy_of(&m.name)))
        .collect();

    // 2. The tip everyone gets, and the local ref moved there (old local tip saved first where it is lost).
    let result = settle(
        ctx,
        args,
        &how,
        &name,
        family,
        checked_out,
        &local,
        &copies,
        &reachable,
        &backups,
    );
    let cleanup = scratch_cleanup(ctx, &members, &name, family);
    let (target, local_saved) = result?;
    cleanup?;

    // A dry run of a merge the work tree would make has no commit to show: the real one is written then, with
    // the user's identity and time. Only how many copies it would merge is known.
    let would_merge = target.is_none().then(|| {
        let mut tips: Vec<&str> = copies.iter().filter_map(|(_, t)| t.as_deref()).collect();
        tips.extend(local.as_deref());
        tips.sort_unstable();
        tips.dedup();
        tips.len()
    });

    // 3. Push it everywhere, each remote under its own lease (tags: leased on what ls-remote shows, saved).
    let outgoing: Vec<Outgoing> = target
        .iter()
        .map(|target| Outgoing::tip(&name, target))
        .collect();
    let tracking = Snapshot::take(
        &ctx.git,
        &push::tracking_patterns(members.iter().map(|m| m.name.as_str()), &outgoing),
    )?;
    let relater = Relater::new(&ctx.git);
    let request = PushRequest {
        refs: &outgoing,
        force: if family == Family::Tag {
            Force::Yes
        } else {
            Force::Lease
        },
        dry_run: args.dry_run,
        atomic: false,
        tracking: &tracking,
        backups: &backups,
        relater: &relater,
        reason: REASON,
    };
    let after_fetch: Vec<(&Member, Outcome<()>)> = members.iter().copied().zip(fetched).collect();
    let outcomes = fanout.run_with(&after_fetch, |job, fetch| {
        if fetch.status.is_failure() {
            // Its copy is unknown, so it is left alone.
            return report::sync::not_pushed(fetch);
        }
        if outgoing.is_empty() {
            return report::resolve::would_merge(job);
        }
        report::resolve::pushed(
            crate::ops::pushed::outcome(job, push::push(job, &ctx.git, &request), args.dry_run),
            &args.name,
        )
    });
    fanout.finish();
    let report = Report::new(outcomes);
    crate::audit::record(&ctx.git, "resolve", &report);
    report::resolve::show(
        &ResolveDocument {
            ok: report.ok,
            name: &name,
            how: &how,
            target: target.as_deref(),
            would_merge,
            dry_run: args.dry_run,
            local: LocalChange {
                old: local.clone(),
                new: target.clone(),
                backup: local_saved,
            },
            pruned: &pruned,
            remotes: &report.remotes,
        },
        args.json,
    );
    Ok(report.exit())
}

/// The full name of the ref `name` the way git reads a short name (`refs/<name>`, then `refs/tags/<name>`, then
/// `refs/heads/<name>`): `tags/v1` → `refs/tags/v1`, `git-mile/tasks/T1` → `refs/git-mile/tasks/T1`, `main` →
/// `refs/heads/main`, `HEAD` → the checked-out branch. Of the candidates, those that exist here count (and a
/// ref of a configured namespace, which may exist on the remotes only); two that do make the name ambiguous,
/// which is an error naming both. None that does: a branch (it may exist on the remotes only).
fn full_name(ctx: &Session, set: &RemoteSet, name: &str) -> Result<String> {
    let bad = || {
        Error::usage(format!("`{name}` is not a valid ref name")).hint(
            "name a branch (`main`), a tag (`tags/v1`) or a full ref (`refs/git-mile/tasks/T1`)",
        )
    };
    if name == "HEAD" || name == "@" {
        return match ctx.git.current_branch()? {
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
        if namespaced || ctx.git.rev_parse(candidate)?.is_some() {
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

fn how(args: &ResolveArgs, set: &RemoteSet) -> Result<How> {
    Ok(match &args.take {
        Some(side) if side == refname::LOCAL => How::TakeLocal,
        Some(side) if side == common::TAKE_PRIMARY && set.member(side).is_none() => {
            How::Take(common::take_primary(set)?)
        }
        Some(remote) => {
            set.select(std::slice::from_ref(remote))?;
            How::Take(remote.clone())
        }
        None if args.merge => How::Merge,
        None => How::Rebase,
    })
}

/// Fetches `job`'s copy of the tag `name` (if it has one) into a scratch ref, so its object is here.
fn fetch_tag(
    job: &crate::runner::Job,
    git: &crate::git::Git,
    name: &str,
) -> std::result::Result<Option<String>, crate::git::GitError> {
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
fn scratch_cleanup(ctx: &Session, members: &[&Member], name: &str, family: Family) -> Result<()> {
    if family != Family::Tag {
        return Ok(());
    }
    let scratch: Vec<String> = members
        .iter()
        .map(|m| refname::scratch_copy(&m.name, name))
        .collect();
    let present = Snapshot::take(&ctx.git, &scratch)?;
    let writes: Vec<RefWrite> = present
        .iter()
        .map(|(n, _)| RefWrite::Delete {
            name: n.to_string(),
        })
        .collect();
    ctx.git.update_refs(&writes, REASON)?;
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

/// Works out the tip every side gets and (unless a dry run) moves the local ref there; `None` for a dry run of
/// a merge the work tree would make (its commit does not exist before it is made).
#[allow(clippy::too_many_arguments)]
fn settle(
    ctx: &Session,
    args: &ResolveArgs,
    how: &How,
    name: &str,
    family: Family,
    checked_out: bool,
    local: &Option<String>,
    copies: &[(String, Option<String>)],
    reachable: &[&Member],
    backups: &Backups,
) -> Result<(Option<String>, Option<Saved>)> {
    let git = &ctx.git;
    let target = match how {
        How::TakeLocal => local.clone().ok_or_else(|| {
            Error::usage(format!("`{name}` does not exist locally")).hint(format!(
                "take a remote's copy with `git multi resolve {q_name} --take <remote>`",
                q_name = crate::quote::word(name)
            ))
        })?,
        How::Take(remote) => {
            let Some((_, copy)) = copies.iter().find(|(r, _)| r == remote) else {
                return Err(Error::failed(format!(
                    "`{remote}` could not be fetched, so its copy of `{name}` is unknown"
                ))
                .hint("see the error above; nothing was changed"));
            };
            copy.clone().ok_or_else(|| {
                Error::usage(format!("`{remote}` has no `{name}`"))
                    .hint("`git multi conflicts` shows which sides have it; `--take local` gives every remote the local copy")
            })?
        }
        How::Merge if checked_out && !args.dry_run => {
            // The checked-out branch merges in the work tree, with the user's identity, hooks and rerere.
            let branch = refname::short(name);
            for member in reachable {
                let upstream =
                    refname::tracking(&member.name, name).expect("a branch has a tracking ref");
                match integrate::integrate(git, branch, &upstream, Strategy::Merge)? {
                    Ok(_) => {}
                    Err(stopped) if stopped.stop == integrate::Stop::NoUpstream => {}
                    Err(stopped) => return Err(report::integrate::stopped(&stopped)),
                }
            }
            return Ok((git.rev_parse("HEAD")?, None));
        }
        How::Merge => {
            let mut tips: Vec<&str> = copies.iter().filter_map(|(_, t)| t.as_deref()).collect();
            tips.extend(local.as_deref());
            // A branch is the user's: their merge, git's words. Data namespaces merge the same in every clone.
            let signature = match family {
                Family::Branch => union::Signature::User {
                    message: merge_message(name, local.as_deref(), copies),
                },
                _ => union::Signature::Data,
            };
            match union::union(git, name, &tips, &signature)? {
                Combined::Contains(tip) => tip,
                // Only a dry run gets here for the checked-out branch: the real run merges in the work tree.
                Combined::Merged { .. } if checked_out => return Ok((None, None)),
                Combined::Merged { oid, .. } => oid,
                Combined::Cannot(why) => {
                    return Err(Error::failed(format!("could not merge the copies of `{name}`: {why}"))
                        .hint(match family {
                            Family::Branch if !checked_out => format!(
                                "check it out ({}) and run the same resolve: the merge then happens in the work tree, where conflicts can be resolved",
                                switch_command(name, local.is_some(), copies)
                            ),
                            _ => format!("pick one copy with `git multi resolve {q_name} --take <remote>` (or `--take local`)", q_name = crate::quote::word(name)),
                        }))
                }
            }
        }
        How::Rebase => {
            let theirs: Vec<&str> = copies.iter().filter_map(|(_, t)| t.as_deref()).collect();
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
                .iter()
                .find(|(_, t)| t.as_deref() == Some(newest.as_str()))
                .map(|(r, _)| r.clone())
                .unwrap_or_default();
            if args.dry_run {
                // Nothing is rewritten in a dry run: the plan pushes the local tip as it is.
                return Ok((Some(local.clone().unwrap_or(newest)), None));
            }
            let upstream = refname::tracking(&holder, name).expect("a branch has a tracking ref");
            integrate::integrate(git, refname::short(name), &upstream, Strategy::Rebase)?
                .map_err(|stopped| report::integrate::stopped(&stopped))?;
            return Ok((git.rev_parse("HEAD")?, None));
        }
    };
    if args.dry_run {
        return Ok((Some(target), None));
    }
    let saved = match (checked_out, local.as_deref()) {
        (true, Some(old)) => converge::set_checked_out(git, backups, name, old, &target, REASON)
            .map_err(|err| report::resolve::work_tree_in_the_way(name, &target, err))?,
        _ => converge::set_local(git, backups, name, local.as_deref(), &target, REASON)?,
    };
    Ok((Some(target), saved))
}
