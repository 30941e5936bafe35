//! The faces of `stats`: a table of the hosts' numbers and a line of the local history's, the `--json`
//! document, and the CSV that `--export file.csv` writes.

use serde::Serialize;

use super::{hint_for, json, out, table, thousands};
use crate::model::stats::{HostStats, LocalStats};
use crate::model::{Outcome, Report};
use crate::redact::escape_controls;

#[derive(Serialize)]
struct Document<'a> {
    ok: bool,
    local: &'a LocalStats,
    remotes: &'a [Outcome<HostStats>],
}

fn document<'a>(report: &'a Report<HostStats>, local: &'a LocalStats) -> Document<'a> {
    Document {
        ok: report.ok,
        local,
        remotes: &report.remotes,
    }
}

/// The `--json` document as text, for `--export file.json`.
pub fn json_text(report: &Report<HostStats>, local: &LocalStats) -> String {
    let text = serde_json::to_string_pretty(&document(report, local)).expect("stats serialise");
    format!("{text}\n")
}

fn count(n: Option<u64>) -> String {
    n.map_or_else(|| "-".into(), |n| thousands(n as usize))
}

fn size(kb: Option<u64>) -> String {
    match kb {
        None => "-".into(),
        Some(kb) if kb < 1024 => format!("{kb} KB"),
        Some(kb) => format!("{:.1} MB", kb as f64 / 1024.0),
    }
}

fn day(time: Option<&str>) -> String {
    time.map_or_else(|| "-".into(), |t| t.chars().take(10).collect())
}

pub fn show(report: &Report<HostStats>, local: &LocalStats, as_json: bool) {
    if as_json {
        json(&document(report, local));
        return;
    }
    let mut rows = vec![[
        "remote",
        "stars",
        "forks",
        "watchers",
        "issues",
        "PRs",
        "size",
        "default",
        "last push",
    ]
    .map(str::to_string)
    .to_vec()];
    let mut text = String::new();
    let mut combined = false;
    for o in &report.remotes {
        if o.status != crate::model::Status::Ok {
            rows.push(vec![
                o.name.clone(),
                format!(
                    "{}{}",
                    o.status.as_str(),
                    o.error
                        .as_deref()
                        .map(|e| format!(": {e}"))
                        .unwrap_or_default()
                ),
            ]);
            if let Some(hint) = hint_for(o).filter(|_| o.status.is_failure()) {
                text.push_str(&format!(
                    "hint: {}: {}\n",
                    escape_controls(&o.name),
                    escape_controls(&hint)
                ));
            }
            continue;
        }
        let s = &o.detail;
        combined |= s.issues_include_pull_requests;
        let issues = if s.issues_include_pull_requests {
            format!("{}*", count(s.open_issues))
        } else {
            count(s.open_issues)
        };
        rows.push(vec![
            o.name.clone(),
            count(s.stars),
            count(s.forks),
            count(s.watchers),
            issues,
            count(s.open_pull_requests),
            size(s.size_kb),
            s.default_branch.clone().unwrap_or_else(|| "-".into()),
            day(s.last_push.as_deref()),
        ]);
    }
    table(&rows);
    if combined {
        text.push_str("* open pull requests included (GitHub counts them as issues)\n");
    }
    let people = if local.contributors == 1 {
        "contributor"
    } else {
        "contributors"
    };
    let plural = |n: u64, one: &str, many: &str| {
        format!(
            "{} {}",
            thousands(n as usize),
            if n == 1 { one } else { many }
        )
    };
    let mut line = format!(
        "local: {} by {} {people}; {}, {}",
        plural(local.commits, "commit", "commits"),
        thousands(local.contributors as usize),
        plural(local.branches, "branch", "branches"),
        plural(local.tags, "tag", "tags")
    );
    if let (Some(first), Some(last)) = (&local.first_commit, &local.last_commit) {
        line.push_str(&format!(
            "; first {} ({}), last {} ({})",
            day(Some(&first.date)),
            crate::git::short_oid(&first.commit),
            day(Some(&last.date)),
            crate::git::short_oid(&last.commit)
        ));
    }
    text.push_str(&line);
    text.push('\n');
    out(&text);
}

/// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// `--export file.csv`: a header, one row per remote (its status and the host's numbers), then a `(local)`
/// row with the local history's numbers; a number nobody counts is an empty field.
pub fn csv(report: &Report<HostStats>, local: &LocalStats) -> String {
    let header = "source,provider,status,error,stars,forks,watchers,open_issues,open_pull_requests,issues_include_pull_requests,size_kb,default_branch,last_push,commits,contributors,branches,tags,first_commit,first_commit_date,last_commit,last_commit_date";
    let n = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
    let mut text = format!("{header}\n");
    for o in &report.remotes {
        let s = &o.detail;
        let fields = [
            o.name.clone(),
            s.provider.clone(),
            o.status.as_str().to_string(),
            o.error.clone().unwrap_or_default(),
            n(s.stars),
            n(s.forks),
            n(s.watchers),
            n(s.open_issues),
            n(s.open_pull_requests),
            s.issues_include_pull_requests.to_string(),
            n(s.size_kb),
            s.default_branch.clone().unwrap_or_default(),
            s.last_push.clone().unwrap_or_default(),
        ];
        let mut row: Vec<String> = fields.iter().map(|f| field(f)).collect();
        row.extend(std::iter::repeat_n(String::new(), 8));
        text.push_str(&row.join(","));
        text.push('\n');
    }
    let stamp = |s: &Option<crate::model::stats::Stamp>| {
        s.as_ref()
            .map(|s| (s.commit.clone(), s.date.clone()))
            .unwrap_or_default()
    };
    let (first, first_date) = stamp(&local.first_commit);
    let (last, last_date) = stamp(&local.last_commit);
    let mut row: Vec<String> = vec!["(local)".into(), String::new(), "ok".into()];
    row.extend(std::iter::repeat_n(String::new(), 10));
    row.extend([
        local.commits.to_string(),
        local.contributors.to_string(),
        local.branches.to_string(),
        local.tags.to_string(),
        first,
        first_date,
        last,
        last_date,
    ]);
    text.push_str(&row.join(","));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
