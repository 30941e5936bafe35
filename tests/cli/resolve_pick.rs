//! `resolve --take primary` (the primary member's copy) and `resolve --interactive` (asked on a terminal, driven
//! here through tmux: per conflicted ref local, a remote's copy, merge or skip; exit 2 without a terminal).

use std::time::Duration;

use crate::env::TestEnv;
use crate::tui::Tmux;

/// Remotes a and b with main pushed, then a commit someone else pushed to a's main; returns that commit.
fn a_moved_on(env: &TestEnv) -> (String, Vec<std::path::PathBuf>) {
    let hosts = env.add_local_remotes(&["a", "b"]);
    env.multi(["push"]).expect_code(0);
    let theirs = env.push_foreign(&hosts[0], "main", "on-a");
    (theirs, hosts)
}

#[test]
fn take_primary_takes_the_primary_members_copy() {
    let env = TestEnv::new();
    let (theirs, hosts) = a_moved_on(&env);
    let none = env
        .multi(["resolve", "main", "--take", "primary"])
        .expect_code(2);
    assert!(none.stderr.contains("no primary remote"), "{}", none.stderr);
    env.multi(["primary", "a"]).expect_code(0);
    env.multi(["resolve", "main", "--take", "primary"])
        .expect_code(0);
    assert_eq!(env.git_in(&hosts[1], ["rev-parse", "main"]).trim(), theirs);
    assert_eq!(env.git(["rev-parse", "main"]).trim(), theirs);
}

#[test]
fn interactive_needs_a_terminal() {
    let env = TestEnv::new();
    a_moved_on(&env);
    let run = env.multi(["resolve", "--interactive"]).expect_code(2);
    assert!(run.stderr.contains("asks on a terminal"), "{}", run.stderr);
}

#[test]
fn interactive_asks_per_ref_and_takes_the_chosen_copy() {
    if crate::servers::require("tmux").is_none() {
        return;
    }
    let env = TestEnv::new();
    let (theirs, hosts) = a_moved_on(&env);
    let tmux = Tmux::multi(&env, 100, "resolve --interactive", "");
    let screen = tmux.wait_for("the prompt for main", Duration::from_secs(30), |s| {
        s.contains("refs/heads/main (behind a remote)") && s.contains("skip")
    });
    assert!(screen.contains("local ("), "{screen}");
    assert!(screen.contains("a ("), "{screen}");
    assert!(screen.contains("merge every copy"), "{screen}");
    // The first choice is local; one down is a's copy.
    tmux.run(&["send-keys", "Down"]);
    tmux.run(&["send-keys", "Enter"]);
    let exit = tmux.exit_line("resolve never ended", Duration::from_secs(30));
    assert_eq!(exit, "EXIT=0");
    assert_eq!(env.git_in(&hosts[1], ["rev-parse", "main"]).trim(), theirs);
    assert_eq!(env.git(["rev-parse", "main"]).trim(), theirs);
}
