//! Live progress for humans: one line per remote on stderr (phase and percent from git's `--progress`),
//! redrawn in place and erased before the summary. Off unless stderr is a terminal, and off with `--json`.
//! The board only watches a fan-out (it is an [`crate::events::Sink`]); it never runs one.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::events::{Event, Sink};
use crate::session::{Faces, Output};

/// Redraws at most this often, so a fast push does not flood the terminal.
const REDRAW_EVERY: Duration = Duration::from_millis(100);
const WIDTH: usize = 100;
/// A remote's line before its job starts.
const WAITING: &str = "waiting";

pub struct Board {
    names: Vec<String>,
    enabled: bool,
    state: Mutex<State>,
}

struct State {
    text: Vec<String>,
    drawn: bool,
    last_draw: Option<Instant>,
}

impl Board {
    /// A board for `names` (in the order they will be reported), live only on a terminal and without `--json`.
    pub fn for_terminal(names: impl IntoIterator<Item = String>, json: bool) -> Board {
        let enabled = !json
            && std::io::stderr().is_terminal()
            && std::env::var_os("GIT_MULTI_NO_PROGRESS").is_none();
        Board::new(names, enabled)
    }

    pub fn new(names: impl IntoIterator<Item = String>, enabled: bool) -> Board {
        let names: Vec<String> = names.into_iter().collect();
        let text = vec![WAITING.to_string(); names.len()];
        Board {
            names,
            enabled,
            state: Mutex::new(State {
                text,
                drawn: false,
                last_draw: None,
            }),
        }
    }

    /// Sets a remote's line and redraws when the last redraw is old enough.
    pub fn set(&self, name: &str, text: &str) {
        if !self.enabled {
            return;
        }
        let Some(index) = self.names.iter().position(|n| n == name) else {
            return;
        };
        // Progress phases come from the server (`remote: …`): no control character or bidirectional override of
        // theirs reaches the terminal.
        let text: String = crate::redact::escape_invisible(text)
            .chars()
            .filter(|c| !c.is_control())
            .collect();
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.text[index] == text {
            return;
        }
        // A remote that starts working is always shown; only the stream of percentages after it is throttled.
        let started = state.text[index] == WAITING;
        state.text[index] = text;
        if !started && state.last_draw.is_some_and(|t| t.elapsed() < REDRAW_EVERY) {
            return;
        }
        self.draw(&mut state);
    }

    fn draw(&self, state: &mut State) {
        let width = self.names.iter().map(String::len).max().unwrap_or(0);
        let mut out = String::new();
        if state.drawn {
            out.push_str(&format!("\x1b[{}F", self.names.len()));
        }
        for (name, text) in self.names.iter().zip(&state.text) {
            let line: String = format!("{name:width$}  {text}")
                .chars()
                .take(WIDTH)
                .collect();
            out.push_str(&format!("\x1b[2K{line}\n"));
        }
        let _ = std::io::stderr()
            .lock()
            .write_all(crate::redact::redact(&out).as_bytes());
        state.drawn = true;
        state.last_draw = Some(Instant::now());
    }

    /// Erases the lines so the summary takes their place.
    /// The board can be drawn again afterwards (sync's later rounds): it then starts below whatever is above.
    pub fn finish(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if self.enabled && state.drawn {
            let _ = write!(std::io::stderr().lock(), "\x1b[{}F\x1b[J", self.names.len());
            state.drawn = false;
        }
    }
}

impl Sink for Board {
    fn event(&self, event: &Event) {
        match event {
            Event::Phase { remote, text } => self.set(remote, text),
            Event::Progress { remote, progress } => self.set(remote, &progress.short()),
            Event::Finished { remote, status } => self.set(remote, status.as_str()),
            Event::Started { .. } | Event::Warning { .. } => {}
        }
    }

    fn wants_progress(&self) -> bool {
        self.enabled
    }

    fn finish(&self) {
        Board::finish(self);
    }
}

/// Warnings from anywhere below the faces, as `warning:` / `hint:` lines on stderr.
pub struct Warnings;

impl Sink for Warnings {
    fn event(&self, event: &Event) {
        TerminalFaces.tell(event);
    }
}

/// The faces of a command run on a terminal (or into a pipe): the progress board for fan-outs, warnings on
/// stderr.
pub struct TerminalFaces;

impl Faces for TerminalFaces {
    fn watch(&self, names: Vec<String>, output: Output) -> Box<dyn Sink> {
        Box::new(Board::for_terminal(names, output.json))
    }

    fn tell(&self, event: &Event) {
        if let Event::Warning { message, hint } = event {
            match hint {
                Some(hint) => crate::report::warning_with_hint(message, hint),
                None => crate::report::warning(message),
            }
        }
    }
}
