//! The dashboard's work, off the drawing thread: reading how every remote stands (from the last fetch at once,
//! then each remote asked on its own), pushing and fetching on the session's runner, and the commands whose
//! whole run is one of git-multi's own (`sync`, `resolve`, `undo`), run as a child `git-multi … --json`.
//! Everything reports back as [`Msg`]s.

use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use crossterm::event::KeyEvent;

use crate::config;
use crate::events::{Event, Sink};
use crate::git::Git;
use crate::model::{Comparison, Report, Status};
use crate::ops::run::{FetchRun, PushHow, PushRun, StatusRun};
use crate::remote_set::{Member, RemoteSet};
use crate::session::{Parallel, Session};

use super::state::{Action, Header, LogLine};

/// What reaches the dashboard's loop.
pub enum Msg {
    Key(KeyEvent),
    Resize,
    /// An event of running work (`verb`: the work's name).
    Event(String, Event),
    /// Some remotes compared: their rows and matrix columns.
    Compared {
        comparison: Comparison,
        remotes: Vec<String>,
        offline: bool,
    },
    Unreachable {
        remote: String,
        status: Status,
        why: String,
    },
    Header(Header),
    Log(Vec<LogLine>),
    /// Work ended, with one line saying how.
    Done(String),
    /// Every remote has answered how it stands (or run out of time).
    Checked,
}

/// Events of one piece of work, sent on to the loop.
struct Forward {
    tx: Mutex<Sender<Msg>>,
    verb: String,
}

impl Sink for Forward {
    fn event(&self, event: &Event) {
        let tx = self.tx.lock().unwrap_or_else(|e| e.into_inner());
        let _ = tx.send(Msg::Event(self.verb.clone(), event.clone()));
    }

    fn wants_progress(&self) -> bool {
        true
    }
}

fn forward(tx: &Sender<Msg>, verb: &str) -> Box<dyn Sink> {
    Box::new(Forward {
        tx: Mutex::new(tx.clone()),
        verb: verb.to_string(),
    })
}

/// A child `git-multi` running for the dashboard, so quitting can stop it as Ctrl-C would.
pub type Running = Arc<Mutex<Option<Child>>>;

/// The repository line: path, branch, HEAD, primary, dirty.
pub fn header(git: &Git, set: &RemoteSet) -> Header {
    Header {
        repository: git
            .toplevel()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "(bare)".into()),
        branch: git.current_branch().ok().flatten(),
        head: git.rev_parse("HEAD").ok().flatten(),
        primary: set.settings.primary.clone(),
        dirty: git.is_dirty().unwrap_or(false),
    }
}

/// How every member stands by its tracking refs: no network, for the first paint.
pub fn offline(git: &Git, set: &RemoteSet, members: &[&Member]) -> Option<Comparison> {
    let run = StatusRun::prepare(git, members, &set.settings.namespaces, false, true).ok()?;
    let reached: Vec<_> = members.iter().map(|m| run.last_fetched(m)).collect();
    run.finish(members, &reached).ok()
}

/// Asks every member how it stands, each on its own, so a hung remote holds up nobody.
pub fn refresh(session: &Session, set: &RemoteSet, members: &[&Member], tx: &Sender<Msg>) {
    let Ok(run) = StatusRun::prepare(
        &session.git,
        members,
        &set.settings.namespaces,
        false,
        false,
    ) else {
        let _ = tx.send(Msg::Done("refresh: could not read the local refs".into()));
        return;
    };
    std::thread::scope(|scope| {
        for member in members {
            let run = &run;
            scope.spawn(move || {
                let fanout = Session::fan_out_into(
                    set,
                    Parallel::default(),
                    &[*member],
                    config::DEFAULT_PROBE_TIMEOUT,
                    forward(tx, super::state::CHECK),
                );
                let reached = fanout.run(&[*member], |job| run.probe(job)).remove(0);
                if reached.status.is_failure() {
                    let _ = tx.send(Msg::Unreachable {
                        remote: member.name.clone(),
                        status: reached.status,
                        why: reached.error.clone().unwrap_or_default(),
                    });
                } else if let Ok(comparison) = run.finish(&[*member], &[reached]) {
                    let _ = tx.send(Msg::Compared {
                        comparison,
                        remotes: vec![member.name.clone()],
                        offline: false,
                    });
                }
            });
        }
    });
    let _ = tx.send(Msg::Header(header(&session.git, set)));
}

/// How a report ended, in one line: `push: 2 ok, 1 rejected`.
fn summary<D>(verb: &str, report: &Report<D>) -> String {
    let mut counts: Vec<(Status, usize)> = Vec::new();
    for outcome in &report.remotes {
        match counts.iter_mut().find(|(s, _)| *s == outcome.status) {
            Some((_, n)) => *n += 1,
            None => counts.push((outcome.status, 1)),
        }
    }
    let parts: Vec<String> = counts
        .iter()
        .map(|(s, n)| format!("{n} {}", s.as_str()))
        .collect();
    let failed: Vec<String> = report
        .remotes
        .iter()
        .filter(|o| o.status.is_failure())
        .map(|o| format!("{}: {}", o.name, o.error.as_deref().unwrap_or("failed")))
        .collect();
    let mut line = format!("{verb}: {}", parts.join(", "));
    if let Some(first) = failed.first() {
        line.push_str(&format!(" — {first}"));
    }
    line
}

