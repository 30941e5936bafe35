//! The remote set: which git remotes belong to git-multi, in which order, with which facts.
//!
//! Membership is the list of `[multi "<name>"]` sections (each member has at least `enabled`), in file order.
//! `remotes.multi` is derived from it (the enabled members) and rewritten whenever membership changes, so
//! plain `git fetch multi` always fetches exactly what `git multi fetch` would.

use std::collections::HashMap;

use crate::config::{self, member, Settings};
use crate::error::{Error, Result};
use crate::git::{ConfigEntry, Git};
use crate::provider::ProviderKind;
use crate::url;

/// One git remote that belongs to the set.
#[derive(Debug, Clone, Default)]
pub struct Member {
    pub name: String,
    /// `remote.<name>.url`; `None` when the git remote was removed behind git-multi's back.
    pub url: Option<String>,
    pub push_urls: Vec<String>,
    /// `remote.<name>.fetch`: where git puts what it fetches from this remote.
    pub fetch_refspecs: Vec<String>,
    pub enabled: bool,
    /// `multi.<name>.provider`, when set explicitly.
    pub provider: Option<String>,
    pub api_url: Option<String>,
    pub owner: Option<String>,
    pub repo: Option<String>,
    pub project: Option<String>,
}

/// Where a member's provider kind came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderSource {
    Configured,
    Detected,
    Default,
}

impl Member {
    /// The host of the fetch URL, for provider detection and the per-host job cap.
    pub fn host(&self) -> Option<String> {
        url::host(self.url.as_deref()?)
    }

    /// The provider kind: configured, else detected from a well-known host, else generic.
    pub fn provider(&self) -> (ProviderKind, ProviderSource) {
        if let Some(kind) = self.provider.as_deref().and_then(|p| p.parse().ok()) {
            return (kind, ProviderSource::Configured);
        }
        match self.host().as_deref().and_then(ProviderKind::detect) {
            Some(kind) => (kind, ProviderSource::Detected),
            None => (ProviderKind::Generic, ProviderSource::Default),
        }
    }

    /// The configured API URL, else the provider's convention for the host.
    pub fn effective_api_url(&self) -> Option<String> {
        self.api_url
            .clone()
            .or_else(|| self.provider().0.default_api_url(&self.host()?))
    }
}

/// The members plus what else the commands need from the same single `git config` read.
#[derive(Debug, Clone, Default)]
pub struct RemoteSet {
    pub members: Vec<Member>,
    /// Every git remote with a URL, member or not, in file order.
    pub git_remotes: Vec<String>,
    /// `remotes.multi` exists (the set was initialised).
    pub initialized: bool,
    pub settings: Settings,
}

/// The regex selecting every key the set is built from.
const KEYS: &str = r"^(remote|remotes|multi)\.";

impl RemoteSet {
    pub fn load(git: &Git) -> Result<RemoteSet> {
        let entries = git.config_entries(KEYS)?;
        RemoteSet::from_entries(&entries)
    }

