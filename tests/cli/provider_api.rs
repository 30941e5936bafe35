//! Behaviour of every provider's API client, driven through the library, against the in-test fake host: success, already-exists, 401/403, 404, 429
//! with Retry-After, 5xx then success, pagination over several pages, malformed JSON.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::json;

use git_multi::provider::*;

use crate::fake_api::{Answer, FakeApi};

const TOKEN: &str = "tok-provider-test-123456";

/// Every provider with its API root on the fake, the answers its host gives, and how it presents the token.
struct Host {
    kind: ProviderKind,
    /// Body of a repository object in this host's shape.
    repo: serde_json::Value,
    /// Status and body of "already exists".
    exists: (u16, serde_json::Value),
    auth_header: (&'static str, String),
}

fn hosts() -> Vec<Host> {
    let github_repo = json!({"name": "demo", "owner": {"login": "alice"}, "clone_url": "https://h/alice/demo.git", "ssh_url": "git@h:alice/demo.git", "default_branch": "main", "private": true, "permissions": {"push": true, "admin": true}});
    vec![
        Host {
            kind: ProviderKind::Github,
            repo: github_repo.clone(),
            exists: (
                422,
                json!({"message": "Repository creation failed.", "errors": [{"message": "name already exists on this account"}]}),
            ),
            auth_header: ("authorization", format!("Bearer {TOKEN}")),
        },
        Host {
            kind: ProviderKind::Gitlab,
            repo: json!({"path": "demo", "namespace": {"full_path": "alice"}, "http_url_to_repo": "https://h/alice/demo.git", "ssh_url_to_repo": "git@h:alice/demo.git", "default_branch": "main", "visibility": "private", "permissions": {"project_access": {"access_level": 40}}}),
            exists: (
                400,
                json!({"message": {"name": ["has already been taken"], "path": ["has already been taken"]}}),
            ),
            auth_header: ("private-token", TOKEN.to_string()),
        },
        Host {
            kind: ProviderKind::Gitea,
            repo: github_repo.clone(),
            exists: (
                409,
                json!({"message": "The repository with the same name already exists."}),
            ),
            auth_header: ("authorization", format!("token {TOKEN}")),
        },
        Host {
            kind: ProviderKind::Forgejo,
            repo: github_repo.clone(),
            exists: (409, json!({"message": "already exists"})),
            auth_header: ("authorization", format!("token {TOKEN}")),
        },
        Host {
            kind: ProviderKind::Gogs,
            repo: github_repo,
            exists: (422, json!({"message": "repository already exists"})),
            auth_header: ("authorization", format!("token {TOKEN}")),
        },
        Host {
            kind: ProviderKind::Bitbucket,
            repo: json!({"slug": "demo", "full_name": "alice/demo", "is_private": true, "mainbranch": {"name": "main"}, "links": {"clone": [{"name": "https", "href": "https://alice@h/alice/demo.git"}, {"name": "ssh", "href": "git@h:alice/demo.git"}]}}),
            exists: (
                400,
                json!({"type": "error", "error": {"message": "Repository with this Slug and Owner already exists."}}),
            ),
            auth_header: ("authorization", format!("Bearer {TOKEN}")),
        },
    ]
}

fn new_repo() -> NewRepo {
    NewRepo {
        owner: None,
        name: "demo".into(),
        private: true,
        description: Some("d".into()),
        default_branch: Some("main".into()),
        project: None,
    }
}

fn client(kind: ProviderKind, fake: &FakeApi) -> Box<dyn Provider> {
    connect(kind, &fake.url, Some(TOKEN.to_string()), None).unwrap()
}

#[test]
fn creates_and_reads_back_a_repository() {
    for host in hosts() {
        let status = if host.kind == ProviderKind::Bitbucket {
            200
        } else {
            201
        };
        let body = host.repo.clone();
        let fake = FakeApi::start(move |_, _| Answer::json(status, body.clone()));
        let api = client(host.kind, &fake);
        let Created::New(info) = api
            .repositories()
            .create_repo(&new_repo(), "alice")
            .unwrap()
        else {
            panic!("{}: not created", host.kind)
        };
        assert_eq!(
            info.https_url.as_deref(),
            Some("https://h/alice/demo.git"),
            "{}",
            host.kind
        );
        assert_eq!(info.ssh_url.as_deref(), Some("git@h:alice/demo.git"));
        assert_eq!(info.default_branch.as_deref(), Some("main"));
        let seen = &fake.seen()[0];
        assert_eq!(seen.method, "POST");
        assert_eq!(
            seen.header(host.auth_header.0),
            Some(host.auth_header.1.as_str()),
            "{}",
            host.kind
        );
        assert!(seen.header("user-agent").unwrap().starts_with("git-multi/"));
        assert!(!seen.url.contains(TOKEN));
        let expected = match host.kind {
            ProviderKind::Gitlab => "/projects",
            ProviderKind::Bitbucket => "/repositories/alice/demo",
            _ => "/user/repos",
        };
        assert_eq!(seen.url, expected, "{}", host.kind);
    }
}

#[test]
fn organisations_and_groups_get_their_own_routes() {
    let fake = FakeApi::start(|seen, _| match seen.url.as_str() {
        "/namespaces/team%2Fsub" => Answer::json(200, json!({"id": 77, "full_path": "team/sub"})),
        _ => Answer::json(201, json!({"path": "demo"})),
    });
    let new = NewRepo {
        owner: Some("team/sub".into()),
        ..new_repo()
    };
    client(ProviderKind::Gitlab, &fake)
        .repositories()
        .create_repo(&new, "alice")
        .unwrap();
    assert_eq!(fake.seen()[1].json()["namespace_id"], 77);
    let new = NewRepo {
        owner: Some("org".into()),
        ..new_repo()
    };
    for (kind, path) in [
        (ProviderKind::Github, "/orgs/org/repos"),
        (ProviderKind::Gitea, "/orgs/org/repos"),
        (ProviderKind::Gogs, "/org/org/repos"),
    ] {
        let fake = FakeApi::start(|_, _| Answer::json(201, json!({})));
        client(kind, &fake)
            .repositories()
            .create_repo(&new, "alice")
            .unwrap();
        assert_eq!(fake.seen()[0].url, path, "{kind}");
    }
}

#[test]
fn already_exists_is_recognised() {
    for host in hosts() {
        let (status, body) = host.exists.clone();
        let fake = FakeApi::start(move |_, _| Answer::json(status, body.clone()));
        assert!(
            matches!(
                client(host.kind, &fake)
                    .repositories()
                    .create_repo(&new_repo(), "alice")
                    .unwrap(),
                Created::AlreadyExists
            ),
            "{}",
            host.kind
        );
    }
}

#[test]
fn unauthorized_forbidden_and_not_found() {
    for host in hosts() {
        let fake = FakeApi::start(|seen, _| match seen.url.as_str() {
            "/user" => Answer::json(401, json!({"message": "Bad credentials"})),
            _ if seen.method == "POST" => Answer::json(
                403,
                json!({"message": "Resource not accessible by integration"}),
            ),
            _ => Answer::json(404, json!({"message": "Not Found"})),
        });
        let api = client(host.kind, &fake);
        let err = api.repositories().whoami().unwrap_err();
        assert!(err.is_auth(), "{}: {err}", host.kind);
        assert!(
            err.to_string().contains("the token was rejected")
                && err.to_string().contains("Bad credentials"),
            "{err}"
        );
        assert!(err.hint().unwrap().contains("git multi auth login"));
        let err = api
            .repositories()
            .create_repo(&new_repo(), "alice")
            .unwrap_err();
        assert!(
            matches!(err, ApiError::Forbidden { .. }),
            "{}: {err}",
            host.kind
        );
        assert!(api.repositories().repo("alice", "demo").unwrap().is_none());
        let err = api
            .webhooks()
            .unwrap()
            .remove_webhook("alice", "demo", "1")
            .unwrap_err();
        assert!(matches!(err, ApiError::NotFound { .. }), "{err}");
        assert!(!err.to_string().contains(TOKEN));
    }
}

#[test]
fn retries_429_and_5xx_then_succeeds() {
    for host in hosts() {
        let body = host.repo.clone();
        let fake = FakeApi::start(move |_, index| match index {
            0 => Answer::json(429, json!({"message": "slow down"})).header("Retry-After", "0"),
            1 => Answer::raw(502, "<html>bad gateway</html>"),
            _ => Answer::json(200, body.clone()),
        });
        let info = client(host.kind, &fake)
            .repositories()
            .repo("alice", "demo")
            .unwrap()
            .unwrap();
        assert_eq!(info.default_branch.as_deref(), Some("main"));
        assert_eq!(fake.seen().len(), 3, "{}", host.kind);
    }
}

#[test]
fn honours_retry_after_and_gives_up_after_bounded_attempts() {
    let fake = FakeApi::start(|_, index| match index {
        0 => Answer::json(429, json!({})).header("Retry-After", "1"),
        _ => Answer::json(200, json!({"login": "alice"})),
    });
    let started = Instant::now();
    client(ProviderKind::Github, &fake)
        .repositories()
        .whoami()
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );

