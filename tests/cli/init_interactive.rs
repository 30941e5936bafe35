//! `git multi init --interactive` answered in a real terminal (tmux): name, description, default branch,
//! visibility, hosts (with where a token was found, never the token), owners, create or not — and the same
//! setup from flags alone, and the refusal without a terminal.

use std::time::Duration;

use crate::env::TestEnv;
use crate::tui::Tmux;

const TOKEN: &str = "ghp_InitInteractiveToken0123456789abcdXYZ";

/// Waits for `question` on the screen, then types `keys` (tmux key names: `Enter`, `Down`, `Space`, text).
fn answer(tmux: &Tmux, question: &str, keys: &[&str]) -> String {
    let screen = tmux.wait_for(question, Duration::from_secs(30), |s| s.contains(question));
    let mut args = vec!["send-keys"];
    args.extend_from_slice(keys);
    tmux.run(&args);
    screen
}

#[test]
fn the_questions_answered_in_a_terminal_write_the_set() {
    if crate::servers::require("tmux").is_none() {
        return;
    }
    let env = TestEnv::new();
    let tmux = Tmux::multi(
        &env,
        220,
        "init --interactive",
        &format!("GIT_MULTI_GITHUB_TOKEN={TOKEN}"),
    );
    answer(&tmux, "Repository name [work]", &["demo", "Enter"]);
    answer(&tmux, "Description (optional)", &["A small demo", "Enter"]);
    answer(&tmux, "Default branch [main]", &["Enter"]);
    answer(&tmux, "Visibility on the hosts", &["Down", "Enter"]);
    // github first (its token comes from the environment), then codeberg, two lines down.
    let hosts = answer(
        &tmux,
        "Hosts to link",
        &["Space", "Down", "Down", "Space", "Enter"],
    );
    assert!(
        hosts.contains("github (github.com) — token from environment (GIT_MULTI_GITHUB_TOKEN)"),
        "{hosts}"
    );
    assert!(
        hosts.contains("codeberg (codeberg.org) — no token found"),
        "{hosts}"
    );
    answer(&tmux, "Owner on github.com", &["alice", "Enter"]);
    answer(&tmux, "Owner on codeberg.org", &["bob", "Enter"]);
    let last = answer(&tmux, "Create the repositories on the hosts now?", &["n"]);
    let exit = tmux.exit_line("init never ended", Duration::from_secs(30));
    let screen = tmux.screen();
    assert_eq!(exit, "EXIT=0", "{screen}");
    assert!(!last.contains(TOKEN) && !screen.contains(TOKEN) && !hosts.contains(TOKEN));
    assert!(
        screen.contains(
            "git multi create demo --public --description 'A small demo' --on github --on codeberg"
        ),
        "{screen}"
    );

    let config = |key: &str| env.read_config(key);
    assert_eq!(config("remotes.multi").as_deref(), Some("github codeberg"));
    assert_eq!(
        config("remote.github.url").as_deref(),
        Some("https://github.com/alice/demo.git")
    );
    assert_eq!(
        config("remote.codeberg.url").as_deref(),
        Some("https://codeberg.org/bob/demo.git")
    );
    assert_eq!(
        config("multi.codeberg.provider").as_deref(),
        Some("forgejo")
    );
    assert_eq!(config("multi.github.owner").as_deref(), Some("alice"));
    assert_eq!(config("multi.github.repo").as_deref(), Some("demo"));
    let config_text = String::from_utf8(env.config_bytes()).unwrap();
    assert!(!config_text.contains(TOKEN));
}

#[test]
fn flags_answer_every_question_without_a_terminal() {
    let env = TestEnv::new();
    let run = env.multi(["init", "--interactive"]).expect_code(2);
    assert!(
        run.stderr.contains("needs a terminal")
            && run
                .stderr
                .contains("hint: give the answers as flags instead"),
        "{}",
        run.stderr
    );
    assert_eq!(env.read_config("remotes.multi"), None, "nothing written");

    let run = env
        .multi([
            "init",
            "--name",
            "app",
            "--host",
            "github=alice",
            "--host",
            "gitlab.com=group/sub",
            "--ssh",
            "--default-branch",
            "trunk",
        ])
        .expect_code(0);
    assert!(
        run.stdout
            .contains("remote set: github, gitlab (2 in remotes.multi)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("renamed branch main to trunk")
            && run
                .stderr
                .contains("`git multi create app --on github --on gitlab`"),
        "{}",
        run.stderr
    );
    assert_eq!(env.git(["symbolic-ref", "--short", "HEAD"]).trim(), "trunk");
    assert_eq!(
        env.read_config("remote.gitlab.url").as_deref(),
        Some("git@gitlab.com:group/sub/app.git")
    );
    assert_eq!(
        env.read_config("remote.github.url").as_deref(),
        Some("git@github.com:alice/app.git")
    );
    // Running it again leaves the members as they are.
    let again = env.multi(["init", "--host", "github=alice"]).expect_code(0);
    assert!(
        again.stderr.contains("github is already a member"),
        "{}",
        again.stderr
    );
    // --create runs `create` on the linked hosts: without a token it says so, exit 4, and the remote stays.
    let created = env
        .multi(["init", "--host", "codeberg=alice", "--create"])
        .expect_code(4);
    assert!(
        created
            .stdout
            .contains("codeberg  failed  codeberg.org: no token for this host"),
        "{}",
        created.stdout
    );
    assert!(
        !created.stdout.contains("github  "),
        "only the remote just linked: {}",
        created.stdout
    );
    assert_eq!(
        env.read_config("remote.codeberg.url").as_deref(),
        Some("https://codeberg.org/alice/work.git")
    );
    let bad = env
        .multi(["init", "--host", "example.com=me"])
        .expect_code(2);
    assert!(bad.stderr.contains("unknown host"), "{}", bad.stderr);
}
