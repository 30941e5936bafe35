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

    /// The service's own spelling, for sentences ("Gogs has no …").
    pub fn title(self) -> &'static str {
        match self {
            ProviderKind::Github => "GitHub",
            ProviderKind::Gitlab => "GitLab",
            ProviderKind::Gitea => "Gitea",
            ProviderKind::Forgejo => "Forgejo",
            ProviderKind::Bitbucket => "Bitbucket",
            ProviderKind::Gogs => "Gogs",
            ProviderKind::Sourcehut => "sourcehut",
            ProviderKind::Generic => "generic git host",
        }
    }

    /// Whether git-multi has an API client for this kind.
    pub fn has_api(self) -> bool {
        !matches!(self, ProviderKind::Sourcehut | ProviderKind::Generic)
    }

    /// The kind behind a well-known public host; self-hosted servers need `--provider`.
    pub fn detect(host: &str) -> Option<ProviderKind> {
        let host = public_name(host);
        PUBLIC.iter().find(|p| p.web == host).map(|p| p.kind)
    }

    fn public(self) -> Option<&'static Public> {
        PUBLIC.iter().find(|p| p.kind == self)
    }

    /// The web host of this kind's public service (github.com, codeberg.org, …).
    pub fn public_host(self) -> Option<&'static str> {
        self.public().map(|p| p.web)
    }

    /// The API root of this kind's public service, where git-multi has a client for it.
    pub fn public_api(self) -> Option<&'static str> {
        self.public().and_then(|p| p.api)
    }

    /// The public web host whose API is served from `api_host` (api.github.com → github.com).
    pub fn public_host_of_api(api_host: &str) -> Option<&'static str> {
        PUBLIC
            .iter()
            .find(|p| p.api.and_then(crate::url::http_host).as_deref() == Some(api_host))
            .map(|p| p.web)
    }

    /// The REST API root for a repository on `host`, following each product's convention.
    pub fn default_api_url(self, host: &str) -> Option<String> {
        if self.public_host() == Some(public_name(host)) {
            return self.public_api().map(str::to_string);
        }
        match self {
            ProviderKind::Github => Some(format!("https://{host}/api/v3")),
            ProviderKind::Gitlab => Some(format!("https://{host}/api/v4")),
            ProviderKind::Gitea | ProviderKind::Forgejo | ProviderKind::Gogs => {
                Some(format!("https://{host}/api/v1"))
            }
            // Bitbucket Cloud has one API whatever host name the URL uses.
            ProviderKind::Bitbucket => self.public_api().map(str::to_string),
            ProviderKind::Sourcehut | ProviderKind::Generic => None,
        }
    }
}

/// A provider's public service.
struct Public {
    kind: ProviderKind,
    web: &'static str,
    api: Option<&'static str>,
}

/// Every public service, for detection, `auth login <provider>` and the URLs `remote add --provider` computes.
const PUBLIC: [Public; 6] = [
    Public {
        kind: ProviderKind::Github,
        web: "github.com",
        api: Some("https://api.github.com"),
    },
    Public {
        kind: ProviderKind::Gitlab,
        web: "gitlab.com",
        api: Some("https://gitlab.com/api/v4"),
    },
    Public {
        kind: ProviderKind::Forgejo,
        web: "codeberg.org",
        api: Some("https://codeberg.org/api/v1"),
    },
    Public {
        kind: ProviderKind::Gitea,
        web: "gitea.com",
        api: Some("https://gitea.com/api/v1"),
    },
    Public {
        kind: ProviderKind::Bitbucket,
        web: "bitbucket.org",
        api: Some("https://api.bitbucket.org/2.0"),
    },
    Public {
        kind: ProviderKind::Sourcehut,
        web: "git.sr.ht",
        api: None,
    },
];

/// `host` without the prefixes public services put on their SSH and web names (ssh.github.com serves SSH on
/// port 443, altssh.bitbucket.org likewise).
fn public_name(host: &str) -> &str {
    host.trim_start_matches("www.")
        .trim_start_matches("ssh.")
        .trim_start_matches("altssh.")
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
        assert_eq!(
            ProviderKind::detect("git.sr.ht"),
            Some(ProviderKind::Sourcehut)
        );
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
        assert_eq!(
            ProviderKind::Github
                .default_api_url("ssh.github.com")
                .unwrap(),
            "https://api.github.com"
        );
        assert_eq!(
            ProviderKind::Bitbucket
                .default_api_url("altssh.bitbucket.org")
                .unwrap(),
            "https://api.bitbucket.org/2.0"
        );
        assert_eq!(ProviderKind::Sourcehut.default_api_url("git.sr.ht"), None);
    }

    #[test]
    fn one_table_names_each_public_service() {
        for kind in ProviderKind::ALL {
            if let Some(host) = kind.public_host() {
                assert_eq!(ProviderKind::detect(host), Some(kind), "{kind}");
                assert_eq!(
                    kind.default_api_url(host).as_deref(),
                    kind.public_api(),
                    "{kind}"
                );
            }
        }
        assert_eq!(
            ProviderKind::public_host_of_api("api.github.com"),
            Some("github.com")
        );
        assert_eq!(
            ProviderKind::public_host_of_api("api.bitbucket.org"),
            Some("bitbucket.org")
        );
        assert_eq!(
            ProviderKind::public_host_of_api("codeberg.org"),
            Some("codeberg.org")
        );
        assert_eq!(ProviderKind::public_host_of_api("ghe.corp"), None);
        assert_eq!(ProviderKind::Gogs.public_host(), None);
    }
}
