//! Host API tokens: which host a name means, the lookup chain (environment → OS keyring → git credential
//! helpers) and keyring storage. Every token found is registered with `redact` before anything can print it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::git::Git;
use crate::hosting::ProviderKind;
use crate::redact::register_secret;
use crate::remote_set::RemoteSet;
use crate::url::http_host as url_host;

/// The keyring account name under the per-host service; the host is what identifies the token.
const KEYRING_USER: &str = "token";

/// An API endpoint a token belongs to.
#[derive(Debug, Clone)]
pub struct Target {
    pub kind: Option<ProviderKind>,
    pub api_url: String,
    /// `host[:port]` of the API: the keyring service is `git-multi:<host>`.
    pub host: String,
}

impl Target {
    pub fn new(kind: Option<ProviderKind>, api_url: &str) -> Target {
        let api_url = api_url.trim_end_matches('/').to_string();
        let host = url_host(&api_url).unwrap_or_else(|| api_url.clone());
        Target {
            kind,
            api_url,
            host,
        }
    }

    /// Whether this is the provider's public service (github.com, gitlab.com, …), whose usual token
    /// variables (`GH_TOKEN`, `GITLAB_TOKEN`, …) are meant for it and for no other host.
    fn is_public(&self) -> bool {
        self.kind.and_then(public_api) == Some(self.api_url.as_str())
    }

    pub fn service(&self) -> String {
        format!("git-multi:{}", self.host)
    }

    fn protocol(&self) -> &str {
        if self.api_url.starts_with("http://") {
            "http"
        } else {
            "https"
        }
    }
}

/// Where a token came from (shown by `auth status`, never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type", content = "name")]
pub enum Source {
    Env(String),
    Keyring,
    GitCredential,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Env(var) => write!(f, "environment ({var})"),
            Source::Keyring => f.write_str("OS keyring"),
            Source::GitCredential => f.write_str("git credential helper"),
        }
    }
}

#[derive(Clone)]
pub struct Token {
    pub secret: String,
    pub source: Source,
}

/// The public API of a provider kind, for `auth login github` and friends.
pub fn public_api(kind: ProviderKind) -> Option<&'static str> {
    kind.public_api()
}

/// Environment variables checked for `kind`, in order: ours first, then the host's usual one (which
/// [`lookup`] only uses for the public service).
pub fn env_vars(kind: ProviderKind) -> Vec<String> {
    let mut vars = vec![format!(
        "GIT_MULTI_{}_TOKEN",
        kind.as_str().to_ascii_uppercase()
    )];
    let usual: &[&str] = match kind {
        ProviderKind::Github => &["GH_TOKEN", "GITHUB_TOKEN"],
        ProviderKind::Gitlab => &["GITLAB_TOKEN"],
        ProviderKind::Gitea => &["GITEA_TOKEN"],
        ProviderKind::Forgejo => &["FORGEJO_TOKEN", "GITEA_TOKEN"],
        ProviderKind::Bitbucket => &["BITBUCKET_TOKEN"],
        ProviderKind::Gogs => &["GOGS_TOKEN"],
        ProviderKind::Sourcehut | ProviderKind::Generic => &[],
    };
    vars.extend(usual.iter().map(|s| s.to_string()));
    vars
}

/// What `auth login|status|logout <what>` means: a member of the set, a provider's public host, an API URL or
/// a host name (matched against the set's API hosts so self-hosted servers keep their provider).
pub fn resolve(what: &str, set: Option<&RemoteSet>) -> Result<Target> {
    let members = set.map(|s| s.members.as_slice()).unwrap_or_default();
    if let Some(member) = members.iter().find(|m| m.name == what) {
        let (kind, _) = member.provider();
        let api = member.effective_api_url().ok_or_else(|| {
            Error::usage(format!("remote `{what}` has no host API (provider {kind})"))
                .hint(format!("set one with `git config multi.{q_what}.provider <kind>` and `git config multi.{q_what}.apiUrl <url>`", q_what = crate::quote::word(what)))
        })?;
        return Ok(Target::new(Some(kind), &api));
    }
    if let Ok(kind) = what.parse::<ProviderKind>() {
        return match public_api(kind) {
            Some(api) => Ok(Target::new(Some(kind), api)),
            None => Err(
                Error::usage(format!("{kind} has no public host to log in to"))
                    .hint("give the server instead, e.g. `git multi auth login git.example.com`"),
            ),
        };
    }
    let (host, url) = if what.starts_with("https://") || what.starts_with("http://") {
        (
            url_host(what)
                .ok_or_else(|| Error::usage(format!("`{what}` is not a URL with a host")))?,
            Some(what.to_string()),
        )
    } else if !what.is_empty()
        && what
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
    {
        (what.to_ascii_lowercase(), None)
    } else {
        return Err(Error::usage(format!("`{what}` is neither a provider, a remote of the set nor a host name"))
            .hint("e.g. `git multi auth login github`, `git multi auth login git.example.com` or `git multi auth login <remote>`"));
    };
    // A member whose API lives on that host knows the provider and the API path.
    for member in members {
        if let Some(api) = member.effective_api_url() {
            if url_host(&api).as_deref() == Some(host.as_str()) {
                return Ok(Target::new(Some(member.provider().0), &api));
            }
        }
    }
    if let Some(kind) = ProviderKind::detect(&host) {
        if let Some(api) = public_api(kind) {
            return Ok(Target::new(Some(kind), api));
        }
    }
    Ok(Target::new(
        None,
        url.as_deref().unwrap_or(&format!("https://{host}")),
    ))
}

