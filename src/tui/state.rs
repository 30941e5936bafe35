//! What the dashboard shows, as plain data: the repository header, each remote's row, the ref × remote matrix,
//! what is running, and which view and selection are up. Updating it never draws; drawing never changes it.

use std::collections::BTreeMap;

use crate::events::Event;
use crate::model::{Compared, Comparison, State, Status};

/// The repository line at the top.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub repository: String,
    /// `None`: detached HEAD.
    pub branch: Option<String>,
    pub head: Option<String>,
    pub primary: Option<String>,
    pub dirty: bool,
}

/// How a remote stands for the checked-out branch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Not asked yet (the first paint shows what the last fetch knew, marked as such).
    Checking,
    InSync,
    Ahead(Option<u64>),
    Behind(Option<u64>),
    Diverged(Option<u64>, Option<u64>),
    /// The remote has no such branch.
    Missing,
    Unreachable(String),
    Timeout,
}

impl Standing {
    pub fn words(&self) -> String {
        let n = |count: &Option<u64>| count.map(|c| format!(" {c}")).unwrap_or_default();
        match self {
            Standing::Checking => "checking…".into(),
            Standing::InSync => "in sync".into(),
            Standing::Ahead(a) => format!("ahead{}", n(a)),
            Standing::Behind(b) => format!("behind{}", n(b)),
            Standing::Diverged(a, b) => format!("diverged{}{}", n(a), n(b).replace(' ', "/")),
            Standing::Missing => "missing".into(),
            Standing::Unreachable(_) => "unreachable".into(),
            Standing::Timeout => "timeout".into(),
        }
    }

    /// The one-character mark beside the words (what `NO_COLOR` leaves of the colours).
    pub fn mark(&self) -> &'static str {
        match self {
            Standing::Checking => "…",
            Standing::InSync => "=",
            Standing::Ahead(_) => "↑",
            Standing::Behind(_) => "↓",
            Standing::Diverged(..) => "⇅",
            Standing::Missing => "∅",
            Standing::Unreachable(_) | Standing::Timeout => "✗",
        }
    }

    fn of(relation: &Compared) -> Standing {
        let r = relation.relation;
        match r.state {
            State::InSync => Standing::InSync,
            State::Ahead => Standing::Ahead(r.ahead),
            State::Behind => Standing::Behind(r.behind),
            State::Diverged => Standing::Diverged(r.ahead, r.behind),
            State::MissingRemote => Standing::Missing,
            State::MissingLocal => Standing::Behind(None),
            State::Unknown => Standing::Checking,
        }
    }
}

/// The name of the work that only asks the remotes how they stand.
pub const CHECK: &str = "check";

/// One remote's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteRow {
    pub name: String,
    /// `github · github.com`.
    pub host: String,
    pub url: String,
    pub api: Option<String>,
    pub standing: Standing,
    /// Whether `standing` comes from the last fetch (first paint) rather than from asking the remote now.
    pub offline: bool,
    /// The last operation here: its verb and how it ended, with when (seconds since the dashboard started).
    pub last: Option<(String, Status, u64)>,
    /// What is running here now (a phase, git's progress).
    pub activity: Option<String>,
}

/// The panes that take the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Remotes,
    Matrix,
    Activity,
}

/// What fills the screen besides the main panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Main,
    Help,
    /// The selected remote in full.
    Details,
    /// Refs whose copies differ, with the resolve actions.
    Conflicts,
    /// The audit log, newest first.
    Log,
    /// A question before something destructive: the words and the action it confirms.
    Confirm(String, Action),
}

/// Work the dashboard starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Push(Option<String>),
    Fetch(Option<String>),
    Sync(Option<String>),
    Refresh,
    /// `resolve <ref> --take <side>` (`local`, a remote) or `--merge` (`None`).
    Resolve(String, Option<String>),
    Undo(String),
    /// Read the audit log (at once: it is a local file).
    Log,
}

impl Action {
    pub fn verb(&self) -> &'static str {
        match self {
            Action::Push(_) => "push",
            Action::Fetch(_) => "fetch",
            Action::Sync(_) => "sync",
            Action::Refresh => "refresh",
            Action::Resolve(..) => "resolve",
            Action::Undo(_) => "undo",
            Action::Log => "log",
        }
    }
}

/// One log entry as the log view lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    pub id: String,
    pub text: String,
}

/// One ref whose copies differ, as the conflicts view lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictLine {
    pub name: String,
    pub kind: String,
    pub sides: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct App {
    pub header: Header,
    pub remotes: Vec<RemoteRow>,
    /// `ref -> remote -> standing`, refs in name order.
    pub matrix: BTreeMap<String, BTreeMap<String, Standing>>,
    pub view: View,
    pub pane: Pane,
    pub selected: usize,
    pub matrix_scroll: usize,
    /// `/` filter on the matrix's ref names; `Some` while typing or set.
    pub filter: Option<String>,
    pub typing_filter: bool,
    /// What runs now (`push`, …), if anything.
    pub running: Option<String>,
    /// Whether the remotes are being asked how they stand (beside any other work).
    pub checking: bool,
    /// The last thing worth saying (an operation's end, an error).
    pub message: Option<String>,
    pub conflicts: Vec<ConflictLine>,
    pub conflict_selected: usize,
    pub log: Vec<LogLine>,
    pub log_selected: usize,
    /// Colours, or marks only (`NO_COLOR`).
    pub colour: bool,
    pub quit: bool,
}

