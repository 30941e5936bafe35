//! Error kinds, the exit codes they map to, and the `error: … / hint: …` rendering.

use std::fmt;

use crate::git::GitError;
use crate::redact::{escape_controls, redact};

/// Process exit codes; scripts rely on them (design §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything succeeded.
    Success = 0,
    /// At least one remote or operation failed; the others still ran.
    Failure = 1,
    /// Usage or configuration error; nothing was changed.
    Usage = 2,
    /// Authentication required or failed.
    Auth = 4,
    /// `ci status`: nothing failed, but some CI run had not finished (as `gh pr checks` exits 8).
    Pending = 8,
    /// Stopped by Ctrl-C.
    Interrupted = 130,
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit as u8)
    }
}

/// What a run's exit code is decided from.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExitFacts {
    /// Ctrl-C (or SIGTERM/SIGHUP) arrived.
    pub interrupted: bool,
    /// Remotes (or operations) that failed, were rejected or timed out.
    pub failed: usize,
    /// Of those, the ones that failed only for a missing or rejected credential.
    pub failed_on_auth: usize,
    /// The command manages hosts through their APIs, where "log in first" gets its own code.
    pub auth_exit: bool,
    /// Every remote was skipped: nothing was done anywhere.
    pub nothing_done: bool,
    /// `--exit-code` was given and something is out of sync.
    pub out_of_sync: bool,
}

/// The one place exit codes are decided: 130 after Ctrl-C; 4 when every failure of a host API command was a
/// credential; 1 when anything failed, nothing was done anywhere, or `--exit-code` found a difference; else 0.
pub fn exit_code(facts: ExitFacts) -> Exit {
    if facts.interrupted {
        Exit::Interrupted
    } else if facts.failed > 0 {
        if facts.auth_exit && facts.failed_on_auth == facts.failed {
            Exit::Auth
        } else {
            Exit::Failure
        }
    } else if facts.nothing_done || facts.out_of_sync {
        Exit::Failure
    } else {
        Exit::Success
    }
}

#[derive(Debug)]
pub struct Error {
    pub exit: Exit,
    pub message: String,
    pub hints: Vec<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    fn new(exit: Exit, message: impl Into<String>) -> Error {
        Error {
            exit,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(Exit::Usage, message)
    }

    pub fn auth(message: impl Into<String>) -> Error {
        Error::new(Exit::Auth, message)
    }

    pub fn failed(message: impl Into<String>) -> Error {
        Error::new(Exit::Failure, message)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Error {
        self.hints.push(hint.into());
        self
    }

    /// The text for stderr, secrets removed and control characters escaped (messages quote git, servers and
    /// the config).
    pub fn render(&self) -> String {
        let mut text = format!("error: {}\n", escape_controls(&self.message));
        for hint in &self.hints {
            text.push_str(&format!("hint: {}\n", escape_controls(hint)));
        }
        redact(&text).into_owned()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<GitError> for Error {
    fn from(err: GitError) -> Error {
        match &err {
            GitError::NotInstalled => Error::usage(err.to_string())
                .hint("install git (https://git-scm.com) and make sure it is on PATH"),
            GitError::TooOld { .. } => Error::usage(err.to_string())
                .hint("upgrade git; `git --version` shows the one on PATH"),
            GitError::Interrupted { .. } => Error::new(Exit::Interrupted, err.to_string()),
            _ => Error::failed(err.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_decided_in_one_place() {
        let facts = ExitFacts::default();
        assert_eq!(exit_code(facts), Exit::Success);
        assert_eq!(
            exit_code(ExitFacts {
                failed: 2,
                failed_on_auth: 2,
                ..facts
            }),
            Exit::Failure
        );
        assert_eq!(
            exit_code(ExitFacts {
                failed: 2,
                failed_on_auth: 2,
                auth_exit: true,
                ..facts
            }),
            Exit::Auth
        );
        assert_eq!(
            exit_code(ExitFacts {
                failed: 2,
                failed_on_auth: 1,
                auth_exit: true,
                ..facts
            }),
            Exit::Failure
        );
        assert_eq!(
            exit_code(ExitFacts {
                nothing_done: true,
                ..facts
            }),
            Exit::Failure
        );
        assert_eq!(
            exit_code(ExitFacts {
                out_of_sync: true,
                ..facts
            }),
            Exit::Failure
        );
        assert_eq!(
            exit_code(ExitFacts {
                interrupted: true,
                failed: 1,
                ..facts
            }),
            Exit::Interrupted
        );
    }

    #[test]
    fn renders_error_then_hints_without_secrets() {
        let err = Error::usage("cannot use https://bob:hunter22@host/x")
            .hint("run `git multi remote list`");
        assert_eq!(
            err.render(),
            "error: cannot use https://bob:***@host/x\nhint: run `git multi remote list`\n"
        );
        assert_eq!(err.exit as u8, 2);
    }

    #[test]
    fn renders_control_characters_escaped() {
        let err = Error::failed("server said \x1b]0;pwned\x07\rFAKE").hint("see \x1b[2J");
        assert_eq!(
            err.render(),
            "error: server said ^[]0;pwned^G^MFAKE\nhint: see ^[[2J\n"
        );
    }
}
