//! What `git multi retry` re-runs: the last operation's command line and the remotes it failed on, kept in
//! `.git/multi/last` (JSON). Every fan-out's events pass through [`observe`], so whichever command ran, the
//! remotes that ended in failure are known without each command reporting them.

use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::events::{Event, Sink};
use crate::git::Git;
use crate::model::Status;

const FILE: &str = "last";
/// What [`crate::audit::command_line`] puts where a secret was: such a command line cannot be run again.
pub const MASK: &str = "***";

/// One run of an operation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Run {
    /// The command's words (`push`, `branch create`).
    pub verb: String,
    /// The command line after `git multi`, secrets masked.
    pub args: Vec<String>,
    /// The remotes that ended in failure, in the set's order.
    pub failed: Vec<String>,
    /// The run failed (exit 1 or 4), on remotes or for another reason.
    pub run_failed: bool,
    pub time: String,
    /// This run was a `git multi retry`.
    #[serde(default)]
    pub retry: bool,
}

/// The file: the last operation that was not a retry (whose `failed` each retry of it narrows), and the last
/// run of all.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct LastRuns {
    pub operation: Option<Run>,
    pub last: Option<Run>,
}

/// Each remote's last word in this process: failed, or fine. A remote that failed and was then only skipped
/// (sync does not push where it could not fetch) stays failed.
static FINISHED: Mutex<Vec<(String, bool)>> = Mutex::new(Vec::new());
static FANNED_OUT: AtomicBool = AtomicBool::new(false);

/// A sink that notes how each remote's job ended, then hands every event on to `inner`.
struct Observed {
    inner: Box<dyn Sink>,
}

impl Sink for Observed {
    fn event(&self, event: &Event) {
        if let Event::Finished { remote, status } = event {
            FANNED_OUT.store(true, Ordering::Relaxed);
            let mut finished = FINISHED.lock().unwrap_or_else(|e| e.into_inner());
            let failed = status.is_failure();
            match finished.iter_mut().find(|(name, _)| name == remote) {
                Some((_, was)) if *status == Status::Skipped => *was |= failed,
                Some((_, was)) => *was = failed,
                None => finished.push((remote.clone(), failed)),
            }
        }
        self.inner.event(event);
    }

    fn wants_progress(&self) -> bool {
        self.inner.wants_progress()
    }

    fn finish(&self) {
        self.inner.finish();
    }
}

/// `sink`, watched for how each remote's job ends.
pub fn observe(sink: Box<dyn Sink>) -> Box<dyn Sink> {
    Box::new(Observed { inner: sink })
}

/// Whether this process fanned out to any remote (only then is it an operation worth retrying).
pub fn fanned_out() -> bool {
    FANNED_OUT.load(Ordering::Relaxed)
}

/// The remotes whose work ended in failure in this process, in the order they finished.
pub fn failed() -> Vec<String> {
    FINISHED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|(_, failed)| *failed)
        .map(|(name, _)| name.clone())
        .collect()
}

fn path(git: &Git) -> io::Result<PathBuf> {
    git.common_dir()
        .map(|d| d.join(crate::audit::DIR).join(FILE))
        .map_err(|e| io::Error::other(e.to_string()))
}

/// The record; none yet (or one this version cannot read) is an empty one.
pub fn read(git: &Git) -> io::Result<LastRuns> {
    match std::fs::read_to_string(path(git)?) {
        Ok(text) => Ok(serde_json::from_str(&text).unwrap_or_default()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(LastRuns::default()),
        Err(err) => Err(err),
    }
}

/// Notes `run` as the last run; an operation that is no retry also becomes the one `retry` re-runs. A retry
/// of the operation (`retried` = the remotes it ran on) takes the remotes that now worked off its list.
/// Trouble writing is a warning: the operation itself is done.
pub fn save(git: &Git, run: Run, retried: Option<&[String]>) {
    let written = path(git).and_then(|file| {
        let mut runs = read(git).unwrap_or_default();
        if run.retry {
            if let (Some(operation), Some(retried)) = (runs.operation.as_mut(), retried) {
                if operation.args == run.args {
                    let now_failed = &run.failed;
                    operation
                        .failed
                        .retain(|n| !retried.contains(n) || now_failed.contains(n));
                    operation.run_failed = run.run_failed;
                }
            }
        } else {
            runs.operation = Some(run.clone());
        }
        runs.last = Some(run);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = serde_json::to_string_pretty(&runs).map_err(io::Error::other)?;
        // Written aside and renamed, so a reader never sees half a file.
        let partial = file.with_extension("tmp");
        std::fs::write(&partial, text + "\n")?;
        std::fs::rename(&partial, &file)
    });
    if let Err(err) = written {
        crate::events::warning(&format!(
            "`git multi retry` will not know this run: could not write .git/{}/{FILE}: {err}",
            crate::audit::DIR
        ));
    }
}

/// This process's command line as a record keeps it (secrets masked).
pub fn this_command_line() -> Vec<String> {
    crate::audit::command_line(
        std::env::args_os()
            .skip(1)
            .map(|a| a.to_string_lossy().into_owned()),
    )
}

/// A run of this process now.
pub fn run_now(verb: &str, args: Vec<String>, run_failed: bool, retry: bool) -> Run {
    Run {
        verb: verb.to_string(),
        args,
        failed: failed(),
        run_failed,
        time: crate::clock::rfc3339(crate::clock::now_secs()),
        retry,
    }
}
