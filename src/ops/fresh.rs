//! Whether this clone's copy of a remote is current: one `ls-remote` compared with the tracking refs, read for
//! every remote in one `for-each-ref` while the remotes are being listed. A remote where nothing changed needs
//! no `git fetch` (with thousands of refs that costs many times the listing: git reads and checks every
//! tracking ref), and a push of tips a remote is known to hold needs no `git push`. Anything the comparison
//! cannot vouch for is fetched as before.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use crate::config::Namespace;
use crate::git::{refname, Git, GitError, RefStatus};
use crate::remote_set::Member;
use crate::runner::Job;

use super::fetch::{self, FetchRequest};
use super::push::{Outgoing, Pushed, RefResult};
use super::Snapshot;

/// What the comparison reads once for a run: the local refs a fetch of any member would write or consult, and
/// the settings that change what a fetch does.
pub struct Fresh<'a> {
    /// Filled by [`Fresh::read_local`] (on its own thread, beside the listings); `None` when it failed, and then
    /// every remote is fetched.
    local: OnceLock<Option<Snapshot>>,
    patterns: Vec<String>,
    /// The remotes a fetch really ran for: their tracking refs are no longer what `local` says.
    fetched: Mutex<Vec<String>>,
    namespaces: &'a [Namespace],
    /// `fetch.prune`, then `remote.<name>.prune`: a pruning fetch also removes tracking refs, so those must match.
    prune_default: bool,
    prune: BTreeMap<String, bool>,
    /// Remotes with a `remote.<name>.tagOpt`: their tags are fetched in ways the comparison does not follow.
    tag_opt: Vec<String>,
}

/// Whether a fetch ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fetched {
    /// The listing matched the tracking refs: nothing to fetch.
    Current {
        retries: u32,
    },
    Fetched {
        retries: u32,
    },
}

impl<'a> Fresh<'a> {
    /// The settings, at once; the local refs are read by [`Fresh::read_local`].
    pub fn new(
        git: &Git,
        members: &[&Member],
        namespaces: &'a [Namespace],
    ) -> Result<Fresh<'a>, GitError> {
        let mut patterns = vec![refname::TAGS.to_string()];
        for member in members {
            patterns.extend(fetch::tracking_patterns(&member.name));
        }
        let mut fresh = Fresh {
            local: OnceLock::new(),
            patterns,
            fetched: Mutex::new(Vec::new()),
            namespaces,
            prune_default: false,
            prune: BTreeMap::new(),
            tag_opt: Vec::new(),
        };
        // Later entries win, as git reads them; names come back lower-cased except the remote's own.
        for entry in git.config_entries(r"^(fetch\.prune|remote\..*\.(prune|tagopt))$")? {
            let value = entry.value.as_deref().unwrap_or("true");
            let on = matches!(
                value.to_ascii_lowercase().as_str(),
                "true" | "yes" | "on" | "1"
            );
            match (entry.subsection(), entry.name()) {
                (None, "prune") => fresh.prune_default = on,
                (Some(remote), "prune") => {
                    fresh.prune.insert(remote.to_string(), on);
                }
                (Some(remote), "tagopt") => fresh.tag_opt.push(remote.to_string()),
                _ => {}
            }
        }
        Ok(fresh)
    }

    /// Reads the local tags and every member's tracking refs; [`Fresh::fetch`] waits for this. Meant to run
    /// beside the listings: with tens of thousands of loose refs it costs as much as a round trip.
    pub fn read_local(&self, git: &Git) {
        let _ = self.local.set(Snapshot::take(git, &self.patterns).ok());
    }

    /// The tracking refs of every member as they are now: what was read, with those of the remotes that were
    /// fetched read again.
    pub fn tracking(&self, git: &Git) -> Result<Snapshot, GitError> {
        let fetched = self
            .fetched
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        match self.local.get() {
            Some(Some(local)) => {
                let patterns: Vec<String> = fetched
                    .iter()
                    .flat_map(|r| fetch::tracking_patterns(r))
                    .collect();
                let mut now = local.clone();
                now.replace(&patterns, &Snapshot::take(git, &patterns)?);
                Ok(now)
            }
            _ => Snapshot::take(git, &self.patterns),
        }
    }

    /// Whether `member`'s branches land where git-multi looks for them (`+refs/heads/*:refs/remotes/<name>/*`
    /// and nothing else), so its tracking refs say what it has.
    pub fn standard(member: &Member) -> bool {
        let standard = format!("+refs/heads/*:{}*", refname::tracking_prefix(&member.name));
        member.fetch_refspecs == [standard]
    }

    /// Fetches `job`'s remote with `request` unless a listing shows that every ref that fetch would bring is here
    /// already (then only the listing was spent). A remote whose settings the comparison does not follow (other
    /// refspecs, `tagOpt`, an explicit prune) is always fetched.
    pub fn fetch(&self, job: &Job, git: &Git, request: &FetchRequest) -> Result<Fetched, GitError> {
        let member = job.member;
        if !request.prune && Fresh::standard(member) && !self.tag_opt.contains(&member.name) {
            job.say("listing");
            let mut roots = vec![refname::HEADS, refname::TAGS];
            roots.extend(self.namespaces.iter().map(Namespace::root));
            let listed = job.git(|left, _| git.ls_remote_refs(job.name(), &roots, Some(left)));
            let retries = listed.retries;
            let listed = listed.result?;
            if let Some(local) = self.local.wait() {
                if current(
                    local,
                    self.namespaces,
                    self.prunes(&member.name),
                    &member.name,
                    &listed,
                ) {
                    return Ok(Fetched::Current { retries });
                }
            }
        }
        self.fetched
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(member.name.clone());
        let retries = fetch::fetch(job, git, request)?;
        Ok(Fetched::Fetched { retries })
    }

    /// Whether a fetch from `remote` also prunes (`remote.<name>.prune`, else `fetch.prune`).
    fn prunes(&self, remote: &str) -> bool {
        self.prune
            .get(remote)
            .copied()
            .unwrap_or(self.prune_default)
    }
}

