//! `git multi doctor --fix`: repairs what is safe to repair without asking, before the checks run, so the
//! report that follows shows what is left. Each repair says what it changed:
//! - `remotes.multi` missing or disagreeing with the enabled members: rewritten from them;
//! - lock files git left behind (old, no git running there): removed;
//! - members with no tracking ref at all (never fetched): fetched;
//! - git-multi hooks git would not run (not executable): installed again, their chain kept;
//! - this repository's schedules whose PATH holds no git-multi any more (the binary moved or was removed):
//!   installed again for the git-multi running now.
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
    repairs.extend(schedules(git));
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

/// The directories of the `PATH=` a schedule sets: `PATH='/a:/b'` (cron) or `Environment="PATH=/a:/b"`
/// (systemd) or the plist's `<string>/a:/b</string>` after the PATH key.
fn path_dirs(text: &str) -> Vec<PathBuf> {
    let value = if let Some((_, rest)) = text.split_once("PATH=") {
        rest.trim_start_matches(['\'', '"'])
            .split(['\'', '"', ' ', '\n'])
            .next()
            .unwrap_or("")
    } else if let Some((_, rest)) = text.split_once("<key>PATH</key>") {
        rest.split_once("<string>")
            .and_then(|(_, r)| r.split_once("</string>"))
            .map_or("", |(v, _)| v)
    } else {
        ""
    };
    value
        .split(':')
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .collect()
}

fn schedules(git: &Git) -> Vec<Repair> {
    use crate::automation::schedule;
    let Some(repo) = git.toplevel().or_else(|| git.common_dir().ok()) else {
        return Vec::new();
    };
    let mine: Vec<schedule::Found> = schedule::list()
        .unwrap_or_default()
        .into_iter()
        .filter(|f| f.schedule.repo == repo)
        .collect();
    let mut repairs = Vec::new();
    for found in mine {
        let Some(text) = schedule::installed_text(&found) else {
            continue;
        };
        let dirs = path_dirs(&text);
        if dirs.is_empty() || dirs.iter().any(|d| runnable(&d.join("git-multi"))) {
            continue;
        }
        let log = match git.common_dir() {
            Ok(dir) => dir.join(crate::audit::DIR).join("schedule.log"),
            Err(_) => continue,
        };
        let engine = found.engine.as_str();
        repairs.push(
            match schedule::install(&found.schedule, found.engine, git.exe(), &log) {
                Ok(_) => done(
                    "schedule",
                    format!(
                        "the {engine} schedule ran a git-multi that is gone; installed again for {}",
                        std::env::current_exe()
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|_| "this git-multi".into())
                    ),
                ),
                Err(err) => failed(
                    "schedule",
                    format!("could not install the {engine} schedule again: {}", err.message),
                ),
            },
        );
    }
    repairs
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

#[cfg(test)]
mod tests {
    use super::*;

    // As `schedule install` writes them (cron line, systemd service, launchd plist).
    const CRON: &str = "17 * * * * PATH='/opt/gm/bin:/usr/local/bin:/usr/bin:/bin' '/usr/local/bin/git' -C /w multi fetch --json >>'/w/.git/multi/schedule.log' 2>&1 # git-multi managed";
    const SYSTEMD: &str = "[Service]\nType=oneshot\nEnvironment=\"PATH=/opt/gm/bin:/usr/local/bin:/usr/bin:/bin\"\nExecStart=/usr/local/bin/git -C /w multi fetch --json\n";
    const PLIST: &str = "<key>EnvironmentVariables</key>\n<dict>\n<key>PATH</key>\n<string>/opt/gm/bin:/usr/bin</string>\n</dict>";

    #[test]
    fn reads_the_path_a_schedule_runs_with() {
        let want = |dirs: &[&str]| dirs.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert_eq!(
            path_dirs(CRON),
            want(&["/opt/gm/bin", "/usr/local/bin", "/usr/bin", "/bin"])
        );
        assert_eq!(
            path_dirs(SYSTEMD),
            want(&["/opt/gm/bin", "/usr/local/bin", "/usr/bin", "/bin"])
        );
        assert_eq!(path_dirs(PLIST), want(&["/opt/gm/bin", "/usr/bin"]));
        assert!(path_dirs("no path here").is_empty());
    }
}
