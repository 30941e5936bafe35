//! Whole runs over one repository's members, split into "prepare once", "one job per member" and "finish
//! once", so the caller owns the pool: `git multi push|fetch|status` run one repository's jobs on theirs, `git
//! multi workspace` runs the jobs of every repository on one shared pool (one set of per-host caps for all).
//! Both go through the same code here, so the single-repository commands and the workspace cannot drift apart.

use crate::model::{Compared, Comparison, State};
use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::config::{MergeMode, Namespace};
use crate::error::{Error, Result};
use crate::git::{refname, Git, GitError, RecurseSubmodules};
use crate::model::FetchDetail;
use crate::model::PushDetail;
use crate::model::Reached;
use crate::model::{Outcome, Status};
use crate::remote_set::Member;
use crate::runner::Job;

use super::fetch;
use super::publish;
use super::push::{self, Force, Outgoing, PushRequest};
use super::relate;
use super::{Backups, Relater, Snapshot};

/// How to push, beyond which refs.
#[derive(Debug, Clone, Copy)]
pub struct PushHow {
    pub force: Force,
    pub dry_run: bool,
    pub atomic: bool,
    pub recurse_submodules: Option<RecurseSubmodules>,
    /// Why backups are taken, for their reflog.
    pub reason: &'static str,
}

impl Default for PushHow {
    fn default() -> Self {
        PushHow {
            force: Force::No,
            dry_run: false,
            atomic: false,
            recurse_submodules: None,
            reason: "git multi push: tip before a forced update",
        }
    }
}

/// The refs a push names: `--branch` values (branches, other full ref names, ref globs), every branch with
/// `all`, every tag with `tags`; no names and not `all` means the current branch.
#[derive(Debug, Clone, Copy, Default)]
pub struct Named<'a> {
    pub names: &'a [String],
    pub all: bool,
    pub tags: bool,
}

/// A push of the same refs to some members of one repository, prepared once (tracking refs read in one go).
pub struct PushRun<'g> {
    git: &'g Git,
    refs: Vec<Outgoing>,
    /// Configured namespace refs that go along unnamed, never forced (see [`push::push_carrying`]).
    carried: Vec<Outgoing>,
    how: PushHow,
    tracking: Snapshot,
    backups: Backups,
    relater: Relater<'g>,
}

impl<'g> PushRun<'g> {
    /// What `git multi push` pushes: the `named` refs, and the local refs of the configured namespaces
    /// (`carried`) not named already. When every name is known up front (the default, the current branch),
    /// one `for-each-ref` reads them and their tracking refs together: a workspace prepares many repositories.
    pub fn prepare_named(
        git: &'g Git,
        members: &[&Member],
        named: Named,
        carried: &[Namespace],
        how: PushHow,
    ) -> Result<PushRun<'g>> {
        let remotes = || members.iter().map(|m| m.name.as_str());
        let wanted = wanted(git, named)?;
        let mut patterns: Vec<String> = match &wanted {
            Some(wanted) => wanted.iter().map(Wanted::pattern).collect(),
            None => vec![refname::HEADS.to_string()],
        };
        let exact: Option<Vec<Outgoing>> = match &wanted {
            Some(wanted) if !named.tags && carried.is_empty() => wanted
                .iter()
                .map(|w| match w {
                    Wanted::Branch(name) | Wanted::Ref(name) => Some(Outgoing::same(name, "")),
                    Wanted::Glob(_) => None,
                })
                .collect(),
            _ => None,
        };
        if let Some(exact) = &exact {
            patterns.extend(push::tracking_patterns(remotes(), exact));
        }
        if named.tags {
            patterns.push(refname::TAGS.to_string());
        }
        patterns.extend(carried.iter().map(|n| n.root().to_string()));
        let local = Snapshot::take(git, &patterns)?;
        if let Some(wanted) = &wanted {
            no_commits_yet(git, &local, wanted, named.names.is_empty())?;
        }
        let (refs, along) = refs_to_push(&local, wanted.as_deref(), named.tags, carried)?;
        let tracking = if exact.is_some() {
            local
        } else {
            let every: Vec<Outgoing> = refs.iter().chain(&along).cloned().collect();
            Snapshot::take(git, &push::tracking_patterns(remotes(), &every))?
        };
        Ok(PushRun::with(git, refs, along, how, tracking))
    }

    /// What `git multi push` pushes by default: the current branch and the configured namespaces' refs.
    pub fn prepare_current(
        git: &'g Git,
        members: &[&Member],
        carried: &[Namespace],
        how: PushHow,
    ) -> Result<PushRun<'g>> {
        PushRun::prepare_named(git, members, Named::default(), carried, how)
    }

    fn with(
        git: &'g Git,
        refs: Vec<Outgoing>,
        carried: Vec<Outgoing>,
        how: PushHow,
        tracking: Snapshot,
    ) -> PushRun<'g> {
        PushRun {
            git,
            refs,
            carried,
            how,
            tracking,
            backups: Backups::new(),
            relater: Relater::new(git),
        }
    }

    /// One member's push, as its outcome.
    pub fn push(&self, job: &Job) -> Outcome<PushDetail> {
        let request = PushRequest {
            refs: &self.refs,
            force: self.how.force,
            dry_run: self.how.dry_run,
            atomic: self.how.atomic,
            tracking: &self.tracking,
            backups: &self.backups,
            relater: &self.relater,
            reason: self.how.reason,
        };
        let pushed = push::push_carrying(
            job,
            self.git,
            &request,
            &self.carried,
            self.how.recurse_submodules,
        );
        crate::ops::pushed::outcome(job, pushed, self.how.dry_run)
    }
}