/// A token for `target`: environment, then keyring, then git's credential helpers. Keyring trouble is not
/// fatal here (the other sources may still have one); it is handed back so `auth status` can mention it.
pub fn lookup(git: &Git, target: &Target) -> (Option<Token>, Option<String>) {
    if let Some(kind) = target.kind {
        // A self-hosted server must not receive the github.com token from GH_TOKEN; ours is explicit.
        let vars = env_vars(kind)
            .into_iter()
            .filter(|var| var.starts_with("GIT_MULTI_") || target.is_public());
        for var in vars {
            if let Some(value) = std::env::var(&var)
                .ok()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
            {
                register_secret(&value);
                return (
                    Some(Token {
                        secret: value,
                        source: Source::Env(var),
                    }),
                    None,
                );
            }
        }
    }
    let mut problem = None;
    match keyring_get(target) {
        Ok(Some(secret)) => {
            return (
                Some(Token {
                    secret,
                    source: Source::Keyring,
                }),
                None,
            )
        }
        Ok(None) => {}
        Err(err) => problem = Some(err),
    }
    if let Ok(Some(secret)) = git.credential_fill(target.protocol(), &target.host) {
        register_secret(&secret);
        return (
            Some(Token {
                secret,
                source: Source::GitCredential,
            }),
            problem,
        );
    }
    (None, problem)
}

fn entry(target: &Target) -> std::result::Result<keyring::Entry, String> {
    keyring::Entry::new(&target.service(), KEYRING_USER).map_err(|e| e.to_string())
}

fn keyring_get(target: &Target) -> std::result::Result<Option<String>, String> {
    match entry(target)?.get_password() {
        Ok(secret) => {
            register_secret(&secret);
            Ok(Some(secret))
        }
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(err) => Err(format!("OS keyring unavailable: {err}")),
    }
}

/// The OS keyring git-multi uses on this platform, in words.
pub fn keyring_backend() -> &'static str {
    if cfg!(target_os = "macos") {
        "macOS Keychain"
    } else if cfg!(target_os = "windows") {
        "Windows Credential Manager"
    } else {
        "Secret Service (D-Bus)"
    }
}

/// Whether the OS keyring answers: a lookup that finds nothing is an answer; an unreachable store is not.
pub fn keyring_probe() -> std::result::Result<(), String> {
    let probe = Target::new(None, "https://git-multi-doctor.invalid");
    keyring_get(&probe).map(drop)
}

/// Stores the token in the OS keyring; never falls back to a file.
pub fn keyring_store(target: &Target, secret: &str) -> Result<()> {
    let unavailable = |err: String| {
        Error::failed(format!("could not store the token in the OS keyring: {err}"))
            .hint(format!("no Secret Service / keychain is reachable; instead export {} or let a git credential helper hold it:", target.kind.map(|k| env_vars(k)[0].clone()).unwrap_or_else(|| "GIT_MULTI_<PROVIDER>_TOKEN".into())))
            .hint(format!("`git credential approve` with protocol={} host={} username=token password=<token> on stdin", target.protocol(), target.host))
    };
    let entry = entry(target).map_err(unavailable)?;
    entry
        .set_password(secret)
        .map_err(|e| unavailable(e.to_string()))
}

/// Removes the stored token; `Ok(false)` when there was none.
pub fn keyring_delete(target: &Target) -> Result<bool> {
    let entry = entry(target).map_err(|e| Error::failed(format!("OS keyring unavailable: {e}")))?;
    match entry.delete_credential() {
        Ok(()) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(err) => Err(Error::failed(format!("could not reach the OS keyring: {err}"))
            .hint("without a Secret Service / keychain nothing can have been stored there; tokens from the environment or a git credential helper are removed there")),
    }
}

/// [`lookup`] once per API for the whole process: members on one host share its token, and parallel jobs
/// do not each read the keyring or run `git credential fill` for it.
pub fn lookup_once(git: &Git, target: &Target) -> Option<Token> {
    type Found = Arc<OnceLock<Option<Token>>>;
    static FOUND: OnceLock<Mutex<HashMap<String, Found>>> = OnceLock::new();
    let slot = FOUND
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(target.api_url.clone())
        .or_default()
        .clone();
    slot.get_or_init(|| lookup(git, target).0).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_names_mean_their_public_api() {
        let t = resolve("github", None).unwrap();
        assert_eq!(
            (t.host.as_str(), t.service()),
            ("api.github.com", "git-multi:api.github.com".to_string())
        );
        assert_eq!(
            resolve("codeberg", None).unwrap().api_url,
            "https://codeberg.org/api/v1"
        );
        assert_eq!(resolve("github.com", None).unwrap().host, "api.github.com");
        let t = resolve("git.example.com", None).unwrap();
        assert_eq!((t.kind, t.host.as_str()), (None, "git.example.com"));
        assert_eq!(
            resolve("http://127.0.0.1:9/api/v1", None).unwrap().host,
            "127.0.0.1:9"
        );
        assert!(resolve("gogs", None).is_err());
        assert!(resolve("not a host", None).is_err());
    }

    #[test]
    fn env_vars_put_ours_first() {
        assert_eq!(
            env_vars(ProviderKind::Github),
            ["GIT_MULTI_GITHUB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN"]
        );
        assert_eq!(
            env_vars(ProviderKind::Forgejo)[0],
            "GIT_MULTI_FORGEJO_TOKEN"
        );
    }
}
