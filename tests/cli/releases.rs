//! `release create|list|delete` through the real binary against in-process fake hosts: the tag must be on the
//! remote (or `--push` puts it there), an existing release is updated only where it differs, an asset of the
//! same name is kept unless `--clobber`, each host's own place for files (GitHub upload, GitLab generic package
//! + release link, Bitbucket Downloads), hosts that cannot (GitLab drafts, Gogs) are skipped, a 429 is retried.

use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

use crate::env::{outcome, TestEnv};
use crate::fake_api::{Answer, FakeApi, Seen};

const TOKEN: &str = "ghp_ReleaseTestToken0123456789abcdef";

/// A GitHub that keeps releases in memory (id 1 for the first one, assets from 10).
fn github_fake() -> FakeApi {
    let releases: Arc<Mutex<Vec<Value>>> = Arc::default();
    FakeApi::start(move |seen: &Seen, _| {
        if seen.header("authorization") != Some(&format!("Bearer {TOKEN}")) {
            return Answer::json(401, json!({"message": "Bad credentials"}));
        }
        let mut all = releases.lock().unwrap();
        let (path, query) = seen.url.split_once('?').unwrap_or((&seen.url, ""));
        match (seen.method.as_str(), path) {
            ("GET", "/repos/alice/demo/releases") => Answer::json(200, Value::Array(all.clone())),
            ("POST", "/repos/alice/demo/releases") => {
                let body = seen.json();
                let release = json!({"id": 1, "tag_name": body["tag_name"], "name": body["name"], "body": body["body"],
                    "draft": body["draft"], "prerelease": body["prerelease"],
                    "html_url": "https://example.invalid/alice/demo/releases/v1.0", "assets": []});
                all.push(release.clone());
                Answer::json(201, release)
            }
            ("PATCH", "/repos/alice/demo/releases/1") => {
                let body = seen.json();
                let release = &mut all[0];
                for key in ["name", "body", "draft", "prerelease"] {
                    if !body[key].is_null() {
                        release[key] = body[key].clone();
                    }
                }
                Answer::json(200, release.clone())
            }
            ("DELETE", "/repos/alice/demo/releases/1") => {
                all.clear();
                Answer::raw(204, "")
            }
            ("POST", "/repos/alice/demo/releases/1/assets") => {
                let name = query.trim_start_matches("name=").to_string();
                let assets = all[0]["assets"].as_array_mut().unwrap();
                let id = 10 + assets.len();
                let asset = json!({"id": id, "name": name, "size": seen.body.len(), "browser_download_url": format!("https://example.invalid/{name}")});
                assets.push(asset.clone());
                Answer::json(201, asset)
            }
            ("DELETE", p) if p.starts_with("/repos/alice/demo/releases/assets/") => {
                let id: u64 = p.rsplit('/').next().unwrap().parse().unwrap();
                all[0]["assets"]
                    .as_array_mut()
                    .unwrap()
                    .retain(|a| a["id"] != json!(id));
                Answer::raw(204, "")
            }
            _ => Answer::json(404, json!({"message": "Not Found"})),
        }
    })
}

/// Adds member `name` of `provider` for alice/demo with its API at `fake`, its git URL a local bare repository.
fn add_member(env: &TestEnv, name: &str, provider: &str, fake: &FakeApi) {
    env.add_on_api(name, provider, "alice/demo", &fake.url, &[]);
    let bare = env.bare(&format!("{name}.git"));
    env.git(["remote", "set-url", name, bare.to_str().unwrap()]);
}

fn writes(fake: &FakeApi) -> Vec<String> {
    fake.lines()
        .into_iter()
        .filter(|l| !l.starts_with("GET "))
        .collect()
}

