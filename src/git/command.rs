//! One git invocation: the argument vector, the environment that keeps git parseable and silent, and the wait
//! loop that enforces the deadline and the interrupt flag by killing the whole process tree of that git.

use std::ffi::OsString;
use std::time::{Duration, Instant};

use super::bounded::Collector;
use super::{process, progress, version, Git, GitError};
use crate::redact::redact;

/// What a finished git process left behind.
#[derive(Debug, Clone)]
pub struct GitOutput {
    pub stdout: String,
    pub stderr: String,
    pub code: Option<i32>,
}

impl GitOutput {
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }
}

/// One git invocation being prepared.
pub struct GitCommand<'a> {
    pub(super) git: &'a Git,
    pub(super) config: Vec<(String, String)>,
    pub(super) args: Vec<OsString>,
    pub(super) stdin: Option<Vec<u8>>,
    pub(super) background: bool,
    pub(super) timeout: Option<Duration>,
    pub(super) progress: Option<&'a ProgressSink<'a>>,
}

/// Receives git's live progress (`Writing objects: 45% (9/20), 1.20 MiB | 3.00 MiB/s`) while a job runs.
pub type ProgressSink<'s> = dyn Fn(&super::Progress) + Sync + 's;

impl<'a> GitCommand<'a> {
    /// A job that runs beside others: it must never prompt, and it gets its own session so that a timeout or
    /// Ctrl-C can kill git together with its ssh or remote-helper children.
    pub fn background(mut self) -> Self {
        self.background = true;
        self
    }

    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = timeout;
        self
    }

    /// Streams git's progress to `sink`; the caller adds `--progress` where the command takes it.
    pub fn progress(mut self, sink: Option<&'a ProgressSink<'a>>) -> Self {
        self.progress = sink;
        self
    }

    pub fn stdin(mut self, bytes: Vec<u8>) -> Self {
        self.stdin = Some(bytes);
        self
    }

    /// A setting for this invocation only, like `-c key=value` but passed in the environment.
    pub fn config(mut self, key: &str, value: &str) -> Self {
        self.config.push((key.to_string(), value.to_string()));
        self
    }

    /// The command as shown to users: `git ls-remote -- origin`, with secrets in URLs redacted.
    pub fn display(&self) -> String {
        let mut shown = String::from("git");
        for arg in &self.args {
            shown.push(' ');
            shown.push_str(&arg.to_string_lossy());
        }
        redact(&shown).into_owned()
    }

    /// Runs git and fails unless it exits 0.
    pub fn run(self) -> Result<GitOutput, GitError> {
        self.run_accepting(GitOutput::success)
    }

    /// Runs git and fails unless `accept` takes what it did (some commands report "nothing to do" through
    /// their exit code).
    pub fn run_accepting(self, accept: impl Fn(&GitOutput) -> bool) -> Result<GitOutput, GitError> {
        let command = self.display();
        let output = self.run_unchecked()?;
        if accept(&output) {
            Ok(output)
        } else {
            Err(GitError::Failed {
                command,
                code: output.code,
                stderr: output.stderr,
            })
        }
    }

    /// Runs git and hands back whatever it printed, whatever its exit code; errors only when git could not be
    /// run or was stopped by the deadline or an interrupt.
    pub fn run_unchecked(self) -> Result<GitOutput, GitError> {
        let command = self.display();
        let mut config = self.config;
        if self.background && self.git.version >= version::CREDENTIAL_INTERACTIVE {
            config.push(("credential.interactive".into(), "false".into()));
        }

        // stderr streams through a pipe into a bounded buffer (head and tail, see `bounded`): a server that
        // prints megabytes costs neither memory nor screen, and live progress reads the buffer's end.
        let (stderr_reader, stderr_writer) = os_pipe::pipe().map_err(|source| GitError::Spawn {
            command: command.clone(),
            source,
        })?;
        let mut expression = duct::cmd(&self.git.exe, self.args);
        if let Some(dir) = &self.git.dir {
            expression = expression.dir(dir);
        }
        let mut expression = expression
            .env("LC_ALL", "C")
            .env("LANGUAGE", "C")
            .stdout_capture()
            .unchecked();
        expression = expression.stderr_file(stderr_writer);
        expression = match self.stdin {
            Some(bytes) => expression.stdin_bytes(bytes),
            None => expression.stdin_null(),
        };
        if self.background {
            // An empty GIT_ASKPASS makes git skip every askpass program (core.askPass, SSH_ASKPASS) and fall
            // through to the terminal prompt, which GIT_TERMINAL_PROMPT=0 turns into an error.
            expression = expression
                .env("GIT_TERMINAL_PROMPT", "0")
                .env("GIT_ASKPASS", "")
                .env("SSH_ASKPASS_REQUIRE", "never")
                .before_spawn(|command| {
                    process::detach(command);
                    Ok(())
                });
        }
        // Settings for this run travel as GIT_CONFIG_KEY_n/VALUE_n (same scope as `-c`), so they stay out of
        // argv; they go after any the user already passes that way, which keep working.
        if !config.is_empty() {
            let first: usize = std::env::var("GIT_CONFIG_COUNT")
                .ok()
                .and_then(|n| n.trim().parse().ok())
                .unwrap_or(0);
            for (i, (key, value)) in config.iter().enumerate() {
                expression = expression
                    .env(format!("GIT_CONFIG_KEY_{}", first + i), key)
                    .env(format!("GIT_CONFIG_VALUE_{}", first + i), value);
            }
            expression = expression.env("GIT_CONFIG_COUNT", (first + config.len()).to_string());
        }

        let started = Instant::now();
        let handle = expression.start().map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => GitError::NotInstalled,
            _ => GitError::Spawn {
                command: command.clone(),
                source,
            },
        })?;
        // Our copy of the pipe's write end goes with the expression, so the reader sees the end when git's does.
        drop(expression);
        let stderr = Collector::start(stderr_reader);
        let deadline = self.timeout.map(|t| started + t);
        let slice = Duration::from_millis(50);
        loop {
            let wake = match deadline {
                Some(deadline) => deadline.min(Instant::now() + slice),
                None => Instant::now() + slice,
            };
            let finished = handle
                .wait_deadline(wake)
                .map_err(|source| GitError::Spawn {
                    command: command.clone(),
                    source,
                })?;
            if let Some(output) = finished {
                if self.background {
                    for pid in handle.pids() {
                        process::released(pid);
                    }
                }
                return Ok(GitOutput {
                    stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
                    stderr: stderr.finish(LINGER),
                    code: output.status.code(),
                });
            }
            if let Some(sink) = self.progress {
                if let Some(latest) =
                    progress::latest(&from_line_start(stderr.recent(PROGRESS_TAIL)))
                {
                    sink(&latest);
                }
            }
            let interrupted = crate::interrupt::requested();
            let expired = deadline.is_some_and(|d| Instant::now() >= d);
            if interrupted || expired {
                stop(&handle, self.background);
                if self.background {
                    for pid in handle.pids() {
                        process::released(pid);
                    }
                }
                return Err(if interrupted {
                    GitError::Interrupted { command }
                } else {
                    GitError::TimedOut {
                        command,
                        after: self.timeout.unwrap_or_default(),
                    }
                });
            }
        }
    }
}

