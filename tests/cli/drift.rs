//! A remote set that does not add up: reserved member names, members without git remotes, `remotes.multi`
//! out of step. Each is reported once per command as `warning:` + `hint:` on stderr and
//! shown by `remote list`; none stops a command.

use crate::env::{remote_names, TestEnv};

#[test]
fn a_remote_named_multi_never_joins_its_own_group() {
    let env = TestEnv::new();
    let a = env.bare("a.git");
    let m = env.bare("m.git");
    env.git(["remote", "add", "a", a.to_str().unwrap()]);
    env.git(["remote", "add", "multi", m.to_str().unwrap()]);

    let run = env.multi(["init", "--import"]).expect_code(0);
    assert!(
        run.stderr
            .contains("warning: not adopting the git remote `multi`")
            && run
                .stderr
                .contains("hint: rename it with `git remote rename multi <new-name>`"),
        "{}",
        run.stderr
    );
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some("a a"));
    assert_eq!(env.read_config("multi.multi.enabled"), None);

    // A `[multi "multi"]` section from elsewhere is drift: never written into the group, never worked on.
    env.git(["config", "multi.multi.enabled", "true"]);
    let b = env.bare("b.git");
    let run = env
        .multi(["remote", "add", "b", b.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some("a b"));
    assert!(
        run.stderr
            .contains("warning: the member `multi` has a reserved name")
            && run
                .stderr
                .contains("hint: rename it with `git multi remote rename multi <new-name>`"),
        "{}",
        run.stderr
    );
    for args in [&["push", "--json"][..], &["push", "all", "--json"]] {
        let json = env.multi(args).expect_code(0).json();
        assert_eq!(remote_names(&json), ["a", "b"], "{args:?}");
    }
    // The group is finite, so plain git fetches it and stops.
    env.git(["fetch", "-q", "multi"]);
    assert_eq!(
        env.git(["rev-parse", "refs/remotes/b/main"]),
        env.git(["rev-parse", "HEAD"])
    );

    // Renaming the member away from the reserved name brings it into the group.
    env.multi(["remote", "rename", "multi", "mirror"])
        .expect_code(0);
    assert_eq!(
        env.read_config("remotes.multi").as_deref(),
        Some("a mirror b")
    );
}

#[test]
fn drift_is_reported_once_per_command_and_listed() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "off"]);
    env.multi(["remote", "disable", "off"]).expect_code(0);
    env.git(["config", "multi.ghost.enabled", "true"]);
    env.git(["config", "remotes.multi", "a off stray"]);

    let warnings = [
        (
            "the member `off` is disabled but still in remotes.multi",
            "git multi remote disable off",
        ),
        (
            "the member `ghost` has no git remote",
            "git multi remote remove ghost",
        ),
        (
            "remotes.multi lists `stray`, which is not a member",
            "git multi init",
        ),
    ];
    let human = env.multi(["remote", "list"]).expect_code(0);
    let json_run = env.multi(["remote", "list", "--json"]).expect_code(0);
    let push = env.multi(["push"]).expect_code(1);
    for run in [&human, &json_run, &push] {
        assert!(!run.stdout.contains("warning:"), "{}", run.stdout);
        for (message, hint) in warnings {
            assert_eq!(
                run.stderr.matches(&format!("warning: {message}")).count(),
                1,
                "{message}:\n{}",
                run.stderr
            );
            assert!(
                run.stderr
                    .lines()
                    .any(|l| l.starts_with("hint: ") && l.contains(hint)),
                "{hint}:\n{}",
                run.stderr
            );
        }
    }
    let ghost = human
        .stdout
        .lines()
        .find(|l| l.starts_with("ghost"))
        .unwrap();
    assert!(ghost.contains("! no git remote"), "{}", human.stdout);
    assert!(
        human
            .stdout
            .lines()
            .all(|l| !l.starts_with("a ") || !l.contains('!')),
        "{}",
        human.stdout
    );
    let json = json_run.json();
    let kinds: Vec<(&str, &str)> = json["drift"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["remote"].as_str().unwrap(), d["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("off", "disabled-in-group"),
            ("ghost", "no-git-remote"),
            ("ghost", "not-in-group"),
            ("stray", "not-a-member"),
        ][..]
            .iter()
            .filter(|(_, kind)| *kind != "not-in-group")
            .copied()
            .collect::<Vec<_>>()
    );
    let ghost_row = crate::env::outcome(&json, "ghost");
    assert_eq!(ghost_row["drift"], serde_json::json!(["no-git-remote"]));

    // The ghost's failure says what is wrong with it, before its misleading git error.
    assert!(
        push.stderr.contains("the member `ghost` has no git remote"),
        "{}",
        push.stderr
    );

    // A command that repairs drift reports only what is left afterwards (rewriting the group fixed it too).
    let fixed = env.multi(["remote", "remove", "ghost"]).expect_code(0);
    assert!(
        !fixed.stderr.contains("ghost") && !fixed.stderr.contains("remotes.multi"),
        "{}",
        fixed.stderr
    );
    // An unknown provider is a bad value, not drift: every command stops with the fix (`config` validation).
    env.git(["config", "multi.a.provider", "bogus"]);
    let stopped = env.multi(["push"]).expect_code(2);
    assert!(
        stopped
            .stderr
            .contains("multi.a.provider: unknown provider `bogus`")
            && stopped
                .stderr
                .contains("git multi config set multi.a.provider"),
        "{}",
        stopped.stderr
    );
}

#[test]
fn local_urls_that_are_not_repositories_warn() {
    let env = TestEnv::new();
    let gone = env.root.join("hosts/gone.git");
    let run = env
        .multi(["remote", "add", "gone", gone.to_str().unwrap()])
        .expect_code(0);
    assert!(
        run.stderr.starts_with(&format!(
            "warning: `{}` is not a git repository (yet)",
            gone.display()
        )) && run.stderr.contains(&format!(
            "hint: create it with `git init --bare {}`",
            gone.display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(env.read_config("remote.gone.url").as_deref(), gone.to_str());

    let plain_dir = env.root.join("not-a-repo");
    std::fs::create_dir_all(&plain_dir).unwrap();
    let run = env
        .multi([
            "remote",
            "set-url",
            "gone",
            &format!("file://{}", plain_dir.display()),
        ])
        .expect_code(0);
    assert!(
        run.stderr.contains("is not a git repository"),
        "{}",
        run.stderr
    );

    // Repositories git would open give no warning: bare, a work tree, `.git` added by git, a bundle.
    env.bare("bare.git");
    let bundle = env.root.join("all.bundle");
    env.git(["bundle", "create", "-q", bundle.to_str().unwrap(), "--all"]);
    for (name, url) in [
        ("bare", env.root.join("hosts/bare.git")),
        ("short", env.root.join("hosts/bare")),
        ("tree", env.work.clone()),
        ("bundle", bundle),
    ] {
        let run = env
            .multi(["remote", "add", name, url.to_str().unwrap()])
            .expect_code(0);
        assert!(run.stderr.is_empty(), "{name}: {}", run.stderr);
    }
}
