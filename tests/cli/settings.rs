//! Moving the set between clones (`export` → `import`), importing twice, refusing broken files without a
//! trace, and `git multi config` with the one table of keys that every command checks values against.

use crate::env::TestEnv;

/// A set with every kind of fact: providers, an API URL, owner/repo, a push URL, a disabled member, settings.
pub(crate) fn rich_set(env: &TestEnv) {
    let a = env.bare("a.git");
    let b = env.bare("b.git");
    env.multi(["remote", "add", "a", a.to_str().unwrap()])
        .expect_code(0);
    env.multi([
        "remote",
        "add",
        "forge",
        "https://git.example.org/alice/demo.git",
        "--provider",
        "gitea",
        "--api-url",
        "https://git.example.org/api/v1/",
        "--owner",
        "alice",
        "--repo",
        "demo",
    ])
    .expect_code(0);
    env.multi(["remote", "add", "b", b.to_str().unwrap()])
        .expect_code(0);
    env.git(["config", "--add", "remote.b.pushurl", a.to_str().unwrap()]);
    env.multi(["remote", "disable", "b"]).expect_code(0);
    env.multi(["config", "set", "multi.primary", "a"])
        .expect_code(0);
    env.multi(["config", "set", "multi.jobs", "3"])
        .expect_code(0);
    env.multi(["config", "set", "multi.timeout", "45.5"])
        .expect_code(0);
    env.multi(["refs", "add", "refs/notes/*"]).expect_code(0);
}

