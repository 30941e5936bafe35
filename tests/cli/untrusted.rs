//! Text git-multi did not write — hook output, API error bodies, URLs already in .git/config — is shown
//! safely: control characters escaped the way git escapes a server's messages, credentials masked.

use serde_json::json;

use crate::env::TestEnv;
use crate::fake_api::{Answer, FakeApi};

/// `push --json` refused (exit 1), with the first remote's error as the JSON holds it.
fn refused_push_json(env: &TestEnv) -> (crate::env::Run, String) {
    let json = env.multi(["push", "--json"]).expect_code(1);
    let error = json.json()["remotes"][0]["error"]
        .as_str()
        .unwrap()
        .to_string();
    (json, error)
}

/// Member `gh` on GitHub (a token set, its git side a local bare repository) whose API answers every request
/// with HTTP 500 and `message`.
fn github_failing_with(env: &mut TestEnv, message: &str) -> FakeApi {
    let message = message.to_string();
    let fake = FakeApi::start(move |_, _| Answer::json(500, json!({ "message": message })));
    crate::hosts::add_github(env, "gh", &fake);
    let bare = env.bare("gh.git");
    env.git(["remote", "set-url", "gh", bare.to_str().unwrap()]);
    env.set_env(
        "GIT_MULTI_GITHUB_TOKEN",
        "ghp_SomeToken0000000000000000000000000",
    );
    fake
}

#[test]
fn hook_messages_cannot_drive_the_terminal() {
    let env = TestEnv::new();
    env.add_hooked_remote("hooked", "#!/bin/sh\nprintf '\\033]0;pwned\\007title set\\n' >&2\nprintf 'all good\\rFAKE  ok\\n' >&2\nprintf '\\033[2J\\033[Hcleared\\n' >&2\nexit 1\n");

    let run = env.multi(["push"]).expect_code(1);
    assert!(run.stdout.contains("^[]0;pwned^G"), "{:?}", run.stdout);
    assert!(run.stdout.contains("^[[2J"), "{:?}", run.stdout);
    assert!(
        run.stdout.contains("^MFAKE") || run.stdout.contains("^Mremote: FAKE"),
        "{:?}",
        run.stdout
    );
    for output in [&run.stdout, &run.stderr] {
        assert!(
            !output.contains('\x1b') && !output.contains('\r') && !output.contains('\x07'),
            "raw control characters: {output:?}"
        );
    }
    // JSON carries the text as it was, escaped by JSON itself.
    let (json, error) = refused_push_json(&env);
    assert!(!json.stdout.contains('\x1b'), "{:?}", json.stdout);
    assert!(error.contains("\x1b]0;pwned"), "{error:?}");
}

#[test]
fn api_error_bodies_cannot_drive_the_terminal() {
    let mut env = TestEnv::new();
    let _fake = github_failing_with(&mut env, "\u{1b}]0;pwned\u{7}\u{1b}[2Jbroken\rFAKE");
    let run = env.multi(["remote", "test"]);
    assert!(run.stdout.contains("^[]0;pwned^G^[[2J"), "{:?}", run.stdout);
    for output in [&run.stdout, &run.stderr] {
        assert!(
            !output.contains('\x1b') && !output.contains('\r'),
            "raw control characters: {output:?}"
        );
    }
}

#[test]
fn tokens_in_imported_query_strings_are_masked() {
    let env = TestEnv::new();
    let secret = "glpat-QueryStringSecret0123";
    env.git([
        "remote",
        "add",
        "lab",
        &format!("https://gitlab.com/me/app.git?private_token={secret}"),
    ]);
    let import = env.multi(["init", "--import"]).expect_code(0);
    assert!(
        import
            .stderr
            .contains("remote `lab` has a password or token in its URL"),
        "{}",
        import.stderr
    );
    let list = env.multi(["remote", "list", "-v"]).expect_code(0);
    assert!(
        list.stdout
            .contains("https://gitlab.com/me/app.git?private_token=***"),
        "{}",
        list.stdout
    );
    // The host still counts: the provider is detected behind the token.
    assert!(list.stdout.contains("gitlab"), "{}", list.stdout);
    let json = env.multi(["remote", "list", "--json"]).expect_code(0);
    for run in [&import, &list, &json] {
        run.assert_not_shown(secret);
    }
}

/// Characters that reorder text (bidirectional overrides and isolates) or that terminals obey like ESC (C1).
const INVISIBLE: [char; 5] = ['\u{202e}', '\u{2066}', '\u{200f}', '\u{9b}', '\u{85}'];

fn assert_inert(output: &str) {
    assert!(
        !output.contains(INVISIBLE),
        "raw bidi or C1 characters: {output:?}"
    );
}

#[test]
fn bidirectional_overrides_and_c1_controls_are_shown_not_obeyed() {
    let env = TestEnv::new();
    // U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+009B CSI (C1), U+0085 NEL (C1).
    env.add_hooked_remote("hooked", "#!/bin/sh\nprintf 'rejected: \\342\\200\\256niam\\342\\201\\246 x \\302\\23331m red \\302\\205 next\\n' >&2\nexit 1\n");

    let run = env.multi(["push"]).expect_code(1);
    assert!(
        run.stdout.contains("<U+202E>niam<U+2066>"),
        "{:?}",
        run.stdout
    );
    assert!(run.stdout.contains("M-^[31m"), "{:?}", run.stdout);
    assert_inert(&run.stdout);
    assert_inert(&run.stderr);

    // JSON: the same string for a reader, but `\u202e` escapes on the screen.
    let (json, error) = refused_push_json(&env);
    assert_inert(&json.stdout);
    assert!(json.stdout.contains("\\u202e"), "{}", json.stdout);
    assert!(error.contains("\u{202e}niam\u{2066}"), "{error:?}");
}

#[test]
fn api_error_bodies_cannot_reorder_text() {
    let mut env = TestEnv::new();
    let _fake = github_failing_with(&mut env, "bad \u{202e}tset\u{9b}2J");
    for args in [&["remote", "test"][..], &["remote", "test", "--json"]] {
        let run = env.multi(args);
        assert_inert(&run.stdout);
        assert_inert(&run.stderr);
    }
    let run = env.multi(["remote", "test"]);
    assert!(run.stdout.contains("<U+202E>tset"), "{:?}", run.stdout);
}
