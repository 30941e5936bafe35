//! Live progress for humans: one line per remote on stderr (phase and percent from git's `--progress`, with the
//! bytes sent or received and the rate once git reports them), then a total line, redrawn in place and erased
//! before the summary. Off unless stderr is a terminal (`--progress` forces it on, `--no-progress` off, as
//! git's own flags), and off with `--json`. The board only watches a fan-out (it is an
//! [`crate::events::Sink`]); it never runs one.

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
    /// Each remote's newest bytes and rate (kept through later phases that report none, and once it ended).
    transfer: Vec<(Option<u64>, Option<u64>)>,
    finished: Vec<bool>,
    drawn: bool,
    last_draw: Option<Instant>,
}

/// `1.20 MiB`, as git writes amounts.
pub fn amount(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.2} {}", UNITS[unit])
    }
}

/// `  1.20 MiB  3.00 MiB/s` (what is known of it), or nothing.
fn transfer_words(bytes: Option<u64>, rate: Option<u64>) -> String {
    let mut text = String::new();
    if let Some(bytes) = bytes {
        text.push_str(&format!("  {}", amount(bytes)));
    }
    if let Some(rate) = rate {
        text.push_str(&format!("  {}/s", amount(rate)));
    }
    text
}

impl Board {
    /// A board for `names` (in the order they will be reported): live on a terminal without `--json`, or as
    /// `--progress` / `--no-progress` say.
    pub fn for_terminal(names: impl IntoIterator<Item = String>, output: Output) -> Board {
        let enabled = !output.json
            && match output.progress {
                Some(forced) => forced,
                None => {
                    std::io::stderr().is_terminal()
                        && std::env::var_os("GIT_MULTI_NO_PROGRESS").is_none()
                }
            };
        Board::new(names, enabled)
    }

    pub fn new(names: impl IntoIterator<Item = String>, enabled: bool) -> Board {
        let names: Vec<String> = names.into_iter().collect();
        let text = vec![WAITING.to_string(); names.len()];
        Board {
            enabled,
            state: Mutex::new(State {
                transfer: vec![(None, None); names.len()],
                finished: vec![false; names.len()],
                text,
                drawn: false,
                last_draw: None,
            }),
            names,
        }
    }

    /// Sets a remote's line and redraws when the last redraw is old enough.
    pub fn set(&self, name: &str, text: &str) {
        self.update(name, text, None, false);
    }

    /// A remote's line, with git's progress (bytes and rate) and whether its job ended (always drawn).
    fn update(&self, name: &str, text: &str, progress: Option<&crate::git::Progress>, ended: bool) {
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
        let mut changed = state.text[index] != text;
        if let Some(p) = progress {
            let (bytes, rate) = &mut state.transfer[index];
            if p.bytes.is_some() && (p.bytes, p.rate) != (*bytes, *rate) {
                *bytes = p.bytes;
                *rate = p.rate.or(*rate);
                changed = true;
            }
        }
        if ended && !state.finished[index] {
            state.finished[index] = true;
            changed = true;
        }
        if !changed {
            return;
        }
        // A remote that starts working, and one that ends, is always shown; only the stream of percentages in
        // between is throttled.
        let started = state.text[index] == WAITING;
        state.text[index] = text;
        if !started && !ended && state.last_draw.is_some_and(|t| t.elapsed() < REDRAW_EVERY) {
            return;
        }
        self.draw(&mut state);
    }

    /// The board's height: a line per remote and the total.
    fn lines(&self) -> usize {
        self.names.len() + 1
    }

    fn draw(&self, state: &mut State) {
        let width = self.names.iter().map(String::len).max().unwrap_or(0);
        let mut out = String::new();
        if state.drawn {
            out.push_str(&format!("\x1b[{}F", self.lines()));
        }
        for ((name, text), (bytes, rate)) in self.names.iter().zip(&state.text).zip(&state.transfer)
        {
            // A finished remote keeps what it moved and its last rate; the total counts only running ones.
            let line: String = format!("{name:width$}  {text}{}", transfer_words(*bytes, *rate))
                .chars()
                .take(WIDTH)
                .collect();
            out.push_str(&format!("\x1b[2K{line}\n"));
        }
        let done = state.finished.iter().filter(|f| **f).count();
        let bytes: u64 = state.transfer.iter().filter_map(|t| t.0).sum();
        // The rate of the transfers still running.
        let rate: u64 = state
            .transfer
            .iter()
            .zip(&state.finished)
            .filter(|(_, f)| !**f)
            .filter_map(|(t, _)| t.1)
            .sum();
        let total = format!(
            "{:width$}  {done}/{} done{}",
            "total",
            self.names.len(),
            transfer_words((bytes > 0).then_some(bytes), (rate > 0).then_some(rate))
        );
        out.push_str(&format!("\x1b[2K{total}\n"));
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
            let _ = write!(std::io::stderr().lock(), "\x1b[{}F\x1b[J", self.lines());
            state.drawn = false;
        }
    }
}

impl Sink for Board {
    fn event(&self, event: &Event) {
        match event {
            Event::Phase { remote, text } => self.set(remote, text),
            Event::Progress { remote, progress } => {
                self.update(remote, &progress.short(), Some(progress), false)
            }
            Event::Finished { remote, status } => self.update(remote, status.as_str(), None, true),
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
        Box::new(Board::for_terminal(names, output))
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
