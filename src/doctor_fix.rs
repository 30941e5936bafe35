//! `git multi doctor --fix`: repairs what is safe to repair without asking, before the checks run, so the
//! report that follows shows what is left. Each repair says what it changed:
//! - `remotes.multi` missing or disagreeing with the enabled members: rewritten from them;
//! - lock files git left behind (old, no git running there): removed;
//! - members with no tracking ref at all (never fetched): fetched;
//! - git-multi hooks git would not run (not executable): installed again, their chain kept.
//!
//! Anything else (bad values, unreachable hosts, tokens, schedules) stays a finding with its hint.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::automation::hooks;
use crate::git::{FetchOptions, Git};
use crate::model::check::Repair;
use crate::remote_set::RemoteSet;
use crate::url::{self, Transport};

fn done(name: &str, detail: String) -> Repair {
    Repair {
        name: name.to_string(),
        ok: true,
        detail,
    }
}

fn failed(name: &str, detail: String) -> Repair {
    Repair {
        name: name.to_string(),
        ok: false,
        detail,
    }
}

/// Where git may have left lock files for this repository: its git directory (and the common one), and every
/// member that is a repository on this machine.
pub fn lock_dirs(git: &Git, git_dir: &Path, set: &RemoteSet) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = vec![git_dir.to_path_buf()];
    if let Ok(common) = git.common_dir() {
        if common != git_dir {
            dirs.push(common);
        }
    }
    for m in &set.members {
        let parsed = m.url.as_deref().and_then(|u| url::parse(u, |_| true).ok());
        if let Some(parsed) =
            parsed.filter(|p| matches!(p.transport, Transport::Local | Transport::File))
        {
            let path = PathBuf::from(&parsed.path);
            let repo = if path.join(".git").is_dir() {
                path.join(".git")
            } else {
                path
            };
            if repo.join("HEAD").is_file() {
                dirs.push(repo);
            }
        }
    }
    dirs
}

/// Every safe repair in the repository here; none outside one, or with a config git-multi cannot read (the
/// checks say what is wrong with it).
pub fn repair_here(git: &Git) -> Vec<Repair> {
    let mut repairs = Vec::new();
    let Ok(git_dir) = git.git_dir() else {
        return repairs;
    };
    let Ok(set) = RemoteSet::load(git) else {
        return repairs;
    };
    let budget = set
        .settings
        .timeout
        .unwrap_or(crate::config::DEFAULT_TIMEOUT);
    repairs.extend(group(git, &set));
    repairs.extend(locks(&lock_dirs(git, &git_dir, &set)));
    repairs.extend(tracking_refs(git, &set, budget));
    repairs.extend(hook_files(git));
    repairs
}

fn group(git: &Git, set: &RemoteSet) -> Option<Repair> {
    let enabled: Vec<&str> = set
        .members
        .iter()
        .filter(|m| m.in_group())
        .map(|m| m.name.as_str())
        .collect();
    if enabled.is_empty() {
        return None;
    }
    let mut listed: Vec<&str> = Vec::new();
    for name in set.group.iter().flatten() {
        if !listed.contains(&name.as_str()) {
            listed.push(name);
        }
    }
    if listed == enabled {
        return None;
    }
    let key = crate::config::GROUP_KEY;
    Some(match set.write_group(git) {
        Ok(()) => done(
            "set.group",
            format!(
                "rewrote {key} from the enabled members: {}",
                enabled.join(" ")
            ),
        ),
        Err(err) => failed(
            "set.group",
            format!("could not rewrite {key}: {}", err.message),
        ),
    })
}

fn locks(dirs: &[PathBuf]) -> Vec<Repair> {
    dirs.iter()
        .flat_map(|d| crate::stale_locks::stale(d))
        .map(|lock| match std::fs::remove_file(&lock) {
            Ok(()) => done(
                "locks",
                format!("removed {} (left by a git that is gone)", lock.display()),
            ),
            Err(err) => failed(
                "locks",
                format!("could not remove {}: {err}", lock.display()),
            ),
        })
        .collect()
}

fn tracking_refs(git: &Git, set: &RemoteSet, budget: Duration) -> Vec<Repair> {
    let mut repairs = Vec::new();
    for m in set
        .members
        .iter()
        .filter(|m| m.in_group() && m.url.is_some())
    {
        let prefix = format!("refs/remotes/{}/", m.name);
        if !git.refs(&[&prefix]).unwrap_or_default().is_empty() {
            continue;
        }
        let name = format!("remote.{}.tracking", m.name);
        repairs.push(
            match git.fetch(&m.name, &FetchOptions::default(), Some(budget), None) {
                Ok(()) if git.refs(&[&prefix]).unwrap_or_default().is_empty() => continue,
                Ok(()) => done(
                    &name,
                    format!("fetched {} (it had no tracking refs)", m.name),
                ),
                Err(err) => failed(
                    &name,
                    format!(
                        "could not fetch {}: {}",
                        m.name,
                        err.stderr()
                            .map(crate::git::failure_summary)
                            .unwrap_or_else(|| err.to_string())
                    ),
                ),
            },
        );
    }
    repairs
}

fn hook_files(git: &Git) -> Vec<Repair> {
    let Ok((_, states)) = hooks::list(git) else {
        return Vec::new();
    };
    states
        .into_iter()
        .filter(|s| s.kind == "git-multi" && !runnable(&s.path))
        .filter_map(|s| {
            let action = s.action?;
            Some(match hooks::install(git, s.hook, action) {
                Ok(_) => done(
                    "hooks",
                    format!(
                        "installed the {} hook again ({}), executable",
                        s.hook.as_str(),
                        s.path.display()
                    ),
                ),
                Err(err) => failed(
                    "hooks",
                    format!(
                        "could not reinstall the {} hook: {}",
                        s.hook.as_str(),
                        err.message
                    ),
                ),
            })
        })
        .collect()
}

fn runnable(path: &std::path::Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}
