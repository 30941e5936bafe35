//! `org list` and `org repos` against in-process fake hosts: every page of every kind of pagination (Link,
//! GitLab `x-next-page`, Bitbucket `next`), a user's own repositories, 429 then success, a failing host beside
//! working ones, and a host that never answers reported as `timeout` while the others finish.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::env::{outcome, TestEnv};
use crate::fake_api::{Answer, FakeApi, Seen};

fn token_env(kind: &str) -> String {
    format!("GIT_MULTI_{}_TOKEN", kind.to_ascii_uppercase())
}

/// Adds member `name` of provider `kind` for `owner`/demo with its API at `fake`.
fn member(env: &TestEnv, name: &str, kind: &str, owner: &str, fake: &FakeApi) {
    env.add_on_api(name, kind, &format!("{owner}/demo"), &fake.url, &[]);
}

/// The `page` query parameter of a request, 1 when absent.
fn page(seen: &Seen) -> usize {
    seen.url
        .split(['?', '&'])
        .find_map(|p| p.strip_prefix("page="))
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
}

fn github_repo(name: &str, private: bool) -> Value {
    json!({"name": name, "private": private, "default_branch": "main", "pushed_at": "2026-12-01T10:00:00Z",
        "owner": {"login": "acme"}})
}

/// GitHub: `acme` is an organisation with `names` served two per page through Link headers.
fn github(names: &'static [&'static str]) -> FakeApi {
    let base: Arc<std::sync::Mutex<String>> = Arc::default();
    let fake_base = Arc::clone(&base);
    let fake = FakeApi::start(move |seen, _| {
        let path = seen.url.split('?').next().unwrap_or_default();
        match path {
            "/orgs/acme/repos" => {
                let p = page(seen);
                let chunk: Vec<Value> = names
                    .iter()
                    .skip((p - 1) * 2)
                    .take(2)
                    .map(|n| github_repo(n, *n == "secret"))
                    .collect();
                let mut answer = Answer::json(200, Value::Array(chunk));
                if p * 2 < names.len() {
                    let url = format!(
                        "{}/orgs/acme/repos?per_page=100&page={}",
                        fake_base.lock().unwrap(),
                        p + 1
                    );
                    answer = answer.header("Link", &format!("<{url}>; rel=\"next\""));
                }
                answer
            }
            "/user/orgs" => Answer::json(200, json!([{"login": "acme"}, {"login": "widgets"}])),
            _ => Answer::json(404, json!({"message": "Not Found"})),
        }
    });
    *base.lock().unwrap() = fake.url.clone();
    fake
}

/// GitLab: group `acme` with `names`, one per page through `x-next-page`.
fn gitlab(names: &'static [&'static str]) -> FakeApi {
    FakeApi::start(move |seen, _| {
        let path = seen.url.split('?').next().unwrap_or_default();
        match path {
            "/groups/acme/projects" => {
                let p = page(seen);
                let chunk: Vec<Value> = names.iter().skip(p - 1).take(1).map(|n| json!({"path": n, "name": n,
                    "visibility": "internal", "default_branch": "trunk", "last_activity_at": "2026-11-30T00:00:00Z"})).collect();
                let next = if p < names.len() {
                    (p + 1).to_string()
                } else {
                    String::new()
                };
                Answer::json(200, Value::Array(chunk)).header("x-next-page", &next)
            }
            "/groups" => Answer::json(
                200,
                json!([{"full_path": "acme"}, {"full_path": "acme/tools"}]),
            ),
            _ => Answer::json(404, json!({"message": "404 Not Found"})),
        }
    })
}

/// Bitbucket: workspace `acme` with `names`, one per page through the body's `next`.
fn bitbucket(names: &'static [&'static str]) -> FakeApi {
    let base: Arc<std::sync::Mutex<String>> = Arc::default();
    let fake_base = Arc::clone(&base);
    let fake = FakeApi::start(move |seen, _| {
        let path = seen.url.split('?').next().unwrap_or_default();
        match path {
            "/repositories/acme" => {
                let p = page(seen);
                let values: Vec<Value> = names
                    .iter()
                    .skip(p - 1)
                    .take(1)
                    .map(|n| {
                        json!({"slug": n, "is_private": false,
                    "mainbranch": {"name": "main"}, "updated_on": "2026-10-01T00:00:00+00:00"})
                    })
                    .collect();
                let mut body = json!({"values": values, "pagelen": 1});
                if p < names.len() {
                    body["next"] = json!(format!(
                        "{}/repositories/acme?pagelen=100&page={}",
                        fake_base.lock().unwrap(),
                        p + 1
                    ));
                }
                Answer::json(200, body)
            }
            "/user/permissions/workspaces" => Answer::json(
                200,
                json!({"values": [{"workspace": {"slug": "acme"}}, {"workspace": {"slug": "side"}}]}),
            ),
            _ => Answer::json(
                404,
                json!({"type": "error", "error": {"message": "Not found"}}),
            ),
        }
    });
    *base.lock().unwrap() = fake.url.clone();
    fake
}

