//! `git multi remote …`: manage the members of the set, plus the checks they share.

pub mod add;
pub mod list;
pub mod remove;
pub mod rename;
pub mod set_url;
pub mod test;
pub mod toggle;

use std::path::Path;

use crate::cmd::Ctx;
use crate::error::{Error, Result};
use crate::remote_set::{Member, RemoteSet};
use crate::url::{self, RemoteUrl, Transport, UrlError};

const URL_FORMS: &str =
    "git accepts https://host/path.git, ssh://[user@]host[:port]/path, user@host:path, git://host/path, file:///path or a local path";

/// A name git accepts for a remote and that nothing in this repository uses yet.
pub fn check_new_name(ctx: &Ctx, set: &RemoteSet, name: &str) -> Result<()> {
    if !ctx.git.is_valid_remote_name(name)? {
        return Err(Error::usage(format!("`{name}` is not a valid remote name"))
            .hint("remote names follow git's ref name rules: no spaces, `..`, `~`, `^`, `:`, `?`, `*`, `[` or leading `-`"));
    }
    if set.member(name).is_some() {
        return Err(
            Error::usage(format!("remote `{name}` is already in the remote set")).hint(format!(
                "change its URL with `git multi remote set-url {name} <url>`, or pick another name"
            )),
        );
    }
    if set.is_git_remote(name) {
        return Err(
            Error::usage(format!("a git remote named `{name}` already exists")).hint(
                "adopt existing remotes with `git multi init --import`, or pick another name",
            ),
        );
    }
    Ok(())
}

/// Validates a URL before anything is written; a secret inside it is refused and never echoed.
pub fn check_url(ctx: &Ctx, raw: &str) -> Result<RemoteUrl> {
    url::parse(raw, |scheme| helper_installed(ctx, scheme)).map_err(|err| match err {
        UrlError::EmbeddedSecret => Error::usage("refusing to store a URL that contains a password or token")
            .hint("git stores remote URLs in plain text in .git/config; give git the secret through a credential helper instead,")
            .hint("e.g. `git config --global credential.helper store` (or your OS helper) and add the URL without it: https://user@host/path.git")
            .hint("host API tokens belong in `git multi auth login <provider>`"),
        other => Error::usage(format!("invalid URL `{raw}`: {other}")).hint(URL_FORMS),
    })
}

/// Is `git-remote-<scheme>` installed where git would look for it?
fn helper_installed(ctx: &Ctx, scheme: &str) -> bool {
    ctx.git.remote_helper_installed(scheme)
}

/// Relative local paths are stored absolute: git resolves them against the current directory, which differs
/// between `git multi` runs from subdirectories.
pub fn storable_url(raw: &str, parsed: &RemoteUrl) -> String {
    if parsed.transport == Transport::Local && Path::new(raw).is_relative() {
        if let Ok(cwd) = std::env::current_dir() {
            let joined = cwd.join(raw);
            return std::fs::canonicalize(&joined)
                .unwrap_or(joined)
                .to_string_lossy()
                .into_owned();
        }
    }
    raw.to_string()
}

/// The member called `name`, or the usage error that explains there is none.
pub fn existing<'a>(set: &'a RemoteSet, name: &str) -> Result<&'a Member> {
    set.member(name).ok_or_else(|| set.unknown_error(&[name]))
}
