//! `sync` in words: what it integrated, each remote's push (or why it was not pushed), and under `--dry-run`
//! the plan for each remote.

use serde::Serialize;

use crate::ops::integrate::{Integrated, Strategy};
use crate::ops::{Relation, State};
use crate::outcome::{Detail, Outcome};
use crate::report::push::PushDetail;

#[derive(Serialize)]
pub struct SyncDocument<'a, D: Serialize> {
    pub ok: bool,
    pub branch: &'a str,
    pub primary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrated: Option<&'a Integrated>,
    pub remotes: &'a [Outcome<D>],
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
    pub fn unreachable() -> PlanDetail {
        PlanDetail {
            state: State::Unknown,
            ahead: None,
            behind: None,
            plan: "unreachable".into(),
        }
    }

    /// What sync would do on a remote whose copy of `branch` relates to ours as `relation`.
    pub fn new(
        relation: Relation,
        is_primary: bool,
        strategy: Strategy,
        branch: &str,
    ) -> PlanDetail {
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
            (State::Behind, false) => {
                "has commits the primary may not: would be rejected unless they arrive through the primary"
                    .to_string()
            }
            (State::Diverged, false) | (State::Unknown, false) => {
                "diverged or unknown commits: would be reported, not overwritten".to_string()
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

/// A remote that could not be fetched is not pushed to either: its state is unknown.
pub fn not_pushed(fetch: &Outcome<()>) -> Outcome<PushDetail> {
    let elapsed = std::time::Duration::from_millis(fetch.duration_ms);
    let mut outcome = Outcome::new(&fetch.name, fetch.status, elapsed, PushDetail::default());
    outcome.error = fetch
        .error
        .as_ref()
        .map(|e| format!("fetch failed, not pushed: {e}"));
    outcome.reason = fetch.reason;
    outcome.hint = super::hint_for(fetch);
    outcome
}

/// The sync summary: one JSON document, or the integration line then one line per remote.
pub fn show<D: Detail>(document: &SyncDocument<D>, json: bool) {
    if json {
        super::json(document);
        return;
    }
    if let Some(line) = document.integrated.and_then(super::integrate::synced) {
        super::out(&line);
    }
    super::outcomes_of(document.remotes);
}
