//! Ref namespaces (`git multi refs`): configured once, carried by push, fetch, status and sync to and from
//! every remote, merged by their mode when copies diverge; errors in the words git-mile users know.

use std::path::{Path, PathBuf};

use crate::env::{outcome as remote, ref_entry, tip, write_script, Run, TestEnv};

/// The empty tree git-mile's event commits carry.
pub fn empty_tree(env: &TestEnv, dir: &Path) -> String {
    env.git_in(dir, ["hash-object", "-t", "tree", "/dev/null"])
        .trim()
        .to_string()
}

/// Appends an event (an empty-tree commit, as git-mile writes them) to `refs/git-mile/tasks/<task>` in the
/// repository at `dir`; returns the new tip.
pub fn task_event(env: &TestEnv, dir: &Path, task: &str, message: &str) -> String {
    let name = format!("refs/git-mile/tasks/{task}");
    let tree = empty_tree(env, dir);
    let parent = env.try_git_in(dir, ["rev-parse", "--verify", "-q", &name]);
    let mut args = vec!["commit-tree".to_string(), tree];
    if parent.code == 0 {
        args.push("-p".into());
        args.push(parent.stdout.trim().to_string());
    }
    args.push("-m".into());
    args.push(message.into());
    let oid = env.git_in(dir, &args).trim().to_string();
    env.git_in(dir, ["update-ref", &name, &oid]);
    oid
}

#[track_caller]
fn usage_error(run: Run, message: &str) -> Run {
    let run = run.expect_code(2);
    assert!(
        run.stderr.starts_with("error: ") && run.stderr.contains(message),
        "want {message:?} in:\n{}",
        run.stderr
    );
    run.assert_stderr_has("\nhint: ");
    run
}

#[test]
fn refs_add_list_remove_and_patterns_git_refuses() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    let added = env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    added.assert_stdout_has("refs/git-mile/*");
    env.multi(["refs", "add", "refs/notes/*", "--merge", "ff-only"])
        .expect_code(0);
    let list = env.multi(["refs", "list", "--json"]).expect_code(0).json();
    assert_eq!(
        list,
        serde_json::json!({"ok": true, "refs": [
            {"pattern": "refs/git-mile/*", "merge": "union"},
            {"pattern": "refs/notes/*", "merge": "ff-only"}
        ]})
    );
    // The same pattern again changes its mode instead of adding a second line.
    env.multi(["refs", "add", "refs/notes/*", "--merge", "theirs"])
        .expect_code(0);
    assert_eq!(
        env.git(["config", "--get-all", "multi.refs"]),
        "refs/git-mile/*:union\nrefs/notes/*:theirs\n"
    );

    for bad in [
        "refs/x/**",
        "heads/*",
        "refs/a/*/*",
        "refs/x..y/*",
        "refs/x/",
    ] {
        let before = env.config_bytes();
        usage_error(
            env.multi(["refs", "add", bad]),
            &format!("`{bad}` is not a valid ref pattern"),
        );
        assert_eq!(env.config_bytes(), before);
    }
    for reserved in [
        "refs/*",
        "refs/heads/*",
        "refs/heads/main",
        "refs/tags/v*",
        "refs/remotes/*",
        "refs/remotes/origin/main",
        "refs/multi/*",
        "refs/multi/backup/x",
    ] {
        usage_error(env.multi(["refs", "add", reserved]), "reaches into");
    }
    // git stash's ref: local work whose entries only a reflog holds.
    {
        let stash = "refs/stash";
        let run = usage_error(env.multi(["refs", "add", stash]), "covers `refs/stash`");
        run.assert_stderr_has("git stash branch");
    }

    env.multi(["refs", "remove", "refs/notes/*"]).expect_code(0);
    assert_eq!(
        env.git(["config", "--get-all", "multi.refs"]),
        "refs/git-mile/*:union\n"
    );
    usage_error(
        env.multi(["refs", "remove", "refs/notes/*"]),
        "is not a configured ref namespace",
    );
}