/// A fresh clone of hosts/a.git next to the work repository (it has an `origin`, and no set yet).
pub(crate) fn fresh_clone(env: &TestEnv, name: &str) -> std::path::PathBuf {
    let dir = env.root.join(name);
    env.git_in(
        &env.root,
        [
            "clone",
            "-q",
            env.root.join("hosts/a.git").to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
    );
    dir
}

#[test]
fn export_then_import_into_a_fresh_clone_gives_the_same_set_and_a_second_import_changes_nothing() {
    let env = TestEnv::new();
    rich_set(&env);
    env.multi(["push", "a"]).expect_code(0);
    let file = env.root.join("set.toml");
    env.multi(["export", "--output", file.to_str().unwrap()])
        .expect_code(0);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("[[remote]]")
            && text.contains("api_url = \"https://git.example.org/api/v1\""),
        "{text}"
    );
    // stdout gives the same document.
    let printed = env.multi(["export"]).expect_code(0).stdout;
    assert_eq!(
        printed.lines().skip(1).collect::<Vec<_>>(),
        text.lines().skip(1).collect::<Vec<_>>()
    );

    let clone = fresh_clone(&env, "clone");
    let dry = env
        .multi_in(&clone, ["import", file.to_str().unwrap(), "--dry-run"])
        .expect_code(0);
    assert!(dry.stdout.contains("would change:"), "{}", dry.stdout);
    assert!(
        dry.stdout
            .contains("add remote forge https://git.example.org/alice/demo.git"),
        "{}",
        dry.stdout
    );
    let untouched = std::fs::read(clone.join(".git/config")).unwrap();
    env.multi_in(&clone, ["import", file.to_str().unwrap()])
        .expect_code(0);
    assert_ne!(std::fs::read(clone.join(".git/config")).unwrap(), untouched);

    assert_eq!(the_set(&env, &env.work), the_set(&env, &clone));
    // The import is in the clone's audit log.
    let log = env
        .multi_in(&clone, ["log", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(log["entries"][0]["command"], "import");

    // Idempotent: the second import writes nothing at all.
    let before = std::fs::read(clone.join(".git/config")).unwrap();
    let again = env
        .multi_in(&clone, ["import", file.to_str().unwrap()])
        .expect_code(0);
    assert!(
        again.stdout.contains("nothing to change"),
        "{}",
        again.stdout
    );
    assert_eq!(std::fs::read(clone.join(".git/config")).unwrap(), before);
    let log_again = env
        .multi_in(&clone, ["log", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(
        log_again["entries"].as_array().unwrap().len(),
        1,
        "no change, no entry"
    );
}

#[test]
fn export_never_overwrites_a_file_without_force() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    let file = env.root.join("set.toml");
    std::fs::write(&file, "precious\n").unwrap();
    let refused = env
        .multi(["export", "--output", file.to_str().unwrap()])
        .expect_code(2);
    assert!(
        refused
            .stderr
            .contains("already exists; nothing was written"),
        "{}",
        refused.stderr
    );
    assert!(
        refused
            .stderr
            .contains("hint: replace it with `git multi export --output")
            && refused.stderr.contains("--force`"),
        "{}",
        refused.stderr
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "precious\n");

    let forced = env
        .multi(["export", "--output", file.to_str().unwrap(), "--force"])
        .expect_code(0);
    assert!(
        forced.stderr.contains("overwrote the file that was there"),
        "{}",
        forced.stderr
    );
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("[[remote]]"));
    // A new file needs no --force and says nothing about overwriting.
    let fresh = env.root.join("new.toml");
    let wrote = env
        .multi(["export", "--output", fresh.to_str().unwrap()])
        .expect_code(0);
    assert!(!wrote.stderr.contains("overwrote"), "{}", wrote.stderr);
    assert!(fresh.is_file());
}

#[test]
fn a_broken_import_file_changes_nothing() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    let good = |name: &str| format!("[[remote]]\nname = \"{name}\"\nurl = \"/srv/{name}.git\"\n");
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "not toml",
            "[[remote]\nname = ".to_string(),
            "not a remote set file",
        ),
        (
            "unknown key",
            format!("{}colour = \"red\"\n", good("x")),
            "colour",
        ),
        (
            "secret in URL",
            format!(
                "{}[[remote]]\nname = \"y\"\nurl = \"https://bob:hunter22@example.com/r.git\"\n",
                good("x")
            ),
            "password or token",
        ),
        (
            "bad name",
            format!(
                "{}[[remote]]\nname = \"a b\"\nurl = \"/srv/y.git\"\n",
                good("x")
            ),
            "not a valid remote name",
        ),
        (
            "bad URL",
            format!(
                "{}[[remote]]\nname = \"y\"\nurl = \"zz://host/x\"\n",
                good("x")
            ),
            "invalid URL",
        ),
        (
            "bad provider",
            format!("{}provider = \"sourceforge\"\n", good("x")),
            "sourceforge",
        ),
        (
            "bad API URL",
            format!("{}api_url = \"ftp://host/api\"\n", good("x")),
            "api-url",
        ),
        (
            "bad timeout",
            format!("[settings]\ntimeout = -1\n{}", good("x")),
            "multi.timeout",
        ),
        (
            "bad jobs",
            format!("[settings]\njobs = \"many\"\n{}", good("x")),
            "jobs",
        ),
        (
            "bad namespace",
            format!("[settings]\nrefs = [\"heads/*\"]\n{}", good("x")),
            "multi.refs",
        ),
        (
            "unknown primary",
            format!("[settings]\nprimary = \"nowhere\"\n{}", good("x")),
            "nowhere",
        ),
        (
            "twice",
            format!("{}{}", good("x"), good("x")),
            "appears twice",
        ),
    ];
    let before = env.config_bytes();
    for (what, text, message) in cases {
        let file = env.root.join("broken.toml");
        std::fs::write(&file, &text).unwrap();
        let run = env.multi(["import", file.to_str().unwrap()]);
        assert_eq!(run.code, 2, "{what}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains(message), "{what}: {}", run.stderr);
        assert!(run.stderr.contains("hint: "), "{what}: {}", run.stderr);
        run.assert_not_shown("hunter22");
        assert_eq!(env.config_bytes(), before, "{what}: .git/config changed");
    }
    let log = env.multi(["log", "--json"]).expect_code(0).json();
    assert!(log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["command"] != "import"));
    env.multi(["import", env.root.join("missing.toml").to_str().unwrap()])
        .expect_code(2);
}

