//! Host APIs through the real binary against in-process fakes: `create` (URL taken from the host, half
//! success, idempotent re-run), `remote add --provider` URL computation, `remote test`'s API check, `auth`
//! exit codes, and a known token that must appear in no output, no request URL and no config file.

use std::sync::{Arc, Mutex};

use serde_json::json;

use crate::env::{write_script, Run, TestEnv};
use crate::fake_api::{Answer, FakeApi, Seen};

pub const TOKEN: &str = "ghp_KnownTestToken0123456789abcdefXYZ";

/// A GitHub-like host that remembers which repositories exist; clone URLs point at local bare repositories
/// so git itself can use them afterwards.
pub fn github_fake(env: &TestEnv, fail_creates: bool) -> (FakeApi, Arc<Mutex<bool>>) {
    let bare = env.bare("alice-demo.git");
    let clone_url = bare.to_str().unwrap().to_string();
    let exists = Arc::new(Mutex::new(false));
    let state = Arc::clone(&exists);
    let fake = FakeApi::start(move |seen: &Seen, _| {
        let repo = json!({"name": "demo", "owner": {"login": "alice"}, "clone_url": clone_url, "ssh_url": "git@example.invalid:alice/demo.git",
            "html_url": "https://example.invalid/alice/demo", "default_branch": "main", "private": true, "permissions": {"push": true, "admin": true}});
        if seen.header("authorization") != Some(&format!("Bearer {TOKEN}")) {
            return Answer::json(401, json!({"message": "Bad credentials"}));
        }
        match (seen.method.as_str(), seen.url.as_str()) {
            ("GET", "/user") => Answer::json(200, json!({"login": "alice"}))
                .header("X-OAuth-Scopes", "repo, admin:repo_hook")
                .header("X-RateLimit-Remaining", "4999"),
            ("POST", "/user/repos") if fail_creates => {
                Answer::json(500, json!({"message": "Server Error"}))
            }
            ("POST", "/user/repos") => {
                let mut exists = state.lock().unwrap();
                if *exists {
                    Answer::json(
                        422,
                        json!({"message": "Repository creation failed.", "errors": [{"message": "name already exists on this account"}]}),
                    )
                } else {
                    *exists = true;
                    Answer::json(201, repo)
                }
            }
            ("GET", "/repos/alice/demo") if *state.lock().unwrap() => Answer::json(200, repo),
            ("PATCH", "/repos/alice/demo") => Answer::json(200, repo),
            _ => Answer::json(404, json!({"message": "Not Found"})),
        }
    });
    (fake, exists)
}

/// Puts `user`/`password` for the fake API's host into git's `store` credential helper, where `git credential
/// fill` (and so git-multi's token lookup) finds them.
fn store_api_credential(env: &TestEnv, fake: &FakeApi, user: &str, password: &str) {
    let store = env.root.join("credentials");
    let host = fake.url.trim_start_matches("http://");
    std::fs::write(&store, format!("http://{user}:{password}@{host}\n")).unwrap();
    env.git([
        "config",
        "credential.helper",
        &format!("store --file={}", store.display()),
    ]);
}

/// Adds member `name` for alice/demo on GitHub, with its API at the fake server.
pub fn add_github(env: &TestEnv, name: &str, fake: &FakeApi) {
    env.add_on_api(name, "github", "alice/demo", &fake.url, &[]);
}

/// `webhook add` of `https://ci.example/hook` for pushes and tags (then `extra`), `secret` given on stdin.
pub fn add_hook(env: &TestEnv, secret: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "webhook",
        "add",
        "https://ci.example/hook",
        "--events",
        "push,tag",
        "--secret-stdin",
    ];
    args.extend_from_slice(extra);
    env.multi_with_stdin(&args, secret)
}

/// `branch protect main` asking for `approvals` reviews and no force pushes.
pub fn protect_main(env: &TestEnv, approvals: &str) -> Run {
    env.multi([
        "branch",
        "protect",
        "main",
        "--require-review",
        "--min-approvals",
        approvals,
        "--no-force-push",
    ])
}