#[test]
fn namespace_errors_read_like_git_mile() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    let cases: [(&[&str], &str); 5] = [
        (
            &["push", "x", "--branch", "refs/git-mile/*"],
            "Remote 'x' not found",
        ),
        (&["fetch", "x"], "Remote 'x' not found"),
        (
            &["push", "--branch", "refs/git-mile/*"],
            "No refs to push under refs/git-mile/",
        ),
        (
            &["push", "--branch", "refs/git-mile/**"],
            "is not a valid ref pattern",
        ),
        (
            &["push", "--branch", "refs/git-mile/tasks/T9"],
            "no local ref `refs/git-mile/tasks/T9`",
        ),
    ];
    for (args, message) in cases {
        usage_error(env.multi(args), message);
    }
}

#[test]
fn push_fetch_and_status_carry_task_refs() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b"]);
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    let t1 = task_event(&env, &env.work, "T1", "created");

    // One task ref by its full name, to one remote.
    let one = env
        .multi(["push", "a", "--branch", "refs/git-mile/tasks/T1", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(
        one["remotes"][0]["refs"][0]["ref"],
        "refs/git-mile/tasks/T1"
    );
    assert_eq!(
        tip(&env, &hosts[0], "refs/git-mile/tasks/T1"),
        Some(t1.clone())
    );
    assert_eq!(
        tip(&env, &hosts[0], "refs/heads/main"),
        None,
        "only what was named"
    );

    // A plain push carries the namespace along with the branch.
    env.multi(["push"]).expect_code(0);
    for host in &hosts {
        assert_eq!(tip(&env, host, "refs/git-mile/tasks/T1"), Some(t1.clone()));
    }

    // Someone adds an event on b; we add one of our own: the copies diverge.
    let other = env.clone_of(&hosts[1], "other", &["refs/git-mile"]);
    let theirs = task_event(&env, &other, "T1", "commented elsewhere");
    env.git_in(&other, ["push", "-q", "origin", "refs/git-mile/tasks/T1"]);
    let mine = task_event(&env, &env.work, "T1", "commented here");

    let status = env.multi(["status", "--json"]).expect_code(0).json();
    let cell = |json: &serde_json::Value, r: &str| {
        json["refs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["remote"] == r && e["ref"] == "refs/git-mile/tasks/T1")
            .unwrap_or_else(|| panic!("no task entry for {r} in {json}"))["state"]
            .clone()
    };
    assert_eq!(cell(&status, "a"), "ahead");
    assert_eq!(cell(&status, "b"), "unknown", "b's event is not here yet");
    env.multi(["status", "--exit-code"]).expect_code(1);

    let fetched = env.multi(["fetch", "--json"]).expect_code(0).json();
    assert_eq!(
        remote(&fetched, "b")["new"],
        serde_json::json!(["git-mile/tasks/T1"])
    );
    assert_eq!(
        tip(&env, &env.work, "refs/multi/remotes/b/git-mile/tasks/T1"),
        Some(theirs.clone())
    );
    let offline = env
        .multi(["status", "--offline", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(cell(&offline, "b"), "diverged");

    // A plain push leaves b's copy alone (the namespace went along unnamed: not a failure), and says what
    // brings the copies together.
    let skipped = env.multi(["push", "--json"]).expect_code(0).json();
    let b = remote(&skipped, "b");
    assert_eq!(b["status"], "up-to-date", "{skipped}");
    assert_eq!(b["refs"][1]["ref"], "refs/git-mile/tasks/T1", "{skipped}");
    assert_eq!(b["refs"][1]["status"], "skipped", "{skipped}");
    let human = env.multi(["push"]).expect_code(0);
    human.assert_stdout_has("`git multi sync`");
    // Named, it is refused, with a hint that leads somewhere else than the same refusal.
    let named = env
        .multi(["push", "b", "--branch", "refs/git-mile/tasks/T1"])
        .expect_code(1);
    named.assert_stdout_has("git multi resolve refs/git-mile/tasks/T1 --merge");
    assert_eq!(
        tip(&env, &hosts[1], "refs/git-mile/tasks/T1"),
        Some(theirs.clone())
    );

    // Sync unites the copies: a merge commit over both tips, on every side.
    env.git(["config", "multi.primary", "a"]);
    let synced = env.multi(["sync", "--json"]).expect_code(0).json();
    let line = &synced["namespaces"][0];
    assert_eq!(line["result"], "union", "{synced}");
    let union = line["target"].as_str().unwrap().to_string();
    let mut parents = vec![mine.clone(), theirs.clone()];
    parents.sort();
    assert_eq!(line["parents"], serde_json::json!(parents));
    assert_eq!(
        env.git(["log", "-1", "--format=%an <%ae>|%T|%s", &union])
            .trim(),
        format!(
            "git-multi <git-multi@localhost>|{}|git multi: union of refs/git-mile/tasks/T1",
            empty_tree(&env, &env.work)
        )
    );
    for host in &hosts {
        assert_eq!(
            tip(&env, host, "refs/git-mile/tasks/T1"),
            Some(union.clone())
        );
    }
    assert_eq!(
        tip(&env, &env.work, "refs/git-mile/tasks/T1"),
        Some(union.clone())
    );
    let again = env.multi(["sync", "--json"]).expect_code(0).json();
    assert_eq!(again["namespaces"][0]["result"], "in-sync");
    env.multi(["status", "--exit-code"]).expect_code(0);
}

/// Two clones, each with its own copies of the same two hosts, unite the same diverged copies on their own:
/// they write the same commit.
#[test]
fn union_commits_are_the_same_in_every_clone() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b"]);
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    task_event(&env, &env.work, "T1", "created");
    env.multi(["push"]).expect_code(0);
    let other = env.clone_of(&hosts[1], "other", &["refs/git-mile"]);
    task_event(&env, &other, "T1", "on b");
    env.git_in(&other, ["push", "-q", "origin", "refs/git-mile/tasks/T1"]);
    let here = task_event(&env, &env.work, "T1", "on a");
    env.multi(["push", "a"]).expect_code(0);
    // A second pair of hosts holding exactly the same, and a second clone that uses them.
    let twins: Vec<PathBuf> = ["a", "b"]
        .iter()
        .map(|h| {
            let twin = env.root.join(format!("hosts/{h}-twin.git"));
            env.git_in(
                &env.root,
                [
                    "clone",
                    "-q",
                    "--mirror",
                    env.root.join(format!("hosts/{h}.git")).to_str().unwrap(),
                    twin.to_str().unwrap(),
                ],
            );
            twin
        })
        .collect();
    let second = env.clone_of(&twins[0], "second", &[]);
    env.git_in(&second, ["remote", "remove", "origin"]);
    for (name, twin) in ["a", "b"].iter().zip(&twins) {
        env.multi_in(&second, ["remote", "add", name, twin.to_str().unwrap()])
            .expect_code(0);
    }
    env.multi_in(&second, ["refs", "add", "refs/git-mile/*"])
        .expect_code(0);

    let first = env
        .multi(["sync", "--primary", "a", "--json"])
        .expect_code(0)
        .json();
    let other_run = env
        .multi_in(&second, ["sync", "--primary", "a", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(first["namespaces"][0]["result"], "union");
    assert_eq!(other_run["namespaces"][0]["result"], "union");
    let union = first["namespaces"][0]["target"].as_str().unwrap();
    assert_eq!(
        other_run["namespaces"][0]["target"], union,
        "same tips, same commit"
    );
    assert_ne!(union, here);
    for host in hosts.iter().chain(&twins) {
        assert_eq!(
            tip(&env, host, "refs/git-mile/tasks/T1").as_deref(),
            Some(union)
        );
    }
}

#[test]
fn notes_merge_with_cat_sort_uniq() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b"]);
    env.multi(["refs", "add", "refs/notes/*"]).expect_code(0);
    env.git(["config", "multi.primary", "a"]);
    env.git(["notes", "add", "-m", "reviewed-by: alice", "HEAD"]);
    env.multi(["push"]).expect_code(0);
    let other = env.clone_of(&hosts[1], "other", &["refs/notes"]);
    env.git_in(&other, ["notes", "append", "-m", "tested-by: bob", "HEAD"]);
    env.git_in(&other, ["push", "-q", "origin", "refs/notes/commits"]);
    env.git(["notes", "append", "-m", "acked-by: carol", "HEAD"]);

    let synced = env.multi(["sync", "--json"]).expect_code(0).json();
    assert_eq!(synced["namespaces"][0]["result"], "union", "{synced}");
    let note = env.git(["notes", "show", "HEAD"]);
    for line in ["reviewed-by: alice", "tested-by: bob", "acked-by: carol"] {
        assert_eq!(note.matches(line).count(), 1, "{line} once in:\n{note}");
    }
    let merged = tip(&env, &env.work, "refs/notes/commits");
    for host in &hosts {
        assert_eq!(tip(&env, host, "refs/notes/commits"), merged);
    }
    assert_eq!(
        env.git([
            "for-each-ref",
            "refs/multi/scratch/",
            "refs/notes/git-multi-scratch/"
        ]),
        "",
        "no scratch ref is left behind"
    );
}

#[test]
fn ff_only_namespaces_report_and_theirs_takes_the_primary() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b"]);
    env.git(["config", "multi.primary", "a"]);
    env.multi(["refs", "add", "refs/git-mile/*", "--merge", "ff-only"])
        .expect_code(0);
    task_event(&env, &env.work, "T1", "created");
    env.multi(["push"]).expect_code(0);
    let other = env.clone_of(&hosts[0], "other", &["refs/git-mile"]);
    let on_a = task_event(&env, &other, "T1", "on a");
    env.git_in(&other, ["push", "-q", "origin", "refs/git-mile/tasks/T1"]);
    let mine = task_event(&env, &env.work, "T1", "mine");

    let run = env.multi(["sync"]).expect_code(1);
    assert!(
        run.stdout.contains("git-mile/tasks/T1: diverged")
            && run
                .stdout
                .contains("git multi resolve refs/git-mile/tasks/T1 --take <remote>"),
        "{}",
        run.stdout
    );
    assert_eq!(
        tip(&env, &env.work, "refs/git-mile/tasks/T1"),
        Some(mine.clone())
    );
    assert_eq!(
        tip(&env, &hosts[0], "refs/git-mile/tasks/T1"),
        Some(on_a.clone())
    );

    // b takes our copy (a fast-forward there), so under `theirs` it holds a copy the primary's does not contain.
    env.multi(["push", "b"]).expect_code(0);
    env.multi(["refs", "add", "refs/git-mile/*", "--merge", "theirs"])
        .expect_code(0);
    let json = env.multi(["sync", "--json"]).expect_code(0).json();
    let line = &json["namespaces"][0];
    assert_eq!(line["result"], "theirs", "{json}");
    assert_eq!(line["from"], "a");
    assert_eq!(line["backup"]["oid"], mine.as_str());
    for dir in [&env.work, &hosts[0], &hosts[1]] {
        assert_eq!(tip(&env, dir, "refs/git-mile/tasks/T1"), Some(on_a.clone()));
    }
    assert_eq!(
        env.backups_of("local", "git-mile/tasks/T1"),
        [mine.as_str()]
    );
    // b had our copy: it was overwritten under a lease, its tip saved first; nothing else was forced.
    let b = remote(&json, "b");
    assert_eq!(b["backups"][0]["ref"], "refs/git-mile/tasks/T1", "{json}");
    assert_eq!(b["backups"][0]["oid"], mine.as_str());
    assert_eq!(env.backups_of("b", "git-mile/tasks/T1"), [mine.as_str()]);
}

/// Commits `file` = `text` on top of `parent` without touching the checked-out branch; returns the commit.
fn commit_on(env: &TestEnv, dir: &Path, parent: &str, file: &str, text: &str) -> String {
    env.git_in(dir, ["checkout", "-q", "--detach", parent]);
    std::fs::write(dir.join(file), text).unwrap();
    env.git_in(dir, ["add", file]);
    env.git_in(dir, ["commit", "-q", "-m", &format!("{file}: {text}")]);
    let oid = env.git_in(dir, ["rev-parse", "HEAD"]).trim().to_string();
    env.git_in(dir, ["checkout", "-q", "-"]);
    oid
}

/// `name` made to differ: `theirs` pushed from the clone `other` to its origin, `mine` here.
fn diverge(env: &TestEnv, other: &Path, name: &str, theirs: &str, mine: &str) {
    env.git_in(other, ["push", "-q", "origin", &format!("{theirs}:{name}")]);
    env.git(["update-ref", name, mine]);
}

/// `sync` stops at `name`, whose copies changed `file` two ways: the conflict is named and neither copy (here
/// `mine`, on `host` `theirs`) moved.
fn assert_conflict(env: &TestEnv, host: &Path, name: &str, file: &str, mine: &str, theirs: &str) {
    let run = env.multi(["sync"]).expect_code(1);
    let short = name.strip_prefix("refs/").unwrap();
    run.assert_stdout_has(&format!(
        "{short}: could not be united: conflicting changes in {file}"
    ));
    assert_eq!(tip(env, &env.work, name), Some(mine.to_string()));
    assert_eq!(tip(env, host, name), Some(theirs.to_string()));
}

#[test]
fn copies_with_different_content_are_united_or_reported() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b"]);
    env.git(["config", "multi.primary", "a"]);
    env.multi(["refs", "add", "refs/review/*"]).expect_code(0);
    let base = env.git(["rev-parse", "HEAD"]).trim().to_string();
    env.git(["update-ref", "refs/review/r1", &base]);
    env.multi(["push"]).expect_code(0);
    let other = env.clone_of(&hosts[1], "other", &[]);

    // Different files on each side: the union holds both.
    let theirs = commit_on(&env, &other, &base, "g.txt", "theirs");
    let mine = commit_on(&env, &env.work, &base, "h.txt", "mine");
    diverge(&env, &other, "refs/review/r1", &theirs, &mine);
    let json = env.multi(["sync", "--json"]).expect_code(0).json();
    assert_eq!(json["namespaces"][0]["result"], "union", "{json}");
    let united = json["namespaces"][0]["target"]
        .as_str()
        .unwrap()
        .to_string();
    let files = env.git(["ls-tree", "--name-only", &united]);
    for file in ["first.txt", "g.txt", "h.txt"] {
        assert!(files.lines().any(|l| l == file), "{file} in\n{files}");
    }
    assert_eq!(tip(&env, &hosts[1], "refs/review/r1"), Some(united.clone()));

    // The same file changed two ways: reported by name, nothing moved anywhere.
    env.git_in(
        &other,
        ["fetch", "-q", "origin", "+refs/review/*:refs/review/*"],
    );
    let theirs = commit_on(&env, &other, &united, "g.txt", "theirs again");
    let mine = commit_on(&env, &env.work, &united, "g.txt", "mine again");
    diverge(&env, &other, "refs/review/r1", &theirs, &mine);
    assert_conflict(&env, &hosts[1], "refs/review/r1", "g.txt", &mine, &theirs);
}

/// Three hosts with our main and `refs/git-mile/*` carried; others clone `hosts[0]`.
fn three_with_tasks() -> (TestEnv, Vec<PathBuf>) {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b", "c"]);
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    (env, hosts)
}

/// Another clone adds an event to each of `tasks` and pushes it to every host: our copies are merely behind.
fn events_elsewhere(env: &TestEnv, hosts: &[PathBuf], tasks: &[&str]) -> PathBuf {
    let other = env.clone_of(&hosts[0], "elsewhere", &["refs/git-mile"]);
    for task in tasks {
        task_event(env, &other, task, "commented elsewhere");
    }
    for host in hosts {
        let mut args = vec![
            "push".to_string(),
            "-q".into(),
            host.to_str().unwrap().into(),
        ];
        args.extend(tasks.iter().map(|t| format!("refs/git-mile/tasks/{t}")));
        env.git_in(&other, &args);
    }
    other
}

#[test]
fn a_push_never_fails_over_namespace_refs_that_are_only_behind() {
    let (env, hosts) = three_with_tasks();
    task_event(&env, &env.work, "T1", "created");
    task_event(&env, &env.work, "T2", "created");
    env.multi(["push"]).expect_code(0);
    events_elsewhere(&env, &hosts, &["T1", "T2"]);

    let second = env.commit("second");
    let human = env.multi(["push"]).expect_code(0);
    for host in &hosts {
        assert_eq!(tip(&env, host, "refs/heads/main"), Some(second.clone()));
    }
    assert!(!human.stdout.contains("rejected"), "{}", human.stdout);
    assert!(!human.stdout.contains("force"), "{}", human.stdout);
    assert!(!human.stdout.contains("resolve"), "{}", human.stdout);
    assert_eq!(
        human.stdout.matches("`git multi sync`").count(),
        1,
        "one hint for every ref and remote:\n{}",
        human.stdout
    );

    let third = env.commit("third");
    let json = env.multi(["push", "--json"]).expect_code(0).json();
    assert_eq!(json["ok"], true, "{json}");
    for name in ["a", "b", "c"] {
        let r = remote(&json, name);
        assert_eq!(r["status"], "ok", "{json}");
        let refs = r["refs"].as_array().unwrap();
        let main = refs.iter().find(|e| e["ref"] == "refs/heads/main").unwrap();
        assert_eq!(main["new"], third.as_str());
        for task in ["T1", "T2"] {
            let entry = refs
                .iter()
                .find(|e| e["ref"] == format!("refs/git-mile/tasks/{task}"))
                .unwrap();
            assert_eq!(entry["status"], "skipped", "{json}");
        }
    }

    // Named explicitly, a refused namespace ref is a refusal; still no hint ever offers to force it.
    let one = env
        .multi(["push", "a", "--branch", "refs/git-mile/tasks/T1"])
        .expect_code(1);
    assert!(!one.stdout.contains("force"), "{}", one.stdout);
    let all = env
        .multi(["push", "a", "--branch", "refs/git-mile/*"])
        .expect_code(1);
    assert!(!all.stdout.contains("force"), "{}", all.stdout);
    all.assert_stdout_has("`git multi sync`");
    assert!(!all.stdout.contains("resolve"), "{}", all.stdout);
}

#[test]
fn forced_pushes_carry_namespaces_but_never_force_them() {
    let (env, hosts) = three_with_tasks();
    task_event(&env, &env.work, "T1", "created");
    env.multi(["push"]).expect_code(0);
    let other = events_elsewhere(&env, &hosts, &["T1"]);
    let theirs = tip(&env, &other, "refs/git-mile/tasks/T1");
    let t2 = task_event(&env, &env.work, "T2", "created");
    // Our main rewritten: only a forced push gets it there.
    env.git(["commit", "-q", "--amend", "-m", "first, reworded"]);
    let main = env.git(["rev-parse", "HEAD"]).trim().to_string();

    let dry = env
        .multi(["push", "--force", "--dry-run", "--json"])
        .expect_code(0)
        .json();
    let refs = remote(&dry, "a")["refs"].as_array().unwrap().clone();
    assert!(
        refs.iter().any(|e| e["ref"] == "refs/git-mile/tasks/T2"),
        "{dry}"
    );

    let json = env
        .multi(["push", "--force", "--json"])
        .expect_code(0)
        .json();
    for host in &hosts {
        assert_eq!(tip(&env, host, "refs/heads/main"), Some(main.clone()));
        assert_eq!(
            tip(&env, host, "refs/git-mile/tasks/T2"),
            Some(t2.clone()),
            "{json}"
        );
        assert_eq!(
            tip(&env, host, "refs/git-mile/tasks/T1"),
            theirs,
            "never forced"
        );
    }
    let t1 = ref_entry(remote(&json, "a"), "refs/git-mile/tasks/T1");
    assert_eq!(t1["status"], "skipped", "{json}");

    let t3 = task_event(&env, &env.work, "T3", "created");
    env.git(["commit", "-q", "--amend", "-m", "first, reworded again"]);
    env.multi(["fetch"]).expect_code(0);
    env.multi(["push", "--force-with-lease"]).expect_code(0);
    for host in &hosts {
        assert_eq!(tip(&env, host, "refs/git-mile/tasks/T3"), Some(t3.clone()));
        assert_eq!(
            tip(&env, host, "refs/git-mile/tasks/T1"),
            theirs,
            "never forced"
        );
    }
}

#[test]
fn remote_rename_and_remove_take_the_namespace_copies_along() {
    let (env, _hosts) = three_with_tasks();
    task_event(&env, &env.work, "T1", "created");
    env.multi(["push"]).expect_code(0);
    env.multi(["fetch"]).expect_code(0);
    env.commit("second");
    env.multi(["push", "a"]).expect_code(0);
    let copies = |remote: &str| {
        env.git([
            "for-each-ref",
            "--format=%(refname)",
            &format!("refs/multi/remotes/{remote}/"),
        ])
    };
    assert!(!copies("a").is_empty());

    env.multi(["remote", "rename", "a", "alpha"]).expect_code(0);
    assert_eq!(copies("a"), "");
    assert_eq!(
        copies("alpha"),
        "refs/multi/remotes/alpha/git-mile/tasks/T1\n"
    );
    let offline = env
        .multi(["status", "--offline", "alpha", "--json"])
        .expect_code(0)
        .json();
    let t1 = ref_entry(&offline, "refs/git-mile/tasks/T1");
    assert_eq!(t1["state"], "in-sync", "{offline}");

    let kept = env.git(["rev-parse", "refs/multi/remotes/b/git-mile/tasks/T1"]);
    env.multi(["remote", "remove", "b"]).expect_code(0);
    assert_eq!(copies("b"), "");
    // The copy may have been the only ref here to its commits: it is saved like every deleted tip.
    assert_eq!(env.backups_of("b", "git-mile/tasks/T1"), [kept.trim()]);

    // The entry of `push a` is about a remote that is now called alpha.
    let undo = env.multi(["undo"]).expect_code(1);
    undo.assert_stdout_has("renamed");
    undo.assert_stdout_has("git multi log");
    assert!(!undo.stdout.contains("remote add a"), "{}", undo.stdout);
}

#[test]
fn overlapping_namespaces_are_refused() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    env.multi(["refs", "add", "refs/git-mile/*", "--merge", "ff-only"])
        .expect_code(0);
    env.multi(["refs", "add", "refs/notes/commits"])
        .expect_code(0);
    for (pattern, existing) in [
        ("refs/git-mile/tasks/*", "refs/git-mile/*"),
        ("refs/notes/*", "refs/notes/commits"),
    ] {
        let before = env.config_bytes();
        let run = usage_error(env.multi(["refs", "add", pattern]), "overlaps");
        run.assert_stderr_has(existing);
        run.assert_stderr_has(&format!("git multi refs remove '{existing}'"));
        assert_eq!(env.config_bytes(), before);
    }
    // The same pattern again is a change of mode, not an overlap; one written behind our back is refused.
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    env.git([
        "config",
        "--add",
        "multi.refs",
        "refs/git-mile/tasks/*:theirs",
    ]);
    let run = usage_error(env.multi(["status"]), "overlaps");
    run.assert_stderr_has("git multi refs remove");
    env.multi(["refs", "remove", "refs/git-mile/tasks/*"])
        .expect_code(0);
    env.multi(["status"]).expect_code(0);
}

#[test]
fn sync_says_everywhere_only_when_every_remote_took_it() {
    let (env, hosts) = three_with_tasks();
    env.git(["config", "multi.primary", "a"]);
    task_event(&env, &env.work, "T9", "created");
    env.multi(["push"]).expect_code(0);
    let hook = hosts[1].join("hooks/pre-receive");
    write_script(&hook, "#!/bin/sh\nwhile read old new ref; do case \"$ref\" in refs/git-mile/*) echo \"tasks are read-only here\" >&2; exit 1;; esac; done\nexit 0\n");
    let now = task_event(&env, &env.work, "T9", "closed");

    let run = env.multi(["sync"]).expect_code(1);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("git-mile/tasks/T9"))
        .unwrap_or_else(|| panic!("{}", run.stdout))
        .to_string();
    assert!(!line.contains("everywhere"), "{line}");
    assert!(line.contains("b"), "{line}");
    assert!(line.contains("refused"), "{line}");
    let json = env.multi(["sync", "--json"]).expect_code(1).json();
    assert_eq!(
        json["namespaces"][0]["refused"],
        serde_json::json!(["b"]),
        "{json}"
    );
    assert_eq!(tip(&env, &hosts[0], "refs/git-mile/tasks/T9"), Some(now));

    std::fs::remove_file(&hook).unwrap();
    let fixed = env.multi(["sync"]).expect_code(0);
    fixed.assert_stdout_has("everywhere");
}

