//! The command line: clap definitions only. Each command's arguments live beside its code in `cmd/`.

use clap::{Parser, Subcommand};

use crate::cmd;

/// Keep one git repository in sync with many hosts.
///
/// git-multi groups ordinary git remotes into a set (stored in .git/config as the remote group `multi` plus
/// `[multi "<name>"]` sections) and works on all of them at once, in parallel, through your own git: your ssh
/// agent, credential helpers and hooks keep working.
///
/// Commands that change the repository (push, fetch, pull, sync, mirror, resolve, undo, remote add, config set,
/// …) run one at a time per clone: each holds .git/multi/lock, and another one waits for it, saying which run it
/// waits for, up to its --timeout (else multi.timeout, else 300 s). Reading commands and dry runs never wait.
#[derive(Debug, Parser)]
#[command(
    name = "git-multi",
    bin_name = "git multi",
    version,
    max_term_width = 100,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi,
    /// else color.ui, else auto)
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<crate::report::Colour>,
    /// Show the live progress board (bytes and rates per remote) even when stderr is not a terminal
    #[arg(long, global = true, overrides_with = "no_progress")]
    pub progress: bool,
    /// Never show the live progress board
    #[arg(long, global = true, overrides_with = "progress")]
    pub no_progress: bool,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// `--progress` / `--no-progress`, the last one given winning (as git's flags).
    pub fn progress(&self) -> Option<bool> {
        if self.progress {
            Some(true)
        } else if self.no_progress {
            Some(false)
        } else {
            None
        }
    }
}

/// Show a command's help (the same as `git multi <command> --help`; `git help multi` opens the manual)
#[derive(Debug, clap::Args)]
pub struct HelpArgs {
    /// The command, and its subcommand (`remote add`)
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(cmd::init::InitArgs),
    Clone(cmd::clone::CloneArgs),
    #[command(subcommand)]
    Remote(RemoteCommand),
    #[command(subcommand)]
    Auth(cmd::auth::AuthCommand),
    Create(cmd::create::CreateArgs),
    #[command(subcommand)]
    Branch(BranchCommand),
    #[command(subcommand)]
    Tag(cmd::tag::TagCommand),
    #[command(subcommand)]
    Webhook(cmd::webhook::WebhookCommand),
    #[command(subcommand)]
    Repo(cmd::repo::RepoCommand),
    #[command(subcommand)]
    Release(cmd::release::ReleaseCommand),
    #[command(subcommand)]
    Org(cmd::org::OrgCommand),
    Stats(cmd::stats::StatsArgs),
    Push(cmd::push::PushArgs),
    Fetch(cmd::fetch::FetchArgs),
    Status(cmd::status::StatusArgs),
    Pull(cmd::pull::PullArgs),
    Sync(cmd::sync::SyncArgs),
    #[command(subcommand)]
    Refs(cmd::refs::RefsCommand),
    #[command(subcommand)]
    Group(cmd::group::GroupCommand),
    Conflicts(cmd::conflicts::ConflictsArgs),
    Resolve(cmd::resolve::ResolveArgs),
    Primary(cmd::primary::PrimaryArgs),
    Mirror(cmd::mirror::MirrorArgs),
    Retry(cmd::retry::RetryArgs),
    Tui(cmd::tui::TuiArgs),
    // operations
    Doctor(cmd::doctor::DoctorArgs),
    Log(cmd::log::LogArgs),
    Undo(cmd::undo::UndoArgs),
    Backup(cmd::backup::BackupArgs),
    Restore(cmd::restore::RestoreArgs),
    Export(cmd::export::ExportArgs),
    Import(cmd::import::ImportArgs),
    #[command(subcommand)]
    Config(cmd::config::ConfigCommand),
    #[command(subcommand)]
    Hook(cmd::hook::HookCommand),
    #[command(subcommand)]
    Schedule(cmd::schedule::ScheduleCommand),
    #[command(subcommand)]
    Ci(cmd::ci::CiCommand),
    #[command(subcommand)]
    Workspace(cmd::workspace::WorkspaceCommand),
    Help(HelpArgs),
    /// Write the man pages or shell completions (for packagers and the repository's checked-in copies)
    #[command(hide = true)]
    Generate(cmd::generate::GenerateArgs),
    /// Internal: values only the repository knows, one per line, for the shell completions
    #[command(name = "__complete", hide = true)]
    Complete(cmd::complete::CompleteArgs),
    /// Internal: kills the git jobs of a git-multi that died without stopping them (started by git-multi)
    #[command(name = "__reap", hide = true)]
    Reap,
}