#[test]
fn a_release_needs_its_tag_then_is_created_updated_and_deleted_idempotently() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let fake = github_fake();
    add_member(&env, "gh", "github", &fake);
    env.git(["tag", "v1.0"]);
    std::fs::write(env.root.join("tool.tar.gz"), "first build").unwrap();
    let asset = env.root.join("tool.tar.gz");
    let asset = asset.to_str().unwrap();
    let create = |extra: &[&str]| {
        let mut args = vec![
            "release", "create", "v1.0", "--title", "One", "--notes", "Notes", "--asset", asset,
            "--json",
        ];
        args.extend_from_slice(extra);
        env.multi(args)
    };

    // The tag is only here: the remote stops with a hint, and nothing is asked of the host.
    let refused = create(&[]).expect_code(1);
    let gh = outcome(&refused.json(), "gh").clone();
    assert_eq!(gh["status"], "failed", "{}", refused.stdout);
    assert!(gh["error"]
        .as_str()
        .unwrap()
        .contains("`v1.0` is not on gh"));
    let human = env.multi(["release", "create", "v1.0"]).expect_code(1);
    assert!(
        human
            .stdout
            .contains("hint: push it first with `git multi push gh -b refs/tags/v1.0`, or run again with --push"),
        "{}",
        human.stdout
    );
    assert!(writes(&fake).is_empty(), "{:?}", fake.lines());

    // --push: the tag goes first, then the release and its file.
    let made = create(&["--push"]).expect_code(0);
    let gh = outcome(&made.json(), "gh").clone();
    assert_eq!(gh["status"], "ok", "{}", made.stdout);
    assert_eq!(gh["action"], "created");
    assert_eq!(gh["pushed_tag"], true);
    assert_eq!(gh["assets"][0]["status"], "uploaded");
    assert!(env
        .git(["ls-remote", "--tags", "gh"])
        .contains("refs/tags/v1.0"));
    let seen = fake.seen();
    let post = seen
        .iter()
        .find(|s| s.line() == "POST /repos/alice/demo/releases")
        .unwrap();
    assert_eq!(
        post.json(),
        json!({"tag_name": "v1.0", "name": "One", "body": "Notes", "draft": false, "prerelease": false})
    );
    let upload = seen
        .iter()
        .find(|s| s.line() == "POST /repos/alice/demo/releases/1/assets?name=tool.tar.gz")
        .unwrap();
    assert_eq!(
        upload.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(upload.body, "first build");

    // Again: nothing differs, the asset is kept and the user told how to replace it.
    let before = writes(&fake).len();
    let again = env
        .multi([
            "release", "create", "v1.0", "--title", "One", "--notes", "Notes", "--asset", asset,
        ])
        .expect_code(0);
    assert!(
        again
            .stdout
            .contains("gh  up-to-date  unchanged; kept (already there) tool.tar.gz"),
        "{}",
        again.stdout
    );
    assert!(again.stdout.contains(
        "hint: an asset of the same name is already there: pass --clobber to replace it"
    ));
    assert_eq!(writes(&fake).len(), before, "{:?}", fake.lines());

    // New notes and --clobber: the release is updated and the file replaced.
    std::fs::write(env.root.join("tool.tar.gz"), "second build").unwrap();
    let updated = env
        .multi([
            "release",
            "create",
            "v1.0",
            "--notes",
            "Better",
            "--asset",
            asset,
            "--clobber",
            "--prerelease",
        ])
        .expect_code(0);
    assert!(
        updated
            .stdout
            .contains("gh  ok  updated notes, prerelease; replaced tool.tar.gz"),
        "{}",
        updated.stdout
    );
    let lines = writes(&fake);
    assert_eq!(
        &lines[before..],
        [
            "PATCH /repos/alice/demo/releases/1",
            "DELETE /repos/alice/demo/releases/assets/10",
            "POST /repos/alice/demo/releases/1/assets?name=tool.tar.gz",
        ]
    );
    assert_eq!(fake.seen().last().unwrap().body, "second build");

    let list = env.multi(["release", "list", "--json"]).expect_code(0);
    let doc = list.json();
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["releases"][0]["tag"], "v1.0");
    assert_eq!(doc["releases"][0]["on"]["gh"]["prerelease"], true);
    let table = env.multi(["release", "list"]).expect_code(0);
    assert!(
        table.stdout.contains("v1.0  pre-release (1 file)"),
        "{}",
        table.stdout
    );

    let deleted = env.multi(["release", "delete", "v1.0"]).expect_code(0);
    assert!(
        deleted.stdout.contains("gh  ok  deleted"),
        "{}",
        deleted.stdout
    );
    let absent = env.multi(["release", "delete", "v1.0"]).expect_code(0);
    assert!(
        absent.stdout.contains("gh  up-to-date  absent"),
        "{}",
        absent.stdout
    );
    // The tag itself stays.
    assert!(env
        .git(["ls-remote", "--tags", "gh"])
        .contains("refs/tags/v1.0"));
    for run in [&refused, &made, &again, &updated, &list, &deleted] {
        run.assert_not_shown(TOKEN);
    }
}

