//! A member of the set connected to its host's API: which API, the token found for it, and which repository on
//! the host the member stands for.

use crate::auth::{self, Source, Target};
use crate::error::Error;
use crate::git::Git;
use crate::remote_set::Member;

use super::{connect, ApiError, Deadline, Provider};

/// A member's API client, with the token found for it, plus where the repository lives on the host.
pub struct MemberApi {
    pub api: Box<dyn Provider>,
    pub target: Target,
    pub source: Option<Source>,
    pub owner: Option<String>,
    pub repo: Option<String>,
}

impl MemberApi {
    /// Repository management needs a token everywhere; without one, say so before the host answers 401
    /// (or, worse, a public read).
    pub fn require_token(&self) -> Result<(), ApiError> {
        match self.source {
            Some(_) => Ok(()),
            None => Err(ApiError::Auth {
                host: self.target.host.clone(),
                message: String::new(),
                missing: true,
            }),
        }
    }
}

/// Connects `member` to its host's API, every request spending from `deadline` (the member's job's); `Err`
/// says why it has none (no provider with an API, no API URL).
pub fn for_member(git: &Git, member: &Member, deadline: Deadline) -> Result<MemberApi, String> {
    let (kind, _) = member.provider();
    let no_api = || format!("no host API for provider {kind}");
    let api_url = member
        .effective_api_url()
        .filter(|_| kind.has_api())
        .ok_or_else(no_api)?;
    let target = Target::new(Some(kind), &api_url);
    let token = auth::lookup_once(git, &target);
    let source = token.as_ref().map(|t| t.source.clone());
    let api =
        connect(kind, &api_url, token.map(|t| t.secret), Some(deadline)).ok_or_else(no_api)?;
    let (owner, repo) = member.owner_repo();
    Ok(MemberApi {
        api,
        target,
        source,
        owner,
        repo,
    })
}

/// The error for a command that needs a token for `target` and found none (exit code 4).
pub fn missing_token(target: &Target) -> Error {
    let vars = target
        .kind
        .map(|k| auth::env_vars(k).join(" or "))
        .unwrap_or_else(|| "GIT_MULTI_<PROVIDER>_TOKEN".into());
    Error::auth(format!("no token for {}", target.host)).hint(format!(
        "run `git multi auth login {}` (or set {vars})",
        target.host
    ))
}

#[cfg(test)]
mod tests {
    use crate::remote_set::Member;

    fn member(url: &str, owner: Option<&str>, repo: Option<&str>) -> Member {
        Member {
            name: "m".into(),
            url: Some(url.into()),
            owner: owner.map(str::to_string),
            repo: repo.map(str::to_string),
            ..Member::default()
        }
    }

    fn pair(owner: Option<&str>, repo: Option<&str>) -> (Option<String>, Option<String>) {
        (owner.map(str::to_string), repo.map(str::to_string))
    }

    #[test]
    fn the_url_path_names_owner_and_repository() {
        for (url, expected) in [
            ("https://github.com/alice/demo.git", ("alice", "demo")),
            ("git@gitlab.com:group/sub/tool.git", ("group/sub", "tool")),
            ("ssh://git@codeberg.org/alice/demo", ("alice", "demo")),
            // sourcehut owners are `~user` in URLs and `user` everywhere else.
            ("https://git.sr.ht/~alice/demo", ("alice", "demo")),
        ] {
            assert_eq!(
                member(url, None, None).owner_repo(),
                pair(Some(expected.0), Some(expected.1)),
                "{url}"
            );
        }
        assert_eq!(
            member("https://example.com/demo.git", None, None).owner_repo(),
            pair(None, None)
        );
    }

    #[test]
    fn configured_owner_and_repository_win_over_the_url() {
        let m = member("https://github.com/alice/demo.git", Some("team"), None);
        assert_eq!(m.owner_repo(), pair(Some("team"), Some("demo")));
        let m = member("https://example.com/", None, Some("tool"));
        assert_eq!(m.owner_repo(), pair(None, Some("tool")));
    }
}
