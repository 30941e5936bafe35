//! `git multi generate man|completions`: the man pages and shell completions, from the clap definitions.
//!
//! The results are checked in (`man/`, `completions/`) and a test fails when they drift from the code.

mod bash;

use std::path::PathBuf;

use clap::{Args, CommandFactory, Subcommand, ValueEnum};

use crate::cli::Cli;
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

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// The command tree as an installed binary presents itself: `git-multi`, the name git runs.
pub fn command() -> clap::Command {
    Cli::command().bin_name("git-multi").name("git-multi")
}

pub fn run(args: &GenerateArgs) -> Result<Exit> {
    match &args.what {
        Generated::Man { dir } => {
            for (file, page) in man_pages() {
                let path = dir.join(&file);
                std::fs::write(&path, page).map_err(|e| Error::failed(format!("cannot write {}: {e}", path.display())))?;
            }
        }
        Generated::Completions { shell } => report::out(&completions(*shell)),
    }
    Ok(Exit::Success)
}

/// `(file name, roff text)` for the top page and every visible subcommand, nested ones as `git-multi-remote-add.1`.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let mut root = command();
    root.build();
    let mut pages = Vec::new();
    collect_pages(&root, "git-multi", "git multi", &mut pages);
    pages
}

/// `name` is the page (`git-multi-remote-add`), `usage` how it is typed (`git multi remote add`).
fn collect_pages(command: &clap::Command, name: &str, usage: &str, pages: &mut Vec<(String, Vec<u8>)>) {
    let page = command.clone().name(name.to_string()).bin_name(usage.to_string());
    let mut roff = Vec::new();
    clap_mangen::Man::new(page).title(name.to_uppercase()).section("1").manual("Git Multi Manual").render(&mut roff).expect("rendering to memory cannot fail");
    pages.push((format!("{name}.1"), roff));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        collect_pages(sub, &format!("{name}-{}", sub.get_name()), &format!("{usage} {}", sub.get_name()), pages);
    }
}

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> String {
    let mut command = command();
    let mut buffer = Vec::new();
    match shell {
        Shell::Bash => return bash::script(&command),
        Shell::Zsh => clap_complete::generate(clap_complete::Shell::Zsh, &mut command, "git-multi", &mut buffer),
        Shell::Fish => {
            clap_complete::generate(clap_complete::Shell::Fish, &mut command, "git-multi", &mut buffer);
            // Make `git multi` (not only `git-multi`) known to fish's git completion.
            buffer.extend_from_slice(b"complete -f -c git -n __fish_git_needs_command -a multi -d 'Keep one repository in sync with many hosts'\n");
        }
    }
    String::from_utf8(buffer).expect("completion scripts are UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

/// Where the checked-in copies live, relative to the repository root.
fn checked_in_files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = man_pages().into_iter().map(|(name, text)| (root.join("man").join(name), text)).collect();
    files.push((root.join("completions/git-multi.bash"), completions(Shell::Bash).into_bytes()));
    files.push((root.join("completions/_git-multi"), completions(Shell::Zsh).into_bytes()));
    files.push((root.join("completions/git-multi.fish"), completions(Shell::Fish).into_bytes()));
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
        let expected: Vec<String> = man_pages().into_iter().map(|(n, _)| n).collect();
        for entry in std::fs::read_dir(root.join("man")).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !expected.contains(&name) {
                stale.push(format!("man/{name} (no longer generated)"));
            }
        }
        assert!(stale.is_empty(), "generated files are out of date; run ./scripts/regenerate:\n{}", stale.join("\n"));
    }

    #[test]
    fn bash_completion_defines_the_function_git_calls() {
        let script = completions(Shell::Bash);
        assert!(script.contains("\n_git_multi()"), "git's completion calls _git_multi for `git multi`");
        assert!(script.contains("complete -o bashdefault -o default -F _git_multi_standalone git-multi"));
    }
}
