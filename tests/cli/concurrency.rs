//! Runs at the same moment: two clones syncing against the same remotes (a push that loses the race is
//! fetched, integrated and pushed again, never reported as a server's refusal), and two runs in one clone (the
//! second waits for the first's lock).

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::env::{tip, write_script, Run, TestEnv};
use crate::servers::http::HttpServer;
use crate::transports::{use_credential_helper, PASSWORD, USER};

/// Starts every command blocked on a fifo of its own, waits until each has opened it (so each is waiting),
/// then releases them all at once: they start within microseconds of each other, with no sleep anywhere.
/// Returns the running children in order.
pub fn start_together(dir: &Path, commands: Vec<Command>) -> Vec<Child> {
    let mut children = Vec::new();
    let mut fifos = Vec::new();
    for (i, command) in commands.into_iter().enumerate() {
        let fifo = dir.join(format!("start-{}-{i}", std::process::id()));
        let _ = std::fs::remove_file(&fifo);
        let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
        assert!(made.success(), "mkfifo {}", fifo.display());
        // `sh -c 'read go < FIFO && exec "$@"' sh <program> <args>…`: the program starts when a line arrives.
        let program = command.get_program().to_os_string();
        let args: Vec<_> = command.get_args().map(|a| a.to_os_string()).collect();
        let mut wrapped = Command::new("sh");
        wrapped
            .arg("-c")
            .arg(r#"read go < "$0" && exec "$@""#)
            .arg(&fifo)
            .arg(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        wrapped.env_clear();
        for (key, value) in command.get_envs() {
            if let Some(value) = value {
                wrapped.env(key, value);
            }
        }
        if let Some(cwd) = command.get_current_dir() {
            wrapped.current_dir(cwd);
        }
        children.push(wrapped.spawn().expect("spawn"));
        fifos.push(fifo);
    }
    // Opening a fifo's write end without blocking succeeds only once its reader has opened it.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut writers = Vec::new();
    for fifo in &fifos {
        let writer = loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(fifo)
            {
                Ok(file) => break file,
                Err(err) if err.raw_os_error() == Some(libc::ENXIO) => {
                    assert!(Instant::now() < deadline, "{} never opened", fifo.display());
                    std::thread::yield_now();
                }
                Err(err) => panic!("{}: {err}", fifo.display()),
            }
        };
        writers.push(writer);
    }
    for mut writer in writers {
        writer.write_all(b"go\n").expect("release");
    }
    for fifo in fifos {
        let _ = std::fs::remove_file(fifo);
    }
    children
}

/// Waits for `child` and returns what it left.
pub fn finish(child: Child) -> Run {
    let output = child.wait_with_output().expect("wait");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A pre-receive hook that holds the first two pushes of a round until both have arrived (or a deadline
/// passed), so the two race for the same ref every round; later pushes pass at once. Removing the barrier
/// directory's contents starts a new round.
fn install_meeting_point(bare: &Path, barrier: &Path) {
    std::fs::create_dir_all(barrier).unwrap();
    let hook = bare.join("hooks/pre-receive");
    let script = format!(
        r#"#!/bin/sh
cat >/dev/null
b='{barrier}'
if mkdir "$b/1" 2>/dev/null || mkdir "$b/2" 2>/dev/null; then
    i=0
    while [ ! -d "$b/2" ] && [ $i -lt 500 ]; do sleep 0.02; i=$((i + 1)); done
fi
exit 0
"#,
        barrier = barrier.display()
    );
    write_script(&hook, &script);
}

/// A second clone of the set in `env.root/<name>`: the same members and namespaces, its own credential helper.
fn second_clone(env: &TestEnv, name: &str, local: &Path, web: &str) -> PathBuf {
    let dir = env.root.join(name);
    env.git_in(
        &env.root,
        ["clone", "-q", "-o", "local", local.to_str().unwrap(), name],
    );
    env.git_in(
        &dir,
        [
            "config",
            "credential.helper",
            &format!("!f() {{ echo username={USER}; echo password={PASSWORD}; }}; f"),
        ],
    );
    env.multi_in(&dir, ["init", "--import"]).expect_code(0);
    env.multi_in(&dir, ["remote", "add", "web", web])
        .expect_code(0);
    env.multi_in(&dir, ["refs", "add", "refs/git-mile/*"])
        .expect_code(0);
    env.multi_in(&dir, ["primary", "local"]).expect_code(0);
    env.multi_in(&dir, ["sync", "--strategy", "merge"])
        .expect_code(0);
    dir
}

/// A new event in `dir`'s `refs/git-mile/log` (an empty-tree commit on top of the last one), as git-mile
/// records them.
fn record_event(env: &TestEnv, dir: &Path, message: &str) {
    let tree = env
        .git_in(dir, ["hash-object", "-t", "tree", "-w", "/dev/null"])
        .trim()
        .to_string();
    let mut args = vec!["commit-tree", "-m", message];
    let parent = tip(env, dir, "refs/git-mile/log");
    if let Some(parent) = &parent {
        args.extend(["-p", parent]);
    }
    args.push(&tree);
    let event = env.git_in(dir, args).trim().to_string();
    env.git_in(dir, ["update-ref", "refs/git-mile/log", &event]);
}

#[test]
fn two_clones_syncing_at_the_same_moment_both_succeed_and_converge() {
    let env = TestEnv::new();
    let hosts = env.root.join("hosts");
    let local = env.bare("local.git");
    env.bare("web.git");
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    use_credential_helper(&env, PASSWORD);
    let web = http.url("web.git");
    env.multi(["remote", "add", "local", local.to_str().unwrap()])
        .expect_code(0);
    env.multi(["remote", "add", "web", &web]).expect_code(0);
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    env.multi(["primary", "local"]).expect_code(0);
    record_event(&env, &env.work, "first event");
    env.multi(["push"]).expect_code(0);
    let a = env.work.clone();
    let b = second_clone(&env, "b", &local, &web);
    let barrier = env.root.join("barrier");
    install_meeting_point(&local, &barrier);

    let mut met = 0;
    for round in 1..=6 {
        for entry in std::fs::read_dir(&barrier).unwrap() {
            std::fs::remove_dir(entry.unwrap().path()).unwrap();
        }
        // (ref, the commit each clone adds to it this round)
        let mut added: Vec<(&str, String)> = Vec::new();
        for (name, dir) in [("a", &a), ("b", &b)] {
            std::fs::write(dir.join(format!("{name}{round}.txt")), "x").unwrap();
            env.git_in(dir, ["add", "-A"]);
            env.git_in(dir, ["commit", "-q", "-m", &format!("{name} {round}")]);
            added.push(("refs/heads/main", tip(&env, dir, "HEAD").unwrap()));
            record_event(&env, dir, &format!("{name} event {round}"));
            added.push((
                "refs/git-mile/log",
                tip(&env, dir, "refs/git-mile/log").unwrap(),
            ));
        }
        let commands = [&a, &b]
            .into_iter()
            .map(|dir| {
                let mut command = env.command(env!("CARGO_BIN_EXE_git-multi"), dir);
                command.args(["sync", "--strategy", "merge"]);
                command
            })
            .collect();
        let runs: Vec<Run> = start_together(&env.root, commands)
            .into_iter()
            .map(finish)
            .collect();
        for (name, run) in ["a", "b"].iter().zip(&runs) {
            assert_eq!(
                run.code, 0,
                "round {round}, clone {name}:\n--- stdout\n{}\n--- stderr\n{}",
                run.stdout, run.stderr
            );
            assert!(
                !run.stdout.contains("hooks") && !run.stderr.contains("hooks"),
                "round {round}, clone {name}: a lost race described as a hook:\n{}{}",
                run.stdout,
                run.stderr
            );
        }
        if barrier.join("2").is_dir() {
            met += 1;
        }
        // Both remotes hold one history that has both clones' commits and events.
        let web_dir = hosts.join("web.git");
        for name in ["refs/heads/main", "refs/git-mile/log"] {
            let there = tip(&env, &local, name);
            assert_eq!(there, tip(&env, &web_dir, name), "round {round}: {name}");
            let there = there.unwrap();
            for (_, commit) in added.iter().filter(|(r, _)| *r == name) {
                let contained = env
                    .try_git_in(&local, ["merge-base", "--is-ancestor", commit, &there])
                    .code;
                assert_eq!(contained, 0, "round {round}: {name} lacks {commit}");
            }
        }
    }
    assert_eq!(
        met, 6,
        "the two pushes met at the remote in {met} rounds of 6"
    );

    // One more sync in each clone, one after the other: every copy is the same.
    env.multi_in(&a, ["sync", "--strategy", "merge"])
        .expect_code(0);
    env.multi_in(&b, ["sync", "--strategy", "merge"])
        .expect_code(0);
    for name in ["refs/heads/main", "refs/git-mile/log"] {
        let expected = tip(&env, &local, name);
        assert!(expected.is_some());
        for dir in [&a, &b, &hosts.join("web.git")] {
            assert_eq!(
                tip(&env, dir, name),
                expected,
                "{name} in {}",
                dir.display()
            );
        }
    }
}

/// A pre-receive hook on `bare` that holds the first push to reach it until the test writes a line to the
/// returned fifo (`arrived` appears when it is held); later pushes pass at once.
fn install_gate(env: &TestEnv, bare: &Path) -> (PathBuf, PathBuf) {
    let gate = env.root.join("gate");
    let arrived = env.root.join("arrived");
    let made = Command::new("mkfifo").arg(&gate).status().expect("mkfifo");
    assert!(made.success());
    let hook = bare.join("hooks/pre-receive");
    let script = format!(
        "#!/bin/sh\ncat >/dev/null\nif mkdir '{once}' 2>/dev/null; then\n    touch '{arrived}'\n    read go < '{gate}'\nfi\nexit 0\n",
        once = env.root.join("gate.once").display(),
        arrived = arrived.display(),
        gate = gate.display(),
    );
    write_script(&hook, &script);
    (gate, arrived)
}

/// Lets the push held by [`install_gate`] go on.
fn open_gate(gate: &Path) {
    let mut writer = std::fs::OpenOptions::new()
        .write(true)
        .open(gate)
        .expect("the held push reads the gate");
    writer.write_all(b"go\n").unwrap();
}

/// `git multi <args>` in the work repository, started and left running; stderr goes to `stderr` so a test can
/// watch it while the run is still going.
fn spawn_multi(env: &TestEnv, args: &[&str], stderr: &Path) -> Child {
    env.command(env!("CARGO_BIN_EXE_git-multi"), &env.work)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(stderr).unwrap())
        .spawn()
        .expect("spawn git-multi")
}

#[test]
fn a_second_run_in_the_same_clone_waits_for_the_first() {
    let env = TestEnv::new();
    let [remote] = <[_; 1]>::try_from(env.add_local_remotes(&["r"])).unwrap();
    env.multi(["push"]).expect_code(0);
    let (gate, arrived) = install_gate(&env, &remote);
    let head = env.commit("second");

    // The first run: a push, held at the remote (so holding the clone's lock) until the gate opens.
    let first = spawn_multi(
        &env,
        &["push", "--timeout", "120"],
        &env.root.join("first.err"),
    );
    let holder = first.id();
    crate::hooks::wait_until(
        Duration::from_secs(60),
        "the first push reaches the remote",
        || arrived.exists(),
    );

    // Reading commands never wait for it.
    for args in [
        &["status", "--offline"][..],
        &["remote", "list"],
        &["log"],
        &["conflicts"],
        &["push", "--dry-run"],
    ] {
        let run = env.multi(args);
        assert_eq!(run.code, 0, "{args:?}:\n{}", run.stderr);
        assert!(
            !run.stderr.contains("waiting for"),
            "{args:?} waited:\n{}",
            run.stderr
        );
    }
    // A run that may not wait as long as the first takes: a clear error naming the holder, nothing done.
    let started = Instant::now();
    let refused = env.multi(["fetch", "--timeout", "1"]).expect_code(1);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(
        refused
            .stderr
            .matches(&format!("waiting for git multi push (pid {holder})…\n"))
            .count(),
        1,
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains(&format!(
            "error: `git multi push` (pid {holder}) is still running: waited 1"
        )),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains(&format!("`ps -p {holder}`")),
        "{}",
        refused.stderr
    );

    // A workspace run takes each repository's lock the same way.
    env.multi(["workspace", "add", env.work.to_str().unwrap()])
        .expect_code(0);
    let workspace = env
        .multi(["workspace", "fetch", "--timeout", "1"])
        .expect_code(1);
    assert!(
        workspace.stderr.contains(&format!(
            "waiting for git multi push (pid {holder}) in {}…",
            env.work.display()
        )),
        "{}",
        workspace.stderr
    );
    workspace.assert_says("is still running");

    // A run that waits: it says so once, and goes ahead when the first is done.
    let second_err = env.root.join("second.err");
    let second = spawn_multi(&env, &["fetch"], &second_err);
    crate::hooks::wait_until(Duration::from_secs(60), "the second run waits", || {
        std::fs::read_to_string(&second_err)
            .unwrap_or_default()
            .contains("waiting for git multi push")
    });
    open_gate(&gate);
    let first = finish(first);
    assert_eq!(
        first.code,
        0,
        "{}",
        std::fs::read_to_string(env.root.join("first.err")).unwrap()
    );
    let second = finish(second);
    let said = std::fs::read_to_string(&second_err).unwrap();
    assert_eq!(second.code, 0, "{said}");
    assert_eq!(
        said.matches(&format!("waiting for git multi push (pid {holder})…\n"))
            .count(),
        1,
        "{said}"
    );
    assert_eq!(tip(&env, &remote, "refs/heads/main"), Some(head));
}

#[test]
fn a_lock_whose_holder_is_gone_or_not_git_multi_is_taken_over() {
    let env = TestEnv::new();
    env.add_local_remotes(&["r"]);
    env.multi(["push"]).expect_code(0);
    let lock = env.work.join(".git/multi/lock");
    assert!(lock.is_file(), "the first run made the lock file");
    let mut gone = Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let naming = |pid: u32| format!("pid {pid}\ncommand push\n");

    // A file naming a process that is gone (and no one holding it): not even waited for.
    std::fs::write(&lock, naming(dead)).unwrap();
    let run = env.multi(["fetch"]).expect_code(0);
    assert!(!run.stderr.contains("waiting"), "{}", run.stderr);

    // The lock held by another program (a descriptor that leaked), naming a process that is gone, then naming
    // that other program itself: taken over both times, without waiting out the time limit.
    for name_the_holder in [false, true] {
        let mut stray = env
            .command("flock", &env.work)
            .args(["-x", lock.to_str().unwrap(), "-c", "read go"])
            .stdin(Stdio::piped())
            .spawn()
            .expect("flock(1) from util-linux");
        crate::hooks::wait_until(Duration::from_secs(30), "flock(1) holds the lock", || {
            let probe = env
                .command("flock", &env.work)
                .args(["-n", "-x", lock.to_str().unwrap(), "true"])
                .status()
                .unwrap();
            !probe.success()
        });
        let pid = if name_the_holder { stray.id() } else { dead };
        std::fs::write(&lock, naming(pid)).unwrap();
        let started = Instant::now();
        let run = env.multi(["fetch", "--timeout", "60"]).expect_code(0);
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "waited {:?}: {}",
            started.elapsed(),
            run.stderr
        );
        drop(stray.stdin.take());
        stray.wait().unwrap();
    }
}

#[test]
fn a_hook_started_while_a_run_holds_the_lock_waits_for_it_and_never_deadlocks() {
    let env = TestEnv::new();
    let [remote] = <[_; 1]>::try_from(env.add_local_remotes(&["r"])).unwrap();
    env.multi(["push"]).expect_code(0);
    env.multi(["hook", "install", "post-commit"]).expect_code(0);
    env.multi(["hook", "install", "post-merge"]).expect_code(0);
    let (gate, arrived) = install_gate(&env, &remote);
    let hook_log =
        || std::fs::read_to_string(env.work.join(".git/multi/hook.log")).unwrap_or_default();

    // A commit starts a push in the background, which takes the lock and is held at the remote; a second
    // commit meanwhile returns at once, and the push its hook starts waits for the lock, then goes ahead.
    let first = env.commit("hooked-one");
    crate::hooks::wait_until(
        Duration::from_secs(60),
        "the first hook push is held",
        || arrived.exists(),
    );
    let second = env.commit("hooked-two");
    assert_ne!(
        tip(&env, &remote, "refs/heads/main").as_deref(),
        Some(first.as_str()),
        "the gate let a push through"
    );
    crate::hooks::wait_until(
        Duration::from_secs(60),
        "the second hook push waits",
        || hook_log().contains("waiting for git multi push (pid "),
    );
    open_gate(&gate);
    crate::hooks::wait_until(
        Duration::from_secs(60),
        "both commits reach the remote",
        || tip(&env, &remote, "refs/heads/main").as_deref() == Some(second.as_str()),
    );
    crate::hooks::wait_until(Duration::from_secs(60), "the hook runs end", || {
        env.leftover_processes().is_empty()
    });
    let log = hook_log();
    assert_eq!(log.matches("\"ok\": true").count(), 2, "{log}");

    // A git-multi run that commits (a merge) starts no hook run of its own, so it never waits for itself.
    env.push_foreign(&remote, "main", "theirs");
    let before = hook_log();
    let started = Instant::now();
    env.multi(["sync", "--strategy", "merge", "--timeout", "60"])
        .expect_code(0);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(
        hook_log(),
        before,
        "a hook ran inside git-multi's own merge"
    );
}
