//! Schedules on the system's own engines: a systemd user service + timer, a crontab entry, or a launchd agent
//! on macOS. Each runs an ordinary `git -C <repo> multi <action> --json` (so its outcome lands wherever a run's
//! outcome lands, the audit log included); git-multi runs no daemon of its own.
//!
//! One schedule per repository, named after the repository (`git-multi-<dir>-<hash of the path>`). Every unit,
//! entry and plist carries a line `git-multi managed: schedule <name> every <interval> <action> in <repo>`,
//! which is how `list` and `remove` find them.
//!
//! This file holds what every engine shares (the interval, the schedule and its marker) and hands install, list
//! and remove to the engine's own file: `systemd.rs`, `cron.rs`, `launchd.rs`. All of them start system tools
//! through `run.rs`.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};

use super::hooks::Action;
use super::{path_tag, sh_quote, slug, MARKER};

mod cron;
mod launchd;
mod run;
mod systemd;

pub use systemd::Verified;

/// How often: every N minutes (N divides an hour), every N hours (N divides a day), daily or weekly. Only
/// intervals every engine can express exactly on a clock are offered, so the same words mean the same runs
/// under systemd, cron and launchd.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    Minutes(u32),
    Hours(u32),
    Daily,
    Weekly,
}

const MINUTES: [u32; 11] = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];
const HOURS: [u32; 7] = [1, 2, 3, 4, 6, 8, 12];

impl Every {
    pub fn parse(text: &str) -> std::result::Result<Every, String> {
        let text = text.trim().to_ascii_lowercase();
        let every = match text.as_str() {
            "hourly" => Every::Hours(1),
            "daily" | "1d" | "24h" => Every::Daily,
            "weekly" | "7d" | "1w" => Every::Weekly,
            _ => {
                let (number, unit) = text.split_at(
                    text.find(|c: char| !c.is_ascii_digit())
                        .unwrap_or(text.len()),
                );
                let n: u32 = number
                    .parse()
                    .map_err(|_| format!("`{text}` is not an interval"))?;
                match unit {
                    "m" | "min" if n == 60 => Every::Hours(1),
                    "m" | "min" if MINUTES.contains(&n) => Every::Minutes(n),
                    "h" if HOURS.contains(&n) => Every::Hours(n),
                    "m" | "min" | "h" => {
                        return Err(format!(
                            "every {text} cannot be kept on a clock by every engine"
                        ))
                    }
                    _ => return Err(format!("`{text}` is not an interval")),
                }
            }
        };
        Ok(every)
    }

    /// For sentences: `every 15m`, `daily`.
    pub fn phrase(self) -> String {
        match self {
            Every::Daily | Every::Weekly => self.to_string(),
            _ => format!("every {self}"),
        }
    }
}

impl fmt::Display for Every {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Every::Minutes(n) => write!(f, "{n}m"),
            Every::Hours(n) => write!(f, "{n}h"),
            Every::Daily => f.write_str("daily"),
            Every::Weekly => f.write_str("weekly"),
        }
    }
}

/// The engine a schedule runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    Systemd,
    Cron,
    Launchd,
}

impl Engine {
    pub fn as_str(self) -> &'static str {
        match self {
            Engine::Systemd => "systemd",
            Engine::Cron => "cron",
            Engine::Launchd => "launchd",
        }
    }

    /// launchd on macOS; systemd where it runs the machine (`/run/systemd/system` exists); cron elsewhere.
    pub fn default_here() -> Engine {
        if cfg!(target_os = "macos") {
            Engine::Launchd
        } else if Path::new("/run/systemd/system").is_dir() {
            Engine::Systemd
        } else {
            Engine::Cron
        }
    }
}

/// One repository's schedule.
#[derive(Debug, Clone, Serialize)]
pub struct Schedule {
    /// `git-multi-<dir>-<hash>`: the unit name (without `.service`/`.timer`), plist label suffix, cron tag.
    pub name: String,
    pub repo: PathBuf,
    #[serde(serialize_with = "display")]
    pub every: Every,
    pub action: Action,
}

fn display<S: serde::Serializer>(value: &Every, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(value)
}

impl Schedule {
    pub fn new(repo: &Path, every: Every, action: Action) -> Schedule {
        let dir = repo
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Schedule {
            name: format!("git-multi-{}-{}", slug(&dir), path_tag(repo)),
            repo: repo.to_path_buf(),
            every,
            action,
        }
    }

    /// The marker line's text (without the comment syntax).
    pub fn marker(&self) -> String {
        format!(
            "{MARKER}: schedule {} every {} {} in {}",
            self.name,
            self.every,
            self.action.as_str(),
            self.repo.display()
        )
    }

