//! Making text safe to print: secrets removed (passwords and tokens in URLs and query strings, and every token
//! the process has loaded, in the encodings a server may echo it in), and control characters from untrusted
//! sources shown instead of obeyed by the terminal.

use std::borrow::Cow;
use std::sync::Mutex;

const MASK: &str = "***";

/// Tokens read during this run; every message is scrubbed of them before it is printed.
static SECRETS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Remembers a secret so that [`redact`] masks it wherever it shows up, also in the encodings a server may
/// echo it in (see [`encodings`]). Host API tokens are registered here as soon as they are read.
pub fn register_secret(secret: &str) {
    // Very short values would mask innocent text and are not real tokens anyway.
    if secret.len() < 6 {
        return;
    }
    let mut secrets = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
    for form in encodings(secret) {
        if !secrets.contains(&form) {
            secrets.push(form);
        }
    }
    // Longest first: one form may contain another (`a%2Bb` holds `a`…), and the longer must go whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
}

/// The forms a secret takes when a server quotes it back: as is, with backslashes doubled (`\\`), JSON-escaped
/// (`\"`, `\u0001`), percent-encoded in upper or lower case hex (as a whole query value, or as a path that
/// keeps `/` and `:`), form-encoded (`+` for a space) and HTML-escaped.
fn encodings(secret: &str) -> Vec<String> {
    let json = serde_json::to_string(secret).unwrap_or_default();
    let json = json
        .strip_prefix('"')
        .and_then(|j| j.strip_suffix('"'))
        .unwrap_or(secret);
    let mut forms = vec![
        secret.to_string(),
        secret.replace('\\', "\\\\"),
        secret.replace('\\', "\\\\").replace('"', "\\\""),
        json.to_string(),
        json.replace('/', "\\/"),
        percent_encode(secret, b"", false),
        percent_encode(secret, b"", true),
        percent_encode(secret, b"/:@!$&'()*+,;=", false),
        percent_encode(secret, b"", false).replace("%20", "+"),
        secret
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;"),
    ];
    forms.sort();
    forms.dedup();
    forms
}

