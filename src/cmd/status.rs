//! `git multi status`: every branch (and tag) on every remote — in sync, ahead, behind, diverged, missing —
//! read with parallel `git ls-remote` (no fetch) or, with `--offline`, from the tracking refs.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Instant;

use clap::Args;
use serde::Serialize;

use crate::cmd::common::ParallelArgs;
use crate::cmd::Ctx;
use crate::config;
use crate::error::{Exit, Result};
use crate::outcome::{Detail, Outcome, Report, Status};
use crate::remote_set::Member;
use crate::report;
use crate::runner::{self, Pool};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefState {
    InSync,
    Ahead,
    Behind,
    Diverged,
    MissingRemote,
    MissingLocal,
    Unknown,
}

impl RefState {
    /// The state of a local commit `ahead` commits ahead of and `behind` commits behind the remote's.
    fn from_counts(ahead: u64, behind: u64) -> RefState {
        match (ahead, behind) {
            (0, 0) => RefState::InSync,
            (_, 0) => RefState::Ahead,
            (0, _) => RefState::Behind,
            _ => RefState::Diverged,
        }
    }
}

/// One ref on one remote (design §3: `{"remote","ref","local","remote_oid","state"}`).
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub remote: String,
    #[serde(rename = "ref")]
    pub name: String,
    pub local: Option<String>,
    pub remote_oid: Option<String>,
    pub state: RefState,
    /// Commits only in the local ref / only on the remote, where knowable.
    pub ahead: Option<u64>,
    pub behind: Option<u64>,
}

impl Entry {
    fn cell(&self) -> String {
        match (self.state, self.ahead, self.behind) {
            (RefState::InSync, ..) => "in-sync".into(),
            (RefState::Ahead, Some(a), _) => format!("ahead {a}"),
            (RefState::Behind, _, Some(b)) => format!("behind {b}"),
            (RefState::Diverged, Some(a), Some(b)) => format!("diverged {a}/{b}"),
            (RefState::MissingRemote, ..) => "missing".into(),
            (RefState::MissingLocal, ..) => "not local".into(),
            (RefState::Behind, ..) => "behind ?".into(),
            _ => "unknown".into(),
        }
    }
}

#[derive(Debug, Default, Serialize)]
pub struct Reached {
    refs: usize,
}

impl Detail for Reached {
    fn human(&self) -> String {
        String::new()
    }
}

/// A remote's reachability and, when it answered, its refs.
type Gathered = (Outcome<Reached>, Option<BTreeMap<String, String>>);

#[derive(Serialize)]
struct StatusDocument<'a> {
    ok: bool,
    in_sync: bool,
    refs: &'a [Entry],
    remotes: &'a [Outcome<Reached>],
}

pub fn run(ctx: &Ctx, args: &StatusArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let timeout = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_PROBE_TIMEOUT)?;
    let mut prefixes = vec!["refs/heads/"];
    if args.tags {
        prefixes.push("refs/tags/");
    }
    if args.offline {
        prefixes.push("refs/remotes/");
    }
    let local_and_tracking = ctx.git.refs(&prefixes)?;
    let local: BTreeMap<String, String> = local_and_tracking
        .iter()
        .filter(|(name, _)| !name.starts_with("refs/remotes/"))
        .map(|(n, o)| (n.clone(), o.clone()))
        .collect();

    let gathered: Vec<Gathered> = if args.offline {
        members
            .iter()
            .map(|m| tracking_refs(m, &local_and_tracking))
            .collect()
    } else {
        let pool = Pool::new(&set.settings, args.parallel.jobs, members.len());
        pool.run(
            &members,
            |m| m.host(),
            |m| ask_remote(ctx, m, args.tags, timeout),
        )
    };

    let entries = compare(ctx, &members, &local, &gathered, args.offline)?;
    let outcomes: Vec<Outcome<Reached>> = gathered.into_iter().map(|(o, _)| o).collect();
    let reachable = Report::new(outcomes);
    let in_sync = entries.iter().all(|e| e.state == RefState::InSync);
    if args.json {
        report::json(&StatusDocument {
            ok: reachable.ok,
            in_sync,
            refs: &entries,
            remotes: &reachable.remotes,
        });
    } else {
        print_matrix(&members, &entries, &reachable);
    }
    let exit = reachable.exit();
    Ok(if exit == Exit::Success && args.exit_code && !in_sync {
        Exit::Failure
    } else {
        exit
    })
}

fn ask_remote(ctx: &Ctx, member: &Member, tags: bool, timeout: std::time::Duration) -> Gathered {
    let started = Instant::now();
    match runner::retrying(timeout, |left| {
        ctx.git.ls_remote_refs(&member.name, tags, Some(left))
    }) {
        Ok(refs) => (
            Outcome::new(
                &member.name,
                Status::Ok,
                started.elapsed(),
                Reached { refs: refs.len() },
            ),
            Some(refs),
        ),
        Err(err) => (
            Outcome::from_git_error(&member.name, &err, started.elapsed(), Reached::default()),
            None,
        ),
    }
}

/// A remote's branches as of the last fetch: `refs/remotes/<name>/<branch>` read back as `refs/heads/<branch>`.
fn tracking_refs(member: &Member, all: &BTreeMap<String, String>) -> Gathered {
    let prefix = format!("refs/remotes/{}/", member.name);
    let refs: BTreeMap<String, String> = all
        .range(prefix.clone()..)
        .take_while(|(name, _)| name.starts_with(&prefix))
        .filter(|(name, _)| !name.ends_with("/HEAD"))
        .map(|(name, oid)| (format!("refs/heads/{}", &name[prefix.len()..]), oid.clone()))
        .collect();
    (
        Outcome::new(
            &member.name,
            Status::Ok,
            std::time::Duration::ZERO,
            Reached { refs: refs.len() },
        ),
        Some(refs),
    )
}

