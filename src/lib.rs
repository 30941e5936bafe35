//! git-multi keeps one local repository in sync with many hosts through the user's own `git`.

mod auth;
pub mod cli;
mod clock;
mod cmd;
pub mod config;
mod error;
mod git;
mod hosting;
mod interrupt;
mod ops;
mod outcome;
mod progress;
mod provider;
mod redact;
mod remote_set;
mod report;
mod retry;
mod runner;
mod url;

pub use error::Exit;

/// Runs one parsed command line to its exit code; errors are printed here, once.
pub fn run(cli: cli::Cli) -> Exit {
    interrupt::install();
    let exit = match cmd::dispatch(cli) {
        Ok(exit) => exit,
        Err(err) => {
            report::error(&err);
            err.exit
        }
    };
    git::finish_jobs();
    exit
}
