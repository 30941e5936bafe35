//! `git multi workspace add|remove|list|push|fetch|status|sync`: many repositories at once. The list lives in
//! `$XDG_CONFIG_HOME/git-multi/workspace.toml`; the runs are the operations of `ops::workspace`, reported per
//! repository and in total.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::cmd::common::{self, ParallelArgs};
use crate::config;
use crate::error::{Exit, Result};
use crate::git::Git;
use crate::ops::workspace::{self as ops, Repos};
use crate::report;
use crate::report::workspace::RepoResult;

/// Work on many repositories at once (push, fetch, status, sync across every repository and remote)
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum WorkspaceCommand {
    Add(AddArgs),
    #[command(visible_alias = "rm")]
    Remove(RemoveArgs),
    #[command(visible_alias = "ls")]
    List(ListArgs),
    /// Push each repository's current branch to its remotes (as `git multi push` in each)
    Push(RunArgs),
    /// Fetch every remote of every repository (as `git multi fetch` in each)
    Fetch(RunArgs),
    /// Compare every repository's branches with its remotes (as `git multi status` in each)
    Status(RunArgs),
    /// Fetch, integrate the primary (fast-forward only) and push, in every repository (as `git multi sync`)
    Sync(RunArgs),
}

/// Add repositories to the workspace
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Repository directories (any directory inside a work tree, or a bare repository)
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
}

/// Remove a repository from the workspace (the repository itself is not touched)
#[derive(Debug, Args)]
pub struct RemoveArgs {
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

/// Show the workspace's repositories and their remotes
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Print one JSON document instead of the per-repository summaries
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

pub fn run(command: &WorkspaceCommand) -> Result<Exit> {
    let git = Git::locate()?;
    match command {
        WorkspaceCommand::Add(args) => add(&git, args),
        WorkspaceCommand::Remove(args) => remove(args),
        WorkspaceCommand::List(args) => {
            let (file, listed) = ops::list(&git)?;
            report::workspace::list(&file, &listed, args.json);
            Ok(Exit::Success)
        }
        WorkspaceCommand::Push(args) => {
            let repos = open_locked(&git, args, "workspace push")?;
            let results = ops::push(&repos, args.parallel.jobs);
            let results = RepoResult::all(&repos, results, |report| (report, ()));
            Ok(report::workspace::run(
                &results,
                args.json,
                report::workspace::outcomes,
            ))
        }
        WorkspaceCommand::Fetch(args) => {
            let repos = open_locked(&git, args, "workspace fetch")?;
            let results = ops::fetch(&repos, args.parallel.jobs);
            let results = RepoResult::all(&repos, results, |report| (report, ()));
            Ok(report::workspace::run(
                &results,
                args.json,
                report::workspace::outcomes,
            ))
        }
        WorkspaceCommand::Status(args) => {
            let repos = ops::open_all(&git, args.parallel.get(), config::DEFAULT_PROBE_TIMEOUT)?;
            let results = ops::status(&repos, args.parallel.jobs);
            let results = RepoResult::all(&repos, results, report::workspace::status_of);
            Ok(report::workspace::run(
                &results,
                args.json,
                report::workspace::status,
            ))
        }
        WorkspaceCommand::Sync(args) => {
            let repos = open_locked(&git, args, "workspace sync")?;
            let results = ops::sync(&repos, args.parallel.get(), &crate::progress::TerminalFaces);
            let results = report::workspace::synced(&repos, results);
            Ok(report::workspace::run(
                &results,
                args.json,
                report::workspace::sync,
            ))
        }
    }
}

fn add(git: &Git, args: &AddArgs) -> Result<Exit> {
    let (file, added, already) = ops::add(git, &args.dirs)?;
    report::workspace::added(&added, &already, &file);
    Ok(Exit::Success)
}

fn remove(args: &RemoveArgs) -> Result<Exit> {
    let removed = ops::remove(&args.dir)?;
    report::workspace::removed(&removed);
    Ok(Exit::Success)
}

/// Every repository opened for a run that changes it (`command`): each one's run lock taken too, each waiting
/// up to that repository's time limit.
fn open_locked(git: &Git, args: &RunArgs, command: &str) -> Result<Repos> {
    let mut repos = ops::open_all(git, args.parallel.get(), config::DEFAULT_TIMEOUT)?;
    ops::lock_all(&mut repos, |repo, path| {
        common::lock_repository(&repo.git, command, repo.budget, Some(path))
    });
    Ok(repos)
}
