//! The checks a remote goes through before it is written to `.git/config`: its name (git's rules, not taken
//! yet), its URL (a transport git has, no secret inside), its provider and its API URL. `remote add`,
//! `remote set-url`, `remote rename` and `import` all use these, so a remote is valid the same way however it
//! arrives.

use std::path::Path;

use crate::error::{Error, Result};
use crate::git::Git;
use crate::hosting::ProviderKind;
use crate::remote_set::{reserved, RemoteSet};
use crate::url::{self, RemoteUrl, Transport, UrlError};

const URL_FORMS: &str =
    "git accepts https://host/path.git, ssh://[user@]host[:port]/path, user@host:path, git://host/path, file:///path or a local path";

/// A name git accepts for a remote, that is not reserved, and that nothing in this repository uses yet.
/// `retry` is the command to run with another name, shown in the hint for a reserved one.
pub fn check_new_name(git: &Git, set: &RemoteSet, name: &str, retry: &str) -> Result<()> {
    check_git_rules(git, name)?;
    if let Some(why) = reserved(name) {
        return Err(Error::usage(format!(
            "`{name}` cannot be the name of a remote in the set: {why}"
        ))
        .hint(format!("pick another name: `{retry}`")));
    }
    if set.member(name).is_some() {
        return Err(
            Error::usage(format!("remote `{name}` is already in the remote set")).hint(format!(
                "change its URL with `git multi remote set-url {q_name} <url>`, or pick another name", q_name = crate::quote::word(name))),
        );
    }
    if set.is_git_remote(name) {
        return Err(
            Error::usage(format!("a git remote named `{name}` already exists")).hint(
                "adopt existing remotes with `git multi init --import`, or pick another name",
            ),
        );
    }
    // `foo` and `foo/bar` would share refs/remotes/foo/…: a prune of one would delete the other's refs.
    let nested = set
        .git_remotes
        .iter()
        .map(String::as_str)
        .chain(set.members.iter().map(|m| m.name.as_str()))
        .find(|other| {
            name.strip_prefix(other)
                .is_some_and(|rest| rest.starts_with('/'))
                || other
                    .strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with('/'))
        });
    if let Some(other) = nested {
        return Err(Error::usage(format!(
            "`{name}` and the remote `{other}` cannot both exist: one name is a path inside the other, so their tracking refs (refs/remotes/{other}/…) would mix"
        ))
        .hint(format!("pick a name that is not `{other}/…` or a prefix of it: `{retry}`")));
    }
    Ok(())
}

/// A name git accepts for a remote that is not reserved (`multi` is the group, `all` every member).
pub fn check_name(git: &Git, name: &str) -> Result<()> {
    check_git_rules(git, name)?;
    if let Some(why) = reserved(name) {
        return Err(Error::usage(format!(
            "`{name}` cannot be the name of a remote in the set: {why}"
        ))
        .hint("pick another name"));
    }
    Ok(())
}

/// git's own rule for remote names (`git check-ref-format` on `refs/remotes/<name>/test`).
fn check_git_rules(git: &Git, name: &str) -> Result<()> {
    if !git.is_valid_remote_name(name)? {
        return Err(Error::usage(format!("`{name}` is not a valid remote name"))
            .hint("remote names follow git's ref name rules: no spaces, `..`, `~`, `^`, `:`, `?`, `*`, `[` or leading `-`"));
    }
    Ok(())
}

/// Validates a URL before anything is written; a secret inside it is refused and never echoed. A local path
/// must exist or at least look like one (see [`looks_like_a_path`]): `not a url` is a mistake, not a plan.
pub fn check_url(git: &Git, raw: &str) -> Result<RemoteUrl> {
    let parsed = parse_url(git, raw)?;
    if parsed.transport == Transport::Local && !Path::new(raw).exists() && !looks_like_a_path(raw) {
        return Err(
            Error::usage(format!("`{raw}` is neither a URL nor an existing path"))
                .hint(URL_FORMS)
                .hint(format!(
                    "a repository that does not exist yet can be added by its path: `{}`",
                    crate::quote::command(&[
                        "git",
                        "multi",
                        "remote",
                        "add",
                        "<name>",
                        &format!("./{raw}")
                    ])
                )),
        );
    }
    Ok(parsed)
}

/// Whether a local path that does not exist yet still reads as a path the user means (git lets a remote point
/// at a repository made later): anchored (`/`, `./`, `../`, `~`), with a directory in it, or named `*.git`.
/// A bare word such as `notaurl` or `not a url` is none of these.
fn looks_like_a_path(raw: &str) -> bool {
    raw.starts_with(['/', '.', '~']) || raw.contains('/') || raw.ends_with(".git")
}

fn parse_url(git: &Git, raw: &str) -> Result<RemoteUrl> {
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

pub fn parse_provider(text: &str) -> Result<ProviderKind> {
    text.parse::<ProviderKind>().map_err(|err| {
        let kinds: Vec<&str> = ProviderKind::ALL.iter().map(|k| k.as_str()).collect();
        Error::usage(err.to_string()).hint(format!(
            "--provider takes one of: {} (codeberg is an alias of forgejo)",
            kinds.join(", ")
        ))
    })
}

/// An API URL must be http(s) with a host and no credentials.
pub fn check_api_url(api: &str) -> Result<()> {
    if let Err(url::UrlError::EmbeddedSecret) = url::parse(api, |_| false) {
        return Err(
            Error::usage("refusing to store an API URL that contains a password or token")
                .hint("store tokens with `git multi auth login <provider>`"),
        );
    }
    match url::api_url_problem(api) {
        None => Ok(()),
        Some(why) => Err(Error::usage(format!("invalid --api-url `{api}`: {why}"))
            .hint("give the API root, e.g. https://git.example.com/api/v1")),
    }
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
    fn api_urls_are_http_roots_without_secrets() {
        assert_eq!(url::api_url_problem("https://git.example.com/api/v1"), None);
        assert!(url::api_url_problem("ftp://host/api").is_some());
        assert!(url::api_url_problem("https://bob:pw@host/api").is_some());
        assert!(check_api_url("https://bob:pw@host/api")
            .unwrap_err()
            .message
            .contains("refusing"));
        assert_eq!(check_api_url("git.example.com").unwrap_err().exit as u8, 2);
    }

    #[test]
    fn providers_are_known_kinds() {
        assert_eq!(parse_provider("codeberg").unwrap(), ProviderKind::Forgejo);
        assert!(parse_provider("sourceforge").is_err());
    }

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
