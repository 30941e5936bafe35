//! Runs over every repository of the workspace: each repository opened (and, for a run that changes it,
//! locked), then push, fetch and status put every repository × every remote on ONE job pool (so `-j` and the
//! per-host ssh caps hold across repositories), and sync runs the same [`super::sync::sync`] as `git multi
//! sync` in each repository, every one of them drawing its jobs from one shared gate. Each run hands back one
//! result per repository, in the workspace's order; a repository that cannot run is an `Err` there, never an
//! early return that stops the others.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use crate::config::{self, Settings};
use crate::error::{Error, Result};
use crate::events::Quiet;
use crate::git::Git;
use crate::model::integrate::Strategy;
use crate::model::workspace::{Listed, RepoStatus, RepoSync};
use crate::model::{FetchDetail, Outcome, PushDetail, Report, Status};
use crate::remote_set::{Member, RemoteSet};
use crate::run_lock::RunLock;
use crate::runner::{FanOut, Job, Pool, Shared};
use crate::session::{Faces, Output, Parallel, Session, Watch};
use crate::workspace::Workspace;

use super::run::{FetchRun, PushHow, PushRun, StatusRun};
use super::sync::SyncRequest;

/// Remote jobs at once across the whole workspace unless `-j` says otherwise: the work is waiting on the
/// network far more than on the CPU, and one process drives them all.
pub const DEFAULT_JOBS: usize = 32;

/// One repository ready to run: its git, its enabled members and their time budget.
pub struct Repo {
    pub git: Git,
    pub set: RemoteSet,
    pub members: Vec<Member>,
    pub budget: Duration,
    /// The repository's run lock, for a run that changes it (held as long as the repository is open).
    pub lock: Option<RunLock>,
}

impl Repo {
    fn members(&self) -> Vec<&Member> {
        self.members.iter().collect()
    }
}

/// Every repository of the workspace in its order, each opened or the reason it cannot run.
pub type Repos = Vec<(PathBuf, Result<Repo>)>;

/// The repository a directory belongs to: its work tree's top, or the git directory of a bare repository.
pub fn repository_of(git: &Git, dir: &Path) -> Result<PathBuf> {
    let shown = dir.display();
    if !dir.is_dir() {
        return Err(Error::usage(format!("`{shown}` is not a directory"))
            .hint("give the path of a repository's directory"));
    }
    let at = git.at(dir);
    if at.git_dir().is_err() {
        return Err(
            Error::usage(format!("`{shown}` is not inside a git repository"))
                .hint("clone it first (`git multi clone <url>`), or give the path of a repository"),
        );
    }
    let path = match at.toplevel() {
        Some(top) => top,
        None => at.common_dir()?,
    };
    Ok(path.canonicalize().unwrap_or(path))
}

fn open(git: &Git, path: &Path, parallel: Parallel, default_budget: Duration) -> Result<Repo> {
    let git = git.at(path);
    // Looked at on disk rather than by running git: a workspace opens many repositories.
    let bare = path.join("HEAD").is_file() && path.join("objects").is_dir();
    if !path.join(".git").exists() && !bare {
        return Err(Error::usage(format!(
            "{} is not a git repository (any more)",
            path.display()
        ))
        .hint(format!(
            "remove it with `git multi workspace remove {}`",
            crate::quote::shown(path.display())
        )));
    }
    let set = RemoteSet::load(&git)?;
    let members: Vec<Member> = set.select(&[])?.into_iter().cloned().collect();
    let budget = parallel
        .timeout
        .or(set.settings.timeout)
        .unwrap_or(default_budget);
    Ok(Repo {
        git,
        set,
        members,
        budget,
        lock: None,
    })
}

/// The pool for `items` jobs: `-j`, else [`DEFAULT_JOBS`].
fn pool_for(items: usize, jobs: Option<usize>) -> Pool {
    let settings = Settings {
        jobs: Some(DEFAULT_JOBS),
        ..Settings::default()
    };
    Pool::new(&settings, jobs, items.max(1))
}

