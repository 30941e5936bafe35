//! Schedules on the system's own engines: a systemd user service + timer, a crontab entry, or a launchd agent
//! on macOS. Each runs an ordinary `git -C <repo> multi <action> --json` (so its outcome lands wherever a run's
//! outcome lands, the audit log included); git-multi runs no daemon of its own.
//!
//! One schedule per repository, named after the repository (`git-multi-<dir>-<hash of the path>`). Every unit,
//! entry and plist carries a line `git-multi managed: schedule <name> every <interval> <action> in <repo>`,
//! which is how `list` and `remove` find them.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Serialize;

use crate::error::{Error, Result};

use super::hooks::Action;
use super::{path_tag, sh_quote, slug, MARKER};

/// Runs `crontab` (`-l` to read, `-` to replace) through this program instead; for tests and sandboxes.
pub const CRONTAB_ENV: &str = "GIT_MULTI_CRONTAB";
/// Runs `systemctl --user …` through this program instead; for tests and sandboxes.
pub const SYSTEMCTL_ENV: &str = "GIT_MULTI_SYSTEMCTL";

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

    /// The `OnCalendar=` of a systemd timer; `minute` spreads hourly and longer runs over the hour.
    pub fn on_calendar(self, minute: u32) -> String {
        match self {
            Every::Minutes(n) => format!("*-*-* *:00/{n}:00"),
            Every::Hours(n) => format!("*-*-* 00/{n}:{minute:02}:00"),
            Every::Daily => format!("*-*-* 03:{minute:02}:00"),
            Every::Weekly => format!("Mon *-*-* 03:{minute:02}:00"),
        }
    }

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

impl Every {
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

/// Reads a marker line back: `git-multi managed: schedule <name> every <every> <action> in <repo>`.
pub fn parse_marker(line: &str) -> Option<Schedule> {
    let rest = line.split_once(&format!("{MARKER}: schedule "))?.1;
    let (name, rest) = rest.split_once(" every ")?;
    let (every, rest) = rest.split_once(' ')?;
    let (action, repo) = rest.split_once(" in ")?;
    let action = match action {
        "push" => Action::Push,
        "sync" => Action::Sync,
        "fetch" => Action::Fetch,
        _ => return None,
    };
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

/// PATH for a scheduled run: git-multi's own directory and git's, then the usual system directories.
fn run_path(git: &Path, exe_dir: Option<&Path>) -> String {
    let mut dirs: Vec<String> = Vec::new();
    for dir in [exe_dir, git.parent()].into_iter().flatten() {
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
pub fn systemd_units(schedule: &Schedule, git: &Path, exe_dir: Option<&Path>) -> (String, String) {
    let mut exec = vec![systemd_word(&git.to_string_lossy())];
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
        path = systemd_word(&format!("PATH={}", run_path(git, exe_dir))),
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

/// The two crontab lines of a schedule: the marker comment, then the entry. Output goes to
/// `.git/multi/schedule.log` of the repository.
pub fn cron_entry(schedule: &Schedule, git: &Path, log: &Path, exe_dir: Option<&Path>) -> String {
    let mut command = format!(
        "PATH={} {}",
        sh_quote(&run_path(git, exe_dir)),
        sh_quote(&git.to_string_lossy())
    );
    for arg in schedule.args() {
        command.push(' ');
        command.push_str(&sh_quote(&arg));
    }
    command.push_str(&format!(" >>{} 2>&1", sh_quote(&log.to_string_lossy())));
    // cron turns an unescaped % into a newline. The trailing shell comment names us on the entry's own line,
    // for anyone (and `git multi doctor`) reading the crontab line by line.
    let command = command.replace('%', "\\%");
    format!(
        "# {}\n{} {command} # {MARKER}\n",
        schedule.marker(),
        schedule.every.cron(schedule.minute())
    )
}

/// A launchd agent (macOS): the same run, at the same times.
#[cfg_attr(not(target_os = "macos"), allow(dead_code))]
pub fn launchd_plist(
    schedule: &Schedule,
    git: &Path,
    log: &Path,
    exe_dir: Option<&Path>,
) -> String {
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
        path = xml(&run_path(git, exe_dir)),
        log = xml(&log.to_string_lossy()),
    )
}

#[cfg_attr(not(target_os = "macos"), allow(dead_code))]
fn launchd_label(schedule: &Schedule) -> String {
    format!(
        "org.git-multi.{}",
        schedule.name.trim_start_matches("git-multi-")
    )
}

/// `$XDG_CONFIG_HOME`, else `~/.config`.
pub fn config_home() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
}

fn systemd_dir() -> Result<PathBuf> {
    config_home()
        .map(|c| c.join("systemd/user"))
        .ok_or_else(|| Error::usage("neither XDG_CONFIG_HOME nor HOME is set").hint("set HOME"))
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
    let mut installed = Installed {
        engine,
        schedule: schedule.clone(),
        files: Vec::new(),
        verified: None,
        active: false,
        problem: None,
        replaced,
    };
    match engine {
        Engine::Systemd => {
            let dir = systemd_dir()?;
            std::fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, e))?;
            let (service, timer) = systemd_units(schedule, git, exe_dir.as_deref());
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
            let started = systemctl(&["daemon-reload"])
                .and_then(|()| systemctl(&["enable", "--now", &timer_name]));
            match started {
                Ok(()) => installed.active = true,
                Err(why) => installed.problem = Some(why),
            }
        }
        Engine::Cron => {
            let current = crontab_read()?;
            let mut text = without_entry(&current, &schedule.repo);
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&cron_entry(schedule, git, log, exe_dir.as_deref()));
            crontab_write(&text)?;
            let back = crontab_read()?;
            installed.active = scan_cron(&back)
                .iter()
                .any(|f| f.schedule.name == schedule.name);
            if !installed.active {
                installed.problem =
                    Some("the entry is not in `crontab -l` after writing it".into());
            }
        }
        Engine::Launchd => {
            let dir = launch_agents_dir()?;
            std::fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, e))?;
            let path = dir.join(format!("{}.plist", launchd_label(schedule)));
            let text = launchd_plist(schedule, git, log, exe_dir.as_deref());
            std::fs::write(&path, text).map_err(|e| io_error("write", &path, e))?;
            installed.files = vec![path.clone()];
            match run_tool(
                "launchctl",
                None,
                &["load", "-w", &path.to_string_lossy()],
                None,
            ) {
                Ok(_) => installed.active = true,
                Err(why) => installed.problem = Some(why),
            }
        }
    }
    Ok(installed)
}

