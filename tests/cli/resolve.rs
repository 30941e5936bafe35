//! `conflicts` (every ref whose copies differ, classified, with what `resolve` would do) and `resolve`
//! (take a copy or merge them everywhere, each remote under its own lease, old tips saved first).

use std::path::{Path, PathBuf};

use crate::env::tip;
use crate::env::{outcome as remote, write_script, TestEnv};
use crate::namespaces::task_event;

/// Remotes `a`, `b`, `c` with our first commit on main, and `refs/git-mile/*` carried.
fn three() -> (TestEnv, Vec<PathBuf>) {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b", "c"]);
    env.multi(["refs", "add", "refs/git-mile/*"]).expect_code(0);
    env.multi(["push"]).expect_code(0);
    (env, hosts)
}

/// Someone else commits on `branch` of `host` and pushes; returns the new tip.
fn pushed_elsewhere(env: &TestEnv, host: &Path, name: &str, branch: &str) -> String {
    let dir = env.clone_of(host, name, &["refs/git-mile"]);
    env.git_in(&dir, ["checkout", "-q", "-B", branch]);
    env.git_in(&dir, ["commit", "-q", "--allow-empty", "-m", name]);
    env.git_in(
        &dir,
        ["push", "-q", "origin", &format!("HEAD:refs/heads/{branch}")],
    );
    env.git_in(&dir, ["rev-parse", "HEAD"]).trim().to_string()
}

fn entry<'a>(json: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    json["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["ref"] == name)
        .unwrap_or_else(|| panic!("no {name} in {json}"))
}

