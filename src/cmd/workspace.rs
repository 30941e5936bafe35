//! `git multi workspace add|remove|list|push|fetch|status|sync`: many repositories at once. The list lives in
//! `$XDG_CONFIG_HOME/git-multi/workspace.toml`; a run puts every repository × every remote on ONE job pool
//! (so `-j` and the per-host ssh caps hold across repositories), then reports per repository and in total.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use clap::{Args, Subcommand};

use crate::cmd::common::{self, ParallelArgs};
use crate::config::{self, Settings};
use crate::error::{Error, Exit, Result};
use crate::events::Quiet;
use crate::git::{refname, Git};
use crate::model::{Outcome, Status};
use crate::ops::integrate::{self, Integrated, Strategy};
use crate::ops::push::Outgoing;
use crate::ops::run::{FetchRun, PushHow, PushRun, StatusRun};
use crate::remote_set::{Member, RemoteSet};
use crate::report;
use crate::report::workspace::{Listed, RepoResult, StatusExtra, SyncExtra};
use crate::run_lock::RunLock;
use crate::runner::{FanOut, Pool};
use crate::session::Session;
use crate::workspace::Workspace;

/// Work on many repositories at once (push, fetch, status, sync across every repository and remote)
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum WorkspaceCommand {
    Add(AddArgs),
    #[command(visible_alias = "rm")]
    Remove(RemoveArgs),
    #[command(visible_alias = "ls")]
    List(ListArgs),
    /// Push each repository's current branch to its remotes (as `git multi push` in each)
    Push(RunArgs),
    /// Fetch every remote of every repository (as `git multi fetch` in each)
    Fetch(RunArgs),
    /// Compare every repository's branches with its remotes (as `git multi status` in each)
    Status(RunArgs),
    /// Fetch, integrate the primary (fast-forward only) and push, in every repository (as `git multi sync`)
    Sync(RunArgs),
}

/// Add repositories to the workspace
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Repository directories (any directory inside a work tree, or a bare repository)
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
}

