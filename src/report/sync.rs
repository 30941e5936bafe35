//! `sync` in words: what it integrated, what became of each namespace ref, each remote's push (or why it was
//! not pushed, and what to run about it), and under `--dry-run` the plan for each remote.

use serde::Serialize;

use crate::config::MergeMode;
use crate::error::Error;
use crate::git::{refname, RefStatus};
use crate::model::converge::{Agreement, Converged};
use crate::model::integrate::{Integrated, Strategy};
use crate::model::sync::{Halted, Planned, SyncPlan, Synced};
use crate::model::{Outcome, PushDetail, Relation, Saved, State};
use crate::report::Detail;

#[derive(Serialize)]
struct SyncDocument<'a, D: Serialize> {
    pub ok: bool,
    pub branch: &'a str,
    pub primary: Option<&'a str>,
    /// Everything integrated into the branch, taken together.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrated: Option<&'a Integrated>,
    /// Each copy integrated in turn (merge: one per remote that brought commits).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub steps: &'a [Integrated],
    /// What became of every configured namespace ref.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub namespaces: Vec<NamespaceLine>,
    pub remotes: &'a [Outcome<D>],
}

/// One namespace ref after sync: `{"ref","mode","result","target",…}` with `result` one of `in-sync`,
/// `unknown` (the copies compared agree, but a remote could not be checked), `fast-forward`, `union`,
/// `theirs`, `diverged`, `cannot`.
#[derive(Debug, Serialize)]
pub struct NamespaceLine {
    #[serde(rename = "ref")]
    pub name: String,
    pub mode: MergeMode,
    pub result: &'static str,
    pub target: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The local tip saved before `theirs` overwrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<Saved>,
    /// Remotes that were to get `target` and refused it (a hook, a protected ref) or whose push failed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub refused: Vec<String>,
    /// Remotes that could not be fetched, so were not compared or pushed to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unreached: Vec<String>,
    #[serde(skip)]
    copies: Vec<(String, Option<String>)>,
}

/// Which remotes do not hold `target` at `name` after the pushes: `(refused, unreached)`.
fn not_holding(
    c: &Converged,
    target: &str,
    remotes: &[Outcome<PushDetail>],
) -> (Vec<String>, Vec<String>) {
    let mut refused = Vec::new();
    let mut unreached = Vec::new();
    for outcome in remotes {
        let Some((_, theirs)) = c.tips.remotes.iter().find(|(r, _)| *r == outcome.name) else {
            unreached.push(outcome.name.clone());
            continue;
        };
        if theirs.as_deref() == Some(target) {
            continue;
        }
        let took = outcome.detail.refs.iter().any(|r| {
            r.name == c.tips.name
                && !r.skipped
                && matches!(
                    r.status,
                    RefStatus::Updated | RefStatus::New | RefStatus::Forced | RefStatus::UpToDate
                )
        });
        if !took {
            refused.push(outcome.name.clone());
        }
    }
    (refused, unreached)
}

/// The remotes of the run whose copy of `c`'s ref was not read (their fetch failed).
fn unchecked(c: &Converged, remotes: &[Outcome<PushDetail>]) -> Vec<String> {
    remotes
        .iter()
        .filter(|o| !c.tips.remotes.iter().any(|(r, _)| *r == o.name))
        .map(|o| o.name.clone())
        .collect()
}

/// The namespace refs of a sync, for the document: what became of each, and which remotes did not take it.
pub fn namespaces(settled: &[Converged], remotes: &[Outcome<PushDetail>]) -> Vec<NamespaceLine> {
    settled
        .iter()
        .map(|c| {
            let (refused, unreached) = match c.agreement.target() {
                Some(target) => not_holding(c, target, remotes),
                None => (Vec::new(), unchecked(c, remotes)),
            };
            let (result, parents, from, reason) = match &c.agreement {
                // Agreement among the copies compared says nothing about a remote that was not reached.
                Agreement::InSync if !unreached.is_empty() => (
                    "unknown",
                    Vec::new(),
                    None,
                    Some(format!("{} could not be checked", unreached.join(", "))),
                ),
                Agreement::InSync => ("in-sync", Vec::new(), None, None),
                Agreement::Forward(_) => ("fast-forward", Vec::new(), None, None),
                Agreement::Union { parents, .. } => ("union", parents.clone(), None, None),
                Agreement::Theirs { from, .. } => ("theirs", Vec::new(), Some(from.clone()), None),
                Agreement::Diverged => ("diverged", Vec::new(), None, None),
                Agreement::Cannot(why) => ("cannot", Vec::new(), None, Some(why.clone())),
            };
            let mut copies = vec![("local".to_string(), c.tips.local.clone())];
            copies.extend(c.tips.remotes.iter().cloned());
            NamespaceLine {
                name: c.tips.name.clone(),
                mode: c.mode,
                result,
                target: match (&c.agreement, c.tips.distinct().as_slice()) {
                    (Agreement::InSync, [agreed]) => Some(agreed.to_string()),
                    (agreement, _) => agreement.target().map(str::to_string),
                },
                parents,
                from,
                reason,
                backup: c.saved.clone(),
                refused,
                unreached,
                copies,
            }
        })
        .collect()
}