/// Panics when the known token shows up anywhere a user or another process could see it.
#[track_caller]
fn assert_no_token(env: &TestEnv, runs: &[&Run], fakes: &[&FakeApi]) {
    for run in runs {
        assert!(
            !run.stdout.contains(TOKEN) && !run.stderr.contains(TOKEN),
            "token leaked:\n{}\n{}",
            run.stdout,
            run.stderr
        );
    }
    assert!(
        !String::from_utf8_lossy(&env.config_bytes()).contains(TOKEN),
        "token in .git/config"
    );
    for fake in fakes {
        for seen in fake.seen() {
            assert!(
                !seen.url.contains(TOKEN) && !seen.body.contains(TOKEN),
                "token in request {}",
                seen.line()
            );
        }
    }
}

#[test]
fn create_uses_the_hosts_url_and_a_second_run_adopts() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let (fake, _) = github_fake(&env, false);
    add_github(&env, "gh", &fake);
    assert_eq!(
        env.read_config("remote.gh.url").unwrap(),
        format!("{}/alice/demo.git", fake.url)
    );

    let first = env
        .multi(["create", "--json", "--description", "demo repo"])
        .expect_code(0);
    let doc = first.json();
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["remotes"][0]["status"], "ok");
    assert_eq!(doc["remotes"][0]["created"], true);
    let bare = env.root.join("hosts/alice-demo.git");
    assert_eq!(
        env.read_config("remote.gh.url").unwrap(),
        bare.to_str().unwrap(),
        "the host's clone URL became the remote URL"
    );
    let post = fake.first("POST");
    assert_eq!(
        post.json(),
        json!({"name": "demo", "private": true, "description": "demo repo"})
    );

    // Second run: the host says it exists; it is checked and adopted, nothing changes.
    let before = env.config_bytes();
    let second = env.multi(["create"]).expect_code(0);
    second.assert_stdout_has("gh  up-to-date  already there, adopted");
    assert_eq!(env.config_bytes(), before);
    assert!(fake.lines().contains(&"GET /repos/alice/demo".to_string()));

    // git can now use the remote, and `remote test` reports the API side too.
    let test = env.multi(["remote", "test", "--json"]).expect_code(0);
    let api = &test.json()["remotes"][0]["api"];
    assert_eq!(
        (
            api["login"].clone(),
            api["can_admin"].clone(),
            api["rate_limit_remaining"].clone()
        ),
        (json!("alice"), json!(true), json!(4999))
    );
    assert_eq!(
        api["token_source"],
        json!({"type": "env", "name": "GIT_MULTI_GITHUB_TOKEN"})
    );

    let status = env.multi(["auth", "status", "--json"]).expect_code(0);
    let host = &status.json()["hosts"][0];
    assert_eq!(host["login"], "alice");
    assert_eq!(host["scopes"], json!(["repo", "admin:repo_hook"]));
    assert_no_token(&env, &[&first, &second, &test, &status], &[&fake]);
}

#[test]
fn half_success_is_reported_and_a_rerun_finishes() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let (good, _) = github_fake(&env, false);
    let (broken, _) = github_fake(&env, true);
    add_github(&env, "one", &good);
    add_github(&env, "two", &broken);
    let run = env.multi(["create", "--json"]).expect_code(1);
    let doc = run.json();
    assert_eq!(doc["remotes"][0]["status"], "ok");
    assert_eq!(doc["remotes"][1]["status"], "failed");
    assert!(
        doc["remotes"][1]["error"]
            .as_str()
            .unwrap()
            .contains("HTTP 500 (Server Error)"),
        "{doc}"
    );
    // 5xx is retried a bounded number of times.
    assert_eq!(
        broken
            .lines()
            .iter()
            .filter(|l| l.starts_with("POST"))
            .count(),
        3
    );

    // The broken host recovers; the same command finishes the job and leaves the first alone.
    drop(broken);
    let (fixed, _) = github_fake(&env, false);
    env.git(["config", "multi.two.apiUrl", &fixed.url]);
    let run = env.multi(["create", "--json"]).expect_code(0);
    let doc = run.json();
    assert_eq!(
        (
            doc["remotes"][0]["status"].clone(),
            doc["remotes"][1]["status"].clone()
        ),
        (json!("up-to-date"), json!("ok"))
    );
}

