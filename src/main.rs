//! `git-multi`: parse the command line, run, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = git_multi::cli::Cli::parse();
    git_multi::run(cli).into()
}
