//! `ci status` against in-process fake hosts: each host's checks normalised to one state, the exit codes
//! (0 all success, 1 any failure / none / host error, 8 still pending), `--wait` asking again until the state
//! is final or the time is up, a host without a status API skipped, and a hung host reported as `timeout`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::env::{outcome, TestEnv};
use crate::fake_api::{Answer, FakeApi};

fn member(env: &TestEnv, name: &str, kind: &str, fake: &FakeApi) {
    env.add_on_api(name, kind, "acme/demo", &fake.url, &[]);
}

fn tokens(env: &mut TestEnv) {
    for kind in ["github", "gitlab", "gitea", "bitbucket", "gogs"] {
        env.set_env(
            &format!("GIT_MULTI_{}_TOKEN", kind.to_ascii_uppercase()),
            "tok-ci-status-123",
        );
    }
}

/// GitHub: one commit status and the check runs `runs` (status, conclusion) for `sha`.
fn github(sha: &str, status: &'static str, runs: Vec<(&'static str, Value)>) -> FakeApi {
    let sha = sha.to_string();
    FakeApi::start(move |seen, _| {
        let base = format!("/repos/acme/demo/commits/{sha}");
        if seen.url == format!("{base}/status?per_page=100") {
            let statuses = if status.is_empty() {
                json!([])
            } else {
                json!([{"context": "legacy-ci", "state": status, "target_url": "https://ci.example/1"}])
            };
            Answer::json(
                200,
                json!({"state": "pending", "total_count": 0, "statuses": statuses}),
            )
        } else if seen.url == format!("{base}/check-runs?per_page=100") {
            let runs: Vec<Value> = runs
                .iter()
                .map(|(s, c)| json!({"name": format!("build-{s}"), "status": s, "conclusion": c, "html_url": "https://gh/run"}))
                .collect();
            Answer::json(200, json!({"total_count": runs.len(), "check_runs": runs}))
        } else {
            Answer::json(404, json!({"message": "Not Found"}))
        }
    })
}

#[test]
fn each_host_says_its_state_in_the_same_words() {
    let mut env = TestEnv::new();
    tokens(&mut env);
    let sha = env.commit("second");
    let gh = github(
        &sha,
        "success",
        vec![
            ("completed", json!("success")),
            ("completed", json!("skipped")),
        ],
    );
    let sha_gl = sha.clone();
    let gl = FakeApi::start(move |seen, _| {
        if seen.url
            == format!(
                "/projects/acme%2Fdemo/pipelines?sha={sha_gl}&order_by=id&sort=desc&per_page=100"
            )
        {
            // Newest first: the retried pipeline on main replaces the failed one.
            Answer::json(
                200,
                json!([{"id": 12, "ref": "main", "status": "running", "web_url": "https://gl/12"},
                       {"id": 11, "ref": "main", "status": "failed"},
                       {"id": 10, "ref": "v1", "status": "success"}]),
            )
            .header("x-next-page", "")
        } else {
            Answer::json(404, json!({"message": "404 Not Found"}))
        }
    });
    let sha_tea = sha.clone();
    let tea = FakeApi::start(move |seen, _| {
        if seen.url == format!("/repos/acme/demo/commits/{sha_tea}/status?limit=50") {
            Answer::json(
                200,
                json!({"state": "failure", "total_count": 2, "statuses": [
                    {"context": "lint", "status": "failure"}, {"context": "test", "status": "warning"}]}),
            )
        } else {
            Answer::json(404, json!({"message": "not found"}))
        }
    });
    let base: Arc<std::sync::Mutex<String>> = Arc::default();
    let bb_base = Arc::clone(&base);
    let sha_bb = sha.clone();
    let bb = FakeApi::start(move |seen, _| {
        let first = format!("/repositories/acme/demo/commit/{sha_bb}/statuses?pagelen=100");
        if seen.url == first {
            Answer::json(
                200,
                json!({"values": [{"key": "a", "name": "pipe", "state": "SUCCESSFUL"}],
                       "next": format!("{}{first}&page=2", bb_base.lock().unwrap())}),
            )
        } else if seen.url == format!("{first}&page=2") {
            Answer::json(
                200,
                json!({"values": [{"key": "b", "state": "INPROGRESS"}]}),
            )
        } else {
            Answer::json(404, json!({"type": "error", "error": {"message": "no"}}))
        }
    });
    *base.lock().unwrap() = bb.url.clone();
    let gogs = FakeApi::start(|_, _| Answer::json(500, json!({})));
    member(&env, "gh", "github", &gh);
    member(&env, "gl", "gitlab", &gl);
    member(&env, "tea", "gitea", &tea);
    member(&env, "bb", "bitbucket", &bb);
    member(&env, "old", "gogs", &gogs);

    let run = env.multi(["ci", "status", "--json"]).expect_code(1);
    let doc = run.json();
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["commit"], sha.as_str());
    assert_eq!(outcome(&doc, "gh")["state"], "success");
    assert_eq!(outcome(&doc, "gh")["checks"].as_array().unwrap().len(), 3);
    assert_eq!(outcome(&doc, "gl")["state"], "running");
    assert_eq!(
        outcome(&doc, "gl")["checks"],
        json!([{"name": "pipeline 12 (main)", "state": "running", "url": "https://gl/12"},
               {"name": "pipeline 10 (v1)", "state": "success", "url": null}])
    );
    assert_eq!(outcome(&doc, "tea")["state"], "failure");
    assert_eq!(outcome(&doc, "bb")["state"], "running");
    assert_eq!(outcome(&doc, "old")["status"], "skipped");
    assert!(gogs.seen().is_empty(), "nothing is asked of Gogs");

    let human = env.multi(["ci", "status"]).expect_code(1);
    insta::assert_snapshot!(human.stdout.replace(&sha[..12], "<sha>"), @r"
    gh   success  3 checks
    gl   running  1 of 2 checks: pipeline 12 (main) running
    tea  failure  1 of 2 checks: lint failure
    bb   running  1 of 2 checks: b running
    old  skipped  Gogs has no commit status API
    commit <sha>: 1 success, 2 running, 1 failure, 1 skipped
    ");
    run.assert_not_shown("tok-ci-status-123");
}