/// A tree of plain files kept under `refs/notes/` (as some tools do): git's notes merge would drop every file
/// that is not a note, so such copies are merged as trees — files on different paths are both kept, one path
/// changed two ways stops with the ref and the path named, and nothing is lost either way.
#[test]
fn plain_files_under_refs_notes_are_never_dropped() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b"]);
    env.git(["config", "multi.primary", "a"]);
    env.multi(["refs", "add", "refs/notes/*"]).expect_code(0);
    let data = |dir: &Path, parent: Option<&str>, file: &str, text: &str| -> String {
        let blob = env.git_with_input(dir, &["hash-object", "-w", "--stdin"], text);
        let blob = blob.trim();
        let mut entries = match parent {
            Some(p) => env.git_in(dir, ["ls-tree", p]),
            None => String::new(),
        };
        entries.push_str(&format!("100644 blob {blob}\t{file}\n"));
        let tree = env.git_with_input(dir, &["mktree"], &entries);
        let tree = tree.trim();
        let mut args = vec!["commit-tree", tree, "-m", file];
        if let Some(p) = parent {
            args.extend(["-p", p]);
        }
        env.git_in(dir, args).trim().to_string()
    };
    let base = data(&env.work, None, "base.json", "{}");
    env.git(["update-ref", "refs/notes/tool", &base]);
    env.multi(["push"]).expect_code(0);
    let other = env.clone_of(&hosts[1], "other", &["refs/notes"]);

    // Different files on each side: both are in the union.
    let theirs = data(&other, Some(&base), "b.json", "bob");
    let mine = data(&env.work, Some(&base), "a.json", "alice");
    diverge(&env, &other, "refs/notes/tool", &theirs, &mine);
    let json = env.multi(["sync", "--json"]).expect_code(0).json();
    assert_eq!(json["namespaces"][0]["result"], "union", "{json}");
    let files = env.git(["ls-tree", "--name-only", "refs/notes/tool"]);
    for file in ["base.json", "a.json", "b.json"] {
        assert!(files.lines().any(|l| l == file), "{file} dropped:\n{files}");
    }

    // The same file written two ways: stopped, named, nothing moved.
    let united = tip(&env, &env.work, "refs/notes/tool").unwrap();
    env.git_in(
        &other,
        ["fetch", "-q", "origin", "+refs/notes/*:refs/notes/*"],
    );
    let theirs = data(&other, Some(&united), "a.json", "bob's a");
    let mine = data(&env.work, Some(&united), "a.json", "alice's a");
    diverge(&env, &other, "refs/notes/tool", &theirs, &mine);
    assert_conflict(&env, &hosts[1], "refs/notes/tool", "a.json", &mine, &theirs);
}

