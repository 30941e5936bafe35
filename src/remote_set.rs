//! The remote set: which git remotes belong to git-multi, in which order, with which facts.
//!
//! Membership is the list of `[multi "<name>"]` sections (each member has at least `enabled`), in file order.
//! `remotes.multi` is derived from it (the enabled members) and rewritten whenever membership changes, so
//! plain `git fetch multi` always fetches exactly what `git multi fetch` would.
//!
//! Two names can never be members: `multi` (the group itself: a member of that name makes `git fetch multi`
//! fetch itself, recursively) and `all` (the word for every member). Whatever else disagrees between the
//! sections, the git remotes and the group is [`Drift`]: reported, never fatal.

use std::collections::HashMap;

use crate::config::{self, member, Settings};
use crate::error::{Error, Result};
use crate::git::{ConfigEntry, Git};
use crate::hosting::ProviderKind;
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

    /// Belongs in `remotes.multi` and in default runs: enabled, and not a reserved name.
    pub fn in_group(&self) -> bool {
        self.enabled && reserved(&self.name).is_none()
    }

    /// The configured API URL, else the provider's convention for the host.
    pub fn effective_api_url(&self) -> Option<String> {
        self.api_url
            .clone()
            .or_else(|| self.provider().0.default_api_url(&self.host()?))
    }

    /// Where the repository lives on its host: `multi.<name>.owner` / `.repo` where configured, else the URL's
    /// path `<owner…>/<repo>[.git]`, with sourcehut's `~user` read as `user`.
    pub fn owner_repo(&self) -> (Option<String>, Option<String>) {
        let path = self
            .url
            .as_deref()
            .and_then(|u| url::parse(u, |_| true).ok())
            .map(|u| u.path)
            .unwrap_or_default();
        let path = path.trim_matches('/').trim_end_matches(".git");
        let (owner, repo) = match path.rsplit_once('/') {
            Some((owner, repo)) if !owner.is_empty() && !repo.is_empty() => (
                Some(owner.trim_start_matches('~').to_string()),
                Some(repo.to_string()),
            ),
            _ => (None, None),
        };
        (self.owner.clone().or(owner), self.repo.clone().or(repo))
    }
}

/// The word that selects every enabled member (`git multi push all`).
pub const ALL: &str = "all";

/// The value of `remotes.multi` for these members, space-separated. One member is written twice: `git fetch
/// <group>` treats a group of one as a URL (it fetches several remotes only when the group lists more than one
/// name) and fails with "'multi' does not appear to be a git repository"; git fetches a repeated name once.
pub fn group_value(names: &[&str]) -> String {
    match names {
        [one] => format!("{one} {one}"),
        _ => names.join(" "),
    }
}

/// Why `name` can never be a member of the set, or `None` when it can.
pub fn reserved(name: &str) -> Option<&'static str> {
    match name {
        config::GROUP => Some("the set itself is the git remote group `multi` (remotes.multi), so a member named `multi` would be a group containing itself and `git fetch multi` would start fetching itself without end"),
        ALL => Some("`all` means every member of the set (`git multi push all`), so a remote of that name could never be named alone"),
        _ => None,
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
    /// The names in `remotes.multi` (all its values, in order); `None` when the key is not set.
    pub group: Option<Vec<String>>,
    /// git's other remote groups (`remotes.<group>`), by name, with their names in order, repeats dropped.
    pub groups: std::collections::BTreeMap<String, Vec<String>>,
    /// `git multi retry`: the remotes the command runs on again; whatever [`RemoteSet::select`] picks is
    /// narrowed to these (all of it when none of these is among it).
    pub narrow: Option<Vec<String>>,
    pub settings: Settings,
}

/// What kind of disagreement a [`Drift`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DriftKind {
    /// A member called `multi` or `all`.
    ReservedName,
    /// A `[multi "<name>"]` section without a git remote of that name.
    NoGitRemote,
    /// An enabled member that `remotes.multi` leaves out.
    NotInGroup,
    /// A disabled member that `remotes.multi` still lists.
    DisabledInGroup,
    /// A name in `remotes.multi` that is no member (or a reserved name).
    NotAMember,
    /// Members exist but `remotes.multi` does not.
    NoGroup,
}

/// Something in .git/config that does not add up, with the command that fixes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Drift {
    /// The member or group entry concerned; `None` for the set as a whole.
    pub remote: Option<String>,
    pub kind: DriftKind,
    pub message: String,
    pub hint: String,
}

impl Drift {
    fn new(remote: Option<&str>, kind: DriftKind, message: String, hint: String) -> Drift {
        Drift {
            remote: remote.map(str::to_string),
            kind,
            message,
            hint,
        }
    }
}

