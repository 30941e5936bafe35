//! `status` (online through ls-remote and `--offline` from tracking refs) and `fetch [--prune]`.

use crate::env::{write_script, TestEnv};

fn state<'a>(json: &'a serde_json::Value, remote: &str, r: &str) -> &'a serde_json::Value {
    json["refs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["remote"] == remote && e["ref"] == r)
        .unwrap_or_else(|| panic!("no {remote} {r} in {json}"))
}

/// Remotes in every state: `same` in sync, `old` behind us, `new` ahead of us, `fork` diverged, `empty` without
/// the branch, and `extra` with a branch we do not have.
fn scenario() -> TestEnv {
    let env = TestEnv::new();
    for name in ["same", "old", "new", "fork", "empty", "extra"] {
        let path = env.bare(&format!("{name}.git"));
        env.multi(["remote", "add", name, path.to_str().unwrap()])
            .expect_code(0);
    }
    env.multi(["push", "old", "new", "fork", "extra"])
        .expect_code(0);
    let other = env.root.join("other");
    for (name, message) in [("new", "ahead"), ("fork", "theirs")] {
        env.git_in(
            &env.root,
            [
                "clone",
                "-q",
                env.root.join(format!("hosts/{name}.git")).to_str().unwrap(),
                other.to_str().unwrap(),
            ],
        );
        env.git_in(&other, ["commit", "-q", "--allow-empty", "-m", message]);
        env.git_in(&other, ["push", "-q", "origin", "main"]);
        std::fs::remove_dir_all(&other).unwrap();
    }
    env.git_in(
        &env.root.join("hosts/extra.git"),
        ["branch", "topic", "main"],
    );
    env.commit("ours");
    env.multi(["push", "same"]).expect_code(0);
    env.multi(["fetch", "new", "fork"]).expect_code(0);
    // fork diverges: we rewrite nothing, but it has "theirs" and we have "ours" on top of the common base.
    env
}

