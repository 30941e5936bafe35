//! Contract tests: the exact requests git-multi sends are replayed against Stoplight Prism serving the official
//! API descriptions (`../shared/provider-specs/*.json`). Prism answers a request that violates the description
//! with 422 and logs `Violation: request…`; either fails the test.
//!
//! Prism comes from `GIT_MULTI_PRISM` (`.ci/run` installs it). Without it the tests are skipped locally and
//! fail under CI=true, so a missing server can never pass quietly.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::env::TestEnv;

pub(crate) const TOKEN: &str = "contract-test-token-0123456789";

pub(crate) struct Prism {
    child: Child,
    pub(crate) url: String,
    log: Arc<(Mutex<String>, Condvar)>,
}

impl Prism {
    /// `None` (skip) when Prism is not installed and we are not in CI.
    pub(crate) fn start(spec: &str, errors: bool) -> Option<Prism> {
        let in_ci = std::env::var("CI").as_deref() == Ok("true");
        let prism = std::env::var("GIT_MULTI_PRISM")
            .ok()
            .and_then(|p| crate::servers::find_executable(&p));
        let Some(prism) = prism else {
            assert!(!in_ci, "CI=true but GIT_MULTI_PRISM does not name the prism binary: the contract tests need Stoplight Prism (see .ci/run)");
            crate::servers::skipped(
                "contract tests",
                "prism not found (set GIT_MULTI_PRISM to the prism binary)",
            );
            return None;
        };
        let specs = std::env::var_os("GIT_MULTI_SPECS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/provider-specs")
            });
        let spec = specs.join(spec);
        if !spec.is_file() {
            assert!(
                !in_ci,
                "CI=true but the API description {} is missing (set GIT_MULTI_SPECS)",
                spec.display()
            );
            crate::servers::skipped(
                "contract tests",
                &format!(
                    "API description {} not found (set GIT_MULTI_SPECS to the provider-specs directory)",
                    spec.display()
                ),
            );
            return None;
        }
        // Prism picks no free port itself: take one from the kernel and hand it over.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut command = Command::new(&prism);
        command.args(["mock", "-h", "127.0.0.1", "-p", &port.to_string()]);
        if errors {
            command.arg("--errors");
        }
        command
            .arg(&spec)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", prism.display()));
        let log = Arc::new((Mutex::new(String::new()), Condvar::new()));
        let (ready_tx, ready_rx) = mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let log = Arc::clone(&log);
            let ready = ready_tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if line.contains("Prism is listening") {
                        let _ = ready.send(());
                    }
                    let (text, grown) = &*log;
                    let mut text = text.lock().unwrap();
                    text.push_str(&line);
                    text.push('\n');
                    grown.notify_all();
                }
            });
        }
        let prism = Prism {
            child,
            url: format!("http://127.0.0.1:{port}"),
            log,
        };
        if ready_rx.recv_timeout(Duration::from_secs(60)).is_err() {
            panic!("Prism did not start:\n{}", prism.text());
        }
        Some(prism)
    }

    pub(crate) fn text(&self) -> String {
        self.log.0.lock().unwrap().clone()
    }

    /// Waits until Prism has logged everything about the requests sent so far: a marker request goes last and
    /// its log line comes after every earlier one, because Prism handles and logs them in order.
    fn settle(&self) {
        let marker = format!("/git-multi-test-marker-{}", std::process::id());
        let raw = format!(
            "GET {marker} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.url.trim_start_matches("http://")
        );
        let mut stream =
            std::net::TcpStream::connect(self.url.trim_start_matches("http://")).unwrap();
        stream.write_all(raw.as_bytes()).unwrap();
        let _ = std::io::Read::read_to_end(&mut stream, &mut Vec::new());
        let (text, grown) = &*self.log;
        let text = text.lock().unwrap();
        let (text, waited) = grown
            .wait_timeout_while(text, Duration::from_secs(30), |t| !t.contains(&marker))
            .unwrap();
        drop(text);
        assert!(!waited.timed_out(), "Prism never logged the marker request");
    }

    /// Request violations Prism logged so far.
    pub(crate) fn violations(&self) -> Vec<String> {
        self.settle();
        self.text()
            .lines()
            .filter(|l| l.contains("Violation: request"))
            .map(str::to_string)
            .collect()
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        // Kill the process group we created (node may have helpers), then reap our child.
        crate::servers::kill_process_tree(self.child.id());
        let _ = self.child.wait();
    }
}

/// A test environment holding the token of `provider`, for a replay against Prism.
pub(crate) fn env_for(provider: &str) -> TestEnv {
    let mut env = TestEnv::new();
    env.set_env(
        &format!("GIT_MULTI_{}_TOKEN", provider.to_ascii_uppercase()),
        TOKEN,
    );
    // The descriptions' example Link / `next` values point at the real hosts; never page past the first answer.
    env.set_env("GIT_MULTI_API_MAX_PAGES", "1");
    env
}

