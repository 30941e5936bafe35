//! The faces of `org list` and `org repos`: per-host lines for organisations, and the repository × host
//! matrix (or, with `--missing`, what is absent where) followed by the hosts that could not be listed.

use serde::Serialize;

use super::{hint_for, json, out, table, Detail};
use crate::model::inventory::{Listed, Organisations, OwnerListing, Row};
use crate::model::{Outcome, Report, Status};
use crate::redact::escape_controls;

impl Detail for Organisations {
    fn human(&self) -> String {
        if self.organisations.is_empty() {
            "no organisations".into()
        } else {
            self.organisations.join(", ")
        }
    }
}

impl Detail for OwnerListing {
    fn human(&self) -> String {
        match &self.owner {
            Some(owner) => format!("{} repositories of {owner}", self.count),
            None => String::new(),
        }
    }
}

/// `org repos`: the matrix (or the missing list), then one line per host that did not answer, then a total.
pub fn repos(report: &Report<OwnerListing>, rows: &[Row], missing: bool, as_json: bool) {
    if as_json {
        #[derive(Serialize)]
        struct Document<'a> {
            ok: bool,
            remotes: &'a [Outcome<OwnerListing>],
            repositories: &'a [Row],
        }
        json(&Document {
            ok: report.ok,
            remotes: &report.remotes,
            repositories: rows,
        });
        return;
    }
    let answered: Vec<&Outcome<OwnerListing>> = report
        .remotes
        .iter()
        .filter(|o| o.status != Status::Skipped)
        .collect();
    if missing {
        let lines: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    format!("missing on {}", r.missing.join(", ")),
                ]
            })
            .collect();
        if !lines.is_empty() {
            table(&lines);
        }
    } else if !rows.is_empty() {
        let mut lines = vec![std::iter::once("repository".to_string())
            .chain(answered.iter().map(|o| o.name.clone()))
            .collect::<Vec<_>>()];
        for row in rows {
            let mut line = vec![row.name.clone()];
            for host in &answered {
                line.push(match row.on.get(&host.name) {
                    None => "?".into(),
                    Some(None) => "-".into(),
                    Some(Some(repo)) => cell(repo),
                });
            }
            lines.push(line);
        }
        table(&lines);
    }
    let mut text = String::new();
    for o in &report.remotes {
        if o.status == Status::Ok {
            continue;
        }
        text.push_str(&format!(
            "{}: {}{}\n",
            escape_controls(&o.name),
            o.status.as_str(),
            o.error
                .as_deref()
                .map(|e| format!(" ({})", escape_controls(e)))
                .unwrap_or_default()
        ));
        if let Some(hint) = hint_for(o).filter(|_| o.status.is_failure()) {
            text.push_str(&format!("hint: {}\n", escape_controls(&hint)));
        }
    }
    let listed = answered.iter().filter(|o| o.status == Status::Ok).count();
    let absent = rows.iter().filter(|r| !r.missing.is_empty()).count();
    let noun = if rows.len() == 1 {
        "repository"
    } else {
        "repositories"
    };
    let mut total = if missing {
        format!("{absent} {noun} missing somewhere")
    } else {
        format!("{} {noun}", rows.len())
    };
    total.push_str(&format!(" on {listed} of {} remotes", report.remotes.len()));
    if !missing && absent > 0 {
        total.push_str(&format!(
            "; {absent} missing somewhere (--missing lists them)"
        ));
    }
    text.push_str(&total);
    text.push('\n');
    out(&text);
}

/// `private main 2026-12-01`: visibility, default branch and the day of the last push.
fn cell(repo: &Listed) -> String {
    let day = repo
        .last_push
        .as_deref()
        .map(|t| t.chars().take(10).collect::<String>());
    [repo.visibility.clone(), repo.default_branch.clone(), day]
        .into_iter()
        .map(|p| p.unwrap_or_else(|| "?".into()))
        .collect::<Vec<_>>()
        .join(" ")
}
