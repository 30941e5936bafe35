//! Pushing refs to one remote: refspecs and per-remote leases built from that remote's own tracking refs,
//! the remote's old tips saved before anything is overwritten or deleted, and git's porcelain answer turned
//! into one result per ref (old and new tip, status, why it was refused and how far apart the two sides are).

use crate::model::Relation;
use std::collections::{BTreeMap, BTreeSet};

use crate::git::{
    refname, remote_messages, Git, GitError, PushOptions, PushReply, PushedRef, RecurseSubmodules,
    RefStatus, Refspec, Rejection,
};
use crate::runner::Job;

use super::{Backups, Relater, Snapshot};
use crate::model::Saved;

/// How far a push may go when the remote has something the pushed ref does not contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Force {
    /// Fast-forwards and new refs only.
    No,
    /// New refs only: a ref the remote already has with another target is refused as already existing,
    /// whatever the two tips have in common (a lease on its absence), so nothing there is ever moved.
    CreateOnly,
    /// Overwrite only where the remote still has what its tracking ref says (tags are never overwritten this
    /// way: git keeps no per-remote copy of them to lease against).
    Lease,
    /// Overwrite whatever is there, after saving it.
    Yes,
}

/// One ref to put on the remote: `name` there gets the local `src` (whose object is `oid`), or is deleted
/// when `src` is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub name: String,
    pub src: Option<String>,
    pub oid: Option<String>,
}

impl Outgoing {
    /// The local ref `name` onto the remote ref of the same name.
    pub fn same(name: &str, oid: &str) -> Outgoing {
        Outgoing {
            name: name.to_string(),
            src: Some(name.to_string()),
            oid: Some(oid.to_string()),
        }
    }

    /// The commit `oid` onto the remote ref `name`, whatever local ref (if any) holds it (a merge or union
    /// computed for a dry run, say).
    pub fn tip(name: &str, oid: &str) -> Outgoing {
        Outgoing {
            name: name.to_string(),
            src: Some(oid.to_string()),
            oid: Some(oid.to_string()),
        }
    }

    pub fn delete(name: &str) -> Outgoing {
        Outgoing {
            name: name.to_string(),
            src: None,
            oid: None,
        }
    }
}

/// The same push for every remote of a run; leases and backups are worked out per remote.
pub struct PushRequest<'a> {
    pub refs: &'a [Outgoing],
    pub force: Force,
    pub dry_run: bool,
    pub atomic: bool,
    /// Every remote's tracking refs for the pushed names, read once for the run.
    pub tracking: &'a Snapshot,
    pub backups: &'a Backups,
    pub relater: &'a Relater<'a>,
    /// Why the backups are taken, for the reflog of the backup refs.
    pub reason: &'a str,
}

/// One ref's result on one remote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefResult {
    pub name: String,
    /// What the remote had before, where known.
    pub old: Option<String>,
    /// What it has now (or would have), `None` for a deletion.
    pub new: Option<String>,
    pub status: RefStatus,
    pub rejection: Option<Rejection>,
    /// For a refused update: how the pushed tip relates to the remote's last known one (its tracking ref; for
    /// "fetch first" the remote has moved on from it since).
    pub relation: Option<Relation>,
    /// Where the overwritten or deleted tip was saved.
    pub backup: Option<String>,
    /// A configured namespace ref that went along unnamed ([`push_carrying`]): never forced.
    pub carried: bool,
}

/// What a push to one remote did.
#[derive(Debug, Clone, Default)]
pub struct Pushed {
    pub refs: Vec<RefResult>,
    pub retries: u32,
    /// The server's own words (`remote:` lines), for refusals.
    pub remote_said: Vec<String>,
    pub backups: Vec<Saved>,
    /// The branch checked out here (`refs/heads/…`), read only when a branch was refused for lacking the
    /// remote's commits.
    pub checked_out: Option<String>,
}

impl Pushed {
    /// Whether a ref was refused only because the remote moved between our reading it and the push arriving
    /// (a lease on a stale tip, commits we have not fetched, another push that took the ref's lock or moved it
    /// under it): a lost race, which fetching again and pushing again can settle.
    pub fn lost_race(&self) -> bool {
        self.refs.iter().any(|r| {
            r.status == RefStatus::Rejected
                && matches!(
                    &r.rejection,
                    Some(
                        Rejection::StaleLease
                            | Rejection::FetchFirst
                            | Rejection::NonFastForward
                            | Rejection::ConcurrentUpdate
                            | Rejection::Locked(_),
                    )
                )
        })
    }

