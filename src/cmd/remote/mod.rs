//! `git multi remote …`: manage the members of the set, plus the checks and the bookkeeping they share.

pub mod add;
pub mod list;
pub mod remove;
pub mod rename;
pub mod set_url;
pub mod test;
pub mod toggle;

use crate::error::{Exit, Result};
use crate::ops::url_check::local_repository;
use crate::remote_set::{Member, RemoteSet};
use crate::report;
use crate::session::Session;
use crate::url::RemoteUrl;

// The checks themselves live in `crate::validate`, where `import` uses them too; these keep the remote
// commands' calls short.

/// A name git accepts for a remote, that is not reserved, and that nothing in this repository uses yet.
/// `retry` is the command to run with another name, shown in the hint for a reserved one.
pub fn check_new_name(ctx: &Session, set: &RemoteSet, name: &str, retry: &str) -> Result<()> {
    crate::validate::check_new_name(&ctx.git, set, name, retry)
}

/// Validates a URL before anything is written; a secret inside it is refused and never echoed.
pub fn check_url(ctx: &Session, raw: &str) -> Result<RemoteUrl> {
    crate::validate::check_url(&ctx.git, raw)
}

pub use crate::validate::storable_url;

/// Runs `change` on the set as configured now; once it has succeeded, says what does not add up about the
/// set and logs the change as `command`, against the set as it was.
pub fn change_set(
    ctx: &Session,
    command: &str,
    change: impl FnOnce(&mut RemoteSet) -> Result<()>,
) -> Result<Exit> {
    let mut set = ctx.remote_set_unreported()?;
    let before = set.clone();
    change(&mut set)?;
    ctx.report_drift();
    crate::audit::record_set(&ctx.git, command, &before);
    Ok(Exit::Success)
}

/// Says so (without stopping) when a local URL leads to no repository: the remote is stored, but every push
/// to it would fail until the repository is created.
pub fn warn_if_no_repository(name: &str, url: &str, parsed: &RemoteUrl) {
    if local_repository(parsed) == Some(false) {
        report::warning_with_hint(
            &format!("`{url}` is not a git repository (yet): `{name}` cannot be pushed to or fetched from until it is"),
            &format!(
                "create it with `git init --bare {}`, or point `{name}` elsewhere with `git multi remote set-url {} <url>`",
                crate::quote::word(&parsed.path),
                crate::quote::word(name)
            ),
        );
    }
}

/// The member called `name`, or the usage error that explains there is none.
pub fn existing<'a>(set: &'a RemoteSet, name: &str) -> Result<&'a Member> {
    set.member(name).ok_or_else(|| set.unknown_error(&[name]))
}