#[test]
fn each_host_keeps_files_its_own_way_and_hosts_that_cannot_are_skipped() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITLAB_TOKEN", TOKEN);
    env.set_env("GIT_MULTI_BITBUCKET_TOKEN", TOKEN);
    env.set_env("GIT_MULTI_GOGS_TOKEN", TOKEN);
    let gitlab = FakeApi::start(|seen: &Seen, index| {
        let project = "/projects/alice%2Fdemo";
        match (seen.method.as_str(), seen.url.as_str()) {
            // The first write is refused once with 429: the shared client waits as asked and tries again.
            ("POST", u) if u == format!("{project}/releases") && index == 1 => {
                Answer::json(429, json!({"message": "slow down"})).header("Retry-After", "0")
            }
            ("GET", u) if u == format!("{project}/releases/v1.0") => {
                Answer::json(404, json!({"message": "404 Not Found"}))
            }
            ("POST", u) if u == format!("{project}/releases") => Answer::json(
                201,
                json!({"tag_name": "v1.0", "name": "One", "description": "Notes", "_links": {"self": "https://gitlab.example/alice/demo/-/releases/v1.0"}, "assets": {"links": []}}),
            ),
            ("PUT", u) if u == format!("{project}/packages/generic/demo/v1.0/tool.tar.gz") => {
                Answer::json(201, json!({"message": "201 Created"}))
            }
            ("POST", u) if u == format!("{project}/releases/v1.0/assets/links") => Answer::json(
                201,
                json!({"id": 5, "name": "tool.tar.gz", "url": "x", "link_type": "package"}),
            ),
            _ => Answer::json(404, json!({"message": "404 Not Found"})),
        }
    });
    let bitbucket =
        FakeApi::start(
            |seen: &Seen, _| match (seen.method.as_str(), seen.url.as_str()) {
                ("GET", "/repositories/alice/demo/downloads") => {
                    Answer::json(200, json!({"values": [{"name": "old.zip", "size": 3}]}))
                }
                ("POST", "/repositories/alice/demo/downloads") => Answer::raw(201, ""),
                _ => Answer::json(
                    404,
                    json!({"type": "error", "error": {"message": "not found"}}),
                ),
            },
        );
    let gogs = FakeApi::start(|_: &Seen, _| Answer::json(404, json!({"message": "Not Found"})));
    add_member(&env, "gl", "gitlab", &gitlab);
    add_member(&env, "bb", "bitbucket", &bitbucket);
    add_member(&env, "gg", "gogs", &gogs);
    env.git(["tag", "v1.0"]);
    let asset = env.root.join("tool.tar.gz");
    std::fs::write(&asset, "build").unwrap();
    let asset = asset.to_str().unwrap();

    // A draft: GitLab has none, so it is skipped there rather than published.
    let draft = env
        .multi([
            "release", "create", "v1.0", "--draft", "--push", "--on", "gl", "--json",
        ])
        .expect_code(1);
    let gl = outcome(&draft.json(), "gl").clone();
    assert_eq!(gl["status"], "skipped");
    assert!(gl["error"].as_str().unwrap().contains("no draft releases"));
    assert!(gitlab.lines().is_empty(), "{:?}", gitlab.lines());

    let run = env
        .multi([
            "release", "create", "v1.0", "--title", "One", "--notes", "Notes", "--asset", asset,
            "--push", "--json",
        ])
        .expect_code(0);
    let doc = run.json();
    assert_eq!(outcome(&doc, "gl")["status"], "ok", "{}", run.stdout);
    assert_eq!(outcome(&doc, "gl")["assets"][0]["status"], "uploaded");
    assert_eq!(outcome(&doc, "bb")["status"], "ok");
    assert_eq!(outcome(&doc, "bb")["action"], "downloads");
    assert!(outcome(&doc, "bb")["notes"][0]
        .as_str()
        .unwrap()
        .contains("Downloads only"));
    assert_eq!(outcome(&doc, "gg")["status"], "skipped");
    assert!(outcome(&doc, "gg")["error"]
        .as_str()
        .unwrap()
        .contains("Gogs has no API to create"));

    let gl_lines = gitlab.lines();
    assert_eq!(
        gl_lines,
        [
            "GET /projects/alice%2Fdemo/releases/v1.0",
            "POST /projects/alice%2Fdemo/releases",
            "POST /projects/alice%2Fdemo/releases",
            "PUT /projects/alice%2Fdemo/packages/generic/demo/v1.0/tool.tar.gz",
            "POST /projects/alice%2Fdemo/releases/v1.0/assets/links",
        ]
    );
    let seen = gitlab.seen();
    assert_eq!(
        seen[2].json(),
        json!({"tag_name": "v1.0", "name": "One", "description": "Notes"})
    );
    assert_eq!(seen[3].body, "build");
    assert_eq!(seen[3].header("private-token"), Some(TOKEN));
    assert_eq!(
        seen[4].json(),
        json!({"name": "tool.tar.gz", "url": format!("{}/projects/alice%2Fdemo/packages/generic/demo/v1.0/tool.tar.gz", gitlab.url), "link_type": "package"})
    );
    // Bitbucket: one multipart form with the file in `files`.
    let upload = bitbucket.first("POST");
    let content_type = upload.header("content-type").unwrap().to_string();
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    assert!(upload
        .body
        .contains("Content-Disposition: form-data; name=\"files\"; filename=\"tool.tar.gz\""));
    assert!(upload.body.contains("\r\n\r\nbuild\r\n--"));
    run.assert_not_shown(TOKEN);
}

