//! The CI state of one commit on each host: every check (GitHub check run or commit status, GitLab pipeline,
//! Gitea/Forgejo or Bitbucket commit status) normalised to one [`CiState`], and the host's state made of them.

use serde::Serialize;

/// One normalised CI state, the same words on every host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CiState {
    /// Waiting to start (queued, created, scheduled, waiting for a manual step).
    Pending,
    Running,
    Success,
    Failure,
    /// Cancelled, stopped or broken on the CI's side rather than failed by the code.
    Error,
    /// The host has nothing for this commit.
    None,
}

impl CiState {
    pub fn as_str(self) -> &'static str {
        match self {
            CiState::Pending => "pending",
            CiState::Running => "running",
            CiState::Success => "success",
            CiState::Failure => "failure",
            CiState::Error => "error",
            CiState::None => "none",
        }
    }

    /// Nothing more will change without a new run: success, failure, error (and `none`, which only a new run
    /// can change too).
    pub fn is_final(self) -> bool {
        !matches!(self, CiState::Pending | CiState::Running)
    }

    /// The host's state from its checks: any failure, else any error, else anything running, else anything
    /// pending, else success; no checks at all is `none`.
    pub fn combine(states: impl IntoIterator<Item = CiState>) -> CiState {
        let states: Vec<CiState> = states.into_iter().collect();
        if states.is_empty() {
            return CiState::None;
        }
        [
            CiState::Failure,
            CiState::Error,
            CiState::Running,
            CiState::Pending,
        ]
        .into_iter()
        .find(|s| states.contains(s))
        .unwrap_or(CiState::Success)
    }
}

/// One check of a commit as the host names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CiCheck {
    pub name: String,
    pub state: CiState,
    pub url: Option<String>,
}

/// One host's answer for the commit.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CiDetail {
    pub provider: String,
    /// `null` when the host could not be asked.
    pub state: Option<CiState>,
    pub checks: Vec<CiCheck>,
    /// How many times the host was asked (more than one with `--wait`).
    pub polls: u32,
}

#[cfg(test)]
mod tests {
    use super::CiState::*;
    use super::*;

    #[test]
    fn the_worst_check_decides() {
        assert_eq!(CiState::combine([]), None);
        assert_eq!(CiState::combine([Success, Success]), Success);
        assert_eq!(CiState::combine([Success, Pending]), Pending);
        assert_eq!(CiState::combine([Pending, Running, Success]), Running);
        assert_eq!(CiState::combine([Running, Error]), Error);
        assert_eq!(CiState::combine([Error, Failure, Running]), Failure);
        assert!(!Running.is_final() && !Pending.is_final());
        assert!(None.is_final() && Failure.is_final());
    }
}
