//! Shell completion scripts from the clap definitions. bash is written here in full ([`bash`]: git's completion
//! calls a function name clap_complete cannot give); zsh and fish are clap_complete's, with the values only the
//! repository knows patched in ([`zsh`], [`fish`]). All three ask `git multi __complete <kind>` for those
//! values ([`dynamic`]).

mod bash;
pub mod dynamic;
mod fish;
mod zsh;

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// The completion script for `shell`; `command` is the command tree as the installed binary presents itself.
pub fn script(command: clap::Command, shell: Shell) -> String {
    match shell {
        Shell::Bash => bash::script(&command),
        Shell::Zsh => zsh::script(command),
        Shell::Fish => fish::script(command),
    }
}

/// clap_complete's script for `shell`, over `command` with every dynamic argument marked; also the marked
/// command, for what the script needs beside clap_complete's.
fn marked_script(command: clap::Command, shell: clap_complete::Shell) -> (clap::Command, String) {
    let mut command = command;
    // Built first: how many values a positional takes is known only then.
    command.build();
    let mut command = dynamic::marked(command);
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "git-multi", &mut buffer);
    let text = String::from_utf8(buffer).expect("completion scripts are UTF-8");
    (command, text)
}

/// `text` with each dynamic kind's marker, as `quoted` writes it, replaced by what `call` makes of its word.
fn unmark(
    mut text: String,
    quoted: impl Fn(&str) -> String,
    call: impl Fn(&str) -> String,
) -> String {
    for kind in dynamic::Dyn::ALL {
        text = text.replace(&quoted(&kind.marker()), &call(kind.word()));
    }
    text
}