#[test]
fn conflicts_classifies_every_ref_in_the_documented_shape() {
    let (env, hosts) = three();
    let base = env.git(["rev-parse", "HEAD"]).trim().to_string();
    // main diverged (a has someone's commit, we have ours); topic ahead; feature only on c; T1 behind on b;
    // v1 only here; T2 the same everywhere.
    let theirs = pushed_elsewhere(&env, &hosts[0], "x", "main");
    let ours = env.commit("ours");
    env.git(["branch", "topic"]);
    env.multi(["push", "--branch", "topic"]).expect_code(0);
    let topic = {
        env.git(["checkout", "-q", "topic"]);
        let t = env.commit("topic-work");
        env.git(["checkout", "-q", "main"]);
        t
    };
    let feature = pushed_elsewhere(&env, &hosts[2], "f", "feature");
    let t1 = task_event(&env, &env.work, "T1", "created");
    task_event(&env, &env.work, "T2", "created");
    env.multi(["push", "--branch", "refs/git-mile/*"])
        .expect_code(0);
    let other = env.clone_of(&hosts[1], "tasks", &["refs/git-mile"]);
    let t1_b = task_event(&env, &other, "T1", "commented on b");
    env.git_in(&other, ["push", "-q", "origin", "refs/git-mile/tasks/T1"]);
    env.git(["tag", "v1"]);

    let run = env.multi(["conflicts", "--json"]).expect_code(0);
    let json = run.json();
    let all = json.as_object().unwrap();
    // Every --json document has a top-level `ok`; `unreached` appears only when a remote was not reached.
    assert_eq!(
        all.keys().collect::<Vec<_>>(),
        ["ok", "conflicts"],
        "{json}"
    );
    assert_eq!(json["ok"], true);
    for c in json["conflicts"].as_array().unwrap() {
        let mut keys: Vec<&String> = c.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["action", "kind", "ref", "tips"], "{c}");
        let mut sides: Vec<&String> = c["tips"].as_object().unwrap().keys().collect();
        sides.sort();
        assert_eq!(sides, ["a", "b", "c", "local"], "{c}");
    }
    let names: Vec<&str> = json["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["ref"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "refs/git-mile/tasks/T1",
            "refs/heads/feature",
            "refs/heads/main",
            "refs/heads/topic",
            "refs/tags/v1"
        ],
        "T2 agrees everywhere, so it is not listed"
    );

    let main = entry(&json, "refs/heads/main");
    assert_eq!(main["kind"], "diverged");
    assert_eq!(
        main["tips"],
        serde_json::json!({"local": ours, "a": theirs, "b": base, "c": base})
    );
    assert_eq!(main["action"], "git multi resolve refs/heads/main --merge");
    let topic_entry = entry(&json, "refs/heads/topic");
    assert_eq!(topic_entry["kind"], "ahead");
    assert_eq!(topic_entry["tips"]["local"], topic.as_str());
    assert_eq!(
        topic_entry["action"],
        "git multi resolve refs/heads/topic --take local"
    );
    let feature_entry = entry(&json, "refs/heads/feature");
    assert_eq!(feature_entry["kind"], "missing");
    assert_eq!(
        feature_entry["tips"],
        serde_json::json!({"local": null, "a": null, "b": null, "c": feature})
    );
    assert_eq!(
        feature_entry["action"],
        "git multi resolve refs/heads/feature --take c"
    );
    let task = entry(&json, "refs/git-mile/tasks/T1");
    assert_eq!(task["kind"], "behind");
    assert_eq!(
        task["tips"],
        serde_json::json!({"local": t1, "a": t1, "b": t1_b, "c": t1})
    );
    assert_eq!(
        task["action"],
        "git multi resolve refs/git-mile/tasks/T1 --take b"
    );
    let tag = entry(&json, "refs/tags/v1");
    assert_eq!(tag["kind"], "missing");
    assert_eq!(tag["tips"]["a"], serde_json::Value::Null);

    env.multi(["conflicts", "--exit-code"]).expect_code(1);
    let human = env.multi(["conflicts"]).expect_code(0);
    assert!(human.stdout.contains("5 refs differ"), "{}", human.stdout);

    // Settled with the suggested actions, nothing differs any more.
    for (name, how) in [
        ("refs/heads/main", &["--merge"][..]),
        ("refs/heads/topic", &["--take", "local"]),
        ("refs/heads/feature", &["--take", "c"]),
        ("refs/git-mile/tasks/T1", &["--take", "b"]),
        ("refs/tags/v1", &["--take", "local"]),
    ] {
        let mut args = vec!["resolve", name];
        args.extend_from_slice(how);
        env.multi(&args).expect_code(0);
    }
    let settled = env
        .multi(["conflicts", "--json", "--exit-code"])
        .expect_code(0)
        .json();
    assert_eq!(settled, serde_json::json!({"ok": true, "conflicts": []}));

    // A remote that cannot be reached is left out of the tips and makes the run fail.
    env.git([
        "remote",
        "set-url",
        "c",
        env.root.join("gone.git").to_str().unwrap(),
    ]);
    let partial = env.multi(["conflicts", "--json"]).expect_code(1);
    assert!(
        partial.stderr.contains("c was not compared"),
        "{}",
        partial.stderr
    );
    assert_eq!(
        partial.json(),
        serde_json::json!({"ok": false, "conflicts": [], "unreached": ["c"]})
    );
}