#[test]
fn config_set_get_unset_list_check_every_value() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    env.multi(["config", "set", "multi.jobs", "2"])
        .expect_code(0);
    assert_eq!(
        env.multi(["config", "get", "multi.jobs"])
            .expect_code(0)
            .stdout,
        "2\n"
    );
    assert_eq!(env.read_config("multi.jobs").as_deref(), Some("2"));
    env.multi(["config", "get", "multi.perHost"]).expect_code(1);
    for (key, value, message) in [
        ("multi.jobs", "abc", "multi.jobs must be a whole number"),
        (
            "multi.jobs",
            "99999999999999999999",
            "multi.jobs is too large: `99999999999999999999` (at most 18446744073709551615",
        ),
        (
            "multi.perHost",
            "18446744073709551616",
            "multi.perHost is too large",
        ),
        (
            "multi.timeout",
            "-1",
            "multi.timeout must be a number of seconds from 0.1 to 86400",
        ),
        (
            "multi.timeout",
            "0",
            "multi.timeout must be a number of seconds from 0.1 to 86400",
        ),
        ("multi.a.enabled", "perhaps", "not a boolean"),
        ("multi.a.provider", "sourceforge", "unknown provider"),
        ("multi.a.apiUrl", "git.example.com", "invalid API URL"),
        ("multi.refs", "refs/heads/*", "reaches into"),
        ("multi.primary", "nowhere", "Remote 'nowhere' not found"),
        ("multi.ghost.provider", "github", "Remote 'ghost' not found"),
        ("multi.colour", "red", "unknown key"),
    ] {
        let before = env.config_bytes();
        let run = env.multi(["config", "set", key, value]).expect_code(2);
        assert!(
            run.stderr.contains(message),
            "{key}={value}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("hint: "), "{}", run.stderr);
        assert_eq!(env.config_bytes(), before, "{key}={value}");
    }
    // Provider names are stored as git-multi spells them; disabling through the key keeps the group in step.
    env.multi(["config", "set", "multi.a.provider", "codeberg"])
        .expect_code(0);
    assert_eq!(
        env.read_config("multi.a.provider").as_deref(),
        Some("forgejo")
    );
    env.multi(["config", "set", "multi.b.enabled", "false"])
        .expect_code(0);
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some("a a"));
    env.multi(["config", "unset", "multi.b.enabled"])
        .expect_code(0);
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some("a b"));
    env.multi(["config", "unset", "multi.nope"]).expect_code(2);

    let list = env
        .multi(["config", "list", "--json"])
        .expect_code(0)
        .json();
    let keys = list["keys"].as_array().unwrap();
    let jobs = keys.iter().find(|k| k["key"] == "multi.jobs").unwrap();
    assert_eq!(jobs["values"], serde_json::json!(["2"]));
    assert_eq!(jobs["type"], "count");
    assert!(keys
        .iter()
        .any(|k| k["key"] == "multi.b.apiUrl" && k["values"] == serde_json::json!([])));
    let human = env.multi(["config", "list"]).expect_code(0);
    assert!(human.stdout.contains("multi.timeout"), "{}", human.stdout);
    // Set changes through `config` are logged like any other.
    let log = env
        .multi(["log", "-n", "1", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(log["entries"][0]["command"], "config");
}

#[test]
fn bad_values_written_by_git_config_stop_every_command_with_exit_2() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    for (key, value, commands) in [
        (
            "multi.jobs",
            "abc",
            vec![vec!["push"], vec!["status"], vec!["remote", "list"]],
        ),
        (
            "multi.timeout",
            "-1",
            vec![vec!["fetch"], vec!["backup", "--to", "x"], vec!["export"]],
        ),
        ("multi.a.enabled", "maybe", vec![vec!["push"], vec!["undo"]]),
        (
            "multi.a.provider",
            "sourceforge",
            vec![vec!["remote", "test"], vec!["sync"]],
        ),
    ] {
        env.git(["config", key, value]);
        for args in commands {
            let run = env.multi(&args);
            assert_eq!(
                run.code,
                2,
                "{key}={value} `{}`: {}{}",
                args.join(" "),
                run.stdout,
                run.stderr
            );
            assert!(run.stderr.contains(key), "{}", run.stderr);
            assert!(
                run.stderr
                    .contains(&format!("git multi config unset {key}")),
                "{}",
                run.stderr
            );
        }
        // `config` itself still works, so the value can be fixed with it.
        env.multi(["config", "unset", key]).expect_code(0);
        env.multi(["remote", "list"]).expect_code(0);
    }
}

