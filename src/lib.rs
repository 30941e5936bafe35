//! git-multi keeps one local repository in sync with many hosts through the user's own `git`.

mod audit;
mod auth;
mod automation;
pub mod cli;
mod clock;
mod cmd;
mod completion;
pub mod config;
mod deadline;
mod dispatch;
mod doctor;
mod error;
mod events;
mod git;
mod hosting;
mod interrupt;
mod last_run;
mod lockfile;
mod man;
mod model;
mod ops;
mod progress;
mod prompt;
// Public only so the integration tests can drive each host's API client against the fake host that lives in
// tests/cli; not an API for other crates.
#[doc(hidden)]
pub mod provider;
mod quote;
mod redact;
mod remote_set;
mod report;
mod retry;
mod run_lock;
mod runner;
mod session;
mod setfile;
mod stale_locks;
mod system;
mod tui;
mod url;
mod validate;
mod workspace;

pub use error::Exit;

/// Runs one parsed command line to its exit code; errors are printed here, once.
pub fn run(cli: cli::Cli) -> Exit {
    clock::process_started();
    automation::mark_own_children();
    interrupt::install();
    events::install(Box::new(progress::Warnings));
    // Only an option, not a value after `--` (a branch or remote name), asks for JSON.
    let json_requested = std::env::args_os()
        .skip(1)
        .take_while(|a| a != "--")
        .any(|a| a == "--json");
    let output = session::Output {
        json: json_requested,
        progress: cli.progress(),
    };
    let exit = match dispatch::dispatch(cli, output) {
        Ok(exit) => exit,
        Err(err) => {
            report::error(&err);
            // A script that asked for JSON gets one document on stdout even when the command stopped early.
            if json_requested {
                report::json_error(&err);
            }
            err.exit
        }
    };
    report::advice::flush();
    git::finish_jobs();
    exit
}
