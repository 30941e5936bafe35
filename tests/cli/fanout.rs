//! Fan-out under faults: with many remotes where some are broken, every healthy remote still gets the push,
//! each failure is named truthfully, the exit code is 1, the run ends within the timeout plus a margin, no git
//! process survives, and nothing is force-pushed unless asked.

use std::time::{Duration, Instant};

use crate::env::{outcome as remote, write_script, TestEnv};
use crate::servers::daemon::GitDaemon;
use crate::servers::http::{Fault, HttpServer};
use crate::transports::{use_credential_helper, PASSWORD, USER};

#[test]
fn healthy_remotes_get_the_push_while_broken_ones_fail_truthfully() {
    let env = TestEnv::new();
    let hosts = env.root.join("hosts");
    let names = [
        "file.git",
        "daemon.git",
        "web.git",
        "hang.git",
        "denied.git",
        "forbidden.git",
        "error.git",
        "midway.git",
        "nff.git",
        "hook.git",
    ];
    for name in names {
        env.bare(name);
    }
    let Some(daemon) = GitDaemon::start(&hosts) else {
        return;
    };
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    let other = HttpServer::start(&hosts, USER, "not-the-password");
    use_credential_helper(&env, PASSWORD);
    http.set_fault("hang.git", Some(Fault::Hang));
    http.set_fault("forbidden.git", Some(Fault::Status(403)));
    http.set_fault("error.git", Some(Fault::Status(500)));
    http.set_fault("midway.git", Some(Fault::ClosePushMidway));
    // nff.git already has a commit we do not have; hook.git refuses every push.
    let foreign = env.clone_of(&hosts.join("nff.git"), "foreign", &[]);
    env.git_in(
        &foreign,
        ["commit", "-q", "--allow-empty", "-m", "someone else's work"],
    );
    env.git_in(&foreign, ["push", "-q", "origin", "HEAD:refs/heads/main"]);
    let theirs = env.git_in(&hosts.join("nff.git"), ["rev-parse", "refs/heads/main"]);
    let hook = hosts.join("hook.git/hooks/pre-receive");
    write_script(
        &hook,
        "#!/bin/sh\necho 'pushes are frozen for the release' >&2\nexit 1\n",
    );

    let remotes = [
        (
            "file",
            format!("file://{}", hosts.join("file.git").display()),
        ),
        ("daemon", daemon.url("daemon.git")),
        ("web", http.url("web.git")),
        (
            "refused",
            format!("http://127.0.0.1:{}/x.git", crate::servers::free_port()),
        ),
        ("hang", http.url("hang.git")),
        ("denied", other.url("denied.git")),
        ("forbidden", http.url("forbidden.git")),
        ("error", http.url("error.git")),
        ("midway", http.url("midway.git")),
        ("nff", hosts.join("nff.git").display().to_string()),
        ("hook", hosts.join("hook.git").display().to_string()),
    ];
    for (name, url) in &remotes {
        env.multi(["remote", "add", name, url]).expect_code(0);
    }
    // A pack big enough that cutting the connection midway really is mid-pack.
    let blob: Vec<u8> = (0..400_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(env.work.join("big.bin"), blob).unwrap();
    env.git(["add", "big.bin"]);
    env.git(["commit", "-q", "-m", "big"]);
    let ours = env.git(["rev-parse", "HEAD"]).trim().to_string();

    let started = Instant::now();
    let run = env
        .multi(["push", "--json", "--timeout", "4", "-j", "0"])
        .expect_code(1);
    let took = started.elapsed();
    let json = run.json();
    assert_eq!(json["ok"], false);
    let expect = [
        ("file", "ok", None),
        ("daemon", "ok", None),
        ("web", "ok", None),
        ("refused", "failed", Some("unreachable")),
        ("hang", "timeout", None),
        ("denied", "failed", Some("auth-failed")),
        ("forbidden", "failed", Some("forbidden")),
        ("error", "failed", Some("server-error")),
        ("midway", "failed", Some("connection-lost")),
        ("nff", "rejected", Some("rejected")),
        ("hook", "rejected", Some("rejected")),
    ];
    for (name, status, reason) in expect {
        let r = remote(&json, name);
        assert_eq!(r["status"], status, "{name}: {r}");
        if let Some(reason) = reason {
            assert_eq!(r["reason"], reason, "{name}: {r}");
        }
    }
    for name in ["file.git", "daemon.git", "web.git"] {
        assert_eq!(
            env.git_in(&hosts.join(name), ["rev-parse", "refs/heads/main"])
                .trim(),
            ours,
            "{name}"
        );
    }
    let ok_ref = &remote(&json, "web")["refs"][0];
    assert_eq!(
        (
            ok_ref["ref"].as_str(),
            ok_ref["status"].as_str(),
            ok_ref["new"].as_str()
        ),
        (Some("refs/heads/main"), Some("new"), Some(ours.as_str()))
    );
    // Rejections say why, and the remote's history is untouched.
    assert!(
        remote(&json, "hook")["error"]
            .as_str()
            .unwrap()
            .contains("pushes are frozen for the release"),
        "{json}"
    );
    assert!(
        remote(&json, "nff")["error"]
            .as_str()
            .unwrap()
            .contains("non-fast-forward"),
        "{json}"
    );
    assert_eq!(
        env.git_in(&hosts.join("nff.git"), ["rev-parse", "refs/heads/main"]),
        theirs
    );
    for name in ["hang.git", "midway.git", "hook.git"] {
        let missing = env.try_git_in(
            &hosts.join(name),
            ["rev-parse", "--verify", "-q", "refs/heads/main"],
        );
        assert_eq!(missing.code, 1, "{name} must not have main");
    }
    assert!(took < Duration::from_secs(4 + 4), "took {took:?}");
    assert!(
        env.leftover_processes().is_empty(),
        "{:?}",
        env.leftover_processes()
    );
    // Tracking refs follow successful pushes only.
    assert_eq!(env.git(["rev-parse", "refs/remotes/web/main"]).trim(), ours);
    assert_eq!(
        env.try_git_in(
            &env.work,
            ["rev-parse", "--verify", "-q", "refs/remotes/hook/main"]
        )
        .code,
        1
    );

    // The human summary names each failure in the configured order, then the total.
    let human = env
        .multi(["push", "--timeout", "4", "-j", "0"])
        .expect_code(1);
    let order: Vec<&str> = human
        .stdout
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        order[..11],
        [
            "file",
            "daemon",
            "web",
            "refused",
            "hang",
            "denied",
            "forbidden",
            "error",
            "midway",
            "nff",
            "hook"
        ]
    );
    assert!(
        human.stdout.contains("hang       timeout"),
        "{}",
        human.stdout
    );
    assert!(
        human
            .stdout
            .ends_with("11 remotes: 3 up-to-date, 2 rejected, 5 failed, 1 timeout\n"),
        "{}",
        human.stdout
    );
}

