//! Contract tests for `repo edit`, `create --topics/--homepage` and `release create|list|delete`: their exact
//! requests replayed against Prism serving the official descriptions (`../shared/provider-specs/`), with zero
//! request violations. Skipped locally without Prism, failing under CI=true (see `contract.rs`).

use crate::contract::{Prism, TOKEN};
use crate::env::{Run, TestEnv};

/// One command of the replay, with the exit code it must end with.
struct Step {
    label: &'static str,
    run: Run,
    code: i32,
}

/// `gap`: a request violation the description forces (it cannot express what the host documents in prose),
/// as the text of Prism's violation line; every other violation fails the test.
fn replay(
    spec: &str,
    errors: bool,
    provider: &str,
    gap: Option<&str>,
    sent: &[&str],
    steps: fn(&TestEnv, &str) -> Vec<Step>,
) {
    let Some(prism) = Prism::start(spec, errors) else {
        return;
    };
    let env = crate::contract::env_for(provider);
    env.add_on_api("r0", provider, "acme/demo", &prism.url, &[]);
    // The tag check talks git to the remote: a local bare repository stands in for the host's git side.
    let bare = env.bare("r0.git");
    env.git(["remote", "set-url", "r0", bare.to_str().unwrap()]);
    env.git(["tag", "v1.0"]);
    // The tag of the descriptions' example release, so updates, asset replacement and deletion are sent too.
    env.git(["tag", "v1.0.0"]);
    std::fs::write(env.root.join("tool.tar.gz"), "build").unwrap();
    std::fs::write(env.root.join("example.zip"), "zip").unwrap();
    let runs = steps(&env, &env.root.display().to_string());
    let violations: Vec<String> = prism
        .violations()
        .into_iter()
        .filter(|v| gap.is_none_or(|gap| !v.contains(gap)))
        .collect();
    let log = prism.text();
    for step in &runs {
        step.run.assert_not_shown(TOKEN);
        assert_eq!(
            step.run.code, step.code,
            "{spec} {}:\n--- stdout\n{}\n--- stderr\n{}\n--- prism\n{log}",
            step.label, step.run.stdout, step.run.stderr
        );
    }
    // The requests that matter reached the mock (and so were checked), not only the reads before them.
    for request in sent {
        assert!(
            log.contains(&format!("[HTTP SERVER] {request}")),
            "{spec}: no `{request}` reached the mock:\n{log}"
        );
    }
    assert!(
        violations.is_empty(),
        "{spec}: requests violate the API description:\n{}",
        violations.join("\n")
    );
}

fn step(label: &'static str, code: i32, run: Run) -> Step {
    Step { label, run, code }
}

/// `repo edit` of the description, homepage, topics (where `topics`) and `visibility` (`--public`/`--private`).
fn edit(env: &TestEnv, topics: bool, visibility: &str) -> Step {
    let mut args = vec![
        "repo",
        "edit",
        "--description",
        "d",
        "--homepage",
        "https://x.example",
    ];
    if topics {
        args.extend(["--topics", "rust,git"]);
    }
    args.push(visibility);
    step("repo edit", 0, env.multi(args))
}

/// `release list`, ending with `code`.
fn list(env: &TestEnv, args: &[&str], code: i32) -> Step {
    let run = env.multi(["release", "list"].iter().chain(args));
    step("release list", code, run)
}

/// `release delete tag`, ending with `code`.
fn delete(env: &TestEnv, tag: &str, code: i32) -> Step {
    step(
        "release delete",
        code,
        env.multi(["release", "delete", tag]),
    )
}

/// `create` of an existing repository with topics and a homepage.
fn create_with_topics(env: &TestEnv) -> Step {
    step(
        "create --topics --homepage",
        0,
        env.multi([
            "create",
            "--topics",
            "a,b",
            "--homepage",
            "https://x.example",
        ]),
    )
}