/// Every git-multi schedule of this user, on every engine.
pub fn list() -> Result<Vec<Found>> {
    let mut found = Vec::new();
    if let Ok(dir) = systemd_dir() {
        found.extend(scan_dir(&dir, ".timer", Engine::Systemd));
    }
    if let Ok(dir) = launch_agents_dir() {
        found.extend(scan_dir(&dir, ".plist", Engine::Launchd));
    }
    // No crontab program (or no crontab yet) simply means no entries.
    if let Ok(text) = crontab_read() {
        found.extend(scan_cron(&text));
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
            Engine::Systemd => {
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
            }
            Engine::Cron => {
                let current = crontab_read()?;
                crontab_write(&without_entry(&current, repo))?;
            }
            Engine::Launchd => {
                if let Some(path) = &found.path {
                    let _ = run_tool(
                        "launchctl",
                        None,
                        &["unload", "-w", &path.to_string_lossy()],
                        None,
                    );
                    std::fs::remove_file(path).map_err(|e| io_error("remove", path, e))?;
                }
            }
        }
    }
    Ok(ours)
}

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

fn scan_cron(text: &str) -> Vec<Found> {
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

fn crontab_program() -> String {
    std::env::var(CRONTAB_ENV)
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "crontab".into())
}

/// The current crontab; none yet is empty.
fn crontab_read() -> Result<String> {
    let program = crontab_program();
    let output = Command::new(&program)
        .arg("-l")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            missing_tool(
                &program,
                e,
                "install cron (Debian: `apt-get install cron`), or schedule with systemd",
            )
        })?;
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("no crontab") {
        return Ok(String::new());
    }
    Err(Error::failed(format!(
        "`{program} -l` failed: {}",
        stderr.trim()
    )))
}

fn crontab_write(text: &str) -> Result<()> {
    let program = crontab_program();
    run_tool(&program, None, &["-"], Some(text))
        .map(drop)
        .map_err(|why| {
            Error::failed(why).hint("check that cron accepts crontabs for this user (`crontab -l`)")
        })
}

