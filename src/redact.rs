//! Removing secrets from anything git-multi prints: passwords and tokens in URLs, and every token the process
//! has loaded.

use std::borrow::Cow;
use std::sync::Mutex;

const MASK: &str = "***";

/// Tokens read during this run; every message is scrubbed of them before it is printed.
static SECRETS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Remembers a secret so that [`redact`] masks it wherever it shows up. Host API tokens are registered here
/// as soon as they are read.
pub fn register_secret(secret: &str) {
    // Very short values would mask innocent text and are not real tokens anyway.
    if secret.len() >= 6 {
        let mut secrets = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
        if !secrets.iter().any(|s| s == secret) {
            secrets.push(secret.to_string());
        }
    }
}

/// Does the user part of a URL look like a token rather than a user name (`https://ghp_xxx@github.com/…`)?
pub fn looks_like_token(user: &str) -> bool {
    const PREFIXES: [&str; 9] = [
        "ghp_",
        "gho_",
        "ghu_",
        "ghs_",
        "ghr_",
        "github_pat_",
        "glpat-",
        "gldt-",
        "ATBB",
    ];
    let tokenish = user.len() >= 32
        && user
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    PREFIXES.iter().any(|p| user.starts_with(p)) || tokenish
}

/// Masks `user:password@` and token user names inside every URL in `text`, and every registered secret.
pub fn redact(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find("://") {
        let authority_start = at + 3;
        out.push_str(&rest[..authority_start]);
        let tail = &rest[authority_start..];
        let end = tail
            .find(|c: char| c == '/' || c.is_whitespace() || c == '\'' || c == '"')
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@') {
            Some(at_sign) => {
                let userinfo = &authority[..at_sign];
                match userinfo.split_once(':') {
                    Some((user, _password)) => {
                        changed = true;
                        out.push_str(user);
                        out.push(':');
                        out.push_str(MASK);
                    }
                    None if looks_like_token(userinfo) => {
                        changed = true;
                        out.push_str(MASK);
                    }
                    None => out.push_str(userinfo),
                }
                out.push_str(&authority[at_sign..]);
            }
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);

    let secrets = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
    for secret in secrets.iter() {
        if out.contains(secret.as_str()) {
            changed = true;
            out = out.replace(secret.as_str(), MASK);
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_passwords_in_urls() {
        assert_eq!(
            redact("fatal: unable to access 'https://alice:s3cret@example.com/r.git/': 403"),
            "fatal: unable to access 'https://alice:***@example.com/r.git/': 403"
        );
        assert_eq!(
            redact("http://a:b@h http://c:d@h/x"),
            "http://a:***@h http://c:***@h/x"
        );
    }

    #[test]
    fn masks_token_user_names() {
        assert_eq!(
            redact("https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/a/b"),
            "https://***@github.com/a/b"
        );
    }

    #[test]
    fn leaves_ordinary_urls_alone() {
        let text = "ssh://git@github.com/a/b.git and https://github.com/a/b and git@host:x.git";
        assert!(matches!(redact(text), Cow::Borrowed(_)));
    }

    #[test]
    fn masks_registered_secrets_anywhere() {
        register_secret("tok-9f8e7d6c5b4a");
        assert_eq!(
            redact("Bearer tok-9f8e7d6c5b4a rejected"),
            "Bearer *** rejected"
        );
    }
}
