//! `stats` against in-process fake hosts: each host's counters in one shape, GitLab's merge request count from
//! `x-total`, the local history's numbers, `--export` as JSON or CSV by extension, and a missing repository
//! failing alone.

use serde_json::json;

use crate::env::{outcome, TestEnv};
use crate::fake_api::{Answer, FakeApi};

fn member(env: &TestEnv, name: &str, kind: &str, fake: &FakeApi) {
    env.add_on_api(name, kind, "acme/demo", &fake.url, &[]);
}

fn hosts(env: &mut TestEnv) -> (FakeApi, FakeApi, FakeApi) {
    for kind in ["github", "gitlab", "bitbucket"] {
        env.set_env(
            &format!("GIT_MULTI_{}_TOKEN", kind.to_ascii_uppercase()),
            "tok-stats-123",
        );
    }
    let gh = FakeApi::start(|seen, _| match seen.url.as_str() {
        "/repos/acme/demo" => Answer::json(
            200,
            json!({"name": "demo", "stargazers_count": 1234, "watchers_count": 1234, "subscribers_count": 8,
                "forks_count": 3, "open_issues_count": 5, "size": 2048, "default_branch": "main",
                "pushed_at": "2026-12-01T10:00:00Z"}),
        ),
        _ => Answer::json(404, json!({"message": "Not Found"})),
    });
    let gl = FakeApi::start(|seen, _| match seen.url.as_str() {
        "/projects/acme%2Fdemo?statistics=true" => Answer::json(
            200,
            json!({"path": "demo", "star_count": 2, "forks_count": 0, "open_issues_count": 1,
                "statistics": {"repository_size": 10240}, "default_branch": "main",
                "last_activity_at": "2026-11-30T00:00:00Z"}),
        ),
        "/projects/acme%2Fdemo/merge_requests?state=opened&per_page=1" => {
            Answer::json(200, json!([{"iid": 1}])).header("x-total", "4")
        }
        _ => Answer::json(404, json!({"message": "404 Project Not Found"})),
    });
    let bb = FakeApi::start(|_, _| {
        Answer::json(
            404,
            json!({"type": "error", "error": {"message": "Repository not found"}}),
        )
    });
    member(env, "gh", "github", &gh);
    member(env, "gl", "gitlab", &gl);
    member(env, "bb", "bitbucket", &bb);
    (gh, gl, bb)
}

#[test]
fn stats_show_every_hosts_counters_and_the_local_history() {
    let mut env = TestEnv::new();
    let _hosts = hosts(&mut env);
    env.commit("second");
    env.git(["tag", "v1"]);
    env.git(["branch", "topic"]);
    let run = env.multi(["stats", "--json"]).expect_code(1);
    let doc = run.json();
    assert_eq!(doc["ok"], false);
    let gh = outcome(&doc, "gh");
    assert_eq!(
        (
            gh["stars"].clone(),
            gh["watchers"].clone(),
            gh["open_issues"].clone()
        ),
        (json!(1234), json!(8), json!(5))
    );
    assert_eq!(gh["issues_include_pull_requests"], true);
    let gl = outcome(&doc, "gl");
    assert_eq!(gl["open_pull_requests"], 4);
    assert_eq!(gl["size_kb"], 10);
    assert_eq!(gl["watchers"], json!(null));
    let bb = outcome(&doc, "bb");
    assert_eq!(bb["status"], "failed");
    assert!(bb["error"].as_str().unwrap().contains("not found"), "{bb}");
    assert_eq!(doc["local"]["commits"], 2);
    assert_eq!(doc["local"]["contributors"], 1);
    assert_eq!(doc["local"]["branches"], 2);
    assert_eq!(doc["local"]["tags"], 1);
    assert!(doc["local"]["first_commit"]["date"].is_string());

    let human = env
        .multi(["stats", "--on", "gh", "--on", "gl"])
        .expect_code(0);
    let first = doc["local"]["first_commit"]["commit"].as_str().unwrap()[..7].to_string();
    let last = doc["local"]["last_commit"]["commit"].as_str().unwrap()[..7].to_string();
    let day = doc["local"]["first_commit"]["date"].as_str().unwrap()[..10].to_string();
    insta::assert_snapshot!(human.stdout.replace(&first, "<first>").replace(&last, "<last>").replace(&day, "<day>"), @r"
    remote  stars  forks  watchers  issues  PRs  size    default  last push
    gh      1,234  3      8         5*      -    2.0 MB  main     2026-12-01
    gl      2      0      -         1       4    10 KB   main     2026-11-30
    * open pull requests included (GitHub counts them as issues)
    local: 2 commits by 1 contributor; 2 branches, 1 tag; first <day> (<first>), last <day> (<last>)
    ");
    run.assert_not_shown("tok-stats-123");
}

#[test]
fn export_writes_json_or_csv_by_the_extension() {
    let mut env = TestEnv::new();
    let _hosts = hosts(&mut env);
    let json_file = env.root.join("stats.json");
    let csv_file = env.root.join("stats.csv");
    env.multi([
        "stats",
        "--on",
        "gh",
        "--export",
        json_file.to_str().unwrap(),
    ])
    .expect_code(0);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_file).unwrap()).unwrap();
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["remotes"][0]["stars"], 1234);
    assert_eq!(doc["local"]["commits"], 1);

    env.multi(["stats", "--export", csv_file.to_str().unwrap()])
        .expect_code(1);
    let csv = std::fs::read_to_string(&csv_file).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 5, "{csv}");
    assert!(lines[0].starts_with("source,provider,status,error,stars,"));
    assert!(
        lines[1].starts_with("gh,github,ok,,1234,3,8,5,,true,2048,main,2026-12-01T10:00:00Z,"),
        "{}",
        lines[1]
    );
    assert!(lines[3].starts_with("bb,bitbucket,failed,"), "{}", lines[3]);
    assert!(
        lines[4].starts_with("(local),,ok,,,,,,,,,,,1,1,1,0,"),
        "{}",
        lines[4]
    );
    let columns = lines[0].split(',').count();
    assert_eq!(lines[4].split(',').count(), columns);

    let bad = env.multi(["stats", "--export", "stats.txt"]).expect_code(2);
    bad.assert_stderr_has(".json or .csv");
}