fn compare(
    ctx: &Ctx,
    members: &[&Member],
    local: &BTreeMap<String, String>,
    gathered: &[Gathered],
    offline: bool,
) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut differing: Vec<usize> = Vec::new();
    for (member, (_, remote)) in members.iter().zip(gathered) {
        let Some(remote) = remote else { continue };
        let names: BTreeSet<&String> = local
            .keys()
            .chain(
                remote
                    .keys()
                    .filter(|n| !offline || !n.starts_with("refs/tags/")),
            )
            .collect();
        for name in names {
            let (l, r) = (local.get(name), remote.get(name));
            let state = match (l, r) {
                (Some(a), Some(b)) if a == b => RefState::InSync,
                (Some(_), Some(_)) => {
                    differing.push(entries.len());
                    RefState::Unknown
                }
                (Some(_), None) if offline && name.starts_with("refs/tags/") => RefState::Unknown,
                (Some(_), None) => RefState::MissingRemote,
                (None, Some(_)) => RefState::MissingLocal,
                (None, None) => continue,
            };
            entries.push(Entry {
                remote: member.name.clone(),
                name: name.clone(),
                local: l.cloned(),
                remote_oid: r.cloned(),
                state,
                ahead: None,
                behind: None,
            });
        }
    }
    // Counting needs the remote's commit here; one batch lookup says which ones we have.
    let wanted: Vec<&str> = differing
        .iter()
        .filter_map(|&i| entries[i].remote_oid.as_deref())
        .collect();
    let present = ctx.git.commits_present(&wanted)?;
    // Remotes usually lag in step: the same (local, remote) pair is counted once, not once per remote.
    let mut counted: HashMap<(String, String), (u64, u64)> = HashMap::new();
    for i in differing {
        let entry = &mut entries[i];
        let (Some(l), Some(r)) = (entry.local.clone(), entry.remote_oid.clone()) else {
            continue;
        };
        if !present.contains(&r) {
            // The remote has a commit we never fetched: it is behind or diverged, we cannot tell which.
            entry.state = RefState::Unknown;
            continue;
        }
        let (ahead, behind) = match counted.get(&(l.clone(), r.clone())) {
            Some(&counts) => counts,
            None => {
                let counts = ctx.git.ahead_behind(&l, &r)?;
                counted.insert((l, r), counts);
                counts
            }
        };
        entry.ahead = Some(ahead);
        entry.behind = Some(behind);
        entry.state = RefState::from_counts(ahead, behind);
    }
    Ok(entries)
}

fn short(name: &str) -> String {
    match name.strip_prefix("refs/heads/") {
        Some(branch) => branch.to_string(),
        None => name
            .strip_prefix("refs/tags/")
            .map(|t| format!("tag {t}"))
            .unwrap_or_else(|| name.to_string()),
    }
}

fn print_matrix(members: &[&Member], entries: &[Entry], reachable: &Report<Reached>) {
    let mut header = vec![String::new()];
    header.extend(members.iter().map(|m| m.name.clone()));
    let names: BTreeSet<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    // Indexed once: with thousands of branches a search per cell made the table quadratic.
    let by_cell: HashMap<(&str, &str), &Entry> = entries
        .iter()
        .map(|e| ((e.name.as_str(), e.remote.as_str()), e))
        .collect();
    let mut rows = vec![header];
    for name in names {
        let mut row = vec![short(name)];
        for (member, outcome) in members.iter().zip(&reachable.remotes) {
            let cell = if outcome.status.is_failure() {
                "unreachable".to_string()
            } else {
                by_cell
                    .get(&(name, member.name.as_str()))
                    .map(|e| e.cell())
                    .unwrap_or_else(|| "-".into())
            };
            row.push(cell);
        }
        rows.push(row);
    }
    report::table(&rows);
    let out_of_sync = entries
        .iter()
        .filter(|e| e.state != RefState::InSync)
        .count();
    let mut failures = Vec::new();
    for o in reachable.remotes.iter().filter(|o| o.status.is_failure()) {
        failures.push(format!(
            "{}: {}",
            o.name,
            o.error.as_deref().unwrap_or("failed")
        ));
    }
    let mut summary = if out_of_sync == 0 {
        "everything in sync".to_string()
    } else {
        format!("{out_of_sync} ref(s) out of sync")
    };
    if !failures.is_empty() {
        summary.push_str(&format!(
            "; {} unreachable ({})",
            failures.len(),
            failures.join("; ")
        ));
    }
    report::out(&format!("{summary}\n"));
}

/// How a local commit relates to a remote one: in sync, ahead, behind or diverged with counts, or unknown when
/// the remote commit has not been fetched.
pub fn relation(
    ctx: &Ctx,
    local: &str,
    remote: &str,
) -> Result<(RefState, Option<u64>, Option<u64>)> {
    if local == remote {
        return Ok((RefState::InSync, Some(0), Some(0)));
    }
    if ctx.git.commits_present(&[remote])?.is_empty() {
        return Ok((RefState::Unknown, None, None));
    }
    let (ahead, behind) = ctx.git.ahead_behind(local, remote)?;
    Ok((
        RefState::from_counts(ahead, behind),
        Some(ahead),
        Some(behind),
    ))
}
