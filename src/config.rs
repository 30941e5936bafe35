//! git-multi's configuration keys, their defaults, and the repository-wide settings read from them.
//!
//! Everything lives in git's own config (`git config`), so includes, `-c`, `GIT_CONFIG_*` and `~/.gitconfig`
//! defaults behave the way git users expect.

use std::time::Duration;

use crate::error::Error;
use crate::git::{refname, ConfigEntry};
use crate::hosting::ProviderKind;

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
/// Ref namespaces carried to and from every remote besides branches (multi-valued): `<pattern>[:<merge>]`,
/// e.g. `refs/git-mile/*` or `refs/notes/*:union`.
pub const REFS: &str = "multi.refs";

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
/// One host's share of a host API command (`create`, `webhook`, `branch protect`, `auth status`): every
/// request to that host, retries included, ends within it.
pub const DEFAULT_API_TIMEOUT: Duration = Duration::from_secs(60);
/// The shortest `--timeout` / `multi.timeout` accepted: a tenth of a second. Less cannot even start git, so a
/// value like `1e-9` is a typo, not a wish, and would only report every remote as timed out.
pub const MIN_TIMEOUT: Duration = Duration::from_millis(100);
/// The longest `--timeout` / `multi.timeout` accepted: a day. No transfer needs more; a larger value is a typo
/// (or a unit mix-up) that would leave a hung host hanging, and huge ones overflow the deadline arithmetic.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

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
    /// Configured ref namespaces, in the order they were added.
    pub namespaces: Vec<Namespace>,
}

/// How diverged copies of a namespace ref are brought together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MergeMode {
    /// A merge commit over every distinct tip (the default: an event log never loses an event).
    Union,
    /// Only fast-forwards; diverged copies are reported.
    FfOnly,
    /// The primary's (or the chosen remote's) copy wins; the others are saved, then overwritten.
    Theirs,
}

impl MergeMode {
    pub fn as_str(self) -> &'static str {
        match self {
            MergeMode::Union => "union",
            MergeMode::FfOnly => "ff-only",
            MergeMode::Theirs => "theirs",
        }
    }
}

/// One configured ref namespace (`multi.refs`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Namespace {
    /// A ref glob such as `refs/git-mile/*` (or one exact ref).
    pub pattern: String,
    pub merge: MergeMode,
}

/// Why a pattern cannot be a namespace: the same reasons whether it comes from `refs add`, `config`, `import`
/// or a value found in `.git/config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternProblem {
    /// Not under `refs/`, or not a pattern git takes in a refspec.
    Invalid,
    /// Reaches into a ref family git-multi carries already or keeps for itself (the family).
    Reserved(&'static str),
}

impl PatternProblem {
    pub fn describe(self, pattern: &str) -> String {
        match self {
            PatternProblem::Invalid => format!("`{pattern}` is not a valid ref pattern"),
            PatternProblem::Reserved(refname::STASH) => format!(
                "`{pattern}` covers `refs/stash`, git stash's local work in progress (its entries live in a reflog, which no push carries)"
            ),
            PatternProblem::Reserved(family) => format!(
                "`{pattern}` reaches into {family}, which git-multi already carries or keeps for itself"
            ),
        }
    }
}

impl Namespace {
    /// Ref families git-multi carries already (branches, tags) or keeps for itself, and `refs/stash`: no
    /// namespace may reach into them, or the same ref would be pushed and merged by two sets of rules (and a
    /// stash is local work whose entries live in a reflog no push carries). A name ending in `/` is a family.
    pub const RESERVED: [&'static str; 5] = [
        refname::HEADS,
        refname::TAGS,
        refname::REMOTES,
        refname::MULTI,
        refname::STASH,
    ];

    /// `refs/git-mile/*` or `refs/notes/*:union`, checked as `git multi refs add` checks a pattern (see
    /// [`Namespace::problem`]).
    pub fn parse(value: &str) -> Result<Namespace, String> {
        let (pattern, merge) = Namespace::split(value);
        let merge = merge?;
        let namespace = Namespace {
            pattern: pattern.to_string(),
            merge,
        };
        match namespace.problem() {
            Some(problem) => Err(format!("{REFS}: {}", problem.describe(pattern))),
            None => Ok(namespace),
        }
    }

