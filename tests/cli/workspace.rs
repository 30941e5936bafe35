//! `git multi workspace`: 20 repositories × 3 remotes (a path, file:// and smart HTTP) on one pool, one HTTP
//! remote refusing us: exit 1, every other remote updated, a summary per repository and a total, in words and
//! as JSON; the list kept in `$XDG_CONFIG_HOME/git-multi/workspace.toml`.

use std::path::PathBuf;

use crate::env::{tip, TestEnv};
use crate::servers::http::{Fault, HttpServer};
use crate::transports::{PASSWORD, USER};

const REPOS: usize = 20;

/// `REPOS` repositories with one commit each and three members: `a` (a path), `b` (file://), `c` (HTTP).
fn workspace_of_repositories(env: &TestEnv, http: &HttpServer) -> Vec<PathBuf> {
    env.git([
        "config",
        "--global",
        "credential.helper",
        &format!("!f() {{ echo username={USER}; echo password={PASSWORD}; }}; f"),
    ]);
    let mut repos = Vec::new();
    for i in 0..REPOS {
        let name = format!("r{i:02}");
        let dir = env.root.join("ws").join(&name);
        std::fs::create_dir_all(dir.parent().unwrap()).unwrap();
        env.git_in(&env.root, ["init", "-q", dir.to_str().unwrap()]);
        std::fs::write(dir.join("README"), format!("repository {name}\n")).unwrap();
        env.git_in(&dir, ["add", "README"]);
        env.git_in(&dir, ["commit", "-q", "-m", &format!("{name} begins")]);
        let a = env.bare(&format!("{name}/a.git"));
        let b = env.bare(&format!("{name}/b.git"));
        env.bare(&format!("{name}/c.git"));
        for (remote, url) in [
            ("a", a.display().to_string()),
            ("b", format!("file://{}", b.display())),
            ("c", http.url(&format!("{name}/c.git"))),
        ] {
            env.multi_in(&dir, ["remote", "add", remote, &url])
                .expect_code(0);
        }
        repos.push(dir);
    }
    repos
}

