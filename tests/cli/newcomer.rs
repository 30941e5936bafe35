//! What a new user meets first: the quickstart finds git-multi wherever cargo builds it and says it is building;
//! `clone` sets up the set without warning about the group it is about to write; a repository with no commits
//! says so; a push refused only because the remote is ahead says to pull, not to resolve or force.

use std::path::{Path, PathBuf};

use crate::env::TestEnv;

/// A cargo project whose `git-multi` binary runs the one under test: it builds in a second, where the real
/// project would take minutes, and the quickstart script is copied in unchanged.
fn stub_project(env: &TestEnv) -> PathBuf {
    let project = env.root.join("project");
    std::fs::create_dir_all(project.join("src")).unwrap();
    std::fs::create_dir_all(project.join("examples")).unwrap();
    std::fs::write(
        project.join("Cargo.toml"),
        "[package]\nname = \"quickstart-stub\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[[bin]]\nname = \"git-multi\"\npath = \"src/main.rs\"\n",
    )
    .unwrap();
    std::fs::write(
        project.join("src/main.rs"),
        format!(
            "fn main() {{\n    let status = std::process::Command::new({:?})\n        .args(std::env::args_os().skip(1))\n        .status()\n        .expect(\"run git-multi\");\n    std::process::exit(status.code().unwrap_or(1));\n}}\n",
            env!("CARGO_BIN_EXE_git-multi")
        ),
    )
    .unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/quickstart.sh"),
        project.join("examples/quickstart.sh"),
    )
    .unwrap();
    project
}

/// PATH with the cargo that runs these tests first (its rustc beside it, no rustup needed under a test HOME),
/// and without any directory that already holds a `git-multi`.
fn path_with_cargo() -> String {
    let cargo_dir = Path::new(env!("CARGO")).parent().unwrap().to_path_buf();
    let rest = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .filter(|dir| !dir.join("git-multi").exists())
        .collect::<Vec<_>>();
    std::env::join_paths(std::iter::once(cargo_dir).chain(rest))
        .unwrap()
        .into_string()
        .unwrap()
}

#[test]
fn quickstart_finds_git_multi_wherever_cargo_puts_it() {
    let env = TestEnv::new();
    let project = stub_project(&env);
    let command = |args: &[&str]| {
        let mut c = env.command(args[0], &project);
        c.args(&args[1..])
            .env("PATH", path_with_cargo())
            .env("CARGO_TARGET_DIR", env.root.join("elsewhere"))
            .env("TMPDIR", &env.root);
        c
    };
    let lock = command(&["cargo", "generate-lockfile", "--offline"])
        .output()
        .unwrap();
    assert!(lock.status.success(), "{lock:?}");
    let out = command(&["bash", "examples/quickstart.sh"])
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("building git-multi with cargo (the first build takes a few minutes"),
        "{stderr}"
    );
    let built = env.root.join("elsewhere/debug/git-multi");
    assert!(
        stderr.contains(&format!("using {}", built.display())),
        "{stderr}"
    );
    assert!(
        !project.join("target").exists(),
        "built under target/ anyway"
    );
    assert!(stdout.contains("$ git multi push --all"), "{stdout}");
    assert!(stdout.contains("3 remotes: 3 ok"), "{stdout}");
}

#[test]
fn clone_says_nothing_about_the_group_it_writes() {
    let env = TestEnv::new();
    let source = env.bare("source.git");
    env.git(["push", "-q", source.to_str().unwrap(), "main"]);
    let mirror = env.bare("mirror.git");
    let mirror_to = ["--mirror-to", mirror.to_str().unwrap()];
    let run = crate::clone::clone_over_file(&env, &source, &mirror_to).expect_code(0);
    assert!(!run.stderr.contains("remotes.multi"), "{}", run.stderr);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    run.assert_stdout_has("cloned into");
    let dir = env.root.join("source");
    assert_eq!(
        env.git_in(&dir, ["config", "--get", "remotes.multi"])
            .trim(),
        "origin mirror"
    );
    // A real drift is still reported on the next command.
    env.git_in(&dir, ["config", "--unset", "remotes.multi"]);
    let status = env.multi_in(&dir, ["status"]);
    status.assert_stderr_has("remotes.multi is not set");
}

