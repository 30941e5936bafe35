//! One module per command; `dispatch` is the flat match from the parsed command line to them.

pub mod auth;
pub mod branch;
pub mod branch_ops;
pub mod ci;
pub mod clone;
pub mod common;
pub mod conflicts;
pub mod create;
pub mod everywhere;
pub mod fetch;
pub mod generate;
pub mod hook;
pub mod hosted;
pub mod init;
pub mod mirror;
pub mod primary;
pub mod pull;
pub mod push;
pub mod refs;
pub mod remote;
pub mod resolve;
pub mod schedule;
pub mod status;
pub mod sync;
pub mod tag;
pub mod webhook;
// operations
pub mod backup;
pub mod config;
pub mod doctor;
pub mod export;
pub mod import;
pub mod log;
pub mod restore;
pub mod undo;
pub mod workspace;

use std::sync::atomic::{AtomicBool, Ordering};

use crate::cli::{BranchCommand, Cli, Command, RemoteCommand};
use crate::error::{Error, Exit, Result};
use crate::git::Git;
use crate::remote_set::RemoteSet;

/// What every repository command gets: the checked git and the knowledge that we are inside a repository.
pub struct Ctx {
    pub git: Git,
    /// Drift is reported once per command, however often the set is read.
    drift_reported: AtomicBool,
}

impl Ctx {
    /// Locates git and makes sure the current directory (after `git -C`, `GIT_DIR`, worktrees…) is a repository.
    pub fn open() -> Result<Ctx> {
        let git = Git::locate()?;
        if let Err(err) = git.git_dir() {
            // A config file git cannot parse fails every git command here, looking like "no repository".
            if let Some(unreadable) = err.stderr().and_then(crate::config::unreadable) {
                return Err(unreadable);
            }
            let detail = err
                .stderr()
                .map(crate::git::failure_summary)
                .unwrap_or_else(|| err.to_string());
            return Err(Error::usage(format!("not inside a git repository ({detail})"))
                .hint("run git multi inside a repository, create one with `git init`, or point at one with `git -C <dir> multi …`"));
        }
        Ok(Ctx {
            git,
            drift_reported: AtomicBool::new(false),
        })
    }

    /// The context of a repository found by other means (a clone just made, a workspace member).
    pub fn at(git: Git) -> Ctx {
        Ctx {
            git,
            drift_reported: AtomicBool::new(false),
        }
    }

    /// The remote set; the first read of a command also reports its drift (stderr, `warning:` + `hint:`).
    pub fn remote_set(&self) -> Result<RemoteSet> {
        let set = RemoteSet::load(&self.git)?;
        if !self.drift_reported.swap(true, Ordering::Relaxed) {
            crate::report::drift(&set.drift());
        }
        Ok(set)
    }

    /// The remote set without reporting drift, for commands that change the set: they report what is left
    /// afterwards with [`Ctx::report_drift`], not what they are about to repair.
    pub fn remote_set_unreported(&self) -> Result<RemoteSet> {
        RemoteSet::load(&self.git)
    }

    /// Reads the set again and reports its drift, unless that was done already.
    pub fn report_drift(&self) {
        if !self.drift_reported.load(Ordering::Relaxed) {
            let _ = self.remote_set();
        }
    }
}

/// Whether `command` changes the repository (its refs, its config, its hooks) and so takes the run lock: its
/// name for the lock's holder line, and its `-j`/`--timeout` options when it has them. Reading commands
/// (status, conflicts, log, list, doctor, export, …), dry runs and commands that only talk to host APIs run
/// beside anything.
fn writes(command: &Command) -> Option<(&'static str, Option<&common::ParallelArgs>)> {
    use crate::cli::RemoteCommand as R;
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
        Command::Backup(a) => ("backup", Some(&a.parallel)),
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

pub fn dispatch(cli: Cli) -> Result<Exit> {
    if let Command::Reap = &cli.command {
        crate::git::reap();
    }
    if let Command::Generate(args) = &cli.command {
        return generate::run(args);
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
    let ctx = Ctx::open()?;
    // Held until the command returns: one run that changes this repository at a time.
    let _lock = match writes(&cli.command) {
        Some((name, parallel)) => {
            let wait = common::lock_wait(&ctx.git, parallel)?;
            common::lock_repository(&ctx.git, name, wait, None)?
        }
        None => None,
    };
    match &cli.command {
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
        Command::Webhook(command) => webhook::run(&ctx, command),
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
