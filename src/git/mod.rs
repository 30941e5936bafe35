//! The git gateway: the only place in git-multi that runs `git`.
//!
//! Every spawn goes through [`GitCommand`]: an argument vector (never a shell), `LC_ALL=C` so messages are
//! parseable, stdin closed, and for background jobs no way to prompt (no terminal, no askpass) plus a
//! deadline and the interrupt flag, either of which kills the whole process tree of that git.

mod bounded;
mod branch;
mod bundle;
mod clone;
mod combine;
mod command;
mod config;
mod config_batch;
mod credential;
mod failure;
mod fetch;
mod integrate;
mod ls_remote;
mod process;
mod progress;
mod push;
mod reflog;
pub mod refname;
mod refs;
mod remote;
mod repository;
mod stats;
mod version;

pub use combine::{CommitSpec, MergedTree, Role};
pub use command::{GitOutput, ProgressSink};
pub use config::ConfigEntry;
pub use config_batch::NewSection;
pub use failure::{
    classify, is_concurrent_update, locked_ref_file, summary as failure_summary, FailureKind,
};
pub use fetch::FetchOptions;
pub use integrate::Integration;
pub use ls_remote::{direct_refs, head_branch, RemoteRef};
pub use process::{finish as finish_jobs, reap};
pub use progress::Progress;
pub use push::{
    remote_messages, PushOptions, PushReply, PushedRef, RecurseSubmodules, RefStatus, Refspec,
    Rejection,
};
pub use refs::{CommitFacts, RefWrite};
pub use stats::HistoryCounts;
pub use version::{GitVersion, FEATURES};

/// An object name as people read it in a summary: its first 7 hex digits (git's shortest abbreviation).
pub fn short_oid(oid: &str) -> &str {
    &oid[..oid.len().min(7)]
}

use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::Duration;

use crate::redact::redact;
use command::GitCommand;

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

/// The located, version-checked git executable.
#[derive(Debug, Clone)]
pub struct Git {
    exe: PathBuf,
    version: GitVersion,
    /// The repository git runs in; `None` is the current directory (and whatever `GIT_DIR` says).
    dir: Option<PathBuf>,
    /// Its common git directory once asked: the run lock, the audit log and the last-run record all live
    /// there, and asking git costs a process each time.
    common_dir: std::sync::OnceLock<PathBuf>,
}

impl Git {
    /// Finds `git` on PATH with `which` and checks its version once.
    pub fn locate() -> Result<Git, GitError> {
        let exe = which::which("git").map_err(|_| GitError::NotInstalled)?;
        let probe = Git {
            exe,
            version: version::MINIMUM,
            dir: None,
            common_dir: std::sync::OnceLock::new(),
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

    /// The same git, working in the repository at `dir` (for commands that span several repositories).
    pub fn at(&self, dir: impl Into<PathBuf>) -> Git {
        Git {
            exe: self.exe.clone(),
            version: self.version,
            dir: Some(dir.into()),
            common_dir: std::sync::OnceLock::new(),
        }
    }

    /// Where the git executable is.
    pub fn exe(&self) -> &std::path::Path {
        &self.exe
    }

    /// The installed version (features such as `merge-tree --write-tree` depend on it).
    pub fn version(&self) -> GitVersion {
        self.version
    }

    /// A git invocation; nothing runs until one of the `run` methods. Private to the gateway: every other
    /// module asks for an operation by name, so argument vectors are built in one place.
    pub(in crate::git) fn command<I, S>(&self, args: I) -> GitCommand<'_>
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
}