/// What one `--branch` value asks for.
enum Wanted {
    /// `main` or `refs/heads/main`.
    Branch(String),
    /// Any other full ref name (`refs/git-mile/tasks/T1`).
    Ref(String),
    /// A ref glob (`refs/git-mile/*`): everything under it.
    Glob(Namespace),
}

impl Wanted {
    fn parse(git: &Git, name: &str) -> Result<Wanted> {
        if name.contains('*') {
            if !name.starts_with("refs/") || !git.is_valid_ref_pattern(name)? {
                return Err(Error::usage(format!("`{name}` is not a valid ref pattern"))
                    .hint("a pattern is a full ref name with one `*`, as in refspecs: `--branch 'refs/git-mile/*'`"));
            }
            return Ok(Wanted::Glob(Namespace {
                pattern: name.to_string(),
                merge: MergeMode::Union,
            }));
        }
        Ok(
            if name.starts_with("refs/") && !name.starts_with(refname::HEADS) {
                Wanted::Ref(name.to_string())
            } else {
                Wanted::Branch(refname::branch(name))
            },
        )
    }

    /// What `for-each-ref` is asked for to find it.
    fn pattern(&self) -> String {
        match self {
            Wanted::Branch(name) | Wanted::Ref(name) => name.clone(),
            Wanted::Glob(glob) => glob.root().to_string(),
        }
    }
}

/// The named refs; `None` for every branch (`--all`). No names means the current branch.
fn wanted(git: &Git, named: Named) -> Result<Option<Vec<Wanted>>> {
    if named.all {
        return Ok(None);
    }
    if named.names.is_empty() {
        return match git.current_branch()? {
            Some(branch) => Ok(Some(vec![Wanted::Branch(refname::branch(&branch))])),
            None => Err(
                Error::usage("HEAD is detached, so there is no current branch to push").hint(
                    "name the branch with `--branch <name>`, or push every branch with `--all`",
                ),
            ),
        };
    }
    Ok(Some(
        named
            .names
            .iter()
            .map(|n| Wanted::parse(git, n))
            .collect::<Result<_>>()?,
    ))
}

/// A named branch that does not exist because nothing was ever committed (or, for the current branch, nothing
/// on it yet): said as such, where "no local branch" would send a new user looking for a typo. Only read when a
/// wanted branch is missing.
fn no_commits_yet(git: &Git, local: &Snapshot, wanted: &[Wanted], current: bool) -> Result<()> {
    let Some(missing) = wanted.iter().find_map(|w| match w {
        Wanted::Branch(name) if local.get(name).is_none() => Some(refname::short(name)),
        _ => None,
    }) else {
        return Ok(());
    };
    if git.refs(&[refname::HEADS])?.is_empty() {
        return Err(Error::usage(format!(
            "the repository has no commits yet, so there is nothing to push (branch `{missing}` does not exist until its first commit)"
        ))
        .hint("make a first commit (`git add <files>`, then `git commit`), then run `git multi push` again"));
    }
    if current {
        return Err(Error::usage(format!(
            "the current branch `{missing}` has no commits yet, so there is nothing to push"
        ))
        .hint("commit on it first, or push other branches with `--branch <name>` or `--all`"));
    }
    Ok(())
}