/// What every host with releases and an edit API is asked.
fn full(env: &TestEnv, root: &str) -> Vec<Step> {
    let asset = format!("{root}/tool.tar.gz");
    let example = format!("{root}/example.zip");
    vec![
        edit(env, true, "--public"),
        step(
            "release create (new)",
            0,
            env.multi([
                "release", "create", "v1.0", "--title", "One", "--notes", "n", "--asset", &asset,
                "--push",
            ]),
        ),
        step(
            "release create (existing, clobber)",
            0,
            env.multi([
                "release",
                "create",
                "v1.0.0",
                "--notes",
                "changed",
                "--asset",
                &example,
                "--clobber",
                "--push",
            ]),
        ),
        list(env, &["--json"], 0),
        delete(env, "v1.0.0", 0),
        create_with_topics(env),
    ]
}

#[test]
fn github_release_and_edit_requests_follow_the_official_description() {
    replay(
        "github.json",
        true,
        "github",
        None,
        &[
            "patch /repos/acme/demo ",
            "put /repos/acme/demo/topics",
            "post /repos/acme/demo/releases ",
            "post /repos/acme/demo/releases/1/assets ",
            "patch /repos/acme/demo/releases/1 ",
            "delete /repos/acme/demo/releases/assets/1 ",
            "delete /repos/acme/demo/releases/1 ",
        ],
        full,
    );
}

#[test]
fn gitea_release_and_edit_requests_follow_the_official_description() {
    replay(
        "gitea.json",
        true,
        "gitea",
        None,
        &[
            "patch /repos/acme/demo ",
            "put /repos/acme/demo/topics",
            "post /repos/acme/demo/releases ",
            "post /repos/acme/demo/releases/",
            "delete /repos/acme/demo/releases/",
        ],
        |env, root| {
            // Gitea's description has no route to delete an attachment: no --clobber here.
            let asset = format!("{root}/tool.tar.gz");
            vec![
                edit(env, true, "--private"),
                step(
                    "release create",
                    0,
                    env.multi([
                        "release", "create", "v1.0", "--title", "One", "--notes", "n", "--asset",
                        &asset, "--draft", "--push",
                    ]),
                ),
                list(env, &["--json"], 0),
                delete(env, "string", 0),
                create_with_topics(env),
            ]
        },
    );
}

#[test]
fn bitbucket_downloads_and_edit_requests_follow_the_official_description() {
    // Bitbucket's own examples violate its schema, so Prism runs without --errors (requests are still checked).
    // POST …/downloads declares no request body at all, though Bitbucket documents a multipart form with the
    // files in `files`: Prism refuses the upload (400) and logs that one violation, which is the gap.
    replay(
        "bitbucket.json",
        false,
        "bitbucket",
        Some("No supported content types, but request included a non-empty body"),
        &[
            "put /repositories/acme/demo ",
            "get /repositories/acme/demo/downloads",
            "post /repositories/acme/demo/downloads",
        ],
        |env, root| {
            let asset = format!("{root}/tool.tar.gz");
            vec![
                edit(env, false, "--public"),
                step(
                    "release create (Downloads)",
                    1,
                    env.multi(["release", "create", "v1.0", "--asset", &asset]),
                ),
                // No releases to list or delete on Bitbucket: skipped everywhere, so nothing was done (exit 1).
                list(env, &[], 1),
                delete(env, "v1.0", 1),
            ]
        },
    );
}

#[test]
fn gogs_release_list_follows_the_official_description() {
    replay(
        "gogs.json",
        true,
        "gogs",
        None,
        &["get /repos/acme/demo/releases"],
        |env, _| {
            vec![
                list(env, &["--json"], 0),
                // Gogs can neither edit a repository nor make a release: skipped, nothing sent.
                step(
                    "repo edit",
                    1,
                    env.multi(["repo", "edit", "--description", "d"]),
                ),
                step(
                    "release create",
                    1,
                    env.multi(["release", "create", "v1.0", "--push"]),
                ),
            ]
        },
    );
}
