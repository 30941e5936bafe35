//! `resolve --take primary` (the primary member's copy) and `resolve --interactive` (asked on a terminal, driven
//! here through tmux: per conflicted ref local, a remote's copy, merge or skip; exit 2 without a terminal).

use std::path::Path;
use std::time::{Duration, Instant};

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
    let exit_file = env.root.join("exit");
    let quote = |p: &Path| format!("'{}'", p.display());
    let script = env.root.join("resolve.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ncd {work}\nexport HOME={home} XDG_CONFIG_HOME={home}/.config GIT_CONFIG_NOSYSTEM=1 \
             GIT_CONFIG_GLOBAL={home}/.gitconfig LC_ALL=C TZ=UTC GIT_TERMINAL_PROMPT=0 TERM=xterm-256color NO_COLOR=1\n\
             unset GIT_ASKPASS SSH_ASKPASS\n{bin} resolve --interactive\necho \"EXIT=$?\" > {exit}\nexec sleep 600\n",
            work = quote(&env.work),
            home = quote(&env.home),
            bin = quote(Path::new(env!("CARGO_BIN_EXE_git-multi"))),
            exit = quote(&exit_file),
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let tmux = Tmux::start(&env, 100, &script);
    let screen = tmux.wait_for("the prompt for main", Duration::from_secs(30), |s| {
        s.contains("refs/heads/main (behind a remote)") && s.contains("skip")
    });
    assert!(screen.contains("local ("), "{screen}");
    assert!(screen.contains("a ("), "{screen}");
    assert!(screen.contains("merge every copy"), "{screen}");
    // The first choice is local; one down is a's copy.
    tmux.run(&["send-keys", "Down"]);
    tmux.run(&["send-keys", "Enter"]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !exit_file.exists() {
        assert!(Instant::now() < deadline, "resolve never ended");
        std::thread::sleep(Duration::from_millis(50));
    }
    let exit = std::fs::read_to_string(&exit_file).unwrap();
    assert_eq!(exit.trim(), "EXIT=0");
    assert_eq!(env.git_in(&hosts[1], ["rev-parse", "main"]).trim(), theirs);
    assert_eq!(env.git(["rev-parse", "main"]).trim(), theirs);
}