#[test]
fn twenty_repositories_times_three_remotes_on_one_pool() {
    let env = TestEnv::new();
    let hosts = env.root.join("hosts");
    std::fs::create_dir_all(&hosts).unwrap();
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    let repos = workspace_of_repositories(&env, &http);
    let mut add = vec!["workspace".to_string(), "add".to_string()];
    add.extend(repos.iter().map(|p| p.display().to_string()));
    env.multi_in(&env.root, &add).expect_code(0);
    let file = env.home.join(".config/git-multi/workspace.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.matches("[[repository]]").count(), REPOS, "{text}");
    // Adding again changes nothing; a directory that is not a repository is refused and nothing is written.
    env.multi_in(&env.root, ["workspace", "add", repos[0].to_str().unwrap()])
        .expect_code(0);
    let run = env
        .multi_in(
            &env.root,
            [
                "workspace",
                "add",
                repos[1].to_str().unwrap(),
                env.home.to_str().unwrap(),
            ],
        )
        .expect_code(2);
    run.assert_stderr_has("is not inside a git repository");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);

    let broken = "r07";
    http.set_fault(&format!("{broken}/c.git"), Some(Fault::Status(403)));
    let run = env
        .multi_in(&env.root, ["workspace", "push", "--json", "-j", "6"])
        .expect_code(1);
    let json = run.json();
    assert_eq!(json["ok"], false);
    let total = &json["total"];
    assert_eq!(total["repositories"], REPOS);
    assert_eq!(total["remotes"], REPOS * 3);
    assert_eq!(total["ok"], REPOS * 3 - 1, "{total}");
    assert_eq!(total["failed"], 1, "{total}");
    assert_eq!(total["failed_repositories"], 1);
    let listed = json["repositories"].as_array().unwrap();
    assert_eq!(listed.len(), REPOS);
    for (repo, entry) in repos.iter().zip(listed) {
        assert_eq!(
            entry["path"],
            repo.display().to_string(),
            "in the workspace's order"
        );
        let name = repo.file_name().unwrap().to_str().unwrap();
        let remotes = entry["remotes"].as_array().unwrap();
        let statuses: Vec<&str> = remotes
            .iter()
            .map(|r| r["status"].as_str().unwrap())
            .collect();
        if name == broken {
            assert_eq!(entry["ok"], false);
            assert_eq!(statuses, ["ok", "ok", "failed"], "{entry}");
            assert_eq!(remotes[2]["reason"], "forbidden");
        } else {
            assert_eq!(entry["ok"], true, "{entry}");
            assert_eq!(statuses, ["ok", "ok", "ok"], "{entry}");
        }
        let head = tip(&env, repo, "refs/heads/main");
        for remote in ["a", "b", "c"] {
            let there = tip(
                &env,
                &hosts.join(format!("{name}/{remote}.git")),
                "refs/heads/main",
            );
            if name == broken && remote == "c" {
                assert_eq!(there, None);
            } else {
                assert_eq!(there, head, "{name}/{remote}");
            }
        }
    }

    // In words: a block per repository, then the total.
    let run = env
        .multi_in(&env.root, ["workspace", "push"])
        .expect_code(1);
    assert_eq!(
        run.stdout.matches("\n== ").count() + 1,
        REPOS,
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(&format!("== {}\n", repos[7].display())));
    run.assert_stdout_has("3 remotes: 2 up-to-date, 1 failed\n");
    assert!(
        run.stdout.ends_with(&format!(
            "total: {REPOS} repositories, {} remotes: {} up-to-date, 1 failed; 1 repository with problems\n",
            REPOS * 3,
            REPOS * 3 - 1
        )),
        "{}",
        run.stdout
    );

    // Status and fetch across the workspace; then the broken remote is healthy again and everything is in sync.
    let status = env
        .multi_in(&env.root, ["workspace", "status", "--json"])
        .expect_code(1)
        .json();
    let in_sync: Vec<bool> = status["repositories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["in_sync"].as_bool().unwrap())
        .collect();
    assert_eq!(in_sync.iter().filter(|s| !**s).count(), 1, "{status}");
    http.set_fault(&format!("{broken}/c.git"), None);
    env.multi_in(&env.root, ["workspace", "push"])
        .expect_code(0);
    let fetched = env
        .multi_in(&env.root, ["workspace", "fetch", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(
        fetched["total"]["up-to-date"],
        REPOS * 3,
        "{}",
        fetched["total"]
    );
    let status = env
        .multi_in(&env.root, ["workspace", "status"])
        .expect_code(0);
    assert_eq!(status.stdout.matches("everything in sync").count(), REPOS);

    let list = env
        .multi_in(&env.root, ["workspace", "list", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(list["repositories"].as_array().unwrap().len(), REPOS);
    assert_eq!(
        list["repositories"][3]["remotes"],
        serde_json::json!(["a", "b", "c"])
    );
    env.multi_in(
        &env.root,
        ["workspace", "remove", repos[7].to_str().unwrap()],
    )
    .expect_code(0);
    let run = env
        .multi_in(
            &env.root,
            ["workspace", "remove", repos[7].to_str().unwrap()],
        )
        .expect_code(2);
    run.assert_stderr_has("hint: `git multi workspace list`");
    let list = env
        .multi_in(&env.root, ["workspace", "list", "--json"])
        .json();
    assert_eq!(list["repositories"].as_array().unwrap().len(), REPOS - 1);
}

#[test]
fn a_repository_that_cannot_run_is_reported_and_the_others_still_run() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    env.multi(["push"]).expect_code(0);
    let other = env.root.join("other");
    env.git_in(&env.root, ["init", "-q", other.to_str().unwrap()]);
    env.git_in(&other, ["commit", "-q", "--allow-empty", "-m", "x"]);
    env.multi_in(&env.root, ["workspace", "add", "work", "other"])
        .expect_code(0);
    let run = env
        .multi_in(&env.root, ["workspace", "sync", "--json"])
        .expect_code(1);
    let json = run.json();
    let repos = json["repositories"].as_array().unwrap();
    assert_eq!(repos[1]["error"], "the remote set has no enabled remotes");
    // `work` has no primary yet: sync stops there before fetching, as `git multi sync` does.
    assert!(
        repos[0]["error"]
            .as_str()
            .unwrap()
            .contains("no primary remote"),
        "{json}"
    );
    env.git(["config", "multi.primary", "a"]);
    let run = env
        .multi_in(&env.root, ["workspace", "sync"])
        .expect_code(1);
    run.assert_stdout_has("a  up-to-date");
    run.assert_stdout_has("error: the remote set has no enabled remotes\nhint: add one");
    let empty = TestEnv::new();
    let run = empty
        .multi_in(&empty.root, ["workspace", "push"])
        .expect_code(2);
    run.assert_stderr_has("error: the workspace is empty");
}

#[test]
fn a_workspace_push_carries_the_configured_namespaces_like_git_multi_push() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b"]);
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    let event = crate::namespaces::task_event(&env, &env.work, "T1", "opened");
    env.multi_in(&env.root, ["workspace", "add", "work"])
        .expect_code(0);
    let json = env
        .multi_in(&env.root, ["workspace", "push", "--json"])
        .expect_code(0)
        .json();
    let mut pushed: Vec<&str> = json["repositories"][0]["remotes"][0]["refs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ref"].as_str().unwrap())
        .collect();
    pushed.sort();
    assert_eq!(
        pushed,
        ["refs/git-mile/tasks/T1", "refs/heads/main"],
        "{json}"
    );
    for host in &hosts {
        assert_eq!(
            tip(&env, host, "refs/git-mile/tasks/T1").as_deref(),
            Some(event.as_str())
        );
    }

    // Status compares the namespace refs as `git multi status` does, and fetch brings each remote's copies.
    let later = {
        let other = env.root.join("other");
        env.git_in(
            &env.root,
            [
                "clone",
                "-q",
                hosts[0].to_str().unwrap(),
                other.to_str().unwrap(),
            ],
        );
        env.git_in(
            &other,
            ["fetch", "-q", "origin", "refs/git-mile/*:refs/git-mile/*"],
        );
        let next = crate::namespaces::task_event(&env, &other, "T1", "commented");
        env.git_in(&other, ["push", "-q", "origin", "refs/git-mile/tasks/T1"]);
        next
    };
    let status = env
        .multi_in(&env.root, ["workspace", "status", "--json"])
        .expect_code(0)
        .json();
    let cells: Vec<&serde_json::Value> = status["repositories"][0]["refs"]
        .as_array()
        .unwrap_or_else(|| panic!("no refs in {status}"))
        .iter()
        .filter(|e| e["ref"] == "refs/git-mile/tasks/T1")
        .collect();
    assert_eq!(cells.len(), 2, "{status}");
    assert!(
        cells
            .iter()
            .any(|e| e["remote"] == "a" && e["state"] != "in-sync"),
        "{status}"
    );
    env.multi_in(&env.root, ["workspace", "fetch"])
        .expect_code(0);
    assert_eq!(
        env.git(["rev-parse", "refs/multi/remotes/a/git-mile/tasks/T1"])
            .trim(),
        later
    );
}

/// `workspace sync` is `git multi sync` in every repository: a namespace ref whose copies diverged is united and
/// the union pushed everywhere, as plain sync does (it used to fetch and push the branch only).
#[test]
fn a_workspace_sync_converges_a_diverged_namespace_ref() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b"]);
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    env.multi(["primary", "a"]).expect_code(0);
    let task = "refs/git-mile/tasks/T1";
    crate::namespaces::task_event(&env, &env.work, "T1", "created");
    env.multi(["push"]).expect_code(0);
    env.multi_in(&env.root, ["workspace", "add", "work"])
        .expect_code(0);
    // Another clone adds an event on `b` while this one adds its own: the copies diverge.
    let other = env.root.join("other");
    env.git_in(
        &env.root,
        [
            "clone",
            "-q",
            hosts[1].to_str().unwrap(),
            other.to_str().unwrap(),
        ],
    );
    let diverge = |round: &str| {
        env.git_in(
            &other,
            ["fetch", "-q", "origin", "+refs/git-mile/*:refs/git-mile/*"],
        );
        crate::namespaces::task_event(&env, &other, "T1", &format!("{round} on b"));
        env.git_in(&other, ["push", "-q", "origin", task]);
        crate::namespaces::task_event(&env, &env.work, "T1", &format!("{round} here"))
    };

    let here = diverge("first");
    let json = env
        .multi_in(&env.root, ["workspace", "sync", "--json"])
        .expect_code(0)
        .json();
    let repo = &json["repositories"][0];
    assert_eq!(repo["ok"], true, "{json}");
    assert_eq!(repo["namespaces"][0]["ref"], task, "{json}");
    assert_eq!(repo["namespaces"][0]["result"], "union", "{json}");
    let union = repo["namespaces"][0]["target"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(union, here);
    for place in [&env.work, &hosts[0], &hosts[1]] {
        assert_eq!(tip(&env, place, task).as_deref(), Some(union.as_str()));
    }

    // In words, the line `git multi sync` prints for it.
    diverge("second");
    let run = env
        .multi_in(&env.root, ["workspace", "sync"])
        .expect_code(0);
    run.assert_stdout_has("git-mile/tasks/T1: 2 diverged copies united in ");
    let united = tip(&env, &env.work, task);
    assert_eq!(tip(&env, &hosts[0], task), united);
    assert_eq!(tip(&env, &hosts[1], task), united);
}
