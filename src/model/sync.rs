//! What `sync` did, as data: the integration into the current branch, each namespace ref settled, each
//! remote's push; or why it halted before pushing; and under `--dry-run` the plan for each remote.

use super::converge::Converged;
use super::integrate::{Integrated, Stopped, Strategy};
use super::{Outcome, PushDetail, Relation, Report};

/// A sync that ran to the end (its pushes may still have failed on some remotes).
#[derive(Debug)]
pub struct Synced {
    pub branch: String,
    pub primary: Option<String>,
    pub strategy: Strategy,
    /// Everything integrated into the branch, taken together.
    pub integrated: Integrated,
    /// Each copy integrated in turn that brought commits (merge: one per remote).
    pub steps: Vec<Integrated>,
    /// Every configured namespace ref as it was settled last.
    pub namespaces: Vec<Converged>,
    /// Each remote's push (a remote that could not be fetched: why it was not pushed to).
    pub report: Report<PushDetail>,
}

impl Synced {
    /// Namespace refs whose copies still differ and that nothing could settle (ff-only and diverged, or copies
    /// that cannot be united): each counts as a failure.
    pub fn unsettled(&self) -> usize {
        self.namespaces
            .iter()
            .filter(|c| c.agreement.target().is_none() && c.tips.distinct().len() > 1)
            .count()
    }

    pub fn ok(&self) -> bool {
        self.report.ok && self.unsettled() == 0
    }
}

/// Why a sync stopped before it could push everything.
#[derive(Debug)]
pub enum Halted {
    /// The primary (ff-only and rebase integrate its copy) could not be fetched: nothing was integrated or
    /// pushed. Its fetch's outcome says why.
    PrimaryUnreachable(Outcome<()>),
    /// Integrating stopped (conflicts, diverged under ff-only, git's own reason). Nothing was pushed after it;
    /// what an earlier round of the same sync pushed is in the audit log.
    Stopped(Stopped),
}

/// One remote under `--dry-run`: how its copy of the branch relates to the local one (`None`: it could not be
/// read), and whether sync would integrate it (the primary's, or every copy under merge).
#[derive(Debug, Default)]
pub struct Planned {
    pub relation: Option<Relation>,
    pub integrated: bool,
}

/// The plan of a `sync --dry-run`.
#[derive(Debug)]
pub struct SyncPlan {
    pub branch: String,
    pub primary: Option<String>,
    pub strategy: Strategy,
    pub report: Report<Planned>,
}