    let fake = FakeApi::start(|_, _| {
        Answer::json(503, json!({"message": "maintenance"})).header("Retry-After", "0")
    });
    let err = client(ProviderKind::Gitea, &fake)
        .repositories()
        .whoami()
        .unwrap_err();
    assert_eq!(fake.seen().len(), 3);
    assert!(
        err.to_string().contains("HTTP 503") && err.to_string().contains("maintenance"),
        "{err}"
    );

    // GitHub's exhausted rate limit is a 403 with remaining 0; a reset far away is an error, not a long sleep.
    let fake = FakeApi::start(|_, _| {
        Answer::json(403, json!({"message": "API rate limit exceeded"}))
            .header("x-ratelimit-remaining", "0")
            .header("x-ratelimit-reset", "4000000000")
    });
    let err = client(ProviderKind::Github, &fake)
        .repositories()
        .whoami()
        .unwrap_err();
    assert!(matches!(err, ApiError::RateLimited { .. }), "{err}");
    assert_eq!(fake.seen().len(), 1);
}

#[test]
fn follows_every_hosts_pagination() {
    for kind in [
        ProviderKind::Github,
        ProviderKind::Gitea,
        ProviderKind::Gogs,
        ProviderKind::Gitlab,
        ProviderKind::Bitbucket,
    ] {
        let fake = FakeApi::start(move |seen, _| {
            let query = seen.url.split_once('?').map_or("", |(_, q)| q);
            let page: u32 = query
                .split('&')
                .find_map(|p| p.strip_prefix("page="))
                .and_then(|p| p.parse().ok())
                .unwrap_or(1);
            let hook = |n: u32| match kind {
                ProviderKind::Gitlab => {
                    json!({"id": n, "url": format!("https://ci/{n}"), "push_events": true})
                }
                ProviderKind::Bitbucket => {
                    json!({"uuid": format!("{{{n}}}"), "url": format!("https://ci/{n}"), "events": ["repo:push"]})
                }
                _ => {
                    json!({"id": n, "config": {"url": format!("https://ci/{n}")}, "events": ["push"]})
                }
            };
            let items = vec![hook(page * 2 - 1), hook(page * 2)];
            let path = seen.url.split('?').next().unwrap().to_string();
            match kind {
                ProviderKind::Bitbucket => {
                    let next = (page < 3).then(|| {
                        format!(
                            "http://{}{path}?page={}",
                            seen.header("host").unwrap(),
                            page + 1
                        )
                    });
                    Answer::json(200, json!({"values": items, "next": next}))
                }
                ProviderKind::Gitlab => Answer::json(200, json!(items)).header(
                    "x-next-page",
                    &if page < 3 {
                        (page + 1).to_string()
                    } else {
                        String::new()
                    },
                ),
                _ => {
                    let answer = Answer::json(200, json!(items));
                    if page < 3 {
                        answer.header(
                            "Link",
                            &format!(
                                "<http://{}{path}?page={}>; rel=\"next\"",
                                seen.header("host").unwrap(),
                                page + 1
                            ),
                        )
                    } else {
                        answer
                    }
                }
            }
        });
        let hooks = client(kind, &fake)
            .webhooks()
            .unwrap()
            .webhooks("alice", "demo")
            .unwrap();
        let urls: Vec<&str> = hooks.iter().map(|h| h.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://ci/1",
                "https://ci/2",
                "https://ci/3",
                "https://ci/4",
                "https://ci/5",
                "https://ci/6"
            ],
            "{kind}"
        );
        assert_eq!(fake.seen().len(), 3);
    }
}

