//! `git multi generate man|completions`: the man pages and shell completions, from the clap definitions.
//!
//! The results are checked in (`man/`, `completions/`) and a test fails when they drift from the code. The
//! writing is done by `crate::man` and `crate::completion`; this only parses and calls.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::completion::Shell;
use crate::error::{Error, Exit, Result};
use crate::report;

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[command(subcommand)]
    pub what: Generated,
}

#[derive(Debug, Subcommand)]
pub enum Generated {
    /// Write git-multi.1 and one page per subcommand into DIR
    Man { dir: PathBuf },
    /// Print the completion script for SHELL
    Completions { shell: Shell },
}

/// The command tree `root` (the whole command line's) as an installed binary presents itself: `git-multi`,
/// the name git runs.
fn installed(root: clap::Command) -> clap::Command {
    root.bin_name("git-multi").name("git-multi")
}

pub fn run(args: &GenerateArgs, root: clap::Command) -> Result<Exit> {
    match &args.what {
        Generated::Man { dir } => {
            for (file, page) in man_pages(root) {
                let path = dir.join(&file);
                std::fs::write(&path, page)
                    .map_err(|e| Error::failed(format!("cannot write {}: {e}", path.display())))?;
            }
        }
        Generated::Completions { shell } => report::out(&completions(root, *shell)),
    }
    Ok(Exit::Success)
}

/// `(file name, roff text)` for the top page and every visible subcommand.
pub fn man_pages(root: clap::Command) -> Vec<(String, Vec<u8>)> {
    crate::man::pages(installed(root))
}

/// The completion script for `shell`.
pub fn completions(root: clap::Command, shell: Shell) -> String {
    crate::completion::script(installed(root), shell)
}