    /// The pattern of a stored value and its merge mode (the default when none is given), the pattern not
    /// checked: what `refs remove` matches a bad value by.
    pub fn split(value: &str) -> (&str, Result<MergeMode, String>) {
        match value.trim().rsplit_once(':') {
            Some((pattern, mode)) => (
                pattern,
                <MergeMode as clap::ValueEnum>::from_str(mode, true).map_err(|_| {
                    format!("{REFS}: unknown merge mode `{mode}` in `{value}` (union, ff-only or theirs)")
                }),
            ),
            None => (value.trim(), Ok(MergeMode::Union)),
        }
    }

    /// Why this namespace cannot be carried, if it cannot: a ref pattern git takes, under `refs/` (and more than
    /// `refs/` itself), clear of branches, tags and git-multi's own refs.
    pub fn problem(&self) -> Option<PatternProblem> {
        let pattern = self.pattern.as_str();
        let valid = pattern.starts_with("refs/")
            && pattern.len() > "refs/".len()
            && refname::is_valid_pattern(pattern);
        if !valid {
            return Some(PatternProblem::Invalid);
        }
        self.overlaps(&Namespace::RESERVED)
            .map(PatternProblem::Reserved)
    }

    /// Whether some ref could belong to both namespaces (one and the same pattern counts). Two globs with one
    /// `*` each share a ref exactly when one's text before the `*` starts the other's and one's text after it
    /// ends the other's; a pattern without `*` is one ref.
    pub fn overlaps_with(&self, other: &Namespace) -> bool {
        match (self.pattern.split_once('*'), other.pattern.split_once('*')) {
            (Some((head, tail)), Some((other_head, other_tail))) => {
                (head.starts_with(other_head) || other_head.starts_with(head))
                    && (tail.ends_with(other_tail) || other_tail.ends_with(tail))
            }
            (Some(_), None) => self.matches(&other.pattern),
            (None, Some(_)) => other.matches(&self.pattern),
            (None, None) => self.pattern == other.pattern,
        }
    }

    /// The value stored in `multi.refs`.
    pub fn value(&self) -> String {
        format!("{}:{}", self.pattern, self.merge.as_str())
    }

    /// Does the ref `name` belong to this namespace? As in a refspec, `*` stands for any text, slashes
    /// included (`refs/git-mile/*` covers `refs/git-mile/tasks/T1`); without one the pattern is one ref.
    pub fn matches(&self, name: &str) -> bool {
        match self.pattern.split_once('*') {
            Some((head, tail)) => {
                name.len() >= head.len() + tail.len()
                    && name.starts_with(head)
                    && name.ends_with(tail)
            }
            None => name == self.pattern,
        }
    }

    /// The prefix every ref of the namespace starts with, up to a slash where there is a `*`
    /// (`refs/git-mile/*` → `refs/git-mile/`): what `for-each-ref` and `ls-remote` are asked for.
    pub fn root(&self) -> &str {
        match self.pattern.find('*') {
            Some(star) => {
                let end = self.pattern[..star].rfind('/').map_or(0, |slash| slash + 1);
                &self.pattern[..end]
            }
            None => &self.pattern,
        }
    }

