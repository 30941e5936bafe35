//! Whole runs over one repository's members, split into "prepare once", "one job per member" and "finish
//! once", so the caller owns the pool: `git multi push|fetch` run one repository's jobs on theirs, `git multi
//! workspace` runs the jobs of every repository on one shared pool (one set of per-host caps for all).

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::config::Namespace;
use crate::error::{Error, Result};
use crate::git::{refname, Git, GitError, RecurseSubmodules};
use crate::outcome::{Outcome, Status};
use crate::remote_set::Member;
use crate::report::fetch::FetchDetail;
use crate::report::push::PushDetail;
use crate::report::status::Reached;
use crate::runner::Job;

use super::fetch::{self, FetchRequest};
use super::push::{self, Force, Outgoing, PushRequest};
use super::relate::{self, Compared};
use super::{Backups, Relater, Snapshot};

fn detached() -> Error {
    Error::usage("HEAD is detached, so there is no current branch to push")
        .hint("name the branch with `--branch <name>`, or push every branch with `--all`")
}

fn no_branch(name: &str) -> Error {
    Error::usage(format!("no local branch `{}`", refname::short(name)))
        .hint("`git branch` lists the branches you can push")
}

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

/// A push of the same refs to some members of one repository, prepared once (tracking refs read in one go).
pub struct PushRun<'g> {
    git: &'g Git,
    refs: Vec<Outgoing>,
    how: PushHow,
    tracking: Snapshot,
    backups: Backups,
    relater: Relater<'g>,
}

impl<'g> PushRun<'g> {
    pub fn prepare(
        git: &'g Git,
        members: &[&Member],
        refs: Vec<Outgoing>,
        how: PushHow,
    ) -> std::result::Result<PushRun<'g>, GitError> {
        let tracking = Snapshot::take(
            git,
            &push::tracking_patterns(members.iter().map(|m| m.name.as_str()), &refs),
        )?;
        Ok(PushRun {
            git,
            refs,
            how,
            tracking,
            backups: Backups::new(),
            relater: Relater::new(git),
        })
    }

    /// What `git multi push` pushes by default, the current branch and the refs of the configured namespaces
    /// (`carried`), prepared with one `for-each-ref` for those and every tracking ref: a workspace prepares
    /// many repositories.
    pub fn prepare_current(
        git: &'g Git,
        members: &[&Member],
        carried: &[Namespace],
        how: PushHow,
    ) -> Result<PushRun<'g>> {
        let branch = git.current_branch()?.ok_or_else(detached)?;
        let name = refname::branch(&branch);
        let remotes = || members.iter().map(|m| m.name.as_str());
        // Without namespaces the branch's tracking refs are known up front: one read covers everything.
        let mut patterns: Vec<String> = vec![name.clone()];
        if carried.is_empty() {
            patterns.extend(push::tracking_patterns(
                remotes(),
                &[Outgoing::same(&name, "")],
            ));
        }
        patterns.extend(carried.iter().map(|n| n.root().to_string()));
        let local = Snapshot::take(git, &patterns)?;
        // An unborn branch has no ref yet: the same error as `git multi push` gives.
        let oid = local.get(&name).ok_or_else(|| no_branch(&name))?;
        let mut refs = vec![Outgoing::same(&name, oid)];
        for namespace in carried {
            refs.extend(
                local
                    .under(namespace.root())
                    .filter(|(n, _)| namespace.matches(n) && *n != name)
                    .map(|(n, o)| Outgoing::same(n, o)),
            );
        }
        let tracking = if carried.is_empty() {
            local
        } else {
            Snapshot::take(git, &push::tracking_patterns(remotes(), &refs))?
        };
        Ok(PushRun {
            git,
            refs,
            how,
            tracking,
            backups: Backups::new(),
            relater: Relater::new(git),
        })
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
        let pushed = push::push_with(job, self.git, &request, self.how.recurse_submodules);
        crate::report::push::outcome(job, pushed, self.how.dry_run)
    }
}

/// Fetches from some members of one repository: tracking refs read once before and once after the run.
pub struct FetchRun<'g> {
    git: &'g Git,
    request: FetchRequest,
    patterns: Vec<String>,
    before: Snapshot,
}

impl<'g> FetchRun<'g> {
    pub fn prepare(
        git: &'g Git,
        members: &[&Member],
        request: FetchRequest,
    ) -> std::result::Result<FetchRun<'g>, GitError> {
        let patterns: Vec<String> = members
            .iter()
            .flat_map(|m| fetch::tracking_patterns(&m.name))
            .collect();
        let before = Snapshot::take(git, &patterns)?;
        Ok(FetchRun {
            git,
            request,
            patterns,
            before,
        })
    }

    /// One member's fetch; what it changed is worked out in [`FetchRun::finish`].
    pub fn fetch(&self, job: &Job) -> Outcome<FetchDetail> {
        match fetch::fetch(job, self.git, &self.request) {
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
            .map(|outcome| {
                crate::report::fetch::settle(self.git, outcome, &self.before, &after, &backups)
            })
            .collect())
    }
}

/// Compares one repository's branches (and tags) with its members' through `ls-remote`, as `git multi
/// status` does without `--offline`.
pub struct StatusRun<'g> {
    git: &'g Git,
    prefixes: Vec<&'static str>,
    pub local: BTreeMap<String, String>,
    answered: Mutex<BTreeMap<String, BTreeMap<String, String>>>,
}

impl<'g> StatusRun<'g> {
    pub fn prepare(git: &'g Git, tags: bool) -> std::result::Result<StatusRun<'g>, GitError> {
        let mut prefixes = vec![refname::HEADS];
        if tags {
            prefixes.push(refname::TAGS);
        }
        let patterns: Vec<String> = prefixes.iter().map(|p| p.to_string()).collect();
        let snapshot = Snapshot::take(git, &patterns)?;
        let local = prefixes
            .iter()
            .flat_map(|p| snapshot.under(p))
            .map(|(n, o)| (n.to_string(), o.to_string()))
            .collect();
        Ok(StatusRun {
            git,
            prefixes,
            local,
            answered: Mutex::new(BTreeMap::new()),
        })
    }

    /// One member's refs, read with `ls-remote` (kept for [`StatusRun::finish`]).
    pub fn probe(&self, job: &Job) -> Outcome<Reached> {
        match job
            .git(|left, _| {
                self.git
                    .ls_remote_refs(job.name(), &self.prefixes, Some(left))
            })
            .result
        {
            Ok(refs) => {
                let outcome = Outcome::new(
                    job.name(),
                    Status::Ok,
                    job.elapsed(),
                    Reached {
                        refs: refs.len(),
                        fetched: None,
                    },
                );
                self.answered
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(job.name().to_string(), refs);
                outcome
            }
            Err(err) => job.failure(&err, Reached::default()),
        }
    }

    /// Every ref of every member that answered, compared with the local one.
    pub fn finish(&self, members: &[&Member]) -> std::result::Result<Vec<Compared>, GitError> {
        let relater = Relater::new(self.git);
        let answered = self.answered.lock().unwrap_or_else(|e| e.into_inner());
        let mut entries = Vec::new();
        for member in members {
            if let Some(theirs) = answered.get(&member.name) {
                entries.extend(relate::compare(
                    &relater,
                    &member.name,
                    &self.local,
                    theirs,
                    |_| false,
                )?);
            }
        }
        Ok(entries)
    }
}
