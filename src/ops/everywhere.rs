//! One kind of ref (branches or tags) on every remote, for `branch` and `tag`: the checks a create or delete
//! makes before anything changes, the local refs, and reading the remotes' copies with one parallel
//! ls-remote each (the ref × remote listing, and which remotes already have a ref with another target).
//! Publishing and deleting everywhere are in [`super::everywhere_push`].

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use crate::config;
use crate::error::{Error, Result};
use crate::model::publish::{Kind, Listed, LocalAction, LocalStep};
use crate::model::{Compared, Outcome, Report, Status};
use crate::ops::publish;
use crate::ops::{relate, Relater, Snapshot};
use crate::remote_set::{Member, RemoteSet};
use crate::runner::FanOut;
use crate::session::{Parallel, Session, Watch};

/// How a create or delete runs on the remotes, checked before anything is changed.
pub struct Run {
    pub jobs: Option<usize>,
    pub budget: Duration,
    pub json: bool,
}

impl Run {
    /// `-j`, `--timeout` (else `multi.timeout`, else the default) and `--json`.
    pub fn new(set: &RemoteSet, parallel: Parallel, json: bool) -> Run {
        Run {
            jobs: parallel.jobs,
            budget: parallel
                .timeout
                .or(set.settings.timeout)
                .unwrap_or(config::DEFAULT_TIMEOUT),
            json,
        }
    }

    /// A fan-out over `members` with this run's `-j` and budget (probes and single-ref pushes: the probe
    /// default when nothing is configured).
    pub fn fan_out(
        &self,
        ctx: &Session,
        set: &RemoteSet,
        members: &[&Member],
        watch: Watch,
    ) -> FanOut<'static> {
        let parallel = Parallel {
            jobs: self.jobs,
            timeout: Some(self.budget),
        };
        ctx.fan_out(set, parallel, members, config::DEFAULT_PROBE_TIMEOUT, watch)
    }
}

/// The set, then `-j`/`--timeout`, then `name` checked against git's rules for `kind`: everything a create or
/// delete refuses is refused before anything changes (a set without enabled members first).
pub fn prepare(
    ctx: &Session,
    kind: Kind,
    name: &str,
    parallel: Parallel,
    json: bool,
) -> Result<(RemoteSet, Run)> {
    let set = ctx.remote_set()?;
    set.select(&[])?;
    let run = Run::new(&set, parallel, json);
    let valid = match kind {
        Kind::Branch => ctx.git.is_valid_branch_name(name)?,
        Kind::Tag => ctx.git.is_valid_tag_name(name)?,
    };
    if !valid {
        return Err(match kind {
            Kind::Branch => Error::usage(format!("`{name}` is not a valid branch name")).hint(
                "branch names follow git's rules; `git check-ref-format --branch <name>` checks one",
            ),
            Kind::Tag => Error::usage(format!("`{name}` is not a valid tag name")).hint(
                "tag names follow git's rules; `git check-ref-format refs/tags/<name>` checks one",
            ),
        });
    }
    Ok((set, run))
}

/// The commit `spec` names (a branch, tag or commit), `None` without one; `hint` says what to give instead.
pub fn commit_of(ctx: &Session, spec: Option<&str>, hint: &str) -> Result<Option<String>> {
    let Some(spec) = spec else {
        return Ok(None);
    };
    let oid = ctx.git.rev_parse(&format!("{spec}^{{commit}}"))?;
    oid.map(Some).ok_or_else(|| {
        Error::usage(format!("`{spec}` does not name a commit")).hint(hint.to_string())
    })
}

/// The local step of a create: the ref was there (at `oid`), or was just made (`note` says how).
pub fn local_step(
    ctx: &Session,
    name: &str,
    existed: Option<String>,
    note: Option<String>,
) -> Result<LocalStep> {
    Ok(match existed {
        Some(oid) => LocalStep {
            action: LocalAction::Existed,
            oid: Some(oid),
            note: None,
        },
        None => LocalStep {
            action: LocalAction::Created,
            oid: ctx.git.rev_parse(name)?,
            note,
        },
    })
}

/// Every local ref of `kind`, `name -> oid`.
pub fn local_refs(ctx: &Session, kind: Kind) -> Result<BTreeMap<String, String>> {
    let prefix = kind.prefix();
    Ok(Snapshot::take(&ctx.git, &[prefix.to_string()])?
        .under(prefix)
        .map(|(n, o)| (n.to_string(), o.to_string()))
        .collect())
}

/// The refs of one kind here and on every remote read.
pub struct Listing {
    /// The remotes, in the configured order, with how reading each went.
    pub reached: Report<Listed>,
    pub local: BTreeMap<String, String>,
    /// Each remote's copy of each ref compared with the local one.
    pub entries: Vec<Compared>,
}

/// The ref × remote listing of `kind` on `remotes` (none: every enabled member).
pub fn list(ctx: &Session, kind: Kind, remotes: &[String], parallel: Parallel) -> Result<Listing> {
    let set = ctx.remote_set()?;
    let members = set.select(remotes)?;
    let local = local_refs(ctx, kind)?;
    let fanout = ctx.fan_out(
        &set,
        parallel,
        &members,
        config::DEFAULT_PROBE_TIMEOUT,
        Watch::Nobody,
    );
    let answered: Mutex<BTreeMap<String, BTreeMap<String, String>>> = Mutex::new(BTreeMap::new());
    let outcomes = fanout.run(&members, |job| {
        match publish::read(job, &ctx.git, kind.prefix()) {
            Ok((refs, retries)) => {
                let listed = Listed {
                    refs: refs.len(),
                    retries,
                };
                answered
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(job.name().to_string(), refs);
                Outcome::new(job.name(), Status::Ok, job.elapsed(), listed)
            }
            Err(err) => job.failure(&err, Listed::default()),
        }
    });
    let answered = answered.into_inner().unwrap_or_else(|e| e.into_inner());
    let relater = Relater::new(&ctx.git);
    let mut entries = Vec::new();
    for member in &members {
        let Some(theirs) = answered.get(&member.name) else {
            continue;
        };
        match kind {
            Kind::Branch => entries.extend(relate::compare(
                &relater,
                &member.name,
                &local,
                theirs,
                |_| false,
            )?),
            Kind::Tag => entries.extend(publish::compare_tips(&member.name, &local, theirs)),
        }
    }
    Ok(Listing {
        reached: Report::new(outcomes),
        local,
        entries,
    })
}

/// Before `name` is made here: the remotes that already have it with another target than `oid` (`None`: any
/// copy is another target, as for an annotated tag not written yet), `(remote, their tip)` in the configured
/// order. One ls-remote each; a remote that does not answer is left for the push to report.
pub fn taken_elsewhere(
    ctx: &Session,
    set: &RemoteSet,
    name: &str,
    oid: Option<&str>,
    run: &Run,
) -> Result<Vec<(String, String)>> {
    let members = set.select(&[])?;
    let fanout = run.fan_out(ctx, set, &members, Watch::Nobody);
    let found: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());
    fanout.run(&members, |job| {
        let read = job
            .git(|left, _| ctx.git.ls_remote_refs(job.name(), &[name], Some(left)))
            .result;
        if let Some(theirs) = read.ok().and_then(|refs| refs.get(name).cloned()) {
            if Some(theirs.as_str()) != oid {
                found
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(job.name().to_string(), theirs);
            }
        }
        Outcome::new(job.name(), Status::Ok, job.elapsed(), ())
    });
    let mut found = found.into_inner().unwrap_or_else(|e| e.into_inner());
    Ok(members
        .iter()
        .filter_map(|m| found.remove_entry(&m.name))
        .collect())
}
