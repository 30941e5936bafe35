//! `git multi retry [--last]`: the last operation run again with the same arguments, only on the remotes where
//! it failed (kept in `.git/multi/last`).

use crate::env::{outcome, remote_names, write_script, TestEnv};

/// Members a, b, c where b's repository does not exist yet: every transfer to it fails.
fn env_with_a_broken_remote() -> (TestEnv, std::path::PathBuf) {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    let missing = env.root.join("hosts").join("b.git");
    env.multi(["remote", "add", "b", missing.to_str().unwrap()])
        .expect_code(0);
    env.add_local_remotes(&["c"]);
    (env, missing)
}

fn make_bare(env: &TestEnv, path: &std::path::Path) {
    env.git_in(&env.root, ["init", "-q", "--bare", path.to_str().unwrap()]);
}

#[test]
fn retry_runs_the_same_push_only_where_it_failed() {
    let (env, missing) = env_with_a_broken_remote();
    env.commit("second");
    let push = env
        .multi(["push", "--tags", "--json"])
        .expect_code(1)
        .json();
    assert_eq!(outcome(&push, "b")["status"], "failed");
    make_bare(&env, &missing);
    let retried = env.multi(["retry"]).expect_code(0);
    assert!(
        retried
            .stderr
            .contains("retrying `git multi push --tags --json` on b"),
        "{}",
        retried.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&retried.stdout).unwrap();
    assert_eq!(remote_names(&json), ["b"], "{json}");
    assert_eq!(outcome(&json, "b")["status"], "ok");
    let head = env.git(["rev-parse", "HEAD"]);
    assert_eq!(env.git_in(&missing, ["rev-parse", "main"]), head);

    // The push now worked everywhere: nothing left.
    let nothing = env.multi(["retry"]).expect_code(0);
    assert!(
        nothing
            .stderr
            .contains("nothing to retry: the last push succeeded on every remote"),
        "{}",
        nothing.stderr
    );
    assert!(nothing.stdout.is_empty());
}

#[test]
fn retry_of_a_fetch_and_of_the_last_run() {
    let (env, missing) = env_with_a_broken_remote();
    env.multi(["fetch", "--json"]).expect_code(1);
    // Still failing: the retry fails again on b alone, and `retry` keeps b on its list.
    let again = env.multi(["retry"]).expect_code(1);
    assert!(again.stderr.contains("on b"), "{}", again.stderr);
    let json: serde_json::Value = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(remote_names(&json), ["b"]);
    make_bare(&env, &missing);
    let last = env.multi(["retry", "--last"]).expect_code(0);
    let json: serde_json::Value = serde_json::from_str(&last.stdout).unwrap();
    assert_eq!(remote_names(&json), ["b"]);
    assert_eq!(outcome(&json, "b")["status"], "up-to-date");
    env.multi(["retry"]).expect_code(0);
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(env.work.join(".git/multi/last")).unwrap())
            .unwrap();
    assert_eq!(record["operation"]["verb"], "fetch");
    assert_eq!(record["operation"]["failed"], serde_json::json!([]));
    assert_eq!(record["last"]["retry"], true);
}

#[test]
fn retry_without_a_record_and_after_a_usage_error() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    let none = env.multi(["retry"]).expect_code(0);
    assert!(
        none.stderr
            .contains("nothing to retry: no git multi operation"),
        "{}",
        none.stderr
    );
    // A usage error did nothing and is not an operation to retry.
    env.multi(["push", "nope"]).expect_code(2);
    env.multi(["retry"]).expect_code(0);
    assert!(!env.work.join(".git/multi/last").exists());
}

#[test]
fn retry_narrows_sync_to_the_failed_remote() {
    let (env, missing) = env_with_a_broken_remote();
    env.multi(["push", "a", "c"]).expect_code(0);
    env.commit("second");
    env.multi(["sync", "--primary", "a", "--json"])
        .expect_code(1);
    make_bare(&env, &missing);
    let retried = env.multi(["retry"]).expect_code(0);
    let json: serde_json::Value = serde_json::from_str(&retried.stdout).unwrap();
    let synced = remote_names(&json);
    assert!(synced.contains(&"b".to_string()), "{json}");
    assert!(!synced.contains(&"c".to_string()), "{json}");
    let head = env.git(["rev-parse", "HEAD"]);
    assert_eq!(env.git_in(&missing, ["rev-parse", "main"]), head);
}

#[test]
fn the_failed_remotes_are_kept_in_the_set_order_whatever_order_they_failed_in() {
    let env = TestEnv::new();
    // Members z then y; y's git on the far side fails at once and leaves a mark, z's fails only once that mark
    // is there (or after 10 s): z always ends last, so the record can only be in set order if it is sorted.
    env.add_local_remotes(&["z", "y"]);
    env.add_local_remotes(&["a"]);
    let mark = env.root.join("y-failed");
    let mark = mark.to_str().unwrap();
    let y = env.root.join("y-receive-pack");
    write_script(&y, &format!("#!/bin/sh\ntouch '{mark}'\nexit 1\n"));
    let z = env.root.join("z-receive-pack");
    write_script(
        &z,
        &format!(
            "#!/bin/sh\ni=0\nwhile [ ! -e '{mark}' ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done\nexit 1\n"
        ),
    );
    env.git(["config", "remote.y.receivepack", y.to_str().unwrap()]);
    env.git(["config", "remote.z.receivepack", z.to_str().unwrap()]);
    let push = env.multi(["push", "--json"]).expect_code(1).json();
    assert_eq!(outcome(&push, "z")["status"], "failed", "{push}");
    assert_eq!(outcome(&push, "y")["status"], "failed", "{push}");
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(env.work.join(".git/multi/last")).unwrap())
            .unwrap();
    assert_eq!(record["operation"]["failed"], serde_json::json!(["z", "y"]));
    let again = env.multi(["retry"]).expect_code(1);
    assert!(again.stderr.contains("on z, y"), "{}", again.stderr);
}