/// Runs every API-using command against Prism serving `spec`, for remotes owned by `owners`. `known_gaps`:
/// commands whose requests the description cannot express, with the reason.
fn replay(
    spec: &str,
    errors: bool,
    provider: &str,
    owners: &[&str],
    known_gaps: &[(&str, &str)],
    org_create: &str,
) {
    let Some(prism) = Prism::start(spec, errors) else {
        return;
    };
    let env = env_for(provider);
    for (i, owner) in owners.iter().enumerate() {
        let path = format!("{owner}/demo");
        env.add_on_api(&format!("r{i}"), provider, &path, &prism.url, &[]);
    }
    let status = env.multi(["auth", "status", "--json"]);
    let create = env.multi(["create", "--description", "contract test", "--json"]);
    let add = crate::hosts::add_hook(&env, "hook-secret-value\n", &[]);
    let list = env.multi(["webhook", "list", "--json"]);
    // Remove a hook the mock really lists, so that the DELETE request is sent and checked too.
    let listed = serde_json::from_str::<serde_json::Value>(&list.stdout)
        .ok()
        .and_then(|doc| {
            doc["remotes"][0]["webhooks"][0]["url"]
                .as_str()
                .map(str::to_string)
        })
        .unwrap_or_else(|| panic!("{spec}: the mock lists no webhook:\n{}", list.stdout));
    let remove = env.multi(["webhook", "remove", &listed]);
    // Prism writes its log line on its own time: wait for it (bounded) rather than read it once.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !prism.text().contains("[HTTP SERVER] delete ") && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        prism.text().contains("[HTTP SERVER] delete "),
        "{spec}: no DELETE reached the mock:\n{}",
        prism.text()
    );
    let runs = vec![
        ("auth status", status),
        ("create", create),
        ("webhook add", add),
        ("webhook list", list),
        ("webhook remove", remove),
        ("branch protect", crate::hosts::protect_main(&env, "2")),
        (
            "branch protect again",
            env.multi(["branch", "protect", "main", "--no-force-push"]),
        ),
        // Under an organisation named on the command line (last: it repoints the members).
        (
            "create owner/name",
            env.multi(["create", "neworg/other", "--on", "r0", "--json"]),
        ),
    ];
    let violations = prism.violations();
    let log = prism.text();
    assert!(
        log.contains(&format!("[HTTP SERVER] post {org_create}")),
        "{spec}: `create neworg/other` did not ask for {org_create}:\n{log}"
    );
    for (label, run) in &runs {
        for secret in [TOKEN, "hook-secret-value"] {
            assert!(
                !run.stdout.contains(secret) && !run.stderr.contains(secret),
                "{label}"
            );
        }
        if let Some((_, why)) = known_gaps.iter().find(|(l, _)| l == label) {
            // The description cannot accept what the real host requires, so Prism answers 415.
            assert!(
                run.stdout.contains("HTTP 415"),
                "{spec} {label}: expected the documented gap ({why}):\n{}",
                run.stdout
            );
            continue;
        }
        // A host without the API skips it (Gogs has no branch protection); with nothing done anywhere the
        // command must not claim success.
        let skipped_everywhere = run.stdout.contains("(nothing was done on any remote)");
        assert_eq!(
            run.code,
            if skipped_everywhere { 1 } else { 0 },
            "{spec} {label}: command failed\n--- stdout\n{}\n--- stderr\n{}\n--- prism\n{log}",
            run.stdout,
            run.stderr
        );
    }
    assert!(
        violations.is_empty(),
        "{spec}: requests violate the API description:\n{}",
        violations.join("\n")
    );
}

#[test]
fn github_requests_follow_the_official_description() {
    // `octocat` is the login in the description's example: /user/repos for it, /orgs/<org>/repos for others.
    replay(
        "github.json",
        true,
        "github",
        &["octocat", "acme"],
        &[],
        "/orgs/neworg/repos",
    );
}

#[test]
fn gitea_requests_follow_the_official_description() {
    replay(
        "gitea.json",
        true,
        "gitea",
        &["acme"],
        &[],
        "/orgs/neworg/repos",
    );
}

#[test]
fn gogs_requests_follow_the_official_description() {
    replay(
        "gogs.json",
        true,
        "gogs",
        &["acme"],
        &[],
        "/org/neworg/repos",
    );
}

#[test]
fn bitbucket_requests_follow_the_official_description() {
    // Bitbucket's own examples violate its schema, so Prism runs without --errors (requests are still checked).
    replay(
        "bitbucket.json",
        false,
        "bitbucket",
        &["acme"],
        &[("webhook add", "POST /repositories/{workspace}/{repo_slug}/hooks declares no request body, though the API documents one in prose")],
        "/repositories/neworg/other",
    );
}

#[test]
fn a_request_that_violates_the_description_is_caught() {
    let Some(prism) = Prism::start("github.json", true) else {
        return;
    };
    // `name` is required by POST /user/repos.
    let body = r#"{"nam": "demo"}"#;
    let host = prism.url.trim_start_matches("http://").to_string();
    let raw = format!(
        "POST /user/repos HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut stream = std::net::TcpStream::connect(&host).unwrap();
    stream.write_all(raw.as_bytes()).unwrap();
    let mut answer = String::new();
    std::io::Read::read_to_string(&mut stream, &mut answer).unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 422") && answer.to_ascii_lowercase().contains("sl-violations"),
        "{answer}"
    );
    let violations = prism.violations();
    assert!(
        violations
            .iter()
            .any(|v| v.contains("required property 'name'")),
        "{violations:?}"
    );
}
