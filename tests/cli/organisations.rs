//! `create <owner>/<name>` and `create --org <org> <name>`: the repository is made under the organisation,
//! group or workspace on every kind of host, its name never carries a slash, and the member points at it.

use serde_json::json;

use crate::env::TestEnv;
use crate::fake_api::{Answer, FakeApi, Seen};

/// A host of `kind` whose account is `alice`: it answers the account, an organisation's creation (recorded)
/// and, for GitLab, the group lookup; every repository it makes lives at `https://forge.example/<owner>/<name>.git`.
fn forge(kind: &'static str) -> FakeApi {
    FakeApi::start(move |seen: &Seen, _| {
        let body = seen.json();
        let repo = |owner: &str, name: &str| {
            let url = format!("https://forge.example/{owner}/{name}.git");
            match kind {
                "gitlab" => {
                    json!({"path": name, "namespace": {"full_path": owner}, "http_url_to_repo": url,
                    "ssh_url_to_repo": format!("git@forge.example:{owner}/{name}.git"), "default_branch": "main"})
                }
                "bitbucket" => {
                    json!({"slug": name, "full_name": format!("{owner}/{name}"), "mainbranch": {"name": "main"},
                    "links": {"clone": [{"name": "https", "href": url}]}})
                }
                _ => json!({"name": name, "owner": {"login": owner}, "clone_url": url,
                    "ssh_url": format!("git@forge.example:{owner}/{name}.git"), "default_branch": "main",
                    "permissions": {"push": true, "admin": true}}),
            }
        };
        let name = body["name"].as_str().unwrap_or("").to_string();
        match (seen.method.as_str(), seen.url.as_str()) {
            ("GET", "/user") => Answer::json(
                200,
                json!({"login": "alice", "username": "alice", "nickname": "alice", "account_id": "1"}),
            ),
            ("GET", "/namespaces/my%2Fgroup") => Answer::json(200, json!({"id": 7})),
            ("GET", "/namespaces/myorg") => Answer::json(200, json!({"id": 42})),
            ("POST", "/projects") => {
                let owner = match body["namespace_id"].as_u64() {
                    Some(42) => "myorg",
                    Some(7) => "my/group",
                    _ => "alice",
                };
                Answer::json(201, repo(owner, &name))
            }
            ("POST", "/orgs/myorg/repos") | ("POST", "/org/myorg/repos") => {
                Answer::json(201, repo("myorg", &name))
            }
            ("POST", "/repositories/myorg/other") => Answer::json(200, repo("myorg", "other")),
            _ => Answer::json(404, json!({"message": "Not Found"})),
        }
    })
}

fn member(env: &TestEnv, kind: &str, fake: &FakeApi) {
    env.add_on_api("host", kind, "alice/app", &fake.url, &[]);
}

fn token_env(kind: &str) -> String {
    format!("GIT_MULTI_{}_TOKEN", kind.to_ascii_uppercase())
}

#[test]
fn owner_slash_name_creates_under_the_organisation_on_every_kind_of_host() {
    for (kind, path) in [
        ("github", "/orgs/myorg/repos"),
        ("gitea", "/orgs/myorg/repos"),
        ("forgejo", "/orgs/myorg/repos"),
        ("gogs", "/org/myorg/repos"),
        ("gitlab", "/projects"),
        ("bitbucket", "/repositories/myorg/other"),
    ] {
        for form in [
            &["create", "myorg/other"][..],
            &["create", "--org", "myorg", "other"],
        ] {
            let mut env = TestEnv::new();
            env.set_env(&token_env(kind), "tok-0123456789");
            let fake = forge(kind);
            member(&env, kind, &fake);
            let run = env.multi(form).expect_code(0);
            let post = fake
                .seen()
                .into_iter()
                .find(|s| s.method == "POST")
                .unwrap_or_else(|| panic!("{kind} {form:?}: no POST\n{}", run.stdout));
            assert_eq!(post.url, path, "{kind} {form:?}");
            match kind {
                // Bitbucket names the repository in the path, GitLab finds the group's number first.
                "bitbucket" => {}
                "gitlab" => {
                    assert_eq!(post.json()["namespace_id"], 42, "{kind}");
                    assert_eq!(post.json()["path"], "other", "{kind}");
                }
                _ => assert_eq!(post.json()["name"], "other", "{kind} {form:?}"),
            }
            assert_eq!(
                env.read_config("remote.host.url").as_deref(),
                Some("https://forge.example/myorg/other.git"),
                "{kind} {form:?}"
            );
            assert_eq!(
                env.read_config("multi.host.owner").as_deref(),
                Some("myorg")
            );
            assert_eq!(env.read_config("multi.host.repo").as_deref(), Some("other"));
        }
    }
}

#[test]
fn a_gitlab_subgroup_is_the_owner_before_the_last_slash() {
    let mut env = TestEnv::new();
    env.set_env(&token_env("gitlab"), "tok-0123456789");
    let fake = forge("gitlab");
    member(&env, "gitlab", &fake);
    env.multi(["create", "my/group/other"]).expect_code(0);
    assert!(fake
        .lines()
        .contains(&"GET /namespaces/my%2Fgroup".to_string()));
    assert_eq!(
        env.read_config("remote.host.url").as_deref(),
        Some("https://forge.example/my/group/other.git")
    );
}

#[test]
fn a_name_with_a_slash_or_two_owners_is_refused_before_any_request() {
    let mut env = TestEnv::new();
    env.set_env(&token_env("github"), "tok-0123456789");
    let fake = forge("github");
    member(&env, "github", &fake);
    let before = env.config_bytes();
    for args in [
        &["create", "myorg/"][..],
        &["create", "/other"],
        &["create", "my org/other"],
        &["create", "a b"],
        &["create", "myorg/other", "--org", "elsewhere"],
        &["create", "--org", "bad org", "other"],
    ] {
        let run = env.multi(args).expect_code(2);
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(fake.seen().is_empty(), "{:?}", fake.lines());
    assert_eq!(env.config_bytes(), before);
}