/// RFC 3986 percent-encoding of everything but the unreserved characters and `keep`.
fn percent_encode(text: &str, keep: &[u8], lower: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(b as char);
        } else if lower {
            out.push_str(&format!("%{b:02x}"));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Does a URL parameter of this name carry a credential (`?private_token=…`, `&access_token=…`, `?key=…`,
/// `;private_token=…`, `X-Amz-Signature=…`)? Compared case-insensitively.
pub fn is_secret_param(name: &str) -> bool {
    const PARTS: [&str; 10] = [
        "token",
        "secret",
        "password",
        "passwd",
        "signature",
        "credential",
        "apikey",
        "api_key",
        "access_key",
        "private_key",
    ];
    const WHOLE: [&str; 5] = ["pwd", "pass", "sig", "auth", "key"];
    let name = name.to_ascii_lowercase();
    PARTS.iter().any(|p| name.contains(p)) || WHOLE.contains(&name.as_str())
}

/// The secret-carrying parameters of a URL's query string and path parameters (`path;token=x?a=1&key=y#frag`),
/// as (name, value) pairs with a value. A name with a `/` in it is a path segment, not a parameter.
pub fn secret_params(query: &str) -> impl Iterator<Item = (&str, &str)> {
    let query = query.split('#').next().unwrap_or("");
    query
        .split(['?', '&', ';'])
        .filter_map(|pair| pair.split_once('='))
        .filter(|(name, value)| !value.is_empty() && !name.contains('/') && is_secret_param(name))
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

/// Masks `user:password@` and token user names inside every URL in `text`, the values of query parameters that
/// carry credentials (`?private_token=…`), and every registered secret.
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
    if let Cow::Owned(masked) = mask_secret_params(&out) {
        changed = true;
        out = masked;
    }

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

/// Masks the value of every `?name=value` / `&name=value` / `;name=value` (a path parameter) whose name says it is
/// a credential, wherever it appears: in a URL, in a server's message quoting a request, in JSON.
fn mask_secret_params(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(bytes[i], b'?' | b'&' | b';') {
            i += 1;
            continue;
        }
        let name_start = i + 1;
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || b"_-.[]".contains(b))
                .count();
        if name_end >= bytes.len() || bytes[name_end] != b'=' {
            i = name_end.max(i + 1);
            continue;
        }
        let value_start = name_end + 1;
        let value_end = value_start
            + bytes[value_start..]
                .iter()
                .take_while(|&&b| {
                    !(b.is_ascii_whitespace()
                        || b.is_ascii_control()
                        || b"&#'\"<>)\\`".contains(&b))
                })
                .count();
        if value_end > value_start && is_secret_param(&text[name_start..name_end]) {
            out.push_str(&text[copied..value_start]);
            out.push_str(MASK);
            copied = value_end;
        }
        i = value_end.max(i + 1);
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Characters that reorder or hide text on a terminal without being control characters: the bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks (U+200E, U+200F, U+061C). A
/// server could make `main` read as something else, or a hint's command differ from what runs when pasted.
fn is_bidi(c: char) -> bool {
    matches!(c as u32, 0x202a..=0x202e | 0x2066..=0x2069 | 0x200e | 0x200f | 0x061c)
}

/// C1 controls (U+0080–U+009F): some terminals obey them like ESC sequences, and git-multi never writes one.
fn is_c1(c: char) -> bool {
    matches!(c as u32, 0x80..=0x9f)
}

/// Shows control characters the way git shows them in a server's messages (`^[` for ESC, `^M` for a carriage
/// return, `^?` for DEL), so text from servers and hooks cannot move the cursor, clear the screen, set the
/// window title or overwrite a line it did not write. Newlines and tabs stay. C1 controls (U+0080–U+009F,
/// which some terminals obey like ESC sequences) are shown in `cat -v` meta notation (`M-^[`), and bidirectional
/// overrides as `<U+202E>`.
///
/// Apply it to each untrusted piece before adding our own colour codes.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    let is_escaped = |c: char| (c.is_control() && c != '\n' && c != '\t') || is_bidi(c);
    if !text.chars().any(is_escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c as u32 {
            _ if !is_escaped(c) => out.push(c),
            _ if is_bidi(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            0x7f => out.push_str("^?"),
            n @ 0..=0x1f => {
                out.push('^');
                out.push(char::from(n as u8 + 0x40));
            }
            n => {
                out.push_str("M-^");
                out.push(char::from((n - 0x80) as u8 + 0x40));
            }
        }
    }
    Cow::Owned(out)
}

/// The last guard on everything git-multi writes to a terminal or a pipe: C1 controls and bidirectional
/// overrides, which git-multi itself never writes, are shown as [`escape_controls`] shows them wherever they
/// slipped through. (C0 is left to the per-piece escaping, since our own colours use ESC.)
pub fn escape_invisible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_bidi(c) || is_c1(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut piece = [0u8; 4];
    for c in text.chars() {
        if is_bidi(c) || is_c1(c) {
            out.push_str(&escape_controls(c.encode_utf8(&mut piece)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A JSON document with C1 controls and bidirectional overrides written as `\uXXXX` escapes: the same
/// strings to a JSON reader, but inert when the document itself is shown on a terminal. JSON escapes C0 itself;
/// outside strings a document holds only ASCII.
pub fn json_inert(json: &str) -> Cow<'_, str> {
    if !json.chars().any(|c| is_bidi(c) || is_c1(c)) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if is_bidi(c) || is_c1(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
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

    #[test]
    fn masks_encoded_forms_of_registered_secrets() {
        let secret = r#"pa\ss"w/rd tok+en"#;
        register_secret(secret);
        for echoed in [
            r#"pa\\ss\"w/rd tok+en"#.to_string(),
            serde_json::to_string(secret)
                .unwrap()
                .trim_matches('"')
                .to_string(),
            "pa%5Css%22w%2Frd%20tok%2Ben".to_string(),
            "pa%5css%22w%2frd%20tok%2ben".to_string(),
            "pa%5Css%22w/rd%20tok+en".to_string(),
            "pa%5Css%22w%2Frd+tok%2Ben".to_string(),
            "pa\\ss&quot;w/rd tok+en".to_string(),
        ] {
            let shown = redact(&format!("server said: {echoed} (bad)")).into_owned();
            assert_eq!(shown, "server said: *** (bad)", "{echoed}");
        }
    }

    #[test]
    fn masks_credentials_in_query_strings() {
        assert_eq!(
            redact("GET https://gitlab.example/api/v4/projects?private_token=glpat-abc123&per_page=100 failed"),
            "GET https://gitlab.example/api/v4/projects?private_token=***&per_page=100 failed"
        );
        assert_eq!(
            redact("url 'https://h/r.git?a=1&access_token=xyz#frag'"),
            "url 'https://h/r.git?a=1&access_token=***#frag'"
        );
        assert_eq!(redact("/r.git?Token=abc def"), "/r.git?Token=*** def");
        assert_eq!(
            redact("fatal: unable to access 'https://h/r.git;private_token=abc/': 403"),
            "fatal: unable to access 'https://h/r.git;private_token=***': 403"
        );
        assert_eq!(redact("https://h/r.git?key=abc"), "https://h/r.git?key=***");
        let plain = "https://h/search?q=token&page=2 and a&b=c";
        assert!(matches!(redact(plain), Cow::Borrowed(_)));
        assert!(matches!(redact("?token= empty"), Cow::Borrowed(_)));
    }

    #[test]
    fn finds_secret_query_parameters() {
        let found: Vec<_> = secret_params("a=1&private_token=x&token=&sig=s#token=y").collect();
        assert_eq!(found, [("private_token", "x"), ("sig", "s")]);
        let found: Vec<_> = secret_params("h/r.git;key=k?a=1&access_token=t").collect();
        assert_eq!(found, [("key", "k"), ("access_token", "t")]);
        assert!(is_secret_param("X-Amz-Signature") && !is_secret_param("page"));
    }

    #[test]
    fn bidirectional_overrides_and_c1_are_shown_not_obeyed() {
        assert_eq!(
            escape_controls("main\u{202e}lanigiro\u{2066}x"),
            "main<U+202E>lanigiro<U+2066>x"
        );
        assert_eq!(escape_invisible("a\u{9b}31mb\u{200f}"), "aM-^[31mb<U+200F>");
        assert_eq!(escape_invisible("\x1b[1mours\x1b[0m"), "\x1b[1mours\x1b[0m");
        let json = serde_json::to_string("x\u{202e}y\u{85}").unwrap();
        let inert = json_inert(&json);
        assert_eq!(inert, r#""x\u202ey\u0085""#);
        let back: String = serde_json::from_str(&inert).unwrap();
        assert_eq!(back, "x\u{202e}y\u{85}");
    }

    #[test]
    fn escapes_control_characters_like_git() {
        assert_eq!(
            escape_controls("\x1b]0;pwned\x07ok\rFAKE\x7f"),
            "^[]0;pwned^Gok^MFAKE^?"
        );
        assert_eq!(escape_controls("csi \u{9b}2J"), "csi M-^[2J");
        let kept = "two\nlines\tand ünïcode";
        assert!(matches!(escape_controls(kept), Cow::Borrowed(_)));
    }
}
