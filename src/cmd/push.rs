//! `git multi push`: push branches (and tags, and the configured ref namespaces) to every remote of the set in
//! parallel, one outcome per remote.

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::cmd::Ctx;
use crate::config::{self, MergeMode, Namespace};
use crate::error::{Error, Exit, Result};
use crate::git::{refname, RecurseSubmodules};
use crate::ops::push::{self, Force, Outgoing, PushRequest};
use crate::ops::{Backups, Relater, Snapshot};
use crate::outcome::Report;
use crate::progress::Board;
use crate::report;
use crate::runner::FanOut;

/// Push to every remote of the set at once
#[derive(Debug, Args)]
pub struct PushArgs {
    /// Remotes to push to (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Branch to push to the branch of the same name (repeatable; default: the current branch); also a full
    /// ref name (`refs/git-mile/tasks/T1`) or a ref glob (`refs/git-mile/*`)
    #[arg(short, long = "branch", value_name = "BRANCH")]
    pub branches: Vec<String>,
    /// Push every local branch
    #[arg(long, conflicts_with = "branches")]
    pub all: bool,
    /// Push every tag as well
    #[arg(long)]
    pub tags: bool,
    /// Do everything except send the updates
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Overwrite the named refs even when that loses commits (old tips are saved under refs/multi/backup/);
    /// configured namespaces still go along, never forced
    #[arg(short, long, conflicts_with = "force_with_lease")]
    pub force: bool,
    /// Overwrite only where each remote still has what its tracking ref (refs/remotes/<remote>/…) says
    #[arg(long)]
    pub force_with_lease: bool,
    /// All refs of a remote are updated, or none (per remote)
    #[arg(long)]
    pub atomic: bool,
    /// Submodule commits the pushed commits need: `check` that each submodule's remote has them, or push them
    /// there first (`on-demand`); passed to every `git push`
    #[arg(long, value_enum, value_name = "HOW")]
    pub recurse_submodules: Option<RecurseSubmodules>,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: &PushArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    // Configured namespaces go along with every push, forced or not, but are never forced themselves (nor part
    // of an atomic push): --force and --force-with-lease overwrite only what was named, and a namespace ref a
    // remote has newer commits of is left for `git multi sync` to bring together.
    let (outgoing, carried) = refs_to_push(
        ctx,
        &args.branches,
        args.all,
        args.tags,
        &set.settings.namespaces,
    )?;
    let every: Vec<Outgoing> = outgoing.iter().chain(&carried).cloned().collect();
    let tracking = Snapshot::take(
        &ctx.git,
        &push::tracking_patterns(members.iter().map(|m| m.name.as_str()), &every),
    )?;
    let backups = Backups::new();
    let relater = Relater::new(&ctx.git);
    let request = PushRequest {
        refs: &outgoing,
        force: if args.force {
            Force::Yes
        } else if args.force_with_lease {
            Force::Lease
        } else {
            Force::No
        },
        dry_run: args.dry_run,
        atomic: args.atomic,
        tracking: &tracking,
        backups: &backups,
        relater: &relater,
        reason: "git multi push: tip before a forced update",
    };
    let board = Board::for_terminal(members.iter().map(|m| m.name.clone()), args.json);
    let fanout = FanOut {
        pool: crate::runner::Pool::new(&set.settings, args.parallel.jobs, members.len()),
        budget,
        observer: &board,
    };
    let outcomes = fanout.run(&members, |job| {
        let pushed =
            push::push_carrying(job, &ctx.git, &request, &carried, args.recurse_submodules);
        report::push::outcome(job, pushed, args.dry_run)
    });
    board.finish();
    let report = Report::new(outcomes);
    crate::audit::record(&ctx.git, "push", &report);
    Ok(report::push::finish(&report, args.json))
}

/// What one `--branch` value asks for.
enum Wanted {
    /// `main` or `refs/heads/main`.
    Branch(String),
    /// Any other full ref name (`refs/git-mile/tasks/T1`).
    Ref(String),
    /// A ref glob (`refs/git-mile/*`): everything under it.
    Glob(Namespace),
}

impl Wanted {
    fn parse(ctx: &Ctx, name: &str) -> Result<Wanted> {
        if name.contains('*') {
            if !name.starts_with("refs/") || !ctx.git.is_valid_ref_pattern(name)? {
                return Err(Error::usage(format!("`{name}` is not a valid ref pattern"))
                    .hint("a pattern is a full ref name with one `*`, as in refspecs: `--branch 'refs/git-mile/*'`"));
            }
            return Ok(Wanted::Glob(Namespace {
                pattern: name.to_string(),
                merge: MergeMode::Union,
            }));
        }
        Ok(
            if name.starts_with("refs/") && !name.starts_with(refname::HEADS) {
                Wanted::Ref(name.to_string())
            } else {
                Wanted::Branch(refname::branch(name))
            },
        )
    }