    /// Two pushes to the same remote (say fast-forwards, then leased overwrites) as one result.
    pub fn and(mut self, other: Pushed) -> Pushed {
        self.refs.extend(other.refs);
        self.retries += other.retries;
        self.remote_said.extend(other.remote_said);
        self.backups.extend(other.backups);
        self.checked_out = self.checked_out.or(other.checked_out);
        self
    }
}

/// Pushes `request` to `job`'s remote. Only a push that could not talk to the remote (or could not save what
/// it was about to overwrite) is an error; refused refs are data.
pub fn push(job: &Job, git: &Git, request: &PushRequest) -> Result<Pushed, GitError> {
    push_with(job, git, request, None)
}

/// [`push`] with git's `--recurse-submodules=<how>`.
pub fn push_with(
    job: &Job,
    git: &Git,
    request: &PushRequest,
    recurse_submodules: Option<RecurseSubmodules>,
) -> Result<Pushed, GitError> {
    push_carrying(job, git, request, &[], recurse_submodules)
}

/// [`push`] of `request.refs` (forced as `request.force` says) with the configured namespace refs `carried`
/// along, unnamed: those only ever go where they are new or a fast-forward (no `+`, no lease) whatever the
/// force, and are never part of an atomic push (a namespace ref a remote has newer commits of must not stop the
/// refs that were named). Their results are marked [`RefResult::carried`].
pub fn push_carrying(
    job: &Job,
    git: &Git,
    request: &PushRequest,
    carried: &[Outgoing],
    recurse_submodules: Option<RecurseSubmodules>,
) -> Result<Pushed, GitError> {
    let there = match request.force {
        Force::Yes => Some(remote_tips(job, git, request.refs)?),
        _ => None,
    };
    if carried.is_empty() || !request.atomic {
        return send(job, git, request, there, None, carried, recurse_submodules);
    }
    let named = send(job, git, request, there, None, &[], recurse_submodules)?;
    let along = PushRequest {
        refs: &[],
        force: Force::No,
        atomic: false,
        ..*request
    };
    Ok(named.and(send(
        job,
        git,
        &along,
        None,
        None,
        carried,
        recurse_submodules,
    )?))
}

/// [`push`] with [`Force::Yes`] over the tips the caller read from this remote moments ago (`name -> oid`, as
/// ls-remote gave them; refs absent from it are expected to be absent there). What is saved and leased on is
/// then exactly what the caller looked at to decide (mirror plans, the check before a delete), and the remote
/// is not asked twice.
pub fn push_over(
    job: &Job,
    git: &Git,
    request: &PushRequest,
    there: &BTreeMap<String, String>,
) -> Result<Pushed, GitError> {
    let there = request
        .refs
        .iter()
        .filter_map(|r| there.get(&r.name).map(|oid| (r.name.clone(), oid.clone())))
        .collect();
    let forced = PushRequest {
        force: Force::Yes,
        ..*request
    };
    send(job, git, &forced, Some(there), None, &[], None)
}

/// What one remote must still have for an exact push to go ahead: `(remote ref, oid)`, `None` for "must not
/// exist". Worked out per remote by the caller (an undo expects what its log entry wrote there).
pub type Expected = [(String, Option<String>)];

/// Pushes `request` to `job`'s remote, overwriting or deleting each ref only while the remote still has
/// exactly what `expected` says (a lease per ref, whatever `request.force` is): work pushed since is never
/// clobbered. The tips being replaced are saved first, like `--force` does.
pub fn push_expecting(
    job: &Job,
    git: &Git,
    request: &PushRequest,
    expected: &Expected,
) -> Result<Pushed, GitError> {
    send(job, git, request, None, Some(expected), &[], None)
}

