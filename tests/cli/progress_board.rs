//! The live progress board on a terminal (a pseudo-terminal made by `script`): per remote git's phase with the
//! bytes moved and the rate, then a total line; nothing of it on a pipe; `--progress` / `--no-progress` force
//! it on or off.

use std::path::Path;

use crate::env::{Run, TestEnv};

/// A commit of 2 MiB (different for each `seed`) that does not compress, so git reports bytes and a rate.
fn something_to_send(env: &TestEnv, seed: u64) {
    let mut data = Vec::with_capacity(2 << 20);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15 ^ seed;
    while data.len() < 2 << 20 {
        // xorshift: cheap bytes zlib cannot shrink.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        data.extend_from_slice(&x.to_le_bytes());
    }
    std::fs::write(env.work.join("blob.bin"), data).unwrap();
    env.git(["add", "blob.bin"]);
    env.git(["commit", "-q", "-m", "blob"]);
}

/// `git multi <args>` with stdout and stderr on a pseudo-terminal; what the terminal received.
fn on_a_terminal(env: &TestEnv, script: &Path, args: &str) -> Run {
    let line = format!("{} {args}", env!("CARGO_BIN_EXE_git-multi"));
    let mut command = env.command(script, &env.work);
    command.args(["-qfec", &line, "/dev/null"]);
    Run::with_input(command, None)
}

#[test]
fn terminal_shows_bytes_rates_and_a_total_and_a_pipe_shows_none() {
    let Some(script) = crate::servers::require("script") else {
        return;
    };
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    something_to_send(&env, 1);
    let run = on_a_terminal(&env, &script, "push").expect_code(0);
    let screen = run.stdout.replace('\r', "\n");
    assert!(screen.contains("/s"), "no rate on the board:\n{screen}");
    assert!(screen.contains("MiB"), "no bytes on the board:\n{screen}");
    assert!(
        screen.contains("total  2/2 done"),
        "no total line:\n{screen}"
    );
    assert!(screen.contains("2 remotes: 2 ok"), "{screen}");

    // The same on a pipe: the summary only.
    something_to_send(&env, 2);
    let piped = env.multi(["push"]).expect_code(0);
    assert!(!piped.stderr.contains("/s"), "{}", piped.stderr);
    assert!(!piped.stderr.contains('\x1b'), "{:?}", piped.stderr);
    assert!(!piped.stderr.contains("total"), "{}", piped.stderr);

    // --no-progress on a terminal: no board.
    something_to_send(&env, 3);
    let off = on_a_terminal(&env, &script, "push --no-progress").expect_code(0);
    assert!(!off.stdout.contains("total  "), "{}", off.stdout);
    assert!(!off.stdout.contains("/s"), "{}", off.stdout);

    // --progress on a pipe: the board on stderr.
    something_to_send(&env, 4);
    let forced = env.multi(["push", "--progress"]).expect_code(0);
    assert!(forced.stderr.contains("/s"), "{}", forced.stderr);
    assert!(
        forced.stderr.contains("total  2/2 done"),
        "{}",
        forced.stderr
    );
    assert!(
        !forced.stdout.contains('\x1b'),
        "results stay plain: {:?}",
        forced.stdout
    );
}
