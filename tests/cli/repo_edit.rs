//! `repo edit` and `create --topics/--homepage` against in-process fake hosts: each host is read first and only
//! what differs is sent, in that host's terms (GitHub PATCH + PUT topics, GitLab PUT of the project, Bitbucket
//! PUT with `website`), a field a host has no place for is said, and a second run changes nothing.

use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

use crate::env::{outcome, TestEnv};
use crate::fake_api::{Answer, FakeApi, Seen};

const TOKEN: &str = "glpat-RepoEditTestToken0123456789";

/// A host whose repository object is `state`, changed by `apply(body, state)` on `write` requests to `path`.
fn stateful(
    initial: Value,
    routes: &'static [(&'static str, &'static str)],
    apply: fn(&str, &Value, &mut Value),
) -> FakeApi {
    let state = Arc::new(Mutex::new(initial));
    FakeApi::start(move |seen: &Seen, _| {
        let mut repo = state.lock().unwrap();
        let route = routes
            .iter()
            .find(|(m, p)| *m == seen.method && *p == seen.url);
        match route {
            Some(("GET", _)) => Answer::json(200, repo.clone()),
            Some(_) => {
                apply(&seen.url, &seen.json(), &mut repo);
                Answer::json(200, repo.clone())
            }
            None => Answer::json(404, json!({"message": "Not Found"})),
        }
    })
}

fn merge(_: &str, body: &Value, repo: &mut Value) {
    for (k, v) in body.as_object().unwrap() {
        repo[k] = v.clone();
    }
}

fn add(env: &TestEnv, name: &str, provider: &str, fake: &FakeApi) {
    env.add_on_api(name, provider, "alice/demo", &fake.url, &[]);
}

fn writes(fake: &FakeApi) -> Vec<(String, Value)> {
    fake.seen()
        .into_iter()
        .filter(|s| s.method != "GET")
        .map(|s| (s.line(), s.json()))
        .collect()
}

#[test]
fn repo_edit_changes_only_what_differs_on_each_host_and_then_nothing() {
    let mut env = TestEnv::new();
    for var in [
        "GIT_MULTI_GITHUB_TOKEN",
        "GIT_MULTI_GITLAB_TOKEN",
        "GIT_MULTI_BITBUCKET_TOKEN",
    ] {
        env.set_env(var, TOKEN);
    }
    let github = stateful(
        json!({"name": "demo", "description": "old", "homepage": "", "private": true, "topics": ["git"]}),
        &[
            ("GET", "/repos/alice/demo"),
            ("PATCH", "/repos/alice/demo"),
            ("PUT", "/repos/alice/demo/topics"),
        ],
        |url, body, repo| {
            if url.ends_with("/topics") {
                repo["topics"] = body["names"].clone();
            } else {
                merge(url, body, repo);
            }
        },
    );
    let gitlab = stateful(
        json!({"path": "demo", "description": "Sync tool", "visibility": "private", "topics": []}),
        &[
            ("GET", "/projects/alice%2Fdemo"),
            ("PUT", "/projects/alice%2Fdemo"),
        ],
        merge,
    );
    let bitbucket = stateful(
        json!({"slug": "demo", "description": "Sync tool", "website": null, "is_private": true}),
        &[
            ("GET", "/repositories/alice/demo"),
            ("PUT", "/repositories/alice/demo"),
        ],
        merge,
    );
    add(&env, "gh", "github", &github);
    add(&env, "gl", "gitlab", &gitlab);
    add(&env, "bb", "bitbucket", &bitbucket);

    let edit = [
        "repo",
        "edit",
        "--description",
        "Sync tool",
        "--homepage",
        "https://tool.example",
        "--topics",
        "Rust, git",
        "--public",
    ];
    let first = env.multi(edit).expect_code(0);
    first.assert_stdout_has("gh  ok  changed description, homepage, topics, visibility");
    first.assert_stdout_has("gl  ok  changed topics, visibility (homepage not kept by gitlab)");
    first.assert_stdout_has("bb  ok  changed homepage, visibility (topics not kept by bitbucket)");
    assert_eq!(
        writes(&github),
        [
            (
                "PATCH /repos/alice/demo".to_string(),
                json!({"description": "Sync tool", "homepage": "https://tool.example", "private": false})
            ),
            (
                "PUT /repos/alice/demo/topics".to_string(),
                json!({"names": ["git", "rust"]})
            ),
        ]
    );
    assert_eq!(
        writes(&gitlab),
        [(
            "PUT /projects/alice%2Fdemo".to_string(),
            json!({"topics": ["git", "rust"], "visibility": "public"})
        )]
    );
    assert_eq!(
        writes(&bitbucket),
        [(
            "PUT /repositories/alice/demo".to_string(),
            json!({"type": "repository", "website": "https://tool.example", "is_private": false})
        )]
    );

    let again = env
        .multi(edit.iter().copied().chain(["--json"]))
        .expect_code(0);
    let doc = again.json();
    for name in ["gh", "gl", "bb"] {
        assert_eq!(
            outcome(&doc, name)["status"],
            "up-to-date",
            "{}",
            again.stdout
        );
        assert_eq!(outcome(&doc, name)["changed"], json!([]));
    }
    assert_eq!(
        outcome(&doc, "gh")["meta"]["topics"],
        json!(["git", "rust"])
    );
    assert_eq!(writes(&github).len(), 2);
    assert_eq!(writes(&gitlab).len(), 1);
    assert_eq!(writes(&bitbucket).len(), 1);

    // Only --homepage on GitLab alone: nothing it can keep, so it is skipped, not "ok".
    let skipped = env
        .multi([
            "repo",
            "edit",
            "--homepage",
            "https://x.example",
            "--on",
            "gl",
        ])
        .expect_code(1);
    skipped.assert_stdout_has("gl  skipped");

    let nothing = env.multi(["repo", "edit"]).expect_code(2);
    nothing.assert_stderr_has("nothing to change");
    for run in [&first, &again] {
        run.assert_not_shown(TOKEN);
    }
}

