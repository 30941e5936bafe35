//! `git multi schedule`: systemd user units written into a temp XDG dir and checked by systemd-analyze, and a
//! crontab entry in a sandboxed crontab (a fake `crontab` program keeping the table in a temp file) whose
//! command is an ordinary `git -C <repo> multi … --json`.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::env::TestEnv;

/// A stand-in for a system tool: a shell script at `<root>/bin/<name>`.
pub(crate) fn fake_tool(env: &TestEnv, name: &str, body: &str) -> PathBuf {
    let dir = env.root.join("bin");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// A `crontab` that keeps the table in `<root>/crontab` (`-l` prints it, `-` replaces it).
pub(crate) fn fake_crontab(env: &mut TestEnv) -> PathBuf {
    let table = env.root.join("crontab");
    let tool = fake_tool(
        env,
        "crontab",
        &format!(
            "table={}\ncase \"$1\" in\n-l) [ -f \"$table\" ] || {{ echo 'no crontab for tester' >&2; exit 1; }}; cat \"$table\" ;;\n-) cat >\"$table\" ;;\n*) echo \"unexpected: $*\" >&2; exit 2 ;;\nesac\n",
            table.display()
        ),
    );
    env.set_env("GIT_MULTI_CRONTAB", tool.to_str().unwrap());
    table
}

/// Runs a crontab entry's command the way cron does: `sh -c` after turning `\%` back into `%`.
pub(crate) fn run_cron_command(env: &TestEnv, entry: &str) {
    let command: String = entry.split(' ').skip(5).collect::<Vec<_>>().join(" ");
    let status = env
        .command("sh", &env.root)
        .arg("-c")
        .arg(command.replace("\\%", "%"))
        .status()
        .unwrap();
    assert!(status.success(), "{command}");
}

#[test]
fn a_crontab_entry_in_a_sandboxed_crontab_runs_git_multi() {
    let mut env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    let table = fake_crontab(&mut env);
    let theirs = "MAILTO=me@example.com\n0 1 * * * /usr/local/bin/backup --quiet\n";
    std::fs::write(&table, theirs).unwrap();

    let run = env
        .multi(["schedule", "install", "--every", "1h", "--cron"])
        .expect_code(0);
    assert!(run.stdout.contains("every 1h with cron"), "{}", run.stdout);
    let text = std::fs::read_to_string(&table).unwrap();
    assert!(
        text.starts_with(theirs),
        "the user's entries stay first:\n{text}"
    );
    let ours: Vec<&str> = text.lines().skip(2).collect();
    assert_eq!(ours.len(), 2, "{text}");
    let work = env.work.display().to_string();
    assert_eq!(
        ours[0],
        format!(
            "# git-multi managed: schedule {} every 1h fetch in {work}",
            name(&env, &text)
        )
    );
    assert!(
        ours[1].contains(&format!(" -C {work} multi fetch --json >>")),
        "{}",
        ours[1]
    );

    // What cron would run is an ordinary git multi run; its JSON lands in .git/multi/schedule.log.
    run_cron_command(&env, ours[1]);
    let log = std::fs::read_to_string(env.work.join(".git/multi/schedule.log")).unwrap();
    assert!(log.contains("\"ok\": true"), "{log}");

    // Installing again replaces the entry; list shows it; remove gives the table back as it was.
    env.multi([
        "schedule", "install", "--every", "30m", "--action", "push", "--cron",
    ])
    .expect_code(0);
    let text = std::fs::read_to_string(&table).unwrap();
    assert_eq!(
        text.matches("# git-multi managed: schedule").count(),
        1,
        "{text}"
    );
    // The entry's own line names git-multi too (for line-by-line readers such as `git multi doctor`).
    assert!(
        text.lines()
            .last()
            .unwrap()
            .ends_with(" # git-multi managed"),
        "{text}"
    );
    assert!(text.contains("\n*/30 * * * * "), "{text}");
    let list = env
        .multi(["schedule", "list", "--json"])
        .expect_code(0)
        .json();
    let entry = &list["schedules"][0];
    assert_eq!(
        (
            entry["engine"].as_str(),
            entry["every"].as_str(),
            entry["action"].as_str()
        ),
        (Some("cron"), Some("30m"), Some("push"))
    );
    assert_eq!(entry["repo"], work);
    env.multi(["schedule", "remove"]).expect_code(0);
    assert_eq!(std::fs::read_to_string(&table).unwrap(), theirs);
    let run = env.multi(["schedule", "remove"]).expect_code(2);
    assert!(
        run.stderr.contains("hint: `git multi schedule list`"),
        "{}",
        run.stderr
    );
}

fn name(_env: &TestEnv, text: &str) -> String {
    text.split("schedule ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .unwrap()
        .to_string()
}

#[test]
fn systemd_units_are_written_into_the_xdg_dir_and_verified() {
    let mut env = TestEnv::new();
    let Some(analyze) = crate::servers::require("systemd-analyze") else {
        return;
    };
    env.add_local_remotes(&["a"]);
    let calls = env.root.join("systemctl.log");
    let systemctl = fake_tool(
        &env,
        "systemctl",
        &format!("echo \"$*\" >> {}\n", calls.display()),
    );
    env.set_env("GIT_MULTI_SYSTEMCTL", systemctl.to_str().unwrap());
    let units = env.home.join(".config/systemd/user");

    let run = env
        .multi([
            "schedule",
            "install",
            "--every",
            "15m",
            "--action",
            "sync",
            "--systemd",
        ])
        .expect_code(0);
    assert!(
        run.stdout.contains("checked with `systemd-analyze"),
        "{}",
        run.stdout
    );
    let timers: Vec<PathBuf> = std::fs::read_dir(&units)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "timer"))
        .collect();
    assert_eq!(timers.len(), 1, "{timers:?}");
    let timer = &timers[0];
    let service = timer.with_extension("service");
    let unit = timer.file_stem().unwrap().to_string_lossy().into_owned();
    let timer_text = std::fs::read_to_string(timer).unwrap();
    let service_text = std::fs::read_to_string(&service).unwrap();
    for text in [&timer_text, &service_text] {
        assert!(text.starts_with("# git-multi managed: schedule "), "{text}");
    }
    assert!(
        timer_text.contains("\nOnCalendar=*-*-* *:00/15:00\n"),
        "{timer_text}"
    );
    assert!(
        service_text.contains(&format!(" -C {} multi sync --json\n", env.work.display())),
        "{service_text}"
    );
    // The same files pass systemd's own checker when we run it ourselves.
    let verified = env
        .command(&analyze, &env.root)
        .arg("verify")
        .arg(&service)
        .arg(timer)
        .output()
        .unwrap();
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );
    let called = std::fs::read_to_string(&calls).unwrap();
    assert_eq!(
        called,
        format!("--user daemon-reload\n--user enable --now {unit}.timer\n")
    );

    let list = env.multi(["schedule", "list"]).expect_code(0);
    assert!(list.stdout.contains("(this repository)"), "{}", list.stdout);
    env.multi(["schedule", "remove"]).expect_code(0);
    assert!(!timer.exists() && !service.exists());
    assert!(std::fs::read_to_string(&calls)
        .unwrap()
        .contains(&format!("--user disable --now {unit}.timer\n")));
}

#[test]
fn an_interval_no_engine_keeps_exactly_is_refused_before_anything_is_written() {
    let mut env = TestEnv::new();
    let table = fake_crontab(&mut env);
    let run = env
        .multi(["schedule", "install", "--every", "45m", "--cron"])
        .expect_code(2);
    assert!(run.stderr.contains("error: --every 45m"), "{}", run.stderr);
    assert!(run.stderr.contains("hint: use 1m"), "{}", run.stderr);
    assert!(!Path::new(&table).exists());
    assert!(!env.home.join(".config/systemd").exists());
}
