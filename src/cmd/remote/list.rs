//! `git multi remote list [-v] [--json]`: the members, in order, with their URL and provider.

use clap::Args;
use serde::Serialize;

use crate::error::{Exit, Result};
use crate::redact::redact;
use crate::remote_set::{Drift, DriftKind, Member, ProviderSource};
use crate::report;
use crate::session::Session;
use crate::url;

/// Show the remotes of the set
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Also show push URLs, the API URL and where the provider came from
    #[arg(short, long)]
    pub verbose: bool,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    name: &'a str,
    url: Option<&'a str>,
    push_urls: &'a [String],
    transport: Option<String>,
    provider: &'static str,
    provider_source: ProviderSource,
    api_url: Option<String>,
    enabled: bool,
    /// What does not add up about this member; the document's top-level `drift` says more.
    drift: Vec<DriftKind>,
}

impl<'a> Row<'a> {
    fn from(m: &'a Member, drift: &[Drift]) -> Row<'a> {
        let (kind, source) = m.provider();
        Row {
            name: &m.name,
            url: m.url.as_deref(),
            push_urls: &m.push_urls,
            transport: m
                .url
                .as_deref()
                .and_then(|u| url::parse(u, |_| true).ok())
                .map(|u| u.transport.to_string()),
            provider: kind.as_str(),
            provider_source: source,
            api_url: m.effective_api_url(),
            enabled: m.enabled,
            drift: drift
                .iter()
                .filter(|d| d.remote.as_deref() == Some(m.name.as_str()))
                .map(|d| d.kind)
                .collect(),
        }
    }
}

pub fn run(ctx: &Session, args: &ListArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let drift = set.drift();
    let rows: Vec<Row> = set.members.iter().map(|m| Row::from(m, &drift)).collect();
    if args.json {
        report::json(&serde_json::json!({ "remotes": rows, "drift": drift }));
        return Ok(Exit::Success);
    }
    // Cells hold what is printed: a URL with its secret masked is shorter, and the columns are sized on it.
    let shown = |url: &str| redact(url).into_owned();
    let mut table = Vec::new();
    for row in &rows {
        let mut cells = vec![
            row.name.to_string(),
            row.url
                .map_or_else(|| "(git remote missing)".to_string(), shown),
            row.provider.to_string(),
        ];
        if !row.enabled {
            cells.push("(disabled)".into());
        }
        if !row.drift.is_empty() {
            // The warnings on stderr say what and how to fix it; the marker says which row.
            let labels: Vec<&str> = row.drift.iter().map(|d| d.label()).collect();
            cells.push(format!("! {}", labels.join(", ")));
        }
        table.push(cells);
        if args.verbose {
            for push in row.push_urls {
                table.push(vec![String::new(), format!("push: {}", shown(push))]);
            }
            let source = match row.provider_source {
                ProviderSource::Configured => "configured",
                ProviderSource::Detected => "detected from the host",
                ProviderSource::Default => "no hosting API",
            };
            table.push(vec![
                String::new(),
                format!("provider: {} ({source})", row.provider),
            ]);
            if let Some(api) = &row.api_url {
                table.push(vec![String::new(), format!("api: {api}")]);
            }
        }
    }
    if table.is_empty() {
        report::note(
            "the remote set is empty; add a remote with `git multi remote add <name> <url>`",
        );
    } else {
        report::table(&table);
    }
    Ok(Exit::Success)
}