    /// The ref families git-multi already carries or keeps for itself that this namespace would reach into
    /// (`refs/*` reaches all of them), if any.
    pub fn overlaps(&self, reserved: &[&'static str]) -> Option<&'static str> {
        let root = self.root();
        reserved
            .iter()
            .find(|r| match r.ends_with('/') {
                true => root.starts_with(*r) || r.starts_with(root),
                false => self.matches(r),
            })
            .copied()
    }
}

impl Settings {
    /// The configured namespace `name` belongs to (the first that matches), if any.
    pub fn namespace_of(&self, name: &str) -> Option<&Namespace> {
        self.namespaces.iter().find(|n| n.matches(name))
    }
}

impl Settings {
    /// Reads `[multi]` keys out of already-fetched entries; every value is checked against [`KEYS`] and a bad
    /// one is reported by name, with the command that fixes it. Unknown `multi.*` keys are left alone (a newer
    /// git-multi may have set them).
    pub fn from_entries(entries: &[ConfigEntry]) -> Result<Settings, Error> {
        let mut settings = Settings::default();
        for entry in entries
            .iter()
            .filter(|e| e.section() == SECTION && e.subsection().is_none())
        {
            let Some((def, _)) = lookup(&entry.key) else {
                continue;
            };
            let value = entry.value.as_deref();
            let bad = |problem: String| bad_value(def.name, value, problem);
            def.check(&entry.key, value).map_err(bad)?;
            let text = value.unwrap_or("");
            match def.name {
                JOBS => settings.jobs = Some(parse_count(JOBS, text).map_err(bad)?),
                PER_HOST => settings.per_host = Some(parse_count(PER_HOST, text).map_err(bad)?),
                TIMEOUT => settings.timeout = Some(parse_seconds(TIMEOUT, text).map_err(bad)?),
                PRIMARY => settings.primary = Some(text.to_string()),
                REFS => {
                    // A pattern set again (say in .git/config over ~/.gitconfig) takes the later mode, as a
                    // single-valued key would.
                    let namespace = Namespace::parse(text).map_err(bad)?;
                    settings
                        .namespaces
                        .retain(|n| n.pattern != namespace.pattern);
                    settings.namespaces.push(namespace);
                }
                _ => {}
            }
        }
        if let Some((earlier, later)) = overlapping(&settings.namespaces) {
            return Err(Error::usage(overlap_problem(later, earlier)).hint(format!(
                "keep one of them: `git multi refs remove '{}'` (or `git multi refs remove '{}'`)",
                later.pattern, earlier.pattern
            )));
        }
        Ok(settings)
    }
}

/// The first two namespaces that share refs (the earlier one first), if any.
pub fn overlapping(namespaces: &[Namespace]) -> Option<(&Namespace, &Namespace)> {
    namespaces.iter().enumerate().find_map(|(i, later)| {
        namespaces[..i]
            .iter()
            .find(|earlier| earlier.overlaps_with(later))
            .map(|earlier| (earlier, later))
    })
}

/// `multi.refs: `refs/git-mile/tasks/*` overlaps `refs/git-mile/*` (union): …`.
pub fn overlap_problem(new: &Namespace, existing: &Namespace) -> String {
    format!(
        "{REFS}: `{}` overlaps `{}` ({}): a ref under both would follow two merge modes",
        new.pattern,
        existing.pattern,
        existing.merge.as_str()
    )
}

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

/// The type of a configuration value, which decides how it is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    /// A whole number, 0 or more.
    Count,
    /// A number of seconds from [`MIN_TIMEOUT`] to [`MAX_TIMEOUT`].
    Seconds,
    /// git's booleans (`true`/`false`, `yes`/`no`, `on`/`off`, `1`/`0`).
    Bool,
    /// The name of a remote of the set.
    Remote,
    /// `<pattern>[:<merge>]` under `refs/`.
    Namespace,
    /// A provider kind (github, gitlab, …).
    Provider,
    /// An http(s) API root without credentials.
    ApiUrl,
    /// Free text.
    Text,
}

impl ValueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueKind::Count => "count",
            ValueKind::Seconds => "seconds",
            ValueKind::Bool => "bool",
            ValueKind::Remote => "remote",
            ValueKind::Namespace => "namespace",
            ValueKind::Provider => "provider",
            ValueKind::ApiUrl => "url",
            ValueKind::Text => "text",
        }
    }
}

/// One documented key: `multi.<remote>.…` stands for every member's key of that name.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct KeyDef {
    pub name: &'static str,
    pub kind: ValueKind,
    /// What applies when the key is not set.
    pub default: &'static str,
    /// Several values (`git config --add`), all of which count.
    pub multi_valued: bool,
    pub description: &'static str,
}

/// The placeholder for a member's name in per-member keys.
pub const REMOTE_PLACEHOLDER: &str = "<remote>";

