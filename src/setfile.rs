//! The remote set as a file (TOML by default, JSON or YAML on request) people move between clones (`git multi export` writes it, `git multi
//! import` reads it): the members with their URLs (never a secret), providers, API URLs, owner/repo and
//! whether they are enabled, plus the repository-wide settings (primary, jobs, timeout, namespaces).
//!
//! ```toml
//! [settings]
//! primary = "github"
//! refs = ["refs/notes/*:union"]
//!
//! [[remote]]
//! name = "github"
//! url = "https://github.com/alice/app.git"
//! provider = "github"
//! enabled = true
//! ```

use serde::{Deserialize, Serialize};

use crate::remote_set::{Member, RemoteSet};

/// The whole file. Unknown keys are refused: a typo must not be dropped silently.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetFile {
    #[serde(default, skip_serializing_if = "FileSettings::is_empty")]
    pub settings: FileSettings,
    #[serde(default, rename = "remote", skip_serializing_if = "Vec::is_empty")]
    pub remotes: Vec<FileRemote>,
}

/// Repository-wide settings; what is left out is left as the clone has it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
// Every setting may be left out: what is missing is the default (unset).
#[serde(default, deny_unknown_fields)]
pub struct FileSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jobs: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_host: Option<u64>,
    /// Seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<f64>,
    /// Ref namespaces (`multi.refs`): `<pattern>[:<merge>]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<String>,
}

impl FileSettings {
    fn is_empty(&self) -> bool {
        *self == FileSettings::default()
    }
}

/// One member; facts left out are left as the clone has them (a new member gets none).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRemote {
    pub name: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub push_urls: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
}

impl SetFile {
    /// The file for `set`: configured facts only (a detected provider is detected again on the other side).
    /// Members without a git remote have no URL to carry and are left out.
    pub fn from_set(set: &RemoteSet) -> SetFile {
        let settings = &set.settings;
        SetFile {
            settings: FileSettings {
                primary: settings.primary.clone(),
                jobs: settings.jobs.map(|n| n as u64),
                per_host: settings.per_host.map(|n| n as u64),
                timeout: settings.timeout.map(|d| d.as_secs_f64()),
                refs: settings.namespaces.iter().map(|n| n.value()).collect(),
            },
            remotes: set
                .members
                .iter()
                .filter_map(|m: &Member| {
                    Some(FileRemote {
                        name: m.name.clone(),
                        url: without_secret(m.url.as_deref()?),
                        push_urls: m.push_urls.iter().map(|u| without_secret(u)).collect(),
                        enabled: Some(m.enabled),
                        provider: m.provider.clone(),
                        api_url: m.api_url.clone(),
                        owner: m.owner.clone(),
                        repo: m.repo.clone(),
                        project: m.project.clone(),
                    })
                })
                .collect(),
        }
    }

    /// The file's text in `format`; TOML and YAML get a header saying what it is (JSON has no comments).
    pub fn to_text(&self, format: Format, exported_at: &str) -> Result<String, String> {
        let header = format!(
            "# git-multi remote set, exported {exported_at}\n# Apply it to another clone with `git multi import <file>`.\n\n"
        );
        match format {
            Format::Toml => Ok(header + &toml::to_string(self).map_err(|e| e.to_string())?),
            Format::Yaml => Ok(header + &serde_norway::to_string(self).map_err(|e| e.to_string())?),
            Format::Json => serde_json::to_string_pretty(self)
                .map(|text| text + "\n")
                .map_err(|e| e.to_string()),
        }
    }

    /// Reads a file in `format`, or, without one, in the format its content shows (see [`Format::sniff`]).
    pub fn parse_as(text: &str, format: Option<Format>) -> Result<(SetFile, Format), String> {
        let format = format.unwrap_or_else(|| Format::sniff(text));
        let parsed = match format {
            Format::Toml => SetFile::parse(text),
            Format::Json => serde_json::from_str(text).map_err(|e| e.to_string()),
            // An empty YAML document is "null", not an empty set.
            Format::Yaml if text.trim().is_empty() => Ok(SetFile::default()),
            Format::Yaml => serde_norway::from_str(text).map_err(|e| e.to_string()),
        };
        parsed
            .map(|file| (file, format))
            .map_err(|e| format!("({}) {}", format.as_str(), e.trim_end()))
    }

    pub fn parse(text: &str) -> Result<SetFile, String> {
        toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())
    }
}

/// The formats a set file is written and read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Toml,
    Json,
    Yaml,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Json => "json",
            Format::Yaml => "yaml",
        }
    }

    /// The format a file name's extension names (`.toml`, `.json`, `.yaml`/`.yml`, any case).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            _ => None,
        }
    }

    /// The format a file's content is in, for stdin and names without a known extension: JSON starts with
    /// `{`; TOML has `[settings]`/`[[remote]]` tables or `key = value` lines; YAML has `key:` lines. Comments
    /// and blank lines say nothing; a file of nothing else is read as TOML (an empty set either way).
    pub fn sniff(text: &str) -> Format {
        let first = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'));
        let Some(first) = first else {
            return Format::Toml;
        };
        if first.starts_with('{') {
            return Format::Json;
        }
        if first.starts_with('[') {
            return Format::Toml;
        }
        // `a = 1` is TOML, `a: 1`, `- a` and `---` are YAML: whichever separator comes first decides.
        if first.starts_with('-') {
            return Format::Yaml;
        }
        match (first.find('='), first.find(':')) {
            (Some(eq), Some(colon)) if colon < eq => Format::Yaml,
            (None, Some(_)) => Format::Yaml,
            _ => Format::Toml,
        }
    }
}

