//! `git multi log`: the audit log, newest first — what git-multi changed on which remote, when, and where the
//! old tips were saved.

use clap::Args;

use crate::audit;
use crate::error::{Error, Exit, Result};
use crate::report;
use crate::session::Session;

/// Show what git-multi changed on remotes and in the set (the audit log in .git/multi/log)
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Show at most this many entries
    #[arg(short = 'n', long = "max-count", value_name = "COUNT")]
    pub count: Option<usize>,
    /// Only entries from this time on (UTC): 2026-01-31, 2026-01-31T12:00:00Z, today, yesterday, last week, 3d,
    /// 12h, "2 weeks ago"
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only entries of this command: `push`, `undo`, `remote add`; a first word alone (`remote`) takes all its
    /// subcommands. Repeat for any of several
    #[arg(long = "action", value_name = "VERB")]
    pub actions: Vec<String>,
    /// Only entries that changed this remote (its refs or its place in the set). Repeat for any of several
    #[arg(long = "remote", value_name = "NAME")]
    pub remotes: Vec<String>,
    /// Print one JSON document instead of text
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &LogArgs) -> Result<Exit> {
    let since = match &args.since {
        Some(text) => Some(
            crate::clock::parse_since(text, crate::clock::now_secs())
                .map(crate::clock::rfc3339)
                .ok_or_else(|| {
                    Error::usage(format!("--since: cannot read `{text}` as a date or an age")).hint(
                        format!(
                            "`git multi log --since <date>` takes one of: {}",
                            crate::clock::SINCE_FORMS
                        ),
                    )
                })?,
        ),
        None => None,
    };
    let entries = audit::read(&ctx.git)
        .map_err(|e| Error::failed(format!("could not read the audit log: {e}")))?;
    let total = entries.len();
    // RFC 3339 times in UTC compare as text.
    let shown: Vec<crate::model::log::Entry> = entries
        .into_iter()
        .rev()
        .filter(|e| since.as_deref().is_none_or(|s| e.time.as_str() >= s))
        .filter(|e| args.actions.is_empty() || args.actions.iter().any(|a| is_action(e, a)))
        .filter(|e| args.remotes.is_empty() || args.remotes.iter().any(|r| touches(e, r)))
        .take(args.count.unwrap_or(usize::MAX))
        .collect();
    report::log::show(&shown, total, args.json);
    Ok(Exit::Success)
}

/// `verb` names the entry's command, whole (`remote add`) or by its first word (`remote`); spaces and case as
/// typed do not matter (`remote  Add`).
fn is_action(entry: &crate::model::log::Entry, verb: &str) -> bool {
    let want: Vec<String> = verb.split_whitespace().map(str::to_lowercase).collect();
    let have: Vec<&str> = entry.command.split_whitespace().collect();
    !want.is_empty() && have.len() >= want.len() && want.iter().zip(&have).all(|(w, h)| w == h)
}

/// The entry changed `remote`'s refs (or its tracking refs) or its place in the set.
fn touches(entry: &crate::model::log::Entry, remote: &str) -> bool {
    entry.remotes.iter().any(|r| r.name == remote)
        || entry
            .set
            .iter()
            .any(|c| c.remote.as_deref() == Some(remote))
}
