//! `git multi remote …`: manage the members of the set, plus the checks and the bookkeeping they share.

pub mod add;
pub mod list;
pub mod remove;
pub mod rename;
pub mod set_url;
pub mod test;
pub mod toggle;

use crate::error::{Exit, Result};
use crate::ops::remote_change;
use crate::remote_set::{Member, RemoteSet};
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

/// Runs `change` on the set as configured now, with the bookkeeping of [`remote_change::change_set`].
pub fn change_set(
    ctx: &Session,
    command: &str,
    change: impl FnOnce(&mut RemoteSet) -> Result<()>,
) -> Result<Exit> {
    remote_change::change_set(ctx, command, change)?;
    Ok(Exit::Success)
}

/// The member called `name`, or the usage error that explains there is none.
pub fn existing<'a>(set: &'a RemoteSet, name: &str) -> Result<&'a Member> {
    set.member(name).ok_or_else(|| set.unknown_error(&[name]))
}
