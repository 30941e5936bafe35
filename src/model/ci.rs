//! The CI state of one commit on one host: the host's checks (each normalised to one [`CiState`] by the
//! provider) and the state made of them.

use serde::Serialize;

pub use crate::provider::ci_status::{CiCheck, CiState};

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
