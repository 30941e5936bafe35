//! `pull` and `sync`: integrate the primary, push everywhere, never overwrite a diverged remote.

use crate::env::{outcome as remote, TestEnv};

/// Three remotes that all have our first commit.
fn three_remotes() -> TestEnv {
    let env = TestEnv::new();
    for name in ["prim", "mirror", "other"] {
        let path = env.bare(&format!("{name}.git"));
        env.multi(["remote", "add", name, path.to_str().unwrap()])
            .expect_code(0);
    }
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