#[test]
fn force_with_lease_is_checked_per_remote_and_backs_up_old_tips() {
    let env = TestEnv::new();
    let [a, b] = <[_; 2]>::try_from(env.add_local_remotes(&["a", "b"])).unwrap();
    env.commit("second");
    env.multi(["push"]).expect_code(0);
    let published = env.git(["rev-parse", "HEAD"]).trim().to_string();
    // Someone else moves b on after our last look; a is as we last saw it.
    let other = env.clone_of(&b, "other", &[]);
    env.git_in(&other, ["commit", "-q", "--allow-empty", "-m", "theirs"]);
    env.git_in(&other, ["push", "-q", "origin", "main"]);
    // We rewrite our history.
    env.git(["reset", "-q", "--hard", "HEAD~1"]);
    env.commit("rewritten");
    let rewritten = env.git(["rev-parse", "HEAD"]).trim().to_string();

    let plain = env.multi(["push", "--json"]).expect_code(1).json();
    assert_eq!(remote(&plain, "a")["status"], "rejected");
    assert!(
        remote(&plain, "a")["error"]
            .as_str()
            .unwrap()
            .contains("diverged, 1 local and 1 remote commit apart"),
        "{plain}"
    );

    let json = env
        .multi(["push", "--force-with-lease", "--json"])
        .expect_code(1)
        .json();
    assert_eq!(remote(&json, "a")["status"], "ok", "{json}");
    assert_eq!(remote(&json, "a")["refs"][0]["status"], "forced");
    assert_eq!(
        remote(&json, "b")["status"],
        "rejected",
        "b moved since our last fetch: {json}"
    );
    assert_eq!(env.git_in(&a, ["rev-parse", "main"]).trim(), rewritten);
    assert_ne!(env.git_in(&b, ["rev-parse", "main"]).trim(), rewritten);
    // The overwritten tip of a is kept.
    assert_eq!(env.backups_of("a", "heads/main"), [published.trim()]);
}

