//! `git multi auth status` asks each host as a job of the one fan-out: a host whose API accepts and never
//! answers is reported as `timeout` within its budget (`--timeout`, else `multi.timeout`) while the other host
//! answers, and the human face shows each host's progress like the other host-API commands.

use std::time::{Duration, Instant};

use crate::env::TestEnv;
use crate::fake_api::FakeApi;
use crate::hosts::{add_github, github_fake, TOKEN};

/// What a run may take beyond the hung host's budget: starting git-multi, the other host's request.
const MARGIN: Duration = Duration::from_secs(4);

#[test]
fn status_reports_a_host_that_never_answers_as_timeout_within_its_budget() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let hung = FakeApi::never_answering();
    let (good, _) = github_fake(&env, false);
    add_github(&env, "hung", &hung);
    add_github(&env, "good", &good);

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
