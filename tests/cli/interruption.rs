//! A stopped git leaves no lock behind: a timeout or Ctrl-C asks git to stop (SIGTERM) and gives it a grace to
//! remove its lock files before anything is killed, here and in a local remote's repository. A lock that is
//! left anyway (a crash) is named by the push it blocks and by `doctor`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::core::send;
use crate::env::{write_script, TestEnv};

/// A `reference-transaction` hook that, once git holds the ref locks (`prepared`), says so in `mark` and then
/// waits forever: whatever stops it stops git in the middle of the ref update.
fn hold_locks(git_dir: &Path, mark: &Path) {
    let hook = git_dir.join("hooks/reference-transaction");
    write_script(
        &hook,
        &format!(
            "#!/bin/sh\ncat >/dev/null\n[ \"$1\" = prepared ] || exit 0\n: > '{}'\nexec sleep 600\n",
            mark.display()
        ),
    );
}

/// Every `*.lock` file under `dir` that git writes (git-multi's own `multi/` directory holds flock files that are
/// always there and lock nothing once their holder is gone).
fn locks(dir: &Path) -> Vec<PathBuf> {
    let ours = dir.join("multi");
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() && path != ours {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "lock") {
                found.push(path);
            }
        }
    }
    found
}

fn wait_for(path: &Path, within: Duration) {
    let deadline = Instant::now() + within;
    while !path.exists() {
        assert!(
            Instant::now() < deadline,
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Member `name` on a local bare repository that has our first commit, and a second commit here to push.
fn pushed_then_committed(name: &str) -> (TestEnv, PathBuf) {
    let env = TestEnv::new();
    let remote = env.add_local_remotes(&[name]).remove(0);
    env.multi(["push"]).expect_code(0);
    env.commit("second");
    (env, remote)
}

#[test]
fn a_timeout_in_the_middle_of_a_ref_update_leaves_no_lock_here_or_in_a_local_remote() {
    let (env, remote) = pushed_then_committed("held");

    // Push: the remote's receive-pack holds refs/heads/main.lock when the time is up.
    let mark = env.root.join("remote-prepared");
    hold_locks(&remote, &mark);
    let run = env.multi(["push", "--timeout", "2"]).expect_code(1);
    assert!(
        mark.exists(),
        "the hook never held the locks: {}",
        run.stdout
    );
    run.assert_stdout_has("held  timeout");
    assert_eq!(locks(&remote), Vec::<PathBuf>::new(), "left in the remote");
    assert_eq!(locks(&env.work.join(".git")), Vec::<PathBuf>::new());

    // Fetch: this repository holds its tracking ref's lock when the time is up.
    std::fs::remove_file(remote.join("hooks/reference-transaction")).unwrap();
    env.multi(["push"]).expect_code(0);
    env.git(["update-ref", "-d", "refs/remotes/held/main"]);
    let local_mark = env.root.join("local-prepared");
    hold_locks(&env.work.join(".git"), &local_mark);
    let run = env.multi(["fetch", "--timeout", "2"]).expect_code(1);
    assert!(local_mark.exists(), "{}", run.stdout);
    run.assert_stdout_has("held  timeout");
    assert_eq!(
        locks(&env.work.join(".git")),
        Vec::<PathBuf>::new(),
        "left here"
    );

    // Nothing stands in the way of the next run.
    std::fs::remove_file(env.work.join(".git/hooks/reference-transaction")).unwrap();
    env.multi(["fetch"]).expect_code(0);
    env.commit("third");
    env.multi(["push"]).expect_code(0);
}

#[test]
fn ctrl_c_in_the_middle_of_a_ref_update_leaves_no_lock() {
    let (env, remote) = pushed_then_committed("held");
    let mark = env.root.join("prepared");
    hold_locks(&remote, &mark);
    let child = env.spawn_multi(&["push", "--timeout", "120"]);
    wait_for(&mark, Duration::from_secs(30));
    send("INT", child.id());
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(locks(&remote), Vec::<PathBuf>::new(), "left in the remote");
    assert_eq!(locks(&env.work.join(".git")), Vec::<PathBuf>::new());
    std::fs::remove_file(remote.join("hooks/reference-transaction")).unwrap();
    env.multi(["push"]).expect_code(0);
}

#[test]
fn a_lock_file_left_on_a_remote_is_named_not_blamed_on_hooks() {
    let (env, remote) = pushed_then_committed("r");
    let lock = remote.join("refs/heads/main.lock");
    std::fs::write(&lock, "").unwrap();
    let run = env.multi(["push"]).expect_code(1);
    run.assert_stdout_has(&format!(
        "main: the remote's lock file `{}` is there",
        lock.display()
    ));
    run.assert_stdout_has(&format!("`rm {}`", lock.display()));
    assert!(!run.stdout.contains("hooks"), "{}", run.stdout);
}

#[test]
fn doctor_names_stale_lock_files_here_and_in_local_remotes() {
    let env = TestEnv::new();
    let remote = env.bare("r.git");
    env.multi(["remote", "add", "r", remote.to_str().unwrap()])
        .expect_code(0);
    env.multi(["push"]).expect_code(0);
    let check = |env: &TestEnv| -> serde_json::Value {
        let json = env.multi(["doctor", "--json"]).json();
        json["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "locks")
            .cloned()
            .expect("a locks check")
    };
    assert_eq!(check(&env)["status"], "ok");

    let here = env.work.join(".git/HEAD.lock");
    let there = remote.join("refs/heads/main.lock");
    let young = remote.join("packed-refs.lock");
    let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for path in [&here, &there] {
        std::fs::File::create(path)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }
    // A fresh lock may belong to a git at work: not reported.
    std::fs::File::create(&young).unwrap();
    let found = check(&env);
    assert_eq!(found["status"], "fail", "{found}");
    let detail = found["detail"].as_str().unwrap();
    assert!(detail.contains(&here.display().to_string()), "{detail}");
    assert!(detail.contains(&there.display().to_string()), "{detail}");
    assert!(!detail.contains("packed-refs.lock"), "{detail}");
    let hint = found["hint"].as_str().unwrap();
    assert!(hint.contains(&format!("`rm {}", here.display())), "{hint}");

    // Following the hint makes the doctor content again.
    std::fs::remove_file(&here).unwrap();
    std::fs::remove_file(&there).unwrap();
    std::fs::remove_file(&young).unwrap();
    assert_eq!(check(&env)["status"], "ok");
}

/// Runs git-multi with `args` in `env`, draining its output, and returns (exit code, stdout, peak RSS in KiB)
/// from `wait4`: the figure covers git-multi and the children it waited for, so it bounds git-multi's own.
#[allow(unsafe_code)]
// The child is reaped by the `wait4` below, which is what gives its resource usage.
#[allow(clippy::zombie_processes)]
fn run_measured(env: &TestEnv, args: &[&str]) -> (i32, String, i64) {
    use std::io::Read;
    let mut child = env.spawn_multi(args);
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut text = Vec::new();
        stdout.read_to_end(&mut text).unwrap();
        text
    });
    let err = std::thread::spawn(move || {
        let mut text = Vec::new();
        stderr.read_to_end(&mut text).unwrap();
        text
    });
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    let code = libc::WEXITSTATUS(status);
    let stdout = String::from_utf8_lossy(&out.join().unwrap()).into_owned();
    err.join().unwrap();
    (code, stdout, usage.ru_maxrss)
}

#[test]
fn a_server_that_prints_30_mb_costs_neither_memory_nor_screen() {
    let env = TestEnv::new();
    env.add_hooked_remote("loud", "#!/bin/sh\necho 'first words of the hook' >&2\nhead -c 31457280 /dev/zero | tr '\\000' x | fold -w 100 >&2\necho 'the real reason: refused' >&2\nexit 1\n");

    for args in [&["push"][..], &["push", "--json"]] {
        let (code, stdout, max_rss_kib) = run_measured(&env, args);
        assert_eq!(code, 1, "{}", &stdout[..stdout.len().min(2000)]);
        assert!(
            stdout.len() <= 1 << 20,
            "{args:?}: {} bytes on stdout",
            stdout.len()
        );
        assert!(
            max_rss_kib <= 100 * 1024,
            "{args:?}: peak RSS {max_rss_kib} KiB"
        );
        assert!(
            stdout.contains("bytes omitted"),
            "{}",
            &stdout[..stdout.len().min(2000)]
        );
        assert!(stdout.contains("the real reason: refused"), "{args:?}");
    }
    let log = std::fs::read_to_string(env.work.join(".git/multi/log")).unwrap();
    for entry in log.lines() {
        assert!(
            entry.len() <= 256 * 1024,
            "an audit entry of {} bytes",
            entry.len()
        );
    }
}

fn update_refs(env: &TestEnv, script: &str) {
    env.git_with_input(&env.work, &["update-ref", "--stdin"], script);
}

#[test]
fn thousands_of_refs_make_one_short_line_a_short_log_entry_and_a_whole_undo() {
    let env = TestEnv::new();
    let remote = env.bare("r.git");
    env.multi(["remote", "add", "r", remote.to_str().unwrap()])
        .expect_code(0);
    // 1,200 branches at once (one update-ref transaction), all new on the remote.
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    let script: String = (0..1200)
        .map(|n| format!("create refs/heads/b{n:05} {head}\n"))
        .collect();
    update_refs(&env, &script);
    let run = env.multi(["push", "--all"]).expect_code(0);
    let line = run.stdout.lines().next().unwrap();
    assert!(line.len() < 200, "{line}");
    assert!(line.contains("1,201 refs new"), "{line}");
    assert!(line.contains("`-v` lists them"), "{line}");

    // The log entry stays small; the whole list is kept beside it.
    let log = std::fs::read_to_string(env.work.join(".git/multi/log")).unwrap();
    let entry = log.lines().last().unwrap();
    assert!(
        entry.len() < 32 * 1024,
        "a log entry of {} bytes",
        entry.len()
    );
    let human = env.multi(["log", "-n", "1"]).expect_code(0);
    human.assert_stdout_has("… and 1,151 more refs");

    // -v lists every ref.
    env.commit("second");
    let script: String = (0..1200)
        .map(|n| format!("update refs/heads/b{n:05} HEAD\n"))
        .collect();
    update_refs(&env, &script);
    let verbose = env.multi(["push", "--all", "-v"]).expect_code(0);
    assert!(
        verbose.stdout.contains("b01199 "),
        "{}",
        &verbose.stdout[..300]
    );

    // Undo puts back every one of the 1,201 refs, not only the ones in the entry.
    env.multi(["undo"]).expect_code(0);
    let tips = crate::env::refs(&env, &remote, &["refs/heads/"]);
    assert_eq!(tips.len(), 1201);
    assert!(
        tips.values().all(|oid| *oid == head),
        "every ref is back at the first commit"
    );
}
