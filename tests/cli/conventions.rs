//! git's conventions: `git multi help <command>`, `--color` with color.multi / color.ui, and a top-level `ok`
//! in every `--json` document (listings included, and `pull --json`).

use crate::env::TestEnv;

#[test]
fn help_command_is_the_commands_own_help() {
    let env = TestEnv::new();
    let help = env.multi(["help", "push"]).expect_code(0);
    let own = env.multi(["push", "--help"]).expect_code(0);
    assert_eq!(help.stdout, own.stdout);
    assert!(
        help.stdout.contains("Usage: git multi push"),
        "{}",
        help.stdout
    );
    let nested = env.multi(["help", "remote", "add"]).expect_code(0);
    assert!(
        nested.stdout.contains("Usage: git multi remote add"),
        "{}",
        nested.stdout
    );
    let group = env.multi(["help", "group"]).expect_code(0);
    assert!(group.stdout.contains("remotes.<group>"), "{}", group.stdout);
    let top = env.multi(["help"]).expect_code(0);
    assert!(top.stdout.contains("Usage: git multi"), "{}", top.stdout);
    let bad = env.multi(["help", "pish"]).expect_code(2);
    assert!(
        bad.stderr.contains("`pish` is not a git multi command"),
        "{}",
        bad.stderr
    );
}

const GREEN: &str = "\x1b[32m";

#[test]
fn color_flag_beats_color_multi_beats_color_ui() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    // A pipe: no colour by default.
    let plain = env.multi(["push"]).expect_code(0);
    assert!(!plain.stdout.contains(GREEN), "{:?}", plain.stdout);
    let forced = env.multi(["push", "--color=always"]).expect_code(0);
    assert!(forced.stdout.contains(GREEN), "{:?}", forced.stdout);
    // Global: before the command too.
    let before = env.multi(["--color", "always", "fetch"]).expect_code(0);
    assert!(before.stdout.contains(GREEN), "{:?}", before.stdout);

    env.git(["config", "color.ui", "always"]);
    let ui = env.multi(["fetch"]).expect_code(0);
    assert!(ui.stdout.contains(GREEN), "{:?}", ui.stdout);
    let never = env.multi(["fetch", "--color=never"]).expect_code(0);
    assert!(!never.stdout.contains(GREEN), "{:?}", never.stdout);
    env.git(["config", "color.multi", "never"]);
    let multi = env.multi(["fetch"]).expect_code(0);
    assert!(!multi.stdout.contains(GREEN), "{:?}", multi.stdout);
    let flag = env.multi(["fetch", "--color", "always"]).expect_code(0);
    assert!(flag.stdout.contains(GREEN), "{:?}", flag.stdout);
    env.multi(["fetch", "--color", "sometimes"]).expect_code(2);
}

#[test]
fn every_json_document_has_ok_on_top() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    env.multi(["push"]).expect_code(0);
    env.multi(["group", "add", "g", "a"]).expect_code(0);
    env.multi(["primary", "a"]).expect_code(0);
    let listings: &[&[&str]] = &[
        &["remote", "list", "--json"],
        &["refs", "list", "--json"],
        &["branch", "list", "--json"],
        &["tag", "list", "--json"],
        &["group", "list", "--json"],
        &["conflicts", "--json"],
        &["status", "--json"],
        &["log", "--json"],
        &["doctor", "--json"],
        &["auth", "status", "--json"],
        &["workspace", "list", "--json"],
        &["config", "list", "--json"],
        &["pull", "--json"],
    ];
    for args in listings {
        let run = env.multi(*args);
        // Even a command that stops (auth status with no host to check: exit 2) prints one document.
        assert!([0, 1, 2].contains(&run.code), "{args:?}: {}", run.stderr);
        let json = run.json();
        let first = json
            .as_object()
            .and_then(|o| o.keys().next())
            .map(String::as_str);
        assert_eq!(first, Some("ok"), "{args:?}: {json}");
        assert!(json["ok"].is_boolean(), "{args:?}: {json}");
    }
}

#[test]
fn pull_json_says_what_came_in() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["a"]);
    env.multi(["push"]).expect_code(0);
    env.multi(["primary", "a"]).expect_code(0);
    let theirs = env.push_foreign(&paths[0], "main", "upstream");
    let json = env.multi(["pull", "--json"]).expect_code(0).json();
    assert_eq!(json["ok"], true);
    assert_eq!(json["remote"], "a");
    assert_eq!(json["branch"], "main");
    assert_eq!(json["after"], theirs.as_str());
    assert_eq!(json["incoming"], 1);
    // A pull that stops still prints one document.
    env.commit("local");
    env.push_foreign(&paths[0], "main", "more");
    let stopped = env.multi(["pull", "--json"]).expect_code(1).json();
    assert_eq!(stopped["ok"], false);
}

#[test]
fn auto_colours_a_terminal_unless_no_color() {
    let Some(script) = crate::servers::require("script") else {
        return;
    };
    let mut env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    let on_a_terminal = |env: &TestEnv, args: &str| {
        let line = format!("{} {args}", env!("CARGO_BIN_EXE_git-multi"));
        let mut command = env.command(&script, &env.work);
        command.args(["-qfec", &line, "/dev/null"]);
        crate::env::Run::with_input(command, None).expect_code(0)
    };
    let tty = on_a_terminal(&env, "fetch --no-progress");
    assert!(tty.stdout.contains(GREEN), "{:?}", tty.stdout);
    env.set_env("NO_COLOR", "1");
    let plain = on_a_terminal(&env, "fetch --no-progress");
    assert!(!plain.stdout.contains(GREEN), "{:?}", plain.stdout);
    // An explicit choice beats NO_COLOR, as the convention says.
    let forced = on_a_terminal(&env, "fetch --no-progress --color=always");
    assert!(forced.stdout.contains(GREEN), "{:?}", forced.stdout);
}
