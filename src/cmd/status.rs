//! `git multi status`: every branch (tag, configured namespace ref) on every remote — in sync, ahead, behind, diverged, missing —
//! read with parallel `git ls-remote` (no fetch) or, with `--offline`, from the tracking refs.

use std::collections::BTreeMap;

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::cmd::Ctx;
use crate::config;
use crate::error::{Exit, Result};
use crate::git::refname;
use crate::ops::publish;
use crate::ops::relate::{self, Compared};
use crate::ops::{Relater, Snapshot, State};
use crate::outcome::{Outcome, Report, Status};
use crate::remote_set::Member;
use crate::report;
use crate::report::status::{Reached, StatusView};
use crate::runner::{FanOut, Pool, Quiet};

/// Show how every branch compares on every remote
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Remotes to compare (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Use the tracking refs from the last fetch instead of asking the remotes
    #[arg(long)]
    pub offline: bool,
    /// Compare tags too
    #[arg(long)]
    pub tags: bool,
    /// Exit with 1 when anything is out of sync
    #[arg(long)]
    pub exit_code: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a matrix
    #[arg(long)]
    pub json: bool,
}

/// A remote's reachability and, when it answered (or was fetched before), its refs.
type Gathered = (Outcome<Reached>, Option<BTreeMap<String, String>>);

pub fn run(ctx: &Ctx, args: &StatusArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_PROBE_TIMEOUT)?;
    // Offline, tags cannot be compared: git keeps no per-remote copy of them to read.
    let tags = args.tags && !args.offline;
    if args.tags && args.offline {
        report::status::tags_need_the_remotes();
    }
    let mut prefixes = vec![refname::HEADS];
    if tags {
        prefixes.push(refname::TAGS);
    }
    let namespaces = &set.settings.namespaces;
    prefixes.extend(namespaces.iter().map(|n| n.root()));
    // Which refs are compared: branches, tags with --tags, and the configured namespaces' refs.
    let wanted = |name: &str| {
        name.starts_with(refname::HEADS)
            || (tags && name.starts_with(refname::TAGS))
            || set.settings.namespace_of(name).is_some()
    };
    let mut patterns: Vec<String> = prefixes.iter().map(|p| p.to_string()).collect();
    if args.offline {
        patterns.extend(
            members
                .iter()
                .flat_map(|m| crate::ops::fetch::tracking_patterns(&m.name)),
        );
    }
    let snapshot = Snapshot::take(&ctx.git, &patterns)?;
    let local: BTreeMap<String, String> = prefixes
        .iter()
        .flat_map(|p| snapshot.under(p))
        .filter(|(n, _)| wanted(n))
        .map(|(n, o)| (n.to_string(), o.to_string()))
        .collect();

    let gathered: Vec<Gathered> = if args.offline {
        members
            .iter()
            .map(|m| last_fetched(m, &snapshot, &wanted))
            .collect()
    } else {
        let fanout = FanOut {
            pool: Pool::new(&set.settings, args.parallel.jobs, members.len()),
            budget,
            observer: &Quiet,
        };
        let mut answers: Vec<Option<BTreeMap<String, String>>> = Vec::new();
        let answered = std::sync::Mutex::new(BTreeMap::new());
        let outcomes = fanout.run(&members, |job| {
            match job
                .git(|left, _| ctx.git.ls_remote_refs(job.name(), &prefixes, Some(left)))
                .result
            {
                Ok(mut refs) => {
                    refs.retain(|name, _| wanted(name));
                    let outcome = Outcome::new(
                        job.name(),
                        Status::Ok,
                        job.elapsed(),
                        Reached {
                            refs: refs.len(),
                            fetched: None,
                        },
                    );
                    answered
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(job.name().to_string(), refs);
                    outcome
                }
                Err(err) => job.failure(&err, Reached::default()),
            }
        });
        let mut answered = answered.into_inner().unwrap_or_else(|e| e.into_inner());
        for m in &members {
            answers.push(answered.remove(&m.name));
        }
        outcomes.into_iter().zip(answers).collect()
    };

    let relater = Relater::new(&ctx.git);
    let mut entries: Vec<Compared> = Vec::new();
    for (member, (outcome, theirs)) in members.iter().zip(&gathered) {
        match theirs {
            Some(theirs) => {
                let is_tag = |name: &str| name.starts_with(refname::TAGS);
                let (local_tags, local_rest) = split(&local, is_tag);
                let (their_tags, their_rest) = split(theirs, is_tag);
                let mut compared =
                    relate::compare(&relater, &member.name, &local_rest, &their_rest, |_| false)?;
                compared.extend(if args.offline {
                    // Tags are shared, not tracked per remote: offline, a tag's absence proves nothing.
                    relate::compare(&relater, &member.name, &local_tags, &their_tags, |_| true)?
                } else {
                    // A tag is replaced, never fast-forwarded: one with another target differs (`diverged`),
                    // however its commit relates to ours.
                    publish::compare_tips(&member.name, &local_tags, &their_tags)
                });
                compared.sort_by(|a, b| a.name.cmp(&b.name));
                entries.extend(compared);
            }
            // Never fetched: every local ref's state there is unknown (not missing).
            None if outcome.detail.fetched == Some(false) => {
                entries.extend(local.iter().map(|(name, oid)| Compared {
                    remote: member.name.clone(),
                    name: name.clone(),
                    local: Some(oid.clone()),
                    remote_oid: None,
                    relation: crate::ops::Relation::of(State::Unknown),
                }))
            }
            None => {}
        }
    }
    let compared: Vec<&str> = members
        .iter()
        .zip(&gathered)
        .filter(|(_, (_, theirs))| theirs.is_some())
        .map(|(m, _)| m.name.as_str())
        .collect();
    // Branches (and tags) not checked out here that every remote has alike are shown, not out of sync.
    let remote_only = relate::only_on_the_remotes(&entries, &compared);
    let remotes: Vec<Outcome<Reached>> = gathered.into_iter().map(|(o, _)| o).collect();
    let reachable = Report::new(remotes);
    let view = StatusView {
        members: &members,
        local: &local,
        entries: &entries,
        remote_only: &remote_only,
        reachable: &reachable,
    };
    if args.json {
        report::status::json(&view);
    } else {
        report::status::matrix(&view);
    }
    let out_of_sync = entries
        .iter()
        .any(|e| e.relation.state != State::InSync && !remote_only.contains(&e.name));
    Ok(crate::error::exit_code(crate::error::ExitFacts {
        out_of_sync: args.exit_code && out_of_sync,
        ..reachable.facts()
    }))
}

