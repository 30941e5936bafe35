//! `git multi generate man|completions`: the man pages and shell completions, from the clap definitions.
//!
//! The results are checked in (`man/`, `completions/`) and a test fails when they drift from the code.

mod bash;
pub mod dynamic;

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

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

/// `(file name, roff text)` for the top page and every visible subcommand, nested ones as `git-multi-remote-add.1`.
pub fn man_pages(root: clap::Command) -> Vec<(String, Vec<u8>)> {
    let mut root = installed(root);
    root.build();
    let mut pages = Vec::new();
    collect_pages(&root, "git-multi", "git multi", &mut pages);
    pages
}

/// `name` is the page (`git-multi-remote-add`), `usage` how it is typed (`git multi remote add`).
fn collect_pages(
    command: &clap::Command,
    name: &str,
    usage: &str,
    pages: &mut Vec<(String, Vec<u8>)>,
) {
    let page = command
        .clone()
        .name(name.to_string())
        .bin_name(usage.to_string());
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .title(name.to_uppercase())
        .section("1")
        .manual("Git Multi Manual")
        .render(&mut roff)
        .expect("rendering to memory cannot fail");
    pages.push((format!("{name}.1"), roff));
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        collect_pages(
            sub,
            &format!("{name}-{}", sub.get_name()),
            &format!("{usage} {}", sub.get_name()),
            pages,
        );
    }
}

/// `complete` lines for the positionals that take repository values, under the conditions clap_complete's
/// fish script uses for their subcommand.
fn fish_positionals(root: &clap::Command) -> String {
    let mut out = String::new();
    for top in root.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut at = vec![(top, String::new(), top.get_name().to_string())];
        for sub in top.get_subcommands().filter(|s| !s.is_hide_set()) {
            let names: Vec<&str> = std::iter::once(sub.get_name())
                .chain(sub.get_visible_aliases())
                .collect();
            at.push((
                sub,
                format!("; and __fish_seen_subcommand_from {}", names.join(" ")),
                format!("{} {}", top.get_name(), sub.get_name()),
            ));
        }
        for (command, seen, path) in at {
            for arg in command.get_positionals() {
                if let Some(kind) = dynamic::of(&path, arg) {
                    out.push_str(&format!(
                        "complete -c git-multi -n \"__fish_git_multi_using_subcommand {}{seen}\" -f -a \"(git-multi __complete {} 2>/dev/null)\"\n",
                        top.get_name(),
                        kind.word()
                    ));
                }
            }
        }
    }
    out
}

/// The completion script for `shell`.
pub fn completions(root: clap::Command, shell: Shell) -> String {
    let mut command = installed(root);
    let mut buffer = Vec::new();
    if let Shell::Bash = shell {
        return bash::script(&command);
    }
    // Built first: how many values a positional takes is known only then.
    command.build();
    let mut command = dynamic::marked(command);
    match shell {
        Shell::Bash => unreachable!("written above"),
        Shell::Zsh => clap_complete::generate(
            clap_complete::Shell::Zsh,
            &mut command,
            "git-multi",
            &mut buffer,
        ),
        Shell::Fish => {
            clap_complete::generate(
                clap_complete::Shell::Fish,
                &mut command,
                "git-multi",
                &mut buffer,
            );
            // Make `git multi` (not only `git-multi`) known to fish's git completion.
            buffer.extend_from_slice(b"complete -f -c git -n __fish_git_needs_command -a multi -d 'Keep one repository in sync with many hosts'\n");
        }
    }
    let mut text = String::from_utf8(buffer).expect("completion scripts are UTF-8");
    // The markers become calls of `git-multi __complete <kind>` when completing.
    for kind in dynamic::Dyn::ALL {
        let marker = kind.marker();
        text = match shell {
            Shell::Zsh => text.replace(
                &format!(":({marker})'"),
                &format!(":__git_multi_dyn {}'", kind.word()),
            ),
            _ => text.replace(
                &format!("\"{marker}\\t''\""),
                &format!("\"(git-multi __complete {} 2>/dev/null)\"", kind.word()),
            ),
        };
    }
    if let Shell::Fish = shell {
        // clap_complete's fish script completes options only: the positionals with such values are added here.
        text.push_str(&fish_positionals(&command));
    }
    if let Shell::Zsh = shell {
        let helper = "# Values only the repository knows (members, groups, branches, …), from git-multi itself.\n\
            (( $+functions[__git_multi_dyn] )) ||\n\
            __git_multi_dyn() {\n    local -a values\n    values=(${(f)\"$(git-multi __complete $1 2>/dev/null)\"})\n    compadd -a values\n}\n\n";
        let at = text
            .rfind("if [ \"$funcstack[1]\" = \"_git-multi\" ]")
            .unwrap_or(text.len());
        text.insert_str(at, helper);
    }
    text
}