/// Remove a repository from the workspace (the repository itself is not touched)
#[derive(Debug, Args)]
pub struct RemoveArgs {
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

/// Show the workspace's repositories and their remotes
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Print one JSON document instead of the per-repository summaries
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// Remote jobs at once across the whole workspace unless `-j` says otherwise: the work is waiting on the
/// network far more than on the CPU, and one process drives them all.
pub const DEFAULT_JOBS: usize = 32;

pub fn run(command: &WorkspaceCommand) -> Result<Exit> {
    let git = Git::locate()?;
    match command {
        WorkspaceCommand::Add(args) => add(&git, args),
        WorkspaceCommand::Remove(args) => remove(args),
        WorkspaceCommand::List(args) => list(&git, args),
        WorkspaceCommand::Push(args) => push(&git, args),
        WorkspaceCommand::Fetch(args) => fetch(&git, args),
        WorkspaceCommand::Status(args) => status(&git, args),
        WorkspaceCommand::Sync(args) => sync(&git, args),
    }
}

/// The repository a directory belongs to: its work tree's top, or the git directory of a bare repository.
fn repository_of(git: &Git, dir: &Path) -> Result<PathBuf> {
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

fn add(git: &Git, args: &AddArgs) -> Result<Exit> {
    let mut workspace = Workspace::load()?;
    // Every directory is checked before the file is written: bad input changes nothing.
    let mut found = Vec::new();
    for dir in &args.dirs {
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
    report::workspace::added(&added, &already, &workspace.file);
    Ok(Exit::Success)
}

fn remove(args: &RemoveArgs) -> Result<Exit> {
    let mut workspace = Workspace::load()?;
    let wanted = args.dir.canonicalize().unwrap_or_else(|_| args.dir.clone());
    let before = workspace.repositories.len();
    workspace
        .repositories
        .retain(|p| p != &wanted && p != &args.dir);
    if workspace.repositories.len() == before {
        return Err(
            Error::usage(format!("`{}` is not in the workspace", args.dir.display()))
                .hint("`git multi workspace list` shows the repositories in it"),
        );
    }
    workspace.save()?;
    report::workspace::removed(&wanted);
    Ok(Exit::Success)
}

fn list(git: &Git, args: &ListArgs) -> Result<Exit> {
    let workspace = Workspace::load()?;
    let listed: Vec<Listed> = pool_for(workspace.repositories.len(), None).run(
        &workspace.repositories,
        |_| None,
        |path| match open(
            git,
            path,
            &ParallelArgs {
                jobs: None,
                timeout: None,
            },
            Duration::ZERO,
        ) {
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
    report::workspace::list(&workspace.file, &listed, args.json);
    Ok(Exit::Success)
}

/// One repository ready to run: its git, its enabled members and their time budget.
struct Repo {
    git: Git,
    set: RemoteSet,
    members: Vec<Member>,
    budget: Duration,
    /// The repository's run lock, for a run that changes it (held as long as the repository is open).
    lock: Option<RunLock>,
}

impl Repo {
    fn members(&self) -> Vec<&Member> {
        self.members.iter().collect()
    }
}

fn open(git: &Git, path: &Path, parallel: &ParallelArgs, default_budget: Duration) -> Result<Repo> {
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
    let budget = parallel.timeout(&set.settings, default_budget)?;
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
/// [`open_all`] for a run that changes the repositories (`command`): each one's run lock is taken too, one
/// repository after the other in path order (two workspace runs then never hold one lock each while waiting for
/// the other's), each waiting up to that repository's time limit. A repository whose lock stays held is not
/// run; its error says who holds it.
fn open_all_locked(
    git: &Git,
    args: &RunArgs,
    default_budget: Duration,
    command: &str,
) -> Result<Vec<(PathBuf, Result<Repo>)>> {
    let mut repos = open_all(git, args, default_budget)?;
    let mut order: Vec<usize> = (0..repos.len()).collect();
    order.sort_by(|&a, &b| repos[a].0.cmp(&repos[b].0));
    for i in order {
        let (path, repo) = &mut repos[i];
        let Ok(open) = repo else {
            continue;
        };
        match common::lock_repository(&open.git, command, open.budget, Some(path)) {
            Ok(lock) => open.lock = lock,
            Err(err) => *repo = Err(err),
        }
    }
    Ok(repos)
}

fn open_all(
    git: &Git,
    args: &RunArgs,
    default_budget: Duration,
) -> Result<Vec<(PathBuf, Result<Repo>)>> {
    let workspace = Workspace::load()?;
    if workspace.repositories.is_empty() {
        return Err(Error::usage("the workspace is empty").hint(format!(
            "add repositories with `git multi workspace add <dir>...` (kept in {})",
            workspace.file.display()
        )));
    }
    let paths = workspace.repositories;
    let opened = pool_for(paths.len(), args.parallel.jobs).run(
        &paths,
        |_| None,
        |path| open(git, path, &args.parallel, default_budget),
    );
    Ok(paths.into_iter().zip(opened).collect())
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

/// The outcome of a job whose repository could not be prepared; the repository's error is what gets reported.
fn not_run<D: Default>(job: &crate::runner::Job) -> Outcome<D> {
    Outcome::new(job.name(), Status::Skipped, job.elapsed(), D::default())
}

/// One job per (repository, member) of the repositories for which `ready(i)` holds, all on one pool;
/// outcomes handed back per repository.
fn fan_out<D: Send + Default>(
    repos: &[(PathBuf, Result<Repo>)],
    jobs: Option<usize>,
    ready: impl Fn(usize) -> bool,
    work: impl Fn(usize, &crate::runner::Job) -> Outcome<D> + Sync,
) -> Vec<Vec<Outcome<D>>> {
    let mut items: Vec<(usize, usize)> = Vec::new();
    for (r, (_, repo)) in repos.iter().enumerate() {
        if let (Ok(repo), true) = (repo, ready(r)) {
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
    repos: &'a [(PathBuf, Result<Repo>)],
    jobs: Option<usize>,
    prepare: impl Fn(&'a Repo) -> Result<T> + Sync + 'a,
    work: impl Fn(&T, &crate::runner::Job) -> Outcome<D> + Sync,
) -> (Prepared<'a, T>, Vec<Vec<Outcome<D>>>) {
    let prepared = Prepared::new(repos.len(), move |r| {
        let repo = repos[r].1.as_ref().map_err(clone_error)?;
        prepare(repo)
    });
    let outcomes = fan_out(
        repos,
        jobs,
        |_| true,
        |r, job| match prepared.get(r) {
            Ok(run) => work(run, job),
            Err(_) => not_run(job),
        },
    );
    (prepared, outcomes)
}

fn push(git: &Git, args: &RunArgs) -> Result<Exit> {
    let repos = open_all_locked(git, args, config::DEFAULT_TIMEOUT, "workspace push")?;
    let (prepared, outcomes) = prepare_and_fan_out(
        &repos,
        args.parallel.jobs,
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
    let results: Vec<RepoResult<_, ()>> = repos
        .iter()
        .enumerate()
        .zip(outcomes)
        .map(
            |((r, (path, repo)), remotes)| match (prepared.get(r), repo) {
                (Ok(_), Ok(repo)) => {
                    let result = RepoResult::new(path.clone(), remotes, ());
                    // Each repository's audit log gets its push, as if `git multi push` had run there.
                    crate::audit::record(&repo.git, "push", &result.report);
                    result
                }
                (Err(err), _) | (_, Err(err)) => RepoResult::failed(path.clone(), err, ()),
            },
        )
        .collect();
    Ok(report::workspace::run(
        &results,
        args.json,
        report::workspace::outcomes,
    ))
}

fn fetch(git: &Git, args: &RunArgs) -> Result<Exit> {
    let repos = open_all_locked(git, args, config::DEFAULT_TIMEOUT, "workspace fetch")?;
    let (prepared, outcomes) = prepare_and_fan_out(
        &repos,
        args.parallel.jobs,
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
    // What each fetch changed is read after the whole run, the repositories in parallel.
    let outcomes: Vec<std::sync::Mutex<Vec<_>>> =
        outcomes.into_iter().map(std::sync::Mutex::new).collect();
    let results: Vec<RepoResult<_, ()>> = each(repos.len(), args.parallel.jobs, |r| {
        let path = repos[r].0.clone();
        let remotes = std::mem::take(&mut *outcomes[r].lock().unwrap_or_else(|e| e.into_inner()));
        match (prepared.get(r), &repos[r].1) {
            (Ok(run), Ok(repo)) => match run.finish(remotes) {
                Ok(settled) => {
                    let result = RepoResult::new(path, settled, ());
                    crate::audit::record(&repo.git, "fetch", &result.report);
                    result
                }
                Err(err) => RepoResult::failed(path, &err.into(), ()),
            },
            (Err(err), _) | (_, Err(err)) => RepoResult::failed(path, err, ()),
        }
    });
    Ok(report::workspace::run(
        &results,
        args.json,
        report::workspace::outcomes,
    ))
}

fn status(git: &Git, args: &RunArgs) -> Result<Exit> {
    let repos = open_all(git, args, config::DEFAULT_PROBE_TIMEOUT)?;
    let (prepared, outcomes) = prepare_and_fan_out(
        &repos,
        args.parallel.jobs,
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
    let mut results = Vec::new();
    for (r, ((path, repo), remotes)) in repos.iter().zip(outcomes).enumerate() {
        let prep = prepared.get(r);
        let (repo, run) = match (repo, prep) {
            (Ok(repo), Ok(run)) => (repo, run),
            (_, Err(err)) | (Err(err), _) => {
                results.push(RepoResult::failed(
                    path.clone(),
                    err,
                    StatusExtra::default(),
                ));
                continue;
            }
        };
        match run.finish(&repo.members(), &remotes) {
            Ok(comparison) => {
                let extra = StatusExtra {
                    in_sync: report::status::in_sync(&remotes, &comparison),
                    comparison,
                    members: repo.members.clone(),
                };
                results.push(RepoResult::new(path.clone(), remotes, extra));
            }
            Err(err) => results.push(RepoResult::failed(
                path.clone(),
                &err.into(),
                StatusExtra::default(),
            )),
        }
    }
    Ok(report::workspace::run(
        &results,
        args.json,
        report::workspace::status,
    ))
}

/// What sync knows about a repository before fetching: its branch and the primary to integrate from.
struct SyncPlan {
    branch: String,
    primary: String,
}

fn sync(git: &Git, args: &RunArgs) -> Result<Exit> {
    let repos = open_all_locked(git, args, config::DEFAULT_TIMEOUT, "workspace sync")?;
    // 1. Branch and primary first, as `git multi sync` checks them before anything is fetched.
    let plans: Vec<Result<(SyncPlan, FetchRun)>> = each(repos.len(), args.parallel.jobs, |r| {
        let repo = repos[r].1.as_ref().map_err(clone_error)?;
        let ctx = Session::at(
            repo.git.clone(),
            &crate::progress::TerminalFaces,
            crate::session::Output::default(),
        );
        let branch = crate::ops::primary::current_branch(&ctx.git)?;
        let primary = crate::ops::primary::primary(&ctx.git, &repo.set, None, &branch)?
            .name
            .clone();
        // Without the namespaces: their convergence stays with the per-repository `git multi sync`.
        let fetch = FetchRun::prepare(&repo.git, &repo.members(), &[], false)?;
        Ok((SyncPlan { branch, primary }, fetch))
    });
    // 2. Fetch every remote of every repository.
    let fetched = fan_out(
        &repos,
        args.parallel.jobs,
        |r| plans[r].is_ok(),
        |r, job| plans[r].as_ref().expect("planned").1.fetch(job),
    );
    // 3. Integrate each repository's primary; prepare its push.
    let integrated: Vec<Result<(Integrated, PushRun)>> =
        each(repos.len(), args.parallel.jobs, |r| {
            let repo = repos[r].1.as_ref().map_err(clone_error)?;
            let (plan, _) = plans[r].as_ref().map_err(clone_error)?;
            let fetched = &fetched[r];
            let primary_fetch = repo
                .members
                .iter()
                .zip(fetched.iter())
                .find(|(m, _)| m.name == plan.primary)
                .map(|(_, o)| o);
            if let Some(failed) = primary_fetch.filter(|o| o.status.is_failure()) {
                return Err(
                    report::integrate::primary_fetch_failed(&plan.primary, failed)
                        .hint("nothing was integrated or pushed"),
                );
            }
            let full = refname::branch(&plan.branch);
            let upstream =
                refname::tracking(&plan.primary, &full).expect("a branch has a tracking ref");
            let done = integrate::integrate(&repo.git, &plan.branch, &upstream, Strategy::FfOnly)?
                .map_err(|stopped| report::integrate::stopped(&stopped))?;
            let refs = vec![Outgoing::same(&full, &done.after)];
            let how = PushHow {
                reason: "git multi sync",
                ..PushHow::default()
            };
            let push = PushRun::prepare(&repo.git, &repo.members(), refs, how)?;
            Ok((done, push))
        });
    // 4. Push to every remote that could be fetched.
    let pushed = fan_out(
        &repos,
        args.parallel.jobs,
        |r| integrated[r].is_ok(),
        |r, job| {
            let repo = repos[r].1.as_ref().expect("open");
            let index = repo.members.iter().position(|m| m.name == job.name());
            match index.map(|i| &fetched[r][i]) {
                Some(fetch) if fetch.status.is_failure() => {
                    crate::model::push::not_pushed(&without_detail(fetch))
                }
                _ => integrated[r].as_ref().expect("integrated").1.push(job),
            }
        },
    );
    let mut results = Vec::new();
    for (index, (((path, plan), done), remotes)) in repos
        .iter()
        .map(|(p, _)| p)
        .zip(&plans)
        .zip(integrated)
        .zip(pushed)
        .enumerate()
    {
        let mut extra = SyncExtra::default();
        if let Ok((plan, _)) = plan {
            extra.branch = Some(plan.branch.clone());
            extra.primary = Some(plan.primary.clone());
        }
        results.push(match done {
            Ok((integrated, _)) => {
                extra.integrated = Some(integrated);
                let result = RepoResult::new(path.clone(), remotes, extra);
                if let Ok(repo) = &repos[index].1 {
                    crate::audit::record(&repo.git, "sync", &result.report);
                }
                result
            }
            Err(err) => RepoResult::failed(path.clone(), &err, extra),
        });
    }
    Ok(report::workspace::run(
        &results,
        args.json,
        report::workspace::sync,
    ))
}

fn without_detail<D>(outcome: &Outcome<D>) -> Outcome<()> {
    let mut plain = Outcome::new(
        &outcome.name,
        outcome.status,
        Duration::from_millis(outcome.duration_ms),
        (),
    );
    plain.error = outcome.error.clone();
    plain.reason = outcome.reason;
    plain.hint = outcome.hint.clone();
    plain
}

/// The same error again, for a repository that failed before the step at hand.
fn clone_error(err: &Error) -> Error {
    Error {
        exit: err.exit,
        message: err.message.clone(),
        hints: err.hints.clone(),
    }
}
