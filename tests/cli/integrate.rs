//! `pull` and `sync`: integrate the primary, push everywhere, never overwrite a diverged remote.

use crate::env::{outcome as remote, TestEnv};

/// Three remotes that all have our first commit.
fn three_remotes() -> TestEnv {
    let env = TestEnv::new();
    env.add_local_remotes(&["prim", "mirror", "other"]);
    env.multi(["push"]).expect_code(0);
    env
}

/// Someone else pushes a commit to `host`; returns its id.
fn commit_elsewhere(env: &TestEnv, host: &str, message: &str) -> String {
    env.commit_elsewhere(host, message, None)
}

fn refs_snapshot(env: &TestEnv) -> String {
    env.git(["for-each-ref"]) + &env.git(["rev-parse", "HEAD"])
}

#[test]
fn pull_fast_forwards_from_the_primary_only() {
    let env = three_remotes();
    let theirs = commit_elsewhere(&env, "prim", "upstream");
    let no_primary = env.multi(["pull"]).expect_code(2);
    assert!(
        no_primary
            .stderr
            .contains("hint: name one with `--primary <remote>`"),
        "{}",
        no_primary.stderr
    );

    env.git(["config", "multi.primary", "prim"]);
    let run = env.multi(["pull"]).expect_code(0);
    assert!(
        run.stdout
            .contains("main: fast-forwarded 1 commit from prim/main"),
        "{}",
        run.stdout
    );
    assert_eq!(env.git(["rev-parse", "HEAD"]).trim(), theirs);

    // Diverged: ff-only refuses and changes nothing; --rebase integrates.
    commit_elsewhere(&env, "prim", "more-upstream");
    env.commit("local-work");
    let before = env.git(["rev-parse", "HEAD"]);
    let refused = env.multi(["pull"]).expect_code(1);
    assert!(
        refused
            .stderr
            .starts_with("error: could not integrate prim/main into main"),
        "{}",
        refused.stderr
    );
    assert!(
        refused
            .stderr
            .contains("hint: the branches diverged: integrate with `--rebase` or `--merge`"),
        "{}",
        refused.stderr
    );
    assert_eq!(env.git(["rev-parse", "HEAD"]), before);
    env.multi(["pull", "--rebase"]).expect_code(0);
    assert_eq!(env.git(["rev-list", "--count", "HEAD"]).trim(), "4");
}

#[test]
fn sync_integrates_then_pushes_and_reports_diverged_remotes() {
    let env = three_remotes();
    env.git(["config", "multi.primary", "prim"]);
    let upstream = commit_elsewhere(&env, "prim", "upstream");
    let foreign = commit_elsewhere(&env, "other", "foreign");
    env.commit("mine");

    // The plan first: nothing may change.
    let before = refs_snapshot(&env);
    let config = env.config_bytes();
    let plan = env
        .multi(["sync", "--dry-run", "--strategy", "rebase", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(refs_snapshot(&env), before);
    assert_eq!(env.config_bytes(), config);
    assert_eq!(remote(&plan, "prim")["status"], "dry-run");
    assert_eq!(
        remote(&plan, "prim")["plan"],
        "would fetch and integrate its new commits"
    );
    assert_eq!(remote(&plan, "mirror")["state"], "ahead");
    assert_eq!(remote(&plan, "other")["state"], "unknown");

    let json = env
        .multi(["sync", "--strategy", "rebase", "--json"])
        .expect_code(1)
        .json();
    assert_eq!(json["integrated"]["incoming"], 1);
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    assert_eq!(
        env.git(["rev-parse", "HEAD~1"]).trim(),
        upstream,
        "rebased onto the primary"
    );
    assert_eq!(remote(&json, "prim")["status"], "ok");
    assert_eq!(remote(&json, "mirror")["status"], "ok");
    assert_eq!(remote(&json, "other")["status"], "rejected");
    for host in ["prim", "mirror"] {
        let bare = env.root.join(format!("hosts/{host}.git"));
        assert_eq!(env.git_in(&bare, ["rev-parse", "main"]).trim(), head);
    }
    let other = env.root.join("hosts/other.git");
    assert_eq!(
        env.git_in(&other, ["rev-parse", "main"]).trim(),
        foreign,
        "never overwritten"
    );

    // Nothing new: a second sync changes nothing but still reports the diverged remote.
    let again = env.multi(["sync", "--json"]).expect_code(1).json();
    assert_eq!(remote(&again, "prim")["status"], "up-to-date");
    assert_eq!(remote(&again, "other")["status"], "rejected");
}

#[test]
fn sync_merge_integrates_every_remote_and_ff_only_says_who_needs_what() {
    let env = three_remotes();
    let base = env.git(["rev-parse", "HEAD"]).trim().to_string();
    let mut theirs = Vec::new();
    for host in ["prim", "mirror", "other"] {
        theirs.push(commit_elsewhere(&env, host, &format!("on-{host}")));
    }
    let ours = env.commit("ours");

    // ff-only (the default) stops at the diverged primary and changes nothing anywhere.
    env.git(["config", "multi.primary", "prim"]);
    let refused = env.multi(["sync"]).expect_code(1);
    assert!(
        refused
            .stderr
            .contains("could not integrate prim/main into main"),
        "{}",
        refused.stderr
    );
    assert_eq!(env.git(["rev-parse", "HEAD"]).trim(), ours);

    // merge needs no primary: every remote's copy comes in, in the configured order, and goes out everywhere.
    env.git(["config", "--unset", "multi.primary"]);
    let json = env
        .multi(["sync", "--strategy", "merge", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(json["primary"], serde_json::Value::Null);
    let froms: Vec<&str> = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["from"].as_str().unwrap())
        .collect();
    assert_eq!(froms, ["prim/main", "mirror/main", "other/main"]);
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    for commit in theirs.iter().chain([&ours, &base]) {
        env.git(["merge-base", "--is-ancestor", commit, &head]);
    }
    for host in ["prim", "mirror", "other"] {
        let bare = env.root.join(format!("hosts/{host}.git"));
        assert_eq!(env.git_in(&bare, ["rev-parse", "main"]).trim(), head);
        let status = &remote(&json, host)["refs"][0]["status"];
        assert_eq!(status, "updated", "a fast-forward, never forced: {json}");
    }

    // ff-only takes a copy that is simply ahead from any remote, not only from the primary…
    env.git(["config", "multi.primary", "prim"]);
    let ahead = commit_elsewhere(&env, "other", "ahead-on-other");
    let json = env.multi(["sync", "--json"]).expect_code(0).json();
    assert_eq!(json["steps"][0]["from"], "other/main");
    assert_eq!(env.git(["rev-parse", "HEAD"]).trim(), ahead);
    assert_eq!(remote(&json, "prim")["status"], "ok");

    // …and names the remote whose copy diverged, with a way forward that is not the same refusal.
    commit_elsewhere(&env, "mirror", "diverged-on-mirror");
    env.commit("more-ours");
    let run = env.multi(["sync"]).expect_code(1);
    assert!(
        run.stdout
            .contains("mirror  rejected  main: rejected (non-fast-forward): diverged"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("hint: its copy has commits of its own: `git multi sync --strategy merge`"),
        "{}",
        run.stdout
    );
    env.multi(["sync", "--strategy", "merge"]).expect_code(0);
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    for host in ["prim", "mirror", "other"] {
        let bare = env.root.join(format!("hosts/{host}.git"));
        assert_eq!(env.git_in(&bare, ["rev-parse", "main"]).trim(), head);
    }
}