/// Every key git-multi reads, with its type, default and meaning: `config list|get|set|unset`, `doctor`, the
/// README table and the validation of values found in `.git/config` all come from here.
pub const KEYS: &[KeyDef] = &[
    KeyDef {
        name: JOBS,
        kind: ValueKind::Count,
        default: "remotes, up to 8",
        multi_valued: false,
        description: "remotes worked on at once (-j; 0 = no limit)",
    },
    KeyDef {
        name: PER_HOST,
        kind: ValueKind::Count,
        default: "4",
        multi_valued: false,
        description: "jobs at once on one ssh host:port (stay under sshd's MaxStartups; 0 = no limit)",
    },
    KeyDef {
        name: TIMEOUT,
        kind: ValueKind::Seconds,
        default: "300 (transfers), 30 (probes), 60 (host APIs)",
        multi_valued: false,
        description: "seconds before a remote's git, or its host API calls, are stopped (--timeout)",
    },
    KeyDef {
        name: PRIMARY,
        kind: ValueKind::Remote,
        default: "the branch's upstream remote",
        multi_valued: false,
        description: "the remote pull and sync integrate from",
    },
    KeyDef {
        name: REFS,
        kind: ValueKind::Namespace,
        default: "none",
        multi_valued: true,
        description: "ref namespaces carried besides branches: <pattern>[:union|ff-only|theirs] (changed with git multi refs add|remove)",
    },
    KeyDef {
        name: "multi.<remote>.enabled",
        kind: ValueKind::Bool,
        default: "true",
        multi_valued: false,
        description: "false leaves the member out of default runs",
    },
    KeyDef {
        name: "multi.<remote>.provider",
        kind: ValueKind::Provider,
        default: "detected from the host",
        multi_valued: false,
        description: "hosting service kind: github, gitlab, gitea, forgejo, bitbucket, gogs, sourcehut, generic",
    },
    KeyDef {
        name: "multi.<remote>.apiUrl",
        kind: ValueKind::ApiUrl,
        default: "per provider",
        multi_valued: false,
        description: "REST API root for self-hosted servers",
    },
    KeyDef {
        name: "multi.<remote>.owner",
        kind: ValueKind::Text,
        default: "from the URL",
        multi_valued: false,
        description: "user, organisation, group or workspace owning the repository on the host",
    },
    KeyDef {
        name: "multi.<remote>.repo",
        kind: ValueKind::Text,
        default: "from the URL",
        multi_valued: false,
        description: "repository name on the host",
    },
    KeyDef {
        name: "multi.<remote>.project",
        kind: ValueKind::Text,
        default: "none",
        multi_valued: false,
        description: "Bitbucket project key used by create",
    },
];