#[test]
fn an_empty_repository_says_it_has_no_commits() {
    let env = TestEnv::new();
    let empty = env.root.join("empty");
    env.git_in(&env.root, ["init", "-q", empty.to_str().unwrap()]);
    let host = env.bare("host.git");
    env.multi_in(&empty, ["init"]).expect_code(0);
    env.multi_in(&empty, ["remote", "add", "host", host.to_str().unwrap()])
        .expect_code(0);

    let push = env.multi_in(&empty, ["push"]).expect_code(2);
    assert!(
        push.stderr
            .starts_with("error: the repository has no commits yet, so there is nothing to push"),
        "{}",
        push.stderr
    );
    push.assert_stderr_has("hint: make a first commit");
    assert!(!push.stderr.contains("no local branch"), "{}", push.stderr);
    let named = env
        .multi_in(&empty, ["push", "--branch", "main"])
        .expect_code(2);
    named.assert_stderr_has("has no commits yet");

    let status = env.multi_in(&empty, ["status"]).expect_code(0);
    status.assert_stderr_has("note: the repository has no commits yet");
    status.assert_stderr_has("hint: make a first commit");
    // The remote has a branch: the hint says how to start from it.
    env.git(["push", "-q", host.to_str().unwrap(), "main"]);
    let status = env.multi_in(&empty, ["status"]).expect_code(0);
    status.assert_stderr_has("`git multi fetch`, then `git switch -c");

    // An unborn branch in a repository that has others: that branch has no commits yet.
    env.add_local_remotes(&["other"]);
    env.git(["switch", "-q", "--orphan", "fresh"]);
    let run = env.multi(["push"]).expect_code(2);
    assert!(
        run.stderr
            .starts_with("error: the current branch `fresh` has no commits yet"),
        "{}",
        run.stderr
    );
    // A status of a repository with commits carries no such note.
    env.git(["switch", "-q", "main"]);
    let status = env.multi(["status"]);
    assert!(
        !status.stderr.contains("no commits yet"),
        "{}",
        status.stderr
    );
}

#[test]
fn a_push_refused_only_because_the_remote_is_ahead_says_to_pull() {
    let env = TestEnv::new();
    let host = env.add_local_remotes(&["host"]).remove(0);
    env.git(["branch", "side"]);
    env.multi(["push", "--all"]).expect_code(0);
    env.push_foreign(&host, "main", "theirs");
    env.push_foreign(&host, "side", "theirs-side");

    // Not fetched yet ("fetch first"): the remote moved on from what this clone last saw of it.
    let run = env.multi(["push"]).expect_code(1);
    run.assert_stdout_has("main: rejected (non-fast-forward): the remote has commits you do not have, and you have none it lacks");
    run.assert_stdout_has("hint: the remote is only ahead: bring its commits here with `git multi pull --primary host` (a fast-forward), then push again");
    assert!(!run.stdout.contains("resolve"), "{}", run.stdout);
    assert!(!run.stdout.contains("force"), "{}", run.stdout);

    // Fetched: the counts are known, the advice the same.
    env.multi(["fetch"]).expect_code(0);
    let run = env.multi(["push"]).expect_code(1);
    run.assert_stdout_has("the remote is ahead by 1 commit");
    run.assert_stdout_has("`git multi pull --primary host`");
    assert!(!run.stdout.contains("resolve"), "{}", run.stdout);

    // A branch not checked out: pull would not touch it; git's own fast-forward fetch does.
    let run = env.multi(["push", "--branch", "side"]).expect_code(1);
    run.assert_stdout_has("`git fetch host side:side` fast-forwards `side` to its commits");
    env.git(["fetch", "-q", "host", "side:side"]);
    env.multi(["push", "--branch", "side"]).expect_code(0);

    // The advice works as given.
    env.multi(["pull", "--primary", "host"]).expect_code(0);
    env.multi(["push"]).expect_code(0);

    // Diverged is another matter: merging (or overwriting) is the choice, and the hint says so.
    env.commit("mine");
    env.push_foreign(&host, "main", "theirs-again");
    let run = env.multi(["push"]).expect_code(1);
    run.assert_stdout_has("diverged");
    run.assert_stdout_has("`git multi resolve refs/heads/main --merge`");
    assert!(!run.stdout.contains("git multi pull"), "{}", run.stdout);
}