#[test]
fn status_reports_every_state_from_the_remotes() {
    let env = scenario();
    let run = env.multi(["status", "--json"]).expect_code(0);
    let json = run.json();
    assert_eq!(json["ok"], true);
    assert_eq!(json["in_sync"], false);
    let main = "refs/heads/main";
    assert_eq!(state(&json, "same", main)["state"], "in-sync");
    assert_eq!(state(&json, "old", main)["state"], "ahead");
    assert_eq!(state(&json, "old", main)["ahead"], 1);
    assert_eq!(
        state(&json, "new", main)["state"],
        "diverged",
        "we have `ours`, it has `ahead`: {json}"
    );
    assert_eq!(state(&json, "fork", main)["state"], "diverged");
    assert_eq!(
        (
            state(&json, "fork", main)["ahead"].as_u64(),
            state(&json, "fork", main)["behind"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(state(&json, "empty", main)["state"], "missing-remote");
    assert_eq!(
        state(&json, "extra", "refs/heads/topic")["state"],
        "missing-local"
    );
    assert_eq!(
        state(&json, "same", main)["local"],
        state(&json, "same", main)["remote_oid"]
    );

    env.multi(["status", "--exit-code"]).expect_code(1);
    env.multi(["status", "same", "--exit-code"]).expect_code(0);
    let human = env.multi(["status"]).expect_code(0);
    let header = human.first_line_words();
    assert_eq!(header, ["same", "old", "new", "fork", "empty", "extra"]);
    assert!(human.stdout.contains("diverged 1/1"), "{}", human.stdout);
}

#[test]
fn status_offline_uses_tracking_refs_only() {
    let env = scenario();
    // A commit pushed behind our back is invisible offline until fetched.
    let other = env.root.join("late");
    env.git_in(
        &env.root,
        [
            "clone",
            "-q",
            env.root.join("hosts/same.git").to_str().unwrap(),
            other.to_str().unwrap(),
        ],
    );
    env.git_in(&other, ["commit", "-q", "--allow-empty", "-m", "late"]);
    env.git_in(&other, ["push", "-q", "origin", "main"]);
    let offline = env
        .multi(["status", "--offline", "--json", "same"])
        .expect_code(0)
        .json();
    assert_eq!(
        state(&offline, "same", "refs/heads/main")["state"],
        "in-sync"
    );
    let online = env
        .multi(["status", "--json", "same"])
        .expect_code(0)
        .json();
    assert_eq!(
        state(&online, "same", "refs/heads/main")["state"],
        "unknown",
        "its new commit is not here yet"
    );
    env.multi(["fetch", "same"]).expect_code(0);
    let fetched = env
        .multi(["status", "--offline", "--json", "same"])
        .expect_code(0)
        .json();
    assert_eq!(
        state(&fetched, "same", "refs/heads/main")["state"],
        "behind"
    );
}

#[test]
fn fetch_prune_keeps_the_pruned_tip() {
    let env = scenario();
    let run = env
        .multi(["fetch", "extra", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(run["remotes"][0]["new"], serde_json::json!(["topic"]));
    let topic = env.git(["rev-parse", "refs/remotes/extra/topic"]);
    env.git_in(&env.root.join("hosts/extra.git"), ["branch", "-D", "topic"]);
    let pruned = env
        .multi(["fetch", "--prune", "extra", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(pruned["remotes"][0]["pruned"], serde_json::json!(["topic"]));
    assert_eq!(
        env.try_git_in(
            &env.work,
            ["rev-parse", "--verify", "-q", "refs/remotes/extra/topic"]
        )
        .code,
        1
    );
    assert_eq!(env.backups_of("extra", "heads/topic"), [topic.trim()]);
    let again = env
        .multi(["fetch", "extra", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(again["remotes"][0]["status"], "up-to-date");
}

#[test]
fn push_flags_dry_run_all_tags_branch_and_atomic() {
    let env = TestEnv::new();
    let [a, b] = <[_; 2]>::try_from(env.add_local_remotes(&["a", "b"])).unwrap();
    env.git(["branch", "topic"]);
    env.git(["tag", "-a", "-m", "release", "v1"]);

    let dry = env
        .multi(["push", "--all", "--tags", "--dry-run", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(dry["remotes"][0]["status"], "dry-run");
    assert_eq!(
        env.git_in(&a, ["for-each-ref"]),
        "",
        "a dry run pushes nothing"
    );

    let one = env
        .multi(["push", "a", "--branch", "topic", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(one["remotes"].as_array().unwrap().len(), 1);
    assert_eq!(
        env.git_in(&a, ["for-each-ref", "--format=%(refname)"]),
        "refs/heads/topic\n"
    );

    env.multi(["push", "--all", "--tags"]).expect_code(0);
    for host in [&a, &b] {
        assert_eq!(
            env.git_in(host, ["for-each-ref", "--format=%(refname)"]),
            "refs/heads/main\nrefs/heads/topic\nrefs/tags/v1\n"
        );
    }
    let tags = env
        .multi(["status", "--tags", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(state(&tags, "b", "refs/tags/v1")["state"], "in-sync");

    // --atomic: b refuses topic, so with --atomic it takes neither branch.
    let hook = b.join("hooks/update");
    write_script(&hook, "#!/bin/sh\n[ \"$1\" = refs/heads/topic ] && { echo 'topic is frozen' >&2; exit 1; }\nexit 0\n");
    env.commit("on-main");
    env.git(["branch", "-f", "topic", "HEAD"]);
    let atomic = env
        .multi(["push", "--all", "--atomic", "--json"])
        .expect_code(1)
        .json();
    assert_eq!(atomic["remotes"][0]["status"], "ok");
    assert_eq!(atomic["remotes"][1]["status"], "rejected");
    assert!(
        atomic["remotes"][1]["error"]
            .as_str()
            .unwrap()
            .contains("topic is frozen"),
        "{atomic}"
    );
    assert_ne!(
        env.git_in(&b, ["rev-parse", "main"]),
        env.git(["rev-parse", "main"]),
        "main not updated on b either"
    );
    assert_eq!(
        env.git_in(&a, ["rev-parse", "main"]),
        env.git(["rev-parse", "main"])
    );
}

#[test]
fn push_needs_a_branch() {
    let env = TestEnv::new();
    let a = env.bare("a.git");
    env.multi(["remote", "add", "a", a.to_str().unwrap()])
        .expect_code(0);
    let unknown = env.multi(["push", "--branch", "nope"]).expect_code(2);
    assert!(
        unknown.stderr.starts_with("error: no local branch `nope`"),
        "{}",
        unknown.stderr
    );
    env.git(["checkout", "-q", "--detach"]);
    let detached = env.multi(["push"]).expect_code(2);
    assert!(
        detached
            .stderr
            .contains("hint: name the branch with `--branch <name>`"),
        "{}",
        detached.stderr
    );
}