impl DriftKind {
    /// A few words for a marker beside the member in `remote list`.
    pub fn label(self) -> &'static str {
        match self {
            DriftKind::ReservedName => "reserved name",
            DriftKind::NoGitRemote => "no git remote",
            DriftKind::NotInGroup => "missing from remotes.multi",
            DriftKind::DisabledInGroup => "disabled but in remotes.multi",
            DriftKind::NotAMember => "in remotes.multi, not a member",
            DriftKind::NoGroup => "no remotes.multi",
        }
    }
}

/// A value in the configuration that git-multi cannot use: a configuration error (exit 2) naming the fix.
fn bad_value(problem: String) -> Error {
    let key = problem
        .split(|c: char| c.is_whitespace() || c == ':')
        .next()
        .unwrap_or("<key>")
        .to_string();
    Error::usage(problem).hint(config::fix_hint(&key, None))
}

/// The regex selecting every key the set is built from.
const KEYS: &str = r"^(remote|remotes|multi)\.";

impl RemoteSet {
    pub fn load(git: &Git) -> Result<RemoteSet> {
        let entries = git.config_entries(KEYS).map_err(|err| {
            err.stderr()
                .and_then(config::unreadable)
                .unwrap_or_else(|| Error::from(err))
        })?;
        RemoteSet::from_entries(&entries)
    }

