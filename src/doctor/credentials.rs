//! What git would authenticate a member with: the credential helpers for an HTTPS URL (by name only), the
//! ssh key and user for an ssh one (asked of ssh itself).

use std::path::{Path, PathBuf};

use crate::git::Git;
use crate::model::Check;
use crate::remote_set::Member;
use crate::url::{self, Transport};

/// What git would authenticate with: the credential helpers that apply to an http(s) URL, or the ssh key.
pub fn credentials(
    git: &Git,
    m: &Member,
    raw: &str,
    parsed: &url::RemoteUrl,
    auth_trouble: bool,
) -> Check {
    let name = format!("remote.{}.credentials", m.name);
    match &parsed.transport {
        Transport::Http | Transport::Https => {
            let mut helpers = git.config_get_all("credential.helper").unwrap_or_default();
            if let Ok(Some(specific)) = git.config_get_urlmatch("credential.helper", raw) {
                helpers.push(specific);
            }
            let shown = helper_names(&helpers);
            if shown.is_empty() {
                let hint = "configure one, e.g. `git config --global credential.helper store` (or your OS helper: libsecret, osxkeychain, manager)";
                if auth_trouble {
                    Check::fail(
                        name,
                        "no credential helper, and the host wants credentials",
                        hint,
                    )
                } else {
                    Check::ok(name, "no credential helper configured (none needed so far)")
                        .with_hint(hint)
                }
            } else if auth_trouble {
                Check::fail(
                    name,
                    format!("credential helper {} gives credentials the host refuses", shown.join(", ")),
                    "update the password or token that helper holds for this host (for `store`: edit ~/.git-credentials)",
                )
            } else {
                Check::ok(name, format!("credential helper: {}", shown.join(", ")))
            }
        }
        Transport::Ssh => ssh_key(git, parsed, auth_trouble, name),
        Transport::Helper(helper) => Check::ok(name, format!("handled by git-remote-{helper}")),
        other => Check::ok(name, format!("none needed ({other})")),
    }
}

/// Helpers as safe to show: the helper's name, never its arguments (a shell helper may spell out a
/// password). An empty value clears the list before it, as in git.
fn helper_names(values: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for value in values {
        let value = value.trim();
        if value.is_empty() {
            names.clear();
            continue;
        }
        let shown = if value.starts_with('!') {
            "a shell command (!…)".to_string()
        } else {
            let program = value.split_whitespace().next().unwrap_or(value);
            Path::new(program)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| program.to_string())
        };
        if !names.contains(&shown) {
            names.push(shown);
        }
    }
    names
}

/// The ssh command git would run and the key it would offer.
fn ssh_key(git: &Git, parsed: &url::RemoteUrl, auth_trouble: bool, name: String) -> Check {
    let (command, source) = match std::env::var("GIT_SSH_COMMAND")
        .ok()
        .filter(|c| !c.is_empty())
    {
        Some(command) => (Some(command), "GIT_SSH_COMMAND"),
        None => match git.config_get("core.sshCommand").ok().flatten() {
            Some(command) => (Some(command), "core.sshCommand"),
            None => match std::env::var("GIT_SSH").ok().filter(|c| !c.is_empty()) {
                Some(program) => (Some(program), "GIT_SSH"),
                None => (None, "ssh"),
            },
        },
    };
    let host = parsed.host.clone().unwrap_or_default();
    let view = match crate::system::ssh_view(
        command.as_deref(),
        &host,
        parsed.port,
        parsed.user.as_deref(),
    ) {
        Ok(view) => view,
        Err(why) => {
            return Check::warn(
                name,
                format!("cannot tell which key {source} uses: {why}"),
                format!("`ssh -T {host}` shows whether a key is accepted"),
            )
        }
    };
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let existing: Vec<String> = view
        .identity_files
        .iter()
        .filter(|f| {
            let path = match (f.strip_prefix("~/"), &home) {
                (Some(rest), Some(home)) => home.join(rest),
                _ => PathBuf::from(f.as_str()),
            };
            path.is_file()
        })
        .cloned()
        .collect();
    let agent = std::env::var_os("SSH_AUTH_SOCK").is_some_and(|s| !s.is_empty());
    let user = view.user.clone().unwrap_or_default();
    let port = view.port.clone().unwrap_or_else(|| "22".into());
    let mut offers: Vec<String> = existing.clone();
    if agent && !view.identities_only {
        offers.push("keys in ssh-agent".into());
    }
    if offers.is_empty() {
        return Check::warn(
            name,
            format!("{source} has no key to offer {user}@{host}:{port} (no key file found, no ssh-agent)"),
            "create a key with `ssh-keygen -t ed25519` and add its .pub to the host, or start ssh-agent and `ssh-add`",
        );
    }
    let detail = format!(
        "{source} offers {} to {user}@{host}:{port}",
        offers.join(", ")
    );
    if auth_trouble {
        Check::fail(
            name,
            format!("{detail}, and the host refuses"),
            format!("add the public key to your account on {host}, or point git at the right one with core.sshCommand"),
        )
    } else {
        Check::ok(name, detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_are_shown_by_name_only() {
        let values = [
            "cache --timeout=300".to_string(),
            "!f() { echo username=alice; echo password=s3cret; }; f".to_string(),
            "/usr/lib/git-core/git-credential-libsecret".to_string(),
        ];
        let shown = helper_names(&values).join(" ");
        assert_eq!(shown, "cache a shell command (!…) git-credential-libsecret");
        assert!(!shown.contains("s3cret"));
        // An empty value resets the list, as git does.
        assert_eq!(
            helper_names(&["store".into(), String::new(), "cache".into()]),
            ["cache"]
        );
    }
}