/// Stops a running git: SIGTERM to its process group (git removes its lock files, here and in a local remote, and
/// hooks stop), up to [`process::GRACE`] for the group to end, then SIGKILL for whatever is left.
fn stop(handle: &duct::Handle, detached: bool) {
    let pids = handle.pids();
    for &pid in &pids {
        process::terminate_tree(pid, detached);
    }
    let until = Instant::now() + process::GRACE;
    loop {
        let leader_done = matches!(handle.try_wait(), Ok(Some(_)) | Err(_));
        // A job in its own group may leave members behind its leader (receive-pack, a hook, ssh).
        let group_done = !detached || !pids.iter().any(|&pid| process::alive(pid, true));
        if (leader_done && group_done) || Instant::now() >= until {
            break;
        }
        // Waiting on the leader wakes at its exit; the rest of the group is checked between short slices.
        let _ = handle.wait_deadline((Instant::now() + Duration::from_millis(20)).min(until));
    }
    for &pid in &pids {
        if detached && process::alive(pid, true) {
            process::kill_tree(pid, true);
        }
    }
    // The leader itself (SIGKILL, then reaped) if it is still there.
    let _ = handle.kill();
    let _ = handle.wait();
}

/// How much of stderr's end live progress looks at: the latest progress line is there.
const PROGRESS_TAIL: usize = 4096;
/// How long a finished git's stderr may stay open (a grandchild holding it) before we take what arrived.
const LINGER: Duration = Duration::from_secs(1);

/// `tail` from its first line boundary on, when it does not start one: a cut progress line is not read.
fn from_line_start(mut tail: Vec<u8>) -> Vec<u8> {
    if tail.len() >= PROGRESS_TAIL {
        if let Some(boundary) = tail.iter().position(|&b| b == b'\r' || b == b'\n') {
            tail.drain(..=boundary);
        }
    }
    tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_read_from_a_line_boundary() {
        let mut log = String::new();
        for n in 0..400 {
            log.push_str(&format!("Counting objects: {:3}% ({n}/400)\r", n / 4));
        }
        log.push_str("Writing objects:  45% (9/20)\r");
        let bytes = log.as_bytes();
        let tail = from_line_start(bytes[bytes.len() - PROGRESS_TAIL..].to_vec());
        assert!(
            tail.starts_with(b"Counting objects:"),
            "{:?}",
            String::from_utf8_lossy(&tail[..40])
        );
        assert_eq!(
            progress::latest(&tail).map(|p| p.short()).as_deref(),
            Some("Writing objects 45%")
        );
    }
}