/// The `wanted` refs (each must exist locally; every branch when `None`), plus every tag with `tags`; then,
/// apart, every local ref of the `carried` namespaces not named already. All read from `local`.
fn refs_to_push(
    local: &Snapshot,
    wanted: Option<&[Wanted]>,
    tags: bool,
    carried: &[Namespace],
) -> Result<(Vec<Outgoing>, Vec<Outgoing>)> {
    let mut outgoing = Vec::new();
    match wanted {
        Some(wanted) => {
            for want in wanted {
                match want {
                    Wanted::Branch(name) | Wanted::Ref(name) => match local.get(name) {
                        Some(oid) => outgoing.push(Outgoing::same(name, oid)),
                        // An unborn current branch has no ref yet: the same error as a named one.
                        None if matches!(want, Wanted::Branch(_)) => {
                            return Err(Error::usage(format!(
                                "no local branch `{}`",
                                refname::short(name)
                            ))
                            .hint("`git branch` lists the branches you can push"))
                        }
                        None => {
                            return Err(Error::usage(format!("no local ref `{name}`")).hint(
                                format!("`git for-each-ref {}` lists the refs there", parent(name)),
                            ))
                        }
                    },
                    Wanted::Glob(glob) => {
                        let before = outgoing.len();
                        outgoing.extend(
                            local
                                .under(glob.root())
                                .filter(|(n, _)| glob.matches(n))
                                .map(|(n, o)| Outgoing::same(n, o)),
                        );
                        if outgoing.len() == before {
                            return Err(Error::usage(format!(
                                "No refs to push under {}",
                                glob.root()
                            ))
                            .hint(format!(
                                "nothing local matches `{}`; `git for-each-ref {}` lists what is there",
                                glob.pattern,
                                glob.root()
                            )));
                        }
                    }
                }
            }
        }
        None => {
            outgoing.extend(
                local
                    .under(refname::HEADS)
                    .map(|(n, o)| Outgoing::same(n, o)),
            );
            if outgoing.is_empty() {
                return Err(Error::usage("there are no local branches to push")
                    .hint("make a first commit, then push"));
            }
        }
    }
    if tags {
        outgoing.extend(
            local
                .under(refname::TAGS)
                .map(|(n, o)| Outgoing::same(n, o)),
        );
    }
    // A ref named twice (a branch and a glob covering it) goes once; a namespace ref also given with --branch
    // goes as named.
    let mut seen = std::collections::HashSet::new();
    outgoing.retain(|r| seen.insert(r.name.clone()));
    let mut along = Vec::new();
    for namespace in carried {
        along.extend(
            local
                .under(namespace.root())
                .filter(|(n, _)| namespace.matches(n) && seen.insert(n.to_string()))
                .map(|(n, o)| Outgoing::same(n, o)),
        );
    }
    Ok((outgoing, along))
}

/// `refs/git-mile/tasks/T1` → `refs/git-mile/tasks/`.
fn parent(name: &str) -> &str {
    name.rfind('/').map_or(name, |slash| &name[..=slash])
}

/// Fetches from some members of one repository, each with the configured namespaces into its copies
/// (`refs/multi/remotes/<remote>/…`): tracking refs read once before and once after the run.
pub struct FetchRun<'g> {
    git: &'g Git,
    namespaces: Vec<Namespace>,
    prune: bool,
    patterns: Vec<String>,
    before: Snapshot,
}

