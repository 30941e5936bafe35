//! `git multi init` as operations: set up the remote group (adopting the existing git remotes with
//! `--import`), read back what the set is now, and make a branch the default the first push publishes. The
//! guided setup's answers (flags, else questions) are in [`answers`].

pub mod answers;

use crate::config::member;
use crate::error::{Error, Result};
use crate::model::init::InitSummary;
use crate::remote_set::{reserved, Member};
use crate::session::Session;
use crate::url::{self, UrlError};

/// The remote group, and with `import` every git remote adopted (their names); a remote whose name git-multi
/// reserves is left out with a warning.
pub fn set_up(ctx: &Session, import: bool) -> Result<Vec<String>> {
    let mut set = ctx.remote_set_unreported()?;
    let before = set.clone();
    let mut adopted = Vec::new();
    if import {
        for name in set.git_remotes.clone() {
            if set.member(&name).is_some() {
                continue;
            }
            if let Some(why) = reserved(&name) {
                ctx.warn(
                    format!("not adopting the git remote `{name}`: {why}"),
                    Some(format!("rename it with `git remote rename {q_name} <new-name>`, then run `git multi init --import` again", q_name = crate::quote::word(&name))),
                );
                continue;
            }
            ctx.git
                .config_set(&member::key(&name, member::ENABLED), "true")?;
            set.members.push(Member {
                name: name.clone(),
                enabled: true,
                ..Member::default()
            });
            adopted.push(name);
        }
    }
    set.write_group(&ctx.git)?;
    crate::audit::record_set(&ctx.git, "init", &before);
    Ok(adopted)
}

/// The set as it is now (read again, so URLs are as git resolves them), with the remotes just `adopted`.
pub fn summary(ctx: &Session, adopted: &[String]) -> Result<InitSummary> {
    let set = ctx.remote_set()?;
    // An adopted remote may already carry a password in its URL: we did not put it there, but we say so.
    let secrets_in_urls = set
        .members
        .iter()
        .filter(|m| {
            matches!(
                m.url.as_deref().map(|u| url::parse(u, |_| true)),
                Some(Err(UrlError::EmbeddedSecret))
            )
        })
        .map(|m| m.name.clone())
        .collect();
    Ok(InitSummary {
        members: set
            .members
            .iter()
            .map(|m| m.name.clone())
            .filter(|name| reserved(name).is_none())
            .collect(),
        adopted: adopted.to_vec(),
        has_git_remotes: !set.git_remotes.is_empty(),
        secrets_in_urls,
    })
}

/// Makes `branch` the one the first push publishes as the default: an unborn HEAD points at it, another
/// current branch is renamed to it (as the hosts' own instructions do with `git branch -M`). The branch that
/// was renamed, if any.
pub fn default_branch(ctx: &Session, branch: &str) -> Result<Option<String>> {
    let git = &ctx.git;
    let current = git.current_branch()?;
    if current.as_deref() == Some(branch) {
        return Ok(None);
    }
    let born = git.rev_parse("HEAD")?.is_some();
    if !born {
        git.point_head(branch)?;
        return Ok(None);
    }
    let Some(current) = current else {
        return Err(Error::usage(format!(
            "HEAD is detached: cannot make `{branch}` the default branch"
        ))
        .hint(format!("check out a branch first (`git switch {branch}`)")));
    };
    if git
        .rev_parse(&crate::git::refname::branch(branch))?
        .is_some()
    {
        return Err(
            Error::usage(format!("`{branch}` exists and `{current}` is checked out")).hint(
                format!(
            "switch to it first (`git switch {branch}`), or choose --default-branch {current}"
        ),
            ),
        );
    }
    git.branch_rename(&current, branch)?;
    Ok(Some(current))
}
