//! Schedules as crontab entries: a marker comment and the entry after it, in the user's crontab beside their own
//! lines, read with `crontab -l` and replaced whole with `crontab -`.

use std::path::Path;

use crate::error::{Error, Result};

use super::run::{self, run, Failed};
use super::{parse_marker, sh_quote, Engine, Every, Found, Installed, Runner, Schedule, MARKER};

/// Runs `crontab` (`-l` to read, `-` to replace) through this program instead; for tests and sandboxes.
pub const CRONTAB_ENV: &str = "GIT_MULTI_CRONTAB";

impl Every {
    /// The five time fields of a crontab line.
    pub fn cron(self, minute: u32) -> String {
        match self {
            Every::Minutes(1) => "* * * * *".to_string(),
            Every::Minutes(n) => format!("*/{n} * * * *"),
            Every::Hours(1) => format!("{minute} * * * *"),
            Every::Hours(n) => format!("{minute} */{n} * * *"),
            Every::Daily => format!("{minute} 3 * * *"),
            Every::Weekly => format!("{minute} 3 * * 1"),
        }
    }
}

/// The two crontab lines of a schedule: the marker comment, then the entry. Output goes to
/// `.git/multi/schedule.log` of the repository.
pub fn cron_entry(schedule: &Schedule, runner: &Runner) -> String {
    let mut command = format!(
        "PATH={} {}",
        sh_quote(&runner.path()),
        sh_quote(&runner.git.to_string_lossy())
    );
    for arg in schedule.args() {
        command.push(' ');
        command.push_str(&sh_quote(&arg));
    }
    command.push_str(&format!(
        " >>{} 2>&1",
        sh_quote(&runner.log.to_string_lossy())
    ));
    // cron turns an unescaped % into a newline. The trailing shell comment names us on the entry's own line,
    // for anyone (and `git multi doctor`) reading the crontab line by line.
    let command = command.replace('%', "\\%");
    format!(
        "# {}\n{} {command} # {MARKER}\n",
        schedule.marker(),
        schedule.every.cron(schedule.minute())
    )
}

/// Puts the entry in the crontab, in place of this repository's old one, then reads the crontab back, so
/// `active` says what cron holds rather than what was sent to it.
pub(super) fn install(
    schedule: &Schedule,
    runner: &Runner,
    installed: &mut Installed,
) -> Result<()> {
    let current = crontab_read()?;
    let mut text = without_entry(&current, &schedule.repo);
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&cron_entry(schedule, runner));
    crontab_write(&text)?;
    let back = crontab_read()?;
    installed.active = scan_cron(&back)
        .iter()
        .any(|f| f.schedule.name == schedule.name);
    if !installed.active {
        installed.problem = Some("the entry is not in `crontab -l` after writing it".into());
    }
    Ok(())
}

/// Takes `repo`'s entry out of the crontab, leaving every other line as it was.
pub(super) fn remove(repo: &Path) -> Result<()> {
    let current = crontab_read()?;
    crontab_write(&without_entry(&current, repo))
}

/// The schedules whose marker comments are in the crontab `text`.
pub(super) fn scan_cron(text: &str) -> Vec<Found> {
    text.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .filter_map(parse_marker)
        .map(|schedule| Found {
            engine: Engine::Cron,
            schedule,
            path: None,
        })
        .collect()
}

/// The crontab without `repo`'s entry (its marker line and the line after it).
fn without_entry(text: &str, repo: &Path) -> String {
    let mut out = String::new();
    let mut skip_next = false;
    for line in text.lines() {
        if skip_next {
            skip_next = false;
            continue;
        }
        if line.trim_start().starts_with('#') && parse_marker(line).is_some_and(|s| s.repo == repo)
        {
            skip_next = true;
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The current crontab; none yet is empty.
pub(super) fn crontab_read() -> Result<String> {
    let program = run::program(CRONTAB_ENV, "crontab");
    match run(&program, None, &["-l"], None) {
        Ok(text) => Ok(text),
        // No cron installed is the user's to fix (or to choose systemd), not a failure of git-multi.
        Err(Failed::Start { err, .. }) => {
            Err(Error::usage(format!("cannot run `{program}`: {err}"))
                .hint("install cron (Debian: `apt-get install cron`), or schedule with systemd"))
        }
        // crontab says so on stderr and exits 1 when the user has no table yet.
        Err(Failed::Exit { stderr, .. }) if stderr.contains("no crontab") => Ok(String::new()),
        Err(Failed::Exit { stderr, .. }) => Err(Error::failed(format!(
            "`{program} -l` failed: {}",
            stderr.trim()
        ))),
    }
}

fn crontab_write(text: &str) -> Result<()> {
    let program = run::program(CRONTAB_ENV, "crontab");
    run(&program, None, &["-"], Some(text))
        .map(drop)
        .map_err(|failed| {
            Error::failed(failed.to_string())
                .hint("check that cron accepts crontabs for this user (`crontab -l`)")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::automation::hooks::Action;

    #[test]
    fn cron_lines_escape_percent_and_quote_paths() {
        let schedule = Schedule::new(Path::new("/srv/100%"), Every::Minutes(5), Action::Sync);
        let entry = cron_entry(
            &schedule,
            &Runner {
                git: Path::new("/usr/bin/git"),
                log: Path::new("/srv/100%/.git/multi/schedule.log"),
                exe_dir: None,
            },
        );
        let lines: Vec<&str> = entry.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("# git-multi managed: schedule "));
        assert!(lines[1].starts_with("*/5 * * * * PATH=/usr/bin:/usr/local/bin:/bin /usr/bin/git -C /srv/100\\% multi sync --json >>"), "{entry}");
        let kept = without_entry(
            &format!("MAILTO=me\n{entry}0 1 * * * other\n"),
            Path::new("/srv/100%"),
        );
        assert_eq!(kept, "MAILTO=me\n0 1 * * * other\n");
    }
}