    /// What `for-each-ref` is asked for to find it.
    fn pattern(&self) -> String {
        match self {
            Wanted::Branch(name) | Wanted::Ref(name) => name.clone(),
            Wanted::Glob(glob) => glob.root().to_string(),
        }
    }
}

/// `--branch` names (branches, other full ref names, ref globs), every branch with `--all`, else the current
/// branch (each must exist locally), plus every tag with `--tags`; then, apart, every local ref of the
/// `carried` namespaces not named already. Read with one `for-each-ref`.
fn refs_to_push(
    ctx: &Ctx,
    names: &[String],
    all: bool,
    tags: bool,
    carried: &[Namespace],
) -> Result<(Vec<Outgoing>, Vec<Outgoing>)> {
    let wanted: Option<Vec<Wanted>> = if all {
        None
    } else if names.is_empty() {
        match ctx.git.current_branch()? {
            Some(branch) => Some(vec![Wanted::Branch(refname::branch(&branch))]),
            None => {
                return Err(
                    Error::usage("HEAD is detached, so there is no current branch to push").hint(
                        "name the branch with `--branch <name>`, or push every branch with `--all`",
                    ),
                )
            }
        }
    } else {
        Some(
            names
                .iter()
                .map(|n| Wanted::parse(ctx, n))
                .collect::<Result<_>>()?,
        )
    };
    let mut patterns: Vec<String> = match &wanted {
        Some(wanted) => wanted.iter().map(Wanted::pattern).collect(),
        None => vec![refname::HEADS.to_string()],
    };
    if tags {
        patterns.push(refname::TAGS.to_string());
    }
    patterns.extend(carried.iter().map(|n| n.root().to_string()));
    let local = Snapshot::take(&ctx.git, &patterns)?;
    let mut outgoing = Vec::new();
    match &wanted {
        Some(wanted) => {
            for want in wanted {
                match want {
                    Wanted::Branch(name) | Wanted::Ref(name) => match local.get(name) {
                        Some(oid) => outgoing.push(Outgoing::same(name, oid)),
                        None if matches!(want, Wanted::Branch(_)) => {
                            return Err(Error::usage(format!(
                                "no local branch `{}`",
                                refname::short(name)
                            ))
                            .hint("`git branch` lists the branches you can push"))
                        }
                        None => {
                            return Err(Error::usage(format!("no local ref `{name}`")).hint(
                                format!("`git for-each-ref {}` lists the refs there", parent(name)),
                            ))
                        }
                    },
                    Wanted::Glob(glob) => {
                        let before = outgoing.len();
                        outgoing.extend(
                            local
                                .under(glob.root())
                                .filter(|(n, _)| glob.matches(n))
                                .map(|(n, o)| Outgoing::same(n, o)),
                        );
                        if outgoing.len() == before {
                            return Err(Error::usage(format!(
                                "No refs to push under {}",
                                glob.root()
                            ))
                            .hint(format!(
                                "nothing local matches `{}`; `git for-each-ref {}` lists what is there",
                                glob.pattern,
                                glob.root()
                            )));
                        }
                    }
                }
            }
        }
        None => {
            outgoing.extend(
                local
                    .under(refname::HEADS)
                    .map(|(n, o)| Outgoing::same(n, o)),
            );
            if outgoing.is_empty() {
                return Err(Error::usage("there are no local branches to push")
                    .hint("make a first commit, then push"));
            }
        }
    }
    if tags {
        outgoing.extend(
            local
                .under(refname::TAGS)
                .map(|(n, o)| Outgoing::same(n, o)),
        );
    }
    // A ref named twice (a branch and a glob covering it) goes once; a namespace ref also given with --branch
    // goes as named.
    let mut seen = std::collections::HashSet::new();
    outgoing.retain(|r| seen.insert(r.name.clone()));
    let mut along = Vec::new();
    for namespace in carried {
        along.extend(
            local
                .under(namespace.root())
                .filter(|(n, _)| namespace.matches(n) && seen.insert(n.to_string()))
                .map(|(n, o)| Outgoing::same(n, o)),
        );
    }
    Ok((outgoing, along))
}

/// `refs/git-mile/tasks/T1` → `refs/git-mile/tasks/`.
fn parent(name: &str) -> &str {
    name.rfind('/').map_or(name, |slash| &name[..=slash])
}
