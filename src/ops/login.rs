//! `auth login`'s decisions, apart from the prompt: whether what was typed or piped is one usable token, and
//! what the host says of it before it is stored.

use crate::auth::Target;
use crate::error::{Error, Result};
use crate::model::token::Verified;
use crate::provider::{self, ApiError};

/// The token in `text` (white space around it dropped), registered as a secret so no output shows it; an
/// empty text, or one with white space inside (two tokens, a pasted sentence), is refused.
pub fn accept(text: &str) -> Result<String> {
    let token = text.trim();
    if token.is_empty() {
        return Err(Error::usage("the token is empty")
            .hint("paste the whole token, or pipe it with --with-token"));
    }
    if token.contains(char::is_whitespace) {
        return Err(Error::usage("the token contains white space").hint("give exactly one token"));
    }
    crate::redact::register_secret(token);
    Ok(token.to_string())
}

/// Asks `target`'s host who `token` belongs to, where we know how to ask.
pub fn verify(target: &Target, token: &str) -> Verified {
    let api = target
        .kind
        .and_then(|kind| provider::connect(kind, &target.api_url, Some(token.to_string()), None));
    let Some(api) = api else {
        return Verified::NotAnApi;
    };
    match api.repositories().whoami() {
        Ok(me) => Verified::Belongs(me.login),
        Err(err @ ApiError::Auth { .. }) => Verified::Rejected(err.to_string()),
        Err(err) => Verified::Unverified(err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_trimmed_and_must_be_one_word() {
        assert_eq!(accept("  ghp_abc123\n").unwrap(), "ghp_abc123");
        assert_eq!(accept(" \n").unwrap_err().to_string(), "the token is empty");
        assert_eq!(
            accept("ghp_abc ghp_def\n").unwrap_err().to_string(),
            "the token contains white space"
        );
    }
}