/// Manage the remotes of the set
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum RemoteCommand {
    Add(cmd::remote::add::AddArgs),
    #[command(visible_alias = "ls")]
    List(cmd::remote::list::ListArgs),
    #[command(visible_alias = "rm")]
    Remove(cmd::remote::remove::RemoveArgs),
    Rename(cmd::remote::rename::RenameArgs),
    SetUrl(cmd::remote::set_url::SetUrlArgs),
    /// Include a remote in what git multi (and `git fetch multi`) works on again
    Enable(cmd::remote::toggle::ToggleArgs),
    /// Keep a remote in the set but leave it out until it is enabled again
    Disable(cmd::remote::toggle::ToggleArgs),
    Test(cmd::remote::test::TestArgs),
}

/// Branches on every remote, and their protection on the hosts
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum BranchCommand {
    /// Show every branch on every remote (branch × remote, compared with the local branch)
    #[command(visible_alias = "ls")]
    List(cmd::everywhere::ListArgs),
    Create(cmd::branch_ops::CreateArgs),
    Delete(cmd::branch_ops::DeleteArgs),
    /// `branch protect` (host APIs)
    #[command(flatten)]
    Hosted(cmd::branch::BranchCommand),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}

#[cfg(test)]
mod generated_docs {
    use super::*;
    use crate::cmd::generate::{completions, man_pages};
    use crate::completion::Shell;
    use clap::CommandFactory;
    use std::path::Path;
    use std::path::PathBuf;

    /// Where the checked-in copies live, relative to the repository root.
    fn checked_in_files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<(PathBuf, Vec<u8>)> = man_pages(Cli::command())
            .into_iter()
            .map(|(name, text)| (root.join("man").join(name), text))
            .collect();
        files.push((
            root.join("completions/git-multi.bash"),
            completions(Cli::command(), Shell::Bash).into_bytes(),
        ));
        files.push((
            root.join("completions/_git-multi"),
            completions(Cli::command(), Shell::Zsh).into_bytes(),
        ));
        files.push((
            root.join("completions/git-multi.fish"),
            completions(Cli::command(), Shell::Fish).into_bytes(),
        ));
        files
    }

    /// Fails when man/ or completions/ no longer match the clap definitions.
    /// Regenerate with `cargo run -- generate man man && for s in bash zsh fish; do …; done` (see CONTRIBUTING.md).
    #[test]
    fn checked_in_docs_match_the_code() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut stale = Vec::new();
        for (path, want) in checked_in_files(root) {
            if std::fs::read(&path).ok().as_deref() != Some(&want[..]) {
                stale.push(path.display().to_string());
            }
        }
        let expected: Vec<String> = man_pages(Cli::command())
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        for entry in std::fs::read_dir(root.join("man"))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !expected.contains(&name) {
                stale.push(format!("man/{name} (no longer generated)"));
            }
        }
        assert!(
            stale.is_empty(),
            "generated files are out of date; run ./scripts/regenerate:\n{}",
            stale.join("\n")
        );
    }

    #[test]
    fn bash_completion_defines_the_function_git_calls() {
        let script = completions(Cli::command(), Shell::Bash);
        assert!(
            script.contains("\n_git_multi()"),
            "git's completion calls _git_multi for `git multi`"
        );
        assert!(script
            .contains("complete -o bashdefault -o default -F _git_multi_standalone git-multi"));
    }
}