/// A URL as it may leave this machine: a password in it is dropped (`https://alice:pw@host/r` →
/// `https://alice@host/r`), a user part that is itself a token too. git asks its credential helper on the
/// other side.
pub fn without_secret(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    let Some(at) = authority.rfind('@') else {
        return url.to_string();
    };
    let (userinfo, host) = (&authority[..at], &authority[at + 1..]);
    let user = match userinfo.split_once(':') {
        Some((user, _)) => user,
        None => userinfo,
    };
    if user.is_empty() || crate::redact::looks_like_token(user) {
        format!("{scheme}://{host}{path}")
    } else {
        format!("{scheme}://{user}@{host}{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::ConfigEntry;

    /// The file of the set these git config entries make.
    fn set_file_of(config: &[(&str, &str)]) -> SetFile {
        let entries: Vec<ConfigEntry> = config
            .iter()
            .map(|(k, v)| ConfigEntry {
                key: k.to_string(),
                value: Some(v.to_string()),
            })
            .collect();
        SetFile::from_set(&RemoteSet::from_entries(&entries).unwrap())
    }

    #[test]
    fn secrets_stay_behind() {
        assert_eq!(
            without_secret("https://alice:s3cret@example.com/r.git"),
            "https://alice@example.com/r.git"
        );
        assert_eq!(
            without_secret("https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/a/b"),
            "https://github.com/a/b"
        );
        assert_eq!(without_secret("git@host:a/b.git"), "git@host:a/b.git");
        assert_eq!(without_secret("/srv/r.git"), "/srv/r.git");
    }

    #[test]
    fn round_trips_through_toml() {
        let file = set_file_of(&[
            ("remote.gh.url", "https://bob:pw@github.com/a/b.git"),
            ("multi.gh.enabled", "true"),
            ("multi.gh.provider", "github"),
            ("remote.lab.url", "/srv/lab.git"),
            ("remote.lab.pushurl", "/srv/lab-mirror.git"),
            ("multi.lab.enabled", "false"),
            ("multi.lab.apiurl", "https://lab.example.com/api/v4"),
            ("multi.primary", "gh"),
            ("multi.timeout", "2.5"),
            ("multi.refs", "refs/notes/*"),
        ]);
        let text = file.to_text(Format::Toml, "2026-01-01T00:00:00Z").unwrap();
        assert!(!text.contains("pw@"), "{text}");
        assert!(text.contains("[[remote]]"), "{text}");
        let back = SetFile::parse(&text).unwrap();
        assert_eq!(back, file);
        assert_eq!(back.remotes[0].url, "https://bob@github.com/a/b.git");
        assert_eq!(back.remotes[1].push_urls, ["/srv/lab-mirror.git"]);
        assert_eq!(back.settings.refs, ["refs/notes/*:union"]);
        assert_eq!(back.settings.timeout, Some(2.5));
    }

    #[test]
    fn round_trips_through_json_and_yaml_and_sniffs_them() {
        let file = set_file_of(&[
            ("remote.gh.url", "https://github.com/a/b.git"),
            ("multi.gh.enabled", "true"),
            ("multi.gh.provider", "github"),
            ("multi.jobs", "3"),
            ("multi.refs", "refs/notes/*"),
        ]);
        for format in [Format::Toml, Format::Json, Format::Yaml] {
            let text = file.to_text(format, "2026-01-01T00:00:00Z").unwrap();
            assert_eq!(Format::sniff(&text), format, "{text}");
            assert_eq!(
                SetFile::parse_as(&text, None).unwrap(),
                (file.clone(), format)
            );
            assert_eq!(SetFile::parse_as(&text, Some(format)).unwrap().0, file);
        }
        let yaml = file.to_text(Format::Yaml, "now").unwrap();
        assert!(yaml.contains("remote:\n- name: gh\n"), "{yaml}");
        let err =
            SetFile::parse_as("remote:\n- name: a\n  url: /x\n  urll: 1\n", None).unwrap_err();
        assert!(err.starts_with("(yaml)") && err.contains("urll"), "{err}");
        assert_eq!(SetFile::parse_as("", None).unwrap().0, SetFile::default());
        assert_eq!(
            Format::from_path(std::path::Path::new("set.YML")),
            Some(Format::Yaml)
        );
        assert_eq!(Format::from_path(std::path::Path::new("set.txt")), None);
    }

    #[test]
    fn refuses_unknown_keys_and_wrong_types() {
        assert!(
            SetFile::parse("[[remote]]\nname = \"a\"\nurl = \"/x\"\nurll = 1\n")
                .unwrap_err()
                .contains("urll")
        );
        assert!(SetFile::parse("[settings]\njobs = \"many\"\n").is_err());
        assert!(SetFile::parse("[[remote]]\nname = \"a\"\n").is_err());
        assert_eq!(SetFile::parse("").unwrap(), SetFile::default());
    }
}