/// A remote that could not be reached is never called in sync: its copies are unknown.
#[test]
fn an_unreachable_remote_leaves_namespaces_unknown_not_in_sync() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "dead"]);
    env.git(["config", "multi.primary", "a"]);
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    task_event(&env, &env.work, "T1", "event");
    env.multi(["push"]).expect_code(0);
    std::fs::rename(&hosts[1], env.root.join("hosts/gone.git")).unwrap();
    let run = env.multi(["sync", "--json"]).expect_code(1);
    let json = run.json();
    let line = &json["namespaces"][0];
    assert_eq!(line["result"], "unknown", "{json}");
    assert_eq!(line["unreached"], serde_json::json!(["dead"]), "{json}");
    let human = env.multi(["sync"]).expect_code(1);
    assert!(
        human
            .stdout
            .contains("git-mile/tasks/T1: in sync where compared; dead not reached"),
        "{}",
        human.stdout
    );
    let conflicts = env.multi(["conflicts", "--json"]).json();
    assert_eq!(conflicts["ok"], false, "{conflicts}");
    assert_eq!(conflicts["unreached"], serde_json::json!(["dead"]));
    let human = env.multi(["conflicts"]).stdout;
    assert!(human.contains("unknown on dead (not reached)"), "{human}");
}

/// The hint for a diverged namespace ref names what fixes it: plain `git multi sync`.
#[test]
fn a_diverged_namespace_ref_points_to_plain_sync() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a"]);
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    task_event(&env, &env.work, "T1", "first");
    env.multi(["push"]).expect_code(0);
    let other = env.clone_of(&hosts[0], "other", &["refs/git-mile"]);
    task_event(&env, &other, "T1", "theirs");
    env.git_in(
        &other,
        ["push", "-q", "origin", "refs/git-mile/*:refs/git-mile/*"],
    );
    task_event(&env, &env.work, "T1", "mine");
    env.multi(["fetch"]).expect_code(0);
    let run = env
        .multi(["push", "--branch", "refs/git-mile/tasks/T1"])
        .expect_code(1);
    run.assert_stdout_has("`git multi sync` unites the copies of every namespace ref");
    assert!(!run.stdout.contains("--strategy merge"), "{}", run.stdout);
    env.multi(["primary", "a"]).expect_code(0);
    env.multi(["sync"]).expect_code(0);
    env.multi(["push", "--branch", "refs/git-mile/tasks/T1"])
        .expect_code(0);
}
