//! `remote list`, `remote test`, push and plain `git fetch multi` over every real transport: local path and
//! file://, git daemon, smart HTTP with Basic auth through a credential helper, and ssh through a private sshd —
//! plus the faults each server can produce.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::env::{outcome as remote, TestEnv};
use crate::servers::daemon::GitDaemon;
use crate::servers::http::{Fault, HttpServer};
use crate::servers::ssh::SshServer;

pub const USER: &str = "alice";
pub const PASSWORD: &str = "s3cret-pass";

/// Gives git the HTTP password the way users do: a credential helper (never in the URL).
pub fn use_credential_helper(env: &TestEnv, password: &str) {
    env.git([
        "config",
        "credential.helper",
        &format!("!f() {{ echo username={USER}; echo password={password}; }}; f"),
    ]);
}

/// A git daemon, an ssh server and an HTTP server asking for [`PASSWORD`], all serving `hosts`, with `env` set
/// to reach them (ssh command, credential helper); `None` (the test is skipped) where a server is missing.
pub fn network_servers(
    env: &mut TestEnv,
    hosts: &Path,
) -> Option<(GitDaemon, SshServer, HttpServer)> {
    let daemon = GitDaemon::start(hosts)?;
    let sshd = SshServer::start(&env.root.join("sshd"))?;
    let http = HttpServer::start(hosts, USER, PASSWORD);
    env.set_env("GIT_SSH_COMMAND", &sshd.ssh_command());
    use_credential_helper(env, PASSWORD);
    Some((daemon, sshd, http))
}

#[test]
fn four_transports_listed_pushed_and_fetched_by_plain_git() {
    let mut env = TestEnv::new();
    let hosts = env.bares(&["file.git", "daemon.git", "http.git", "ssh.git"]);
    let Some((daemon, sshd, http)) = network_servers(&mut env, &hosts) else {
        return;
    };

    env.multi([
        "remote",
        "add",
        "local",
        &format!("file://{}", hosts.join("file.git").display()),
    ])
    .expect_code(0);
    env.multi(["remote", "add", "daemon", &daemon.url("daemon.git")])
        .expect_code(0);
    env.multi([
        "remote",
        "add",
        "web",
        &http.url("http.git"),
        "--provider",
        "gitea",
    ])
    .expect_code(0);
    env.multi(["remote", "add", "secure", &sshd.url(&hosts.join("ssh.git"))])
        .expect_code(0);

    let list = env
        .multi(["remote", "list", "--json"])
        .expect_code(0)
        .json();
    let seen: Vec<(&str, &str, &str)> = list["remotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap(),
                r["transport"].as_str().unwrap(),
                r["provider"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("local", "file", "generic"),
            ("daemon", "git", "generic"),
            ("web", "http", "gitea"),
            ("secure", "ssh", "generic")
        ]
    );

    let pushed = env.multi(["push", "--json"]).expect_code(0).json();
    assert_eq!(pushed["ok"], true, "{pushed}");
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    for name in ["file.git", "daemon.git", "http.git", "ssh.git"] {
        let on_host = env.git_in(&hosts.join(name), ["rev-parse", "refs/heads/main"]);
        assert_eq!(on_host.trim(), head, "{name} did not get the push");
    }

    let tested = env
        .multi(["remote", "test", "--json"])
        .expect_code(0)
        .json();
    for name in ["local", "daemon", "web", "secure"] {
        assert_eq!(remote(&tested, name)["status"], "ok", "{tested}");
        assert_eq!(remote(&tested, name)["head"], "main", "{tested}");
    }

    // Plain git fetches the whole set through the remote group.
    for name in ["local", "daemon", "web", "secure"] {
        env.git(["update-ref", "-d", &format!("refs/remotes/{name}/main")]);
    }
    env.git(["fetch", "-q", "multi"]);
    for name in ["local", "daemon", "web", "secure"] {
        assert_eq!(
            env.git(["rev-parse", &format!("refs/remotes/{name}/main")])
                .trim(),
            head,
            "{name} not fetched"
        );
    }
    assert!(
        env.leftover_processes().is_empty(),
        "{:?}",
        env.leftover_processes()
    );
}

