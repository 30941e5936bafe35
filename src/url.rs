//! Remote URLs as git understands them: classification, validation and the host they point at.

use std::fmt;

use crate::redact::{looks_like_token, secret_params};

/// How git will reach a remote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transport {
    /// A plain path on this machine.
    Local,
    File,
    Ssh,
    Git,
    Http,
    Https,
    /// `git-remote-<name>`, from `<name>::<address>` or an unknown `<name>://` scheme.
    Helper(String),
}

impl fmt::Display for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Transport::Local => f.write_str("local"),
            Transport::File => f.write_str("file"),
            Transport::Ssh => f.write_str("ssh"),
            Transport::Git => f.write_str("git"),
            Transport::Http => f.write_str("http"),
            Transport::Https => f.write_str("https"),
            Transport::Helper(name) => write!(f, "{name}"),
        }
    }
}

/// A validated remote URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteUrl {
    pub transport: Transport,
    pub user: Option<String>,
    /// Lower-cased host name, without brackets for IPv6.
    pub host: Option<String>,
    pub port: Option<u16>,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("the URL is empty")]
    Empty,
    #[error("the URL contains white space or control characters")]
    BadCharacters,
    #[error("the URL has no host name")]
    MissingHost,
    #[error("the URL has an invalid port `{0}`")]
    BadPort(String),
    #[error("the URL has no repository path")]
    MissingPath,
    #[error("the URL scheme `{0}` is invalid")]
    BadScheme(String),
    #[error("git has no transport for `{0}://` (no git-remote-{0} helper is installed)")]
    UnknownScheme(String),
    /// A password in the user part, a token as the user name, or a token in the query string (`?private_token=`).
    #[error("the URL contains a password or token")]
    EmbeddedSecret,
}

/// Parses a URL the way git decides between a URL, an scp-like `host:path` and a local path.
///
/// `helper_exists` answers whether `git-remote-<scheme>` is installed, for schemes git does not know itself.
pub fn parse(raw: &str, helper_exists: impl Fn(&str) -> bool) -> Result<RemoteUrl, UrlError> {
    if raw.is_empty() {
        return Err(UrlError::Empty);
    }
    if raw.chars().any(|c| c.is_control()) {
        return Err(UrlError::BadCharacters);
    }
    // A path on this machine may hold spaces (`~/my repos/app.git`), as git allows; a URL may not.
    let local_path = !raw.contains("://")
        && !raw.contains("::")
        && matches!(
            parse_scp_or_path(raw),
            Ok(RemoteUrl {
                transport: Transport::Local,
                ..
            })
        );
    if !local_path && raw.chars().any(char::is_whitespace) {
        return Err(UrlError::BadCharacters);
    }
    if let Some((helper, address)) = raw.split_once("::") {
        if is_scheme(helper) && !helper.contains('/') {
            // The address is the helper's business, but a password in it would still land in .git/config.
            if let Err(UrlError::EmbeddedSecret) = parse(address, any_helper) {
                return Err(UrlError::EmbeddedSecret);
            }
            return Ok(RemoteUrl {
                transport: Transport::Helper(helper.to_string()),
                user: None,
                host: None,
                port: None,
                path: raw.to_string(),
            });
        }
    }
    if let Some((scheme, rest)) = raw.split_once("://") {
        return parse_url_form(scheme, rest, helper_exists);
    }
    parse_scp_or_path(raw)
}

/// The host of a URL, even of one [`parse`] refuses for the secret in it (an imported remote may have one).
pub fn host(raw: &str) -> Option<String> {
    let without_secrets = raw.split_once("://").map(|(scheme, rest)| {
        let authority_end = rest.find('/').unwrap_or(rest.len());
        let host_start = rest[..authority_end].rfind('@').map_or(0, |at| at + 1);
        let query_start = rest.find(['?', ';']).unwrap_or(rest.len()).max(host_start);
        format!("{scheme}://{}", &rest[host_start..query_start])
    });
    parse(without_secrets.as_deref().unwrap_or(raw), any_helper)
        .ok()?
        .host
}

