//! Which copy of the branch gets integrated: the checked-out branch, and the primary remote (`--primary`, else
//! `multi.primary`, else the branch's upstream remote when it is a member).

use crate::error::{Error, Result};
use crate::git::Git;
use crate::remote_set::{Member, RemoteSet};

/// The remote `pull` and `sync` integrate from: `--primary`, else `multi.primary`, else the current branch's
/// upstream remote when it is a member.
pub fn primary<'a>(
    git: &Git,
    set: &'a RemoteSet,
    flag: Option<&str>,
    branch: &str,
) -> Result<&'a Member> {
    primary_if_any(git, set, flag, branch)?.ok_or_else(|| {
        Error::usage("no primary remote to integrate from").hint(
            "name one with `--primary <remote>` or once with `git multi primary <remote>` (else the branch's upstream remote, `branch.<name>.remote`, is used; `git multi sync --strategy merge` needs none)",
        )
    })
}

/// [`primary`] where having none is fine (`sync --strategy merge` integrates every remote; `theirs`
/// namespaces then only fast-forward). A primary that is named but not a member is still an error.
pub fn primary_if_any<'a>(
    git: &Git,
    set: &'a RemoteSet,
    flag: Option<&str>,
    branch: &str,
) -> Result<Option<&'a Member>> {
    let configured = flag
        .map(str::to_string)
        .or_else(|| set.settings.primary.clone());
    let name = match configured {
        Some(name) => name,
        None => {
            let upstream = git
                .config_get(&format!("branch.{branch}.remote"))?
                .unwrap_or_default();
            if upstream.is_empty() || set.member(&upstream).is_none() {
                return Ok(None);
            }
            upstream
        }
    };
    set.member(&name)
        .map(Some)
        .ok_or_else(|| set.unknown_error(&[&name]))
}

/// The checked-out branch; pull and sync need one.
pub fn current_branch(git: &Git) -> Result<String> {
    git.current_branch()?.ok_or_else(|| {
        Error::usage("HEAD is detached, so there is no current branch to integrate into")
            .hint("check out a branch first: `git switch <branch>`")
    })
}

/// The word `resolve --take` reads as the primary member, unless a member is really called that.
pub const TAKE_PRIMARY: &str = "primary";

/// `resolve --take primary`: the member `multi.primary` names.
pub fn take_primary(set: &RemoteSet) -> Result<String> {
    match set.settings.primary.as_deref() {
        Some(name) => Ok(set.select(&[name.to_string()])?[0].name.clone()),
        None => Err(Error::usage("no primary remote to take the copy of").hint(
            "set one with `git multi primary <remote>`, or name the remote: `--take <remote>`",
        )),
    }
}

/// The remote `pull --only <group>` integrates from: the primary [`primary_if_any`] finds when the group holds
/// it, else the group's first member (a group is often "the hosts I trust": pull from one of them).
pub fn primary_in_group<'a>(
    git: &Git,
    set: &'a RemoteSet,
    flag: Option<&str>,
    branch: &str,
    group: &str,
) -> Result<&'a Member> {
    let members = set.select_only(&[], Some(group))?;
    if let Some(primary) = primary_if_any(git, set, flag, branch)? {
        if members.iter().any(|m| m.name == primary.name) {
            return Ok(primary);
        }
        if flag.is_some() {
            return Err(Error::usage(format!(
                "`{}` is not in the remote group `{group}`",
                primary.name
            ))
            .hint("name a member of the group with --primary, or leave --only out"));
        }
    }
    Ok(members[0])
}
