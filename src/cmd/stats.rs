//! `git multi stats [--json] [--export <file>]`: what every host counts about the repository (stars, forks,
//! watchers, open issues and pull requests, size, default branch, last push), asked in parallel, beside the
//! local history's numbers. `--export` writes the same to a file, JSON or CSV by its extension.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::cmd::hosted;
use crate::error::{Error, Exit, Result};
use crate::model::stats::HostStats;
use crate::model::{Outcome, Report, Status};
use crate::ops::host_job;
use crate::provider::ApiError;
use crate::report;
use crate::runner::Job;
use crate::session::Session;

/// Show what every host counts about the repository (stars, forks, watchers, open issues and pull requests,
/// size, default branch, last push) and the local history's numbers (commits, contributors, branches, tags,
/// first and last commit)
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Only these remotes (repeatable)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    /// Also write the figures to this file: JSON for `.json` (the --json document), CSV for `.csv` (one row
    /// per remote, then a `(local)` row)
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// The file formats `--export` writes, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

fn format_of(path: &Path) -> Result<Format> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("json") => Ok(Format::Json),
        Some("csv") => Ok(Format::Csv),
        _ => Err(Error::usage(format!(
            "cannot tell which format to write {} in",
            path.display()
        ))
        .hint("end the file name in .json or .csv")),
    }
}

pub fn run(ctx: &Session, args: &StatsArgs) -> Result<Exit> {
    let format = args.export.as_deref().map(format_of).transpose()?;
    let local = crate::model::stats::LocalStats::from(ctx.git.history_counts()?);
    let outcomes = hosted::each(ctx, &args.on, &args.parallel, |job| one(ctx, job))?;
    let report = Report::new(outcomes);
    if let (Some(path), Some(format)) = (&args.export, format) {
        let text = match format {
            Format::Json => report::stats::json_text(&report, &local),
            Format::Csv => report::stats::csv(&report, &local),
        };
        std::fs::write(path, text)
            .map_err(|e| Error::failed(format!("could not write {}: {e}", path.display())))?;
    }
    report::stats::show(&report, &local, args.json);
    if let Some(path) = args.export.as_deref().filter(|_| !args.json) {
        report::note(&format!("wrote {}", path.display()));
    }
    Ok(report.exit())
}

fn one(ctx: &Session, job: &Job) -> Outcome<HostStats> {
    let detail = HostStats {
        provider: job.member.provider().0.to_string(),
        ..HostStats::default()
    };
    let hosted = match hosted::locate(ctx, job) {
        Ok(hosted) => hosted,
        Err(why) => return why.outcome(job.member, std::time::Instant::now(), detail),
    };
    job.say("asking");
    let Some(api) = hosted.host.api.stats() else {
        return host_job::lacking(job, "no repository statistics API", detail);
    };
    let (owner, repo) = (&hosted.owner, &hosted.repo);
    match api.repo_stats(owner, repo) {
        Ok(Some(stats)) => Outcome::new(job.name(), Status::Ok, job.elapsed(), stats),
        Ok(None) => {
            let err = ApiError::NotFound {
                host: job.member.host().unwrap_or_default(),
                message: format!("no repository {owner}/{repo}"),
            };
            Outcome::from_api_error(job.name(), &err, job.elapsed(), detail)
                .with_hint(crate::model::outcome::not_found_hint(job.member))
        }
        Err(err) => Outcome::from_api_error(job.name(), &err, job.elapsed(), detail),
    }
}
