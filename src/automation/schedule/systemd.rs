//! Schedules as systemd user units: a oneshot `.service` and its `.timer` in `$XDG_CONFIG_HOME/systemd/user`,
//! checked by `systemd-analyze` before `systemctl --user` starts them.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};

use super::run::{self, run};
use super::{io_error, Every, Found, Installed, Runner, Schedule};

/// Runs `systemctl --user …` through this program instead; for tests and sandboxes.
pub const SYSTEMCTL_ENV: &str = "GIT_MULTI_SYSTEMCTL";

impl Every {
    /// The `OnCalendar=` of a systemd timer; `minute` spreads hourly and longer runs over the hour.
    pub fn on_calendar(self, minute: u32) -> String {
        match self {
            Every::Minutes(n) => format!("*-*-* *:00/{n}:00"),
            Every::Hours(n) => format!("*-*-* 00/{n}:{minute:02}:00"),
            Every::Daily => format!("*-*-* 03:{minute:02}:00"),
            Every::Weekly => format!("Mon *-*-* 03:{minute:02}:00"),
        }
    }
}

/// A word of an `ExecStart=`/`Environment=` line: `%` and `$` escaped, quoted when it has blanks or quotes.
fn systemd_word(word: &str) -> String {
    let escaped = word.replace('%', "%%").replace('$', "$$");
    if escaped.contains(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '\\') {
        format!("\"{}\"", escaped.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        escaped
    }
}

/// The `.service` and `.timer` of a systemd user schedule.
pub fn systemd_units(schedule: &Schedule, runner: &Runner) -> (String, String) {
    let mut exec = vec![systemd_word(&runner.git.to_string_lossy())];
    exec.extend(schedule.args().iter().map(|a| systemd_word(a)));
    let service = format!(
        "# {marker}\n\
         [Unit]\n\
         Description=git multi {action} in {repo}\n\
         \n\
         [Service]\n\
         Type=oneshot\n\
         Environment={path}\n\
         ExecStart={exec}\n",
        marker = schedule.marker(),
        action = schedule.action.as_str(),
        repo = schedule.repo.display().to_string().replace('%', "%%"),
        path = systemd_word(&format!("PATH={}", runner.path())),
        exec = exec.join(" "),
    );
    let timer = format!(
        "# {marker}\n\
         [Unit]\n\
         Description=git multi {action} in {repo} every {every}\n\
         \n\
         [Timer]\n\
         OnCalendar={calendar}\n\
         # A run missed while the machine was off or asleep happens at the next start.\n\
         Persistent=true\n\
         \n\
         [Install]\n\
         WantedBy=timers.target\n",
        marker = schedule.marker(),
        action = schedule.action.as_str(),
        repo = schedule.repo.display().to_string().replace('%', "%%"),
        every = schedule.every,
        calendar = schedule.every.on_calendar(schedule.minute()),
    );
    (service, timer)
}

/// Where the user manager looks for the user's own units.
pub(super) fn systemd_dir() -> Result<PathBuf> {
    super::config_home()
        .map(|c| c.join("systemd/user"))
        .ok_or_else(|| Error::usage("neither XDG_CONFIG_HOME nor HOME is set").hint("set HOME"))
}

/// Writes, checks and starts the units; units systemd rejects are removed again, as nothing would ever run them.
pub(super) fn install(
    schedule: &Schedule,
    runner: &Runner,
    installed: &mut Installed,
) -> Result<()> {
    let dir = systemd_dir()?;
    std::fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, e))?;
    let (service, timer) = systemd_units(schedule, runner);
    let service_path = dir.join(format!("{}.service", schedule.name));
    let timer_path = dir.join(format!("{}.timer", schedule.name));
    for (path, text) in [(&service_path, &service), (&timer_path, &timer)] {
        std::fs::write(path, text).map_err(|e| io_error("write", path, e))?;
    }
    installed.files = vec![service_path.clone(), timer_path.clone()];
    match verify_units(&[&service_path, &timer_path]) {
        Ok(how) => installed.verified = Some(how),
        Err(problem) => {
            let _ = std::fs::remove_file(&service_path);
            let _ = std::fs::remove_file(&timer_path);
            return Err(Error::failed(format!(
                "systemd rejects the units written for this schedule (removed again): {problem}"
            ))
            .hint("try `--cron`, and report this as a git-multi bug"));
        }
    }
    let timer_name = format!("{}.timer", schedule.name);
    let started =
        systemctl(&["daemon-reload"]).and_then(|()| systemctl(&["enable", "--now", &timer_name]));
    match started {
        Ok(()) => installed.active = true,
        Err(why) => installed.problem = Some(why),
    }
    Ok(())
}

/// Stops the timer and deletes both units.
pub(super) fn remove(found: &Found) -> Result<()> {
    // Stopping a timer that was never started (no user manager) is not a reason to keep its files.
    let _ = systemctl(&[
        "disable",
        "--now",
        &format!("{}.timer", found.schedule.name),
    ]);
    if let Some(timer) = &found.path {
        let service = timer.with_extension("service");
        for path in [timer, &service] {
            if path.exists() {
                std::fs::remove_file(path).map_err(|e| io_error("remove", path, e))?;
            }
        }
    }
    let _ = systemctl(&["daemon-reload"]);
    Ok(())
}

fn systemctl(args: &[&str]) -> std::result::Result<(), String> {
    let program = run::program(SYSTEMCTL_ENV, "systemctl");
    let mut full = vec!["--user"];
    full.extend_from_slice(args);
    run(&program, None, &full, None)
        .map(drop)
        .map_err(|failed| failed.to_string())
}