/// For looking at a URL's shape only: every `git-remote-<scheme>` counts as installed.
fn any_helper(_scheme: &str) -> bool {
    true
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn parse_url_form(
    scheme: &str,
    rest: &str,
    helper_exists: impl Fn(&str) -> bool,
) -> Result<RemoteUrl, UrlError> {
    if !is_scheme(scheme) {
        return Err(UrlError::BadScheme(scheme.to_string()));
    }
    let lower = scheme.to_ascii_lowercase();
    let transport = match lower.as_str() {
        "ssh" | "git+ssh" | "ssh+git" => Transport::Ssh,
        "git" => Transport::Git,
        "http" | "ftp" => Transport::Http,
        "https" | "ftps" => Transport::Https,
        "file" => Transport::File,
        _ if helper_exists(&lower) => Transport::Helper(lower.clone()),
        _ => return Err(UrlError::UnknownScheme(scheme.to_string())),
    };
    // git passes a query string and path parameters (`;private_token=…`) on to the server as they are, and
    // stores them in .git/config with the URL.
    if transport != Transport::File && secret_params(rest).next().is_some() {
        return Err(UrlError::EmbeddedSecret);
    }
    let (authority, path) = match rest.find('/') {
        Some(slash) => (&rest[..slash], &rest[slash..]),
        None => (rest, ""),
    };
    if transport == Transport::File {
        // file://host/path: git ignores the host part; only an empty one or localhost makes sense.
        if path.is_empty() {
            return Err(UrlError::MissingPath);
        }
        return Ok(RemoteUrl {
            transport,
            user: None,
            host: None,
            port: None,
            path: path.to_string(),
        });
    }
    let (userinfo, hostport) = match authority.rfind('@') {
        Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
        None => (None, authority),
    };
    let user = match userinfo {
        Some(info) if info.contains(':') => return Err(UrlError::EmbeddedSecret),
        Some(info)
            if matches!(transport, Transport::Http | Transport::Https)
                && looks_like_token(info) =>
        {
            return Err(UrlError::EmbeddedSecret)
        }
        Some(info) => Some(info.to_string()),
        None => None,
    };
    let (host, port) = split_host_port(hostport)?;
    if host.is_empty() {
        return Err(UrlError::MissingHost);
    }
    if matches!(transport, Transport::Ssh | Transport::Git) && path.trim_matches('/').is_empty() {
        return Err(UrlError::MissingPath);
    }
    Ok(RemoteUrl {
        transport,
        user,
        host: Some(host.to_ascii_lowercase()),
        port,
        path: path.to_string(),
    })
}

fn split_host_port(hostport: &str) -> Result<(&str, Option<u16>), UrlError> {
    let (host, port) = if let Some(inner) = hostport.strip_prefix('[') {
        let close = inner.find(']').ok_or(UrlError::MissingHost)?;
        let after = &inner[close + 1..];
        (&inner[..close], after.strip_prefix(':'))
    } else {
        match hostport.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (hostport, None),
        }
    };
    if host
        .chars()
        .any(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '%')))
    {
        return Err(UrlError::MissingHost);
    }
    let port = match port {
        None | Some("") => None,
        Some(p) => Some(
            p.parse::<u16>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| UrlError::BadPort(p.to_string()))?,
        ),
    };
    Ok((host, port))
}

