//! Asking the user's git credential helpers for a secret, without ever prompting.

use std::time::Duration;

use super::{Git, GitError};

/// How long `git credential fill` may take before the token is treated as absent.
const CREDENTIAL_TIMEOUT: Duration = Duration::from_secs(10);

impl Git {
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
}
