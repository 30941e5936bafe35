//! Checking configuration values: each against its key's type, the usage error and hint for a bad one, and
//! git's complaint about a configuration file it cannot parse.

use std::time::Duration;

use crate::error::Error;
use crate::git::ConfigEntry;
use crate::hosting::ProviderKind;

use super::*;

/// What fixes a bad value of `key` found in the configuration.
pub fn fix_hint(key: &str, value: Option<&str>) -> String {
    if key.eq_ignore_ascii_case(REFS) {
        let pattern = value.map_or("<pattern>", |v| Namespace::split(v).0);
        return format!(
            "remove it with `git multi refs remove {q_pattern}`; `git multi refs add <pattern>` adds a namespace it accepts", q_pattern = crate::quote::word(pattern));
    }
    format!(
        "fix it with `git multi config set {key} <value>` (or `git config {key} <value>`), or remove it with `git multi config unset {key}`"
    )
}

/// A bad value of `key` found in the configuration: the usage error every command stops with.
pub fn bad_value(key: &str, value: Option<&str>, problem: String) -> Error {
    Error::usage(problem).hint(fix_hint(key, value))
}

impl KeyDef {
    /// The concrete key for a member (`multi.github.apiUrl`), or the key itself for repository-wide ones.
    pub fn for_remote(&self, remote: &str) -> String {
        self.name.replace(REMOTE_PLACEHOLDER, remote)
    }

    pub fn per_remote(&self) -> bool {
        self.name.contains(REMOTE_PLACEHOLDER)
    }

    /// Checks `value` (`None`: a bare `[multi] key` line, git's `true`) against this key's type; the error
    /// names the key as given.
    pub fn check(&self, key: &str, value: Option<&str>) -> Result<(), String> {
        let text = value.unwrap_or("");
        match self.kind {
            ValueKind::Count => parse_count(key, text).map(drop),
            ValueKind::Seconds => parse_seconds(key, text).map(drop),
            ValueKind::Bool => parse_bool(value)
                .map(drop)
                .ok_or_else(|| format!("{key} is not a boolean: `{text}` (true or false)")),
            ValueKind::Namespace => Namespace::parse(text).map(drop),
            ValueKind::Provider => text.parse::<ProviderKind>().map(drop).map_err(|_| {
                let kinds: Vec<&str> = ProviderKind::ALL.iter().map(|k| k.as_str()).collect();
                format!(
                    "{key}: unknown provider `{text}` (one of {})",
                    kinds.join(", ")
                )
            }),
            ValueKind::ApiUrl => match crate::url::api_url_problem(text) {
                Some(problem) => Err(format!("{key}: invalid API URL `{text}`: {problem}")),
                None => Ok(()),
            },
            ValueKind::Remote | ValueKind::Text => {
                if text.trim().is_empty() || text.contains(['\n', '\0']) {
                    Err(format!("{key} must not be empty or span lines"))
                } else {
                    Ok(())
                }
            }
        }
    }
}

/// Checks one `multi.*` entry found in the configuration: `Ok` for keys git-multi does not know (left alone)
/// and for good values, the reason otherwise.
pub fn check_entry(entry: &ConfigEntry) -> Result<(), String> {
    match lookup(&entry.key) {
        Some((def, _)) => def.check(&entry.key, entry.value.as_deref()),
        None => Ok(()),
    }
}

/// A whole number, 0 or more (0 means no limit where the key is a limit).
pub fn parse_count(key: &str, value: &str) -> Result<usize, String> {
    value.trim().parse::<usize>().map_err(|e| match e.kind() {
        std::num::IntErrorKind::PosOverflow => format!(
            "{key} is too large: `{value}` (at most {}; 0 means no limit)",
            usize::MAX
        ),
        _ => format!("{key} must be a whole number (0 or more), not `{value}`"),
    })
}

/// Seconds as a number from [`MIN_TIMEOUT`] to [`MAX_TIMEOUT`]. `0` meaning "no limit" is not offered on
/// purpose: a hung host must never hang the run.
pub fn parse_seconds(key: &str, value: &str) -> Result<Duration, String> {
    let (min, max) = (MIN_TIMEOUT.as_secs_f64(), MAX_TIMEOUT.as_secs_f64());
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|&secs| (min..=max).contains(&secs))
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
        .ok_or_else(|| {
            format!(
                "{key} must be a number of seconds from {min} to {max} (24 hours), not `{value}`"
            )
        })
}

/// git's complaint about a configuration file it cannot parse (`fatal: bad config line 3 in file
/// .git/config`), as the usage error every command gives for it; `None` when `stderr` is about something else.
pub fn unreadable(stderr: &str) -> Option<Error> {
    let said = crate::git::failure_summary(stderr);
    let lower = said.to_ascii_lowercase();
    let about_config = [
        "bad config",
        "config value",
        "config variable",
        "config file",
    ]
    .iter()
    .any(|needle| lower.contains(needle));
    if !about_config {
        return None;
    }
    let file = said
        .split_once(" in file ")
        .map(|(_, rest)| rest.split(": ").next().unwrap_or(rest).trim_matches('\''));
    let line = said
        .split_once("line ")
        .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
        .filter(|n| !n.is_empty());
    let shown = file.unwrap_or("git's configuration");
    let error = Error::usage(format!("{shown} cannot be read: {said}"));
    // git counts the newline ending a broken line before it complains, so the fault may be one line up.
    let at = line.map(|n| format!(" near line {n}")).unwrap_or_default();
    Some(match file {
        Some(f) if f.ends_with(".git/config") || f == "config" => error.hint(format!(
            "fix {f}{at} with `git config --edit` (it opens the file in your editor)"
        )),
        Some(f) if f.ends_with(".gitconfig") => error.hint(format!(
            "fix {f}{at} with `git config --global --edit`"
        )),
        Some(f) => error.hint(format!("fix {f}{at} in an editor")),
        None => error.hint(
            "see where each setting comes from with `git config --list --show-origin`, then `git config --edit`",
        ),
    })
}

/// git's boolean spellings (`git config --type=bool`).
pub fn parse_bool(value: Option<&str>) -> Option<bool> {
    match value.map(str::to_ascii_lowercase).as_deref() {
        None | Some("true") | Some("yes") | Some("on") | Some("1") => Some(true),
        Some("false") | Some("no") | Some("off") | Some("0") | Some("") => Some(false),
        _ => None,
    }
}
