//! Remote groups: `git multi group add|list|remove` writes git's own `remotes.<group>`, and `--only <group>`
//! narrows push, fetch, status, sync, pull and mirror to the group's members.

use crate::env::{outcome, remote_names, TestEnv};

#[test]
fn group_add_writes_what_git_fetch_reads() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b", "c"]);
    env.multi(["group", "add", "Mirrors", "a", "c"])
        .expect_code(0);
    assert_eq!(env.read_config("remotes.mirrors").as_deref(), Some("a c"));
    // Idempotent, and new names are appended.
    env.multi(["group", "add", "mirrors", "c", "b"])
        .expect_code(0);
    assert_eq!(env.read_config("remotes.mirrors").as_deref(), Some("a c b"));
    let again = env.multi(["group", "add", "mirrors", "a"]).expect_code(0);
    assert!(again.stdout.contains("unchanged"), "{}", again.stdout);

    // Plain git reads the group.
    env.git(["push", "-q", "a", "main"]);
    env.git(["push", "-q", "b", "main"]);
    env.git(["push", "-q", "c", "main"]);
    env.git(["fetch", "-q", "mirrors"]);
    assert!(!env.git(["rev-parse", "refs/remotes/b/main"]).is_empty());

    let list = env.multi(["group", "list", "--json"]).expect_code(0).json();
    assert_eq!(list["ok"], true);
    assert_eq!(list["groups"][0]["name"], "mirrors");
    assert_eq!(
        list["groups"][0]["remotes"],
        serde_json::json!(["a", "c", "b"])
    );
    let text = env.multi(["group", "list"]).expect_code(0);
    assert!(text.stdout.contains("mirrors  a c b"), "{}", text.stdout);

    env.multi(["group", "remove", "mirrors"]).expect_code(0);
    assert_eq!(env.read_config("remotes.mirrors"), None);
    env.multi(["group", "remove", "mirrors"]).expect_code(2);
}

#[test]
fn group_add_refuses_the_set_bad_names_and_non_members() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    let multi = env.multi(["group", "add", "multi", "a"]).expect_code(2);
    assert!(
        multi.stderr.contains("remote set itself"),
        "{}",
        multi.stderr
    );
    env.multi(["group", "add", "MULTI", "a"]).expect_code(2);
    env.multi(["group", "add", "all", "a"]).expect_code(2);
    env.multi(["group", "add", "a", "b"]).expect_code(2);
    let bad = env.multi(["group", "add", "no_way", "a"]).expect_code(2);
    assert!(
        bad.stderr.contains("not a valid group name"),
        "{}",
        bad.stderr
    );
    env.multi(["group", "add", "1st", "a"]).expect_code(2);
    env.git(["remote", "add", "stranger", "/nowhere"]);
    let stranger = env.multi(["group", "add", "g", "stranger"]).expect_code(2);
    assert!(
        stranger.stderr.contains("not found in the remote set"),
        "{}",
        stranger.stderr
    );
    assert_eq!(env.read_config("remotes.g"), None);
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some("a b"));
}

#[test]
fn only_narrows_push_fetch_and_status_to_the_group() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["a", "b", "c"]);
    env.multi(["group", "add", "two", "a", "c"]).expect_code(0);
    let push = env
        .multi(["push", "--only", "two", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(remote_names(&push), ["a", "c"]);
    assert_eq!(outcome(&push, "a")["status"], "ok");
    assert!(env
        .try_git_in(
            &paths[1],
            ["rev-parse", "--verify", "-q", "refs/heads/main"]
        )
        .stdout
        .is_empty());
    let fetch = env
        .multi(["fetch", "--only", "two", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(remote_names(&fetch), ["a", "c"]);
    let status = env
        .multi(["status", "--only", "two", "--json"])
        .expect_code(0)
        .json();
    let remotes: Vec<&str> = status["remotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(remotes, ["a", "c"], "{status}");
    // Named remotes are narrowed to the group's.
    let one = env
        .multi(["push", "a", "b", "--only", "two", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(remote_names(&one), ["a"]);
    let missing = env.multi(["push", "--only", "nope"]).expect_code(2);
    assert!(
        missing.stderr.contains("no remote group `nope`"),
        "{}",
        missing.stderr
    );
}

#[test]
fn only_narrows_sync_mirror_and_pull() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["a", "b", "c"]);
    env.multi(["push", "--json"]).expect_code(0);
    env.multi(["group", "add", "pair", "b", "c"]).expect_code(0);
    env.commit("second");
    let sync = env
        .multi(["sync", "--only", "pair", "--primary", "b", "--json"])
        .expect_code(0)
        .json();
    let synced: Vec<&str> = sync["remotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(synced, ["b", "c"], "{sync}");
    let head = env.git(["rev-parse", "HEAD"]);
    assert_eq!(env.git_in(&paths[2], ["rev-parse", "main"]), head);
    assert_ne!(env.git_in(&paths[0], ["rev-parse", "main"]), head);

    // mirror: the targets are the group's members (less the source).
    let mirror = env
        .multi(["mirror", "--from", "b", "--only", "pair", "--json"])
        .expect_code(0)
        .json();
    let targets: Vec<&str> = mirror["remotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .filter(|n| *n != "b")
        .collect();
    assert_eq!(targets, ["c"], "{mirror}");

    // pull: the primary comes from the group.
    let foreign = env.push_foreign(&paths[2], "main", "from-c");
    env.multi(["pull", "--only", "pair", "--primary", "c"])
        .expect_code(0);
    assert_eq!(env.git(["rev-parse", "HEAD"]).trim(), foreign);
    env.multi(["pull", "--only", "pair", "--primary", "a"])
        .expect_code(2);
}
