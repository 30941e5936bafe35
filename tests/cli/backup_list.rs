//! `git multi backup list [--json]` (saved tips by remote and event, the backup directories written) and
//! `backup --include-config`, whose directory `import` recreates the remote set from.

use crate::env::TestEnv;
use crate::settings::{fresh_clone, rich_set};

#[test]
fn saved_tips_are_listed_by_remote_and_event_newest_first() {
    let env = TestEnv::new();
    let empty = env.multi(["backup", "list"]).expect_code(0);
    assert!(
        empty.stdout.contains("no saved tips") && empty.stdout.contains("no backup directories"),
        "{}",
        empty.stdout
    );
    env.add_local_remotes(&["a", "b"]);
    env.multi(["push"]).expect_code(0);
    // Two forced pushes over someone else's commit on b: two events, each saving b's main.
    let mut overwritten = Vec::new();
    for round in ["one", "two"] {
        overwritten.push(env.push_foreign(&env.root.join("hosts/b.git"), "main", round));
        env.multi(["push", "b", "--force"]).expect_code(0);
    }
    assert_eq!(env.backups_of("b", "heads/main").len(), 2);

    let doc = env
        .multi(["backup", "list", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(doc["ok"], true);
    let saved = doc["saved"].as_array().unwrap();
    assert_eq!(saved.len(), 1, "{doc}");
    assert_eq!(saved[0]["remote"], "b");
    let events = saved[0]["events"].as_array().unwrap();
    assert_eq!(events.len(), 2, "{doc}");
    let names: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    let mut newest_first = names.clone();
    newest_first.sort_by(|x, y| y.cmp(x));
    assert_eq!(names, newest_first);
    let mut oids: Vec<&str> = Vec::new();
    for event in events {
        let time = event["time"].as_str().unwrap();
        assert!(time.starts_with("20") && time.ends_with('Z'), "{time}");
        let refs = event["refs"].as_array().unwrap();
        assert_eq!(refs.len(), 1);
        assert_eq!(refs[0]["ref"], "refs/heads/main");
        let backup = refs[0]["backup"].as_str().unwrap();
        assert_eq!(
            backup,
            format!(
                "refs/multi/backup/b/{}/heads/main",
                event["event"].as_str().unwrap()
            )
        );
        assert_eq!(env.git(["rev-parse", backup]).trim(), refs[0]["oid"]);
        oids.push(refs[0]["oid"].as_str().unwrap());
    }
    oids.sort();
    overwritten.sort();
    assert_eq!(oids, overwritten);

    let text = env.multi(["backup", "list"]).expect_code(0);
    text.assert_stdout_has("saved tips (refs/multi/backup/), newest first:\n  b\n");
    assert!(text.stdout.contains(" 1 ref  ("), "{}", text.stdout);
    // Listing takes no lock and changes nothing.
    assert!(!env.work.join(".git/multi/backups").exists());
}

#[test]
fn backup_directories_are_listed_and_include_config_lets_import_recreate_the_set() {
    let env = TestEnv::new();
    rich_set(&env);
    env.multi(["push", "a"]).expect_code(0);
    let with = env.root.join("with-config");
    let without = env.root.join("without");
    env.multi([
        "backup",
        "a",
        "--to",
        with.to_str().unwrap(),
        "--include-config",
    ])
    .expect_code(0);
    env.multi(["backup", "a", "--to", without.to_str().unwrap()])
        .expect_code(0);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(with.join("manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["config"], "remote-set.toml");
    let stored = std::fs::read_to_string(with.join("remote-set.toml")).unwrap();
    assert!(
        stored.contains("[[remote]]") && stored.contains("name = \"forge\""),
        "{stored}"
    );
    assert!(!without.join("remote-set.toml").exists());

    let doc = env
        .multi(["backup", "list", "--json"])
        .expect_code(0)
        .json();
    let archives = doc["archives"].as_array().unwrap();
    assert_eq!(archives.len(), 2, "{doc}");
    assert_eq!(archives[0]["dir"], without.to_str().unwrap());
    assert_eq!(archives[1]["dir"], with.to_str().unwrap());
    assert_eq!(archives[1]["config"], "remote-set.toml");
    assert_eq!(archives[0]["config"], serde_json::Value::Null);
    assert_eq!(archives[1]["remotes"][0]["name"], "a");
    assert!(archives[1]["remotes"][0]["refs"].as_u64().unwrap() >= 1);
    assert_eq!(archives[1]["state"], "ok");

    // The backup directory stands for its remote set: a fresh clone gets the same set back.
    let clone = fresh_clone(&env, "clone");
    // restore into a clone without the remote points at the set the backup holds.
    let lost = env
        .multi_in(&clone, ["restore", with.to_str().unwrap(), "--to", "a"])
        .expect_code(2);
    lost.assert_stderr_has("this backup holds the remote set: `git multi import");
    env.multi_in(&clone, ["import", with.to_str().unwrap()])
        .expect_code(0);
    for dir in [&env.work, &clone] {
        assert_eq!(
            env.git_in(dir, ["config", "--get-all", "remotes.multi"]),
            "a forge\n"
        );
    }
    assert_eq!(
        env.multi_in(&clone, ["remote", "list", "--json"])
            .expect_code(0)
            .json(),
        env.multi(["remote", "list", "--json"])
            .expect_code(0)
            .json()
    );
    let refused = env
        .multi_in(&clone, ["import", without.to_str().unwrap()])
        .expect_code(2);
    assert!(
        refused.stderr.contains("holds no remote set")
            && refused.stderr.contains("--include-config"),
        "{}",
        refused.stderr
    );

    // A directory moved away is still listed, as missing; one named on the command line is read too.
    let moved = env.root.join("moved");
    std::fs::rename(&without, &moved).unwrap();
    let text = env
        .multi(["backup", "list", moved.to_str().unwrap()])
        .expect_code(0)
        .stdout;
    assert!(
        text.contains(&format!(
            "{}  (missing: moved or deleted)",
            without.display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}  a (", moved.display())),
        "{text}"
    );
    assert!(text.contains("+ remote set"), "{text}");
}
