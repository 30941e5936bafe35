//! `remote add --provider` without a URL: `https://<host>/<owner>/<repo>.git` or `git@<host>:<owner>/<repo>.git`,
//! the form every supported host uses. The owner defaults to the token's account, the repository name to the
//! directory's.

use crate::error::{Error, Result};
use crate::provider::ProviderKind;
use crate::session::Session;

/// Where a repository lives on its host, as far as it was said.
pub struct RepoOnHost<'a> {
    pub provider: Option<ProviderKind>,
    pub api_url: Option<&'a str>,
    pub owner: Option<&'a str>,
    pub repo: Option<&'a str>,
    /// A computed URL uses ssh.
    pub ssh: bool,
}

/// A URL computed from the host's conventions, with the owner and name it was made of.
pub struct Computed {
    pub url: String,
    pub owner: String,
    pub repo: String,
}

pub fn computed_url(ctx: &Session, new: &RepoOnHost) -> Result<Computed> {
    let Some(kind) = new.provider else {
        return Err(
            Error::usage("a URL is needed unless --provider says which host to use").hint(
                "e.g. `git multi remote add gh --provider github --owner alice`, or give the URL",
            ),
        );
    };
    let (scheme, host) = web_host(kind, new.api_url).ok_or_else(|| {
        Error::usage(format!("{kind} has no public host: cannot compute the URL"))
            .hint("give the server with --api-url <url>, or give the URL")
    })?;
    let repo = match new.repo {
        Some(repo) => repo.to_string(),
        None => directory_name(ctx)?,
    };
    let owner = match new.owner {
        Some(owner) => owner.to_string(),
        None => token_owner(ctx, kind, new.api_url, &host)?,
    };
    check_segments(&owner, &repo)?;
    let url = if new.ssh {
        format!(
            "git@{}:{owner}/{repo}.git",
            host.split(':').next().unwrap_or(&host)
        )
    } else {
        format!("{scheme}://{host}/{owner}/{repo}.git")
    };
    Ok(Computed { url, owner, repo })
}

/// The web host of a provider: the API URL's host (minus the `api.` of github.com/bitbucket.org), else the
/// provider's public host.
fn web_host(kind: ProviderKind, api_url: Option<&str>) -> Option<(String, String)> {
    if let Some(api) = api_url {
        let scheme = if api.starts_with("http://") {
            "http"
        } else {
            "https"
        };
        let host = crate::url::http_host(api)?;
        let host = ProviderKind::public_host_of_api(&host).map_or(host, str::to_string);
        return Some((scheme.to_string(), host));
    }
    // Only services with an API: sourcehut's URLs name `~owner`, which this computation does not.
    let host = kind.public_api().and(kind.public_host())?;
    Some(("https".into(), host.into()))
}

fn directory_name(ctx: &Session) -> Result<String> {
    ctx.git
        .toplevel()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .ok_or_else(|| {
            Error::usage("cannot tell the repository name").hint("give it with --repo <name>")
        })
}

/// The account of the token found for the host, asked of its API.
fn token_owner(
    ctx: &Session,
    kind: ProviderKind,
    api_url: Option<&str>,
    host: &str,
) -> Result<String> {
    let api_url = api_url
        .map(str::to_string)
        .or_else(|| kind.default_api_url(host))
        .unwrap_or_default();
    let target = crate::auth::Target::new(Some(kind), &api_url);
    let (token, _) = crate::auth::lookup(&ctx.git, &target);
    let token = token.ok_or_else(|| {
        crate::provider::missing_token(&target)
            .hint("or give the owner with --owner <user|org|group|workspace>")
    })?;
    let api = crate::provider::connect(kind, &api_url, Some(token.secret), None)
        .ok_or_else(|| Error::usage(format!("{kind} has no API")))?;
    let me = api.repositories().whoami().map_err(|err| {
        let hint = err
            .hint()
            .unwrap_or_else(|| "give the owner with --owner".into());
        if err.is_auth() {
            Error::auth(err.to_string())
        } else {
            Error::failed(err.to_string())
        }
        .hint(hint)
    })?;
    Ok(me.login)
}

/// Owners and names become path segments of the URL: nothing that would change what it points at.
fn check_segments(owner: &str, repo: &str) -> Result<()> {
    for (what, value) in [("--owner", owner), ("--repo", repo)] {
        let bad_char =
            value.contains(|c: char| c.is_whitespace() || c == ':' || c == '\\' || c == '@');
        if value.is_empty()
            || value.starts_with('-')
            || bad_char
            || value
                .split('/')
                .any(|s| s.is_empty() || s == "." || s == "..")
        {
            return Err(Error::usage(format!("invalid {what} `{value}`"))
                .hint("owners and names are path segments such as `alice` or `group/sub`"));
        }
    }
    if repo.contains('/') {
        return Err(
            Error::usage(format!("invalid --repo `{repo}`: a name has no `/`"))
                .hint("put groups in --owner, e.g. --owner group/sub --repo name"),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(kind: ProviderKind, api_url: Option<&str>) -> Option<(String, String)> {
        web_host(kind, api_url)
    }

    #[test]
    fn the_web_host_comes_from_the_api_url_or_the_public_service() {
        let https = |h: &str| Some(("https".to_string(), h.to_string()));
        assert_eq!(host(ProviderKind::Github, None), https("github.com"));
        // The public API's own host names the public web host.
        assert_eq!(
            host(ProviderKind::Github, Some("https://api.github.com")),
            https("github.com")
        );
        // A self-hosted server keeps its scheme and port; the API path is not part of the host.
        assert_eq!(
            host(ProviderKind::Gitea, Some("http://127.0.0.1:3000/api/v1")),
            Some(("http".to_string(), "127.0.0.1:3000".to_string()))
        );
        // Without an API URL, only services with a public API have a host this computation can use.
        assert_eq!(host(ProviderKind::Gitea, None), https("gitea.com"));
        assert_eq!(host(ProviderKind::Sourcehut, None), None);
        assert_eq!(host(ProviderKind::Generic, None), None);
    }

    #[test]
    fn owners_and_names_must_be_plain_path_segments() {
        assert!(check_segments("alice", "app").is_ok());
        assert!(check_segments("group/sub", "app").is_ok());
        for (owner, repo) in [
            ("", "app"),
            ("-alice", "app"),
            ("alice", "my app"),
            ("alice@evil", "app"),
            ("group/../other", "app"),
            ("group//sub", "app"),
            ("alice", "a:b"),
            ("alice", "group/app"),
        ] {
            assert!(
                check_segments(owner, repo).is_err(),
                "`{owner}` `{repo}` should be refused"
            );
        }
    }
}
