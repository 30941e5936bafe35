//! Every key the dashboard knows, in one table: what it does and the words the help view shows for it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Up,
    Down,
    NextPane,
    Details,
    PushAll,
    PushSelected,
    FetchAll,
    FetchSelected,
    SyncAll,
    SyncSelected,
    Conflicts,
    Log,
    Refresh,
    Filter,
    Help,
    Quit,
    /// In the conflicts view: take the local copy / the selected remote's / merge; in the log: undo.
    TakeLocal,
    TakeRemote,
    Merge,
    Undo,
    Yes,
    No,
}

/// `(keys as the help view shows them, what they do, command)`, in the order the help lists them.
pub const BINDINGS: &[(&str, &str, Command)] = &[
    (
        "↑ / k",
        "select the previous remote (or ref, entry)",
        Command::Up,
    ),
    ("↓ / j", "select the next one", Command::Down),
    (
        "Tab",
        "switch pane: remotes, ref matrix, activity",
        Command::NextPane,
    ),
    ("Enter", "details of the selected remote", Command::Details),
    ("p", "push to every remote", Command::PushAll),
    ("P", "push to the selected remote", Command::PushSelected),
    ("f", "fetch every remote", Command::FetchAll),
    ("F", "fetch the selected remote", Command::FetchSelected),
    ("s", "sync every remote", Command::SyncAll),
    ("S", "sync with the selected remote", Command::SyncSelected),
    (
        "c",
        "conflicts: refs whose copies differ",
        Command::Conflicts,
    ),
    ("l", "log of what changed remotes, with undo", Command::Log),
    ("r", "ask every remote again", Command::Refresh),
    ("/", "filter the ref matrix", Command::Filter),
    ("?", "this help", Command::Help),
    (
        "q / Esc",
        "quit (or close this view); Ctrl-C stops work",
        Command::Quit,
    ),
    ("L", "conflicts: take the local copy", Command::TakeLocal),
    (
        "T",
        "conflicts: take the selected remote's copy",
        Command::TakeRemote,
    ),
    ("M", "conflicts: merge the copies", Command::Merge),
    ("u", "log: undo the selected entry", Command::Undo),
    ("y / n", "answer a question", Command::Yes),
];

/// The command for a key press, if it has one.
pub fn command(key: &KeyEvent) -> Option<Command> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Command::Quit);
    }
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Command::Up,
        KeyCode::Down | KeyCode::Char('j') => Command::Down,
        KeyCode::Tab => Command::NextPane,
        KeyCode::Enter => Command::Details,
        KeyCode::Char('p') => Command::PushAll,
        KeyCode::Char('P') => Command::PushSelected,
        KeyCode::Char('f') => Command::FetchAll,
        KeyCode::Char('F') => Command::FetchSelected,
        KeyCode::Char('s') => Command::SyncAll,
        KeyCode::Char('S') => Command::SyncSelected,
        KeyCode::Char('c') => Command::Conflicts,
        KeyCode::Char('l') => Command::Log,
        KeyCode::Char('r') => Command::Refresh,
        KeyCode::Char('/') => Command::Filter,
        KeyCode::Char('?') => Command::Help,
        KeyCode::Char('q') | KeyCode::Esc => Command::Quit,
        KeyCode::Char('L') => Command::TakeLocal,
        KeyCode::Char('T') => Command::TakeRemote,
        KeyCode::Char('M') => Command::Merge,
        KeyCode::Char('u') => Command::Undo,
        KeyCode::Char('y') | KeyCode::Char('Y') => Command::Yes,
        KeyCode::Char('n') | KeyCode::Char('N') => Command::No,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_a_key_gives_is_in_the_help_table() {
        let keys = "kjpPfFsSclr/?qLTMuyn";
        for c in keys.chars() {
            let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            let command = command(&event).unwrap_or_else(|| panic!("{c} does nothing"));
            assert!(
                BINDINGS.iter().any(
                    |(_, _, b)| *b == command || (command == Command::No && *b == Command::Yes)
                ),
                "{c}: {command:?} is not in the help"
            );
        }
    }
}
