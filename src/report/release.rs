//! Releases in words: one line per remote for `release create|delete`, and the tag × host table of `release
//! list` (JSON: every tag with each remote's release or `null`, plus the per-remote outcomes).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::release::{AssetStatus, Release, ReleaseDetail, ReleaseList};
use crate::model::{Outcome, Report, Status};

impl super::Detail for ReleaseDetail {
    fn human(&self) -> String {
        let mut parts = Vec::new();
        if self.pushed_tag {
            parts.push(format!("pushed tag {}", self.tag));
        }
        match self.action {
            Some("updated") => parts.push(format!("updated {}", self.changed.join(", "))),
            Some("downloads") => parts.push("Downloads".to_string()),
            Some(action) => parts.push(action.to_string()),
            None => {}
        }
        for (status, word) in [
            (AssetStatus::Uploaded, "uploaded"),
            (AssetStatus::Replaced, "replaced"),
            (AssetStatus::Skipped, "kept (already there)"),
        ] {
            let names: Vec<&str> = self
                .assets
                .iter()
                .filter(|a| a.status == status)
                .map(|a| a.name.as_str())
                .collect();
            if !names.is_empty() {
                parts.push(format!("{word} {}", names.join(", ")));
            }
        }
        let mut text = parts.join("; ");
        if let Some(url) = &self.web_url {
            text.push_str(&format!(" {url}"));
        }
        if !self.notes.is_empty() {
            text.push_str(&format!(" ({})", self.notes.join("; ")));
        }
        text.trim().to_string()
    }
}

impl super::Detail for ReleaseList {
    fn human(&self) -> String {
        format!("{} releases", self.releases.len())
    }
}

impl crate::audit::Audited for ReleaseDetail {
    fn changed_refs(&self) -> Vec<crate::model::log::RefEntry> {
        Vec::new()
    }

    fn changed(&self) -> bool {
        matches!(self.action, Some("created" | "updated" | "deleted"))
            || self.pushed_tag
            || self
                .assets
                .iter()
                .any(|a| matches!(a.status, AssetStatus::Uploaded | AssetStatus::Replaced))
    }
}

/// One cell: `release`, `draft`, `pre-release`, plus the number of files.
fn cell(release: &Release) -> String {
    let kind = if release.draft {
        "draft"
    } else if release.prerelease {
        "pre-release"
    } else {
        "release"
    };
    match release.assets.len() {
        0 => kind.to_string(),
        1 => format!("{kind} (1 file)"),
        n => format!("{kind} ({n} files)"),
    }
}

#[derive(Serialize)]
struct Row<'a> {
    tag: &'a str,
    /// Each remote's release of the tag; `null` where there is none (or the remote could not be read).
    on: BTreeMap<&'a str, Option<&'a Release>>,
}

#[derive(Serialize)]
struct ListDocument<'a> {
    ok: bool,
    releases: Vec<Row<'a>>,
    remotes: &'a [Outcome<ReleaseList>],
}

/// Tags in the order hosts list them (newest first), each once.
fn tags(report: &Report<ReleaseList>) -> Vec<&str> {
    let mut tags: Vec<&str> = Vec::new();
    for o in &report.remotes {
        for r in &o.detail.releases {
            if !tags.contains(&r.tag.as_str()) {
                tags.push(&r.tag);
            }
        }
    }
    tags
}

fn find<'a>(outcome: &'a Outcome<ReleaseList>, tag: &str) -> Option<&'a Release> {
    outcome.detail.releases.iter().find(|r| r.tag == tag)
}

/// `release list`: the table (or JSON document), then what could not be read.
pub fn matrix(report: &Report<ReleaseList>, json: bool) {
    let tags = tags(report);
    if json {
        let rows = tags
            .iter()
            .map(|tag| Row {
                tag,
                on: report
                    .remotes
                    .iter()
                    .map(|o| (o.name.as_str(), find(o, tag)))
                    .collect(),
            })
            .collect();
        super::json(&ListDocument {
            ok: report.ok,
            releases: rows,
            remotes: &report.remotes,
        });
        return;
    }
    let mut header = vec!["tag".to_string()];
    header.extend(report.remotes.iter().map(|o| o.name.clone()));
    let mut rows = vec![header];
    for tag in &tags {
        let mut row = vec![tag.to_string()];
        for o in &report.remotes {
            let text = if o.status == Status::Skipped {
                "n/a".to_string()
            } else {
                super::matrix_cell(o, find(o, tag), cell)
            };
            row.push(text);
        }
        rows.push(row);
    }
    if tags.is_empty() {
        super::out("no releases on any remote\n");
    } else {
        super::table(&rows);
    }
    let n = tags.len();
    let mut summary = format!("{n} {}", if n == 1 { "tag" } else { "tags" });
    let missing = tags
        .iter()
        .filter(|tag| {
            report
                .remotes
                .iter()
                .filter(|o| o.status == Status::Ok)
                .any(|o| find(o, tag).is_none())
        })
        .count();
    if missing > 0 {
        summary.push_str(&format!(", {missing} not released everywhere"));
    }
    let skipped: Vec<String> = report
        .remotes
        .iter()
        .filter(|o| o.status == Status::Skipped)
        .map(|o| format!("{}: {}", o.name, o.error.as_deref().unwrap_or("skipped")))
        .collect();
    if !skipped.is_empty() {
        summary.push_str(&format!("; n/a ({})", skipped.join("; ")));
    }
    if let Some(unreachable) = super::unreachable(&report.remotes) {
        summary.push_str(&format!("; {unreachable}"));
    }
    super::out(&format!("{summary}\n"));
}