#[test]
fn release_list_walks_every_page_of_every_host_into_one_table() {
    let mut env = TestEnv::new();
    for var in [
        "GIT_MULTI_GITHUB_TOKEN",
        "GIT_MULTI_GITLAB_TOKEN",
        "GIT_MULTI_GITEA_TOKEN",
        "GIT_MULTI_BITBUCKET_TOKEN",
    ] {
        env.set_env(var, TOKEN);
    }
    let github = FakeApi::start(|seen: &Seen, _| {
        match seen.url.as_str() {
        "/repos/alice/demo/releases?per_page=100" => Answer::json(
            200,
            json!([{"id": 2, "tag_name": "v2.0", "name": "Two", "draft": true, "prerelease": false, "assets": []}]),
        )
        .header(
            "Link",
            &format!(
                "<{}/repos/alice/demo/releases?per_page=100&page=2>; rel=\"next\"",
                seen.header("host").map(|h| format!("http://{h}")).unwrap()
            ),
        ),
        "/repos/alice/demo/releases?per_page=100&page=2" => Answer::json(
            200,
            json!([{"id": 1, "tag_name": "v1.0", "name": "One", "draft": false, "prerelease": false,
                    "assets": [{"id": 9, "name": "tool.tar.gz", "size": 5}]}]),
        ),
        _ => Answer::json(404, json!({"message": "Not Found"})),
    }
    });
    let gitlab = FakeApi::start(|seen: &Seen, _| {
        match seen.url.as_str() {
        "/projects/alice%2Fdemo/releases?per_page=100" => Answer::json(
            200,
            json!([{"tag_name": "v1.0", "name": "One", "description": "", "assets": {"links": []}}]),
        )
        .header("X-Next-Page", "2"),
        "/projects/alice%2Fdemo/releases?per_page=100&page=2" => Answer::json(
            200,
            json!([{"tag_name": "v0.9", "name": "Old", "assets": {"links": []}}]),
        )
        .header("X-Next-Page", ""),
        _ => Answer::json(404, json!({"message": "404 Not Found"})),
    }
    });
    let gitea = FakeApi::start(|_: &Seen, _| {
        Answer::json(
            403,
            json!({"message": "token does not have at least one of required scope(s): [read:repository]"}),
        )
    });
    let bitbucket = FakeApi::start(|_: &Seen, _| Answer::json(404, json!({})));
    add_member(&env, "gh", "github", &github);
    add_member(&env, "gl", "gitlab", &gitlab);
    add_member(&env, "cb", "gitea", &gitea);
    add_member(&env, "bb", "bitbucket", &bitbucket);

    let run = env.multi(["release", "list"]).expect_code(1);
    let mut table = run.stdout.clone();
    for (fake, name) in [(&gitea, "<gitea>"), (&bitbucket, "<bitbucket>")] {
        table = table.replace(fake.url.trim_start_matches("http://"), name);
    }
    insta::assert_snapshot!(table);
    assert_eq!(github.lines().len(), 2, "{:?}", github.lines());
    assert_eq!(gitlab.lines().len(), 2, "{:?}", gitlab.lines());
    // Bitbucket has no releases: nothing is asked of it.
    assert!(bitbucket.lines().is_empty(), "{:?}", bitbucket.lines());

    let doc = env
        .multi(["release", "list", "--json"])
        .expect_code(1)
        .json();
    assert_eq!(doc["ok"], false);
    let tags: Vec<&str> = doc["releases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["tag"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["v2.0", "v1.0", "v0.9"]);
    assert_eq!(
        doc["releases"][1]["on"]["gh"]["assets"][0]["name"],
        "tool.tar.gz"
    );
    assert_eq!(doc["releases"][1]["on"]["cb"], Value::Null);
    assert_eq!(outcome(&doc, "cb")["status"], "failed");
    assert_eq!(outcome(&doc, "bb")["status"], "skipped");
}

#[test]
fn a_host_that_never_answers_times_out_while_the_others_finish() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    env.set_env("GIT_MULTI_GITEA_TOKEN", TOKEN);
    let github = github_fake();
    let hung = FakeApi::never_answering();
    add_member(&env, "gh", "github", &github);
    add_member(&env, "cb", "gitea", &hung);
    let started = std::time::Instant::now();
    let run = env
        .multi(["release", "list", "--timeout", "2", "--json"])
        .expect_code(1);
    let doc = run.json();
    assert_eq!(outcome(&doc, "gh")["status"], "ok", "{}", run.stdout);
    assert_eq!(outcome(&doc, "cb")["status"], "timeout", "{}", run.stdout);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
    let edit = env
        .multi([
            "repo",
            "edit",
            "--description",
            "d",
            "--timeout",
            "1",
            "--on",
            "cb",
        ])
        .expect_code(1);
    assert!(edit.stdout.contains("cb  timeout"), "{}", edit.stdout);
}

