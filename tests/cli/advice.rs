//! Advice in git's style: `hint:` lines on stderr after the summary (push to a subset, failures, remotes out
//! of sync, missing tokens), silenced by `multi.advice false` and never printed with `--json`.

use crate::env::TestEnv;

#[test]
fn push_to_a_subset_advises_pushing_to_all() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b", "c"]);
    let run = env.multi(["push", "a"]).expect_code(0);
    assert!(
        run.stderr
            .contains("hint: pushed to 1 of the 3 remotes of the set;"),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("hint: Disable this message with \"git config multi.advice false\""));
    assert!(!run.stdout.contains("hint:"), "hints go to stderr");
    // Everyone: no advice.
    let all = env.multi(["push"]).expect_code(0);
    assert!(!all.stderr.contains("hint:"), "{}", all.stderr);
    // --json: no advice.
    let json = env.multi(["push", "a", "--json"]).expect_code(0);
    assert!(!json.stderr.contains("hint:"), "{}", json.stderr);
    env.multi(["config", "set", "multi.advice", "false"])
        .expect_code(0);
    let quiet = env.multi(["push", "a"]).expect_code(0);
    assert!(!quiet.stderr.contains("hint:"), "{}", quiet.stderr);
    // A bare `advice` line under [multi] is git's "true": the advice is back.
    env.git(["config", "--unset", "multi.advice"]);
    let config = env.work.join(".git/config");
    let text = std::fs::read_to_string(&config).unwrap() + "[multi]\n\tadvice\n";
    std::fs::write(&config, text).unwrap();
    let advised = env.multi(["push", "a"]).expect_code(0);
    assert!(
        advised.stderr.contains("hint: pushed to 1 of the 3"),
        "{}",
        advised.stderr
    );
}

#[test]
fn a_chosen_subset_gets_no_subset_advice() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b", "c"]);
    env.multi(["group", "add", "work", "a", "b"]).expect_code(0);
    // A group is a subset chosen by name: nothing to advise.
    let only = env.multi(["push", "--only", "work"]).expect_code(0);
    assert!(!only.stderr.contains("pushed to"), "{}", only.stderr);
    // retry narrows to the failed remotes itself: no advice about the others either.
    let missing = env.root.join("hosts/late.git");
    env.multi(["remote", "add", "late", missing.to_str().unwrap()])
        .expect_code(0);
    env.multi(["push"]).expect_code(1);
    env.git_in(
        &env.root,
        ["init", "-q", "--bare", missing.to_str().unwrap()],
    );
    let retried = env.multi(["retry"]).expect_code(0);
    assert!(retried.stderr.contains("retrying"), "{}", retried.stderr);
    assert!(!retried.stderr.contains("pushed to"), "{}", retried.stderr);
}

#[test]
fn failures_advise_retry() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    let missing = env.root.join("hosts/none.git");
    env.multi(["remote", "add", "b", missing.to_str().unwrap()])
        .expect_code(0);
    let run = env.multi(["push"]).expect_code(1);
    let summary_then_hint = run
        .stderr
        .contains("hint: run `git multi retry` to try again on b");
    assert!(summary_then_hint, "{}", run.stderr);
    env.git(["config", "multi.advice", "off"]);
    let quiet = env.multi(["fetch"]).expect_code(1);
    assert!(
        !quiet.stderr.contains("git multi retry"),
        "{}",
        quiet.stderr
    );
}

#[test]
fn status_advises_push_and_pull() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["a", "b"]);
    env.multi(["push"]).expect_code(0);
    env.commit("second");
    env.multi(["push", "b"]).expect_code(0);
    let run = env.multi(["status"]).expect_code(0);
    assert!(
        run.stderr
            .contains("hint: a lacks local commits: `git multi push` sends them"),
        "{}",
        run.stderr
    );
    env.push_foreign(&paths[1], "main", "elsewhere");
    env.multi(["fetch", "b"]).expect_code(0);
    let run = env.multi(["status"]).expect_code(0);
    assert!(
        run.stderr
            .contains("hint: b has commits that are not here: `git multi pull`"),
        "{}\n{}",
        run.stdout,
        run.stderr
    );
}
