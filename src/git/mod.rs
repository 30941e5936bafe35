//! The git gateway: the only place in git-multi that runs `git`.
//!
//! Every spawn goes through [`GitCommand`]: an argument vector (never a shell), `LC_ALL=C` so messages are
//! parseable, stdin closed, and for background jobs no way to prompt (no terminal, no askpass) plus a
//! deadline and the interrupt flag, either of which kills the whole process tree of that git.

mod config_list;
mod failure;
mod ls_remote;
mod process;
mod progress;
mod push;
mod refs;
mod version;

pub use config_list::ConfigEntry;
pub use failure::{classify, summary as failure_summary, FailureKind};
pub use ls_remote::{head_branch, RemoteRef};
pub use push::{remote_messages, PushedRef, RefStatus};
pub use refs::PushOptions;
pub use version::GitVersion;

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::redact::redact;

/// How long `git credential fill` may take before the token is treated as absent.
const CREDENTIAL_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("git was not found on PATH")]
    NotInstalled,
    #[error(
        "git {found} is too old: git-multi needs git {} or newer",
        version::MINIMUM
    )]
    TooOld { found: GitVersion },
    #[error("could not run `{command}`: {source}")]
    Spawn {
        command: String,
        source: std::io::Error,
    },
    #[error("`{command}` failed: {}", first_line_or_code(.stderr, *.code))]
    Failed {
        command: String,
        code: Option<i32>,
        stderr: String,
    },
    #[error("`{command}` did not finish within {}s and was stopped", .after.as_secs())]
    TimedOut { command: String, after: Duration },
    #[error("`{command}` was interrupted")]
    Interrupted { command: String },
}

fn first_line_or_code(stderr: &str, code: Option<i32>) -> String {
    let message = failure::summary(stderr);
    if message.is_empty() {
        match code {
            Some(code) => format!("exit code {code}"),
            None => "killed by a signal".to_string(),
        }
    } else {
        redact(&message).into_owned()
    }
}

impl GitError {
    /// git's own stderr, when git ran and failed.
    pub fn stderr(&self) -> Option<&str> {
        match self {
            GitError::Failed { stderr, .. } => Some(stderr),
            _ => None,
        }
    }
}

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

/// The located, version-checked git executable.
#[derive(Debug, Clone)]
pub struct Git {
    exe: PathBuf,
    version: GitVersion,
}

impl Git {
    /// Finds `git` on PATH with `which` and checks its version once.
    pub fn locate() -> Result<Git, GitError> {
        let exe = which::which("git").map_err(|_| GitError::NotInstalled)?;
        let probe = Git {
            exe,
            version: version::MINIMUM,
        };
        let output = probe.command(["version"]).run_unchecked()?;
        let version = GitVersion::parse(&output.stdout).ok_or_else(|| GitError::Failed {
            command: "git version".into(),
            code: output.code,
            stderr: format!("unrecognised version string {:?}", output.stdout.trim()),
        })?;
        if version < version::MINIMUM {
            return Err(GitError::TooOld { found: version });
        }
        Ok(Git { version, ..probe })
    }

    /// A git invocation; nothing runs until one of the `run` methods.
    pub fn command<I, S>(&self, args: I) -> GitCommand<'_>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        GitCommand {
            git: self,
            config: Vec::new(),
            args: args
                .into_iter()
                .map(|a| a.as_ref().to_os_string())
                .collect(),
            stdin: None,
            background: false,
            timeout: None,
            progress: None,
        }
    }
}

/// One git invocation being prepared.
pub struct GitCommand<'a> {
    git: &'a Git,
    config: Vec<(String, String)>,
    args: Vec<OsString>,
    stdin: Option<Vec<u8>>,
    background: bool,
    timeout: Option<Duration>,
    progress: Option<&'a ProgressSink<'a>>,
}

