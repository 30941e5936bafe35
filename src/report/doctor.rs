//! `doctor` results: one line per check (`ok`, `warn` or `fail`, its name and a one-line detail), the hint
//! that fixes it underneath, then a total; or the JSON document
//! `{"ok":bool,"checks":[{"name","status","detail","hint"}]}`.

use serde::Serialize;

use crate::model::check::{passed, Check, CheckStatus, Repair};

#[derive(Serialize)]
struct Document<'a> {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<&'a [Repair]>,
    checks: &'a [Check],
}

/// The repairs `--fix` made (`fixed`, when asked for), then the checks.
pub fn show(checks: &[Check], repairs: Option<&[Repair]>, json: bool) {
    if json {
        super::json(&Document {
            ok: passed(checks),
            fixed: repairs,
            checks,
        });
        return;
    }
    if let Some(repairs) = repairs {
        let mut text = String::new();
        for r in repairs {
            let word = if r.ok { "fixed" } else { "failed" };
            text.push_str(&format!("{word}  {}  {}\n", r.name, r.detail));
        }
        if repairs.is_empty() {
            text.push_str("nothing to fix\n");
        }
        text.push('\n');
        super::out(&text);
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