#[test]
fn never_follows_a_next_link_to_another_host() {
    let fake = FakeApi::start(|_, _| {
        Answer::json(200, json!([]))
            .header("Link", "<https://evil.example/steal?page=2>; rel=\"next\"")
    });
    let err = client(ProviderKind::Github, &fake)
        .webhooks()
        .unwrap()
        .webhooks("a", "b")
        .unwrap_err();
    assert!(err.to_string().contains("another host"), "{err}");
    assert_eq!(fake.seen().len(), 1);
}

#[test]
fn redirects_keep_the_token_on_the_host() {
    for host in hosts() {
        // Same host: followed, token and all (a renamed repository answers 301).
        let body = host.repo.clone();
        let fake = FakeApi::start(move |seen, _| {
            if seen.url == "/moved" {
                Answer::json(200, body.clone())
            } else {
                Answer::json(301, json!({})).header("Location", "/moved")
            }
        });
        let found = client(host.kind, &fake)
            .repositories()
            .repo("alice", "demo")
            .unwrap();
        assert!(found.is_some(), "{}", host.kind);
        let seen = fake.seen();
        assert_eq!(seen.len(), 2, "{}", host.kind);
        assert_eq!(
            seen[1].header(host.auth_header.0),
            Some(host.auth_header.1.as_str()),
            "{}",
            host.kind
        );

        // Another host: refused before anything is sent there.
        let elsewhere = FakeApi::start(|_, _| Answer::json(200, json!({})));
        let target = format!("{}/steal", elsewhere.url);
        let fake =
            FakeApi::start(move |_, _| Answer::json(302, json!({})).header("Location", &target));
        let err = client(host.kind, &fake)
            .repositories()
            .repo("alice", "demo")
            .unwrap_err();
        assert!(
            err.to_string().contains("another host"),
            "{}: {err}",
            host.kind
        );
        assert!(elsewhere.seen().is_empty(), "{}", host.kind);
    }
}

