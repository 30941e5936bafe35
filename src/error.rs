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
    /// Stopped by Ctrl-C.
    Interrupted = 130,
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit as u8)
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
