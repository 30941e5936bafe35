//! The remote set in .git/config: add, list, remove, rename, set-url, enable/disable, init --import, and that
//! plain git sees the same set (`git fetch multi`), from anywhere git users run commands.

use crate::env::{remote_names, TestEnv};

#[test]
fn add_stores_ordinary_remotes_in_a_group() {
    let env = TestEnv::new();
    let a = env.bare("a.git");
    let b = env.bare("b.git");
    env.multi(["remote", "add", "a", a.to_str().unwrap()])
        .expect_code(0);
    env.multi([
        "remote",
        "add",
        "b",
        &format!("file://{}", b.display()),
        "--provider",
        "gitea",
        "--api-url",
        "http://127.0.0.1:9/api/v1/",
    ])
    .expect_code(0);
    assert_eq!(env.read_config("remote.a.url").as_deref(), a.to_str());
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some("a b"));
    assert_eq!(
        env.read_config("multi.b.provider").as_deref(),
        Some("gitea")
    );
    assert_eq!(
        env.read_config("multi.b.apiurl").as_deref(),
        Some("http://127.0.0.1:9/api/v1")
    );

    // Members are ordinary remotes: plain git can push to one and fetch the group.
    env.git(["push", "-q", "a", "main"]);
    env.git(["push", "-q", "b", "main"]);
    env.git(["fetch", "-q", "multi"]);
    let head = env.git(["rev-parse", "HEAD"]);
    assert_eq!(env.git(["rev-parse", "refs/remotes/a/main"]), head);
    assert_eq!(env.git(["rev-parse", "refs/remotes/b/main"]), head);
}

#[test]
fn list_shows_members_in_order_with_provider() {
    let env = TestEnv::new();
    env.multi(["remote", "add", "gh", "git@github.com:me/app.git"])
        .expect_code(0);
    env.multi(["remote", "add", "lab", "https://gitlab.com/me/app.git"])
        .expect_code(0);
    env.multi(["remote", "add", "cb", "https://codeberg.org/me/app.git"])
        .expect_code(0);
    env.multi([
        "remote",
        "add",
        "own",
        "https://git.example.com/me/app.git",
        "--provider",
        "gogs",
    ])
    .expect_code(0);
    env.multi(["remote", "add", "plain", "/srv/app.git"])
        .expect_code(0);

    let json = env
        .multi(["remote", "list", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(remote_names(&json), ["gh", "lab", "cb", "own", "plain"]);
    let providers: Vec<&str> = json["remotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["provider"].as_str().unwrap())
        .collect();
    assert_eq!(
        providers,
        ["github", "gitlab", "forgejo", "gogs", "generic"]
    );
    assert_eq!(json["remotes"][0]["provider_source"], "detected");
    assert_eq!(json["remotes"][3]["provider_source"], "configured");
    assert_eq!(json["remotes"][0]["api_url"], "https://api.github.com");
    assert_eq!(
        json["remotes"][3]["api_url"],
        "https://git.example.com/api/v1"
    );
    assert_eq!(json["remotes"][0]["transport"], "ssh");

    let human = env.multi(["remote", "list"]).expect_code(0);
    let first = human.first_line_words();
    assert_eq!(first, ["gh", "git@github.com:me/app.git", "github"]);
    let verbose = env.multi(["remote", "list", "-v"]).expect_code(0);
    assert!(
        verbose.stdout.contains("api: https://gitlab.com/api/v4"),
        "{}",
        verbose.stdout
    );
}

#[test]
fn list_columns_are_sized_on_the_urls_as_printed_with_secrets_masked() {
    let env = TestEnv::new();
    env.multi(["remote", "add", "bb", "https://example.com/a/b.git"])
        .expect_code(0);
    env.multi(["remote", "add", "c", "https://example.com/a/c.git"])
        .expect_code(0);
    // A password put in by plain git: shown masked, and the masked URL is shorter.
    env.git([
        "config",
        "remote.bb.url",
        "https://user:secretpassword@example.com/a/b.git",
    ]);
    env.git([
        "config",
        "--add",
        "remote.c.pushurl",
        "https://user:otherpassword@example.com/a/c.git",
    ]);

    let run = env.multi(["remote", "list"]).expect_code(0);
    run.assert_not_shown("secretpassword");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "bb  https://user:***@example.com/a/b.git  generic",
            "c   https://example.com/a/c.git           generic",
        ],
        "{}",
        run.stdout
    );
    let verbose = env.multi(["remote", "list", "-v"]).expect_code(0);
    verbose.assert_not_shown("secretpassword");
    verbose.assert_not_shown("otherpassword");
    let column = |line: &str| line.find("generic").unwrap();
    let rows: Vec<&str> = verbose
        .stdout
        .lines()
        .filter(|l| !l.starts_with(' '))
        .collect();
    assert_eq!(rows.len(), 2, "{}", verbose.stdout);
    assert_eq!(column(rows[0]), column(rows[1]), "{}", verbose.stdout);
    assert!(
        verbose
            .stdout
            .contains("push: https://user:***@example.com/a/c.git"),
        "{}",
        verbose.stdout
    );
}

#[test]
fn remove_drops_remote_refs_and_group_entry() {
    let env = TestEnv::new();
    let [_, b] = <[_; 2]>::try_from(env.add_local_remotes(&["a", "b"])).unwrap();
    env.git(["config", "multi.primary", "a"]);
    env.git(["push", "-q", "a", "main"]);
    env.git(["fetch", "-q", "a"]);

    env.multi(["remote", "remove", "a"]).expect_code(0);
    assert_eq!(env.read_config("remote.a.url"), None);
    assert_eq!(env.read_config("multi.a.enabled"), None);
    assert_eq!(env.read_config("multi.primary"), None);
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some("b b"));
    assert_eq!(
        env.try_git_in(
            &env.work,
            ["rev-parse", "--verify", "-q", "refs/remotes/a/main"]
        )
        .code,
        1
    );

    env.multi(["remote", "rm", "b", "--keep-remote"])
        .expect_code(0);
    assert_eq!(env.read_config("remote.b.url").as_deref(), b.to_str());
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some(""));
    assert!(remote_names(&env.multi(["remote", "list", "--json"]).json()).is_empty());
}

