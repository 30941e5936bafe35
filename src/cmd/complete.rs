//! `git multi __complete <kind>` (hidden): the values only the repository knows, one per line, for the
//! completion scripts — members, groups (git's `remotes.<group>` other than `multi`), namespaces, branches,
//! tags, `resolve --take` sides, the commands `log --action` takes.

use clap::Args;

use crate::completion::dynamic::{Dyn, VERBS};
use crate::error::{Exit, Result};
use crate::git::refname;
use crate::report;
use crate::session::Session;

#[derive(Debug, Args)]
pub struct CompleteArgs {
    /// members, members-all, groups, namespaces, branches, tags, take or verbs
    pub kind: String,
}

pub fn run(ctx: &Session, args: &CompleteArgs) -> Result<Exit> {
    // An unknown kind (a script of another version) completes to nothing rather than failing.
    let Some(kind) = Dyn::parse(&args.kind) else {
        return Ok(Exit::Success);
    };
    let git = &ctx.git;
    let members = || -> Result<Vec<String>> {
        Ok(ctx
            .remote_set_unreported()?
            .members
            .into_iter()
            .map(|m| m.name)
            .collect())
    };
    let refs_under = |prefix: &str| -> Result<Vec<String>> {
        Ok(git
            .refs(&[prefix.trim_end_matches('/')])?
            .into_keys()
            .filter_map(|r| r.strip_prefix(prefix).map(str::to_string))
            .collect())
    };
    let values: Vec<String> = match kind {
        Dyn::Members => members()?,
        Dyn::MembersOrAll => {
            let mut names = members()?;
            names.push("all".into());
            names
        }
        Dyn::Take => ["local".to_string(), "primary".to_string()]
            .into_iter()
            .chain(members()?)
            .collect(),
        Dyn::Groups => git
            .config_entries("^remotes\\.")?
            .into_iter()
            .filter_map(|e| e.key.strip_prefix("remotes.").map(str::to_string))
            .filter(|g| g != "multi")
            .collect(),
        Dyn::Namespaces => ctx
            .remote_set_unreported()?
            .settings
            .namespaces
            .into_iter()
            .map(|n| n.pattern)
            .collect(),
        Dyn::Branches => refs_under(refname::HEADS)?,
        Dyn::Tags => refs_under(refname::TAGS)?,
        Dyn::Verbs => VERBS.iter().map(|v| v.to_string()).collect(),
    };
    let mut text = String::new();
    for value in values {
        text.push_str(&value);
        text.push('\n');
    }
    report::out(&text);
    Ok(Exit::Success)
}