/// The human line for a namespace ref that sync changed or could not settle; nothing for one in sync.
fn namespace_text(line: &NamespaceLine) -> Option<String> {
    let name = refname::short(&line.name);
    let short = |oid: &Option<String>| {
        oid.as_deref()
            .map_or("?", |o| crate::git::short_oid(o))
            .to_string()
    };
    // "Everywhere" only when every remote holds it now; otherwise where it is and where it was refused.
    let everywhere = line.refused.is_empty() && line.unreached.is_empty();
    let elsewhere = || {
        let mut parts = Vec::new();
        let holding: Vec<&str> = line
            .copies
            .iter()
            .skip(1)
            .map(|(r, _)| r.as_str())
            .filter(|r| !line.refused.iter().any(|x| x == r))
            .collect();
        parts.push(if holding.is_empty() {
            "here only".to_string()
        } else {
            format!("here and on {}", holding.join(", "))
        });
        if !line.refused.is_empty() {
            parts.push(format!("refused by {}", line.refused.join(", ")));
        }
        if !line.unreached.is_empty() {
            parts.push(format!("{} not reached", line.unreached.join(", ")));
        }
        parts.join("; ")
    };
    let text = match line.result {
        "in-sync" => return None,
        "unknown" => format!(
            "{name}: in sync where compared; {} not reached, so not checked there",
            line.unreached.join(", ")
        ),
        "fast-forward" if everywhere => {
            format!("{name}: now {} everywhere", short(&line.target))
        }
        "fast-forward" => format!("{name}: now {} {}", short(&line.target), elsewhere()),
        "union" => {
            let mut text = format!(
                "{name}: {} diverged copies united in {}",
                line.parents.len(),
                short(&line.target)
            );
            if !everywhere {
                text.push_str(&format!(" ({})", elsewhere()));
            }
            text
        }
        "theirs" => {
            let mut text = format!(
                "{name}: took {}'s copy {} (theirs); overwritten tips saved under refs/multi/backup/",
                line.from.as_deref().unwrap_or("?"),
                short(&line.target)
            );
            if !everywhere {
                text.push_str(&format!(" ({})", elsewhere()));
            }
            text
        }
        "diverged" => {
            let copies: Vec<String> = line
                .copies
                .iter()
                .filter_map(|(side, tip)| tip.as_ref().map(|t| format!("{side} {}", crate::git::short_oid(t))))
                .collect();
            format!(
                "{name}: diverged ({}); {} namespaces only fast-forward, so nothing was changed\n  hint: pick a copy with `git multi resolve {} --take <remote>` (or `--take local`)",
                copies.join(", "),
                line.mode.as_str(),
                line.name
            )
        }
        _ => format!(
            "{name}: could not be united: {}\n  hint: choose a copy with `git multi resolve {} --take <remote>` (or `--take local`)",
            line.reason.as_deref().unwrap_or("unknown reason"),
            line.name
        ),
    };
    Some(format!("{text}\n"))
}

/// Every remote's push in sync's words: a refusal gets the hint that fits the strategy (never one that would
/// run into the same refusal again).
pub fn explain(synced: &mut Synced) {
    for outcome in &mut synced.report.remotes {
        explain_push(outcome, synced.strategy);
    }
}

fn explain_push(outcome: &mut Outcome<PushDetail>, strategy: Strategy) {
    if crate::model::push::refused_as_moved(outcome) {
        outcome.hint = Some(match strategy {
            // Everything fetched was merged, so the remote changed while sync ran: the next sync takes it in.
            Strategy::Merge => format!(
                "`{}` changed while sync ran; `git multi sync --strategy merge` again takes the new commits in",
                outcome.name
            ),
            // Namespace refs are united by every sync whatever the strategy: running it again settles them.
            _ if crate::model::push::refused_only_namespaces(outcome) => format!(
                "`{}` got new namespace commits while sync ran; `git multi sync` again unites them",
                outcome.name
            ),
            _ => "its copy has commits of its own: `git multi sync --strategy merge` merges them and pushes the result everywhere".to_string(),
        });
    }
}

/// Why a sync halted before pushing, as the error the command ends with; `flags`: the command offers
/// `--primary` and `--strategy` (a workspace sync has neither).
pub fn halted(halted: &Halted, flags: bool) -> Error {
    match halted {
        Halted::PrimaryUnreachable(fetched) => {
            super::integrate::primary_fetch_failed(&fetched.name, fetched).hint(if flags {
                "nothing was integrated or pushed; `--primary <remote>` picks another primary, `--strategy merge` integrates every remote that answers"
            } else {
                "nothing was integrated or pushed"
            })
        }
        Halted::Stopped(stopped) => super::integrate::stopped(stopped),
    }
}

