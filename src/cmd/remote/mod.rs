//! `git multi remote …`: manage the members of the set, plus the checks they share.

pub mod add;
pub mod list;
pub mod remove;
pub mod rename;
pub mod set_url;
pub mod test;
pub mod toggle;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::cmd::Ctx;
use crate::error::{Error, Result};
use crate::git::GitError;
use crate::remote_set::{reserved, Member, RemoteSet};
use crate::report;
use crate::url::{self, RemoteUrl, Transport, UrlError};

const URL_FORMS: &str =
    "git accepts https://host/path.git, ssh://[user@]host[:port]/path, user@host:path, git://host/path, file:///path or a local path";

/// A name git accepts for a remote, that is not reserved, and that nothing in this repository uses yet.
/// `retry` is the command to run with another name, shown in the hint for a reserved one.
pub fn check_new_name(ctx: &Ctx, set: &RemoteSet, name: &str, retry: &str) -> Result<()> {
    if !ctx.git.is_valid_remote_name(name)? {
        return Err(Error::usage(format!("`{name}` is not a valid remote name"))
            .hint("remote names follow git's ref name rules: no spaces, `..`, `~`, `^`, `:`, `?`, `*`, `[` or leading `-`"));
    }
    if let Some(why) = reserved(name) {
        return Err(Error::usage(format!(
            "`{name}` cannot be the name of a remote in the set: {why}"
        ))
        .hint(format!("pick another name: `{retry}`")));
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

/// Is there a repository (or bundle) git would open for this local path or file:// URL? `None` for URLs
/// that are not local.
pub fn local_repository(parsed: &RemoteUrl) -> Option<bool> {
    if !matches!(parsed.transport, Transport::Local | Transport::File) {
        return None;
    }
    let path = Path::new(&parsed.path);
    // git tries these in turn (enter_repo), so `/srv/app` also finds `/srv/app.git`.
    let candidates = [
        path.join(".git"),
        path.to_path_buf(),
        PathBuf::from(format!("{}.git", parsed.path)).join(".git"),
        PathBuf::from(format!("{}.git", parsed.path)),
    ];
    let found = candidates.iter().any(|p| {
        let git_dir = p.is_dir() && p.join("HEAD").is_file() && p.join("objects").is_dir();
        // A `.git` file points at the real directory (worktrees, submodules).
        let gitfile = p.is_file()
            && p.file_name() == Some(std::ffi::OsStr::new(".git"))
            && file_starts_with(p, b"gitdir: ");
        git_dir || gitfile
    });
    // git also fetches from a bundle file given as the URL.
    let bundle = path.is_file()
        && (file_starts_with(path, b"# v2 git bundle")
            || file_starts_with(path, b"# v3 git bundle"));
    Some(found || bundle)
}

fn file_starts_with(path: &Path, prefix: &[u8]) -> bool {
    use std::io::Read;
    let mut head = vec![0u8; prefix.len()];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && head == prefix
}

/// Says so (without stopping) when a local URL leads to no repository: the remote is stored, but every push
/// to it would fail until the repository is created.
pub fn warn_if_no_repository(name: &str, url: &str, parsed: &RemoteUrl) {
    if local_repository(parsed) == Some(false) {
        report::warning_with_hint(
            &format!("`{url}` is not a git repository (yet): `{name}` cannot be pushed to or fetched from until it is"),
            &format!("create it with `git init --bare {}`, or point `{name}` elsewhere with `git multi remote set-url {name} <url>`", parsed.path),
        );
    }
}

/// `--check`: the URL must answer now. A local path must hold a repository; anything else must answer
/// `git ls-remote` within `timeout`.
pub fn check_answers(ctx: &Ctx, url: &str, parsed: &RemoteUrl, timeout: Duration) -> Result<()> {
    let without_check = "or add it without --check and create the repository later";
    match local_repository(parsed) {
        Some(true) => Ok(()),
        Some(false) => Err(
            Error::usage(format!("`{url}` is not a git repository")).hint(format!(
                "create it first with `git init --bare {}`, {without_check}",
                parsed.path
            )),
        ),
        None => match ctx.git.ls_remote(url, Some(timeout)) {
            Ok(_) => Ok(()),
            Err(err @ GitError::Interrupted { .. }) => Err(err.into()),
            Err(err) => {
                let why = match &err {
                    GitError::TimedOut { after, .. } => {
                        format!("no answer within {}s", after.as_secs_f64().ceil())
                    }
                    other => other
                        .stderr()
                        .map(crate::git::failure_summary)
                        .filter(|s| !s.is_empty())
                        .unwrap_or_else(|| other.to_string()),
                };
                Err(
                    Error::usage(format!("`{url}` does not answer: {why}")).hint(format!(
                        "see what git says with `git ls-remote {url}`, {without_check}"
                    )),
                )
            }
        },
    }
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
