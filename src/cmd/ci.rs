//! `git multi ci generate <github|gitlab|forgejo>`: a CI workflow that runs git-multi on every push, with the
//! remote set rebuilt in the job and secrets taken from the CI's secret store.

use clap::{Args, Subcommand};

use crate::automation::ci::{self, CiAction, Service};
use crate::automation::install_source::InstallSource;
use crate::error::{Error, Exit, Result};
use crate::report;
use crate::session::Session;

/// CI workflows that run git multi on every push, and the CI state of a commit on every host
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum CiCommand {
    Generate(GenerateArgs),
    Status(crate::cmd::ci_status::StatusArgs),
}

/// Write the CI's workflow file (GitHub Actions, GitLab CI, Forgejo/Gitea Actions) for this remote set
#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[arg(value_enum)]
    pub service: Service,
    /// What the job runs: `git multi push --all --tags` or `git multi mirror`
    #[arg(long, value_enum, default_value = "push")]
    pub action: CiAction,
    /// Print the workflow instead of writing it (e.g. to merge into an existing .gitlab-ci.yml)
    #[arg(long)]
    pub stdout: bool,
    /// Build git-multi in the job from this git repository (https:// or ssh://, no credentials) instead of the
    /// project's own; `@<rev>` picks a tag, branch or full commit id (default: this version's tag)
    #[arg(long, value_name = "GIT-URL[@REV]")]
    pub install_from: Option<String>,
}

pub fn run(ctx: &Session, command: &CiCommand) -> Result<Exit> {
    let args = match command {
        CiCommand::Generate(args) => args,
        CiCommand::Status(args) => return crate::cmd::ci_status::run(ctx, args),
    };
    let source = match &args.install_from {
        Some(given) => InstallSource::parse(given)
            .map_err(|refused| Error::usage(refused.why).hint(refused.hint))?,
        None => InstallSource::ours(),
    };
    let set = ctx.remote_set()?;
    let members = set.select(&[])?;
    let workflow = ci::generate(args.service, args.action, &members, &source);
    if args.stdout {
        report::out(&workflow.text);
        report::automation::ci_left_out(&workflow);
        return Ok(Exit::Success);
    }
    let top = ctx.git.toplevel().ok_or_else(|| {
        Error::usage("a bare repository has no work tree to put a workflow in").hint(format!(
            "print it with `git multi ci generate {} --stdout`",
            args.service.as_str()
        ))
    })?;
    let path = top.join(args.service.path());
    if path.symlink_metadata().is_ok() {
        return Err(Error::usage(format!("{} already exists; leaving it alone", args.service.path()))
            .hint(format!(
                "print the workflow with `git multi ci generate {} --stdout` and merge it in, or remove the file and run this again",
                args.service.as_str()
            )));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::failed(format!("could not create {}: {e}", dir.display())))?;
    }
    std::fs::write(&path, &workflow.text)
        .map_err(|e| Error::failed(format!("could not write {}: {e}", path.display())))?;
    report::automation::ci_written(args.service, &workflow);
    Ok(Exit::Success)
}
