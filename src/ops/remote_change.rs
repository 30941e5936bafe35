//! The bookkeeping every change of the set shares (`remote add/remove/rename/set-url/enable/disable`, and the
//! guided `init` adding its hosts): the set as configured now, the drift said once, the change logged.

use crate::error::Result;
use crate::ops::url_check::local_repository;
use crate::remote_set::RemoteSet;
use crate::session::Session;
use crate::url::RemoteUrl;

/// Runs `change` on the set as configured now; once it has succeeded, says what does not add up about the
/// set and logs the change as `command`, against the set as it was.
pub fn change_set<T>(
    ctx: &Session,
    command: &str,
    change: impl FnOnce(&mut RemoteSet) -> Result<T>,
) -> Result<T> {
    let mut set = ctx.remote_set_unreported()?;
    let before = set.clone();
    let changed = change(&mut set)?;
    ctx.report_drift();
    crate::audit::record_set(&ctx.git, command, &before);
    Ok(changed)
}

/// Warns (without stopping) when a local URL leads to no repository: the remote is stored, but every push to
/// it would fail until the repository is created.
pub fn warn_if_no_repository(ctx: &Session, name: &str, url: &str, parsed: &RemoteUrl) {
    if local_repository(parsed) == Some(false) {
        ctx.warn(
            format!("`{url}` is not a git repository (yet): `{name}` cannot be pushed to or fetched from until it is"),
            Some(format!(
                "create it with `git init --bare {}`, or point `{name}` elsewhere with `git multi remote set-url {} <url>`",
                crate::quote::word(&parsed.path),
                crate::quote::word(name)
            )),
        );
    }
}
