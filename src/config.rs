//! git-multi's configuration keys, their defaults, and the repository-wide settings read from them.
//!
//! Everything lives in git's own config (`git config`), so includes, `-c`, `GIT_CONFIG_*` and `~/.gitconfig`
//! defaults behave the way git users expect.

use std::time::Duration;

use crate::git::ConfigEntry;

/// The remote group: `remotes.multi = a b c` makes plain `git fetch multi` fetch the set.
pub const GROUP: &str = "multi";
pub const GROUP_KEY: &str = "remotes.multi";

/// Section of git-multi's own facts: `[multi]` for the repository, `[multi "<remote>"]` per member.
pub const SECTION: &str = "multi";

/// Repository-wide keys.
pub const JOBS: &str = "multi.jobs";
pub const TIMEOUT: &str = "multi.timeout";
pub const PRIMARY: &str = "multi.primary";
pub const PER_HOST: &str = "multi.perHost";

/// Per-member variables, written in camelCase; git hands them back lower-cased.
pub mod member {
    pub const ENABLED: &str = "enabled";
    pub const PROVIDER: &str = "provider";
    pub const API_URL: &str = "apiUrl";
    pub const OWNER: &str = "owner";
    pub const REPO: &str = "repo";
    /// Bitbucket project key new repositories are filed under.
    pub const PROJECT: &str = "project";

    /// `multi.<remote>.<variable>`
    pub fn key(remote: &str, variable: &str) -> String {
        format!("{}.{remote}.{variable}", super::SECTION)
    }
}

/// At most this many remotes are worked on at once unless `-j`/`multi.jobs` says otherwise.
pub const DEFAULT_MAX_JOBS: usize = 8;
/// At most this many jobs per host at once, so many remotes on one ssh server stay under sshd's MaxStartups.
pub const DEFAULT_PER_HOST: usize = 4;
/// A transfer (push, fetch) that takes longer than this is stopped.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(300);
/// A probe (ls-remote for `remote test`, `status`) that takes longer than this is stopped.
pub const DEFAULT_PROBE_TIMEOUT: Duration = Duration::from_secs(30);

/// Transient failures (connection refused/reset, HTTP 5xx/429) are tried again this many times…
pub const RETRIES: u32 = 2;
/// …waiting this long before the first retry and twice as long before each next one.
pub const RETRY_BACKOFF: Duration = Duration::from_millis(300);

/// Repository-wide settings as configured; `None` means "use the default".
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub jobs: Option<usize>,
    pub per_host: Option<usize>,
    pub timeout: Option<Duration>,
    pub primary: Option<String>,
}

impl Settings {
    /// Reads `[multi]` keys out of already-fetched entries; unparsable values are reported by name.
    pub fn from_entries(entries: &[ConfigEntry]) -> Result<Settings, String> {
        let mut settings = Settings::default();
        for entry in entries
            .iter()
            .filter(|e| e.section() == SECTION && e.subsection().is_none())
        {
            let value = entry.value.as_deref().unwrap_or("");
            match entry.key.as_str() {
                k if k.eq_ignore_ascii_case(JOBS) => {
                    settings.jobs = Some(parse_count(JOBS, value)?)
                }
                k if k.eq_ignore_ascii_case(PER_HOST) => {
                    settings.per_host = Some(parse_count(PER_HOST, value)?)
                }
                k if k.eq_ignore_ascii_case(TIMEOUT) => {
                    settings.timeout = Some(parse_seconds(TIMEOUT, value)?)
                }
                k if k.eq_ignore_ascii_case(PRIMARY) => settings.primary = Some(value.to_string()),
                _ => {}
            }
        }
        Ok(settings)
    }
}

fn parse_count(key: &str, value: &str) -> Result<usize, String> {
    value
        .trim()
        .parse::<usize>()
        .map_err(|_| format!("{key} must be a whole number, not `{value}`"))
}

/// Seconds as a number; `0` means no limit is not offered on purpose: a hanging host must not hang us.
pub fn parse_seconds(key: &str, value: &str) -> Result<Duration, String> {
    match value.trim().parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs.is_finite() => Ok(Duration::from_secs_f64(secs)),
        _ => Err(format!(
            "{key} must be a positive number of seconds, not `{value}`"
        )),
    }
}

/// git's boolean spellings (`git config --type=bool`).
pub fn parse_bool(value: Option<&str>) -> Option<bool> {
    match value.map(str::to_ascii_lowercase).as_deref() {
        None | Some("true") | Some("yes") | Some("on") | Some("1") => Some(true),
        Some("false") | Some("no") | Some("off") | Some("0") | Some("") => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, value: &str) -> ConfigEntry {
        ConfigEntry {
            key: key.into(),
            value: Some(value.into()),
        }
    }

    #[test]
    fn reads_repository_settings() {
        let entries = [
            entry("multi.jobs", "3"),
            entry("multi.timeout", "2.5"),
            entry("multi.primary", "github"),
            entry("multi.github.enabled", "true"),
        ];
        let settings = Settings::from_entries(&entries).unwrap();
        assert_eq!(settings.jobs, Some(3));
        assert_eq!(settings.timeout, Some(Duration::from_millis(2500)));
        assert_eq!(settings.primary.as_deref(), Some("github"));
    }

    #[test]
    fn names_the_bad_key() {
        let err = Settings::from_entries(&[entry("multi.timeout", "soon")]).unwrap_err();
        assert!(err.contains("multi.timeout"), "{err}");
        assert!(parse_seconds("x", "0").is_err());
    }

    #[test]
    fn understands_git_booleans() {
        assert_eq!(parse_bool(None), Some(true));
        assert_eq!(parse_bool(Some("No")), Some(false));
        assert_eq!(parse_bool(Some("maybe")), None);
    }
}
