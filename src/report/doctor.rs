//! `doctor` results: one line per check (`ok`, `warn` or `fail`, its name and a one-line detail), the hint
//! that fixes it underneath, then a total; or the JSON document
//! `{"ok":bool,"checks":[{"name","status","detail","hint"}]}`.

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
    fn as_str(self) -> &'static str {
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

#[derive(Serialize)]
struct Document<'a> {
    ok: bool,
    checks: &'a [Check],
}

/// Whether no check failed (warnings do not fail the run).
pub fn passed(checks: &[Check]) -> bool {
    checks.iter().all(|c| c.status != CheckStatus::Fail)
}

pub fn show(checks: &[Check], json: bool) {
    if json {
        super::json(&Document {
            ok: passed(checks),
            checks,
        });
        return;
    }
    let width = checks.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let colour = super::colour_enabled();
    let mut text = String::new();
    for c in checks {
        let code = match c.status {
            CheckStatus::Ok => "32",
            CheckStatus::Warn => "33",
            CheckStatus::Fail => "31",
        };
        let status = super::paint(&format!("{:4}", c.status.as_str()), code, colour);
        text.push_str(&format!("{status}  {:width$}  {}\n", c.name, c.detail));
        if let Some(hint) = c.hint.as_ref().filter(|_| c.status != CheckStatus::Ok) {
            text.push_str(&format!("{:4}  {:width$}  hint: {hint}\n", "", ""));
        }
    }
    let count = |s: CheckStatus| checks.iter().filter(|c| c.status == s).count();
    text.push_str(&format!(
        "{} checks: {} ok, {} warn, {} fail\n",
        checks.len(),
        count(CheckStatus::Ok),
        count(CheckStatus::Warn),
        count(CheckStatus::Fail)
    ));
    super::out(&text);
}
