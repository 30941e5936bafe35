//! `git multi init --interactive` answered in a real terminal (tmux): name, description, default branch,
//! visibility, hosts (with where a token was found, never the token), owners, create or not — and the same
//! setup from flags alone, and the refusal without a terminal.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::env::TestEnv;
use crate::tui::Tmux;

const TOKEN: &str = "ghp_InitInteractiveToken0123456789abcdXYZ";

/// A script running `git multi <args>` in `env`'s hermetic environment (plus a GitHub token in the
/// environment) that records the exit code.
fn launcher(env: &TestEnv, args: &str, exit_file: &Path) -> std::path::PathBuf {
    let quote = |p: &Path| format!("'{}'", p.display());
    let script = env.root.join("init.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ncd {work}\nexport HOME={home} XDG_CONFIG_HOME={home}/.config GIT_CONFIG_NOSYSTEM=1 \
             GIT_CONFIG_GLOBAL={home}/.gitconfig LC_ALL=C TZ=UTC GIT_TERMINAL_PROMPT=0 TERM=xterm-256color NO_COLOR=1 \
             GIT_MULTI_GITHUB_TOKEN={TOKEN}\n\
             unset GIT_ASKPASS SSH_ASKPASS DBUS_SESSION_BUS_ADDRESS GH_TOKEN GITHUB_TOKEN GITLAB_TOKEN GITEA_TOKEN\n\
             {bin} {args}\necho \"EXIT=$?\" > {exit}\nexec sleep 600\n",
            work = quote(&env.work),
            home = quote(&env.home),
            bin = quote(Path::new(env!("CARGO_BIN_EXE_git-multi"))),
            exit = quote(exit_file),
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    script
}

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
    let exit_file = env.root.join("init-exit");
    let tmux = Tmux {
        socket: env.root.join("tmux.sock"),
    };
    let script = launcher(&env, "init --interactive", &exit_file);
    tmux.run(&[
        "new-session",
        "-d",
        "-x",
        "220",
        "-y",
        "30",
        script.to_str().unwrap(),
    ]);
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
    let deadline = Instant::now() + Duration::from_secs(30);
    while !exit_file.exists() {
        assert!(
            Instant::now() < deadline,
            "init never ended:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let screen = tmux.screen();
    assert_eq!(
        std::fs::read_to_string(&exit_file).unwrap().trim(),
        "EXIT=0",
        "{screen}"
    );
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
