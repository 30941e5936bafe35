//! The kinds of hosting service git-multi knows, detection from well-known hosts, and API base URLs.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderKind {
    Github,
    Gitlab,
    Gitea,
    Forgejo,
    Bitbucket,
    Gogs,
    Sourcehut,
    /// Any git server without an API git-multi uses: only git transport.
    Generic,
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 8] = [
        ProviderKind::Github,
        ProviderKind::Gitlab,
        ProviderKind::Gitea,
        ProviderKind::Forgejo,
        ProviderKind::Bitbucket,
        ProviderKind::Gogs,
        ProviderKind::Sourcehut,
        ProviderKind::Generic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::Github => "github",
            ProviderKind::Gitlab => "gitlab",
            ProviderKind::Gitea => "gitea",
            ProviderKind::Forgejo => "forgejo",
            ProviderKind::Bitbucket => "bitbucket",
            ProviderKind::Gogs => "gogs",
            ProviderKind::Sourcehut => "sourcehut",
            ProviderKind::Generic => "generic",
        }
    }

    /// Whether git-multi has an API client for this kind.
    pub fn has_api(self) -> bool {
        !matches!(self, ProviderKind::Sourcehut | ProviderKind::Generic)
    }

    /// The kind behind a well-known public host; self-hosted servers need `--provider`.
    pub fn detect(host: &str) -> Option<ProviderKind> {
        let host = host
            .trim_start_matches("www.")
            .trim_start_matches("ssh.")
            .trim_start_matches("altssh.");
        match host {
            "github.com" => Some(ProviderKind::Github),
            "gitlab.com" => Some(ProviderKind::Gitlab),
            "codeberg.org" => Some(ProviderKind::Forgejo),
            "bitbucket.org" => Some(ProviderKind::Bitbucket),
            "gitea.com" => Some(ProviderKind::Gitea),
            "git.sr.ht" => Some(ProviderKind::Sourcehut),
            _ => None,
        }
    }

    /// The REST API root for a repository on `host`, following each product's convention.
    pub fn default_api_url(self, host: &str) -> Option<String> {
        match self {
            ProviderKind::Github if host == "github.com" => Some("https://api.github.com".into()),
            ProviderKind::Github => Some(format!("https://{host}/api/v3")),
            ProviderKind::Gitlab => Some(format!("https://{host}/api/v4")),
            ProviderKind::Gitea | ProviderKind::Forgejo | ProviderKind::Gogs => {
                Some(format!("https://{host}/api/v1"))
            }
            ProviderKind::Bitbucket => Some("https://api.bitbucket.org/2.0".into()),
            ProviderKind::Sourcehut | ProviderKind::Generic => None,
        }
    }
}

impl fmt::Display for ProviderKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown provider `{0}`")]
pub struct UnknownProvider(pub String);

impl FromStr for ProviderKind {
    type Err = UnknownProvider;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.to_ascii_lowercase();
        let aliases = [
            ("codeberg", ProviderKind::Forgejo),
            ("srht", ProviderKind::Sourcehut),
            ("none", ProviderKind::Generic),
        ];
        ProviderKind::ALL
            .into_iter()
            .find(|k| k.as_str() == lower)
            .or_else(|| {
                aliases
                    .iter()
                    .find(|(alias, _)| *alias == lower)
                    .map(|(_, k)| *k)
            })
            .ok_or_else(|| UnknownProvider(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_well_known_hosts() {
        assert_eq!(
            ProviderKind::detect("github.com"),
            Some(ProviderKind::Github)
        );
        assert_eq!(
            ProviderKind::detect("ssh.github.com"),
            Some(ProviderKind::Github)
        );
        assert_eq!(
            ProviderKind::detect("gitlab.com"),
            Some(ProviderKind::Gitlab)
        );
        assert_eq!(
            ProviderKind::detect("codeberg.org"),
            Some(ProviderKind::Forgejo)
        );
        assert_eq!(
            ProviderKind::detect("bitbucket.org"),
            Some(ProviderKind::Bitbucket)
        );
        assert_eq!(ProviderKind::detect("gitea.com"), Some(ProviderKind::Gitea));
        assert_eq!(ProviderKind::detect("git.example.com"), None);
    }

    #[test]
    fn parses_names_and_aliases() {
        assert_eq!(
            "GitHub".parse::<ProviderKind>().unwrap(),
            ProviderKind::Github
        );
        assert_eq!(
            "codeberg".parse::<ProviderKind>().unwrap(),
            ProviderKind::Forgejo
        );
        assert!("gitbucket".parse::<ProviderKind>().is_err());
    }

    #[test]
    fn api_urls_follow_each_convention() {
        assert_eq!(
            ProviderKind::Github.default_api_url("github.com").unwrap(),
            "https://api.github.com"
        );
        assert_eq!(
            ProviderKind::Github.default_api_url("ghe.corp").unwrap(),
            "https://ghe.corp/api/v3"
        );
        assert_eq!(
            ProviderKind::Gitlab.default_api_url("gitlab.com").unwrap(),
            "https://gitlab.com/api/v4"
        );
        assert_eq!(
            ProviderKind::Forgejo
                .default_api_url("codeberg.org")
                .unwrap(),
            "https://codeberg.org/api/v1"
        );
        assert_eq!(ProviderKind::Generic.default_api_url("x"), None);
    }
}