    /// A minute of the hour picked from the name, so schedules of many repositories do not all start at :00.
    fn minute(&self) -> u32 {
        u32::from_str_radix(&path_tag(&self.repo)[..4], 16).unwrap_or(0) % 60
    }

    fn args(&self) -> Vec<String> {
        vec![
            "-C".into(),
            self.repo.to_string_lossy().into_owned(),
            "multi".into(),
            self.action.as_str().into(),
            "--json".into(),
        ]
    }
}

/// What an installed schedule runs, as written: the service unit (systemd), the plist (launchd), or the
/// crontab line under its marker (cron). `doctor --fix` reads the PATH it runs git-multi from.
pub fn installed_text(found: &Found) -> Option<String> {
    match found.engine {
        Engine::Systemd => {
            std::fs::read_to_string(found.path.as_ref()?.with_extension("service")).ok()
        }
        Engine::Launchd => std::fs::read_to_string(found.path.as_ref()?).ok(),
        Engine::Cron => {
            let table = cron::crontab_read().ok()?;
            let lines: Vec<&str> = table.lines().collect();
            lines
                .windows(2)
                .find(|pair| parse_marker(pair[0]).is_some_and(|s| s.repo == found.schedule.repo))
                .map(|pair| pair[1].to_string())
        }
    }
}

/// Reads a marker line back: `git-multi managed: schedule <name> every <every> <action> in <repo>`.
pub fn parse_marker(line: &str) -> Option<Schedule> {
    let rest = line.split_once(&format!("{MARKER}: schedule "))?.1;
    let (name, rest) = rest.split_once(" every ")?;
    let (every, rest) = rest.split_once(' ')?;
    let (action, repo) = rest.split_once(" in ")?;
    let action = Action::parse(action)?;
    let mut repo = repo.trim_end().to_string();
    if let Some(inside) = repo.strip_suffix(" -->") {
        // A plist comment: the text was escaped for XML.
        repo = inside
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
    }
    Some(Schedule {
        name: name.to_string(),
        repo: PathBuf::from(repo),
        every: Every::parse(every).ok()?,
        action,
    })
}

/// What every engine's scheduled run starts, and with what around it.
pub struct Runner<'a> {
    /// The git that runs `git multi …`.
    pub git: &'a Path,
    /// Where the run's output goes (cron and launchd; systemd keeps it in the journal).
    pub log: &'a Path,
    /// git-multi's own directory, first on the run's PATH.
    pub exe_dir: Option<&'a Path>,
}

impl Runner<'_> {
    /// PATH for a scheduled run: git-multi's own directory and git's, then the usual system directories.
    fn path(&self) -> String {
        let mut dirs: Vec<String> = Vec::new();
        for dir in [self.exe_dir, self.git.parent()].into_iter().flatten() {
            let dir = dir.to_string_lossy().into_owned();
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
        for dir in ["/usr/local/bin", "/usr/bin", "/bin"] {
            if !dirs.iter().any(|d| d == dir) {
                dirs.push(dir.to_string());
            }
        }
        dirs.join(":")
    }
}

/// `$XDG_CONFIG_HOME`, else `~/.config`.
pub fn config_home() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
}

/// The user's crontab lines that mention git-multi (none when there is no crontab, or no cron at all).
pub fn crontab_lines() -> Vec<String> {
    cron::crontab_read()
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && l.contains("git-multi"))
        .map(str::to_string)
        .collect()
}

/// What an install did.
#[derive(Debug, Clone, Serialize)]
pub struct Installed {
    pub engine: Engine,
    pub schedule: Schedule,
    /// Files written (units, plist); empty for cron.
    pub files: Vec<PathBuf>,
    pub verified: Option<Verified>,
    /// The timer is enabled and started (systemd), the agent loaded (launchd), the entry in the crontab.
    pub active: bool,
    /// Why the schedule could not be activated, when it could not.
    pub problem: Option<String>,
    /// Schedules of this repository that were there before and were replaced.
    pub replaced: Vec<Found>,
}

/// A schedule found installed.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    pub engine: Engine,
    #[serde(flatten)]
    pub schedule: Schedule,
    /// The timer unit or plist; `None` for a crontab entry.
    pub path: Option<PathBuf>,
}

