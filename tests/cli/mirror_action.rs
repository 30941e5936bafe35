//! Mirror as an action of automation: `hook install --action mirror` and `schedule install --action mirror`
//! run `git multi mirror --json`, which makes every other member a copy of the primary (`ci generate --action
//! mirror` is tested with the CI files in `ci`).

use std::time::Duration;

use crate::env::{tip, TestEnv};
use crate::hooks::{hook_log, wait_for_background, wait_until};
use crate::schedule::{fake_crontab, run_cron_command};

/// Members a (the primary) and b, both at the work repository's main; then a commit lands on a only.
fn primary_ahead(env: &TestEnv) -> String {
    env.add_local_remotes(&["a", "b"]);
    env.multi(["push"]).expect_code(0);
    env.multi(["primary", "a"]).expect_code(0);
    env.push_foreign(&env.root.join("hosts/a.git"), "main", "only-on-a")
}

fn main_of(env: &TestEnv, remote: &str) -> Option<String> {
    tip(
        env,
        &env.root.join(format!("hosts/{remote}.git")),
        "refs/heads/main",
    )
}

#[test]
fn a_post_commit_hook_with_the_mirror_action_copies_the_primary_to_the_others() {
    let env = TestEnv::new();
    let ahead = primary_ahead(&env);
    assert_ne!(main_of(&env, "b").as_deref(), Some(ahead.as_str()));

    let run = env
        .multi(["hook", "install", "post-commit", "--action", "mirror"])
        .expect_code(0);
    assert!(run.stdout.contains("post-commit"), "{}", run.stdout);
    let script = std::fs::read_to_string(env.work.join(".git/hooks/post-commit")).unwrap();
    assert!(
        script.contains("# git-multi managed: post-commit hook, action mirror")
            && script.contains("git multi mirror --json"),
        "{script}"
    );
    let list = env.multi(["hook", "list", "--json"]).expect_code(0).json();
    assert_eq!(list["hooks"][0]["action"], "mirror");

    env.commit("local work");
    wait_until(Duration::from_secs(60), "b becomes a copy of a", || {
        main_of(&env, "b").as_deref() == Some(ahead.as_str())
    });
    wait_for_background(&env);
    let log = hook_log(&env);
    assert!(
        log.contains("post-commit: git multi mirror --json"),
        "{log}"
    );
    assert!(log.contains("\"ok\": true"), "{log}");

    // pre-push only ever pushes.
    let run = env
        .multi(["hook", "install", "pre-push", "--action", "mirror"])
        .expect_code(2);
    assert!(run.stderr.contains("can only push"), "{}", run.stderr);
}

#[test]
fn a_scheduled_mirror_runs_git_multi_mirror_and_lists_as_mirror() {
    let mut env = TestEnv::new();
    let ahead = primary_ahead(&env);
    let table = fake_crontab(&mut env);
    env.multi([
        "schedule", "install", "--every", "1h", "--action", "mirror", "--cron",
    ])
    .expect_code(0);
    let text = std::fs::read_to_string(&table).unwrap();
    let entry = text.lines().last().unwrap();
    assert!(
        entry.contains(&format!(
            " -C {} multi mirror --json >>",
            env.work.display()
        )),
        "{text}"
    );
    assert!(text.contains(" every 1h mirror in "), "{text}");
    let list = env
        .multi(["schedule", "list", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(list["schedules"][0]["action"], "mirror");

    run_cron_command(&env, entry);
    assert_eq!(main_of(&env, "b"), Some(ahead));
}