/// Every repository of the workspace, opened in parallel; `Err` for those that cannot run.
pub fn open_all(git: &Git, parallel: Parallel, default_budget: Duration) -> Result<Repos> {
    let workspace = Workspace::load()?;
    if workspace.repositories.is_empty() {
        return Err(Error::usage("the workspace is empty").hint(format!(
            "add repositories with `git multi workspace add <dir>...` (kept in {})",
            workspace.file.display()
        )));
    }
    let paths = workspace.repositories;
    let opened = pool_for(paths.len(), parallel.jobs).run(
        &paths,
        |_| None,
        |path| open(git, path, parallel, default_budget),
    );
    Ok(paths.into_iter().zip(opened).collect())
}

/// Takes each open repository's run lock with `lock` (the repository, its path), one repository after the
/// other in path order (two workspace runs then never hold one lock each while waiting for the other's). A
/// repository whose lock stays held is not run; its error says who holds it.
pub fn lock_all(repos: &mut Repos, lock: impl Fn(&Repo, &Path) -> Result<Option<RunLock>>) {
    let mut order: Vec<usize> = (0..repos.len()).collect();
    order.sort_by(|&a, &b| repos[a].0.cmp(&repos[b].0));
    for i in order {
        let (path, repo) = &mut repos[i];
        let Ok(open) = repo else {
            continue;
        };
        match lock(open, path) {
            Ok(taken) => open.lock = taken,
            Err(err) => *repo = Err(err),
        }
    }
}

/// Adds the repositories `dirs` belong to (every directory checked before the file is written: bad input
/// changes nothing); the workspace file, the repositories added, and those that were in it already.
pub fn add(git: &Git, dirs: &[PathBuf]) -> Result<(PathBuf, Vec<PathBuf>, Vec<PathBuf>)> {
    let mut workspace = Workspace::load()?;
    let mut found = Vec::new();
    for dir in dirs {
        found.push(repository_of(git, dir)?);
    }
    let (mut added, mut already) = (Vec::new(), Vec::new());
    for path in found {
        if workspace.contains(&path) || added.contains(&path) {
            already.push(path);
        } else {
            added.push(path);
        }
    }
    workspace.repositories.extend(added.iter().cloned());
    if !added.is_empty() {
        workspace.save()?;
    }
    Ok((workspace.file, added, already))
}

/// Takes the repository `dir` out of the workspace; the path removed.
pub fn remove(dir: &Path) -> Result<PathBuf> {
    let mut workspace = Workspace::load()?;
    let wanted = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let before = workspace.repositories.len();
    workspace.repositories.retain(|p| p != &wanted && p != dir);
    if workspace.repositories.len() == before {
        return Err(
            Error::usage(format!("`{}` is not in the workspace", dir.display()))
                .hint("`git multi workspace list` shows the repositories in it"),
        );
    }
    workspace.save()?;
    Ok(wanted)
}

/// Every repository of the workspace with its enabled members (or why it cannot be read).
pub fn list(git: &Git) -> Result<(PathBuf, Vec<Listed>)> {
    let workspace = Workspace::load()?;
    let listed: Vec<Listed> = pool_for(workspace.repositories.len(), None).run(
        &workspace.repositories,
        |_| None,
        |path| match open(git, path, Parallel::default(), Duration::ZERO) {
            Ok(repo) => Listed {
                path: path.clone(),
                remotes: Some(repo.members.iter().map(|m| m.name.clone()).collect()),
                problem: None,
            },
            Err(err) => Listed {
                path: path.clone(),
                remotes: None,
                problem: Some(err.message),
            },
        },
    );
    Ok((workspace.file, listed))
}

/// A step before the pool (prepare) or after it (finish), for repositories `0..count` in parallel.
fn each<O: Send>(count: usize, jobs: Option<usize>, work: impl Fn(usize) -> O + Sync) -> Vec<O> {
    let indices: Vec<usize> = (0..count).collect();
    pool_for(count, jobs).run(&indices, |_| None, |&i| work(i))
}

/// Each repository's preparation (local reads before its first transfer), done by the first of its jobs to
/// start while the other repositories' jobs are on the network; that repository's other jobs wait for it.
struct Prepared<'a, T> {
    cells: Vec<OnceLock<Result<T>>>,
    make: Box<dyn Fn(usize) -> Result<T> + Sync + 'a>,
}