    pub fn from_entries(entries: &[ConfigEntry]) -> Result<RemoteSet> {
        let settings = Settings::from_entries(entries)
            .map_err(|e| Error::usage(e).hint("fix it with `git config <key> <value>` or remove it with `git config --unset <key>`"))?;
        let mut set = RemoteSet {
            settings,
            ..RemoteSet::default()
        };
        let mut urls: HashMap<&str, &str> = HashMap::new();
        let mut push_urls: HashMap<&str, Vec<String>> = HashMap::new();
        let mut fetch_refspecs: HashMap<&str, Vec<String>> = HashMap::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for entry in entries {
            let value = entry.value.as_deref();
            match (entry.section(), entry.subsection(), entry.name()) {
                ("remotes", None, "multi") => set.initialized = true,
                ("remote", Some(name), "url") => {
                    if !urls.contains_key(name) {
                        set.git_remotes.push(name.to_string());
                    }
                    // The last value wins, as in git.
                    urls.insert(name, value.unwrap_or(""));
                }
                ("remote", Some(name), "fetch") => fetch_refspecs
                    .entry(name)
                    .or_default()
                    .push(value.unwrap_or("").to_string()),
                ("remote", Some(name), "pushurl") => push_urls
                    .entry(name)
                    .or_default()
                    .push(value.unwrap_or("").to_string()),
                ("multi", Some(name), variable) => {
                    let at = *index.entry(name.to_string()).or_insert_with(|| {
                        set.members.push(Member {
                            name: name.to_string(),
                            enabled: true,
                            ..Member::default()
                        });
                        set.members.len() - 1
                    });
                    let m = &mut set.members[at];
                    let text = value.map(str::to_string);
                    match variable {
                        v if v.eq_ignore_ascii_case(member::ENABLED) => {
                            m.enabled = config::parse_bool(value).ok_or_else(|| {
                                Error::usage(format!(
                                    "{} is not a boolean: `{}`",
                                    member::key(name, member::ENABLED),
                                    value.unwrap_or("")
                                ))
                                .hint(format!("git multi remote enable {name}"))
                            })?
                        }
                        v if v.eq_ignore_ascii_case(member::PROVIDER) => m.provider = text,
                        v if v.eq_ignore_ascii_case(member::API_URL) => m.api_url = text,
                        v if v.eq_ignore_ascii_case(member::OWNER) => m.owner = text,
                        v if v.eq_ignore_ascii_case(member::REPO) => m.repo = text,
                        v if v.eq_ignore_ascii_case(member::PROJECT) => m.project = text,
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        for m in &mut set.members {
            m.url = urls.get(m.name.as_str()).map(|u| u.to_string());
            m.push_urls = push_urls.remove(m.name.as_str()).unwrap_or_default();
            m.fetch_refspecs = fetch_refspecs.remove(m.name.as_str()).unwrap_or_default();
        }
        set.initialized |= !set.members.is_empty();
        Ok(set)
    }

    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.name == name)
    }

    pub fn is_git_remote(&self, name: &str) -> bool {
        self.git_remotes.iter().any(|r| r == name)
    }

    /// The members a command works on: the named ones, or every enabled member when none (or `all`) is named.
    /// Unknown names are a usage error naming them all; disabled members are only used when named.
    pub fn select(&self, names: &[String]) -> Result<Vec<&Member>> {
        let everything = names.is_empty()
            || (names.len() == 1 && names[0] == "all" && self.member("all").is_none());
        if everything {
            let chosen: Vec<&Member> = self.members.iter().filter(|m| m.enabled).collect();
            if chosen.is_empty() {
                let hint = if self.members.is_empty() {
                    "add one with `git multi remote add <name> <url>`, or adopt existing remotes with `git multi init --import`"
                } else {
                    "every member is disabled; enable one with `git multi remote enable <name>`"
                };
                return Err(Error::usage("the remote set has no enabled remotes").hint(hint));
            }
            return Ok(chosen);
        }
        let unknown: Vec<&str> = names
            .iter()
            .filter(|n| self.member(n).is_none())
            .map(String::as_str)
            .collect();
        if !unknown.is_empty() {
            return Err(self.unknown_error(&unknown));
        }
        let mut chosen: Vec<&Member> = Vec::new();
        for name in names {
            if !chosen.iter().any(|m| &m.name == name) {
                chosen.extend(self.member(name));
            }
        }
        Ok(chosen)
    }

    /// The error for names that are not members, with the hint that fits.
    pub fn unknown_error(&self, unknown: &[&str]) -> Error {
        let list = unknown
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let (what, first) = if unknown.len() == 1 {
            ("no remote", unknown[0])
        } else {
            ("no remotes", unknown[0])
        };
        // The first words are git-mile's ("Remote 'x' not found"), which its users know.
        let quoted = unknown
            .iter()
            .map(|n| format!("'{n}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let word = if unknown.len() == 1 {
            "Remote"
        } else {
            "Remotes"
        };
        let error = Error::usage(format!(
            "{word} {quoted} not found: {what} {list} in the remote set"
        ));
        if self.is_git_remote(first) {
            error.hint(format!("`{first}` is a git remote but not a member: `git multi init --import` or `git multi remote add {first} <url>`"))
        } else if self.members.is_empty() {
            error.hint("the set is empty: `git multi remote add <name> <url>`")
        } else {
            let names: Vec<&str> = self.members.iter().map(|m| m.name.as_str()).collect();
            error.hint(format!(
                "members are: {}; see `git multi remote list`",
                names.join(", ")
            ))
        }
    }

    /// Rewrites `remotes.multi` from the enabled members after a change to `members`.
    pub fn write_group(&self, git: &Git) -> Result<()> {
        let names: Vec<&str> = self
            .members
            .iter()
            .filter(|m| m.enabled)
            .map(|m| m.name.as_str())
            .collect();
        git.config_set(config::GROUP_KEY, &names.join(" "))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::ConfigEntry;

    fn entries(pairs: &[(&str, &str)]) -> Vec<ConfigEntry> {
        pairs
            .iter()
            .map(|(k, v)| ConfigEntry {
                key: k.to_string(),
                value: Some(v.to_string()),
            })
            .collect()
    }

    fn sample() -> RemoteSet {
        RemoteSet::from_entries(&entries(&[
            ("remote.origin.url", "git@github.com:me/app.git"),
            ("remote.a.b.url", "/srv/a.b.git"),
            ("remote.a.b.pushurl", "/srv/mirror.git"),
            ("remote.lone.url", "/srv/lone.git"),
            ("remotes.multi", "origin a.b"),
            ("multi.origin.enabled", "true"),
            ("multi.a.b.enabled", "false"),
            ("multi.a.b.provider", "gitea"),
            ("multi.a.b.apiurl", "http://127.0.0.1:3000/api/v1"),
        ]))
        .unwrap()
    }

    #[test]
    fn builds_members_in_file_order() {
        let set = sample();
        assert!(set.initialized);
        let names: Vec<&str> = set.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["origin", "a.b"]);
        let ab = set.member("a.b").unwrap();
        assert!(!ab.enabled);
        assert_eq!(ab.push_urls, ["/srv/mirror.git"]);
        assert_eq!(ab.api_url.as_deref(), Some("http://127.0.0.1:3000/api/v1"));
        assert_eq!(
            set.member("origin").unwrap().provider(),
            (ProviderKind::Github, ProviderSource::Detected)
        );
        assert_eq!(
            ab.provider(),
            (ProviderKind::Gitea, ProviderSource::Configured)
        );
        assert_eq!(set.git_remotes, ["origin", "a.b", "lone"]);
    }

    #[test]
    fn selects_enabled_members_by_default() {
        let set = sample();
        let all: Vec<&str> = set
            .select(&[])
            .unwrap()
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(all, ["origin"]);
        let named: Vec<&str> = set
            .select(&["a.b".into()])
            .unwrap()
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(named, ["a.b"]);
        let word_all: Vec<&str> = set
            .select(&["all".into()])
            .unwrap()
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(word_all, ["origin"]);
    }

    #[test]
    fn unknown_names_are_usage_errors_with_a_hint() {
        let set = sample();
        let err = set.select(&["lone".into()]).unwrap_err();
        assert_eq!(err.exit as u8, 2);
        assert!(err.hints[0].contains("init --import"), "{:?}", err.hints);
        let err = set.select(&["nope".into(), "origin".into()]).unwrap_err();
        assert!(err.message.contains("`nope`"));
    }

    #[test]
    fn rejects_a_bad_boolean() {
        let err = RemoteSet::from_entries(&entries(&[("multi.x.enabled", "perhaps")])).unwrap_err();
        assert!(err.message.contains("multi.x.enabled"));
    }
}