#[test]
fn missing_or_rejected_token_exits_4_with_a_hint() {
    let mut env = TestEnv::new();
    let (fake, _) = github_fake(&env, false);
    add_github(&env, "gh", &fake);
    let run = env.multi(["create"]).expect_code(4);
    run.assert_stdout_has("no token for this host");
    run.assert_stdout_has("hint: store a token with `git multi auth login 127.0.0.1:");
    assert!(fake.seen().is_empty(), "no request without a token");

    let run = env.multi(["auth", "status", "gh"]).expect_code(4);
    assert!(
        run.stdout.contains("none") && run.stderr.contains("git multi auth login"),
        "{}{}",
        run.stdout,
        run.stderr
    );

    env.set_env(
        "GIT_MULTI_GITHUB_TOKEN",
        "ghp_WrongToken000000000000000000000000",
    );
    let run = env.multi(["create"]).expect_code(4);
    run.assert_stdout_has("the token was rejected (Bad credentials)");
    run.assert_not_shown("ghp_WrongToken");
    let run = env.multi(["auth", "status", "--json", "gh"]).expect_code(4);
    assert_eq!(run.json()["hosts"][0]["valid"], false);
}

#[test]
fn login_refuses_a_rejected_token_and_never_echoes_it() {
    let env = TestEnv::new();
    let (fake, _) = github_fake(&env, false);
    add_github(&env, "gh", &fake);
    let run = env
        .multi_with_stdin(
            &["auth", "login", "gh", "--with-token"],
            "ghp_RejectedToken111111111111111111111\n",
        )
        .expect_code(4);
    assert!(
        run.stderr.contains("the token was rejected") && run.stderr.contains("nothing was stored"),
        "{}",
        run.stderr
    );
    run.assert_not_shown("ghp_RejectedToken");
    // Without --with-token and without a terminal there is nobody to ask.
    let run = env.multi(["auth", "login", "gh"]).expect_code(2);
    run.assert_stderr_has("--with-token");
}

#[test]
fn login_without_a_keyring_says_so_and_offers_other_sources() {
    // The hermetic environment has no D-Bus session, so no Secret Service.
    let env = TestEnv::new();
    let run = env
        .multi_with_stdin(
            &["auth", "login", "git.example.test", "--with-token"],
            &format!("{TOKEN}\n"),
        )
        .expect_code(1);
    run.assert_stderr_has("could not store the token in the OS keyring");
    run.assert_stderr_has("git credential approve");
    run.assert_not_shown(TOKEN);
}

#[test]
fn usual_token_variables_are_for_the_public_host_only() {
    let mut env = TestEnv::new();
    let (fake, _) = github_fake(&env, false);
    add_github(&env, "gh", &fake);
    env.set_env("GH_TOKEN", TOKEN);
    env.set_env("GITHUB_TOKEN", TOKEN);
    let run = env.multi(["auth", "status", "--json"]).expect_code(4);
    assert_eq!(run.json()["hosts"][0]["source"], json!(null));
    assert!(
        !format!("{:?}", fake.seen()).contains(TOKEN),
        "a github.com token variable reached another host"
    );
}

#[test]
fn members_on_one_host_share_one_token_lookup() {
    let env = TestEnv::new();
    let (fake, _) = github_fake(&env, false);
    add_github(&env, "one", &fake);
    add_github(&env, "two", &fake);
    let calls = env.root.join("helper-calls");
    env.git([
        "config",
        "credential.helper",
        &format!(
            "!f() {{ echo \"$1\" >> '{}'; echo username=token; echo password={TOKEN}; }}; f",
            calls.display()
        ),
    ]);
    let run = env
        .multi(["branch", "protect", "main", "--dry-run", "--json"])
        .expect_code(0);
    assert_eq!(run.json()["remotes"].as_array().unwrap().len(), 2);
    assert_eq!(std::fs::read_to_string(&calls).unwrap(), "get\n");
}

#[test]
fn git_credential_helpers_are_a_token_source() {
    let mut env = TestEnv::new();
    let (fake, _) = github_fake(&env, false);
    add_github(&env, "gh", &fake);
    store_api_credential(&env, &fake, "token", TOKEN);
    env.set_env("GIT_MULTI_UNUSED", "1");
    let run = env.multi(["auth", "status", "--json"]).expect_code(0);
    let doc = run.json();
    assert_eq!(doc["hosts"][0]["source"], json!({"type": "git-credential"}));
    assert_eq!(doc["hosts"][0]["login"], "alice");
    assert_no_token(&env, &[&run], &[&fake]);
}