/// Whether a fetch of `remote` (standard refspec, `namespaces`, pruning or not) would change nothing in `local`,
/// given what the remote advertises (`listed`).
fn current(
    local: &Snapshot,
    namespaces: &[Namespace],
    prune: bool,
    remote: &str,
    listed: &BTreeMap<String, String>,
) -> bool {
    let mut wanted: BTreeMap<String, &str> = BTreeMap::new();
    for (name, oid) in listed {
        if name.starts_with(refname::TAGS) {
            // Tags are followed only where missing here (an existing tag is never moved by a fetch).
            if local.get(name).is_none() {
                return false;
            }
            continue;
        }
        if !name.starts_with(refname::HEADS) && !namespaces.iter().any(|n| n.matches(name)) {
            continue;
        }
        let Some(copy) = refname::tracking(remote, name) else {
            continue;
        };
        wanted.insert(copy, oid.as_str());
    }
    // A namespace named exactly that the remote lacks: the fetch has its own say about that.
    if namespaces
        .iter()
        .any(|n| !n.pattern.contains('*') && !listed.contains_key(&n.pattern))
    {
        return false;
    }
    if wanted
        .iter()
        .any(|(copy, oid)| local.get(copy) != Some(oid))
    {
        return false;
    }
    if !prune {
        return true;
    }
    // A pruning fetch would also remove what the remote no longer has.
    let (tracking, copies) = (
        refname::tracking_prefix(remote),
        refname::copies_prefix(remote),
    );
    let tracked = local
        .under(&tracking)
        .filter(|(name, _)| !name.ends_with("/HEAD"));
    let copies = local.under(&copies).filter(|(name, _)| {
        refname::remote_name_of(remote, name)
            .is_some_and(|n| namespaces.iter().any(|ns| ns.matches(&n)))
    });
    for (name, _) in tracked.chain(copies) {
        if !wanted.contains_key(name) {
            return false;
        }
    }
    true
}