/// `multi.refs` holds every namespace: `config set` does not replace them all, `import` adds to them, and a
/// value is checked the same way (`refs add`'s rules) however it arrives.
#[test]
fn namespaces_are_never_replaced_wholesale_and_are_checked_like_refs_add() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    env.multi(["refs", "add", "refs/notes/*", "--merge", "ff-only"])
        .expect_code(0);
    let before = env.config_bytes();
    let run = env
        .multi(["config", "set", "multi.refs", "refs/x/*:union"])
        .expect_code(2);
    assert!(run.stderr.contains("git multi refs add"), "{}", run.stderr);
    assert_eq!(env.config_bytes(), before);

    let file = env.root.join("set.toml");
    std::fs::write(
        &file,
        "[settings]\nrefs = [\"refs/x/*:union\", \"refs/notes/*:ff-only\"]\n",
    )
    .unwrap();
    let imported = env.multi(["import", file.to_str().unwrap()]).expect_code(0);
    assert!(imported.stdout.contains("refs/x/*"), "{}", imported.stdout);
    assert!(!imported.stdout.contains("git-mile"), "{}", imported.stdout);
    assert_eq!(
        env.git(["config", "--get-all", "multi.refs"]),
        "refs/git-mile/*:union\nrefs/notes/*:ff-only\nrefs/x/*:union\n"
    );
    let again = env.multi(["import", file.to_str().unwrap()]).expect_code(0);
    assert!(
        again.stdout.contains("nothing to change"),
        "{}",
        again.stdout
    );

    for (bad, message) in [
        ("refs/heads/*:union", "reaches into"),
        ("refs/multi/x/*", "reaches into"),
        ("refs/y/**", "not a valid ref pattern"),
        ("refs/y/a..b", "not a valid ref pattern"),
        ("refs/git-mile/tasks/*", "overlaps"),
    ] {
        let before = env.config_bytes();
        std::fs::write(&file, format!("[settings]\nrefs = [\"{bad}\"]\n")).unwrap();
        let run = env.multi(["import", file.to_str().unwrap()]).expect_code(2);
        assert!(run.stderr.contains(message), "{bad}: {}", run.stderr);
        assert_eq!(env.config_bytes(), before, "{bad}");
    }

    // A value written behind git-multi's back stops every command, names the fix, and doctor fails it.
    env.git(["config", "--add", "multi.refs", "refs/heads/*:union"]);
    let run = env.multi(["status"]).expect_code(2);
    assert!(run.stderr.contains("multi.refs"), "{}", run.stderr);
    assert!(
        run.stderr.contains("git multi refs remove 'refs/heads/*'"),
        "{}",
        run.stderr
    );
    let doctor = env.multi(["doctor", "--json"]).expect_code(1).json();
    let failed: Vec<&serde_json::Value> = doctor["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"] == "config" && c["status"] == "fail")
        .collect();
    assert!(
        failed
            .iter()
            .any(|c| c["detail"].as_str().unwrap().contains("refs/heads/*")),
        "{doctor}"
    );
    env.multi(["refs", "remove", "refs/heads/*"]).expect_code(0);
    env.multi(["status"]).expect_code(0);
}

/// An import writes its new remotes in one go (as git's own config text); what git reads back is what
/// `remote add` would have stored, even for a value git's syntax has to quote.
#[test]
fn imported_values_read_back_exactly_whatever_they_hold() {
    let env = TestEnv::new();
    let odd = env.bare("we\"ird #dir; semi\\colon .git");
    env.multi(["remote", "add", "odd", odd.to_str().unwrap()])
        .expect_code(0);
    env.multi([
        "remote",
        "add",
        "lab",
        "https://gitlab.example/g/r.git",
        "--provider",
        "gitlab",
        "--owner",
        "g #1",
        "--repo",
        "r;2",
    ])
    .expect_code(0);
    env.git([
        "config",
        "--add",
        "remote.odd.pushurl",
        odd.to_str().unwrap(),
    ]);
    let file = env.root.join("set.toml");
    env.multi(["export", "--output", file.to_str().unwrap()])
        .expect_code(0);

    let clone = env.root.join("clone");
    env.git_in(&env.root, ["init", "-q", clone.to_str().unwrap()]);
    env.git_in(&clone, ["commit", "-q", "--allow-empty", "-m", "start"]);
    env.multi_in(&clone, ["import", file.to_str().unwrap()])
        .expect_code(0);
    for key in [
        "remote.odd.url",
        "remote.odd.pushurl",
        "remote.odd.fetch",
        "remote.lab.url",
        "multi.lab.owner",
        "multi.lab.repo",
        "multi.lab.provider",
        "remotes.multi",
    ] {
        let theirs = env.try_git_in(&clone, ["config", "--get-all", key]).stdout;
        assert_eq!(env.git(["config", "--get-all", key]), theirs, "{key}");
    }
    // git itself can use the remote: a push through it lands.
    env.multi_in(&clone, ["push", "odd"]).expect_code(0);
    assert!(crate::env::tip(&env, &odd, "refs/heads/main").is_some());
    // Nothing left over from the write.
    assert!(!clone.join(".git/config.lock").exists());
}

/// What `remote list --json` and the settings say in `dir`: equal in two clones means the same set.
pub(crate) fn the_set(env: &TestEnv, dir: &std::path::Path) -> (serde_json::Value, Vec<String>) {
    let list = env
        .multi_in(dir, ["remote", "list", "--json"])
        .expect_code(0)
        .json();
    let settings = [
        "multi.primary",
        "multi.jobs",
        "multi.timeout",
        "multi.refs",
        "remotes.multi",
        "remote.b.pushurl",
    ]
    .iter()
    .map(|key| env.try_git_in(dir, ["config", "--get-all", key]).stdout)
    .collect();
    (list, settings)
}