/// The push itself; `there` is what the remote has at the pushed names when the push is forced, `exact` the
/// tips it must still have for an exact push, `carried` refs that go along without any force.
fn send(
    job: &Job,
    git: &Git,
    request: &PushRequest,
    there: Option<Vec<(String, String)>>,
    exact: Option<&Expected>,
    carried: &[Outgoing],
    recurse_submodules: Option<RecurseSubmodules>,
) -> Result<Pushed, GitError> {
    let remote = job.name();
    job.say("pushing");
    let (leases, mut refspecs, saved) = arm(job, git, request, there, exact)?;
    let options = PushOptions {
        dry_run: request.dry_run,
        atomic: request.atomic,
        leases,
        recurse_submodules,
    };
    // No lease and no `+`: git then updates them only where that loses nothing.
    refspecs.extend(carried.iter().map(|r| refspec(r, false)));

    let attempted = job.git(|left, sink| git.push(remote, &refspecs, &options, Some(left), sink));
    let reply = match attempted.result {
        Ok(reply) => reply,
        Err(err) => {
            let _ = request.backups.discard(git, &saved);
            return Err(err);
        }
    };

    let mut saved = saved;
    let mut refs: Vec<RefResult> = reply
        .refs
        .iter()
        .map(|pushed| ref_result(git, request, remote, &reply, pushed, exact, carried, &saved))
        .collect();

    if !request.dry_run {
        saved = settle_backups(git, request, remote, &refs, saved)?;
    }
    for r in &mut refs {
        r.backup = saved
            .iter()
            .find(|s| s.name == r.name)
            .map(|s| s.backup.clone());
    }
    let checked_out = checked_out_if_refused(git, &refs);
    Ok(Pushed {
        refs,
        retries: attempted.retries,
        remote_said: remote_messages(&reply.stderr),
        backups: saved,
        checked_out,
    })
}

/// The leases, refspecs and saved tips of a push under `request.force` (`exact`: leases on these tips instead).
/// Tips about to be overwritten are saved first (not under `--dry-run`).
fn arm(
    job: &Job,
    git: &Git,
    request: &PushRequest,
    there: Option<Vec<(String, String)>>,
    exact: Option<&Expected>,
) -> Result<(Leases, Vec<Refspec>, Vec<Saved>), GitError> {
    let remote = job.name();
    let mut options = Leases::new();
    let mut refspecs = Vec::new();
    let mut saved: Vec<Saved> = Vec::new();
    match request.force {
        _ if exact.is_some() => {
            // The expected tips are usually here already (this repository pushed them); the others are
            // fetched from the remote into their backup refs, and dropped again if the lease fails.
            saved = lease_all(job, git, request, &mut options, &mut refspecs, |name| {
                expected(exact, name)
            })?;
        }
        Force::Yes => {
            // Save exactly what is there, then overwrite exactly that: a lease on the saved tip means a
            // remote that moved in between is refused rather than overwritten unsaved.
            let there = match there {
                Some(there) => there,
                None => remote_tips(job, git, request.refs)?,
            };
            saved = lease_all(job, git, request, &mut options, &mut refspecs, |name| {
                there
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, o)| o.clone())
            })?;
        }
        Force::CreateOnly => {
            for r in request.refs {
                options.push((r.name.clone(), None));
                refspecs.push(refspec(r, false));
            }
        }
        Force::Lease => {
            for r in request.refs {
                match refname::tracking(remote, &r.name) {
                    Some(tracking) => {
                        let expected = request.tracking.get(&tracking).map(str::to_string);
                        options.push((r.name.clone(), expected));
                        refspecs.push(refspec(r, false));
                    }
                    None => refspecs.push(refspec(r, false)),
                }
            }
        }
        Force::No => refspecs.extend(plain_refspecs(git, request.refs)?),
    }
    Ok((options, refspecs, saved))
}

/// Leases every ref of the request on the tip `old_of` names (none: the ref must not exist), first saving the
/// tips the push would overwrite (not under `--dry-run`); answers what was saved.
fn lease_all(
    job: &Job,
    git: &Git,
    request: &PushRequest,
    options: &mut Leases,
    refspecs: &mut Vec<Refspec>,
    old_of: impl Fn(&str) -> Option<String>,
) -> Result<Vec<Saved>, GitError> {
    let to_save: Vec<(String, String)> = request
        .refs
        .iter()
        .filter_map(|r| {
            let old = old_of(&r.name)?;
            (Some(&old) != r.oid.as_ref()).then(|| (r.name.clone(), old))
        })
        .collect();
    let saved = if request.dry_run {
        Vec::new()
    } else {
        request
            .backups
            .fetch_and_save(job, git, &to_save, request.reason)?
    };
    for r in request.refs {
        options.push((r.name.clone(), old_of(&r.name)));
        refspecs.push(refspec(r, false));
    }
    Ok(saved)
}

