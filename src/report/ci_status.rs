//! The face of `ci status`: one line per host with its CI state (or why it could not be asked) and the checks
//! that are not green yet, then the commit and a count of each state.

use serde::Serialize;

use super::{hint_for, json, out, table};
use crate::model::ci::{CiDetail, CiState};
use crate::model::{Outcome, Report};
use crate::redact::escape_controls;

/// Prints the report as JSON (`{"ok", "commit", "remotes": [...]}`) or as lines; `ok` is true only when
/// every host that was asked reports success.
pub fn show(report: &Report<CiDetail>, sha: &str, as_json: bool) {
    let ok = report.ok
        && report
            .remotes
            .iter()
            .filter_map(|o| o.detail.state)
            .all(|s| s == CiState::Success)
        && report.remotes.iter().any(|o| o.detail.state.is_some());
    if as_json {
        #[derive(Serialize)]
        struct Document<'a> {
            ok: bool,
            commit: &'a str,
            remotes: &'a [Outcome<CiDetail>],
        }
        json(&Document {
            ok,
            commit: sha,
            remotes: &report.remotes,
        });
        return;
    }
    let rows: Vec<Vec<String>> = report
        .remotes
        .iter()
        .map(|o| {
            let (word, summary) = match o.detail.state {
                Some(state) => (state.as_str().to_string(), summary(&o.detail, state)),
                None => (
                    o.status.as_str().to_string(),
                    o.error.clone().unwrap_or_default(),
                ),
            };
            vec![o.name.clone(), word, summary]
        })
        .collect();
    table(&rows);
    let mut text = String::new();
    for o in &report.remotes {
        if let Some(hint) = hint_for(o).filter(|_| o.status.is_failure()) {
            text.push_str(&format!(
                "hint: {}: {}\n",
                escape_controls(&o.name),
                escape_controls(&hint)
            ));
        }
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for o in &report.remotes {
        let word = o
            .detail
            .state
            .map_or(o.status.as_str(), CiState::as_str)
            .to_string();
        match counts.iter_mut().find(|(w, _)| *w == word) {
            Some((_, n)) => *n += 1,
            None => counts.push((word, 1)),
        }
    }
    let counts: Vec<String> = counts.iter().map(|(w, n)| format!("{n} {w}")).collect();
    text.push_str(&format!(
        "commit {}: {}\n",
        &sha[..sha.len().min(12)],
        counts.join(", ")
    ));
    out(&text);
}

/// `3 checks` when all passed, else the checks that did not, worst first: `build failure, lint running`.
fn summary(detail: &CiDetail, state: CiState) -> String {
    let n = detail.checks.len();
    let plural = if n == 1 { "check" } else { "checks" };
    match state {
        CiState::None => "no CI for this commit".into(),
        CiState::Success => format!("{n} {plural}"),
        _ => {
            let mut open: Vec<String> = detail
                .checks
                .iter()
                .filter(|c| c.state != CiState::Success)
                .map(|c| format!("{} {}", c.name, c.state.as_str()))
                .collect();
            if open.len() > 4 {
                let more = open.len() - 3;
                open.truncate(3);
                open.push(format!("{more} more"));
            }
            format!(
                "{} of {n} {plural}: {}",
                detail
                    .checks
                    .iter()
                    .filter(|c| c.state != CiState::Success)
                    .count(),
                open.join(", ")
            )
        }
    }
}
