//! `git multi schedule install|list|remove`: run git multi on a timer with the system's own scheduler (a
//! systemd user timer, a crontab entry, or a launchd agent on macOS).

use clap::{Args, Subcommand};

use crate::automation::hooks::Action;
use crate::automation::schedule::{self, Engine, Every, Schedule};
use crate::error::{Error, Exit, Result};
use crate::report;
use crate::session::Session;

/// Run git multi on a schedule (systemd user timer, cron, or launchd on macOS)
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum ScheduleCommand {
    Install(InstallArgs),
    #[command(visible_alias = "ls")]
    List(ListArgs),
    #[command(visible_alias = "rm")]
    Remove,
}

/// Schedule `git -C <this repository> multi <action> --json` (replacing this repository's schedule)
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// How often: 1m … 30m (a divisor of an hour), 1h … 12h (a divisor of a day), hourly, daily or weekly
    #[arg(long, value_name = "INTERVAL")]
    pub every: String,
    /// What to run: `git multi fetch`, `push`, `sync` or `mirror`
    #[arg(long, value_enum, default_value = "fetch")]
    pub action: Action,
    /// Use a crontab entry (the default where systemd does not run the machine)
    #[arg(long, conflicts_with = "systemd")]
    pub cron: bool,
    /// Use a systemd user timer (the default where systemd runs the machine)
    #[arg(long)]
    pub systemd: bool,
}

/// Show every git-multi schedule of this user
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, command: &ScheduleCommand) -> Result<Exit> {
    let repo = match ctx.git.toplevel() {
        Some(top) => top,
        None => ctx.git.common_dir()?,
    };
    match command {
        ScheduleCommand::Install(args) => {
            let every = Every::parse(&args.every).map_err(|why| {
                Error::usage(format!("--every {}: {why}", args.every)).hint(
                    "use 1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m, 30m, 1h, 2h, 3h, 4h, 6h, 8h, 12h, hourly, daily or weekly",
                )
            })?;
            let engine = if args.cron {
                Engine::Cron
            } else if args.systemd {
                Engine::Systemd
            } else {
                Engine::default_here()
            };
            let log_dir = ctx.git.common_dir()?.join("multi");
            std::fs::create_dir_all(&log_dir).map_err(|e| {
                Error::failed(format!("could not create {}: {e}", log_dir.display()))
            })?;
            let installed = schedule::install(
                &Schedule::new(&repo, every, args.action),
                engine,
                ctx.git.exe(),
                &log_dir.join("schedule.log"),
            )?;
            report::automation::schedule_installed(&installed);
            Ok(if installed.active {
                Exit::Success
            } else {
                Exit::Failure
            })
        }
        ScheduleCommand::List(args) => {
            let found = schedule::list()?;
            report::automation::schedules(&found, &repo, args.json);
            Ok(Exit::Success)
        }
        ScheduleCommand::Remove => {
            let removed = schedule::remove(&repo)?;
            if removed.is_empty() {
                return Err(
                    Error::usage(format!("no git-multi schedule for {}", repo.display()))
                        .hint("`git multi schedule list` shows every schedule"),
                );
            }
            report::automation::schedules_removed(&removed);
            Ok(Exit::Success)
        }
    }
}