#[test]
fn resolve_take_a_remote_or_local_saves_every_tip_it_replaces() {
    let (env, hosts) = three();
    let base = env.git(["rev-parse", "HEAD"]).trim().to_string();
    let theirs = pushed_elsewhere(&env, &hosts[0], "x", "main");
    let ours = env.commit("ours");

    let plan = env
        .multi(["resolve", "main", "--take", "a", "--dry-run", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(plan["target"], theirs.as_str());
    assert_eq!(remote(&plan, "b")["status"], "dry-run");
    assert_eq!(
        env.git(["rev-parse", "HEAD"]).trim(),
        ours,
        "a dry run changes nothing"
    );
    assert_eq!(tip(&env, &hosts[1], "refs/heads/main"), Some(base.clone()));

    let json = env
        .multi(["resolve", "main", "--take", "a", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(json["action"], "take");
    assert_eq!(json["from"], "a");
    assert_eq!(json["local"]["old"], ours.as_str());
    assert_eq!(json["local"]["backup"]["oid"], ours.as_str());
    assert_eq!(
        env.git(["rev-parse", "HEAD"]).trim(),
        theirs,
        "the work tree follows"
    );
    assert_eq!(env.backups_of("local", "heads/main"), [ours.as_str()]);
    assert_eq!(remote(&json, "a")["status"], "up-to-date");
    for host in &hosts {
        assert_eq!(tip(&env, host, "refs/heads/main"), Some(theirs.clone()));
    }

    // Now b gets someone's commit, and we take the local copy: b's commit is overwritten, saved first.
    let lost = pushed_elsewhere(&env, &hosts[1], "y", "main");
    let mine = env.commit("mine");
    let json = env
        .multi(["resolve", "main", "--take", "local", "--json"])
        .expect_code(0)
        .json();
    let b = remote(&json, "b");
    assert_eq!(b["refs"][0]["status"], "forced", "{json}");
    assert_eq!(b["backups"][0]["oid"], lost.as_str());
    assert_eq!(env.backups_of("b", "heads/main"), [lost.as_str()]);
    assert_eq!(remote(&json, "a")["refs"][0]["status"], "updated");
    for host in &hosts {
        assert_eq!(tip(&env, host, "refs/heads/main"), Some(mine.clone()));
    }

    // A branch deleted on a remote since it was fetched: resolve's fetch prunes it, saving its tip first.
    env.git(["branch", "old"]);
    env.multi(["push", "a", "--branch", "old"]).expect_code(0);
    env.multi(["fetch", "a"]).expect_code(0);
    env.git_in(&hosts[0], ["branch", "-D", "old"]);
    let json = env
        .multi(["resolve", "main", "--take", "local", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(json["pruned"][0]["remote"], "a", "{json}");
    assert_eq!(json["pruned"][0]["ref"], "refs/heads/old");
    assert_eq!(env.backups_of("a", "heads/old"), [mine.as_str()]);
    assert_eq!(tip(&env, &env.work, "refs/remotes/a/old"), None);
}

#[test]
fn resolve_merge_leaves_a_remote_alone_when_someone_pushed_since() {
    let (env, hosts) = three();
    let theirs = pushed_elsewhere(&env, &hosts[0], "x", "main");
    env.commit("ours");
    // Someone pushes to b while resolve is merging: the post-merge hook of our own repository does it, once.
    let helper = env.clone_of(&hosts[1], "helper", &["refs/git-mile"]);
    let hook = env.work.join(".git/hooks/post-merge");
    write_script(
        &hook,
        &format!(
            "#!/bin/sh\n[ -e \"{marker}\" ] && exit 0\ntouch \"{marker}\"\nunset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE\ncd \"{helper}\" && git commit -q --allow-empty -m 'pushed meanwhile' && git push -q origin HEAD:refs/heads/main\n",
            marker = env.root.join("hook-ran").display(),
            helper = helper.display()
        ),
    );

    let run = env
        .multi(["resolve", "main", "--merge", "--json"])
        .expect_code(1);
    let json = run.json();
    let merged = json["target"].as_str().unwrap().to_string();
    assert_eq!(env.git(["rev-parse", "HEAD"]).trim(), merged);
    assert_eq!(
        env.git(["rev-parse", "HEAD^2"]).trim(),
        theirs,
        "a's commit merged in"
    );
    let meanwhile = env
        .git_in(&helper, ["rev-parse", "HEAD"])
        .trim()
        .to_string();
    let b = remote(&json, "b");
    assert_eq!(b["status"], "rejected", "{json}");
    assert_eq!(b["refs"][0]["reason"], "stale info");
    assert_eq!(
        tip(&env, &hosts[1], "refs/heads/main"),
        Some(meanwhile.clone()),
        "not overwritten"
    );
    for name in ["a", "c"] {
        assert_eq!(remote(&json, name)["status"], "ok");
    }
    let human = env
        .multi(["resolve", "main", "--merge", "--dry-run"])
        .expect_code(0);
    assert!(human.stdout.contains("b  dry-run"), "{}", human.stdout);

    // The hint is not the same refusal again: running resolve again fetches the new commit and merges it.
    let again = env.multi(["resolve", "main", "--merge"]).expect_code(0);
    assert!(again.stdout.contains("3 remotes: "), "{}", again.stdout);
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    for host in &hosts {
        assert_eq!(tip(&env, host, "refs/heads/main"), Some(head.clone()));
    }
    env.git(["merge-base", "--is-ancestor", &meanwhile, &head]);
    env.multi(["conflicts", "--exit-code"]).expect_code(0);
}

#[test]
fn resolve_refuses_what_it_cannot_do() {
    let (env, _) = three();
    let two = |args: &[&str], message: &str| {
        let before = env.git(["for-each-ref"]);
        let run = env.multi(args).expect_code(2);
        assert!(
            run.stderr.contains(message),
            "want {message:?} in\n{}",
            run.stderr
        );
        assert!(run.stderr.contains("\nhint: "), "{}", run.stderr);
        assert_eq!(env.git(["for-each-ref"]), before, "nothing changed");
    };
    two(
        &["resolve", "main", "--take", "nope"],
        "Remote 'nope' not found",
    );
    env.git(["tag", "v1"]);
    two(&["resolve", "tags/v1", "--merge"], "tags cannot be merged");
    two(
        &["resolve", "refs/other/x", "--merge"],
        "not a branch, a tag or a ref of a configured namespace",
    );
    env.git(["branch", "topic"]);
    two(
        &["resolve", "topic", "--rebase"],
        "--rebase works on the checked-out branch",
    );
    let usage = env.multi(["resolve", "main"]).expect_code(2);
    assert!(usage.stderr.contains("--take"), "{}", usage.stderr);
}

/// Commits `file` = `text` on `branch` of `host` from a throw-away clone (the branch must exist there).
fn change_elsewhere(
    env: &TestEnv,
    host: &Path,
    name: &str,
    branch: &str,
    file: &str,
    text: &str,
) -> String {
    let dir = env.root.join(name);
    env.git_in(
        &env.root,
        [
            "clone",
            "-q",
            "-b",
            branch,
            host.to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
    );
    std::fs::write(dir.join(file), text).unwrap();
    env.git_in(&dir, ["commit", "-q", "-am", name]);
    env.git_in(&dir, ["push", "-q", "origin", branch]);
    env.git_in(&dir, ["rev-parse", "HEAD"]).trim().to_string()
}

#[test]
fn a_moved_tag_is_called_the_same_everywhere() {
    let (env, hosts) = three();
    env.git(["tag", "v1"]);
    env.multi(["push", "--tags"]).expect_code(0);
    env.commit("second");
    env.commit("third");
    env.git_in(
        &env.work,
        [
            "push",
            "-q",
            "-f",
            hosts[1].to_str().unwrap(),
            "HEAD:refs/tags/v1",
        ],
    );
    env.multi(["push"]).expect_code(0);

    let status = env.multi(["status", "--tags"]).expect_code(0);
    let row = status
        .stdout
        .lines()
        .find(|l| l.starts_with("tags/v1"))
        .unwrap()
        .to_string();
    assert!(row.contains("differs"), "{}", status.stdout);
    assert!(!row.contains("behind"), "{}", status.stdout);
    let json = env
        .multi(["status", "--tags", "--json"])
        .expect_code(0)
        .json();
    let cell = json["refs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["remote"] == "b" && e["ref"] == "refs/tags/v1")
        .cloned()
        .unwrap();
    assert_eq!(cell["state"], "diverged", "{json}");

    let conflicts = env.multi(["conflicts"]).expect_code(0);
    let row = conflicts
        .stdout
        .lines()
        .find(|l| l.starts_with("tags/v1"))
        .unwrap()
        .to_string();
    assert!(row.contains("differs"), "{}", conflicts.stdout);
    let json = env.multi(["conflicts", "--json"]).expect_code(0).json();
    assert_eq!(entry(&json, "refs/tags/v1")["kind"], "diverged");

    let list = env.multi(["tag", "list"]).expect_code(0);
    assert!(list.stdout.contains("differs"), "{}", list.stdout);
    let json = env.multi(["tag", "list", "--json"]).expect_code(0).json();
    assert_eq!(
        json["refs"][0]["remotes"]["b"]["state"], "diverged",
        "{json}"
    );
}

#[test]
fn short_names_resolve_like_git_and_ambiguity_is_said() {
    let (env, _hosts) = three();
    env.commit("second");
    env.git(["tag", "v2"]);
    env.git(["branch", "v2", "HEAD~1"]);
    let run = env
        .multi(["resolve", "v2", "--take", "local", "--dry-run"])
        .expect_code(2);
    assert!(run.stderr.contains("ambiguous"), "{}", run.stderr);
    assert!(
        run.stderr.contains("refs/tags/v2") && run.stderr.contains("refs/heads/v2"),
        "{}",
        run.stderr
    );
    let tag = env
        .multi([
            "resolve",
            "refs/tags/v2",
            "--take",
            "local",
            "--dry-run",
            "--json",
        ])
        .expect_code(0)
        .json();
    assert_eq!(tag["ref"], "refs/tags/v2");

    // HEAD is the checked-out branch.
    let head = env
        .multi(["resolve", "HEAD", "--take", "local", "--dry-run", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(head["ref"], "refs/heads/main", "{head}");

    // A branch named tags/v1 beside the tag v1: status shows the full names, not two `tags/v1` rows.
    env.git(["tag", "v1"]);
    env.git(["branch", "tags/v1"]);
    let status = env.multi(["status", "--tags"]).expect_code(0);
    assert!(
        status.stdout.contains("refs/heads/tags/v1"),
        "{}",
        status.stdout
    );
    assert!(status.stdout.contains("refs/tags/v1"), "{}", status.stdout);
    assert!(
        !status.stdout.lines().any(|l| l.starts_with("tags/v1 ")),
        "{}",
        status.stdout
    );
}

#[test]
fn resolve_hints_lead_somewhere_that_works() {
    let (env, hosts) = three();
    // cf exists on a and b only, changed in conflicting ways, and not here.
    for host in &hosts[..2] {
        env.git_in(
            &env.work,
            ["push", "-q", host.to_str().unwrap(), "HEAD:refs/heads/cf"],
        );
    }
    change_elsewhere(&env, &hosts[0], "cf-a", "cf", "first.txt", "from a");
    change_elsewhere(&env, &hosts[1], "cf-b", "cf", "first.txt", "from b");
    let run = env.multi(["resolve", "cf", "--merge"]).expect_code(1);
    assert!(
        run.stderr.contains("git switch -c cf a/cf") || run.stderr.contains("git branch cf a/cf"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("`git switch cf`"), "{}", run.stderr);

    // --take with uncommitted changes in the way: said in words, with what to do.
    env.multi(["fetch"]).expect_code(0);
    change_elsewhere(&env, &hosts[0], "main-a", "main", "first.txt", "theirs");
    env.commit("mine");
    std::fs::write(env.work.join("first.txt"), "uncommitted").unwrap();
    let before = env.git(["rev-parse", "HEAD"]);
    let run = env.multi(["resolve", "main", "--take", "a"]).expect_code(1);
    assert!(run.stderr.contains("uncommitted changes"), "{}", run.stderr);
    assert!(run.stderr.contains("hint: "), "{}", run.stderr);
    assert!(run.stderr.contains("stash"), "{}", run.stderr);
    assert_eq!(env.git(["rev-parse", "HEAD"]), before);
}

#[test]
fn a_merge_dry_run_prints_no_id_the_real_merge_will_not_have() {
    let (env, hosts) = three();
    pushed_elsewhere(&env, &hosts[0], "x", "main");
    env.commit("ours");
    let dry = env
        .multi(["resolve", "main", "--merge", "--dry-run", "--json"])
        .expect_code(0)
        .json();
    let human = env
        .multi(["resolve", "main", "--merge", "--dry-run"])
        .expect_code(0);
    assert!(human.stdout.contains("would merge"), "{}", human.stdout);
    let real = env
        .multi(["resolve", "main", "--merge", "--json"])
        .expect_code(0)
        .json();
    assert!(
        dry["target"].is_null() || dry["target"] == real["target"],
        "dry run {} vs real {}",
        dry["target"],
        real["target"]
    );
}

#[test]
fn exit_codes_ignore_branches_that_are_only_on_the_remotes_and_agree() {
    let (env, hosts) = three();
    for host in &hosts {
        env.git_in(
            &env.work,
            [
                "push",
                "-q",
                host.to_str().unwrap(),
                "HEAD:refs/heads/theirs",
            ],
        );
    }
    env.multi(["fetch"]).expect_code(0);
    let status = env.multi(["status", "--exit-code"]).expect_code(0);
    assert!(status.stdout.contains("not local"), "{}", status.stdout);
    env.multi(["conflicts", "--exit-code"]).expect_code(0);

    // Unpushed local work is missing on the remotes: that still counts.
    env.git(["branch", "wip"]);
    env.multi(["status", "--exit-code"]).expect_code(1);
    let json = env
        .multi(["conflicts", "--json", "--exit-code"])
        .expect_code(1)
        .json();
    assert_eq!(entry(&json, "refs/heads/wip")["kind"], "missing");

    // A remote-only branch the remotes disagree about counts too.
    env.git(["branch", "-D", "wip"]);
    pushed_elsewhere(&env, &hosts[2], "t", "theirs");
    env.multi(["conflicts", "--exit-code"]).expect_code(1);
    env.multi(["status", "--exit-code"]).expect_code(1);
}

/// A merge of the user's branch is the user's: their name on it, git's message; only data namespaces get
/// git-multi's fixed identity (so every clone writes the same commit).
#[test]
fn a_branch_merge_is_signed_by_the_user_with_gits_message() {
    let (env, hosts) = three();
    env.git(["branch", "topic"]);
    env.multi(["push", "--branch", "topic"]).expect_code(0);
    // Two remotes move `topic` apart; the local branch stays behind (not checked out).
    pushed_elsewhere(&env, &hosts[0], "alice", "topic");
    pushed_elsewhere(&env, &hosts[1], "bob", "topic");
    env.multi(["resolve", "topic", "--merge"]).expect_code(0);
    let show = |format: &str| {
        env.git(["log", "-1", &format!("--format={format}"), "topic"])
            .trim()
            .to_string()
    };
    assert_eq!(show("%an <%ae>"), "Test User <test@example.com>");
    assert_eq!(show("%cn <%ce>"), "Test User <test@example.com>");
    assert_eq!(
        show("%s"),
        "Merge remote-tracking branches 'a/topic' and 'b/topic' into topic"
    );
    for host in &hosts {
        assert_eq!(
            tip(&env, host, "refs/heads/topic"),
            tip(&env, &env.work, "topic")
        );
    }

    // Without an identity the merge stops as git's own would, and nothing moves.
    env.git(["branch", "second", "main"]);
    env.multi(["push", "--branch", "second"]).expect_code(0);
    pushed_elsewhere(&env, &hosts[2], "carol", "second");
    pushed_elsewhere(&env, &hosts[0], "dave", "second");
    let before = tip(&env, &env.work, "second");
    std::fs::write(
        env.home.join(".gitconfig"),
        "[init]\n\tdefaultBranch = main\n",
    )
    .unwrap();
    let mut env = env;
    env.set_env("EMAIL", "");
    env.set_env("GIT_AUTHOR_NAME", "");
    let run = env.multi(["resolve", "second", "--merge"]);
    assert_ne!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stderr.contains("Author identity unknown")
            || run.stderr.contains("tell me who you are"),
        "{}",
        run.stderr
    );
    assert_eq!(tip(&env, &env.work, "second"), before);
}

#[test]
fn a_namespace_union_keeps_the_fixed_identity() {
    let (env, hosts) = three();
    let clone = env.clone_of(&hosts[0], "other", &["refs/git-mile"]);
    task_event(&env, &clone, "T1", "from the other clone");
    env.git_in(
        &clone,
        ["push", "-q", "origin", "refs/git-mile/*:refs/git-mile/*"],
    );
    task_event(&env, &env.work, "T1", "from here");
    env.multi(["primary", "a"]).expect_code(0);
    env.multi(["sync"]).expect_code(0);
    let who = env
        .git([
            "log",
            "-1",
            "--format=%an <%ae>|%s",
            "refs/git-mile/tasks/T1",
        ])
        .trim()
        .to_string();
    assert_eq!(
        who,
        "git-multi <git-multi@localhost>|git multi: union of refs/git-mile/tasks/T1"
    );
}