impl<'g> FetchRun<'g> {
    pub fn prepare(
        git: &'g Git,
        members: &[&Member],
        namespaces: &[Namespace],
        prune: bool,
    ) -> std::result::Result<FetchRun<'g>, GitError> {
        let patterns: Vec<String> = members
            .iter()
            .flat_map(|m| fetch::tracking_patterns(&m.name))
            .collect();
        let before = Snapshot::take(git, &patterns)?;
        Ok(FetchRun {
            git,
            namespaces: namespaces.to_vec(),
            prune,
            patterns,
            before,
        })
    }

    /// One member's fetch; what it changed is worked out in [`FetchRun::finish`].
    pub fn fetch(&self, job: &Job) -> Outcome<FetchDetail> {
        let request = fetch::with_namespaces(job.name(), &self.namespaces, self.prune);
        match fetch::fetch(job, self.git, &request) {
            Ok(retries) => Outcome::new(
                job.name(),
                Status::Ok,
                job.elapsed(),
                FetchDetail {
                    retries,
                    ..FetchDetail::default()
                },
            ),
            Err(err) => job.failure(&err, FetchDetail::default()),
        }
    }

    /// Completes every outcome from the tracking refs after the run (what changed, pruned tips saved).
    pub fn finish(
        &self,
        fetched: Vec<Outcome<FetchDetail>>,
    ) -> std::result::Result<Vec<Outcome<FetchDetail>>, GitError> {
        let after = Snapshot::take(self.git, &self.patterns)?;
        let backups = Backups::new();
        Ok(fetched
            .into_iter()
            .map(|outcome| fetch::settle(self.git, outcome, &self.before, &after, &backups))
            .collect())
    }
}

/// Compares one repository's branches (tags with `tags`, the configured namespaces' refs) with its members',
/// as `git multi status` does: through `ls-remote`, or `offline` from the tracking refs of the last fetch.
pub struct StatusRun<'g> {
    git: &'g Git,
    prefixes: Vec<String>,
    namespaces: Vec<Namespace>,
    tags: bool,
    offline: bool,
    snapshot: Snapshot,
    local: BTreeMap<String, String>,
    answered: Mutex<BTreeMap<String, BTreeMap<String, String>>>,
}