#[test]
fn malformed_json_is_a_clear_error() {
    for host in hosts() {
        let fake = FakeApi::start(|_, _| Answer::raw(200, "{\"login\": "));
        let err = client(host.kind, &fake)
            .repositories()
            .whoami()
            .unwrap_err();
        assert!(
            matches!(err, ApiError::Malformed { .. }),
            "{}: {err}",
            host.kind
        );
        assert!(err.to_string().contains("not the JSON expected"), "{err}");
    }
}

#[test]
fn gogs_has_no_branch_protection_and_no_default_branch_api() {
    let fake = FakeApi::start(|_, _| Answer::json(200, json!({})));
    let api = client(ProviderKind::Gogs, &fake);
    assert!(api.protection().is_none());
    assert!(api.default_branch().is_none());
    assert!(api.webhooks().is_some());
    let err = api.lacks(Capability::Protection);
    assert!(err.is_unsupported(), "{err}");
    assert!(
        err.to_string()
            .ends_with(": Gogs has no branch protection API; set it in the web UI"),
        "{err}"
    );
    assert!(fake.seen().is_empty());
    for kind in [
        ProviderKind::Github,
        ProviderKind::Gitlab,
        ProviderKind::Gitea,
        ProviderKind::Forgejo,
        ProviderKind::Bitbucket,
    ] {
        let api = client(kind, &fake);
        assert!(
            api.protection().is_some() && api.default_branch().is_some(),
            "{kind}"
        );
    }
}