/// The definition behind a concrete key (`multi.jobs`, `multi.GitHub.apiurl`; git compares section and variable
/// names without case, member names with it), and the member's name for per-member keys.
pub fn lookup(key: &str) -> Option<(&'static KeyDef, Option<&str>)> {
    let (section, rest) = key.split_once('.')?;
    if !section.eq_ignore_ascii_case(SECTION) {
        return None;
    }
    let (remote, variable) = match rest.rsplit_once('.') {
        Some((remote, variable)) => (Some(remote), variable),
        None => (None, rest),
    };
    KEYS.iter()
        .find(|def| {
            let (_, def_rest) = def.name.split_once('.').unwrap_or(("", def.name));
            match (remote, def_rest.rsplit_once('.')) {
                (None, None) => def_rest.eq_ignore_ascii_case(variable),
                (Some(_), Some((REMOTE_PLACEHOLDER, def_variable))) => {
                    def_variable.eq_ignore_ascii_case(variable)
                }
                _ => false,
            }
        })
        .map(|def| (def, remote))
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

fn parse_count(key: &str, value: &str) -> Result<usize, String> {
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
    fn reads_ref_namespaces() {
        let settings = Settings::from_entries(&[
            entry("multi.refs", "refs/git-mile/*"),
            entry("multi.refs", "refs/notes/*:ff-only"),
        ])
        .unwrap();
        assert_eq!(
            settings.namespaces,
            [
                Namespace {
                    pattern: "refs/git-mile/*".into(),
                    merge: MergeMode::Union
                },
                Namespace {
                    pattern: "refs/notes/*".into(),
                    merge: MergeMode::FfOnly
                }
            ]
        );
        assert_eq!(settings.namespaces[1].value(), "refs/notes/*:ff-only");
        let again = Settings::from_entries(&[
            entry("multi.refs", "refs/notes/*:ff-only"),
            entry("multi.refs", "refs/notes/*:theirs"),
        ])
        .unwrap();
        assert_eq!(again.namespaces.len(), 1);
        assert_eq!(again.namespaces[0].merge, MergeMode::Theirs);
        assert!(Settings::from_entries(&[entry("multi.refs", "refs/x/*:nope")]).is_err());
        assert!(Settings::from_entries(&[entry("multi.refs", "heads/*")]).is_err());
    }

    #[test]
    fn namespaces_match_like_refspec_globs() {
        let ns = Namespace::parse("refs/git-mile/*").unwrap();
        assert!(ns.matches("refs/git-mile/tasks/T1"));
        assert!(!ns.matches("refs/git-milestone/x"));
        assert_eq!(ns.root(), "refs/git-mile/");
        let mid = Namespace::parse("refs/review/*/head").unwrap();
        assert!(mid.matches("refs/review/42/head"));
        assert!(!mid.matches("refs/review/42/base"));
        assert_eq!(mid.root(), "refs/review/");
        let exact = Namespace::parse("refs/notes/commits:ff-only").unwrap();
        assert!(exact.matches("refs/notes/commits"));
        assert!(!exact.matches("refs/notes/commits2"));
        assert_eq!(exact.root(), "refs/notes/commits");
        let reserved = ["refs/heads/", "refs/tags/"];
        assert_eq!(ns.overlaps(&reserved), None);
        let unchecked = |pattern: &str| Namespace {
            pattern: pattern.into(),
            merge: MergeMode::Union,
        };
        assert_eq!(unchecked("refs/*").overlaps(&reserved), Some("refs/heads/"));
        let stash = [refname::STASH];
        assert_eq!(unchecked("refs/stash").overlaps(&stash), Some("refs/stash"));
        assert_eq!(unchecked("refs/st*").overlaps(&stash), Some("refs/stash"));
        assert_eq!(unchecked("refs/stashes/*").overlaps(&stash), None);
        assert_eq!(
            unchecked("refs/tags/v*").overlaps(&reserved),
            Some("refs/tags/")
        );
        assert_eq!(
            unchecked("refs/tags/v*").problem(),
            Some(PatternProblem::Reserved("refs/tags/"))
        );
    }

    #[test]
    fn namespaces_are_checked_like_refs_add_and_may_not_overlap() {
        for bad in [
            "refs/heads/*",
            "refs/*",
            "refs/multi/x/*",
            "refs/tags/v*:ff-only",
            "refs/x/**",
            "refs/x/",
            "refs/",
            "refs/a..b/*",
            "refs/x.lock",
            "notes/*",
        ] {
            let err = Settings::from_entries(&[entry("multi.refs", bad)]).unwrap_err();
            assert!(
                err.message.starts_with("multi.refs: "),
                "{bad}: {}",
                err.message
            );
            let pattern = bad.split(':').next().unwrap();
            assert!(
                err.hints[0].contains(&format!(
                    "git multi refs remove {}",
                    crate::quote::word(pattern)
                )),
                "{bad}: {:?}",
                err.hints
            );
        }
        let overlapping = Settings::from_entries(&[
            entry("multi.refs", "refs/git-mile/*:ff-only"),
            entry("multi.refs", "refs/git-mile/tasks/*"),
        ])
        .unwrap_err();
        assert!(overlapping.message.contains("overlaps `refs/git-mile/*`"));
        let ns = |p: &str| Namespace::parse(p).unwrap();
        assert!(ns("refs/git-mile/*").overlaps_with(&ns("refs/git-mile/tasks/*")));
        assert!(ns("refs/notes/*").overlaps_with(&ns("refs/notes/commits")));
        assert!(ns("refs/notes/commits").overlaps_with(&ns("refs/notes/*")));
        assert!(ns("refs/review/*/head").overlaps_with(&ns("refs/review/1/*")));
        assert!(!ns("refs/review/*/head").overlaps_with(&ns("refs/review/*/base")));
        assert!(!ns("refs/git-mile/*").overlaps_with(&ns("refs/git-milestones/*")));
        assert!(!ns("refs/notes/a").overlaps_with(&ns("refs/notes/b")));
    }

    #[test]
    fn names_the_bad_key() {
        let err = Settings::from_entries(&[entry("multi.timeout", "soon")]).unwrap_err();
        assert!(err.message.contains("multi.timeout"), "{}", err.message);
        assert!(err.hints[0].contains("git multi config unset multi.timeout"));
        assert!(parse_seconds("x", "0").is_err());
    }

    #[test]
    fn bounds_timeouts() {
        for bad in [
            "0",
            "-1",
            "1e30",
            "99999999999999999999",
            "86401",
            "1e-9",
            "0.09",
            "inf",
            "NaN",
            "soon",
        ] {
            let err = parse_seconds("--timeout", bad).unwrap_err();
            assert!(err.contains("from 0.1 to 86400"), "{bad}: {err}");
        }
        assert_eq!(parse_seconds("t", "86400").unwrap(), MAX_TIMEOUT);
        assert_eq!(parse_seconds("t", "0.1").unwrap(), MIN_TIMEOUT);
        assert_eq!(
            parse_seconds("t", " 0.5 ").unwrap(),
            Duration::from_millis(500)
        );
    }

    #[test]
    fn explains_an_unreadable_config_file() {
        // git 2.47.3 on `[multi "x"` as the 14th line of .git/config.
        let err = unreadable("fatal: bad config line 14 in file .git/config\n").unwrap();
        assert_eq!(err.exit as u8, 2);
        assert_eq!(
            err.message,
            ".git/config cannot be read: bad config line 14 in file .git/config"
        );
        assert!(err.hints[0].contains(".git/config near line 14 with `git config --edit`"));
        let global = unreadable("fatal: bad config line 2 in file /home/me/.gitconfig\n").unwrap();
        assert!(global.hints[0].contains("git config --global --edit"));
        let value =
            unreadable("fatal: bad boolean config value 'maybe' for 'core.bare'\n").unwrap();
        assert!(value
            .message
            .starts_with("git's configuration cannot be read"));
        assert!(
            unreadable("fatal: not a git repository (or any of the parent directories): .git")
                .is_none()
        );
    }

    #[test]
    fn every_key_is_checked_by_its_type() {
        let check = |key: &str, value: &str| check_entry(&entry(key, value));
        assert!(check("multi.jobs", "abc")
            .unwrap_err()
            .contains("multi.jobs"));
        assert!(check("multi.jobs", "-1").is_err());
        assert!(check("multi.jobs", "0").is_ok());
        let huge = check("multi.jobs", "99999999999999999999").unwrap_err();
        assert!(
            huge.contains("is too large") && huge.contains(&usize::MAX.to_string()),
            "{huge}"
        );
        assert!(!huge.contains("must be a whole number"), "{huge}");
        assert!(check("multi.timeout", "-1").is_err());
        assert!(check("multi.timeout", "2.5").is_ok());
        assert!(check("multi.gh.enabled", "maybe").is_err());
        assert!(check("multi.gh.provider", "nope").is_err());
        assert!(check("multi.gh.provider", "gitlab").is_ok());
        assert!(check("multi.a.b.apiurl", "ftp://x/api").is_err());
        assert!(check("multi.gh.apiUrl", "https://git.example.com/api/v1").is_ok());
        assert!(check("multi.refs", "heads/*").is_err());
        assert!(check("multi.somethingNew", "whatever").is_ok());
        assert!(Settings::from_entries(&[entry("multi.perhost", "x")]).is_err());
    }

    #[test]
    fn finds_keys_without_case_and_with_dotted_remotes() {
        let (def, remote) = lookup("multi.a.b.APIURL").unwrap();
        assert_eq!((def.name, remote), ("multi.<remote>.apiUrl", Some("a.b")));
        assert_eq!(lookup("MULTI.perhost").unwrap().0.name, PER_HOST);
        assert!(lookup("multi.nope").is_none());
        assert!(lookup("remote.origin.url").is_none());
        assert_eq!(def.for_remote("gh"), "multi.gh.apiUrl");
    }

    #[test]
    fn the_readme_documents_every_key() {
        let readme = include_str!("../README.md");
        for def in KEYS {
            let shown = format!("`{}`", def.name.replace(REMOTE_PLACEHOLDER, "<name>"));
            assert!(
                readme.contains(&shown),
                "README.md's configuration table lacks {shown}"
            );
        }
    }

    #[test]
    fn the_readme_table_gives_the_defaults_config_list_gives() {
        let readme = include_str!("../README.md");
        for def in KEYS {
            let name = format!("`{}`", def.name.replace(REMOTE_PLACEHOLDER, "<name>"));
            let row = readme
                .lines()
                .find(|l| l.starts_with(&format!("| {name} |")))
                .unwrap_or_else(|| panic!("README.md's configuration table lacks {name}"));
            let default = row.split(" | ").nth(1).unwrap_or_default();
            assert_eq!(default.trim_matches('`'), def.default, "README.md: {row}");
        }
    }

    #[test]
    fn counts_say_that_0_lifts_the_limit() {
        // `Pool::new` reads 0 as no limit for both; the table must not promise anything else.
        for def in KEYS.iter().filter(|d| d.kind == ValueKind::Count) {
            assert!(
                def.description.contains("0 = no limit"),
                "{}: {}",
                def.name,
                def.description
            );
        }
    }

    #[test]
    fn understands_git_booleans() {
        assert_eq!(parse_bool(None), Some(true));
        assert_eq!(parse_bool(Some("No")), Some(false));
        assert_eq!(parse_bool(Some("maybe")), None);
    }
}