#[test]
fn remote_add_computes_the_url_from_the_provider() {
    let env = TestEnv::new();
    env.multi([
        "remote",
        "add",
        "gl",
        "--provider",
        "gitlab",
        "--owner",
        "group/sub",
        "--repo",
        "tool",
    ])
    .expect_code(0);
    assert_eq!(
        env.read_config("remote.gl.url").unwrap(),
        "https://gitlab.com/group/sub/tool.git"
    );
    assert_eq!(env.read_config("multi.gl.owner").unwrap(), "group/sub");
    env.multi([
        "remote",
        "add",
        "cb",
        "--provider",
        "codeberg",
        "--owner",
        "alice",
        "--ssh",
    ])
    .expect_code(0);
    assert_eq!(
        env.read_config("remote.cb.url").unwrap(),
        "git@codeberg.org:alice/work.git"
    );
    env.multi([
        "remote",
        "add",
        "bb",
        "--provider",
        "bitbucket",
        "--owner",
        "team",
        "--repo",
        "r",
    ])
    .expect_code(0);
    assert_eq!(
        env.read_config("remote.bb.url").unwrap(),
        "https://bitbucket.org/team/r.git"
    );
    env.multi([
        "remote",
        "add",
        "ghe",
        "--provider",
        "github",
        "--owner",
        "o",
        "--repo",
        "r",
        "--api-url",
        "https://ghe.corp/api/v3",
    ])
    .expect_code(0);
    assert_eq!(
        env.read_config("remote.ghe.url").unwrap(),
        "https://ghe.corp/o/r.git"
    );

    let run = env
        .multi(["remote", "add", "x", "--provider", "gogs", "--owner", "a"])
        .expect_code(2);
    run.assert_stderr_has("--api-url");
    let run = env
        .multi([
            "remote",
            "add",
            "x",
            "--provider",
            "github",
            "--owner",
            "a b",
        ])
        .expect_code(2);
    run.assert_stderr_has("invalid --owner");
    // No owner and no token: exit 4, naming both ways out.
    let run = env
        .multi(["remote", "add", "x", "--provider", "github"])
        .expect_code(4);
    assert!(
        run.stderr.contains("git multi auth login") && run.stderr.contains("--owner"),
        "{}",
        run.stderr
    );
}

pub type Hooks = Arc<Mutex<Vec<serde_json::Value>>>;

/// A GitHub/Gogs-shaped host that keeps webhooks in memory.
pub fn hook_fake() -> (FakeApi, Hooks) {
    let hooks: Hooks = Arc::default();
    let store = Arc::clone(&hooks);
    let fake = FakeApi::start(move |seen: &Seen, _| {
        let mut hooks = store.lock().unwrap();
        match (seen.method.as_str(), seen.url.split('?').next().unwrap()) {
            ("GET", "/repos/alice/demo/hooks") => Answer::json(200, json!(*hooks)),
            ("POST", "/repos/alice/demo/hooks") => {
                let mut hook = seen.json();
                hook["id"] = json!(hooks.len() + 1);
                hooks.push(hook.clone());
                Answer::json(201, hook)
            }
            ("DELETE", path) if path.starts_with("/repos/alice/demo/hooks/") => {
                hooks.clear();
                Answer::raw(204, "")
            }
            ("PUT", "/repos/alice/demo/branches/main/protection") => Answer::json(200, json!({})),
            _ => Answer::json(404, json!({"message": "Not Found"})),
        }
    });
    (fake, hooks)
}