/// `(remote ref, expected oid)` per leased ref.
type Leases = Vec<(String, Option<String>)>;

/// The tip `exact` requires of `name`, if it names one.
fn expected(exact: Option<&Expected>, name: &str) -> Option<String> {
    exact.and_then(|e| {
        e.iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, o)| o.clone())
    })
}

/// One ref of git's answer as a result: its old tip (as exact as can be known), new tip, status, why it was
/// refused and, for a refusal for lacking the remote's commits, how far apart the two sides are.
#[allow(clippy::too_many_arguments)]
fn ref_result(
    git: &Git,
    request: &PushRequest,
    remote: &str,
    reply: &PushReply,
    pushed: &PushedRef,
    exact: Option<&Expected>,
    carried: &[Outgoing],
    saved: &[Saved],
) -> RefResult {
    let is_carried = carried.iter().any(|r| r.name == pushed.to);
    let wanted = request
        .refs
        .iter()
        .chain(carried)
        .find(|r| r.name == pushed.to);
    let new = match pushed.status {
        RefStatus::Deleted => None,
        _ => wanted.and_then(|r| r.oid.clone()),
    };
    let tracking = refname::tracking(remote, &pushed.to)
        .and_then(|t| request.tracking.get(&t).map(str::to_string));
    let old = match (pushed.status, pushed.old_new()) {
        (RefStatus::UpToDate, _) => new.clone(),
        (RefStatus::New, _) => None,
        (_, Some((abbrev, _))) => Some(expand(git, abbrev, tracking.as_deref(), saved)),
        // What was saved is what the remote really had just now; a tracking ref may be older (and a tag or
        // a ref outside the fetched namespaces has none).
        (RefStatus::Deleted, None) | (RefStatus::Rejected, None) => saved_tip(saved, &pushed.to)
            .map(str::to_string)
            .or_else(|| tracking.clone()),
        _ => None,
    };
    // Under an exact lease the old tip is known for certain: it is what the lease required.
    let old = match pushed.status {
        RefStatus::Forced | RefStatus::Deleted | RefStatus::Updated if exact.is_some() => {
            expected(exact, &pushed.to).or(old)
        }
        _ => old,
    };
    let rejection = match (request.force, reply.rejection(pushed)) {
        // The lease was on the ref's absence: it did not hold because the remote has the ref (an equal one
        // would have been up to date).
        (Force::CreateOnly, Some(Rejection::StaleLease)) => Some(Rejection::AlreadyExists),
        (_, rejection) => rejection,
    };
    let relation = match &rejection {
        Some(Rejection::NonFastForward | Rejection::FetchFirst) => request
            .relater
            .relate(new.as_deref(), tracking.as_deref())
            .ok(),
        _ => None,
    };
    RefResult {
        name: pushed.to.clone(),
        old,
        new,
        status: pushed.status,
        rejection,
        relation,
        backup: None,
        carried: is_carried,
    }
}

/// Whether a branch refused for lacking the remote's commits is the one checked out decides the advice
/// (`git multi pull` integrates only that one): the checked-out branch, asked only then.
fn checked_out_if_refused(git: &Git, refs: &[RefResult]) -> Option<String> {
    let refused_branch = refs.iter().any(|r| {
        r.name.starts_with(refname::HEADS)
            && matches!(
                r.rejection,
                Some(Rejection::NonFastForward | Rejection::FetchFirst)
            )
    });
    if refused_branch {
        git.current_branch()
            .ok()
            .flatten()
            .map(|b| refname::branch(&b))
    } else {
        None
    }
}

/// The tracking refs a push to `remotes` consults (leases, how far apart a refused ref is): exact names for a
/// few refs, whole per-remote prefixes for many; one `for-each-ref` either way.
pub fn tracking_patterns<'a>(
    remotes: impl Iterator<Item = &'a str> + Clone,
    refs: &[Outgoing],
) -> Vec<String> {
    if refs.len() * remotes.clone().count() <= 256 {
        remotes
            .flat_map(|remote| {
                refs.iter()
                    .filter_map(move |r| refname::tracking(remote, &r.name))
            })
            .collect()
    } else {
        remotes.flat_map(super::fetch::tracking_patterns).collect()
    }
}

