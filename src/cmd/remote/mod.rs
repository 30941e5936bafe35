//! `git multi remote …`: manage the members of the set, plus the checks they share.

pub mod add;
pub mod list;
pub mod remove;
pub mod rename;
pub mod set_url;
pub mod test;
pub mod toggle;

use crate::cmd::Ctx;
use crate::error::Result;
use crate::remote_set::{Member, RemoteSet};
use crate::url::RemoteUrl;

// The checks themselves live in `crate::validate`, where `import` uses them too; these keep the remote
// commands' calls short.

/// A name git accepts for a remote and that nothing in this repository uses yet.
pub fn check_new_name(ctx: &Ctx, set: &RemoteSet, name: &str) -> Result<()> {
    crate::validate::check_new_name(&ctx.git, set, name)
}

/// Validates a URL before anything is written; a secret inside it is refused and never echoed.
pub fn check_url(ctx: &Ctx, raw: &str) -> Result<RemoteUrl> {
    crate::validate::check_url(&ctx.git, raw)
}

pub use crate::validate::storable_url;

/// The member called `name`, or the usage error that explains there is none.
pub fn existing<'a>(set: &'a RemoteSet, name: &str) -> Result<&'a Member> {
    set.member(name).ok_or_else(|| set.unknown_error(&[name]))
}