#[test]
fn webhooks_and_protection_across_hosts() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    env.set_env("GIT_MULTI_GOGS_TOKEN", TOKEN);
    let (fake, hooks) = hook_fake();
    let (gogs, gogs_hooks) = hook_fake();
    add_github(&env, "gh", &fake);
    env.add_on_api("gogs", "gogs", "alice/demo", &gogs.url, &[]);

    let run = add_hook(&env, "s3cret-hook-value\n", &["--json"]).expect_code(0);
    run.assert_not_shown("s3cret-hook-value");
    let created = hooks.lock().unwrap().clone();
    assert_eq!(created[0]["config"]["secret"], "s3cret-hook-value");
    assert_eq!(created[0]["events"], json!(["push", "create"]));
    assert_eq!(created[0]["name"], "web");
    assert_eq!(gogs_hooks.lock().unwrap()[0]["type"], "gogs");
    // Adding again is a no-op per host.
    let run = env
        .multi(["webhook", "add", "https://ci.example/hook"])
        .expect_code(0);
    run.assert_stdout_has("2 up-to-date");
    let run = env.multi(["webhook", "list", "--json"]).expect_code(0);
    assert_eq!(
        run.json()["remotes"][0]["webhooks"][0]["url"],
        "https://ci.example/hook"
    );
    env.multi(["webhook", "remove", "https://ci.example/hook"])
        .expect_code(0);
    assert!(hooks.lock().unwrap().is_empty());

    let run = protect_main(&env, "2").expect_code(0);
    assert!(
        run.stdout.contains("gogs  skipped")
            && run.stdout.contains("Gogs has no branch protection API"),
        "{}",
        run.stdout
    );
    let put = fake.first("PUT");
    assert_eq!(
        put.json()["required_pull_request_reviews"]["required_approving_review_count"],
        2
    );
    assert_eq!(put.json()["allow_force_pushes"], false);
    let before = fake.seen().len();
    let run = env
        .multi(["branch", "protect", "main", "--dry-run"])
        .expect_code(0);
    run.assert_stdout_has("dry-run");
    assert_eq!(fake.seen().len(), before, "a dry run sends nothing");
}

#[test]
fn bitbucket_create_uses_workspace_project_key_and_the_https_link() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_BITBUCKET_TOKEN", TOKEN);
    let fake = FakeApi::start(
        |seen: &Seen, _| match (seen.method.as_str(), seen.url.as_str()) {
            ("GET", "/user") => Answer::json(200, json!({"nickname": "alice", "account_id": "1"})),
            // Bitbucket answers 200, not 201, for a new repository.
            ("POST", "/repositories/team/demo") => Answer::json(
                200,
                json!({"slug": "demo", "full_name": "team/demo", "is_private": true, "mainbranch": {"name": "main"},
                "links": {"clone": [{"name": "https", "href": "https://alice@bitbucket.example/team/demo.git"}, {"name": "ssh", "href": "git@bitbucket.example:team/demo.git"}]}}),
            ),
            _ => Answer::json(
                404,
                json!({"type": "error", "error": {"message": "not found"}}),
            ),
        },
    );
    env.add_on_api(
        "bb",
        "bitbucket",
        "team/demo",
        &fake.url,
        &["--project", "PRJ"],
    );
    let run = env.multi(["create", "--public"]).expect_code(0);
    run.assert_stdout_has("bb  ok  created https://bitbucket.example/team/demo.git");
    let post = fake.first("POST");
    assert_eq!(
        post.json(),
        json!({"type": "repository", "scm": "git", "is_private": false, "project": {"type": "project", "key": "PRJ"}})
    );
    // The account name Bitbucket puts into its https link is dropped, so git's credential helper decides.
    assert_eq!(
        env.read_config("remote.bb.url").unwrap(),
        "https://bitbucket.example/team/demo.git"
    );
}

#[test]
fn the_token_never_reaches_a_git_command_line() {
    let mut env = TestEnv::new();
    // A `git` first on PATH that logs every argument vector, then runs the real git.
    let real_git = std::process::Command::new("sh")
        .args(["-c", "command -v git"])
        .output()
        .unwrap();
    let real_git = String::from_utf8(real_git.stdout)
        .unwrap()
        .trim()
        .to_string();
    let bin = env.root.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = env.root.join("argv.log");
    let wrapper = bin.join("git");
    write_script(
        &wrapper,
        &format!(
            "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\nexec '{real_git}' \"$@\"\n",
            log.display()
        ),
    );
    env.set_env(
        "PATH",
        &format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
    );

    let (fake, _) = github_fake(&env, false);
    add_github(&env, "gh", &fake);
    // The token comes from a credential helper, so git-multi has to talk to git about it.
    store_api_credential(&env, &fake, "token", TOKEN);
    let runs = [
        env.multi(["create"]).expect_code(0),
        env.multi(["remote", "test"]).expect_code(0),
        env.multi(["auth", "status"]).expect_code(0),
    ];
    let argv = std::fs::read_to_string(&log).unwrap();
    assert!(
        argv.contains("credential fill"),
        "the helper path was used:\n{argv}"
    );
    assert!(
        !argv.contains(TOKEN),
        "token in a git command line:\n{argv}"
    );
    assert_no_token(&env, &runs.iter().collect::<Vec<_>>(), &[&fake]);
}