impl<'g> StatusRun<'g> {
    pub fn prepare(
        git: &'g Git,
        members: &[&Member],
        namespaces: &[Namespace],
        tags: bool,
        offline: bool,
    ) -> std::result::Result<StatusRun<'g>, GitError> {
        // Offline, tags cannot be compared: git keeps no per-remote copy of them to read.
        let tags = tags && !offline;
        let mut prefixes = vec![refname::HEADS.to_string()];
        if tags {
            prefixes.push(refname::TAGS.to_string());
        }
        prefixes.extend(namespaces.iter().map(|n| n.root().to_string()));
        let mut patterns = prefixes.clone();
        if offline {
            patterns.extend(
                members
                    .iter()
                    .flat_map(|m| fetch::tracking_patterns(&m.name)),
            );
        }
        let snapshot = Snapshot::take(git, &patterns)?;
        let mut run = StatusRun {
            git,
            prefixes,
            namespaces: namespaces.to_vec(),
            tags,
            offline,
            snapshot,
            local: BTreeMap::new(),
            answered: Mutex::new(BTreeMap::new()),
        };
        run.local = run
            .prefixes
            .iter()
            .flat_map(|p| run.snapshot.under(p))
            .filter(|(n, _)| run.wanted(n))
            .map(|(n, o)| (n.to_string(), o.to_string()))
            .collect();
        Ok(run)
    }

    /// Which refs are compared: branches, tags when asked for, and the configured namespaces' refs.
    fn wanted(&self, name: &str) -> bool {
        name.starts_with(refname::HEADS)
            || (self.tags && name.starts_with(refname::TAGS))
            || self.namespaces.iter().any(|n| n.matches(name))
    }

    /// One member's refs, read with `ls-remote` (kept for [`StatusRun::finish`]).
    pub fn probe(&self, job: &Job) -> Outcome<Reached> {
        let prefixes: Vec<&str> = self.prefixes.iter().map(String::as_str).collect();
        match job
            .git(|left, _| self.git.ls_remote_refs(job.name(), &prefixes, Some(left)))
            .result
        {
            Ok(mut refs) => {
                refs.retain(|name, _| self.wanted(name));
                let outcome = Outcome::new(
                    job.name(),
                    Status::Ok,
                    job.elapsed(),
                    Reached {
                        refs: refs.len(),
                        fetched: None,
                    },
                );
                self.answered(job.name(), refs);
                outcome
            }
            Err(err) => job.failure(&err, Reached::default()),
        }
    }

    fn answered(&self, remote: &str, refs: BTreeMap<String, String>) {
        self.answered
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(remote.to_string(), refs);
    }

    /// Offline instead of [`StatusRun::probe`]: a remote's refs as of the last fetch: its tracking refs mapped back through its fetch refspecs to the
    /// remote's own names, and its copies of the configured namespaces; tags do not count (they are not
    /// tracked per remote). A remote that was never fetched has nothing to compare: its refs are unknown, not
    /// missing.
    pub fn last_fetched(&self, member: &Member) -> Outcome<Reached> {
        let snapshot = &self.snapshot;
        let prefix = refname::tracking_prefix(&member.name);
        let copies = refname::copies_prefix(&member.name);
        let branches = snapshot.under(&prefix).filter_map(|(tracking, oid)| {
            let name = refname::fetched_from(&member.name, &member.fetch_refspecs, tracking)?;
            name.starts_with(refname::HEADS)
                .then(|| (name, oid.to_string()))
        });
        let namespaced = snapshot.under(&copies).filter_map(|(copy, oid)| {
            let name = refname::remote_name_of(&member.name, copy)?;
            (self.wanted(&name) && !name.starts_with(refname::TAGS))
                .then(|| (name, oid.to_string()))
        });
        let refs: BTreeMap<String, String> = branches.chain(namespaced).collect();
        let fetched = snapshot.under(&prefix).next().is_some();
        let outcome = Outcome::new(
            &member.name,
            Status::Ok,
            std::time::Duration::ZERO,
            Reached {
                refs: refs.len(),
                fetched: Some(fetched),
            },
        );
        if fetched {
            self.answered(&member.name, refs);
        }
        outcome
    }

    /// Every ref of every member that answered (`reached`, in `members`' order), compared with the local one.
    pub fn finish(
        &self,
        members: &[&Member],
        reached: &[Outcome<Reached>],
    ) -> std::result::Result<Comparison, GitError> {
        let relater = Relater::new(self.git);
        let answered = self.answered.lock().unwrap_or_else(|e| e.into_inner());
        let local = &self.local;
        let mut entries: Vec<Compared> = Vec::new();
        let mut compared: Vec<&str> = Vec::new();
        for (member, outcome) in members.iter().zip(reached) {
            match answered.get(&member.name) {
                Some(theirs) => {
                    compared.push(&member.name);
                    let is_tag = |name: &str| name.starts_with(refname::TAGS);
                    let (local_tags, local_rest) = split(local, is_tag);
                    let (their_tags, their_rest) = split(theirs, is_tag);
                    let mut both =
                        relate::compare(&relater, &member.name, &local_rest, &their_rest, |_| {
                            false
                        })?;
                    both.extend(if self.offline {
                        // Tags are shared, not tracked per remote: offline, a tag's absence proves nothing.
                        relate::compare(&relater, &member.name, &local_tags, &their_tags, |_| true)?
                    } else {
                        // A tag is replaced, never fast-forwarded: one with another target differs
                        // (`diverged`), however its commit relates to ours.
                        publish::compare_tips(&member.name, &local_tags, &their_tags)
                    });
                    both.sort_by(|a, b| a.name.cmp(&b.name));
                    entries.extend(both);
                }
                // Never fetched: every local ref's state there is unknown (not missing).
                None if outcome.detail.fetched == Some(false) => {
                    entries.extend(local.iter().map(|(name, oid)| Compared {
                        remote: member.name.clone(),
                        name: name.clone(),
                        local: Some(oid.clone()),
                        remote_oid: None,
                        relation: crate::model::Relation::of(State::Unknown),
                    }))
                }
                None => {}
            }
        }
        Ok(Comparison::new(local.clone(), entries, &compared))
    }
}

/// `refs` split into those `pick` chooses and the rest.
fn split(
    refs: &BTreeMap<String, String>,
    pick: impl Fn(&str) -> bool,
) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    refs.iter()
        .map(|(n, o)| (n.clone(), o.clone()))
        .partition(|(n, _)| pick(n))
}