/// `refs` split into those `pick` chooses and the rest.
fn split(
    refs: &BTreeMap<String, String>,
    pick: impl Fn(&str) -> bool,
) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    refs.iter()
        .map(|(n, o)| (n.clone(), o.clone()))
        .partition(|(n, _)| pick(n))
}

/// A remote's refs as of the last fetch: its tracking refs mapped back through its fetch refspecs to the
/// remote's own names, and its copies of the configured namespaces; tags do not count (they are not tracked
/// per remote). A remote that was never fetched has nothing to compare: its refs are unknown, not missing.
fn last_fetched(member: &Member, snapshot: &Snapshot, wanted: &dyn Fn(&str) -> bool) -> Gathered {
    let prefix = refname::tracking_prefix(&member.name);
    let copies = refname::copies_prefix(&member.name);
    let branches = snapshot.under(&prefix).filter_map(|(tracking, oid)| {
        let name = refname::fetched_from(&member.name, &member.fetch_refspecs, tracking)?;
        name.starts_with(refname::HEADS)
            .then(|| (name, oid.to_string()))
    });
    let namespaced = snapshot.under(&copies).filter_map(|(copy, oid)| {
        let name = refname::remote_name_of(&member.name, copy)?;
        (wanted(&name) && !name.starts_with(refname::TAGS)).then(|| (name, oid.to_string()))
    });
    let refs: BTreeMap<String, String> = branches.chain(namespaced).collect();
    let fetched = snapshot.under(&prefix).next().is_some();
    let outcome = Outcome::new(
        &member.name,
        Status::Ok,
        std::time::Duration::ZERO,
        Reached {
            refs: refs.len(),
            fetched: Some(fetched),
        },
    );
    (outcome, fetched.then_some(refs))
}