/// Pushes the current branch (and the configured namespaces) to `members`, as `git multi push` does.
pub fn push(session: &Session, set: &RemoteSet, members: &[&Member], tx: &Sender<Msg>) -> String {
    let run = match PushRun::prepare_current(
        &session.git,
        members,
        &set.settings.namespaces,
        PushHow::default(),
    ) {
        Ok(run) => run,
        Err(err) => return format!("push: {}", err.message),
    };
    let fanout = Session::fan_out_into(
        set,
        Parallel::default(),
        members,
        config::DEFAULT_TIMEOUT,
        forward(tx, "push"),
    );
    let report = Report::new(fanout.run(members, |job| run.push(job)));
    crate::audit::Record::new("push")
        .args(&["push", "(from git multi tui)"])
        .outcomes(&report)
        .write(&session.git);
    summary("push", &report)
}

/// Fetches `members` (namespaces included), as `git multi fetch` does.
pub fn fetch(session: &Session, set: &RemoteSet, members: &[&Member], tx: &Sender<Msg>) -> String {
    let run = match FetchRun::prepare(&session.git, members, &set.settings.namespaces, false) {
        Ok(run) => run,
        Err(err) => return format!("fetch: {err}"),
    };
    let fanout = Session::fan_out_into(
        set,
        Parallel::default(),
        members,
        config::DEFAULT_TIMEOUT,
        forward(tx, "fetch"),
    );
    let fetched = fanout.run(members, |job| run.fetch(job));
    match run.finish(fetched) {
        Ok(outcomes) => {
            let report = Report::new(outcomes);
            crate::audit::Record::new("fetch")
                .args(&["fetch", "(from git multi tui)"])
                .outcomes(&report)
                .write(&session.git);
            summary("fetch", &report)
        }
        Err(err) => format!("fetch: {err}"),
    }
}

/// The command line of a child `git-multi` for `action`.
pub fn child_args(action: &Action) -> Vec<String> {
    let mut args: Vec<String> = match action {
        Action::Sync(remote) => {
            let mut a = vec!["sync".to_string()];
            // One remote: merge its copy in (no primary needed), then push back everywhere it can.
            if let Some(remote) = remote {
                a.extend(["--primary".to_string(), remote.clone()]);
            }
            a
        }
        Action::Resolve(name, Some(side)) => {
            vec![
                "resolve".into(),
                name.clone(),
                "--take".into(),
                side.clone(),
            ]
        }
        Action::Resolve(name, None) => vec!["resolve".into(), name.clone(), "--merge".into()],
        Action::Undo(id) => vec!["undo".into(), id.clone()],
        Action::Push(_) | Action::Fetch(_) | Action::Refresh | Action::Log => Vec::new(),
    };
    args.push("--json".into());
    args
}

/// Runs `git-multi <args>` in this repository and says how it ended, from its JSON document.
pub fn child(git: &Git, verb: &str, args: &[String], running: &Running) -> String {
    let Ok(exe) = std::env::current_exe() else {
        return format!("{verb}: cannot find git-multi itself");
    };
    let mut command = Command::new(exe);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(dir) = git.toplevel() {
        command.current_dir(dir);
    }
    let spawned = match command.spawn() {
        Ok(child) => child,
        Err(err) => return format!("{verb}: {err}"),
    };
    *running.lock().unwrap_or_else(|e| e.into_inner()) = Some(spawned);
    let output = loop {
        let mut slot = running.lock().unwrap_or_else(|e| e.into_inner());
        let Some(child) = slot.as_mut() else {
            return format!("{verb}: stopped");
        };
        match child.try_wait() {
            Ok(Some(_)) => break slot.take().map(|c| c.wait_with_output()),
            Ok(None) => {}
            Err(err) => return format!("{verb}: {err}"),
        }
        drop(slot);
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let Some(Ok(output)) = output else {
        return format!("{verb}: no answer");
    };
    describe(verb, &String::from_utf8_lossy(&output.stdout))
}

/// One line from a `--json` document: its remotes' statuses, or its error.
fn describe(verb: &str, json: &str) -> String {
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(json) else {
        return format!("{verb}: finished");
    };
    if let Some(error) = doc["error"].as_str() {
        return format!("{verb}: {error}");
    }
    let statuses: Vec<String> = doc["remotes"]
        .as_array()
        .map(|r| {
            r.iter()
                .map(|o| {
                    format!(
                        "{} {}",
                        o["name"].as_str().unwrap_or("?"),
                        o["status"].as_str().unwrap_or("?")
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let ok = if doc["ok"] == true { "ok" } else { "not ok" };
    if statuses.is_empty() {
        format!("{verb}: {ok}")
    } else {
        format!("{verb}: {ok} ({})", statuses.join(", "))
    }
}

/// The audit log, newest first.
pub fn log(git: &Git) -> Vec<LogLine> {
    crate::audit::read(git)
        .unwrap_or_default()
        .into_iter()
        .rev()
        .filter(|e| e.changed_remotes())
        .map(|e| LogLine {
            text: format!("{}  git multi {}", e.time, e.args.join(" ")),
            id: e.id,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_document_reads_as_one_line() {
        assert_eq!(
            describe(
                "sync",
                r#"{"ok":true,"remotes":[{"name":"a","status":"ok"},{"name":"b","status":"up-to-date"}]}"#
            ),
            "sync: ok (a ok, b up-to-date)"
        );
        assert_eq!(
            describe(
                "undo",
                r#"{"ok":false,"error":"nothing left to undo","hints":[]}"#
            ),
            "undo: nothing left to undo"
        );
        assert_eq!(
            child_args(&Action::Resolve(
                "refs/heads/x".into(),
                Some("local".into())
            )),
            ["resolve", "refs/heads/x", "--take", "local", "--json"]
        );
    }
}
