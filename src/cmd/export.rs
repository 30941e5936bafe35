//! `git multi export [--format toml|json|yaml] [--output <file>] [--json]`: the remote set as a file, for
//! `git multi import` in another clone.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::error::{Error, Exit, Result};
use crate::report;
use crate::session::Session;
use crate::setfile::{Format, SetFile};

/// Write the remote set (members, URLs without secrets, providers, settings) as TOML, JSON or YAML
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The file's format (default: the --output file's extension, .toml/.json/.yaml/.yml, else toml)
    #[arg(long, value_name = "FORMAT", value_enum)]
    pub format: Option<Format>,
    /// Write to this file instead of standard output (a file that exists is left alone without --force)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the --output file when it exists
    #[arg(short, long, requires = "output")]
    pub force: bool,
    /// Print one JSON document saying what was exported (the set itself under "set") instead of the file
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &ExportArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    if let Some(path) = args.output.as_deref().filter(|_| !args.force) {
        // `symlink_metadata`: a dangling symlink is in the way too (writing would follow it).
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(exists(path));
        }
    }
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Toml);
    let file = SetFile::from_set(&set);
    let text = file
        .to_text(format, &crate::clock::rfc3339(crate::clock::now_secs()))
        .map_err(|e| {
            Error::failed(format!(
                "could not write the set as {}: {e}",
                format.as_str()
            ))
        })?;
    let missing: Vec<&str> = set
        .members
        .iter()
        .filter(|m| m.url.is_none())
        .map(|m| m.name.as_str())
        .collect();
    if !missing.is_empty() && !args.json {
        report::warning(&format!(
            "left out (no git remote, so no URL): {}; fix with `git multi remote set-url <name> <url>`",
            missing.join(", ")
        ));
    }
    match &args.output {
        Some(path) => {
            let replaced = args.force && std::fs::symlink_metadata(path).is_ok();
            write_new(path, &text, args.force).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    return exists(path);
                }
                Error::usage(format!("cannot write {}: {e}", path.display()))
                    .hint("choose a writable path with --output <file>")
            })?;
            if !args.json {
                report::note(&format!(
                    "wrote {} remote(s) to {} as {}{}",
                    file.remotes.len(),
                    path.display(),
                    format.as_str(),
                    if replaced {
                        " (overwrote the file that was there)"
                    } else {
                        ""
                    }
                ));
            }
        }
        // With --json the document is the one thing on stdout: the set travels inside it.
        None if args.json => {}
        None => report::out(&text),
    }
    if args.json {
        report::export::json(&report::export::Exported {
            format,
            output: args.output.as_deref(),
            remotes: file.remotes.len(),
            left_out: &missing,
            set: &file,
        });
    }
    Ok(Exit::Success)
}

/// `--output` names a file that is there already: it is never replaced silently.
fn exists(path: &Path) -> Error {
    Error::usage(format!(
        "{} already exists; nothing was written",
        path.display()
    ))
    .hint(format!(
        "replace it with `git multi export --output {} --force`, or choose another file",
        crate::quote::shown(path.display())
    ))
}

/// Writes `text` to `path`; without `force` only as a new file, so a file that appeared since the check is not
/// overwritten either.
fn write_new(path: &Path, text: &str, force: bool) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.flush()
}