impl App {
    pub fn new(header: Header, remotes: Vec<RemoteRow>, colour: bool) -> App {
        App {
            header,
            remotes,
            matrix: BTreeMap::new(),
            view: View::Main,
            pane: Pane::Remotes,
            selected: 0,
            matrix_scroll: 0,
            filter: None,
            typing_filter: false,
            running: None,
            checking: false,
            message: None,
            conflicts: Vec::new(),
            conflict_selected: 0,
            log: Vec::new(),
            log_selected: 0,
            colour,
            quit: false,
        }
    }

    pub fn selected_remote(&self) -> Option<&RemoteRow> {
        self.remotes.get(self.selected)
    }

    fn row(&mut self, remote: &str) -> Option<&mut RemoteRow> {
        self.remotes.iter_mut().find(|r| r.name == remote)
    }

    /// A comparison of some remotes (all of them offline, or one just asked): their rows and matrix columns.
    pub fn compared(&mut self, comparison: &Comparison, remotes: &[String], offline: bool) {
        let branch = self
            .header
            .branch
            .as_ref()
            .map(|b| format!("refs/heads/{b}"));
        for remote in remotes {
            for row in self.matrix.values_mut() {
                row.remove(remote);
            }
            let standing = comparison
                .entries
                .iter()
                .find(|e| &e.remote == remote && Some(&e.name) == branch.as_ref())
                .map(Standing::of)
                .unwrap_or(Standing::Missing);
            if let Some(row) = self.row(remote) {
                if !matches!(row.standing, Standing::Unreachable(_) | Standing::Timeout) || !offline
                {
                    row.standing = standing;
                    row.offline = offline;
                }
            }
        }
        for entry in &comparison.entries {
            if remotes.contains(&entry.remote) {
                self.matrix
                    .entry(entry.name.clone())
                    .or_default()
                    .insert(entry.remote.clone(), Standing::of(entry));
            }
        }
    }

    /// A remote could not be asked.
    pub fn unreachable(&mut self, remote: &str, status: Status, why: String) {
        let standing = match status {
            Status::Timeout => Standing::Timeout,
            _ => Standing::Unreachable(why),
        };
        // What the last answer said of its refs is not known any more.
        for row in self.matrix.values_mut() {
            if let Some(cell) = row.get_mut(remote) {
                *cell = standing.clone();
            }
        }
        if let Some(row) = self.row(remote) {
            row.offline = false;
            row.standing = standing;
        }
    }

    /// What an operation said about a remote while it ran.
    pub fn event(&mut self, event: &Event, verb: &str, now: u64) {
        match event {
            Event::Started { remote } => {
                if let Some(row) = self.row(remote) {
                    row.activity = Some(format!("{verb}: starting"));
                }
            }
            Event::Phase { remote, text } => {
                if let Some(row) = self.row(remote) {
                    row.activity = Some(format!("{verb}: {text}"));
                }
            }
            Event::Progress { remote, progress } => {
                let mut text = format!("{verb}: {}", progress.short());
                if let Some(bytes) = progress.bytes {
                    text.push_str(&format!(", {}", size(bytes)));
                }
                if let Some(rate) = progress.rate {
                    text.push_str(&format!(" at {}/s", size(rate)));
                }
                if let Some(row) = self.row(remote) {
                    row.activity = Some(text);
                }
            }
            Event::Finished { remote, status } => {
                if let Some(row) = self.row(remote) {
                    row.activity = None;
                    // Asking how a remote stands is not an operation on it: the last one stays shown.
                    if verb != CHECK {
                        row.last = Some((verb.to_string(), *status, now));
                    }
                }
            }
            Event::Warning { message, .. } => self.message = Some(message.clone()),
        }
    }

    /// The matrix rows the filter lets through.
    pub fn visible_refs(&self) -> Vec<&String> {
        self.matrix
            .keys()
            .filter(|name| match &self.filter {
                Some(filter) if !filter.is_empty() => name.contains(filter.as_str()),
                _ => true,
            })
            .collect()
    }

    /// Moves the selection of the pane or view in focus by `delta`.
    pub fn move_selection(&mut self, delta: isize) {
        let step = |at: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            (at as isize + delta).clamp(0, len as isize - 1) as usize
        };
        match (&self.view, self.pane) {
            (View::Conflicts, _) => {
                self.conflict_selected = step(self.conflict_selected, self.conflicts.len())
            }
            (View::Log, _) => self.log_selected = step(self.log_selected, self.log.len()),
            (_, Pane::Matrix) => {
                self.matrix_scroll = step(self.matrix_scroll, self.visible_refs().len())
            }
            _ => self.selected = step(self.selected, self.remotes.len()),
        }
    }
}

/// `1.2 MiB`, `512 KiB`, `300 B`.
pub fn size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KIB * KIB {
        format!("{:.1} MiB", b / KIB / KIB)
    } else if b >= KIB {
        format!("{:.0} KiB", b / KIB)
    } else {
        format!("{bytes} B")
    }
}