#[test]
fn remote_test_names_each_failure_truthfully() {
    let env = TestEnv::new();
    let hosts = env.bares(&[
        "good.git",
        "forbidden.git",
        "broken.git",
        "flaky.git",
        "slow.git",
    ]);
    let Some(daemon) = GitDaemon::start(&hosts) else {
        return;
    };
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    let other = HttpServer::start(&hosts, USER, "a-different-password");
    use_credential_helper(&env, PASSWORD);
    http.set_fault("forbidden.git", Some(Fault::Status(403)));
    http.set_fault("broken.git", Some(Fault::Status(500)));
    http.set_fault("flaky.git", Some(Fault::FailTimes(1, 503)));
    http.set_fault("slow.git", Some(Fault::Hang));
    let refused = format!(
        "http://127.0.0.1:{}/nothing.git",
        crate::servers::free_port()
    );

    let members = [
        ("good", http.url("good.git")),
        ("wrongpw", other.url("good.git")),
        ("forbidden", http.url("forbidden.git")),
        ("broken", http.url("broken.git")),
        ("flaky", http.url("flaky.git")),
        ("hanging", http.url("slow.git")),
        ("missing", daemon.url("missing.git")),
        ("refused", refused),
    ];
    for (name, url) in &members {
        env.multi(["remote", "add", name, url]).expect_code(0);
    }

    let started = Instant::now();
    let run = env
        .multi(["remote", "test", "--json", "--timeout", "3"])
        .expect_code(1);
    let took = started.elapsed();
    let json = run.json();
    assert_eq!(json["ok"], false);
    let expect = [
        ("good", "ok", None),
        ("wrongpw", "failed", Some("auth-failed")),
        ("forbidden", "failed", Some("forbidden")),
        ("broken", "failed", Some("server-error")),
        ("flaky", "ok", None),
        ("hanging", "timeout", None),
        ("missing", "failed", Some("not-found")),
        ("refused", "failed", Some("unreachable")),
    ];
    for (name, status, reason) in expect {
        let r = remote(&json, name);
        assert_eq!(r["status"], status, "{name}: {r}");
        if let Some(reason) = reason {
            assert_eq!(r["reason"], reason, "{name}: {r}");
            assert!(
                r["error"].as_str().is_some_and(|e| !e.is_empty()),
                "{name}: {r}"
            );
        }
    }
    // 500 is transient: tried again (bounded); 403 is not.
    assert_eq!(http.requests("broken.git"), 3, "500 is retried twice");
    assert_eq!(http.requests("forbidden.git"), 1, "403 is never retried");
    assert!(
        http.requests("flaky.git") >= 2,
        "the 503 was retried and then succeeded"
    );
    // The hanging server was given up on within the bound, in parallel with the rest.
    assert!(took < Duration::from_secs(3 + 4), "took {took:?}");
    assert!(
        env.leftover_processes().is_empty(),
        "{:?}",
        env.leftover_processes()
    );
    // The password never shows up.
    assert!(!run.stdout.contains(PASSWORD) && !run.stderr.contains(PASSWORD));

    let human = env
        .multi([
            "remote",
            "test",
            "--timeout",
            "3",
            "good",
            "forbidden",
            "missing",
        ])
        .expect_code(1);
    human.assert_stdout_has("good       ok");
    human.assert_stdout_has("error: 403");
    human.assert_stdout_has("hint: create the repository on its server, or fix the URL with `git multi remote set-url missing <url>`");
    assert!(
        human.stdout.ends_with("3 remotes: 1 ok, 2 failed\n"),
        "{}",
        human.stdout
    );
}

#[test]
fn http_without_credentials_never_prompts() {
    let env = TestEnv::new();
    let hosts = env.root.join("hosts");
    env.bare("r.git");
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    env.multi(["remote", "add", "web", &http.url("r.git")])
        .expect_code(0);
    // Credentials were needed and none were given: exit 4, as design §3 says.
    let json = env
        .multi(["remote", "test", "--json"])
        .expect_code(4)
        .json();
    assert_eq!(remote(&json, "web")["reason"], "auth-required", "{json}");
    let push = env.multi(["push", "--json"]).expect_code(4).json();
    assert_eq!(remote(&push, "web")["reason"], "auth-required", "{push}");
    let error = remote(&json, "web")["error"].as_str().unwrap().to_string();
    // git < 2.46 says "terminal prompts disabled"; newer ones (credential.interactive=false) "unable to get password".
    assert!(
        error.contains("terminal prompts disabled") || error.contains("unable to get password"),
        "{error}"
    );
}

#[test]
fn ssh_failures_are_reported_per_remote() {
    let mut env = TestEnv::new();
    let hosts = env.root.join("hosts");
    env.bare("r.git");
    let Some(sshd) = SshServer::start(&env.root.join("sshd")) else {
        return;
    };
    env.multi(["remote", "add", "box", &sshd.url(&hosts.join("r.git"))])
        .expect_code(0);
    env.multi(["remote", "add", "gone", &sshd.url(&hosts.join("nope.git"))])
        .expect_code(0);

    env.set_env("GIT_SSH_COMMAND", &sshd.ssh_command());
    let json = env
        .multi(["remote", "test", "--json"])
        .expect_code(1)
        .json();
    assert_eq!(remote(&json, "box")["status"], "ok", "{json}");
    assert_eq!(remote(&json, "gone")["reason"], "not-found", "{json}");

    env.set_env("GIT_SSH_COMMAND", &sshd.ssh_command_with_wrong_key());
    // Every failure was a refused credential: exit 4 (design §3), as for host APIs.
    let json = env
        .multi(["remote", "test", "box", "--json"])
        .expect_code(4)
        .json();
    assert_eq!(remote(&json, "box")["reason"], "auth-failed", "{json}");

    env.set_env(
        "GIT_SSH_COMMAND",
        &sshd.ssh_command_with_empty_known_hosts(),
    );
    let json = env
        .multi(["remote", "test", "box", "--json"])
        .expect_code(1)
        .json();
    assert_eq!(remote(&json, "box")["reason"], "host-key", "{json}");
    assert!(
        env.leftover_processes().is_empty(),
        "{:?}",
        env.leftover_processes()
    );
}