#[test]
fn create_sets_topics_and_homepage_and_a_rerun_changes_nothing() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let bare = env.bare("demo.git");
    let clone_url = bare.to_str().unwrap().to_string();
    let state = Arc::new(Mutex::new(None::<Value>));
    let fake = FakeApi::start(move |seen: &Seen, _| {
        let mut repo = state.lock().unwrap();
        match (seen.method.as_str(), seen.url.as_str()) {
            ("GET", "/user") => Answer::json(200, json!({"login": "alice"})),
            ("POST", "/user/repos") if repo.is_some() => Answer::json(
                422,
                json!({"message": "Repository creation failed.", "errors": [{"message": "name already exists on this account"}]}),
            ),
            ("POST", "/user/repos") => {
                *repo = Some(
                    json!({"name": "demo", "owner": {"login": "alice"}, "clone_url": clone_url,
                    "default_branch": "main", "private": true, "description": "", "homepage": null, "topics": [],
                    "permissions": {"push": true}}),
                );
                Answer::json(201, repo.clone().unwrap())
            }
            ("GET", "/repos/alice/demo") if repo.is_some() => {
                Answer::json(200, repo.clone().unwrap())
            }
            ("PATCH", "/repos/alice/demo") => {
                merge("", &seen.json(), repo.as_mut().unwrap());
                Answer::json(200, repo.clone().unwrap())
            }
            ("PUT", "/repos/alice/demo/topics") => {
                repo.as_mut().unwrap()["topics"] = seen.json()["names"].clone();
                Answer::json(200, json!({"names": seen.json()["names"]}))
            }
            _ => Answer::json(404, json!({"message": "Not Found"})),
        }
    });
    add(&env, "gh", "github", &fake);
    let args = [
        "create",
        "--topics",
        "CLI,git",
        "--homepage",
        "https://tool.example",
    ];
    let first = env.multi(args).expect_code(0);
    assert!(
        first.stdout.contains("; set homepage, topics"),
        "{}",
        first.stdout
    );
    let writes_after_first = writes(&fake);
    assert!(writes_after_first.contains(&(
        "PUT /repos/alice/demo/topics".to_string(),
        json!({"names": ["cli", "git"]})
    )));
    assert!(writes_after_first.contains(&(
        "PATCH /repos/alice/demo".to_string(),
        json!({"homepage": "https://tool.example"})
    )));
    let again = env
        .multi(args.iter().copied().chain(["--json"]))
        .expect_code(0);
    let gh = outcome(&again.json(), "gh").clone();
    assert_eq!(gh["status"], "up-to-date", "{}", again.stdout);
    assert!(gh.get("settings").is_none(), "{gh}");
    // The second run only adopted: no write besides the refused create.
    assert_eq!(
        writes(&fake).len(),
        writes_after_first.len() + 1,
        "{:?}",
        fake.lines()
    );
}