/// How the written units were checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "by", content = "why")]
pub enum Verified {
    /// `systemd-analyze --user verify`.
    UserManager,
    /// `systemd-analyze verify` in system mode: the user mode could not start here (the reason).
    SystemMode(String),
    /// git-multi's own syntax check: systemd-analyze could not run at all (the reason).
    Syntax(String),
}

/// `systemd-analyze` with `args`; the one-line reason when it fails.
fn analyze(env: Option<(&str, &Path)>, args: &[&str]) -> std::result::Result<(), String> {
    run("systemd-analyze", env, args, None)
        .map(drop)
        .map_err(|failed| failed.to_string())
}

/// Checks unit files with `systemd-analyze verify`: in user mode, in user mode with a private runtime directory
/// when no user session provides one, in system mode when the user manager cannot start at all, and with our
/// own syntax check when systemd-analyze is missing. `Err` only when the units themselves are wrong.
pub fn verify_units(files: &[&Path]) -> std::result::Result<Verified, String> {
    let paths: Vec<String> = files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut args: Vec<&str> = vec!["--user", "verify"];
    args.extend(paths.iter().map(String::as_str));
    let cannot_start = |why: &str| {
        why.contains("Failed to initialize manager")
            || why.contains("RuntimeDirectory")
            || why.contains("Failed to connect to bus")
    };
    if which::which("systemd-analyze").is_err() {
        return syntax_check(files)
            .map(|()| Verified::Syntax("systemd-analyze is not installed".into()));
    }
    let first = match analyze(None, &args) {
        Ok(()) => return Ok(Verified::UserManager),
        Err(why) if cannot_start(&why) => why,
        Err(why) => return Err(why),
    };
    // Outside a login session there is no XDG_RUNTIME_DIR; a private one is enough for verifying.
    if let Ok(runtime) = tempfile::Builder::new()
        .prefix("git-multi-runtime")
        .tempdir()
    {
        match analyze(Some(("XDG_RUNTIME_DIR", runtime.path())), &args) {
            Ok(()) => return Ok(Verified::UserManager),
            Err(why) if cannot_start(&why) => {}
            Err(why) => return Err(why),
        }
    }
    let system: Vec<&str> = std::iter::once("verify")
        .chain(paths.iter().map(String::as_str))
        .collect();
    match analyze(None, &system) {
        Ok(()) => Ok(Verified::SystemMode(first)),
        Err(why) if cannot_start(&why) => syntax_check(files)
            .map(|()| Verified::Syntax(format!("systemd-analyze could not run: {why}"))),
        Err(why) => Err(why),
    }
}

/// Sections and `Key=value` lines, and the keys a oneshot service and a calendar timer cannot do without.
fn syntax_check(files: &[&Path]) -> std::result::Result<(), String> {
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut section = String::new();
        let mut keys: Vec<String> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            if line.starts_with('[') && line.ends_with(']') {
                section = line.to_string();
                continue;
            }
            match line.split_once('=') {
                Some((key, _)) if !section.is_empty() && !key.trim().is_empty() => {
                    keys.push(format!("{section}{}", key.trim()))
                }
                _ => {
                    return Err(format!(
                        "{}:{}: not a `Key=value` line: {line}",
                        file.display(),
                        n + 1
                    ))
                }
            }
        }
        let needed: &[&str] = if file.extension().is_some_and(|e| e == "timer") {
            &["[Timer]OnCalendar"]
        } else {
            &["[Service]ExecStart"]
        };
        for key in needed {
            if !keys.iter().any(|k| k == key) {
                return Err(format!("{}: {key} is missing", file.display()));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn units_quote_what_systemd_would_read_otherwise() {
        let runner = Runner {
            git: Path::new("/usr/bin/git"),
            log: Path::new("/home/me/src/my app/.git/multi/schedule.log"),
            exe_dir: Some(Path::new("/opt/bin")),
        };
        let (service, timer) = systemd_units(&sample(Every::Hours(1)), &runner);
        assert!(
            service
                .contains("ExecStart=/usr/bin/git -C \"/home/me/src/my app\" multi fetch --json\n"),
            "{service}"
        );
        assert!(
            service.contains("Environment=PATH=/opt/bin:/usr/bin:/usr/local/bin:/bin\n"),
            "{service}"
        );
        assert!(timer.contains("OnCalendar=*-*-* 00/1:"), "{timer}");
        assert!(timer.starts_with("# git-multi managed: schedule git-multi-my-app-"));
        assert_eq!(systemd_word("50%$x"), "50%%$$x");
    }

    #[test]
    fn the_syntax_check_wants_key_value_lines_and_the_essential_keys() {
        let dir = tempfile::tempdir().unwrap();
        let runner = Runner {
            git: Path::new("/usr/bin/git"),
            log: Path::new("/home/me/src/my app/.git/multi/schedule.log"),
            exe_dir: None,
        };
        let (service, timer) = systemd_units(&sample(Every::Daily), &runner);
        let s = dir.path().join("x.service");
        let t = dir.path().join("x.timer");
        std::fs::write(&s, service).unwrap();
        std::fs::write(&t, &timer).unwrap();
        assert_eq!(syntax_check(&[&s, &t]), Ok(()));
        std::fs::write(&t, timer.replace("OnCalendar", "OnCalender")).unwrap();
        assert!(syntax_check(&[&t])
            .unwrap_err()
            .contains("OnCalendar is missing"));
        std::fs::write(&s, "[Service]\nExecStart /bin/true\n").unwrap();
        assert!(syntax_check(&[&s]).is_err());
    }
}
