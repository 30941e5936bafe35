//! From the parsed command line to the command that runs it: the commands that work anywhere first, then the
//! repository (and, for a command that changes it, the run lock), then the flat match.

use clap::CommandFactory;

use crate::cli::{BranchCommand, Cli, Command, RemoteCommand};
use crate::cmd::*;
use crate::error::{Exit, Result};
use crate::progress::TerminalFaces;
use crate::session::{Output, Session};

/// Whether `command` changes the repository (its refs, its config, its hooks) and so takes the run lock: its
/// name for the lock's holder line, and its `-j`/`--timeout` options when it has them. Reading commands
/// (status, conflicts, log, list, doctor, export, …), dry runs and commands that only talk to host APIs run
/// beside anything.
fn writes(command: &Command) -> Option<(&'static str, Option<&common::ParallelArgs>)> {
    use RemoteCommand as R;
    Some(match command {
        Command::Init(_) => ("init", None),
        Command::Push(a) if !a.dry_run => ("push", Some(&a.parallel)),
        Command::Fetch(a) => ("fetch", Some(&a.parallel)),
        Command::Pull(a) => ("pull", Some(&a.parallel)),
        Command::Sync(a) if !a.dry_run => ("sync", Some(&a.parallel)),
        Command::Mirror(a) if !a.dry_run => ("mirror", Some(&a.parallel)),
        Command::Resolve(a) if !a.dry_run => ("resolve", Some(&a.parallel)),
        Command::Undo(a) if !a.dry_run => ("undo", Some(&a.parallel)),
        Command::Restore(a) if !a.dry_run => ("restore", Some(&a.parallel)),
        Command::Import(a) if !a.dry_run => ("import", None),
        Command::Backup(a) if a.command.is_none() => ("backup", Some(&a.parallel)),
        Command::Create(_) => ("create", None),
        Command::Primary(a) if a.remote.is_some() || a.unset => ("primary", None),
        Command::Remote(R::Add(_)) => ("remote add", None),
        Command::Remote(R::Remove(_)) => ("remote remove", None),
        Command::Remote(R::Rename(_)) => ("remote rename", None),
        Command::Remote(R::SetUrl(_)) => ("remote set-url", None),
        Command::Remote(R::Enable(_)) => ("remote enable", None),
        Command::Remote(R::Disable(_)) => ("remote disable", None),
        Command::Branch(BranchCommand::Create(a)) => ("branch create", Some(&a.parallel)),
        Command::Branch(BranchCommand::Delete(a)) => ("branch delete", Some(&a.parallel)),
        Command::Tag(tag::TagCommand::Create(a)) => ("tag create", Some(&a.parallel)),
        Command::Tag(tag::TagCommand::Delete(a)) => ("tag delete", Some(&a.parallel)),
        Command::Refs(refs::RefsCommand::Add(_)) => ("refs add", None),
        Command::Refs(refs::RefsCommand::Remove(_)) => ("refs remove", None),
        Command::Config(config::ConfigCommand::Set(_)) => ("config set", None),
        Command::Config(config::ConfigCommand::Unset(_)) => ("config unset", None),
        Command::Hook(hook::HookCommand::Install(_)) => ("hook install", None),
        Command::Hook(hook::HookCommand::Remove(_)) => ("hook remove", None),
        _ => return None,
    })
}

pub fn dispatch(cli: Cli, output: Output) -> Result<Exit> {
    if let Command::Reap = &cli.command {
        crate::git::reap();
    }
    if let Command::Generate(args) = &cli.command {
        return generate::run(args, Cli::command());
    }
    // Tokens belong to hosts, not repositories: auth works anywhere.
    if let Command::Auth(command) = &cli.command {
        return auth::run(command);
    }
    // clone makes the repository it then works in.
    if let Command::Clone(args) = &cli.command {
        return clone::run(args);
    }
    // A workspace spans repositories: it runs from anywhere.
    if let Command::Workspace(command) = &cli.command {
        return workspace::run(command);
    }
    // The doctor also checks a machine outside any repository, and git itself.
    if let Command::Doctor(args) = &cli.command {
        return doctor::run(args);
    }
    let ctx = Session::open(&TerminalFaces, output)?;
    // Held until the command returns: one run that changes this repository at a time.
    let _lock = match writes(&cli.command) {
        Some((name, parallel)) => {
            let wait = common::lock_wait(&ctx.git, parallel)?;
            common::lock_repository(&ctx.git, name, wait, None)?
        }
        None => None,
    };
    match &cli.command {
        Command::Init(args) if args.guided() => init_guided::run(&ctx, args),
        Command::Init(args) => init::run(&ctx, args),
        Command::Push(args) => push::run(&ctx, args),
        Command::Fetch(args) => fetch::run(&ctx, args),
        Command::Status(args) => status::run(&ctx, args),
        Command::Pull(args) => pull::run(&ctx, args),
        Command::Sync(args) => sync::run(&ctx, args),
        Command::Refs(command) => refs::run(&ctx, command),
        Command::Conflicts(args) => conflicts::run(&ctx, args),
        Command::Resolve(args) => resolve::run(&ctx, args),
        Command::Remote(command) => match command {
            RemoteCommand::Add(args) => remote::add::run(&ctx, args),
            RemoteCommand::List(args) => remote::list::run(&ctx, args),
            RemoteCommand::Remove(args) => remote::remove::run(&ctx, args),
            RemoteCommand::Rename(args) => remote::rename::run(&ctx, args),
            RemoteCommand::SetUrl(args) => remote::set_url::run(&ctx, args),
            RemoteCommand::Enable(args) => remote::toggle::run(&ctx, args, true),
            RemoteCommand::Disable(args) => remote::toggle::run(&ctx, args, false),
            RemoteCommand::Test(args) => remote::test::run(&ctx, args),
        },
        Command::Create(args) => create::run(&ctx, args),
        Command::Branch(command) => match command {
            BranchCommand::List(args) => branch_ops::list(&ctx, args),
            BranchCommand::Create(args) => branch_ops::create(&ctx, args),
            BranchCommand::Delete(args) => branch_ops::delete(&ctx, args),
            BranchCommand::Hosted(command) => branch::run(&ctx, command),
        },
        Command::Tag(command) => tag::run(&ctx, command),
        Command::Primary(args) => primary::run(&ctx, args),
        Command::Mirror(args) => mirror::run(&ctx, args),
        Command::Tui(args) => tui::run(&ctx, args),
        Command::Webhook(command) => webhook::run(&ctx, command),
        Command::Org(command) => org::run(&ctx, command),
        Command::Stats(args) => stats::run(&ctx, args),
        Command::Log(args) => log::run(&ctx, args),
        Command::Undo(args) => undo::run(&ctx, args),
        Command::Backup(args) => backup::run(&ctx, args),
        Command::Restore(args) => restore::run(&ctx, args),
        Command::Export(args) => export::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Config(command) => config::run(&ctx, command),
        Command::Hook(command) => hook::run(&ctx, command),
        Command::Schedule(command) => schedule::run(&ctx, command),
        Command::Ci(command) => ci::run(&ctx, command),
        Command::Complete(args) => complete::run(&ctx, args),
        Command::Generate(_)
        | Command::Auth(_)
        | Command::Doctor(_)
        | Command::Reap
        | Command::Workspace(_)
        | Command::Clone(_) => {
            unreachable!("handled before a repository is required")
        }
    }
}
