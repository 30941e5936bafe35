//! `workspace` in words: the repository list, and a run's result per repository (its remotes, or why it could
//! not run) followed by one total over every repository and remote.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::error::{exit_code, Error, Exit, ExitFacts, Result};
use crate::model::integrate::Integrated;
use crate::model::workspace::{Listed, RepoStatus, RepoSync};
use crate::model::{Comparison, PushDetail, Reached, Report};
use crate::ops::workspace::Repos;
use crate::remote_set::Member;
use crate::report::Detail;

use super::status::StatusView;
use super::sync::NamespaceLine;

/// One repository's part of a workspace run.
#[derive(Serialize)]
pub struct RepoResult<D, E> {
    pub path: PathBuf,
    /// Why the repository could not run at all (not a repository, no remotes, detached HEAD, …).
    pub error: Option<String>,
    #[serde(skip)]
    pub hints: Vec<String>,
    #[serde(flatten)]
    pub report: Report<D>,
    #[serde(flatten)]
    pub extra: E,
}

impl<D, E> RepoResult<D, E> {
    pub fn new(path: PathBuf, report: Report<D>, extra: E) -> Self {
        RepoResult {
            path,
            error: None,
            hints: Vec::new(),
            report,
            extra,
        }
    }

    /// One result per repository of `repos`: what its run gave (split into the remotes' report and what the
    /// run adds), or why it could not run.
    pub fn all<T>(
        repos: &Repos,
        results: Vec<Result<T>>,
        split: impl Fn(T) -> (Report<D>, E),
    ) -> Vec<RepoResult<D, E>>
    where
        E: Default,
    {
        repos
            .iter()
            .zip(results)
            .map(|((path, _), result)| match result {
                Ok(done) => {
                    let (report, extra) = split(done);
                    RepoResult::new(path.clone(), report, extra)
                }
                Err(err) => RepoResult::failed(path.clone(), &err, E::default()),
            })
            .collect()
    }

    pub fn failed(path: PathBuf, err: &Error, extra: E) -> Self {
        let mut result = RepoResult::new(path, Report::new(Vec::new()), extra);
        result.error = Some(crate::redact::redact(&err.message).into_owned());
        result.hints = err.hints.clone();
        result.report.ok = false;
        result
    }

    fn failures(&self) -> usize {
        self.report
            .remotes
            .iter()
            .filter(|o| o.status.is_failure())
            .count()
    }
}

/// What a status run adds per repository.
#[derive(Serialize, Default)]
pub struct StatusExtra {
    pub in_sync: bool,
    #[serde(flatten)]
    pub comparison: Comparison,
    #[serde(skip)]
    pub members: Vec<Member>,
}

/// The status run of one repository, for its part of the document.
pub fn status_of(status: RepoStatus) -> (Report<Reached>, StatusExtra) {
    let extra = StatusExtra {
        in_sync: super::status::in_sync(&status.remotes, &status.comparison),
        comparison: status.comparison,
        members: status.members,
    };
    (Report::new(status.remotes), extra)
}

/// What a sync run adds per repository.
#[derive(Serialize, Default)]
pub struct SyncExtra {
    pub branch: Option<String>,
    pub primary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrated: Option<Integrated>,
    /// What became of every configured namespace ref (as `git multi sync --json` says it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub namespaces: Vec<NamespaceLine>,
}

/// Every repository's sync, for the document: its remotes in sync's words, or why it halted (the way out that
/// `git multi sync` would offer, without flags the workspace does not have).
pub fn synced(
    repos: &Repos,
    results: Vec<Result<RepoSync>>,
) -> Vec<RepoResult<PushDetail, SyncExtra>> {
    repos
        .iter()
        .zip(results)
        .map(|((path, _), result)| {
            let synced = match result {
                Ok(synced) => synced,
                Err(err) => return RepoResult::failed(path.clone(), &err, SyncExtra::default()),
            };
            let mut extra = SyncExtra {
                branch: synced.branch,
                primary: synced.primary,
                ..SyncExtra::default()
            };
            match synced.result {
                Ok(mut done) => {
                    super::sync::explain(&mut done);
                    let ok = done.ok();
                    extra.namespaces =
                        super::sync::namespaces(&done.namespaces, &done.report.remotes);
                    extra.integrated = Some(done.integrated);
                    let mut result = RepoResult::new(path.clone(), done.report, extra);
                    result.report.ok = ok;
                    result
                }
                Err(halted) => {
                    RepoResult::failed(path.clone(), &super::sync::halted(&halted, false), extra)
                }
            }
        })
        .collect()
}

#[derive(Serialize)]
struct Total {
    repositories: usize,
    failed_repositories: usize,
    remotes: usize,
    #[serde(flatten)]
    statuses: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct Document<'a, D, E> {
    ok: bool,
    repositories: &'a [RepoResult<D, E>],
    total: Total,
}

