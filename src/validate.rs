//! Checks every command that adds a remote shares (`remote add`, `remote rename`, `remote set-url`, `clone`):
//! names by git's own rules and unused, URLs that git can use and that hold no secret.

use std::path::Path;

use crate::error::{Error, Result};
use crate::git::Git;
use crate::remote_set::RemoteSet;
use crate::url::{self, RemoteUrl, Transport, UrlError};

const URL_FORMS: &str =
    "git accepts https://host/path.git, ssh://[user@]host[:port]/path, user@host:path, git://host/path, file:///path or a local path";

/// A name git accepts for a remote and that nothing in this repository uses yet.
pub fn check_new_name(git: &Git, set: &RemoteSet, name: &str) -> Result<()> {
    if !git.is_valid_remote_name(name)? {
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
pub fn check_url(git: &Git, raw: &str) -> Result<RemoteUrl> {
    url::parse(raw, |scheme| git.remote_helper_installed(scheme)).map_err(|err| match err {
        UrlError::EmbeddedSecret => Error::usage("refusing to store a URL that contains a password or token")
            .hint("git stores remote URLs in plain text in .git/config; give git the secret through a credential helper instead,")
            .hint("e.g. `git config --global credential.helper store` (or your OS helper) and add the URL without it: https://user@host/path.git")
            .hint("host API tokens belong in `git multi auth login <provider>`"),
        other => Error::usage(format!("invalid URL `{raw}`: {other}")).hint(URL_FORMS),
    })
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

/// A remote name for a URL nobody named: the host's own name (`github` for github.com, `example` for
/// git.example.org), else `mirror` (a path, an address, localhost).
pub fn name_for_url(raw: &str) -> String {
    let host = url::host(raw).unwrap_or_default();
    let is_address = host.contains(':') || host.chars().all(|c| c.is_ascii_digit() || c == '.');
    if host.is_empty() || is_address || host == "localhost" {
        return "mirror".to_string();
    }
    let labels: Vec<&str> = host.split('.').collect();
    let meaningful: Vec<&str> = labels
        .iter()
        .copied()
        .filter(|l| !matches!(*l, "www" | "git" | "ssh" | "code"))
        .collect();
    let pick = match meaningful.len() {
        0 => labels[0],
        1 => meaningful[0],
        // The label before the top-level domain: github.com -> github, gitlab.example.org -> example.
        n => meaningful[n - 2],
    };
    let name: String = pick
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if name.is_empty() {
        "mirror".to_string()
    } else {
        name
    }
}

/// `name`, or `name-2`, `name-3`, … whichever is not in `taken`.
pub fn unused_name(name: &str, taken: &[String]) -> String {
    if !taken.iter().any(|t| t == name) {
        return name.to_string();
    }
    (2..)
        .map(|n| format!("{name}-{n}"))
        .find(|candidate| !taken.contains(candidate))
        .expect("an unused suffix exists")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_host() {
        assert_eq!(name_for_url("https://github.com/a/b.git"), "github");
        assert_eq!(name_for_url("git@gitlab.com:a/b.git"), "gitlab");
        assert_eq!(name_for_url("https://codeberg.org/a/b"), "codeberg");
        assert_eq!(
            name_for_url("ssh://git@git.example.org:2222/a/b.git"),
            "example"
        );
        assert_eq!(name_for_url("http://127.0.0.1:8080/a.git"), "mirror");
        assert_eq!(name_for_url("/srv/git/a.git"), "mirror");
        assert_eq!(name_for_url("file:///srv/git/a.git"), "mirror");
        let taken = vec!["mirror".to_string(), "mirror-2".to_string()];
        assert_eq!(unused_name("mirror", &taken), "mirror-3");
        assert_eq!(unused_name("github", &taken), "github");
    }
}