/// The push of `refs` to a remote that is known to hold every one of them already (`known` gives its tip of a
/// ref by the ref's name), as the push would have reported it: every ref up to date. `None` when a push is
/// needed.
pub fn already_there<'k>(
    refs: &[Outgoing],
    known: impl Fn(&str) -> Option<&'k str>,
) -> Option<Pushed> {
    let refs = refs
        .iter()
        .map(|r| {
            let oid = r.oid.as_deref()?;
            (known(&r.name)? == oid).then(|| RefResult {
                name: r.name.clone(),
                old: Some(oid.to_string()),
                new: Some(oid.to_string()),
                status: RefStatus::UpToDate,
                rejection: None,
                relation: None,
                backup: None,
                carried: false,
            })
        })
        .collect::<Option<Vec<RefResult>>>()?;
    Some(Pushed {
        refs,
        ..Pushed::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::MergeMode;

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(n, o)| (n.to_string(), o.to_string()))
            .collect()
    }

    /// The comparison over `local` refs, for remote `gh` or another.
    struct Fixture<'a> {
        local: Snapshot,
        namespaces: &'a [Namespace],
        prune: bool,
    }

    impl Fixture<'_> {
        fn current(&self, remote: &str, listed: &BTreeMap<String, String>) -> bool {
            current(&self.local, self.namespaces, self.prune, remote, listed)
        }
    }

    fn fresh<'a>(local: &[(&str, &str)], namespaces: &'a [Namespace], prune: bool) -> Fixture<'a> {
        Fixture {
            local: Snapshot::from_map(map(local)),
            namespaces,
            prune,
        }
    }

    #[test]
    fn a_remote_is_current_when_its_listing_matches_the_tracking_refs() {
        let namespaces = [Namespace {
            pattern: "refs/git-mile/*".into(),
            merge: MergeMode::Union,
        }];
        let local = [
            ("refs/remotes/gh/main", "1"),
            ("refs/remotes/gh/gone", "2"),
            ("refs/remotes/gh/HEAD", "1"),
            ("refs/multi/remotes/gh/git-mile/t1", "3"),
            ("refs/tags/v1", "9"),
        ];
        let listed = map(&[
            ("refs/heads/main", "1"),
            ("refs/git-mile/t1", "3"),
            ("refs/tags/v1", "8"),
            ("refs/pull/1/head", "7"),
        ]);
        assert!(fresh(&local, &namespaces, false).current("gh", &listed));
        // A pruning fetch would drop `gone`.
        assert!(!fresh(&local, &namespaces, true).current("gh", &listed));
        let mut moved = listed.clone();
        moved.insert("refs/heads/main".into(), "5".into());
        assert!(!fresh(&local, &namespaces, false).current("gh", &moved));
        let mut new_branch = listed.clone();
        new_branch.insert("refs/heads/topic".into(), "1".into());
        assert!(!fresh(&local, &namespaces, false).current("gh", &new_branch));
        let mut new_tag = listed.clone();
        new_tag.insert("refs/tags/v2".into(), "1".into());
        assert!(!fresh(&local, &namespaces, false).current("gh", &new_tag));
        let mut new_event = listed.clone();
        new_event.insert("refs/git-mile/t2".into(), "4".into());
        assert!(!fresh(&local, &namespaces, false).current("gh", &new_event));
        // Another remote's copies say nothing about this one.
        assert!(!fresh(&local, &namespaces, false).current("gl", &listed));
        let exact = [Namespace {
            pattern: "refs/notes/commits".into(),
            merge: MergeMode::Union,
        }];
        assert!(!fresh(&local, &exact, false).current("gh", &listed));
    }

    #[test]
    fn only_a_remote_holding_every_tip_needs_no_push() {
        let refs = [
            Outgoing::same("refs/heads/main", "1"),
            Outgoing::same("refs/git-mile/t1", "3"),
        ];
        let there = map(&[("refs/heads/main", "1"), ("refs/git-mile/t1", "3")]);
        let pushed = already_there(&refs, |n| there.get(n).map(String::as_str)).unwrap();
        assert!(pushed.refs.iter().all(|r| r.status == RefStatus::UpToDate));
        let behind = map(&[("refs/heads/main", "1"), ("refs/git-mile/t1", "2")]);
        assert!(already_there(&refs, |n| behind.get(n).map(String::as_str)).is_none());
        assert!(already_there(&refs, |_| None).is_none());
        assert!(already_there(&[Outgoing::delete("refs/heads/x")], |_| Some("1")).is_none());
    }
}
