//! One finding of `doctor`: a named check, how it came out (ok, warn, fail), what it found, and the command
//! that fixes it.

use serde::Serialize;

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Ok,
    Warn,
    Fail,
}

impl CheckStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckStatus::Ok => "ok",
            CheckStatus::Warn => "warn",
            CheckStatus::Fail => "fail",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: String,
    pub status: CheckStatus,
    pub detail: String,
    /// The command (or setting) that fixes it; `null` when there is nothing to fix.
    pub hint: Option<String>,
}

impl Check {
    pub fn ok(name: impl Into<String>, detail: impl Into<String>) -> Check {
        Check::of(CheckStatus::Ok, name.into(), detail.into(), None)
    }

    pub fn warn(
        name: impl Into<String>,
        detail: impl Into<String>,
        hint: impl Into<String>,
    ) -> Check {
        Check::of(
            CheckStatus::Warn,
            name.into(),
            detail.into(),
            Some(hint.into()),
        )
    }

    pub fn fail(
        name: impl Into<String>,
        detail: impl Into<String>,
        hint: impl Into<String>,
    ) -> Check {
        Check::of(
            CheckStatus::Fail,
            name.into(),
            detail.into(),
            Some(hint.into()),
        )
    }

    fn of(status: CheckStatus, name: String, detail: String, hint: Option<String>) -> Check {
        Check {
            name,
            status,
            detail,
            hint,
        }
    }

    /// An ok check may still carry a hint (how to add what is optional).
    pub fn with_hint(mut self, hint: impl Into<String>) -> Check {
        self.hint = Some(hint.into());
        self
    }
}

/// Whether no check failed (warnings do not fail the run).
pub fn passed(checks: &[Check]) -> bool {
    checks.iter().all(|c| c.status != CheckStatus::Fail)
}

/// One repair made, or tried and failed (`ok` false, with why).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Repair {
    pub name: String,
    pub ok: bool,
    pub detail: String,
}