fn refspec(r: &Outgoing, force: bool) -> Refspec {
    match &r.src {
        Some(src) => Refspec::map(src, &r.name, force),
        None => Refspec::delete(&r.name),
    }
}

/// From this many refs of one namespace on, a push that carries every local ref of that namespace names it
/// with one glob (`refs/heads/*:refs/heads/*`) instead of one refspec per ref: git matches refspecs against
/// refs pairwise, so a thousand explicit refspecs cost seconds where the glob costs milliseconds.
const GLOB_FROM: usize = 32;

/// The refspecs of a push without force: one per ref, or one glob per namespace root where the push carries
/// exactly what this repository has under that root.
fn plain_refspecs(git: &Git, refs: &[Outgoing]) -> Result<Vec<Refspec>, GitError> {
    let mut by_root: BTreeMap<String, Vec<&Outgoing>> = BTreeMap::new();
    for r in refs {
        by_root.entry(namespace_root(&r.name)).or_default().push(r);
    }
    let mut refspecs = Vec::new();
    for (root, group) in by_root {
        let same_names = group
            .iter()
            .all(|r| r.src.as_deref() == Some(r.name.as_str()));
        if root.ends_with('/') && same_names && group.len() >= GLOB_FROM {
            let local = git.refs(&[&root])?;
            let exactly_ours = local.len() == group.len()
                && group.iter().all(|r| local.get(&r.name) == r.oid.as_ref());
            if exactly_ours {
                refspecs.push(Refspec::map(
                    &format!("{root}*"),
                    &format!("{root}*"),
                    false,
                ));
                continue;
            }
        }
        refspecs.extend(group.into_iter().map(|r| refspec(r, false)));
    }
    Ok(refspecs)
}

/// What the remote has now at the pushed names, read with one ls-remote inside the job's deadline.
fn remote_tips(job: &Job, git: &Git, refs: &[Outgoing]) -> Result<Vec<(String, String)>, GitError> {
    let roots: BTreeSet<String> = refs.iter().map(|r| namespace_root(&r.name)).collect();
    let roots: Vec<&str> = roots.iter().map(String::as_str).collect();
    let there = job
        .git(|left, _| git.ls_remote_refs(job.name(), &roots, Some(left)))
        .result?;
    Ok(refs
        .iter()
        .filter_map(|r| there.get(&r.name).map(|oid| (r.name.clone(), oid.clone())))
        .collect())
}

/// `refs/heads/a/b` → `refs/heads/`, `refs/git-mile/tasks/T1` → `refs/git-mile/`.
pub(super) fn namespace_root(name: &str) -> String {
    let mut parts = name.splitn(3, '/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), Some(_)) => format!("{a}/{b}/"),
        _ => name.to_string(),
    }
}

/// The full object name behind git's abbreviated old tip: the tracking ref or a backup usually has it.
fn expand(git: &Git, abbrev: &str, tracking: Option<&str>, saved: &[Saved]) -> String {
    tracking
        .filter(|t| t.starts_with(abbrev))
        .map(str::to_string)
        .or_else(|| {
            saved
                .iter()
                .find(|s| s.oid.starts_with(abbrev))
                .map(|s| s.oid.clone())
        })
        .or_else(|| git.expand_oids(&[abbrev]).ok()?.pop().flatten())
        .unwrap_or_else(|| abbrev.to_string())
}

fn saved_tip<'s>(saved: &'s [Saved], name: &str) -> Option<&'s str> {
    saved
        .iter()
        .find(|s| s.name == name)
        .map(|s| s.oid.as_str())
}

