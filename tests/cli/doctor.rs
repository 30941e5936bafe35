//! `git multi doctor` against a set with one healthy remote, one nobody listens for, one whose HTTP server
//! refuses the credentials git has (401), one host API with a token, and one `[multi "ghost"]` without a git
//! remote: each finding with its status, detail and fixing hint; exit 1; no secret shown.

use serde_json::{json, Value};

use crate::env::{write_script, TestEnv};
use crate::fake_api::{Answer, FakeApi, Seen};
use crate::servers::free_port;
use crate::servers::http::HttpServer;
use crate::transports::{use_credential_helper, USER};

const TOKEN: &str = "ghp_DoctorTestToken0123456789abcdefXYZ";

#[track_caller]
fn check<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name} in {json:#}"))
}

#[test]
fn doctor_tells_healthy_unreachable_refused_and_misconfigured_remotes_apart() {
    let mut env = TestEnv::new();
    let hosts = env.root.join("hosts");
    let good = env.bare("good.git");
    env.bare("web.git");
    // The server wants another password than the one git's credential helper gives: HTTP 401.
    let http = HttpServer::start(&hosts, USER, "the-server-password");
    use_credential_helper(&env, "helper-secret-value");
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let api = FakeApi::start(|seen: &Seen, _| {
        if seen.header("authorization") == Some(&format!("Bearer {TOKEN}")) && seen.url == "/user" {
            Answer::json(200, json!({"login": "alice"})).header("X-OAuth-Scopes", "repo, workflow")
        } else {
            Answer::json(404, json!({"message": "Not Found"}))
        }
    });
    env.multi(["remote", "add", "good", good.to_str().unwrap()])
        .expect_code(0);
    env.multi(["remote", "add", "web", &http.url("web.git")])
        .expect_code(0);
    let port = free_port();
    env.multi([
        "remote",
        "add",
        "gone",
        &format!("git://127.0.0.1:{port}/gone.git"),
    ])
    .expect_code(0);
    env.multi([
        "remote",
        "add",
        "hub",
        good.to_str().unwrap(),
        "--provider",
        "github",
        "--api-url",
        &api.url,
    ])
    .expect_code(0);
    env.multi(["push", "good"]).expect_code(0);
    // A member whose git remote is gone: the section is there, remote.ghost.url is not.
    env.git(["config", "multi.ghost.enabled", "true"]);

    let run = env
        .multi(["doctor", "--json", "--timeout", "20"])
        .expect_code(1);
    run.assert_not_shown("helper-secret-value");
    run.assert_not_shown("the-server-password");
    run.assert_not_shown(TOKEN);
    let json = run.json();
    assert_eq!(json["ok"], false);
    for c in json["checks"].as_array().unwrap() {
        let keys: Vec<&String> = c.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["name", "status", "detail", "hint"], "{c}");
        assert!(
            ["ok", "warn", "fail"].contains(&c["status"].as_str().unwrap()),
            "{c}"
        );
        assert!(!c["detail"].as_str().unwrap().is_empty(), "{c}");
        if c["status"] != "ok" {
            assert!(
                c["hint"].is_string(),
                "every finding says how to fix it: {c}"
            );
        }
    }
    assert_eq!(check(&json, "git")["status"], "ok");
    assert!(check(&json, "git")["detail"]
        .as_str()
        .unwrap()
        .starts_with("git 2."));
    assert_eq!(check(&json, "git.config-count")["status"], "ok");
    assert_eq!(check(&json, "config")["status"], "ok");

    // Healthy.
    assert_eq!(check(&json, "remote.good.url")["status"], "ok");
    let reachable = check(&json, "remote.good.reachable");
    assert_eq!(reachable["status"], "ok");
    assert_eq!(reachable["detail"], "1 ref(s), HEAD -> main");
    assert_eq!(
        check(&json, "remote.good.credentials")["detail"],
        "none needed (local)"
    );

    // Nobody listens.
    let gone = check(&json, "remote.gone.reachable");
    assert_eq!(gone["status"], "fail", "{gone}");
    assert!(
        gone["detail"]
            .as_str()
            .unwrap()
            .contains("onnection refused"),
        "{gone}"
    );

    // 401: the helper's credentials are refused; the helper is named, its script is not shown.
    let web = check(&json, "remote.web.reachable");
    assert_eq!(web["status"], "fail", "{web}");
    assert!(
        web["hint"].as_str().unwrap().contains("credentials"),
        "{web}"
    );
    let credentials = check(&json, "remote.web.credentials");
    assert_eq!(credentials["status"], "fail", "{credentials}");
    assert!(
        credentials["detail"]
            .as_str()
            .unwrap()
            .contains("a shell command (!…)"),
        "{credentials}"
    );

    // A host API with a token from the environment: where it comes from and its scopes, never the token.
    let hub = check(&json, "remote.hub.api");
    assert_eq!(hub["status"], "ok", "{hub}");
    let detail = hub["detail"].as_str().unwrap();
    assert!(detail.contains("GIT_MULTI_GITHUB_TOKEN"), "{detail}");
    assert!(detail.contains("logged in as alice"), "{detail}");
    assert!(detail.contains("scopes: repo,workflow"), "{detail}");

    // Misconfigured: a section without a git remote, and remotes.multi no longer in step with it.
    let ghost = check(&json, "remote.ghost.url");
    assert_eq!(ghost["status"], "fail");
    assert!(
        ghost["hint"]
            .as_str()
            .unwrap()
            .contains("git multi remote set-url ghost"),
        "{ghost}"
    );
    let group = check(&json, "set.group");
    assert_eq!(group["status"], "fail");
    assert_eq!(
        group["hint"],
        "`git multi init` rewrites it from the members"
    );

    // The human form: one line per check, hints under findings, a total.
    let human = env.multi(["doctor", "--timeout", "20"]).expect_code(1);
    human.assert_not_shown("helper-secret-value");
    assert!(
        human.stdout.contains("fail  remote.ghost.url"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("hint: give it a URL"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.lines().last().unwrap().contains("fail"),
        "{}",
        human.stdout
    );

    // Fixed by the commands the hints name, the run passes.
    env.multi(["remote", "remove", "ghost"]).expect_code(0);
    env.multi(["remote", "remove", "gone"]).expect_code(0);
    env.multi(["remote", "remove", "web"]).expect_code(0);
    let fixed = env.multi(["doctor", "--json"]).expect_code(0).json();
    assert_eq!(fixed["ok"], true, "{fixed:#}");
}

#[test]
fn doctor_reports_bad_values_hooks_and_schedules() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    env.git(["config", "multi.jobs", "abc"]);
    env.git(["config", "multi.a.provider", "sourceforge"]);
    // Hooks and schedules as the automation commands install them (marked with git-multi).
    let hooks = env.work.join(".git/hooks");
    write_script(
        &hooks.join("post-commit"),
        "#!/bin/sh\n# installed by git-multi\ngit multi push\n",
    );
    std::fs::write(hooks.join("pre-push"), "#!/bin/sh\nexec git-multi fetch\n").unwrap();
    let units = env.home.join(".config/systemd/user");
    std::fs::create_dir_all(&units).unwrap();
    std::fs::write(units.join("git-multi-sync.timer"), "[Timer]\n").unwrap();

    let json = env.multi(["doctor", "--json"]).expect_code(1).json();
    let bad: Vec<&Value> = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"] == "config")
        .collect();
    assert_eq!(bad.len(), 2, "{json:#}");
    let jobs = bad
        .iter()
        .find(|c| c["detail"].as_str().unwrap().contains("multi.jobs"))
        .unwrap();
    assert_eq!(jobs["status"], "fail");
    assert!(jobs["hint"]
        .as_str()
        .unwrap()
        .contains("git multi config set multi.jobs"));
    assert!(bad
        .iter()
        .any(|c| c["detail"].as_str().unwrap().contains("sourceforge")));
    // The bad values do not stop the other checks.
    assert_eq!(check(&json, "remote.a.reachable")["status"], "ok");
    let hooks = check(&json, "hooks");
    assert_eq!(hooks["status"], "warn", "{hooks}");
    assert!(
        hooks["detail"].as_str().unwrap().contains("pre-push"),
        "{hooks}"
    );
    assert!(
        hooks["hint"]
            .as_str()
            .unwrap()
            .contains("git multi hook install pre-push"),
        "{hooks}"
    );
    let schedule = check(&json, "schedule");
    assert!(
        schedule["detail"]
            .as_str()
            .unwrap()
            .contains("git-multi-sync.timer"),
        "{schedule}"
    );
}

