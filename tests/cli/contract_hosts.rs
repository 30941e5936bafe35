//! Contract tests for the host inventory commands (`org list`, `org repos`, `stats`, `ci status`): every request
//! they send is replayed against Stoplight Prism serving the official API descriptions, with zero violations.
//!
//! A user's own repositories are asked for only after the organisation route answers 404, which the mock never
//! does: a small relay in front of Prism answers 404 for `/orgs/…` and hands everything else to Prism, so the
//! user routes (`/user/repos`, `/users/<name>/repos`) are checked too.

use serde_json::Value;

use crate::contract::{Prism, TOKEN};
use crate::env::outcome;
use crate::fake_api::{Answer, FakeApi, Seen};

/// A commit id in the descriptions' own example shape; given in full so it is not looked up locally.
const SHA: &str = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

/// Hands `seen` to Prism and its answer back (GET only: these commands only read).
fn relay(prism_url: &str, seen: &Seen) -> Answer {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut request = agent.get(format!("{prism_url}{}", seen.url));
    for name in ["authorization", "accept"] {
        if let Some(value) = seen.header(name) {
            request = request.header(name, value);
        }
    }
    let mut response = request.call().expect("prism answers");
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().unwrap_or_default();
    Answer::raw(status, &body).header("Content-Type", "application/json")
}

/// Runs every inventory command against `spec`; `user` is a login the relay's `/user` answer does not name, so
/// `org repos <user>` asks for another user's repositories, while the member's own owner is the token's login.
fn replay(spec: &str, errors: bool, provider: &str, expect_ci: bool) {
    let Some(prism) = Prism::start(spec, errors) else {
        return;
    };
    let prism_url = prism.url.clone();
    let relay_host = FakeApi::start(move |seen, _| {
        if seen.url.starts_with("/orgs/") {
            Answer::json(404, serde_json::json!({"message": "Not Found"}))
        } else {
            relay(&prism_url, seen)
        }
    });
    let env = crate::contract::env_for(provider);
    for (name, url) in [("direct", &prism.url), ("relayed", &relay_host.url)] {
        env.add_on_api(name, provider, "acme/demo", url, &[]);
    }
    let runs = vec![
        (
            "org list",
            env.multi(["org", "list", "--json", "--on", "direct"]),
        ),
        ("org repos", env.multi(["org", "repos", "--json"])),
        (
            "org repos <user>",
            env.multi(["org", "repos", "someone-else", "--json", "--on", "relayed"]),
        ),
        ("stats", env.multi(["stats", "--json", "--on", "direct"])),
        (
            "ci status",
            env.multi(["ci", "status", SHA, "--json", "--on", "direct"]),
        ),
    ];
    let violations = prism.violations();
    let log = prism.text();
    for (label, run) in &runs {
        run.assert_not_shown(TOKEN);
        let doc: Value = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("{spec} {label}: {e}\n{}\n{}", run.stdout, run.stderr));
        for remote in doc["remotes"].as_array().unwrap() {
            let expected = if *label == "ci status" && !expect_ci {
                "skipped"
            } else {
                "ok"
            };
            assert_eq!(
                remote["status"], expected,
                "{spec} {label}: {remote}\n--- stderr\n{}\n--- prism\n{log}",
                run.stderr
            );
        }
        if *label != "ci status" {
            assert_eq!(run.code, 0, "{spec} {label}: {}", run.stdout);
        }
    }
    let ci = serde_json::from_str::<Value>(&runs[4].1.stdout).unwrap();
    if expect_ci {
        assert!(outcome(&ci, "direct")["state"].is_string(), "{ci}");
    }
    // The relayed run took the user routes (Bitbucket has workspaces only).
    assert!(
        provider == "bitbucket"
            || relay_host
                .lines()
                .iter()
                .any(|l| l.contains("/users/someone-else/")),
        "{spec}: {:?}",
        relay_host.lines()
    );
    assert!(
        violations.is_empty(),
        "{spec}: requests violate the API description:\n{}",
        violations.join("\n")
    );
}

#[test]
fn github_inventory_requests_follow_the_official_description() {
    replay("github.json", true, "github", true);
}

#[test]
fn gitea_inventory_requests_follow_the_official_description() {
    replay("gitea.json", true, "gitea", true);
}

#[test]
fn gogs_inventory_requests_follow_the_official_description() {
    replay("gogs.json", true, "gogs", false);
}

#[test]
fn bitbucket_inventory_requests_follow_the_official_description() {
    // Bitbucket's own examples violate its schema, so Prism runs without --errors (requests are still checked).
    replay("bitbucket.json", false, "bitbucket", true);
}
