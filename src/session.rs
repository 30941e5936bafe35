//! One invocation's session, built once from the command line and the configuration: the repository, its
//! remote set, how work on the remotes runs (jobs and per-host caps, the time each remote gets, the retry
//! policy of the runner, the interrupt flag), where the jobs' events go, and how results are shown. Commands
//! and operations take it; every fan-out is made by [`Session::fan_out`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::events::{Event, Quiet, Sink};
use crate::git::Git;
use crate::remote_set::{Member, RemoteSet};
use crate::runner::{FanOut, Pool, Shared};

/// How results are shown, from the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Output {
    /// `--json`: one JSON document on stdout, no live display.
    pub json: bool,
    /// `--progress` (Some(true)) / `--no-progress` (Some(false)): the live display forced on or off; `None`:
    /// on a terminal only.
    pub progress: Option<bool>,
}

/// `-j` and `--timeout` as given (neither: the configuration's, else the defaults).
#[derive(Debug, Clone, Copy, Default)]
pub struct Parallel {
    pub jobs: Option<usize>,
    pub timeout: Option<Duration>,
}

/// Who watches a fan-out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watch {
    /// The live face of this output mode (the progress board on a terminal, nothing with `--json`).
    Live,
    /// Nobody: work whose progress means nothing to the user (a probe inside another step).
    Nobody,
}

/// Makes the live face for a fan-out over `names` (installed by the command line's top: the faces live above
/// the operations, which only emit events).
pub trait Faces: Sync {
    fn watch(&self, names: Vec<String>, output: Output) -> Box<dyn Sink>;
    /// A warning or note worth telling now (the drift of the set).
    fn tell(&self, event: &Event);
}

pub struct Session {
    pub git: Git,
    pub output: Output,
    faces: &'static dyn Faces,
    /// Drift is reported once per command, however often the set is read.
    drift_reported: AtomicBool,
    /// `git multi retry`: the remotes this run is narrowed to (see [`RemoteSet::narrow`]).
    narrow: Option<Vec<String>>,
    /// Slots this session's fan-outs share with other sessions running at the same time (a workspace).
    shared: Option<Arc<Shared>>,
}

impl Session {
    /// Locates git and makes sure the current directory (after `git -C`, `GIT_DIR`, worktrees…) is a repository.
    pub fn open(faces: &'static dyn Faces, output: Output) -> Result<Session> {
        let git = Git::locate()?;
        if let Err(err) = git.git_dir() {
            // A config file git cannot parse fails every git command here, looking like "no repository".
            if let Some(unreadable) = err.stderr().and_then(crate::config::unreadable) {
                return Err(unreadable);
            }
            let detail = err
                .stderr()
                .map(crate::git::failure_summary)
                .unwrap_or_else(|| err.to_string());
            return Err(Error::usage(format!("not inside a git repository ({detail})"))
                .hint("run git multi inside a repository, create one with `git init`, or point at one with `git -C <dir> multi …`"));
        }
        Ok(Session::at(git, faces, output))
    }

    /// The session of a repository found by other means (a clone just made, a workspace member).
    pub fn at(git: Git, faces: &'static dyn Faces, output: Output) -> Session {
        Session {
            git,
            output,
            faces,
            drift_reported: AtomicBool::new(false),
            narrow: None,
            shared: None,
        }
    }

    /// This session, with every selection of remotes narrowed to `remotes` (`git multi retry`).
    pub fn narrowed_to(mut self, remotes: Vec<String>) -> Session {
        self.narrow = (!remotes.is_empty()).then_some(remotes);
        self
    }

    /// This session's fan-outs also take their slots from `shared`, so `-j` and the per-host caps hold across
    /// every session drawing from it (a workspace runs one per repository at once).
    pub fn sharing(mut self, shared: Arc<Shared>) -> Session {
        self.shared = Some(shared);
        self
    }

    /// A warning (and the hint that fixes it) from an operation, to this session's faces.
    pub fn warn(&self, message: String, hint: Option<String>) {
        self.faces.tell(&Event::Warning { message, hint });
    }

    /// A session for work on another thread: the same repository, faces and output, drift already said.
    pub fn for_worker(&self) -> Session {
        Session {
            git: self.git.clone(),
            output: self.output,
            faces: self.faces,
            drift_reported: AtomicBool::new(true),
            narrow: self.narrow.clone(),
            shared: self.shared.clone(),
        }
    }

    /// The remote set; the first read of a command also reports its drift (`warning:` + `hint:`).
    pub fn remote_set(&self) -> Result<RemoteSet> {
        let mut set = RemoteSet::load(&self.git)?;
        set.narrow = self.narrow.clone();
        if !self.drift_reported.swap(true, Ordering::Relaxed) {
            for drift in set.drift() {
                self.faces.tell(&Event::Warning {
                    message: drift.message.clone(),
                    hint: Some(drift.hint.clone()),
                });
            }
        }
        Ok(set)
    }

    /// The remote set without reporting drift, for commands that change the set: they report what is left
    /// afterwards with [`Session::report_drift`], not what they are about to repair.
    pub fn remote_set_unreported(&self) -> Result<RemoteSet> {
        let mut set = RemoteSet::load(&self.git)?;
        set.narrow = self.narrow.clone();
        Ok(set)
    }

    /// Reads the set again and reports its drift, unless that was done already.
    pub fn report_drift(&self) {
        if !self.drift_reported.load(Ordering::Relaxed) {
            let _ = self.remote_set();
        }
    }

    /// The one way a fan-out is made: a pool for `members` (`-j`, else `multi.jobs`, else one per remote up to
    /// 8; ssh capped per host), each remote's time budget (`--timeout`, else `multi.timeout`, else `default`),
    /// and its events going to `watch`.
    pub fn fan_out(
        &self,
        set: &RemoteSet,
        parallel: Parallel,
        members: &[&Member],
        default: Duration,
        watch: Watch,
    ) -> FanOut<'static> {
        let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
        let sink: Box<dyn Sink> = match watch {
            Watch::Live => self.faces.watch(names, self.output),
            Watch::Nobody => Box::new(Quiet),
        };
        // How each remote ends is kept for `git multi retry`.
        let sink = crate::last_run::observe(sink);
        let mut fanout = Session::fan_out_into(set, parallel, members, default, sink);
        if let Some(shared) = &self.shared {
            fanout.pool = fanout.pool.clone().sharing(shared.clone());
        }
        fanout
    }

    /// [`Session::fan_out`] with the events going to `sink` (a face that watches on its own terms: the TUI).
    pub fn fan_out_into<'s>(
        set: &RemoteSet,
        parallel: Parallel,
        members: &[&Member],
        default: Duration,
        sink: Box<dyn Sink + 's>,
    ) -> FanOut<'s> {
        FanOut {
            pool: Pool::new(&set.settings, parallel.jobs, members.len()),
            budget: parallel.timeout.or(set.settings.timeout).unwrap_or(default),
            sink,
        }
    }
}