#[test]
fn gitlab_create_in_a_group_then_adopts_on_400_taken() {
    let mut env = TestEnv::new();
    // GITLAB_TOKEN is the gitlab.com token: a self-hosted server gets ours, never that one.
    env.set_env("GITLAB_TOKEN", GITLAB_COM_TOKEN);
    env.set_env("GIT_MULTI_GITLAB_TOKEN", TOKEN);
    let bare = env.bare("group-demo.git");
    let clone_url = bare.to_str().unwrap().to_string();
    let created = Arc::new(Mutex::new(false));
    let state = Arc::clone(&created);
    let fake = FakeApi::start(move |seen: &Seen, _| {
        let project = json!({"path": "demo", "namespace": {"full_path": "group/sub"}, "http_url_to_repo": clone_url, "ssh_url_to_repo": "git@gl.example:group/sub/demo.git",
            "default_branch": "main", "visibility": "private", "permissions": {"project_access": null, "group_access": {"access_level": 40}}});
        if seen.header("private-token") != Some(TOKEN) {
            return Answer::json(401, json!({"message": "401 Unauthorized"}));
        }
        let mut created = state.lock().unwrap();
        match (seen.method.as_str(), seen.url.as_str()) {
            ("GET", "/user") => Answer::json(200, json!({"username": "alice"}))
                .header("RateLimit-Remaining", "1999"),
            ("GET", "/personal_access_tokens/self") => {
                Answer::json(200, json!({"scopes": ["api"]}))
            }
            ("GET", "/namespaces/group%2Fsub") => {
                Answer::json(200, json!({"id": 42, "full_path": "group/sub"}))
            }
            ("POST", "/projects") if *created => Answer::json(
                400,
                json!({"message": {"name": ["has already been taken"], "path": ["has already been taken"]}}),
            ),
            ("POST", "/projects") => {
                *created = true;
                Answer::json(201, project)
            }
            ("GET", "/projects/group%2Fsub%2Fdemo") if *created => Answer::json(200, project),
            _ => Answer::json(404, json!({"message": "404 Project Not Found"})),
        }
    });
    env.add_on_api("gl", "gitlab", "group/sub/demo", &fake.url, &[]);
    env.multi(["create"]).expect_code(0);
    let post = fake.first("POST");
    assert_eq!(post.json()["namespace_id"], 42);
    assert_eq!(post.json()["visibility"], "private");
    assert_eq!(
        env.read_config("remote.gl.url").unwrap(),
        bare.to_str().unwrap()
    );
    let again = env.multi(["create", "--json"]).expect_code(0);
    assert_eq!(again.json()["remotes"][0]["status"], "up-to-date");
    let test = env.multi(["remote", "test", "--json"]).expect_code(0);
    let api = &test.json()["remotes"][0]["api"];
    assert_eq!(
        (
            api["can_push"].clone(),
            api["can_admin"].clone(),
            api["rate_limit_remaining"].clone()
        ),
        (json!(true), json!(true), json!(1999))
    );
    assert!(
        !fake
            .lines()
            .iter()
            .any(|l| l.contains("personal_access_tokens")),
        "only `auth status` shows scopes: {:?}",
        fake.lines()
    );
    let status = env.multi(["auth", "status", "--json"]).expect_code(0);
    assert_eq!(
        status.json()["hosts"][0]["source"],
        json!({"type": "env", "name": "GIT_MULTI_GITLAB_TOKEN"})
    );
    assert_eq!(status.json()["hosts"][0]["scopes"], json!(["api"]));
    assert!(
        !format!("{:?}", fake.seen()).contains(GITLAB_COM_TOKEN),
        "the gitlab.com token reached a self-hosted server"
    );
}

