//! `git multi resolve --interactive`: asks on the terminal, ref by ref among the conflicts, for local, a
//! remote's copy, a merge, or nothing, and resolves each as `resolve <ref> --take …|--merge` would.

use std::io::IsTerminal;

use super::ResolveArgs;
use crate::error::{Error, Exit, Result};
use crate::git::refname;
use crate::model::converge::Conflict;
use crate::session::Session;

/// One answer to "what should every side have?".
enum Pick {
    Take(String),
    Merge,
    Skip,
}

/// The choices for one conflicted ref: local and each remote that has a copy, merge (not for tags), skip.
fn choices(conflict: &Conflict) -> Vec<(String, Pick)> {
    let tips = &conflict.tips;
    let mut out = Vec::new();
    if let Some(oid) = &tips.local {
        out.push((
            format!("local ({})", crate::git::short_oid(oid)),
            Pick::Take(refname::LOCAL.to_string()),
        ));
    }
    for (remote, tip) in &tips.remotes {
        if let Some(oid) = tip {
            out.push((
                format!("{remote} ({})", crate::git::short_oid(oid)),
                Pick::Take(remote.clone()),
            ));
        }
    }
    if !tips.name.starts_with(refname::TAGS) {
        out.push(("merge every copy".to_string(), Pick::Merge));
    }
    out.push(("skip".to_string(), Pick::Skip));
    out
}

fn kind_word(conflict: &Conflict) -> &'static str {
    use crate::model::converge::Kind;
    match conflict.kind {
        Kind::Ahead => "ahead here",
        Kind::Behind => "behind a remote",
        Kind::Diverged => "diverged",
        Kind::Missing => "missing somewhere",
    }
}

/// `resolve --interactive [<ref>]`: asks about every conflicted ref (or the one named), then resolves each.
pub fn interactive(ctx: &Session, args: &ResolveArgs) -> Result<Exit> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(Error::usage("`resolve --interactive` asks on a terminal, and there is none")
            .hint("say what to do instead: `git multi resolve <ref> --take <remote>|local|primary` or `--merge`"));
    }
    let set = ctx.remote_set()?;
    let members = set.select(&[])?;
    let found = crate::ops::conflicts::conflicts(ctx, &set, &members, args.parallel.get())?;
    let wanted: Vec<&Conflict> = found
        .conflicts
        .iter()
        .filter(|c| {
            // The ref as `resolve` takes it: full, a branch name, or `tags/<tag>`.
            args.name.is_empty()
                || c.tips.name == args.name
                || c.tips.name == refname::branch(&args.name)
                || c.tips.name == format!("refs/{}", args.name)
        })
        .collect();
    if wanted.is_empty() {
        crate::report::note("nothing to resolve: every copy agrees");
        return Ok(Exit::Success);
    }
    let mut worst = Exit::Success;
    let term = dialoguer::console::Term::stderr();
    for conflict in wanted {
        let options = choices(conflict);
        let labels: Vec<&str> = options.iter().map(|(l, _)| l.as_str()).collect();
        let chosen = dialoguer::Select::new()
            .with_prompt(format!("{} ({})", conflict.tips.name, kind_word(conflict)))
            .items(&labels)
            .default(0)
            .interact_on_opt(&term)
            .map_err(|e| Error::usage(format!("the prompt failed: {e}")))?;
        // Esc or q: stop asking; what was resolved stays resolved.
        let Some(index) = chosen else {
            crate::report::note("stopped: the remaining refs are left as they are");
            break;
        };
        let (take, merge) = match &options[index].1 {
            Pick::Skip => continue,
            Pick::Take(side) => (Some(side.clone()), false),
            Pick::Merge => (None, true),
        };
        let one = ResolveArgs {
            name: conflict.tips.name.clone(),
            take,
            merge,
            rebase: false,
            interactive: false,
            dry_run: args.dry_run,
            parallel: args.parallel.clone(),
            json: false,
        };
        let exit = super::run(ctx, &one).unwrap_or_else(|err| {
            crate::report::error(&err);
            err.exit
        });
        if exit != Exit::Success {
            worst = exit;
        }
    }
    Ok(worst)
}
