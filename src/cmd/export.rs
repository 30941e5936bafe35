//! `git multi export [--output <file>]`: the remote set as TOML, for `git multi import` in another clone.

use std::path::PathBuf;

use clap::Args;

use crate::cmd::Ctx;
use crate::error::{Error, Exit, Result};
use crate::report;
use crate::setfile::SetFile;

/// Write the remote set (members, URLs without secrets, providers, settings) as TOML
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: &ExportArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let file = SetFile::from_set(&set);
    let text = file
        .to_text(&crate::clock::rfc3339(crate::clock::now_secs()))
        .map_err(|e| Error::failed(format!("could not write the set as TOML: {e}")))?;
    let missing: Vec<&str> = set
        .members
        .iter()
        .filter(|m| m.url.is_none())
        .map(|m| m.name.as_str())
        .collect();
    if !missing.is_empty() {
        report::warning(&format!(
            "left out (no git remote, so no URL): {}; fix with `git multi remote set-url <name> <url>`",
            missing.join(", ")
        ));
    }
    match &args.output {
        Some(path) => {
            std::fs::write(path, &text).map_err(|e| {
                Error::usage(format!("cannot write {}: {e}", path.display()))
                    .hint("choose a writable path with --output <file>")
            })?;
            report::note(&format!(
                "wrote {} remote(s) to {}",
                file.remotes.len(),
                path.display()
            ));
        }
        None => report::out(&text),
    }
    Ok(Exit::Success)
}