impl<'a, T> Prepared<'a, T> {
    fn new(count: usize, make: impl Fn(usize) -> Result<T> + Sync + 'a) -> Self {
        Prepared {
            cells: (0..count).map(|_| OnceLock::new()).collect(),
            make: Box::new(make),
        }
    }

    fn get(&self, r: usize) -> &Result<T> {
        self.cells[r].get_or_init(|| (self.make)(r))
    }
}

/// One job per (repository, member) of every open repository, all on one pool; outcomes handed back per
/// repository.
fn fan_out<D: Send + Default>(
    repos: &Repos,
    jobs: Option<usize>,
    work: impl Fn(usize, &Job) -> Outcome<D> + Sync,
) -> Vec<Vec<Outcome<D>>> {
    let mut items: Vec<(usize, usize)> = Vec::new();
    for (r, (_, repo)) in repos.iter().enumerate() {
        if let Ok(repo) = repo {
            items.extend((0..repo.members.len()).map(|m| (r, m)));
        }
    }
    // Many repositories' jobs on one pool; nobody watches them live (each repository is reported whole).
    let fanout = FanOut {
        pool: pool_for(items.len(), jobs),
        budget: config::DEFAULT_TIMEOUT,
        sink: Box::new(Quiet),
    };
    let member = |&(r, m): &(usize, usize)| {
        let repo = repos[r]
            .1
            .as_ref()
            .expect("only open repositories have jobs");
        (&repo.members[m], repo.budget)
    };
    let outcomes = fanout.run_each(&items, member, |&(r, _), job| work(r, job));
    let mut per_repo: Vec<Vec<Outcome<D>>> = repos.iter().map(|_| Vec::new()).collect();
    for ((r, _), outcome) in items.into_iter().zip(outcomes) {
        per_repo[r].push(outcome);
    }
    per_repo
}

/// Each repository prepared by its first job (see [`Prepared`]), then `work` for every (repository, member) on
/// the one pool; the jobs of a repository that could not be prepared are skipped (its error is reported).
fn prepare_and_fan_out<'a, T: Send + Sync, D: Send + Default>(
    repos: &'a Repos,
    jobs: Option<usize>,
    prepare: impl Fn(&'a Repo) -> Result<T> + Sync + 'a,
    work: impl Fn(&T, &Job) -> Outcome<D> + Sync,
) -> (Prepared<'a, T>, Vec<Vec<Outcome<D>>>) {
    let prepared = Prepared::new(repos.len(), move |r| {
        let repo = repos[r].1.as_ref().map_err(clone_error)?;
        prepare(repo)
    });
    let outcomes = fan_out(repos, jobs, |r, job| match prepared.get(r) {
        Ok(run) => work(run, job),
        // The repository's error is what gets reported.
        Err(_) => Outcome::new(job.name(), Status::Skipped, job.elapsed(), D::default()),
    });
    (prepared, outcomes)
}

/// Each repository's result, in order, by `finish` over its outcomes; a repository that could not be opened or
/// prepared answers that error instead.
fn finish_each<T, D, R>(
    repos: &Repos,
    prepared: &Prepared<'_, T>,
    outcomes: Vec<Vec<Outcome<D>>>,
    finish: impl Fn(&Repo, &T, Vec<Outcome<D>>) -> Result<R>,
) -> Vec<Result<R>> {
    repos
        .iter()
        .enumerate()
        .zip(outcomes)
        .map(|((r, (_, repo)), remotes)| {
            let repo = repo.as_ref().map_err(clone_error)?;
            let run = prepared.get(r).as_ref().map_err(clone_error)?;
            finish(repo, run, remotes)
        })
        .collect()
}

/// `workspace push`: each repository's current branch (and its namespaces) to its remotes, as `git multi
/// push` in each; each repository's audit log gets its push.
pub fn push(repos: &Repos, jobs: Option<usize>) -> Vec<Result<Report<PushDetail>>> {
    let (prepared, outcomes) = prepare_and_fan_out(
        repos,
        jobs,
        |repo| {
            PushRun::prepare_current(
                &repo.git,
                &repo.members(),
                &repo.set.settings.namespaces,
                PushHow::default(),
            )
        },
        PushRun::push,
    );
    finish_each(repos, &prepared, outcomes, |repo, _, remotes| {
        let report = Report::new(remotes);
        crate::audit::record(&repo.git, "push", &report);
        Ok(report)
    })
}

