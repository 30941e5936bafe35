//! The fish script: clap_complete's, which completes options only, plus the positionals that take values only
//! the repository knows, and `git multi` made known to fish's git completion.

use super::{dynamic, marked_script, unmark};

pub fn script(command: clap::Command) -> String {
    let (command, mut text) = marked_script(command, clap_complete::Shell::Fish);
    // Make `git multi` (not only `git-multi`) known to fish's git completion.
    text.push_str("complete -f -c git -n __fish_git_needs_command -a multi -d 'Keep one repository in sync with many hosts'\n");
    let mut text = unmark(
        text,
        |marker| format!("\"{marker}\\t''\""),
        |word| format!("\"(git-multi __complete {word} 2>/dev/null)\""),
    );
    text.push_str(&positionals(&command));
    text
}

/// `complete` lines for the positionals that take repository values, under the conditions clap_complete's
/// fish script uses for their subcommand.
fn positionals(root: &clap::Command) -> String {
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