#[test]
fn ctrl_c_stops_every_child_and_exits_130() {
    let mut env = TestEnv::new();
    let hosts = env.root.join("hosts");
    env.bare("hang.git");
    env.bare("ok.git");
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    // Once git is really talking to the hanging server, interrupt as a terminal would.
    let mut child = crate::core::hanging_push(&mut env, &http);
    let interrupted = Instant::now();
    crate::core::send("INT", child.id());
    let code = child.wait().unwrap().code();
    assert_eq!(code, Some(130));
    // Stopped by Ctrl-C, not by the 120 s timeout; the margin is for a loaded machine, not a speed target.
    assert!(
        interrupted.elapsed() < Duration::from_secs(60),
        "took {:?} to stop",
        interrupted.elapsed()
    );
    assert!(
        env.leftover_processes().is_empty(),
        "{:?}",
        env.leftover_processes()
    );
}

#[test]
fn live_progress_only_on_a_terminal() {
    let Some(script) = crate::servers::require("script") else {
        return;
    };
    let env = TestEnv::new();
    let hosts = env.root.join("hosts");
    env.bare("slow.git");
    env.bare("fast.git");
    let http = HttpServer::start_with_delay(&hosts, USER, PASSWORD, Duration::from_millis(150));
    use_credential_helper(&env, PASSWORD);
    env.multi(["remote", "add", "slow", &http.url("slow.git")])
        .expect_code(0);
    env.multi([
        "remote",
        "add",
        "fast",
        &hosts.join("fast.git").display().to_string(),
    ])
    .expect_code(0);
    let on_terminal = |args: &str| {
        let command = format!("{} {args}", env!("CARGO_BIN_EXE_git-multi"));
        let output = env
            .command(&script, &env.work)
            .args(["-qec", &command, "/dev/null"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };

    let live = on_terminal("push");
    assert!(live.contains("\x1b[2Kslow  pushing"), "{live:?}");
    assert!(
        live.contains("\x1b[J"),
        "the progress lines are erased before the summary: {live:?}"
    );
    assert!(live.ends_with("2 remotes: 2 ok\r\n"), "{live:?}");

    env.commit("more");
    let json = on_terminal("push --json");
    assert!(!json.contains("\x1b["), "no progress with --json: {json:?}");
    let doc: serde_json::Value =
        serde_json::from_str(&json.replace('\r', "")).unwrap_or_else(|e| {
            panic!("push --json on a terminal is one JSON document ({e}): {json:?}")
        });
    assert_eq!(doc["ok"], true, "{json:?}");
    env.commit("again");
    let piped = env.multi(["push"]).expect_code(0);
    assert!(
        !piped.stdout.contains('\x1b') && !piped.stderr.contains('\x1b'),
        "{piped:?}"
    );
}