/// The plan for one remote under `--dry-run`.
#[derive(Debug, Serialize)]
pub struct PlanDetail {
    state: State,
    ahead: Option<u64>,
    behind: Option<u64>,
    plan: String,
}

impl Detail for PlanDetail {
    fn human(&self) -> String {
        self.plan.clone()
    }
}

impl Default for PlanDetail {
    fn default() -> Self {
        PlanDetail::unreachable()
    }
}

impl PlanDetail {
    fn unreachable() -> PlanDetail {
        PlanDetail {
            state: State::Unknown,
            ahead: None,
            behind: None,
            plan: "unreachable".into(),
        }
    }

    /// The plan for one remote, in words.
    fn of(planned: &Planned, strategy: Strategy, branch: &str) -> PlanDetail {
        match planned.relation {
            Some(relation) => PlanDetail::new(relation, planned.integrated, strategy, branch),
            None => PlanDetail::unreachable(),
        }
    }

    /// What sync would do on a remote whose copy of `branch` relates to ours as `relation`.
    fn new(relation: Relation, is_primary: bool, strategy: Strategy, branch: &str) -> PlanDetail {
        let Relation {
            state,
            ahead,
            behind,
        } = relation;
        let plan = match (state, is_primary) {
            (State::InSync, _) => "nothing to do".to_string(),
            (State::MissingRemote, _) => format!("would create {branch}"),
            (State::Ahead, _) => format!("would push {} commit(s)", ahead.unwrap_or(0)),
            (State::Behind, true) => format!(
                "would integrate {} commit(s) ({})",
                behind.unwrap_or(0),
                strategy.as_str()
            ),
            (State::Diverged, true) if strategy == Strategy::FfOnly => {
                "diverged: ff-only would stop here; use --strategy merge|rebase".to_string()
            }
            (State::Diverged, true) => format!(
                "would integrate {} commit(s) ({}), then push",
                behind.unwrap_or(0),
                strategy.as_str()
            ),
            (State::Unknown, true) => "would fetch and integrate its new commits".to_string(),
            (State::Behind, false) => format!(
                "would fast-forward to its {} new commit(s), then push",
                behind.unwrap_or(0)
            ),
            (State::Diverged, false) | (State::Unknown, false) => {
                "diverged or unknown commits: would be reported, not overwritten (`--strategy merge` merges them)".to_string()
            }
            (State::MissingLocal, _) => "nothing to push".to_string(),
        };
        PlanDetail {
            state,
            ahead,
            behind,
            plan,
        }
    }
}

/// The sync summary: one JSON document, or the integration line, the namespace refs, then one line per
/// remote.
pub fn show(synced: &Synced, json: bool) {
    draw(
        &SyncDocument {
            ok: synced.ok(),
            branch: &synced.branch,
            primary: synced.primary.as_deref(),
            integrated: Some(&synced.integrated),
            steps: &synced.steps,
            namespaces: namespaces(&synced.namespaces, &synced.report.remotes),
            remotes: &synced.report.remotes,
        },
        json,
    );
}

/// `sync --dry-run`: the plan for each remote.
pub fn show_plan(plan: &SyncPlan, json: bool) {
    let remotes: Vec<Outcome<PlanDetail>> = plan
        .report
        .remotes
        .iter()
        .map(|o| o.with_detail(PlanDetail::of(&o.detail, plan.strategy, &plan.branch)))
        .collect();
    draw(
        &SyncDocument {
            ok: plan.report.ok,
            branch: &plan.branch,
            primary: plan.primary.as_deref(),
            integrated: None,
            steps: &[],
            namespaces: Vec::new(),
            remotes: &remotes,
        },
        json,
    );
}

fn draw<D: Detail>(document: &SyncDocument<D>, json: bool) {
    if json {
        super::json(document);
        return;
    }
    if let Some(line) = document.integrated.and_then(super::integrate::synced) {
        super::out(&line);
    }
    let lines = namespace_block(&document.namespaces);
    if !lines.is_empty() {
        super::out(&lines);
    }
    super::outcomes_of(document.remotes);
}

/// The namespace refs sync changed or could not settle, a line each (the first few of those that moved).
pub fn namespace_block(namespaces: &[NamespaceLine]) -> String {
    // Every ref that could not be settled is named; of those that moved, the first few (a fresh clone of a
    // big task tracker would otherwise print a line per task).
    const SHOWN: usize = 10;
    let unsettled = |l: &&NamespaceLine| matches!(l.result, "diverged" | "cannot");
    let moved: Vec<String> = namespaces
        .iter()
        .filter(|l| !unsettled(l))
        .filter_map(namespace_text)
        .collect();
    let mut lines: String = moved.iter().take(SHOWN).map(String::as_str).collect();
    if moved.len() > SHOWN {
        lines.push_str(&format!(
            "… and {} more namespace refs brought to agreement\n",
            moved.len() - SHOWN
        ));
    }
    lines.extend(
        namespaces
            .iter()
            .filter(unsettled)
            .filter_map(namespace_text),
    );
    lines
}