fn three_hosts(env: &mut TestEnv) -> (FakeApi, FakeApi, FakeApi) {
    for kind in ["github", "gitlab", "bitbucket"] {
        env.set_env(&token_env(kind), "tok-inventory-123");
    }
    let gh = github(&["demo", "tool", "secret", "docs", "web"]);
    let gl = gitlab(&["demo", "tool", "docs"]);
    let bb = bitbucket(&["demo", "web"]);
    member(env, "gh", "github", "acme", &gh);
    member(env, "gl", "gitlab", "acme", &gl);
    member(env, "bb", "bitbucket", "acme", &bb);
    (gh, gl, bb)
}

#[test]
fn org_repos_walks_every_page_of_every_kind_of_host() {
    let mut env = TestEnv::new();
    let (gh, gl, bb) = three_hosts(&mut env);
    let run = env.multi(["org", "repos", "--json"]).expect_code(0);
    let doc = run.json();
    assert_eq!(doc["ok"], true);
    let names: Vec<&str> = doc["repositories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["demo", "docs", "secret", "tool", "web"]);
    assert_eq!(outcome(&doc, "gh")["count"], 5);
    assert_eq!(outcome(&doc, "gl")["count"], 3);
    assert_eq!(outcome(&doc, "bb")["count"], 2);
    // Every page was asked for, each by the host's own way of pointing at the next one.
    assert_eq!(gh.seen().len(), 3, "{:?}", gh.lines());
    assert_eq!(gl.seen().len(), 3, "{:?}", gl.lines());
    assert_eq!(bb.seen().len(), 2, "{:?}", bb.lines());
    assert!(gl.lines()[2].contains("page=3"), "{:?}", gl.lines());
    let demo = &doc["repositories"][0];
    assert_eq!(demo["on"]["gh"]["visibility"], "public");
    assert_eq!(demo["on"]["gl"]["visibility"], "private");
    assert_eq!(demo["on"]["gl"]["default_branch"], "trunk");
    assert_eq!(demo["on"]["bb"]["last_push"], "2026-10-01T00:00:00+00:00");
    let web = &doc["repositories"][4];
    assert_eq!(web["missing"], json!(["gl"]));
    assert_eq!(web["on"]["gl"], Value::Null);

    let missing = env.multi(["org", "repos", "--missing"]).expect_code(0);
    assert_eq!(
        missing.stdout,
        "docs    missing on bb\nsecret  missing on gl, bb\ntool    missing on bb\nweb     missing on gl\n4 repositories missing somewhere on 3 of 3 remotes\n"
    );
    let matrix = env.multi(["org", "repos"]).expect_code(0);
    insta::assert_snapshot!(matrix.stdout, @r"
    repository  gh                       gl                        bb
    demo        public main 2026-12-01   private trunk 2026-11-30  public main 2026-10-01
    docs        public main 2026-12-01   private trunk 2026-11-30  -
    secret      private main 2026-12-01  -                         -
    tool        public main 2026-12-01   private trunk 2026-11-30  -
    web         public main 2026-12-01   -                         public main 2026-10-01
    5 repositories on 3 of 3 remotes; 4 missing somewhere (--missing lists them)
    ");
    for run in [&run, &missing, &matrix] {
        run.assert_not_shown("tok-inventory-123");
    }
}

#[test]
fn org_list_names_each_hosts_organisations() {
    let mut env = TestEnv::new();
    let (gh, gl, bb) = three_hosts(&mut env);
    let doc = env.multi(["org", "list", "--json"]).expect_code(0).json();
    assert_eq!(
        outcome(&doc, "gh")["organisations"],
        json!(["acme", "widgets"])
    );
    assert_eq!(
        outcome(&doc, "gl")["organisations"],
        json!(["acme", "acme/tools"])
    );
    assert_eq!(
        outcome(&doc, "bb")["organisations"],
        json!(["acme", "side"])
    );
    assert_eq!(gh.lines(), ["GET /user/orgs?per_page=100"]);
    assert_eq!(gl.lines(), ["GET /groups?min_access_level=10&per_page=100"]);
    assert_eq!(bb.lines(), ["GET /user/permissions/workspaces?pagelen=100"]);
}

#[test]
fn a_users_own_repositories_come_from_the_user_listing() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITEA_TOKEN", "tok-gitea-123");
    let fake = FakeApi::start(|seen, _| match seen.url.as_str() {
        "/user" => Answer::json(200, json!({"login": "alice"})),
        "/user/repos?limit=50" => Answer::json(
            200,
            json!([{"name": "mine", "private": true, "owner": {"login": "alice"}, "default_branch": "main"},
                   {"name": "theirs", "private": false, "owner": {"login": "bob"}, "default_branch": "main"}]),
        ),
        "/users/bob/repos?limit=50" => Answer::json(
            200,
            json!([{"name": "theirs", "private": false, "owner": {"login": "bob"}}]),
        ),
        _ => Answer::json(404, json!({"message": "Not Found"})),
    });
    member(&env, "tea", "gitea", "alice", &fake);
    let doc = env.multi(["org", "repos", "--json"]).expect_code(0).json();
    assert_eq!(doc["repositories"].as_array().unwrap().len(), 1, "{doc}");
    assert_eq!(doc["repositories"][0]["name"], "mine");
    assert_eq!(
        fake.lines(),
        [
            "GET /orgs/alice/repos?limit=50",
            "GET /user",
            "GET /user/repos?limit=50"
        ]
    );
    // Another user's public repositories.
    let doc = env
        .multi(["org", "repos", "bob", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(doc["repositories"][0]["name"], "theirs");
    assert_eq!(outcome(&doc, "tea")["owner"], "bob");
}

#[test]
fn a_rate_limited_page_is_retried_and_a_failing_host_fails_alone() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", "tok-github-123");
    env.set_env("GIT_MULTI_GITLAB_TOKEN", "tok-gitlab-123");
    let limited = FakeApi::start(|seen, index| match (index, seen.url.as_str()) {
        (0, _) => Answer::json(429, json!({"message": "slow down"})).header("Retry-After", "0"),
        (_, "/orgs/acme/repos?per_page=100") => {
            Answer::json(200, json!([github_repo("demo", false)]))
        }
        _ => Answer::json(404, json!({"message": "Not Found"})),
    });
    let broken = FakeApi::start(|_, _| Answer::json(403, json!({"message": "403 Forbidden"})));
    member(&env, "gh", "github", "acme", &limited);
    member(&env, "gl", "gitlab", "acme", &broken);
    let run = env.multi(["org", "repos", "--json"]).expect_code(1);
    let doc = run.json();
    assert_eq!(doc["ok"], false);
    assert_eq!(outcome(&doc, "gh")["status"], "ok");
    assert_eq!(outcome(&doc, "gh")["count"], 1);
    assert_eq!(outcome(&doc, "gl")["status"], "failed");
    assert!(
        outcome(&doc, "gl")["error"]
            .as_str()
            .unwrap()
            .contains("permission denied"),
        "{doc}"
    );
    assert_eq!(limited.seen().len(), 2, "{:?}", limited.lines());
    // A host that did not answer is unknown, not a host that lacks the repository.
    assert_eq!(doc["repositories"][0]["missing"], json!([]));
    let human = env.multi(["org", "repos"]).expect_code(1);
    assert!(
        human.stdout.contains("gl: failed (")
            && human.stdout.contains("hint: check the token's scopes"),
        "{}",
        human.stdout
    );
}

#[test]
fn a_host_that_never_answers_times_out_while_the_others_finish() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", "tok-github-123");
    let hung = FakeApi::never_answering();
    let fine = github(&["demo"]);
    member(&env, "slow", "github", "acme", &hung);
    member(&env, "gh", "github", "acme", &fine);
    let started = Instant::now();
    let doc = env
        .multi(["org", "repos", "--timeout", "2", "--json"])
        .expect_code(1)
        .json();
    let took = started.elapsed();
    assert!(took < Duration::from_secs(6), "took {took:?}");
    assert_eq!(outcome(&doc, "slow")["status"], "timeout");
    assert_eq!(outcome(&doc, "gh")["status"], "ok");
    assert_eq!(doc["repositories"][0]["name"], "demo");
}