fn total<D, E>(repos: &[RepoResult<D, E>]) -> Total {
    let mut statuses = BTreeMap::new();
    for o in repos.iter().flat_map(|r| &r.report.remotes) {
        *statuses.entry(o.status.as_str()).or_default() += 1;
    }
    Total {
        repositories: repos.len(),
        failed_repositories: repos.iter().filter(|r| !r.report.ok).count(),
        remotes: repos.iter().map(|r| r.report.remotes.len()).sum(),
        statuses,
    }
}

/// Prints a run (per repository, then the total) and gives its exit code: 1 when any repository or remote
/// failed.
pub fn run<D: Detail, E: Serialize>(
    repos: &[RepoResult<D, E>],
    json: bool,
    body: impl Fn(&RepoResult<D, E>),
) -> Exit {
    let sum = total(repos);
    let failed = sum.failed_repositories;
    if json {
        super::json(&Document {
            ok: failed == 0,
            repositories: repos,
            total: sum,
        });
    } else {
        for repo in repos {
            super::out(&format!("== {}\n", repo.path.display()));
            match &repo.error {
                Some(error) => {
                    let mut text = format!("error: {error}\n");
                    for hint in &repo.hints {
                        text.push_str(&format!("hint: {hint}\n"));
                    }
                    super::out(&text);
                }
                None => body(repo),
            }
        }
        super::out(&total_line(&sum));
    }
    exit_code(ExitFacts {
        interrupted: crate::interrupt::requested(),
        failed: failed.max(repos.iter().map(RepoResult::failures).sum()),
        ..ExitFacts::default()
    })
}

/// `20 repositories, 60 remotes: 57 ok, 3 failed; 1 repository with problems`.
fn total_line(sum: &Total) -> String {
    let counts = super::status_counts(|s| sum.statuses.get(s.as_str()).copied().unwrap_or(0));
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = format!(
        "total: {}, {}",
        plural(sum.repositories, "repository", "repositories"),
        plural(sum.remotes, "remote", "remotes")
    );
    if !counts.is_empty() {
        line.push_str(&format!(": {}", counts.join(", ")));
    }
    if sum.failed_repositories > 0 {
        line.push_str(&format!(
            "; {} with problems",
            plural(sum.failed_repositories, "repository", "repositories")
        ));
    }
    line.push('\n');
    line
}

/// Push and fetch: one line per remote and the repository's own total.
pub fn outcomes<D: Detail, E>(repo: &RepoResult<D, E>) {
    super::outcomes_of(&repo.report.remotes);
}

/// Status: the repository's ref × remote matrix.
pub fn status(repo: &RepoResult<Reached, StatusExtra>) {
    let members: Vec<&Member> = repo.extra.members.iter().collect();
    super::status::matrix(&StatusView {
        members: &members,
        comparison: &repo.extra.comparison,
        reachable: &repo.report,
    });
}

/// Sync: what was integrated, the namespace refs it changed or could not settle, then one line per remote.
pub fn sync<D: Detail>(repo: &RepoResult<D, SyncExtra>) {
    if let Some(line) = repo
        .extra
        .integrated
        .as_ref()
        .and_then(super::integrate::synced)
    {
        super::out(&line);
    }
    let lines = super::sync::namespace_block(&repo.extra.namespaces);
    if !lines.is_empty() {
        super::out(&lines);
    }
    super::outcomes_of(&repo.report.remotes);
}

#[derive(Serialize)]
struct ListDocument<'a> {
    file: &'a std::path::Path,
    repositories: &'a [Listed],
}

pub fn list(file: &std::path::Path, repos: &[Listed], json: bool) {
    if json {
        super::json(&ListDocument {
            file,
            repositories: repos,
        });
        return;
    }
    if repos.is_empty() {
        super::out("the workspace is empty\n");
        super::note("hint: add repositories with `git multi workspace add <dir>...`");
        return;
    }
    let rows: Vec<Vec<String>> = repos
        .iter()
        .map(|r| {
            let what = match (&r.remotes, &r.problem) {
                (_, Some(problem)) => problem.clone(),
                (Some(names), None) => names.join(", "),
                (None, None) => String::new(),
            };
            vec![r.path.display().to_string(), what]
        })
        .collect();
    super::table(&rows);
}

pub fn added(added: &[PathBuf], already: &[PathBuf], file: &std::path::Path) {
    let mut text = String::new();
    for path in added {
        text.push_str(&format!("added {}\n", path.display()));
    }
    super::out(&text);
    for path in already {
        super::note(&format!("{} is already in the workspace", path.display()));
    }
    super::note(&format!("workspace: {}", file.display()));
}

pub fn removed(path: &std::path::Path) {
    super::out(&format!("removed {}\n", path.display()));
}