#[test]
fn a_deadline_bounds_every_request_and_every_wait() {
    let within = |fake: &FakeApi, budget: Duration| {
        connect(
            ProviderKind::Github,
            &fake.url,
            Some(TOKEN.to_string()),
            Some(Deadline::start(budget)),
        )
        .unwrap()
    };
    // A host that never answers: the request ends when the budget does, as a timeout naming the budget.
    let hung = FakeApi::never_answering();
    let started = Instant::now();
    let err = within(&hung, Duration::from_secs(1))
        .repositories()
        .whoami()
        .unwrap_err();
    let took = started.elapsed();
    assert!(matches!(err, ApiError::Timeout { .. }), "{err}");
    assert!(
        err.to_string().ends_with("no answer within 1s; stopped"),
        "{err}"
    );
    assert!(
        took >= Duration::from_secs(1) && took < Duration::from_secs(3),
        "{took:?}"
    );
    assert_eq!(hung.seen().len(), 1, "no retry once the budget is spent");

    // A host asking to wait longer than the budget has left gets its answer reported, not a sleep.
    let busy = FakeApi::start(|_, _| {
        Answer::json(429, json!({"message": "slow down"})).header("Retry-After", "30")
    });
    let started = Instant::now();
    let err = within(&busy, Duration::from_secs(5))
        .repositories()
        .whoami()
        .unwrap_err();
    assert!(matches!(err, ApiError::RateLimited { .. }), "{err}");
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(busy.seen().len(), 1);

    // A spent budget sends nothing at all.
    let idle = FakeApi::start(|_, _| Answer::json(200, json!({"login": "alice"})));
    let err = within(&idle, Duration::ZERO)
        .repositories()
        .whoami()
        .unwrap_err();
    assert!(matches!(err, ApiError::Timeout { .. }), "{err}");
    assert!(idle.seen().is_empty());
}

#[test]
fn connection_refused_names_the_host() {
    let url = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
    };
    let err = connect(ProviderKind::Gitea, &url, None, None)
        .unwrap()
        .repositories()
        .whoami()
        .unwrap_err();
    assert!(matches!(err, ApiError::Network { .. }), "{err}");
    assert!(err.to_string().starts_with("127.0.0.1:"), "{err}");
}

#[test]
fn a_colon_in_a_token_means_basic_auth_on_bitbucket_only() {
    // A Bitbucket app password is `user:app-password`; a GitHub token with a `:` in it is still a token.
    let token = "alice:app-password-123";
    for (kind, expected) in [
        (ProviderKind::Github, format!("Bearer {token}")),
        (
            ProviderKind::Bitbucket,
            "Basic YWxpY2U6YXBwLXBhc3N3b3JkLTEyMw==".to_string(),
        ),
    ] {
        let fake = FakeApi::start(|_, _| Answer::json(200, json!({"login": "alice"})));
        let _ = connect(kind, &fake.url, Some(token.to_string()), None)
            .unwrap()
            .repositories()
            .whoami();
        assert_eq!(
            fake.seen()[0].header("authorization"),
            Some(expected.as_str()),
            "{kind}"
        );
    }
}
/// How the fake GitLab answers `PATCH /projects/:id/protected_branches/:name`.
#[derive(Clone, Copy, PartialEq)]
enum Patch {
    /// Applies `allow_force_push` and the `allowed_to_*` records, as GitLab Premium does.
    Apply,
    /// Applies `allow_force_push` only: Free servers ignore the Premium-only `allowed_to_*` arrays.
    IgnoreLevels,
    /// A server error on every attempt.
    Fail,
    /// Servers older than the update endpoint.
    Missing,
}

type Rule = Arc<Mutex<Option<serde_json::Value>>>;

const PROTECTED_MAIN: &str = "/projects/alice%2Fdemo/protected_branches/main";