/// `workspace fetch`: every remote of every repository, as `git multi fetch` in each; what each fetch changed
/// is read after the whole run, the repositories in parallel.
pub fn fetch(repos: &Repos, jobs: Option<usize>) -> Vec<Result<Report<FetchDetail>>> {
    let (prepared, outcomes) = prepare_and_fan_out(
        repos,
        jobs,
        |repo| {
            Ok(FetchRun::prepare(
                &repo.git,
                &repo.members(),
                &repo.set.settings.namespaces,
                false,
            )?)
        },
        FetchRun::fetch,
    );
    let outcomes: Vec<Mutex<Vec<_>>> = outcomes.into_iter().map(Mutex::new).collect();
    each(repos.len(), jobs, |r| {
        let repo = repos[r].1.as_ref().map_err(clone_error)?;
        let run = prepared.get(r).as_ref().map_err(clone_error)?;
        let remotes = std::mem::take(&mut *outcomes[r].lock().unwrap_or_else(|e| e.into_inner()));
        let report = Report::new(run.finish(remotes)?);
        crate::audit::record(&repo.git, "fetch", &report);
        Ok(report)
    })
}

/// `workspace status`: every repository's branches compared with its remotes, as `git multi status` in each.
pub fn status(repos: &Repos, jobs: Option<usize>) -> Vec<Result<RepoStatus>> {
    let (prepared, outcomes) = prepare_and_fan_out(
        repos,
        jobs,
        |repo| {
            Ok(StatusRun::prepare(
                &repo.git,
                &repo.members(),
                &repo.set.settings.namespaces,
                false,
                false,
            )?)
        },
        StatusRun::probe,
    );
    finish_each(repos, &prepared, outcomes, |repo, run, remotes| {
        let comparison = run.finish(&repo.members(), &remotes)?;
        Ok(RepoStatus {
            remotes,
            comparison,
            members: repo.members.clone(),
        })
    })
}

/// `workspace sync`: the same sync as `git multi sync` (the primary's copy fast-forward only, namespaces
/// settled, pushed everywhere) in every repository at once, their jobs drawing from one gate so `-j` and the
/// per-host caps hold across the workspace. `faces` is never asked to watch (nobody watches these live).
pub fn sync(repos: &Repos, parallel: Parallel, faces: &'static dyn Faces) -> Vec<Result<RepoSync>> {
    let remotes: usize = repos
        .iter()
        .filter_map(|(_, repo)| repo.as_ref().ok())
        .map(|repo| repo.members.len())
        .sum();
    let shared = Shared::new(pool_for(remotes, parallel.jobs));
    each(repos.len(), parallel.jobs, |r| {
        let repo = repos[r].1.as_ref().map_err(clone_error)?;
        let session =
            Session::at(repo.git.clone(), faces, Output::default()).sharing(shared.clone());
        let request = SyncRequest {
            strategy: Strategy::FfOnly,
            primary: None,
            parallel,
            watch: Watch::Nobody,
        };
        let result = super::sync::sync(&session, &repo.set, &request)?;
        let (branch, primary) = match &result {
            Ok(synced) => (Some(synced.branch.clone()), synced.primary.clone()),
            // The sync found both before it halted; read again for the report.
            Err(_) => {
                let branch = repo.git.current_branch().ok().flatten();
                let primary = branch.as_deref().and_then(|b| {
                    super::primary::primary_if_any(&repo.git, &repo.set, None, b)
                        .ok()
                        .flatten()
                        .map(|m| m.name.clone())
                });
                (branch, primary)
            }
        };
        Ok(RepoSync {
            branch,
            primary,
            result,
        })
    })
}

/// The same error again, for a repository that failed before the step at hand.
fn clone_error(err: &Error) -> Error {
    Error {
        exit: err.exit,
        message: err.message.clone(),
        hints: err.hints.clone(),
    }
}