/// git's rule: a colon before any slash makes `[user@]host:path` an scp-like ssh URL; otherwise a path.
fn parse_scp_or_path(raw: &str) -> Result<RemoteUrl, UrlError> {
    let colon = raw.find(':');
    let slash = raw.find('/');
    let scp_like = match (colon, slash) {
        (Some(c), Some(s)) => c < s,
        (Some(_), None) => true,
        _ => false,
    };
    if !scp_like {
        return Ok(RemoteUrl {
            transport: Transport::Local,
            user: None,
            host: None,
            port: None,
            path: raw.to_string(),
        });
    }
    let (authority, path) = raw.split_once(':').unwrap_or((raw, ""));
    let (user, host) = match authority.rfind('@') {
        Some(at) => (Some(authority[..at].to_string()), &authority[at + 1..]),
        None => (None, authority),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() {
        return Err(UrlError::MissingHost);
    }
    if path.is_empty() {
        return Err(UrlError::MissingPath);
    }
    Ok(RemoteUrl {
        transport: Transport::Ssh,
        user,
        host: Some(host.to_ascii_lowercase()),
        port: None,
        path: path.to_string(),
    })
}

/// Why `api` cannot be an API root, `None` when it can (the one rule for `--api-url`, `multi.<remote>.apiUrl`
/// and imported files).
pub fn api_url_problem(api: &str) -> Option<String> {
    match parse(api, |_| false) {
        Ok(parsed)
            if matches!(parsed.transport, Transport::Http | Transport::Https)
                && api.starts_with("http") =>
        {
            None
        }
        Ok(_) => Some("it must start with https:// or http://".into()),
        Err(err) => Some(err.to_string()),
    }
}

/// `host[:port]` of an http(s) URL.
pub fn http_host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    (!authority.is_empty()).then(|| authority.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(raw: &str) -> Result<RemoteUrl, UrlError> {
        parse(raw, |scheme| scheme == "s3")
    }

    #[test]
    fn recognises_every_transport() {
        assert_eq!(p("/srv/git/r.git").unwrap().transport, Transport::Local);
        assert_eq!(p("../r.git").unwrap().transport, Transport::Local);
        assert_eq!(p("file:///srv/r.git").unwrap().transport, Transport::File);
        assert_eq!(p("git://127.0.0.1:9418/r.git").unwrap().port, Some(9418));
        let scp = p("git@github.com:owner/repo.git").unwrap();
        assert_eq!(
            (scp.transport, scp.host.as_deref(), scp.user.as_deref()),
            (Transport::Ssh, Some("github.com"), Some("git"))
        );
        let ssh = p("ssh://git@[::1]:2222/srv/r.git").unwrap();
        assert_eq!((ssh.host.as_deref(), ssh.port), (Some("::1"), Some(2222)));
        assert_eq!(
            p("https://GitLab.com/g/r.git").unwrap().host.as_deref(),
            Some("gitlab.com")
        );
        assert_eq!(
            p("s3://bucket/r").unwrap().transport,
            Transport::Helper("s3".into())
        );
        assert_eq!(
            p("gcrypt::rsync://host/r").unwrap().transport,
            Transport::Helper("gcrypt".into())
        );
    }

    #[test]
    fn rejects_malformed_urls() {
        assert_eq!(p(""), Err(UrlError::Empty));
        assert_eq!(p("http://exa mple/x"), Err(UrlError::BadCharacters));
        assert_eq!(p("host:my repo.git"), Err(UrlError::BadCharacters));
        assert_eq!(p("/srv/tab\tthere"), Err(UrlError::BadCharacters));
        assert_eq!(
            p("/srv/my repos/r.git").unwrap().transport,
            Transport::Local
        );
        assert_eq!(p("https://"), Err(UrlError::MissingHost));
        assert_eq!(p("https:///r.git"), Err(UrlError::MissingHost));
        assert_eq!(p("ssh://host:abc/x"), Err(UrlError::BadPort("abc".into())));
        assert_eq!(
            p("http://host:99999/x"),
            Err(UrlError::BadPort("99999".into()))
        );
        assert_eq!(p("zz://host/x"), Err(UrlError::UnknownScheme("zz".into())));
        assert_eq!(
            p("ht!tp://host/x"),
            Err(UrlError::BadScheme("ht!tp".into()))
        );
        assert_eq!(p("git@github.com:"), Err(UrlError::MissingPath));
        assert_eq!(p(":path"), Err(UrlError::MissingHost));
        assert_eq!(p("ssh://host"), Err(UrlError::MissingPath));
    }

    #[test]
    fn refuses_embedded_secrets() {
        assert_eq!(
            p("https://alice:s3cret@example.com/r.git"),
            Err(UrlError::EmbeddedSecret)
        );
        assert_eq!(
            p("ssh://git:pw@example.com/r.git"),
            Err(UrlError::EmbeddedSecret)
        );
        assert_eq!(
            p("https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/a/b"),
            Err(UrlError::EmbeddedSecret)
        );
        assert_eq!(
            p("https://alice@example.com/r.git")
                .unwrap()
                .user
                .as_deref(),
            Some("alice")
        );
        assert_eq!(
            p("gcrypt::https://alice:s3cret@example.com/r.git"),
            Err(UrlError::EmbeddedSecret)
        );
        assert!(p("gcrypt::rsync://example.com/r").is_ok());
    }

    #[test]
    fn refuses_tokens_in_query_strings() {
        for url in [
            "https://gitlab.com/g/r.git?private_token=glpat-0123456789",
            "https://host/r.git?access_token=abc",
            "http://host/r.git?token=abc",
            "https://host/r.git?ref=main&token=abc#top",
            "https://host/r.git?X-Amz-Signature=abc",
            "https://host?token=abc",
            "ssh://host/r.git?password=pw",
            "gcrypt::https://host/r.git?token=abc",
            "https://host/r.git?key=abc",
            "https://host/r.git?API_KEY=abc",
            "https://host/r.git;private_token=abc",
            "https://host/g/r.git;a=1;access_token=abc?ref=main",
        ] {
            assert_eq!(p(url), Err(UrlError::EmbeddedSecret), "{url}");
        }
        assert!(p("https://host/r.git?ref=main").is_ok());
        assert!(p("https://host/r.git?token=").is_ok());
        // A path segment that merely holds `=` is not a parameter.
        assert!(p("https://host/token=x/r.git").is_ok());
        assert_eq!(
            host("https://GitLab.com/g/r.git;private_token=x").as_deref(),
            Some("gitlab.com")
        );
        assert_eq!(
            host("https://GitLab.com/g/r.git?private_token=x").as_deref(),
            Some("gitlab.com")
        );
    }

    #[test]
    fn finds_the_host_even_behind_a_secret() {
        assert_eq!(
            host("https://alice:s3cret@Example.com:8443/r.git").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            host("git@github.com:a/b.git").as_deref(),
            Some("github.com")
        );
        assert_eq!(host("/srv/r.git"), None);
    }
}
