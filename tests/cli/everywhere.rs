//! `branch list|create|delete` and `tag list|create|delete`: one ref on every remote, a failing remote reported
//! while the others succeed, nothing a remote has ever moved by a create, deletes guarded, leased and saved.

use crate::env::{outcome as remote, tip, Run, TestEnv};
use crate::servers::http::{Fault, HttpServer};
use crate::transports::{use_credential_helper, PASSWORD, USER};

#[track_caller]
fn assert_failed_remotes_reported(run: &Run) -> serde_json::Value {
    let json = run.json();
    assert_eq!(json["ok"], false, "{json}");
    for name in ["a", "b"] {
        assert_eq!(remote(&json, name)["status"], "ok", "{name}: {json}");
    }
    assert_eq!(remote(&json, "missing")["status"], "failed", "{json}");
    assert_eq!(remote(&json, "missing")["reason"], "not-found", "{json}");
    assert_eq!(remote(&json, "broken")["status"], "failed", "{json}");
    assert_eq!(remote(&json, "broken")["reason"], "server-error", "{json}");
    json
}

#[test]
fn branch_and_tag_create_and_delete_reach_every_remote_but_a_broken_one() {
    let env = TestEnv::new();
    let [a, b] = <[_; 2]>::try_from(env.add_local_remotes(&["a", "b"])).unwrap();
    let hosts = env.root.join("hosts");
    env.bare("broken.git");
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    use_credential_helper(&env, PASSWORD);
    http.set_fault("broken.git", Some(Fault::Status(500)));
    env.multi(["remote", "add", "broken", &http.url("broken.git")])
        .expect_code(0);
    env.multi([
        "remote",
        "add",
        "missing",
        env.root.join("nowhere/x.git").to_str().unwrap(),
    ])
    .expect_code(0);
    let first = env.git(["rev-parse", "HEAD"]).trim().to_string();
    env.commit("second");

    // branch create: made here from the start given, then pushed everywhere.
    let run = env
        .multi(["branch", "create", "feature", "HEAD~1", "--json"])
        .expect_code(1);
    let json = assert_failed_remotes_reported(&run);
    assert_eq!(json["local"]["action"], "created");
    assert_eq!(
        tip(&env, &env.work, "refs/heads/feature").as_deref(),
        Some(first.as_str())
    );
    for repo in [&a, &b] {
        assert_eq!(
            tip(&env, repo, "refs/heads/feature").as_deref(),
            Some(first.as_str())
        );
    }
    assert_eq!(remote(&json, "a")["refs"][0]["status"], "new");
    let human = env.multi(["branch", "create", "feature"]).expect_code(1);
    assert!(
        human.stdout.starts_with("branch feature is at "),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("a        up-to-date"),
        "{}",
        human.stdout
    );
    assert!(
        human
            .stdout
            .ends_with("4 remotes: 2 up-to-date, 2 failed\n"),
        "{}",
        human.stdout
    );

    // branch list: every remote read at once; the broken ones are shown as unreachable.
    let list = env
        .multi(["branch", "list", "--json"])
        .expect_code(1)
        .json();
    let feature = list["refs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "feature")
        .unwrap()
        .clone();
    assert_eq!(feature["remotes"]["a"]["state"], "in-sync", "{list}");
    assert_eq!(feature["remotes"]["a"]["oid"], first.as_str());
    assert_eq!(feature["remotes"]["broken"]["state"], "unknown");
    let main = list["refs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "main")
        .unwrap()
        .clone();
    assert_eq!(main["remotes"]["a"]["state"], "missing-remote", "{list}");
    let table = env.multi(["branch", "list"]).expect_code(1);
    assert!(table.stdout.contains("unreachable"), "{}", table.stdout);

    // tag create: annotated, pushed everywhere that answers.
    let run = env
        .multi([
            "tag",
            "create",
            "v1",
            "HEAD~1",
            "-m",
            "first release",
            "--json",
        ])
        .expect_code(1);
    assert_failed_remotes_reported(&run);
    let tag = tip(&env, &env.work, "refs/tags/v1").unwrap();
    assert_eq!(env.git(["cat-file", "-t", &tag]).trim(), "tag");
    for repo in [&a, &b] {
        assert_eq!(
            tip(&env, repo, "refs/tags/v1").as_deref(),
            Some(tag.as_str())
        );
    }

    // tag delete and branch delete: gone from every remote that answers, each tip saved; the local ones stay
    // while a remote may still have its copy.
    let run = env.multi(["tag", "delete", "v1", "--json"]).expect_code(1);
    let json = assert_failed_remotes_reported(&run);
    assert_eq!(json["local"]["action"], "kept", "{json}");
    assert_eq!(remote(&json, "a")["refs"][0]["status"], "deleted");
    for (name, repo) in [("a", &a), ("b", &b)] {
        assert_eq!(tip(&env, repo, "refs/tags/v1"), None, "{name}");
        assert_eq!(env.backups_of(name, "tags/v1"), [tag.as_str()], "{name}");
    }
    assert_eq!(
        tip(&env, &env.work, "refs/tags/v1").as_deref(),
        Some(tag.as_str())
    );

    let run = env
        .multi(["branch", "delete", "feature", "--json"])
        .expect_code(1);
    let json = assert_failed_remotes_reported(&run);
    assert_eq!(json["local"]["action"], "kept", "{json}");
    for (name, repo) in [("a", &a), ("b", &b)] {
        assert_eq!(tip(&env, repo, "refs/heads/feature"), None, "{name}");
        assert_eq!(
            env.backups_of(name, "heads/feature"),
            [first.as_str()],
            "{name}"
        );
    }
    assert!(tip(&env, &env.work, "refs/heads/feature").is_some());

    // Once the broken remotes are gone from the set, the same commands finish the job here too.
    env.multi(["remote", "remove", "broken"]).expect_code(0);
    env.multi(["remote", "remove", "missing"]).expect_code(0);
    let done = env.multi(["branch", "delete", "feature"]).expect_code(0);
    assert!(
        done.stdout.starts_with("deleted branch feature here (was "),
        "{}",
        done.stdout
    );
    assert!(done.stdout.contains("feature not there"), "{}", done.stdout);
    assert_eq!(tip(&env, &env.work, "refs/heads/feature"), None);
    env.multi(["tag", "delete", "v1"]).expect_code(0);
    assert_eq!(tip(&env, &env.work, "refs/tags/v1"), None);
}

#[test]
fn branch_delete_keeps_remote_commits_unless_forced_and_then_saves_them() {
    let env = TestEnv::new();
    let [a, b] = <[_; 2]>::try_from(env.add_local_remotes(&["a", "b"])).unwrap();
    env.multi(["branch", "create", "topic"]).expect_code(0);
    let ours = env.git(["rev-parse", "topic"]).trim().to_string();
    let theirs = env.push_foreign(&b, "topic", "theirs");

    let run = env
        .multi(["branch", "delete", "topic", "--json"])
        .expect_code(1);
    let json = run.json();
    assert_eq!(remote(&json, "a")["status"], "ok", "{json}");
    let refused = remote(&json, "b");
    assert_eq!(refused["status"], "rejected", "{json}");
    assert!(
        refused["error"]
            .as_str()
            .unwrap()
            .contains("was never fetched here, so it may hold commits the local branch lacks"),
        "{json}"
    );
    assert_eq!(
        tip(&env, &b, "refs/heads/topic").as_deref(),
        Some(theirs.as_str())
    );
    assert_eq!(tip(&env, &a, "refs/heads/topic"), None);
    assert_eq!(json["local"]["action"], "kept");
    assert!(env.backups_of("b", "heads/topic").is_empty());

    // Once fetched, the refusal says how many commits would be lost.
    env.multi(["fetch", "b"]).expect_code(0);
    let human = env.multi(["branch", "delete", "topic"]).expect_code(1);
    assert!(
        human
            .stdout
            .contains("topic: kept: the remote has 1 commit the local branch lacks"),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("hint: "), "{}", human.stdout);
    assert!(human.stdout.contains("--force"), "{}", human.stdout);

    let forced = env
        .multi(["branch", "delete", "topic", "--force", "--json"])
        .expect_code(0)
        .json();
    let deleted = &remote(&forced, "b")["refs"][0];
    assert_eq!(deleted["status"], "deleted", "{forced}");
    assert_eq!(deleted["old"], theirs.as_str());
    assert_eq!(tip(&env, &b, "refs/heads/topic"), None);
    assert_eq!(env.backups_of("b", "heads/topic"), [theirs.as_str()]);
    assert_eq!(remote(&forced, "b")["backups"][0]["oid"], theirs.as_str());
    assert_eq!(forced["local"]["action"], "deleted");
    assert_eq!(forced["local"]["oid"], ours.as_str());
    assert_eq!(tip(&env, &env.work, "refs/heads/topic"), None);

    // The checked-out branch is never deleted here; --keep-local deletes it on the remotes only.
    env.git(["switch", "-q", "-c", "side"]);
    env.multi(["branch", "create", "side"]).expect_code(0);
    let before = env.config_bytes();
    let checked_out = env.multi(["branch", "delete", "side"]).expect_code(2);
    assert!(
        checked_out.stderr.contains("is checked out here"),
        "{}",
        checked_out.stderr
    );
    assert!(
        checked_out.stderr.contains("--keep-local"),
        "{}",
        checked_out.stderr
    );
    assert_eq!(env.config_bytes(), before);
    assert!(tip(&env, &a, "refs/heads/side").is_some());
    env.multi(["branch", "delete", "side", "--keep-local"])
        .expect_code(0);
    assert_eq!(tip(&env, &a, "refs/heads/side"), None);
    assert!(tip(&env, &env.work, "refs/heads/side").is_some());

    // A branch that is not merged into HEAD is only deleted with --force, as with `git branch -d`.
    env.git(["switch", "-q", "-c", "unmerged"]);
    env.commit("unmerged work");
    env.git(["switch", "-q", "main"]);
    env.multi(["branch", "create", "unmerged"]).expect_code(0);
    let refused = env.multi(["branch", "delete", "unmerged"]).expect_code(1);
    assert!(
        refused
            .stderr
            .contains("is not fully merged into HEAD; nothing was deleted"),
        "{}",
        refused.stderr
    );
    assert!(tip(&env, &a, "refs/heads/unmerged").is_some());
    env.multi(["branch", "delete", "unmerged", "--force"])
        .expect_code(0);
    assert_eq!(tip(&env, &a, "refs/heads/unmerged"), None);
    assert_eq!(tip(&env, &env.work, "refs/heads/unmerged"), None);
}

#[test]
fn create_never_moves_what_a_remote_already_has() {
    let env = TestEnv::new();
    let [a, b] = <[_; 2]>::try_from(env.add_local_remotes(&["a", "b"])).unwrap();
    let first = env.git(["rev-parse", "HEAD"]).trim().to_string();
    // b has tag v1 on the first commit, and a branch `feature` there too (a fast-forward away from ours).
    env.git_in(
        &env.work,
        [
            "push",
            "-q",
            b.to_str().unwrap(),
            "HEAD:refs/tags/v1",
            "HEAD:refs/heads/feature",
        ],
    );
    env.commit("second");
    let ours = env.git(["rev-parse", "HEAD"]).trim().to_string();
    // Made here first: publishing an existing local tag or branch goes remote by remote.
    env.git(["tag", "v1"]);
    env.git(["branch", "feature"]);

    let run = env.multi(["tag", "create", "v1", "--json"]).expect_code(1);
    let json = run.json();
    assert_eq!(remote(&json, "a")["status"], "ok", "{json}");
    let exists = remote(&json, "b");
    assert_eq!(exists["status"], "rejected", "{json}");
    let error = exists["error"].as_str().unwrap();
    assert!(error.contains("already exists"), "{error}");
    assert!(!error.contains("non-fast-forward"), "{error}");
    assert_eq!(exists["refs"][0]["reason"], "already exists");
    assert_eq!(
        tip(&env, &b, "refs/tags/v1").as_deref(),
        Some(first.as_str())
    );
    assert_eq!(
        tip(&env, &a, "refs/tags/v1").as_deref(),
        Some(ours.as_str())
    );
    let human = env.multi(["tag", "create", "v1"]).expect_code(1);
    assert!(
        human
            .stdout
            .contains("tags/v1: already exists on the remote with another target"),
        "{}",
        human.stdout
    );
    assert!(
        human
            .stdout
            .contains("git multi tag delete v1 --keep-local"),
        "{}",
        human.stdout
    );
    let list = env.multi(["tag", "list", "--json"]).expect_code(0).json();
    assert_eq!(
        list["refs"][0]["remotes"]["b"]["state"], "diverged",
        "{list}"
    );

    // A branch is not fast-forwarded either: create means create.
    let run = env
        .multi(["branch", "create", "feature", "--json"])
        .expect_code(1)
        .json();
    assert_eq!(remote(&run, "b")["status"], "rejected", "{run}");
    assert_eq!(remote(&run, "b")["refs"][0]["reason"], "already exists");
    assert_eq!(
        tip(&env, &b, "refs/heads/feature").as_deref(),
        Some(first.as_str())
    );
    assert_eq!(
        tip(&env, &a, "refs/heads/feature").as_deref(),
        Some(ours.as_str())
    );
}

#[test]
fn bad_names_and_starts_change_nothing() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    for (args, message) in [
        (
            &["branch", "create", "a..b"][..],
            "is not a valid branch name",
        ),
        (
            &["branch", "create", "x", "no-such-commit"][..],
            "does not name a commit",
        ),
        (&["branch", "delete", "-x"][..], "unexpected argument"),
        (&["tag", "create", "bad tag"][..], "is not a valid tag name"),
        (&["tag", "create", "v1", "-s"][..], "--message"),
        (
            &["branch", "create", "x", "--timeout", "soon"][..],
            "--timeout",
        ),
    ] {
        let before = env.config_bytes();
        let refs = env.git(["for-each-ref"]);
        let run = env.multi(args).expect_code(2);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert_eq!(env.config_bytes(), before);
        assert_eq!(env.git(["for-each-ref"]), refs, "{args:?} changed a ref");
    }
    env.git(["tag", "v1"]);
    env.commit("second");
    let moved = env.multi(["tag", "create", "v1", "HEAD"]).expect_code(2);
    assert!(
        moved.stderr.contains("already exists here"),
        "{}",
        moved.stderr
    );
    assert!(moved.stderr.contains("hint: "), "{}", moved.stderr);
}

/// A branch or tag that some remote already has at another commit is not made here first: the remotes are
/// read before anything is created.
#[test]
fn create_reads_the_remotes_before_making_anything_here() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b"]);
    env.commit("second");
    env.multi(["push"]).expect_code(0);
    for host in &hosts {
        env.git_in(
            &env.work,
            [
                "push",
                "-q",
                host.to_str().unwrap(),
                "HEAD:refs/heads/extra",
                "HEAD:refs/tags/v9",
            ],
        );
    }
    let refs = env.git(["for-each-ref"]);
    let run = env
        .multi(["branch", "create", "extra", "HEAD~1"])
        .expect_code(1);
    assert!(
        run.stderr.contains("already exists on a, b"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: "), "{}", run.stderr);
    let run = env.multi(["tag", "create", "v9", "HEAD~1"]).expect_code(1);
    assert!(
        run.stderr.contains("already exists on a, b"),
        "{}",
        run.stderr
    );
    assert_eq!(env.git(["for-each-ref"]), refs, "nothing was made here");
    // Where the remotes have it at the same commit, there is nothing in the way.
    env.multi(["branch", "create", "extra"]).expect_code(0);
    assert!(tip(&env, &env.work, "refs/heads/extra").is_some());
}

#[test]
fn delete_hints_keep_the_flags_and_move_on_once_fetched() {
    let env = TestEnv::new();
    let [_a, b] = <[_; 2]>::try_from(env.add_local_remotes(&["a", "b"])).unwrap();
    env.multi(["branch", "create", "kl"]).expect_code(0);
    env.push_foreign(&b, "kl", "theirs");
    let run = env
        .multi(["branch", "delete", "kl", "--keep-local"])
        .expect_code(1);
    assert!(
        run.stdout
            .contains("git multi branch delete kl --force --keep-local"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("git multi fetch b"), "{}", run.stdout);
    env.multi(["fetch", "b"]).expect_code(0);
    let run = env
        .multi(["branch", "delete", "kl", "--keep-local"])
        .expect_code(1);
    assert!(!run.stdout.contains("git multi fetch b"), "{}", run.stdout);
    assert!(
        run.stdout.contains("git multi resolve kl --merge"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("--force --keep-local"),
        "{}",
        run.stdout
    );
}