#[test]
fn rename_moves_refs_facts_and_group_entry() {
    let env = TestEnv::new();
    let a = env.bare("a.git");
    env.multi([
        "remote",
        "add",
        "old",
        a.to_str().unwrap(),
        "--provider",
        "gitlab",
    ])
    .expect_code(0);
    env.git(["config", "multi.primary", "old"]);
    env.git(["push", "-q", "old", "main"]);
    env.git(["fetch", "-q", "old"]);

    env.multi(["remote", "rename", "old", "new"]).expect_code(0);
    assert_eq!(env.read_config("remote.new.url").as_deref(), a.to_str());
    assert_eq!(
        env.read_config("multi.new.provider").as_deref(),
        Some("gitlab")
    );
    assert_eq!(env.read_config("multi.old.provider"), None);
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some("new new"));
    assert_eq!(env.read_config("multi.primary").as_deref(), Some("new"));
    env.git(["rev-parse", "--verify", "refs/remotes/new/main"]);
}

#[test]
fn set_url_and_enable_disable() {
    let env = TestEnv::new();
    let [_, b] = <[_; 2]>::try_from(env.add_local_remotes(&["a", "b"])).unwrap();
    env.multi(["remote", "set-url", "a", &format!("file://{}", b.display())])
        .expect_code(0);
    assert_eq!(
        env.read_config("remote.a.url"),
        Some(format!("file://{}", b.display()))
    );

    env.multi(["remote", "disable", "a"]).expect_code(0);
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some("b b"));
    let json = env.multi(["remote", "list", "--json"]).json();
    assert_eq!(json["remotes"][0]["enabled"], false);
    // A disabled member is skipped by default but still usable by name.
    let tested = env
        .multi(["remote", "test", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(remote_names(&tested), ["b"]);
    let named = env
        .multi(["remote", "test", "a", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(remote_names(&named), ["a"]);

    env.multi(["remote", "enable", "a"]).expect_code(0);
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some("a b"));
}

#[test]
fn init_import_adopts_existing_remotes() {
    let env = TestEnv::new();
    let a = env.bare("a.git");
    let b = env.bare("b.git");
    env.git(["remote", "add", "origin", a.to_str().unwrap()]);
    env.git(["remote", "add", "backup", b.to_str().unwrap()]);

    let plain = env.multi(["init"]).expect_code(0);
    assert!(
        plain.stderr.contains("git multi init --import"),
        "{}",
        plain.stderr
    );
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some(""));

    let run = env.multi(["init", "--import"]).expect_code(0);
    assert!(run.stdout.contains("origin, backup"), "{}", run.stdout);
    assert_eq!(
        env.read_config("remotes.multi").as_deref(),
        Some("origin backup")
    );
    // Idempotent: a second import changes nothing.
    let before = env.config_bytes();
    env.multi(["init", "--import"]).expect_code(0);
    assert_eq!(env.config_bytes(), before);
}

#[test]
fn works_from_subdirectory_worktree_dash_c_and_git_dir() {
    let env = TestEnv::new();
    let a = env.bare("a.git");
    env.multi(["remote", "add", "a", a.to_str().unwrap()])
        .expect_code(0);

    let sub = env.work.join("deep/er");
    std::fs::create_dir_all(&sub).unwrap();
    let json = env
        .multi_in(&sub, ["remote", "list", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(remote_names(&json), ["a"]);
    // A relative path given from a subdirectory is stored absolute, so it works from anywhere.
    let b = env.bare("b.git");
    let relative = pathdiff(&b, &sub);
    env.multi_in(&sub, ["remote", "add", "b", &relative])
        .expect_code(0);
    assert_eq!(env.read_config("remote.b.url").as_deref(), b.to_str());

    let tree = env.root.join("linked");
    env.git([
        "worktree",
        "add",
        "-q",
        "-b",
        "side",
        tree.to_str().unwrap(),
    ]);
    let json = env
        .multi_in(&tree, ["remote", "list", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(remote_names(&json), ["a", "b"]);

    // Through git itself, as users type it.
    let run = env
        .git_multi_in(
            &env.root,
            ["-C", "work", "multi", "remote", "list", "--json"],
        )
        .expect_code(0);
    assert_eq!(remote_names(&run.json()), ["a", "b"]);
    let git_dir = env.work.join(".git");
    let run = env
        .git_multi_in(
            &env.root,
            [
                format!("--git-dir={}", git_dir.display()).as_str(),
                "multi",
                "remote",
                "test",
                "--json",
            ],
        )
        .expect_code(0);
    assert_eq!(run.json()["ok"], true);
}

/// `target` relative to `from` (both absolute, sharing the temp root).
fn pathdiff(target: &std::path::Path, from: &std::path::Path) -> String {
    let common = target.ancestors().find(|a| from.starts_with(a)).unwrap();
    let ups = from.strip_prefix(common).unwrap().components().count();
    let mut rel = "../".repeat(ups);
    rel.push_str(target.strip_prefix(common).unwrap().to_str().unwrap());
    rel
}

#[test]
fn generated_help_is_reachable_through_git() {
    let env = TestEnv::new();
    let run = env.git_multi_in(&env.work, ["multi", "-h"]).expect_code(0);
    assert!(run.stdout.contains("Usage: git multi"), "{}", run.stdout);
}

/// git's own `git fetch multi` / `git remote update multi` reach every member, also when there is only one
/// (git takes a one-name group for a URL unless the name is listed twice).
#[test]
fn plain_git_fetch_of_the_group_works_with_one_member_and_with_two() {
    let env = TestEnv::new();
    let a = env.bare("a.git");
    let b = env.bare("b.git");
    env.multi(["remote", "add", "a", a.to_str().unwrap()])
        .expect_code(0);
    env.multi(["push"]).expect_code(0);
    for fetch in [&["fetch", "multi"][..], &["remote", "update", "multi"]] {
        env.git(["update-ref", "-d", "refs/remotes/a/main"]);
        env.git(fetch);
        assert_eq!(
            env.git(["rev-parse", "refs/remotes/a/main"]),
            env.git(["rev-parse", "HEAD"])
        );
    }
    env.multi(["remote", "add", "b", b.to_str().unwrap()])
        .expect_code(0);
    env.multi(["push"]).expect_code(0);
    env.git(["update-ref", "-d", "refs/remotes/a/main"]);
    env.git(["update-ref", "-d", "refs/remotes/b/main"]);
    env.git(["fetch", "multi"]);
    for remote in ["a", "b"] {
        assert_eq!(
            env.git(["rev-parse", &format!("refs/remotes/{remote}/main")]),
            env.git(["rev-parse", "HEAD"])
        );
    }
    // Back to one member: still fetchable, and doctor counts the repeated name once.
    env.multi(["remote", "remove", "b"]).expect_code(0);
    env.git(["fetch", "multi"]);
    let doctor = env.multi(["doctor", "--json"]);
    let checks = doctor.json()["checks"].as_array().unwrap().clone();
    let group = checks.iter().find(|c| c["name"] == "set.group").unwrap();
    assert_eq!(group["status"], "ok", "{group}");
}
