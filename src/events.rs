//! What operations say while they run, as typed events: a remote's job started, what it is doing (a phase,
//! git's progress with objects, bytes and rate), how it ended, and warnings. Operations emit; faces (the
//! terminal board, plain stderr lines, the TUI) subscribe through a [`Sink`]. Nothing below the faces prints.

use std::sync::RwLock;

use crate::git::Progress;
use crate::model::Status;

/// One thing that happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A remote's job began.
    Started { remote: String },
    /// What a remote's job is doing now (`pushing`, `fetching`, `Writing objects 45%`).
    Phase { remote: String, text: String },
    /// git's own progress for a remote's transfer: phase, percent, objects, bytes and rate as git reports them.
    Progress { remote: String, progress: Progress },
    /// A remote's job ended.
    Finished { remote: String, status: Status },
    /// Something worth telling the user that does not fail the command.
    Warning {
        message: String,
        hint: Option<String>,
    },
}

/// Where events go: a face that draws them (the terminal board, the TUI) or nothing.
pub trait Sink: Send + Sync {
    fn event(&self, event: &Event);
    /// Whether git's live progress is wanted at all (reading it costs a little per job).
    fn wants_progress(&self) -> bool {
        false
    }
    /// The work this sink watched is over: a live display clears itself so the summary takes its place.
    fn finish(&self) {}
}

/// A sink that drops everything (`--json`, output that is not a terminal, work nobody watches).
pub struct Quiet;

impl Sink for Quiet {
    fn event(&self, _event: &Event) {}
}

/// The sink of this process: a command's face installs it when it starts (see `report::install`); until then
/// warnings go to stderr as git prints them.
static SINK: RwLock<Option<Box<dyn Sink>>> = RwLock::new(None);

pub fn install(sink: Box<dyn Sink>) {
    *SINK.write().unwrap_or_else(|e| e.into_inner()) = Some(sink);
}

pub fn emit(event: Event) {
    let sink = SINK.read().unwrap_or_else(|e| e.into_inner());
    match sink.as_ref() {
        Some(sink) => sink.event(&event),
        None => {
            if let Event::Warning { message, hint } = &event {
                let mut text = format!("warning: {message}\n");
                if let Some(hint) = hint {
                    text.push_str(&format!("hint: {hint}\n"));
                }
                let _ = std::io::Write::write_all(&mut std::io::stderr(), text.as_bytes());
            }
        }
    }
}

/// A warning, with no hint.
pub fn warning(message: &str) {
    emit(Event::Warning {
        message: message.to_string(),
        hint: None,
    });
}