fn systemctl(args: &[&str]) -> std::result::Result<(), String> {
    let program = std::env::var(SYSTEMCTL_ENV)
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "systemctl".into());
    let mut full = vec!["--user"];
    full.extend_from_slice(args);
    run_tool(&program, None, &full, None).map(drop)
}

/// Runs a tool to the end; its stdout, or a one-line reason it failed.
fn run_tool(
    program: &str,
    env: Option<(&str, &Path)>,
    args: &[&str],
    input: Option<&str>,
) -> std::result::Result<String, String> {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some((key, value)) = env {
        command.env(key, value);
    }
    let shown = format!("{program} {}", args.join(" "));
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not run `{shown}`: {e}"))?;
    if let Some(input) = input {
        use std::io::Write;
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(input.as_bytes());
        }
    }
    let output = child
        .wait_with_output()
        .map_err(|e| format!("could not run `{shown}`: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let why = if stderr.trim().is_empty() {
            stdout.trim().to_string()
        } else {
            stderr.trim().to_string()
        };
        Err(format!(
            "`{shown}` failed: {}",
            why.lines().collect::<Vec<_>>().join(" / ")
        ))
    }
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
    let first = match run_tool("systemd-analyze", None, &args, None) {
        Ok(_) => return Ok(Verified::UserManager),
        Err(why) if cannot_start(&why) => why,
        Err(why) => return Err(why),
    };
    // Outside a login session there is no XDG_RUNTIME_DIR; a private one is enough for verifying.
    if let Ok(runtime) = tempfile::Builder::new()
        .prefix("git-multi-runtime")
        .tempdir()
    {
        match run_tool(
            "systemd-analyze",
            Some(("XDG_RUNTIME_DIR", runtime.path())),
            &args,
            None,
        ) {
            Ok(_) => return Ok(Verified::UserManager),
            Err(why) if cannot_start(&why) => {}
            Err(why) => return Err(why),
        }
    }
    let system: Vec<&str> = std::iter::once("verify")
        .chain(paths.iter().map(String::as_str))
        .collect();
    match run_tool("systemd-analyze", None, &system, None) {
        Ok(_) => Ok(Verified::SystemMode(first)),
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

fn launch_agents_dir() -> Result<PathBuf> {
    if !cfg!(target_os = "macos") {
        return Err(Error::usage("launchd exists on macOS only"));
    }
    std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join("Library/LaunchAgents"))
        .ok_or_else(|| Error::usage("HOME is not set").hint("set HOME"))
}

fn missing_tool(program: &str, err: std::io::Error, hint: &str) -> Error {
    Error::usage(format!("cannot run `{program}`: {err}")).hint(hint.to_string())
}

fn io_error(what: &str, path: &Path, err: std::io::Error) -> Error {
    Error::failed(format!("could not {what} {}: {err}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(every: Every) -> Schedule {
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

    #[test]
    fn units_quote_what_systemd_would_read_otherwise() {
        let (service, timer) = systemd_units(
            &sample(Every::Hours(1)),
            Path::new("/usr/bin/git"),
            Some(Path::new("/opt/bin")),
        );
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
    fn cron_lines_escape_percent_and_quote_paths() {
        let schedule = Schedule::new(Path::new("/srv/100%"), Every::Minutes(5), Action::Sync);
        let entry = cron_entry(
            &schedule,
            Path::new("/usr/bin/git"),
            Path::new("/srv/100%/.git/multi/schedule.log"),
            None,
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

    #[test]
    fn launchd_plists_name_the_run_and_escape_xml() {
        let schedule = Schedule::new(Path::new("/Users/me/a&b"), Every::Daily, Action::Push);
        let plist = launchd_plist(
            &schedule,
            Path::new("/usr/bin/git"),
            Path::new("/Users/me/a&b/.git/multi/schedule.log"),
            None,
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

    #[test]
    fn the_syntax_check_wants_key_value_lines_and_the_essential_keys() {
        let dir = tempfile::tempdir().unwrap();
        let (service, timer) =
            systemd_units(&sample(Every::Daily), Path::new("/usr/bin/git"), None);
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