#[test]
fn exit_codes_say_success_pending_and_nothing_to_report() {
    let mut env = TestEnv::new();
    tokens(&mut env);
    let sha = env.git(["rev-parse", "HEAD"]).trim().to_string();
    let green = github(&sha, "success", vec![("completed", json!("success"))]);
    member(&env, "gh", "github", &green);
    let doc = env
        .multi(["ci", "status", "HEAD", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(doc["ok"], true);

    let queued = github(&sha, "", vec![("queued", Value::Null)]);
    env.multi(["remote", "remove", "gh"]).expect_code(0);
    member(&env, "gh", "github", &queued);
    let doc = env.multi(["ci", "status", "--json"]).expect_code(8).json();
    assert_eq!(outcome(&doc, "gh")["state"], "pending");
    assert_eq!(doc["ok"], false);

    let nothing = github(&sha, "", vec![]);
    env.multi(["remote", "remove", "gh"]).expect_code(0);
    member(&env, "gh", "github", &nothing);
    let run = env.multi(["ci", "status"]).expect_code(1);
    assert!(
        run.stdout.contains("gh  none  no CI for this commit"),
        "{}",
        run.stdout
    );

    let bad = env.multi(["ci", "status", "no-such-branch"]).expect_code(2);
    assert!(
        bad.stderr.contains("does not name a commit"),
        "{}",
        bad.stderr
    );
}

#[test]
fn wait_asks_again_until_the_state_is_final() {
    let mut env = TestEnv::new();
    tokens(&mut env);
    let sha = env.git(["rev-parse", "HEAD"]).trim().to_string();
    let sha_gh = sha.clone();
    // Running on the first question, finished on the second.
    let gh = FakeApi::start(move |seen, index| {
        let base = format!("/repos/acme/demo/commits/{sha_gh}");
        if seen.url.starts_with(&format!("{base}/status")) {
            Answer::json(200, json!({"statuses": []}))
        } else if seen.url.starts_with(&format!("{base}/check-runs")) {
            let run = if index < 2 {
                json!({"name": "build", "status": "in_progress"})
            } else {
                json!({"name": "build", "status": "completed", "conclusion": "success"})
            };
            Answer::json(200, json!({"check_runs": [run]}))
        } else {
            Answer::json(404, json!({}))
        }
    });
    member(&env, "gh", "github", &gh);
    let doc = env
        .multi(["ci", "status", "--wait", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(outcome(&doc, "gh")["state"], "success");
    assert_eq!(outcome(&doc, "gh")["polls"], 2);

    // Without --wait the first answer is the answer.
    let doc = env.multi(["ci", "status", "--json"]).expect_code(0).json();
    assert_eq!(outcome(&doc, "gh")["polls"], 1);
}

#[test]
fn wait_gives_up_at_the_timeout_and_a_hung_host_times_out_alone() {
    let mut env = TestEnv::new();
    tokens(&mut env);
    let sha = env.git(["rev-parse", "HEAD"]).trim().to_string();
    let running = github(&sha, "pending", vec![("in_progress", Value::Null)]);
    let hung = FakeApi::never_answering();
    member(&env, "gh", "github", &running);
    let started = Instant::now();
    let doc = env
        .multi(["ci", "status", "--wait", "--timeout", "2", "--json"])
        .expect_code(8)
        .json();
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(outcome(&doc, "gh")["state"], "running");
    assert!(outcome(&doc, "gh")["polls"].as_u64().unwrap() >= 2, "{doc}");

    member(&env, "slow", "github", &hung);
    let started = Instant::now();
    let doc = env
        .multi(["ci", "status", "--timeout", "2", "--json"])
        .expect_code(1)
        .json();
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(outcome(&doc, "slow")["status"], "timeout");
    assert_eq!(outcome(&doc, "gh")["state"], "running");
}