/// A GitLab project whose protection rule for `main` lives in memory. The first `failing_posts` creates fail.
fn gitlab_protection(
    existing: Option<serde_json::Value>,
    patch: Patch,
    failing_posts: usize,
) -> (FakeApi, Rule) {
    let rule: Rule = Arc::new(Mutex::new(existing));
    let state = Arc::clone(&rule);
    let posts = Arc::new(Mutex::new(0usize));
    let fake = FakeApi::start(move |seen, _| {
        let mut rule = state.lock().unwrap();
        match (seen.method.as_str(), seen.url.as_str()) {
            ("GET", PROTECTED_MAIN) => match &*rule {
                Some(r) => Answer::json(200, r.clone()),
                None => Answer::json(404, json!({"message": "404 Not found"})),
            },
            ("DELETE", PROTECTED_MAIN) => match rule.take() {
                Some(_) => Answer::raw(204, ""),
                None => Answer::json(404, json!({"message": "404 Not found"})),
            },
            ("PATCH", PROTECTED_MAIN) => {
                let Some(r) = rule.as_mut() else {
                    return Answer::json(404, json!({"message": "404 Not found"}));
                };
                match patch {
                    Patch::Fail => {
                        return Answer::json(500, json!({"message": "500 Internal Server Error"}))
                            .header("Retry-After", "0")
                    }
                    Patch::Missing => {
                        return Answer::json(405, json!({"error": "405 Not Allowed"}))
                    }
                    Patch::Apply | Patch::IgnoreLevels => {}
                }
                let body = seen.json();
                if let Some(force) = body.get("allow_force_push") {
                    r["allow_force_push"] = force.clone();
                }
                if patch == Patch::Apply {
                    for (given, field) in [
                        ("allowed_to_push", "push_access_levels"),
                        ("allowed_to_merge", "merge_access_levels"),
                    ] {
                        for change in body[given].as_array().cloned().unwrap_or_default() {
                            let levels = r[field].as_array_mut().unwrap();
                            match change.get("id") {
                                Some(id) if change.get("_destroy") == Some(&json!(true)) => {
                                    levels.retain(|l| &l["id"] != id)
                                }
                                Some(id) => {
                                    for l in levels.iter_mut().filter(|l| &l["id"] == id) {
                                        l["access_level"] = change["access_level"].clone();
                                    }
                                }
                                None => levels.push(json!({"id": 900 + levels.len(), "access_level": change["access_level"]})),
                            }
                        }
                    }
                }
                Answer::json(200, r.clone())
            }
            ("POST", "/projects/alice%2Fdemo/protected_branches") => {
                let mut count = posts.lock().unwrap();
                *count += 1;
                if rule.is_some() {
                    return Answer::json(
                        409,
                        json!({"message": "Protected branch 'main' already exists"}),
                    );
                }
                if *count <= failing_posts {
                    return Answer::json(400, json!({"message": "push_access_level is invalid"}));
                }
                let body = seen.json();
                let created = json!({
                    "id": 7,
                    "name": body["name"],
                    "push_access_levels": [{"id": 71, "access_level": body["push_access_level"]}],
                    "merge_access_levels": [{"id": 72, "access_level": body["merge_access_level"]}],
                    "allow_force_push": body["allow_force_push"],
                });
                *rule = Some(created.clone());
                Answer::json(201, created)
            }
            ("PUT", "/projects/alice%2Fdemo") => Answer::json(200, json!({})),
            _ => Answer::json(404, json!({"message": "404 Not found"})),
        }
    });
    (fake, rule)
}

/// Developers may merge, maintainers push, force pushes allowed.
fn loose_rule() -> serde_json::Value {
    json!({
        "id": 1,
        "name": "main",
        "push_access_levels": [{"id": 11, "access_level": 40, "access_level_description": "Maintainers"}],
        "merge_access_levels": [{"id": 12, "access_level": 30, "access_level_description": "Developers + Maintainers"}],
        "allow_force_push": true,
    })
}

fn strict() -> ProtectionRule {
    ProtectionRule {
        branch: "main".into(),
        require_review: true,
        min_approvals: 2,
        no_force_push: true,
    }
}

/// `(push, merge, allow_force_push)` of a rule in the fake.
fn levels(rule: &Rule) -> Option<(serde_json::Value, serde_json::Value, serde_json::Value)> {
    rule.lock().unwrap().as_ref().map(|r| {
        (
            r["push_access_levels"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["access_level"].clone())
                .collect(),
            r["merge_access_levels"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["access_level"].clone())
                .collect(),
            r["allow_force_push"].clone(),
        )
    })
}

/// Protects `main` with [`strict`] on the fake GitLab `fake`.
fn protect_strictly(fake: &FakeApi) -> Result<(), ApiError> {
    client(ProviderKind::Gitlab, fake)
        .protection()
        .unwrap()
        .protect_branch("alice", "demo", &strict())
}