/// Receives git's live progress (`Writing objects: 45% (9/20)`) while a job runs.
pub type ProgressSink<'s> = dyn Fn(&str) + Sync + 's;

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

        // Live progress needs stderr while git runs: it goes to a file read at every wait slice.
        let stderr_file = match self.progress {
            Some(_) => Some(
                tempfile::NamedTempFile::new().map_err(|source| GitError::Spawn {
                    command: command.clone(),
                    source,
                })?,
            ),
            None => None,
        };
        let mut expression = duct::cmd(&self.git.exe, self.args)
            .env("LC_ALL", "C")
            .env("LANGUAGE", "C")
            .stdout_capture()
            .unchecked();
        expression = match &stderr_file {
            Some(file) => expression.stderr_path(file.path()),
            None => expression.stderr_capture(),
        };
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
                let stderr = match &stderr_file {
                    Some(file) => std::fs::read(file.path()).unwrap_or_default(),
                    None => output.stderr.clone(),
                };
                return Ok(GitOutput {
                    stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
                    stderr: String::from_utf8_lossy(&stderr).into_owned(),
                    code: output.status.code(),
                });
            }
            if let (Some(sink), Some(file)) = (self.progress, &stderr_file) {
                if let Some(latest) = stderr_tail(file.path()).and_then(|b| progress::latest(&b)) {
                    sink(&latest);
                }
            }
            let interrupted = crate::interrupt::requested();
            let expired = deadline.is_some_and(|d| Instant::now() >= d);
            if interrupted || expired {
                for pid in handle.pids() {
                    process::kill_tree(pid, self.background);
                }
                let _ = handle.kill();
                let _ = handle.wait();
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

/// Operations used across commands, one method each.
impl Git {
    /// Fails with [`GitError::Failed`] outside a repository.
    pub fn git_dir(&self) -> Result<PathBuf, GitError> {
        let output = self.command(["rev-parse", "--absolute-git-dir"]).run()?;
        Ok(PathBuf::from(output.stdout.trim_end()))
    }

    /// Every config entry whose key matches `regex`, from all scopes, in file order.
    pub fn config_entries(&self, regex: &str) -> Result<Vec<ConfigEntry>, GitError> {
        // 1 means "no such key": an empty set, not an error.
        let output = self
            .command(["config", "-z", "--get-regexp", regex])
            .run_accepting(|o| matches!(o.code, Some(0 | 1)))?;
        Ok(config_list::parse(&output.stdout))
    }

    pub fn config_set(&self, key: &str, value: &str) -> Result<(), GitError> {
        self.command(["config", "--local", "--", key, value])
            .run()
            .map(drop)
    }

    /// Removes `key`; a key that is not there (exit 5) is fine.
    pub fn config_unset(&self, key: &str) -> Result<(), GitError> {
        self.command(["config", "--local", "--unset-all", "--", key])
            .run_accepting(|o| matches!(o.code, Some(0 | 5)))
            .map(drop)
    }

    /// Renames a `[multi "<old>"]`-style section; a section that is not there is fine.
    pub fn config_rename_section(&self, old: &str, new: &str) -> Result<(), GitError> {
        self.command(["config", "--local", "--rename-section", old, new])
            .run_accepting(done_or_no_such_section)
            .map(drop)
    }

    /// Removes a section; a section that is not there is fine.
    pub fn config_remove_section(&self, section: &str) -> Result<(), GitError> {
        self.command(["config", "--local", "--remove-section", section])
            .run_accepting(done_or_no_such_section)
            .map(drop)
    }

    /// Would git accept `name` as a remote name? (Same rule as `git remote add`: `refs/remotes/<name>/test`
    /// must be a valid ref name.)
    pub fn is_valid_remote_name(&self, name: &str) -> Result<bool, GitError> {
        if name.is_empty() || name.starts_with('-') {
            return Ok(false);
        }
        let output = self
            .command(["check-ref-format", &format!("refs/remotes/{name}/test")])
            .run_unchecked()?;
        Ok(output.success())
    }

    pub fn remote_add(&self, name: &str, url: &str) -> Result<(), GitError> {
        self.command(["remote", "add", "--", name, url])
            .run()
            .map(drop)
    }

    pub fn remote_remove(&self, name: &str) -> Result<(), GitError> {
        self.command(["remote", "remove", "--", name])
            .run()
            .map(drop)
    }

    pub fn remote_rename(&self, old: &str, new: &str) -> Result<(), GitError> {
        self.command(["remote", "rename", "--", old, new])
            .run()
            .map(drop)
    }

    pub fn remote_set_url(&self, name: &str, url: &str) -> Result<(), GitError> {
        self.command(["remote", "set-url", "--", name, url])
            .run()
            .map(drop)
    }

    /// `git ls-remote --symref` of a remote, as a background job bounded by `timeout`.
    pub fn ls_remote(
        &self,
        remote: &str,
        timeout: Option<Duration>,
    ) -> Result<Vec<RemoteRef>, GitError> {
        let output = self
            .command(["ls-remote", "--symref", "--", remote])
            .background()
            .timeout(timeout)
            .run()?;
        Ok(ls_remote::parse(&output.stdout))
    }

    /// `git credential fill` for `protocol://host`, without prompting: the password the user's credential
    /// helpers hold, or `None`. The request and the answer travel on stdin/stdout, never in argv.
    pub fn credential_fill(&self, protocol: &str, host: &str) -> Result<Option<String>, GitError> {
        let request = format!("protocol={protocol}\nhost={host}\n\n");
        let output = match self
            .command(["credential", "fill"])
            .background()
            .stdin(request.into_bytes())
            // A helper waiting for a desktop unlock must not hold every host's command hostage.
            .timeout(Some(CREDENTIAL_TIMEOUT))
            .run_unchecked()
        {
            Err(GitError::TimedOut { .. }) => return Ok(None),
            other => other?,
        };
        if !output.success() {
            // No helper has it and prompting is off: that is "not found", not an error.
            return Ok(None);
        }
        Ok(output
            .stdout
            .lines()
            .find_map(|l| l.strip_prefix("password="))
            .filter(|p| !p.is_empty())
            .map(str::to_string))
    }

    /// The work tree's top directory; `None` in a bare repository.
    pub fn toplevel(&self) -> Option<PathBuf> {
        let output = self.command(["rev-parse", "--show-toplevel"]).run().ok()?;
        let path = output.stdout.trim_end();
        (!path.is_empty()).then(|| PathBuf::from(path))
    }
}

fn done_or_no_such_section(output: &GitOutput) -> bool {
    output.success() || output.stderr.contains("no such section")
}

/// The last few KiB git wrote to stderr, from a line boundary on: the latest progress line is there, and a
/// long transfer's log is not re-read at every wait slice.
fn stderr_tail(path: &std::path::Path) -> Option<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    const TAIL: u64 = 4096;
    let mut file = std::fs::File::open(path).ok()?;
    let start = file.metadata().ok()?.len().saturating_sub(TAIL);
    file.seek(SeekFrom::Start(start)).ok()?;
    let mut tail = Vec::new();
    file.read_to_end(&mut tail).ok()?;
    if start > 0 {
        let boundary = tail.iter().position(|&b| b == b'\r' || b == b'\n')?;
        tail.drain(..=boundary);
    }
    Some(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_run_settings_reach_git_without_argv() {
        let git = Git::locate().expect("git is installed");
        let command = git
            .command(["config", "--get", "multi.probe"])
            .config("multi.probe", "from-the-environment");
        assert_eq!(command.display(), "git config --get multi.probe");
        let output = command.run().expect("git sees the setting");
        assert_eq!(output.stdout.trim(), "from-the-environment");
    }

    #[test]
    fn progress_is_read_from_the_tail_from_a_line_boundary() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        let mut log = String::new();
        for n in 0..400 {
            log.push_str(&format!("Counting objects: {:3}% ({n}/400)\r", n / 4));
        }
        log.push_str("Writing objects:  45% (9/20)\r");
        std::io::Write::write_all(&mut file, log.as_bytes()).unwrap();
        let tail = stderr_tail(file.path()).unwrap();
        assert!(tail.len() <= 4096);
        assert!(
            tail.starts_with(b"Counting objects:"),
            "{:?}",
            String::from_utf8_lossy(&tail[..40])
        );
        assert_eq!(
            progress::latest(&tail).as_deref(),
            Some("Writing objects 45%")
        );
    }
}
