//! The zsh script: clap_complete's, its dynamic values asked of `git-multi __complete` through one helper.

use super::{marked_script, unmark};

/// Defined before the script's entry point, which the completion system runs at once.
const HELPER: &str = "# Values only the repository knows (members, groups, branches, …), from git-multi itself.\n\
    (( $+functions[__git_multi_dyn] )) ||\n\
    __git_multi_dyn() {\n    local -a values\n    values=(${(f)\"$(git-multi __complete $1 2>/dev/null)\"})\n    compadd -a values\n}\n\n";

pub fn script(command: clap::Command) -> String {
    let (_, text) = marked_script(command, clap_complete::Shell::Zsh);
    let mut text = unmark(
        text,
        |marker| format!(":({marker})'"),
        |word| format!(":__git_multi_dyn {word}'"),
    );
    let at = text
        .rfind("if [ \"$funcstack[1]\" = \"_git-multi\" ]")
        .unwrap_or(text.len());
    text.insert_str(at, HELPER);
    text
}