/// What `release create|delete` is given is checked before any host is asked (a tag name git refuses, a tag to
/// `--push` that is not here, a notes file that cannot be read), and `--notes-file -` reads standard input.
#[test]
fn what_a_release_is_given_is_checked_before_any_host_is_asked() {
    let mut env = TestEnv::new();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let fake = github_fake();
    add_member(&env, "gh", "github", &fake);
    let refused: [(&[&str], &str); 4] = [
        (
            &["release", "create", "refs/tags/v1.0"],
            "`refs/tags/v1.0` is not a valid tag name",
        ),
        (
            &["release", "delete", "v1..0"],
            "`v1..0` is not a valid tag name",
        ),
        (
            &["release", "create", "v9.9", "--push"],
            "--push: there is no tag `v9.9` here",
        ),
        (
            &["release", "create", "v1.0", "--notes-file", "missing.md"],
            "cannot read the notes file",
        ),
    ];
    for (args, said) in refused {
        let run = env.multi(args).expect_code(2);
        assert!(run.stderr.contains(said), "{args:?}\n{}", run.stderr);
    }
    assert!(fake.lines().is_empty(), "{:?}", fake.lines());

    env.git(["tag", "v1.0"]);
    let args = [
        "release",
        "create",
        "v1.0",
        "--push",
        "--notes-file",
        "-",
        "--json",
    ];
    env.multi_with_stdin(&args, "Notes from stdin\n")
        .expect_code(0);
    let created: Vec<_> = fake
        .seen()
        .into_iter()
        .filter(|s| s.method == "POST" && s.url == "/repos/alice/demo/releases")
        .collect();
    assert_eq!(created.len(), 1, "{:?}", fake.lines());
    assert_eq!(created[0].json()["body"], "Notes from stdin\n");
}
