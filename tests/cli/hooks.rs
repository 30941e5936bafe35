//! `git multi hook`: hooks chain the one already there and give it back byte for byte, follow
//! `core.hooksPath`, and push in the background: a commit returns before a slow remote is done, and a plain
//! `git push <remote>` reaches every other member without git-multi's own pushes starting the hook again.

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use crate::env::{tip, TestEnv};
use crate::servers::http::{Fault, HttpServer};
use crate::transports::{use_credential_helper, PASSWORD, USER};

/// Polls `done` until it holds; panics with `what` after `limit`.
#[track_caller]
pub fn wait_until(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "not within {limit:?}: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub(crate) fn hook_log(env: &TestEnv) -> String {
    std::fs::read_to_string(env.work.join(".git/multi/hook.log")).unwrap_or_default()
}

/// Waits until no process started by this environment (the detached git-multi and its git children) runs.
pub(crate) fn wait_for_background(env: &TestEnv) {
    wait_until(
        Duration::from_secs(60),
        "the background git-multi ends",
        || env.leftover_processes().is_empty(),
    );
}

#[test]
fn an_existing_hook_is_chained_and_given_back_byte_for_byte() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    let hook = env.work.join(".git/hooks/post-commit");
    let original = b"#!/bin/sh\n# the team's own hook\necho \"ran with [$*]\" >> \"$(git rev-parse --git-dir)/../own-hook.log\"\nexit 3\n";
    std::fs::write(&hook, original).unwrap();
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o750)).unwrap();

    let run = env.multi(["hook", "install", "post-commit"]).expect_code(0);
    assert!(
        run.stdout.contains("post-commit.git-multi-orig"),
        "{}",
        run.stdout
    );
    let installed = std::fs::read_to_string(&hook).unwrap();
    assert!(installed.contains("# git-multi managed: post-commit hook, action push"));
    assert_eq!(
        std::fs::read(env.work.join(".git/hooks/post-commit.git-multi-orig")).unwrap(),
        original
    );
    let list = env.multi(["hook", "list", "--json"]).expect_code(0).json();
    let post_commit = &list["hooks"][0];
    assert_eq!(post_commit["hook"], "post-commit");
    assert_eq!(post_commit["kind"], "git-multi");
    assert_eq!(post_commit["action"], "push");

    // The chained hook still runs, first, with git's arguments; its exit code is the hook's.
    env.commit("second");
    wait_for_background(&env);
    let own = std::fs::read_to_string(env.work.join("own-hook.log")).unwrap();
    assert_eq!(own, "ran with []\n");
    let pushed = tip(&env, &env.root.join("hosts/a.git"), "refs/heads/main");
    assert_eq!(
        pushed,
        tip(&env, &env.work, "HEAD"),
        "log:\n{}",
        hook_log(&env)
    );

    // Installing again only changes the action; the saved hook stays as it is.
    env.multi(["hook", "install", "post-commit", "--action", "fetch"])
        .expect_code(0);
    assert!(std::fs::read_to_string(&hook)
        .unwrap()
        .contains("git multi fetch --json"));

    env.multi(["hook", "remove", "post-commit"]).expect_code(0);
    assert_eq!(std::fs::read(&hook).unwrap(), original);
    let mode = std::fs::metadata(&hook).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o750);
    assert!(!env
        .work
        .join(".git/hooks/post-commit.git-multi-orig")
        .exists());
    // Not ours any more: remove refuses to touch it.
    let run = env.multi(["hook", "remove", "post-commit"]).expect_code(2);
    assert!(
        run.stderr.contains("not installed by git-multi"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: "));
    assert_eq!(std::fs::read(&hook).unwrap(), original);
}

#[test]
fn hooks_go_where_core_hooks_path_points() {
    let env = TestEnv::new();
    env.git(["config", "core.hooksPath", "team-hooks"]);
    let dir = env.work.join("team-hooks");
    std::fs::create_dir_all(&dir).unwrap();
    let original = b"#!/bin/sh\nexit 0\n";
    std::fs::write(dir.join("pre-push"), original).unwrap();
    std::fs::set_permissions(dir.join("pre-push"), std::fs::Permissions::from_mode(0o755)).unwrap();

    let run = env.multi(["hook", "install", "pre-push"]).expect_code(0);
    assert!(run.stderr.contains("core.hooksPath"), "{}", run.stderr);
    assert!(std::fs::read_to_string(dir.join("pre-push"))
        .unwrap()
        .contains("git-multi managed"));
    assert_eq!(
        std::fs::read(dir.join("pre-push.git-multi-orig")).unwrap(),
        original
    );
    assert!(!env.work.join(".git/hooks/pre-push").exists());
    let list = env.multi(["hook", "list"]).expect_code(0);
    assert!(list.stdout.contains("(core.hooksPath)"), "{}", list.stdout);

    // A pre-push hook only pushes: asking it to sync is bad input, and nothing changes.
    let before = std::fs::read(dir.join("pre-push")).unwrap();
    let run = env
        .multi(["hook", "install", "pre-push", "--action", "sync"])
        .expect_code(2);
    assert!(
        run.stderr.contains("hint: use `--action push`"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(dir.join("pre-push")).unwrap(), before);

    env.multi(["hook", "remove", "pre-push"]).expect_code(0);
    assert_eq!(std::fs::read(dir.join("pre-push")).unwrap(), original);
}

#[test]
fn a_commit_pushes_to_every_remote_in_the_background() {
    let env = TestEnv::new();
    let hosts = env.root.join("hosts");
    let local = env.add_local_remotes(&["a", "b"]);
    env.bare("slow.git");
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    use_credential_helper(&env, PASSWORD);
    env.multi(["remote", "add", "slow", &http.url("slow.git")])
        .expect_code(0);
    env.multi(["hook", "install", "post-commit"]).expect_code(0);
    // Every request to `slow` waits 3 s: a push there takes several of them (at least 9 s in all).
    http.set_fault("slow.git", Some(Fault::Delay(Duration::from_secs(3))));

    let head = env.commit("pushed by the hook");
    // Causal rather than a wall-clock bound (which a loaded machine breaks): had the commit waited for the
    // hook's push, `slow` would have the commit by now; its push takes several delayed requests.
    assert_ne!(
        tip(&env, &hosts.join("slow.git"), "refs/heads/main").as_deref(),
        Some(head.as_str()),
        "the commit waited for the network"
    );
    let remotes = [local[0].clone(), local[1].clone(), hosts.join("slow.git")];
    wait_until(Duration::from_secs(60), "main reaches every remote", || {
        remotes
            .iter()
            .all(|r| tip(&env, r, "refs/heads/main").as_deref() == Some(head.as_str()))
    });
    wait_for_background(&env);
    let log = hook_log(&env);
    assert!(log.contains("post-commit: git multi push --json"), "{log}");
    assert!(log.contains("\"ok\": true"), "{log}");
}

#[test]
fn a_plain_git_push_brings_the_other_members_up_to_date() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b", "c"]);
    env.multi(["hook", "install", "pre-push"]).expect_code(0);
    env.git(["switch", "-q", "-c", "topic"]);
    let topic = env.commit("topic work");

    env.git(["push", "-q", "a", "topic"]);
    assert_eq!(
        tip(&env, &hosts[0], "refs/heads/topic").as_deref(),
        Some(topic.as_str())
    );
    wait_until(Duration::from_secs(60), "topic reaches b and c", || {
        hosts[1..]
            .iter()
            .all(|r| tip(&env, r, "refs/heads/topic").as_deref() == Some(topic.as_str()))
    });
    wait_for_background(&env);
    // Only the branch that was pushed travels, and git-multi's own pushes did not start the hook again.
    assert_eq!(tip(&env, &hosts[1], "refs/heads/main"), None);
    let log = hook_log(&env);
    assert_eq!(log.matches("pre-push: git multi").count(), 1, "{log}");
    assert!(
        log.contains("pre-push: git multi push --json --branch=topic b c"),
        "{log}"
    );

    // git-multi pushing runs the same hook (once per remote) without fanning out again.
    let more = env.commit("more");
    env.multi(["push", "a"]).expect_code(0);
    assert_eq!(
        tip(&env, &hosts[0], "refs/heads/topic").as_deref(),
        Some(more.as_str())
    );
    wait_for_background(&env);
    assert_eq!(hook_log(&env).matches("pre-push: git multi").count(), 1);
    assert_eq!(
        tip(&env, &hosts[1], "refs/heads/topic").as_deref(),
        Some(topic.as_str())
    );
}
