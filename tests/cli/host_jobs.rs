//! Host API calls run as jobs of a fan-out: each host's requests spend from that remote's time budget
//! (`--timeout`, else `multi.timeout`), so a host whose API accepts and never answers is reported as `timeout`
//! within its budget while the other hosts finish (create, webhook list, auth status), and after Ctrl-C no
//! further request is sent.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::core::send;
use crate::env::TestEnv;
use crate::fake_api::{Answer, FakeApi};
use crate::hosts::{add_github, github_fake, hook_fake, TOKEN};

/// What a command may take beyond the hung host's budget: starting git-multi and git, the other host's
/// requests, writing the config.
const MARGIN: Duration = Duration::from_secs(4);

#[track_caller]
fn assert_timed_out(doc: &serde_json::Value, index: usize, budget: &str) {
    let remote = &doc["remotes"][index];
    assert_eq!(remote["status"], "timeout", "{doc}");
    let error = remote["error"].as_str().unwrap_or_default();
    assert!(
        error.contains(&format!("no answer within {budget}")),
        "{doc}"
    );
}

/// A repository with two GitHub members: `hung`, whose API accepts and never answers, then `good`.
fn hung_then_good() -> (TestEnv, FakeApi, FakeApi) {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let hung = FakeApi::never_answering();
    let (good, _) = github_fake(&env, false);
    add_github(&env, "hung", &hung);
    add_github(&env, "good", &good);
    (env, hung, good)
}

#[test]
fn create_reports_a_host_that_never_answers_as_timeout_within_its_budget() {
    let (env, hung, good) = hung_then_good();

    let started = Instant::now();
    let run = env.multi(["create", "--timeout", "2", "--json"]);
    let took = started.elapsed();
    let run = run.expect_code(1);
    let doc = run.json();
    assert_timed_out(&doc, 0, "2s");
    assert_eq!(doc["remotes"][1]["status"], "ok", "{doc}");
    assert_eq!(doc["ok"], false);
    assert!(
        took < Duration::from_secs(2) + MARGIN,
        "took {took:?} for a 2 s budget"
    );
    // The hung host got its one request (who am I), never a retry after its budget ran out.
    assert_eq!(hung.lines(), ["GET /user"]);
    // The host that answered is set up as usual.
    assert!(good.lines().contains(&"POST /user/repos".to_string()));

    // The human face says the same, with the way out.
    let started = Instant::now();
    let run = env.multi(["create", "--timeout", "1.5"]).expect_code(1);
    assert!(started.elapsed() < Duration::from_millis(1500) + MARGIN);
    run.assert_says("no answer within 1.5s");
    run.assert_says("--timeout");
}

#[test]
fn webhook_list_spends_multi_timeout_and_the_flag_beats_it() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let hung = FakeApi::never_answering();
    let (good, _) = hook_fake();
    add_github(&env, "hung", &hung);
    add_github(&env, "good", &good);

    // The configured budget applies to host API calls as to git.
    env.git(["config", "multi.timeout", "2"]);
    let started = Instant::now();
    let run = env.multi(["webhook", "list", "--json"]);
    let took = started.elapsed();
    let doc = run.expect_code(1).json();
    assert_timed_out(&doc, 0, "2s");
    assert_eq!(doc["remotes"][1]["status"], "ok", "{doc}");
    assert!(took < Duration::from_secs(2) + MARGIN, "took {took:?}");

    // `--timeout` beats it.
    let started = Instant::now();
    let doc = env
        .multi(["webhook", "list", "--timeout", "1", "--json"])
        .expect_code(1)
        .json();
    assert_timed_out(&doc, 0, "1s");
    assert!(started.elapsed() < Duration::from_secs(1) + MARGIN);
}

