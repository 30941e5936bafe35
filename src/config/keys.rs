//! The keys git-multi reads, as constants, with their defaults and the one [`KEYS`] table (type, default,
//! meaning) that `config list|get|set|unset`, `doctor`, the README table and validation all come from.

use std::time::Duration;

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
/// `false` silences the `hint:` advice after a command (as git's `advice.*` keys do).
pub const ADVICE: &str = "multi.advice";
/// When git-multi colours its results; beats git's own `color.ui` (as `color.diff` and friends do).
pub const COLOR: &str = "color.multi";
/// git's colour setting for every command, which git-multi follows when `color.multi` is unset.
pub const GIT_COLOR_UI: &str = "color.ui";

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
        name: ADVICE,
        kind: ValueKind::Bool,
        default: "true",
        multi_valued: false,
        description: "false silences the hints after a command (push to all, retry, pull, auth login)",
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
