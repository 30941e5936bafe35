//! `doctor`'s checks: what git-multi can tell about this machine and repository, each finding a [`Check`]
//! (`ok`, `warn` or `fail`, a one-line detail and the command that fixes it). One file per family: [`machine`]
//! (git, its features, the keyring, PATH), [`config`] (the values), [`remotes`] (the set, each member's URL,
//! reachability and host API), [`credentials`] (the helper or ssh key git would use), [`locks`] (lock files git
//! left behind) and [`automation`] (hooks and schedules); [`fix`] repairs what is safe first (`--fix`). Works outside a repository too (then only the machine
//! is checked).

pub mod automation;
pub mod config;
pub mod credentials;
pub mod fix;
pub mod locks;
pub mod machine;
pub mod remotes;

use crate::error::Result;
use crate::events::Quiet;
use crate::git::{Git, GitError};
use crate::model::Check;
use crate::remote_set::{Member, RemoteSet};
use crate::runner::{connection_cap, Job, Pool};
use crate::session::Parallel;

/// Every check, in the order they are shown; `parallel` bounds the members' probes (`-j`, `--timeout`).
pub fn checks(parallel: Parallel) -> Result<Vec<Check>> {
    let mut checks = Vec::new();
    match Git::locate() {
        Ok(git) => {
            checks.push(Check::ok(
                "git",
                format!("git {} ({})", git.version(), git.exe().display()),
            ));
            checks.extend(machine::features(&git));
            checks.extend(repository(&git, parallel)?);
        }
        Err(err) => {
            let hint = match err {
                GitError::TooOld { .. } => "upgrade git; `git --version` shows the one on PATH",
                _ => "install git (https://git-scm.com) and make sure it is on PATH",
            };
            checks.push(Check::fail("git", err.to_string(), hint));
        }
    }
    checks.push(machine::keyring());
    checks.push(machine::on_path());
    Ok(checks)
}

/// Everything that needs a repository; outside one, a single `repository` finding.
fn repository(git: &Git, parallel: Parallel) -> Result<Vec<Check>> {
    let git_dir = match git.git_dir() {
        Ok(dir) => dir,
        Err(err) => {
            let detail = err
                .stderr()
                .map(crate::git::failure_summary)
                .unwrap_or_else(|| err.to_string());
            return Ok(vec![Check::warn(
                "repository",
                format!("not inside a git repository ({detail}); only the machine was checked"),
                "run `git multi doctor` inside the repository to check its remotes",
            )]);
        }
    };
    let mut checks = vec![Check::ok("repository", git_dir.display().to_string())];
    let entries = git.config_entries(r"^(remote|remotes|multi)\.")?;
    let (config_checks, usable) = config::configuration(&entries);
    checks.extend(config_checks);
    // Bad values are reported above; the rest of the checks work on what is left.
    let set = RemoteSet::from_entries(&usable).unwrap_or_default();
    checks.extend(remotes::set_checks(git, &set)?);

    let budget = parallel
        .timeout
        .or(set.settings.timeout)
        .unwrap_or(crate::config::DEFAULT_PROBE_TIMEOUT);
    let members: Vec<&Member> = set.members.iter().collect();
    // The pool directly, not FanOut: a member without a git remote is one of the things the doctor examines,
    // where FanOut would only report it as missing.
    let pool = Pool::new(&set.settings, parallel.jobs, members.len().max(1));
    let per_member = pool.run(
        &members,
        |m| connection_cap(m),
        |m| remotes::member_checks(git, &Job::new(m, budget, &Quiet)),
    );
    for found in per_member {
        checks.extend(found);
    }
    checks.push(locks::lock_files(git, &git_dir, &set));
    checks.push(automation::hooks(git));
    if let Some(why) = crate::ops::lfs::lfs_hooks_missing(git) {
        checks.push(Check::warn(
            "lfs",
            why,
            "run `git lfs install --local`; with git-multi's pre-push hook installed, `git multi hook remove pre-push` first and `git multi hook install pre-push` after, so it chains git-lfs's",
        ));
    }
    checks.push(automation::schedules());
    Ok(checks)
}
