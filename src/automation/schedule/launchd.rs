//! Schedules as launchd agents (macOS): a plist in `~/Library/LaunchAgents`, loaded with `launchctl`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

use super::run::run;
use super::{io_error, Every, Found, Installed, Runner, Schedule};

/// A launchd agent (macOS): the same run, at the same times.
pub fn launchd_plist(schedule: &Schedule, runner: &Runner) -> String {
    let (git, log) = (runner.git, runner.log);
    let xml = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut args = format!("\t\t<string>{}</string>\n", xml(&git.to_string_lossy()));
    for arg in schedule.args() {
        args.push_str(&format!("\t\t<string>{}</string>\n", xml(&arg)));
    }
    let minute = schedule.minute();
    let when = match schedule.every {
        Every::Minutes(n) => format!("\t<key>StartInterval</key>\n\t<integer>{}</integer>\n", n * 60),
        Every::Hours(n) => format!("\t<key>StartInterval</key>\n\t<integer>{}</integer>\n", n * 3600),
        Every::Daily => format!(
            "\t<key>StartCalendarInterval</key>\n\t<dict>\n\t\t<key>Hour</key>\n\t\t<integer>3</integer>\n\t\t<key>Minute</key>\n\t\t<integer>{minute}</integer>\n\t</dict>\n"
        ),
        Every::Weekly => format!(
            "\t<key>StartCalendarInterval</key>\n\t<dict>\n\t\t<key>Weekday</key>\n\t\t<integer>1</integer>\n\t\t<key>Hour</key>\n\t\t<integer>3</integer>\n\t\t<key>Minute</key>\n\t\t<integer>{minute}</integer>\n\t</dict>\n"
        ),
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <!-- {marker} -->\n\
         <plist version=\"1.0\">\n\
         <dict>\n\
         \t<key>Label</key>\n\
         \t<string>{label}</string>\n\
         \t<key>ProgramArguments</key>\n\
         \t<array>\n\
         {args}\
         \t</array>\n\
         \t<key>EnvironmentVariables</key>\n\
         \t<dict>\n\
         \t\t<key>PATH</key>\n\
         \t\t<string>{path}</string>\n\
         \t</dict>\n\
         {when}\
         \t<key>StandardOutPath</key>\n\
         \t<string>{log}</string>\n\
         \t<key>StandardErrorPath</key>\n\
         \t<string>{log}</string>\n\
         </dict>\n\
         </plist>\n",
        marker = xml(&schedule.marker()),
        label = xml(&launchd_label(schedule)),
        path = xml(&runner.path()),
        log = xml(&log.to_string_lossy()),
    )
}

fn launchd_label(schedule: &Schedule) -> String {
    format!(
        "org.git-multi.{}",
        schedule.name.trim_start_matches("git-multi-")
    )
}

/// Where launchd looks for the user's own agents; an error off macOS, so `--launchd` there says why.
pub(super) fn launch_agents_dir() -> Result<PathBuf> {
    if !cfg!(target_os = "macos") {
        return Err(Error::usage("launchd exists on macOS only"));
    }
    std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join("Library/LaunchAgents"))
        .ok_or_else(|| Error::usage("HOME is not set").hint("set HOME"))
}

/// Writes the plist and loads it; a plist launchctl will not load stays, reported as the problem.
pub(super) fn install(
    schedule: &Schedule,
    runner: &Runner,
    installed: &mut Installed,
) -> Result<()> {
    let dir = launch_agents_dir()?;
    std::fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, e))?;
    let path = dir.join(format!("{}.plist", launchd_label(schedule)));
    let text = launchd_plist(schedule, runner);
    std::fs::write(&path, text).map_err(|e| io_error("write", &path, e))?;
    installed.files = vec![path.clone()];
    match launchctl("load", &path) {
        Ok(()) => installed.active = true,
        Err(why) => installed.problem = Some(why),
    }
    Ok(())
}

/// Unloads the agent and deletes its plist.
pub(super) fn remove(found: &Found) -> Result<()> {
    if let Some(path) = &found.path {
        // An agent that is not loaded is still removed.
        let _ = launchctl("unload", path);
        std::fs::remove_file(path).map_err(|e| io_error("remove", path, e))?;
    }
    Ok(())
}

/// `launchctl load -w` or `unload -w`: `-w` records the choice, so it lasts past the next login.
fn launchctl(verb: &str, plist: &Path) -> std::result::Result<(), String> {
    run(
        "launchctl",
        None,
        &[verb, "-w", &plist.to_string_lossy()],
        None,
    )
    .map(drop)
    .map_err(|failed| failed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::automation::hooks::Action;
    use crate::automation::schedule::parse_marker;

    #[test]
    fn launchd_plists_name_the_run_and_escape_xml() {
        let schedule = Schedule::new(Path::new("/Users/me/a&b"), Every::Daily, Action::Push);
        let plist = launchd_plist(
            &schedule,
            &Runner {
                git: Path::new("/usr/bin/git"),
                log: Path::new("/Users/me/a&b/.git/multi/schedule.log"),
                exe_dir: None,
            },
        );
        assert!(
            plist.contains("<!-- git-multi managed: schedule git-multi-a-b-"),
            "{plist}"
        );
        assert!(plist.contains("<string>/Users/me/a&amp;b</string>"));
        assert!(plist.contains("<key>StartCalendarInterval</key>"));
        assert!(plist.contains("<string>org.git-multi.a-b-"));
        assert_eq!(
            parse_marker(plist.lines().nth(2).unwrap()).unwrap().repo,
            Path::new("/Users/me/a&b")
        );
    }
}