/// What [`levels`] reads of a rule that is [`strict`]: pushes and merges by maintainers, no force push.
fn strict_levels() -> Option<(serde_json::Value, serde_json::Value, serde_json::Value)> {
    Some((json!([40]), json!([40]), json!(false)))
}

#[test]
fn gitlab_updates_an_existing_rule_in_place() {
    let (fake, rule) = gitlab_protection(Some(loose_rule()), Patch::Apply, 0);
    protect_strictly(&fake).unwrap();
    let lines = fake.lines();
    assert!(
        !lines.iter().any(|l| l.starts_with("DELETE")),
        "deleted first: {lines:?}"
    );
    let patch = fake.first("PATCH");
    assert_eq!(patch.json()["allow_force_push"], false);
    assert_eq!(
        patch.json()["allowed_to_merge"],
        json!([{"id": 12, "access_level": 40}])
    );
    assert_eq!(patch.json().get("allowed_to_push"), None, "push was right");
    assert_eq!(levels(&rule), strict_levels());
    assert!(lines.contains(&"PUT /projects/alice%2Fdemo".to_string()));
}

#[test]
fn gitlab_a_failing_update_leaves_the_old_rule() {
    let (fake, rule) = gitlab_protection(Some(loose_rule()), Patch::Fail, 0);
    let err = protect_strictly(&fake).unwrap_err();
    assert!(err.to_string().contains("HTTP 500"), "{err}");
    let lines = fake.lines();
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("DELETE") || l.starts_with("POST")),
        "{lines:?}"
    );
    assert_eq!(*rule.lock().unwrap(), Some(loose_rule()));
}

#[test]
fn gitlab_creates_a_missing_rule_without_deleting_anything() {
    let (fake, rule) = gitlab_protection(None, Patch::Apply, 0);
    protect_strictly(&fake).unwrap();
    let lines = fake.lines();
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("DELETE") || l.starts_with("PATCH")),
        "{lines:?}"
    );
    assert_eq!(levels(&rule), strict_levels());
}

#[test]
fn gitlab_replaces_only_what_it_cannot_update_and_restores_the_old_rule_on_failure() {
    // A server without the update endpoint: replaced, and the new rule is in place.
    let (fake, rule) = gitlab_protection(Some(loose_rule()), Patch::Missing, 0);
    protect_strictly(&fake).unwrap();
    assert_eq!(levels(&rule), strict_levels());

    // A Free server that takes `allow_force_push` but ignores the access-level records: replaced too.
    let (fake, rule) = gitlab_protection(Some(loose_rule()), Patch::IgnoreLevels, 0);
    protect_strictly(&fake).unwrap();
    assert_eq!(levels(&rule), strict_levels());

    // Creating the replacement fails: the old rule is put back, and the failure is still reported.
    let (fake, rule) = gitlab_protection(Some(loose_rule()), Patch::Missing, 1);
    let err = protect_strictly(&fake).unwrap_err();
    assert!(
        err.to_string().contains("push_access_level is invalid"),
        "{err}"
    );
    assert_eq!(
        levels(&rule),
        Some((json!([40]), json!([30]), json!(true))),
        "{:?}",
        fake.lines()
    );
}

#[test]
fn gitlab_asks_for_the_token_scopes_only_when_asked() {
    let fake = FakeApi::start(|seen, _| match seen.url.as_str() {
        "/user" => Answer::json(200, json!({"username": "alice"})),
        _ => Answer::json(200, json!({"scopes": ["api"]})),
    });
    let api = client(ProviderKind::Gitlab, &fake);
    let me = api.repositories().whoami().unwrap();
    assert_eq!((me.login.as_str(), me.scopes), ("alice", None));
    assert_eq!(fake.lines(), ["GET /user"]);
    let me = api.repositories().whoami_with_scopes().unwrap();
    assert_eq!(me.scopes, Some(vec!["api".to_string()]));
    assert_eq!(
        fake.lines()[1..],
        ["GET /user", "GET /personal_access_tokens/self"]
    );
}
