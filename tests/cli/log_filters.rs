//! `git multi log --action <verb> --remote <name> --since <date>`: each filter alone, combined, repeated, and
//! in the JSON document.

use crate::env::TestEnv;

/// The commands of the entries `log` shows with `filters`, newest first (from `--json`).
fn commands(env: &TestEnv, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["log", "--json"];
    args.extend_from_slice(filters);
    let doc = env.multi(&args).expect_code(0).json();
    assert_eq!(doc["ok"], true);
    doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let remotes: Vec<&str> = e["remotes"]
                .as_array()
                .map(|r| r.iter().map(|r| r["name"].as_str().unwrap()).collect())
                .unwrap_or_default();
            format!("{} {}", e["command"].as_str().unwrap(), remotes.join(","))
        })
        .collect()
}

#[test]
fn action_and_remote_filters_choose_entries_alone_and_together() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    env.multi(["push"]).expect_code(0);
    env.commit("second");
    env.multi(["push", "a"]).expect_code(0);
    env.multi(["remote", "disable", "b"]).expect_code(0);
    env.multi(["config", "set", "multi.jobs", "2"])
        .expect_code(0);

    let all = commands(&env, &[]);
    assert_eq!(
        all,
        [
            "config ",
            "remote disable ",
            "push a",
            "push a,b",
            "remote add ",
            "remote add "
        ]
    );
    assert_eq!(
        commands(&env, &["--action", "push"]),
        ["push a", "push a,b"]
    );
    // The first word takes every subcommand; the whole name only its own; repeats are "any of".
    assert_eq!(
        commands(&env, &["--action", "remote"]),
        ["remote disable ", "remote add ", "remote add "]
    );
    assert_eq!(
        commands(&env, &["--action", "remote disable"]),
        ["remote disable "]
    );
    assert_eq!(
        commands(&env, &["--action", "push", "--action", "config"]),
        ["config ", "push a", "push a,b"]
    );
    // --remote: pushes that reached it and changes to its place in the set.
    assert_eq!(
        commands(&env, &["--remote", "b"]),
        ["remote disable ", "push a,b", "remote add "]
    );
    // Combined, every filter must hold.
    assert_eq!(
        commands(&env, &["--action", "push", "--remote", "b"]),
        ["push a,b"]
    );
    assert_eq!(
        commands(
            &env,
            &["--action", "push", "--remote", "b", "--since", "1d"]
        ),
        ["push a,b"]
    );
    assert!(commands(&env, &["--action", "push", "--since", "2099-01-01"]).is_empty());

    // The text face says why nothing is shown and how to see everything.
    let none = env.multi(["log", "--action", "undo"]).expect_code(0);
    assert!(none.stdout.is_empty(), "{}", none.stdout);
    assert!(
        none.stderr
            .contains("no entry matches (the audit log has 6 entries)")
            && none.stderr.contains("--action"),
        "{}",
        none.stderr
    );
    let text = env
        .multi(["log", "--remote", "a", "--action", "push", "-n", "1"])
        .expect_code(0)
        .stdout;
    assert!(text.contains("git multi push a\n"), "{text}");
    assert!(!text.contains("remote add"), "{text}");
}