    pub fn from_entries(entries: &[ConfigEntry]) -> Result<RemoteSet> {
        let settings = Settings::from_entries(entries)?;
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
                ("remotes", None, config::GROUP) => {
                    set.initialized = true;
                    set.group
                        .get_or_insert_with(Vec::new)
                        .extend(value.unwrap_or("").split_whitespace().map(str::to_string));
                }
                ("remotes", None, group) => {
                    let names = set.groups.entry(group.to_ascii_lowercase()).or_default();
                    for name in value.unwrap_or("").split_whitespace() {
                        if !names.iter().any(|n| n == name) {
                            names.push(name.to_string());
                        }
                    }
                }
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
                    config::check_entry(entry).map_err(bad_value)?;
                    let m = &mut set.members[at];
                    let text = value.map(str::to_string);
                    match variable {
                        v if v.eq_ignore_ascii_case(member::ENABLED) => {
                            m.enabled = config::parse_bool(value).unwrap_or(true)
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

    /// git's remote group `name` (`remotes.<name>`; git compares the name without case), not the set itself.
    pub fn remote_group(&self, name: &str) -> Option<&Vec<String>> {
        let key = name.to_ascii_lowercase();
        (key != config::GROUP)
            .then(|| self.groups.get(&key))
            .flatten()
    }

    /// Narrows every later [`RemoteSet::select`] to the members of git's remote group `only` (`--only
    /// <group>` on commands that select deeper down: sync, mirror).
    pub fn narrow_to_group(&mut self, only: Option<&str>) -> Result<()> {
        if only.is_some() {
            let names = self
                .select_only(&[], only)?
                .iter()
                .map(|m| m.name.clone())
                .collect();
            self.narrow = Some(names);
        }
        Ok(())
    }

    /// [`RemoteSet::select`], narrowed to the members of git's remote group `only` (`--only <group>`) when
    /// given. Names in the group that are no members of the set are an error naming them, as with names given
    /// on the command line; disabled members the group names are used, as named members are.
    pub fn select_only(&self, names: &[String], only: Option<&str>) -> Result<Vec<&Member>> {
        let Some(group) = only else {
            return self.select(names);
        };
        let Some(listed) = self.remote_group(group) else {
            let known: Vec<&str> = self.groups.keys().map(String::as_str).collect();
            let hint = if known.is_empty() {
                "make one with `git multi group add <group> <remote>...`".to_string()
            } else {
                format!(
                    "groups here: {}; `git multi group list` shows them",
                    known.join(", ")
                )
            };
            return Err(Error::usage(format!("there is no remote group `{group}`")).hint(hint));
        };
        let chosen = if names.is_empty() || (names.len() == 1 && names[0] == ALL) {
            self.select(listed)?
        } else {
            self.select(names)?
                .into_iter()
                .filter(|m| listed.contains(&m.name))
                .collect()
        };
        if chosen.is_empty() {
            return Err(Error::usage(format!(
                "none of the remotes named is in the group `{group}`"
            ))
            .hint("`git multi group list` shows who is in which group"));
        }
        Ok(chosen)
    }

    /// The members a command works on: the named ones, or every enabled member when none (or `all`) is named.
    /// Unknown names are a usage error naming them all; disabled members are only used when named. A member
    /// with a reserved name (left from an older config) is never used: it is reported as drift.
    pub fn select(&self, names: &[String]) -> Result<Vec<&Member>> {
        let chosen = self.select_named(names)?;
        let Some(keep) = &self.narrow else {
            return Ok(chosen);
        };
        let narrowed: Vec<&Member> = chosen
            .iter()
            .copied()
            .filter(|m| keep.contains(&m.name))
            .collect();
        Ok(if narrowed.is_empty() {
            chosen
        } else {
            narrowed
        })
    }

    fn select_named(&self, names: &[String]) -> Result<Vec<&Member>> {
        let everything = names.is_empty() || (names.len() == 1 && names[0] == ALL);
        if everything {
            let chosen: Vec<&Member> = self.members.iter().filter(|m| m.in_group()).collect();
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
        if let Some((name, why)) = names
            .iter()
            .find_map(|n| reserved(n).map(|why| (n.as_str(), why)))
        {
            return Err(
                Error::usage(format!("the member `{name}` has a reserved name: {why}")).hint(
                    format!(
                        "rename it with `git multi remote rename {q_name} <new-name>`",
                        q_name = crate::quote::word(name)
                    ),
                ),
            );
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
        let first = unknown[0];
        // In the words git-mile's users know ("Remote 'x' not found").
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
        let error = Error::usage(format!("{word} {quoted} not found in the remote set"));
        if self.is_git_remote(first) {
            error.hint(format!("`{first}` is a git remote but not a member: `git multi init --import` or `git multi remote add {q_first} <url>`", q_first = crate::quote::word(first)))
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

    /// Rewrites `remotes.multi` from the enabled members after a change to `members`. A reserved name never goes
    /// in, whatever sections the config holds: `multi` there would make the group recurse into itself.
    pub fn write_group(&self, git: &Git) -> Result<()> {
        let names: Vec<&str> = self
            .members
            .iter()
            .filter(|m| m.in_group())
            .map(|m| m.name.as_str())
            .collect();
        git.config_set(config::GROUP_KEY, &group_value(&names))?;
        Ok(())
    }

    /// Everything in the config that disagrees with itself, member by member in order, then the group's
    /// extra names. Commands report it and go on.
    pub fn drift(&self) -> Vec<Drift> {
        let mut found = Vec::new();
        for m in &self.members {
            let name = m.name.as_str();
            if let Some(why) = reserved(name) {
                found.push(Drift::new(
                    Some(name),
                    DriftKind::ReservedName,
                    format!("the member `{name}` has a reserved name and is left out: {why}"),
                    format!(
                        "rename it with `git multi remote rename {q_name} <new-name>`",
                        q_name = crate::quote::word(name)
                    ),
                ));
            }
            if m.url.is_none() {
                found.push(Drift::new(
                    Some(name),
                    DriftKind::NoGitRemote,
                    format!("the member `{name}` has no git remote (remote.{name}.url is not set), so git cannot reach it"),
                    format!("drop it with `git multi remote remove {q_name}`, or give it a URL with `git remote add {q_name} <url>`", q_name = crate::quote::word(name)),
                ));
            }
            let Some(group) = &self.group else { continue };
            let listed = group.iter().any(|g| g == name);
            // A member without a git remote has a bigger problem, reported above.
            if m.in_group() && !listed && m.url.is_some() {
                found.push(Drift::new(
                    Some(name),
                    DriftKind::NotInGroup,
                    format!("the member `{name}` is enabled but missing from {}, so plain `git fetch multi` leaves it out", config::GROUP_KEY),
                    format!("write it back with `git multi remote enable {q_name}`", q_name = crate::quote::word(name)),
                ));
            } else if !m.enabled && listed {
                found.push(Drift::new(
                    Some(name),
                    DriftKind::DisabledInGroup,
                    format!("the member `{name}` is disabled but still in {}, so plain `git fetch multi` fetches it", config::GROUP_KEY),
                    format!("take it out with `git multi remote disable {q_name}`", q_name = crate::quote::word(name)),
                ));
            }
        }
        match &self.group {
            None if !self.members.is_empty() => found.push(Drift::new(
                None,
                DriftKind::NoGroup,
                format!(
                    "{} is not set, so plain `git fetch multi` does not know the set",
                    config::GROUP_KEY
                ),
                "write it from the members with `git multi init`".to_string(),
            )),
            None => {}
            Some(group) => {
                let mut seen: Vec<&str> = Vec::new();
                for name in group {
                    if seen.contains(&name.as_str())
                        || self.member(name).is_some() && reserved(name).is_none()
                    {
                        continue;
                    }
                    seen.push(name);
                    let message = match reserved(name) {
                        Some(why) => format!("{} lists the reserved name `{name}`: {why}", config::GROUP_KEY),
                        None => format!("{} lists `{name}`, which is not a member of the set, so plain `git fetch multi` fetches what `git multi fetch` does not", config::GROUP_KEY),
                    };
                    let hint = if self.is_git_remote(name) && reserved(name).is_none() {
                        format!("adopt it with `git multi init --import`, or drop it from {} with `git multi init`", config::GROUP_KEY)
                    } else {
                        format!(
                            "rewrite {} from the members with `git multi init`",
                            config::GROUP_KEY
                        )
                    };
                    found.push(Drift::new(Some(name), DriftKind::NotAMember, message, hint));
                }
            }
        }
        found
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
        assert_eq!(err.message, "Remote 'nope' not found in the remote set");
    }

    #[test]
    fn rejects_a_bad_boolean() {
        let err = RemoteSet::from_entries(&entries(&[("multi.x.enabled", "perhaps")])).unwrap_err();
        assert!(err.message.contains("multi.x.enabled"));
    }

    #[test]
    fn all_means_every_member_and_reserved_names_are_left_out() {
        let set = RemoteSet::from_entries(&entries(&[
            ("remote.a.url", "/srv/a.git"),
            ("remote.multi.url", "/srv/m.git"),
            ("remote.all.url", "/srv/all.git"),
            ("remotes.multi", "a"),
            ("multi.a.enabled", "true"),
            ("multi.multi.enabled", "true"),
            ("multi.all.enabled", "true"),
        ]))
        .unwrap();
        for names in [vec![], vec!["all".to_string()]] {
            let chosen: Vec<&str> = set
                .select(&names)
                .unwrap()
                .iter()
                .map(|m| m.name.as_str())
                .collect();
            assert_eq!(chosen, ["a"], "{names:?}");
        }
        let err = set.select(&["multi".into()]).unwrap_err();
        assert!(
            err.hints[0].contains("git multi remote rename multi"),
            "{err:?}"
        );
        let drift = set.drift();
        let kinds: Vec<(Option<&str>, DriftKind)> = drift
            .iter()
            .map(|d| (d.remote.as_deref(), d.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                (Some("multi"), DriftKind::ReservedName),
                (Some("all"), DriftKind::ReservedName)
            ]
        );
    }

    #[test]
    fn reports_drift_with_the_fixing_command() {
        let set = RemoteSet::from_entries(&entries(&[
            ("remote.a.url", "/srv/a.git"),
            ("remote.off.url", "/srv/off.git"),
            ("remote.loose.url", "/srv/loose.git"),
            ("remote.left.url", "/srv/left.git"),
            ("remotes.multi", "a off stray loose multi"),
            ("multi.a.enabled", "true"),
            ("multi.off.enabled", "false"),
            ("multi.ghost.enabled", "true"),
            ("multi.left.enabled", "true"),
        ]))
        .unwrap();
        let drift = set.drift();
        let found: Vec<(Option<&str>, DriftKind, &str)> = drift
            .iter()
            .map(|d| (d.remote.as_deref(), d.kind, d.hint.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (Some("off"), DriftKind::DisabledInGroup, "take it out with `git multi remote disable off`"),
                (Some("ghost"), DriftKind::NoGitRemote, "drop it with `git multi remote remove ghost`, or give it a URL with `git remote add ghost <url>`"),
                (Some("left"), DriftKind::NotInGroup, "write it back with `git multi remote enable left`"),
                (Some("stray"), DriftKind::NotAMember, "rewrite remotes.multi from the members with `git multi init`"),
                (Some("loose"), DriftKind::NotAMember, "adopt it with `git multi init --import`, or drop it from remotes.multi with `git multi init`"),
                (Some("multi"), DriftKind::NotAMember, "rewrite remotes.multi from the members with `git multi init`"),
            ]
        );
        assert!(
            drift[5].message.contains("reserved name"),
            "{}",
            drift[5].message
        );

        let no_group = RemoteSet::from_entries(&entries(&[
            ("remote.a.url", "/srv/a.git"),
            ("multi.a.enabled", "true"),
        ]))
        .unwrap();
        assert_eq!(no_group.drift()[0].kind, DriftKind::NoGroup);
        let sample_drift: Vec<DriftKind> = sample().drift().iter().map(|d| d.kind).collect();
        assert_eq!(sample_drift, [DriftKind::DisabledInGroup]);
    }
}