/// Installs `schedule` on `engine`, replacing this repository's schedule wherever it was.
pub fn install(schedule: &Schedule, engine: Engine, git: &Path, log: &Path) -> Result<Installed> {
    let replaced = remove(&schedule.repo)?;
    let exe_dir = super::exe_dir();
    let exe_dir = exe_dir.as_deref();
    let mut installed = Installed {
        engine,
        schedule: schedule.clone(),
        files: Vec::new(),
        verified: None,
        active: false,
        problem: None,
        replaced,
    };
    let runner = Runner { git, log, exe_dir };
    match engine {
        Engine::Systemd => systemd::install(schedule, &runner, &mut installed)?,
        Engine::Cron => cron::install(schedule, &runner, &mut installed)?,
        Engine::Launchd => launchd::install(schedule, &runner, &mut installed)?,
    }
    Ok(installed)
}

/// Every git-multi schedule of this user, on every engine.
pub fn list() -> Result<Vec<Found>> {
    let mut found = Vec::new();
    if let Ok(dir) = systemd::systemd_dir() {
        found.extend(scan_dir(&dir, ".timer", Engine::Systemd));
    }
    if let Ok(dir) = launchd::launch_agents_dir() {
        found.extend(scan_dir(&dir, ".plist", Engine::Launchd));
    }
    // No crontab program (or no crontab yet) simply means no entries.
    if let Ok(text) = cron::crontab_read() {
        found.extend(cron::scan_cron(&text));
    }
    Ok(found)
}

/// Removes `repo`'s schedule from every engine; what was removed.
pub fn remove(repo: &Path) -> Result<Vec<Found>> {
    let ours: Vec<Found> = list()?
        .into_iter()
        .filter(|f| f.schedule.repo == repo)
        .collect();
    for found in &ours {
        match found.engine {
            Engine::Systemd => systemd::remove(found)?,
            Engine::Cron => cron::remove(repo)?,
            Engine::Launchd => launchd::remove(found)?,
        }
    }
    Ok(ours)
}

/// The schedules in `dir`'s files ending in `suffix` (timers, plists), by name; a missing directory has none.
fn scan_dir(dir: &Path, suffix: &str, engine: Engine) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Found> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(suffix))
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            let schedule = text.lines().find_map(parse_marker)?;
            Some(Found {
                engine,
                schedule,
                path: Some(e.path()),
            })
        })
        .collect();
    found.sort_by(|a, b| a.schedule.name.cmp(&b.schedule.name));
    found
}

fn io_error(what: &str, path: &Path, err: std::io::Error) -> Error {
    Error::failed(format!("could not {what} {}: {err}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A schedule of a repository whose path has a blank in it.
    pub(super) fn sample(every: Every) -> Schedule {
        Schedule::new(Path::new("/home/me/src/my app"), every, Action::Fetch)
    }

    #[test]
    fn intervals_are_the_ones_every_engine_keeps_exactly() {
        assert_eq!(Every::parse("15m"), Ok(Every::Minutes(15)));
        assert_eq!(Every::parse("60m"), Ok(Every::Hours(1)));
        assert_eq!(Every::parse("1h"), Ok(Every::Hours(1)));
        assert_eq!(Every::parse("hourly"), Ok(Every::Hours(1)));
        assert_eq!(Every::parse("6h"), Ok(Every::Hours(6)));
        assert_eq!(Every::parse("daily"), Ok(Every::Daily));
        assert_eq!(Every::parse("weekly"), Ok(Every::Weekly));
        assert!(Every::parse("45m").unwrap_err().contains("cannot be kept"));
        assert!(Every::parse("5h").is_err());
        assert!(Every::parse("soon").is_err());
        assert!(Every::parse("0m").is_err());
        assert_eq!(Every::Minutes(15).cron(7), "*/15 * * * *");
        assert_eq!(Every::Hours(6).cron(7), "7 */6 * * *");
        assert_eq!(Every::Daily.cron(7), "7 3 * * *");
        assert_eq!(Every::Minutes(15).on_calendar(7), "*-*-* *:00/15:00");
        assert_eq!(Every::Hours(2).on_calendar(7), "*-*-* 00/2:07:00");
    }

    #[test]
    fn markers_read_back_into_the_schedule() {
        let schedule = sample(Every::Minutes(15));
        assert!(
            schedule.name.starts_with("git-multi-my-app-"),
            "{}",
            schedule.name
        );
        let line = format!("# {}", schedule.marker());
        let back = parse_marker(&line).unwrap();
        assert_eq!(
            (back.name, back.repo, back.every, back.action),
            (
                schedule.name,
                schedule.repo,
                schedule.every,
                schedule.action
            )
        );
        let plist_line = format!("<!-- {} -->", sample(Every::Daily).marker());
        assert_eq!(
            parse_marker(&plist_line).unwrap().repo,
            Path::new("/home/me/src/my app")
        );
    }
}