#[test]
fn doctor_outside_a_repository_checks_the_machine() {
    let env = TestEnv::new();
    let run = env.multi_in(&env.root, ["doctor", "--json"]).expect_code(0);
    let json = run.json();
    assert_eq!(json["ok"], true);
    assert_eq!(check(&json, "repository")["status"], "warn");
    assert_eq!(check(&json, "git")["status"], "ok");
    assert!(check(&json, "keyring")["detail"].is_string());
}

#[test]
fn doctor_names_the_ssh_key_git_would_offer() {
    let mut env = TestEnv::new();
    let hosts = env.root.join("hosts");
    env.bare("r.git");
    let Some(sshd) = crate::servers::ssh::SshServer::start(&env.root.join("sshd")) else {
        return;
    };
    env.multi(["remote", "add", "box", &sshd.url(&hosts.join("r.git"))])
        .expect_code(0);
    env.set_env("GIT_SSH_COMMAND", &sshd.ssh_command());
    let json = env.multi(["doctor", "--json"]).expect_code(0).json();
    assert_eq!(
        check(&json, "remote.box.reachable")["status"],
        "ok",
        "{json:#}"
    );
    let key = check(&json, "remote.box.credentials");
    assert_eq!(key["status"], "ok", "{key}");
    let detail = key["detail"].as_str().unwrap();
    assert!(detail.starts_with("GIT_SSH_COMMAND offers "), "{detail}");
    assert!(
        detail.contains(sshd.client_key().to_str().unwrap()),
        "{detail}"
    );
    assert!(detail.contains(&format!(":{}", sshd.port())), "{detail}");

    // The wrong key: the host refuses, and doctor says which key that was.
    env.set_env("GIT_SSH_COMMAND", &sshd.ssh_command_with_wrong_key());
    let json = env.multi(["doctor", "--json"]).expect_code(1).json();
    let key = check(&json, "remote.box.credentials");
    assert_eq!(key["status"], "fail", "{key}");
    assert!(
        key["detail"].as_str().unwrap().contains("wrong_key"),
        "{key}"
    );
    assert!(env.leftover_processes().is_empty());
}