#[test]
fn every_host_api_command_takes_timeout_and_jobs() {
    let env = TestEnv::new();
    for command in [
        &["create", "--help"][..],
        &["webhook", "add", "--help"],
        &["webhook", "list", "--help"],
        &["webhook", "remove", "--help"],
        &["branch", "protect", "--help"],
        &["auth", "status", "--help"],
        &["remote", "test", "--help"],
        &["repo", "edit", "--help"],
        &["release", "create", "--help"],
        &["release", "list", "--help"],
        &["release", "delete", "--help"],
        &["org", "list", "--help"],
        &["org", "repos", "--help"],
        &["stats", "--help"],
        &["ci", "status", "--help"],
    ] {
        let run = env.multi(command).expect_code(0);
        assert!(
            run.stdout.contains("--timeout <SECS>") && run.stdout.contains("--jobs <N>"),
            "{command:?}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn ctrl_c_stops_a_host_before_its_next_request() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    // `GET /user` is answered only when the test says so; anything after it would be the create.
    let (go, gate) = std::sync::mpsc::channel::<()>();
    let gate = std::sync::Mutex::new(gate);
    let fake = FakeApi::start(move |seen, _| match seen.url.as_str() {
        "/user" => {
            let _ = gate.lock().unwrap().recv();
            Answer::json(200, json!({"login": "alice"}))
        }
        _ => Answer::json(201, json!({"name": "demo"})),
    });
    add_github(&env, "gh", &fake);
    let child = env.spawn_multi(&["create", "--json"]);
    let until = Instant::now() + Duration::from_secs(30);
    while fake.seen().is_empty() {
        assert!(Instant::now() < until, "git-multi never asked the host");
        std::thread::sleep(Duration::from_millis(10));
    }
    send("INT", child.id());
    go.send(()).unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(130), "{stdout}");
    assert_eq!(
        fake.lines(),
        ["GET /user"],
        "a request was sent after Ctrl-C"
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["remotes"][0]["status"], "failed", "{doc}");
    assert!(
        doc["remotes"][0]["error"]
            .as_str()
            .unwrap_or_default()
            .ends_with("interrupted"),
        "{doc}"
    );
}

// `auth status` is a host-API command like the others: its hosts are jobs with progress lines.
#[test]
fn auth_status_reports_a_host_that_never_answers_as_timeout_within_its_budget() {
    let (env, hung, good) = hung_then_good();

    let started = Instant::now();
    let run = env.multi(["auth", "status", "--timeout", "2", "--json"]);
    let took = started.elapsed();
    let doc = run.expect_code(1).json();
    assert!(
        took < Duration::from_secs(2) + MARGIN,
        "took {took:?} for a 2 s budget"
    );
    assert_eq!(doc["ok"], false, "{doc}");
    let hosts = doc["hosts"].as_array().unwrap();
    assert_eq!(hosts.len(), 2, "{doc}");
    assert_eq!(hosts[0]["api_url"], hung.url, "{doc}");
    assert_eq!(hosts[0]["valid"], serde_json::Value::Null, "{doc}");
    let error = hosts[0]["error"].as_str().unwrap_or_default();
    assert!(error.contains("no answer within 2s"), "{doc}");
    assert_eq!(hosts[0]["status"], "timeout", "{doc}");
    // The other host answered in the meantime.
    assert_eq!(hosts[1]["api_url"], good.url, "{doc}");
    assert_eq!(hosts[1]["valid"], true, "{doc}");
    assert_eq!(hosts[1]["login"], "alice", "{doc}");
    assert_eq!(hosts[1]["status"], "ok", "{doc}");
    // One request (who am I), never a retry once the budget ran out.
    assert_eq!(hung.lines(), ["GET /user"]);

    // `multi.timeout` applies as to every host-API command, and the human face names the way out.
    env.git(["config", "multi.timeout", "1"]);
    let started = Instant::now();
    let run = env.multi(["auth", "status"]).expect_code(1);
    assert!(started.elapsed() < Duration::from_secs(1) + MARGIN);
    let shown = format!("{}{}", run.stdout, run.stderr);
    assert!(shown.contains("no answer within 1s"), "{shown}");
    assert!(shown.contains("--timeout"), "{shown}");

    // Each host has its progress line while it is asked, as with the other host-API commands.
    let run = env
        .multi(["auth", "status", "--progress", "-j", "1"])
        .expect_code(1);
    assert!(run.stderr.contains("2/2 done"), "{}", run.stderr);
    let host = hung.url.trim_start_matches("http://");
    assert!(run.stderr.contains(host), "{}", run.stderr);
}
