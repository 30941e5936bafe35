//! `init` in words: what the remote set is now (and which remotes were just adopted) with the next step when
//! it is empty, and what the guided setup did on the way (a branch renamed, a host already linked, the
//! command that creates the repositories).

use crate::config;
use crate::model::init::InitSummary;

/// The set in one line on stdout; warnings, adopted remotes and the next step on stderr.
pub fn summary(summary: &InitSummary) {
    for name in &summary.secrets_in_urls {
        super::warning(&format!(
            "remote `{name}` has a password or token in its URL in .git/config; move it to a credential helper and run `git multi remote set-url {name} <url-without-secret>`"
        ));
    }
    let names = &summary.members;
    if names.is_empty() {
        super::out("remote set initialised with no members\n");
        let hint = if summary.has_git_remotes {
            "adopt the existing remotes with `git multi init --import`, or add hosts with `git multi remote add <name> <url>`"
        } else {
            "add hosts with `git multi remote add <name> <url>`"
        };
        super::note(&format!("hint: {hint}"));
        return;
    }
    super::out(&format!(
        "remote set: {} ({} in {})\n",
        names.join(", "),
        names.len(),
        config::GROUP_KEY
    ));
    let adopted = &summary.adopted;
    if !adopted.is_empty() {
        super::note(&format!(
            "adopted {} existing remote(s): {}",
            adopted.len(),
            adopted.join(", ")
        ));
    }
}

pub fn renamed(from: &str, to: &str) {
    super::note(&format!("renamed branch {from} to {to}"));
}

pub fn already_member(remote: &str) {
    super::note(&format!("{remote} is already a member: left as it is"));
}

/// The command that creates the repositories later, quoted for the shell.
pub fn create_later(args: &[String]) {
    let command: Vec<String> = args
        .iter()
        .map(|a| crate::quote::word(a).into_owned())
        .collect();
    super::note(&format!(
        "hint: create the repositories on the hosts with `git multi {}`",
        command.join(" ")
    ));
}