const GITLAB_COM_TOKEN: &str = "glpat-for-gitlab-com-only-000000";

#[test]
fn remote_test_fails_only_for_a_rejected_api_token() {
    let mut env = TestEnv::new();
    let (fake, exists) = github_fake(&env, false);
    *exists.lock().unwrap() = true;
    add_github(&env, "gh", &fake);
    let bare = env.root.join("hosts/alice-demo.git");
    env.git(["remote", "set-url", "gh", bare.to_str().unwrap()]);

    // A password from a git credential helper may be the git password, not an API token: noted, not failed.
    store_api_credential(&env, &fake, "alice", "git-password-123");
    let run = env.multi(["remote", "test", "--json"]).expect_code(0);
    let api = &run.json()["remotes"][0]["api"];
    assert!(
        api["problem"]
            .as_str()
            .unwrap()
            .contains("the token was rejected"),
        "{api}"
    );

    // A token given for the API that the host rejects fails the remote, with the login hint.
    env.set_env(
        "GIT_MULTI_GITHUB_TOKEN",
        "ghp_WrongToken000000000000000000000000",
    );
    let run = env.multi(["remote", "test"]).expect_code(4);
    assert!(
        run.stdout.contains("the token was rejected")
            && run.stdout.contains("git multi auth login"),
        "{}",
        run.stdout
    );
}

#[test]
fn bitbucket_protect_updates_a_restriction_whose_value_changed() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_BITBUCKET_TOKEN", TOKEN);
    let restrictions: Arc<Mutex<Vec<serde_json::Value>>> = Arc::default();
    let store = Arc::clone(&restrictions);
    let fake = FakeApi::start(move |seen: &Seen, _| {
        let mut all = store.lock().unwrap();
        let base = "/repositories/team/demo/branch-restrictions";
        match (seen.method.as_str(), seen.url.split('?').next().unwrap()) {
            ("GET", path) if path == base => Answer::json(200, json!({"values": *all})),
            ("POST", path) if path == base => {
                let mut restriction = seen.json();
                restriction["id"] = json!(all.len() + 1);
                all.push(restriction.clone());
                Answer::json(201, restriction)
            }
            ("PUT", path) if path.starts_with(&format!("{base}/")) => {
                let id: u64 = path.rsplit('/').next().unwrap().parse().unwrap();
                let Some(at) = all.iter().position(|r| r["id"] == id) else {
                    return Answer::json(
                        404,
                        json!({"type": "error", "error": {"message": "no such restriction"}}),
                    );
                };
                let mut restriction = seen.json();
                restriction["id"] = json!(id);
                all[at] = restriction.clone();
                Answer::json(200, restriction)
            }
            _ => Answer::json(
                404,
                json!({"type": "error", "error": {"message": "not found"}}),
            ),
        }
    });
    env.add_on_api("bb", "bitbucket", "team/demo", &fake.url, &[]);
    let protect = |approvals: &str| protect_main(&env, approvals).expect_code(0);
    protect("1");
    assert_eq!(restrictions.lock().unwrap().len(), 2);
    let before = fake.seen().len();
    protect("3");
    let second: Vec<Seen> = fake.seen().split_off(before);
    let puts: Vec<&Seen> = second.iter().filter(|s| s.method == "PUT").collect();
    assert_eq!(
        puts.len(),
        1,
        "{:?}",
        second.iter().map(Seen::line).collect::<Vec<_>>()
    );
    let approvals = restrictions
        .lock()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "require_approvals_to_merge")
        .cloned()
        .unwrap();
    assert_eq!(
        puts[0].url,
        format!(
            "/repositories/team/demo/branch-restrictions/{}",
            approvals["id"]
        )
    );
    assert_eq!(puts[0].json()["value"], 3);
    assert_eq!(puts[0].json()["kind"], "require_approvals_to_merge");
    assert!(
        !second.iter().any(|s| s.method == "POST"),
        "nothing added twice"
    );
    assert_eq!(approvals["value"], 3);

    // The same rule again changes nothing.
    let before = fake.seen().len();
    protect("3");
    assert!(
        fake.seen()[before..].iter().all(|s| s.method == "GET"),
        "{:?}",
        fake.lines()
    );
}