/// Keeps a backup only where the remote's tip really was overwritten or deleted: drops the unneeded ones taken
/// before `--force`, and saves the leased tips (which the tracking refs hold) after a lease held.
fn settle_backups(
    git: &Git,
    request: &PushRequest,
    remote: &str,
    refs: &[RefResult],
    saved: Vec<Saved>,
) -> Result<Vec<Saved>, GitError> {
    let destroyed = |name: &str| {
        refs.iter()
            .any(|r| r.name == name && matches!(r.status, RefStatus::Forced | RefStatus::Deleted))
    };
    let (keep, drop): (Vec<Saved>, Vec<Saved>) =
        saved.into_iter().partition(|s| destroyed(&s.name));
    request.backups.discard(git, &drop)?;
    let mut keep = keep;
    let leased: Vec<(String, String)> = refs
        .iter()
        .filter(|r| destroyed(&r.name) && !keep.iter().any(|s| s.name == r.name))
        .filter_map(|r| Some((r.name.clone(), r.old.clone()?)))
        .collect();
    if !leased.is_empty() {
        keep.extend(request.backups.save(git, remote, &leased, request.reason)?);
    }
    Ok(keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_roots_group_the_ls_remote() {
        assert_eq!(namespace_root("refs/heads/a/b"), "refs/heads/");
        assert_eq!(namespace_root("refs/tags/v1"), "refs/tags/");
        assert_eq!(namespace_root("refs/git-mile/tasks/T1"), "refs/git-mile/");
        assert_eq!(namespace_root("refs/stash"), "refs/stash");
    }

    /// Runs a fixture git command in `dir` with a fixed identity, outside the gateway (set-up only).
    fn fixture(dir: &std::path::Path, args: &[&str]) -> String {
        let output = std::process::Command::new("git")
            .current_dir(dir)
            .args(["-c", "user.name=T", "-c", "user.email=t@example.com"])
            .args([
                "-c",
                "init.defaultBranch=main",
                "-c",
                "commit.gpgSign=false",
            ])
            .args(args)
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    #[test]
    fn forced_deletes_of_refs_without_tracking_refs_are_saved_and_leased() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fixture(root, &["init", "-q", "--bare", "remote.git"]);
        fixture(root, &["init", "-q", "work"]);
        fixture(root, &["init", "-q", "other"]);
        let (work, other) = (root.join("work"), root.join("other"));
        let remote = root.join("remote.git");
        fixture(&work, &["commit", "-q", "--allow-empty", "-m", "one"]);
        fixture(&work, &["tag", "-a", "-m", "v1", "v1"]);
        fixture(&work, &["remote", "add", "r", remote.to_str().unwrap()]);
        fixture(&work, &["push", "-q", "r", "main", "refs/tags/v1"]);
        let tag = fixture(&work, &["rev-parse", "refs/tags/v1"]);
        // A namespace ref whose commit was never here, and a stale local copy of it from an older fetch.
        fixture(&other, &["commit", "-q", "--allow-empty", "-m", "theirs"]);
        fixture(
            &other,
            &[
                "push",
                "-q",
                remote.to_str().unwrap(),
                "HEAD:refs/git-mile/t1",
            ],
        );
        let theirs = fixture(&other, &["rev-parse", "HEAD"]);
        let head = fixture(&work, &["rev-parse", "HEAD"]);
        fixture(
            &work,
            &["update-ref", "refs/multi/remotes/r/git-mile/t1", &head],
        );

        let git = Git::locate().unwrap().at(&work);
        let member = crate::remote_set::Member {
            name: "r".into(),
            ..Default::default()
        };
        let job = Job::new(
            &member,
            std::time::Duration::from_secs(60),
            &crate::events::Quiet,
        );
        let backups = Backups::new();
        let relater = Relater::new(&git);
        let tracking = Snapshot::take(&git, &["refs/multi/remotes/r/".to_string()]).unwrap();
        let refs = [
            Outgoing::delete("refs/tags/v1"),
            Outgoing::delete("refs/git-mile/t1"),
        ];
        let request = PushRequest {
            refs: &refs,
            force: Force::Yes,
            dry_run: false,
            atomic: false,
            tracking: &tracking,
            backups: &backups,
            relater: &relater,
            reason: "test",
        };
        let pushed = push(&job, &git, &request).unwrap();
        let result = |name: &str| pushed.refs.iter().find(|r| r.name == name).unwrap().clone();
        for (name, was) in [("refs/tags/v1", &tag), ("refs/git-mile/t1", &theirs)] {
            let r = result(name);
            assert_eq!(r.status, RefStatus::Deleted, "{name}");
            assert_eq!(r.old.as_ref(), Some(was), "{name}: the tip really deleted");
            let backup = r.backup.expect("saved");
            assert_eq!(
                git.rev_parse(&backup).unwrap().as_ref(),
                Some(was),
                "{name}"
            );
        }
        assert_eq!(pushed.backups.len(), 2);
        let left = fixture(&remote, &["for-each-ref", "--format=%(refname)"]);
        assert_eq!(left, "refs/heads/main");
    }
}
