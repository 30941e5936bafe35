//! The audit log (`.git/multi/log`), `git multi log` and `git multi undo`: what gets logged for pushes, forced
//! pushes, set changes and host API work; that no secret reaches the log or the output; that two commands at
//! once both land whole; and that undo puts remote tips back under a lease that protects work pushed since.

use std::process::Stdio;

use serde_json::{json, Value};

use crate::env::{outcome as remote, tip, Run, TestEnv};
use crate::fake_api::{Answer, FakeApi, Seen};
use crate::servers::http::HttpServer;
use crate::transports::{use_credential_helper, PASSWORD, USER};

const TOKEN: &str = "ghp_AuditLogTestToken0123456789abcdefXYZ";

/// Every entry of the log file, oldest first, each line checked to be one whole JSON document.
fn log_lines(env: &TestEnv) -> Vec<Value> {
    let text = std::fs::read_to_string(env.work.join(".git/multi/log")).unwrap_or_default();
    text.lines()
        .map(|line| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("not a whole entry ({e}): {line:?}"))
        })
        .collect()
}

/// A GitHub-like API that knows the token and lets `create` make alice/demo (cloned from a local bare repo).
fn github_fake(env: &TestEnv) -> FakeApi {
    let clone_url = env.bare("alice-demo.git").to_str().unwrap().to_string();
    FakeApi::start(move |seen: &Seen, _| {
        if seen.header("authorization") != Some(&format!("Bearer {TOKEN}")) {
            return Answer::json(401, json!({"message": "Bad credentials"}));
        }
        let repo = json!({"name": "demo", "owner": {"login": "alice"}, "clone_url": clone_url,
            "html_url": "https://example.invalid/alice/demo", "default_branch": "main", "private": true,
            "permissions": {"push": true, "admin": true}});
        match (seen.method.as_str(), seen.url.as_str()) {
            ("GET", "/user") => Answer::json(200, json!({"login": "alice"}))
                .header("X-OAuth-Scopes", "repo, admin:repo_hook"),
            ("POST", "/user/repos") => Answer::json(201, repo),
            ("GET", "/repos/alice/demo") | ("PATCH", "/repos/alice/demo") => {
                Answer::json(200, repo)
            }
            _ => Answer::json(404, json!({"message": "Not Found"})),
        }
    })
}

#[track_caller]
fn assert_secret_nowhere(env: &TestEnv, runs: &[&Run], secret: &str) {
    for run in runs {
        run.assert_not_shown(secret);
    }
    let log = std::fs::read_to_string(env.work.join(".git/multi/log")).unwrap();
    assert!(
        !log.contains(secret),
        "a secret is in the audit log:\n{log}"
    );
}

#[test]
fn pushes_forced_pushes_and_set_changes_are_logged_without_secrets() {
    let mut env = TestEnv::new();
    let hosts = env.root.join("hosts");
    env.bare("web.git");
    let local = env.bare("local.git");
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    use_credential_helper(&env, PASSWORD);
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let fake = github_fake(&env);

    let mut runs = vec![
        env.multi(["remote", "add", "web", &http.url("web.git")])
            .expect_code(0),
        env.multi(["remote", "add", "local", local.to_str().unwrap()])
            .expect_code(0),
        env.multi(["push", "--json"]).expect_code(0),
    ];
    let first = env.git(["rev-parse", "HEAD"]).trim().to_string();
    // A rewritten history, as a mirror would push it: forced, old tips saved.
    env.git(["commit", "-q", "--amend", "-m", "rewritten"]);
    let rewritten = env.git(["rev-parse", "HEAD"]).trim().to_string();
    runs.push(env.multi(["push", "--force", "--json"]).expect_code(0));
    // Nothing to do and dry runs are not changes.
    runs.push(env.multi(["push"]).expect_code(0));
    runs.push(env.multi(["push", "--dry-run", "--force"]).expect_code(0));
    // Host API work with the token from the environment.
    runs.push(env.add_on_api("gh", "github", "alice/demo", &fake.url, &[]));
    runs.push(env.multi(["create", "--on", "gh", "--json"]).expect_code(0));

    let entries = log_lines(&env);
    let commands: Vec<&str> = entries
        .iter()
        .map(|e| e["command"].as_str().unwrap())
        .collect();
    assert_eq!(
        commands,
        [
            "remote add",
            "remote add",
            "push",
            "push",
            "remote add",
            "create"
        ],
        "{entries:#?}"
    );
    let add = &entries[0];
    assert_eq!(add["set"][0]["remote"], "web");
    assert_eq!(add["set"][0]["key"], "member");
    assert_eq!(add["set"][0]["new"], http.url("web.git"));
    assert!(add["time"].as_str().unwrap().ends_with('Z'));

    let created = &entries[2];
    assert_eq!(created["args"], json!(["push", "--json"]));
    for name in ["web", "local"] {
        let r = remote(&entries[2], name);
        assert_eq!(
            r["refs"][0],
            json!({"ref": "refs/heads/main", "old": null, "new": first})
        );
    }

    let forced = &entries[3];
    assert_eq!(forced["args"], json!(["push", "--force", "--json"]));
    for r in forced["remotes"].as_array().unwrap() {
        let change = &r["refs"][0];
        assert_eq!(
            (change["old"].as_str(), change["new"].as_str()),
            (Some(first.as_str()), Some(rewritten.as_str()))
        );
        let backup = change["backup"].as_str().unwrap();
        assert!(
            backup.starts_with(&format!(
                "refs/multi/backup/{}/",
                r["name"].as_str().unwrap()
            )),
            "{backup}"
        );
        assert_eq!(
            env.git(["rev-parse", backup]).trim(),
            first,
            "the backup ref keeps the old tip"
        );
    }

    // `create` logs the repository it made and the URL the host gave the remote.
    let create = &entries[5];
    assert_eq!(create["remotes"][0]["name"], "gh");
    assert!(
        create["set"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["remote"] == "gh" && c["key"] == "url"),
        "{create}"
    );

    // `git multi log`: newest first, the same entries; -n and --since filter.
    let shown = env.multi(["log", "--json"]).expect_code(0).json();
    let ids: Vec<&str> = shown["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let mut expected: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    expected.reverse();
    assert_eq!(ids, expected);
    let latest = env
        .multi(["log", "-n", "1", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(latest["entries"].as_array().unwrap().len(), 1);
    assert_eq!(latest["entries"][0]["command"], "create");
    let future = env
        .multi(["log", "--since", "2999-01-01", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(future["entries"], json!([]));
    let recent = env
        .multi(["log", "--since", "1 hour ago", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(recent["entries"].as_array().unwrap().len(), entries.len());
    env.multi(["log", "--since", "whenever"]).expect_code(2);
    let human = env.multi(["log"]).expect_code(0);
    human.assert_stdout_has("git multi push --force --json");
    human.assert_stdout_has("old tip at refs/multi/backup/web/");
    runs.push(human);

    let runs: Vec<&Run> = runs.iter().collect();
    assert_secret_nowhere(&env, &runs, PASSWORD);
    assert_secret_nowhere(&env, &runs, TOKEN);
}

#[test]
fn undo_after_a_forced_push_restores_every_remote_unless_someone_pushed_since() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["a", "b", "c"]);
    env.commit("second");
    env.multi(["push"]).expect_code(0);
    let published = env.git(["rev-parse", "HEAD"]).trim().to_string();
    env.git(["reset", "-q", "--hard", "HEAD~1"]);
    env.commit("rewritten");
    env.multi(["push", "--force"]).expect_code(0);
    let forced_id = log_lines(&env).last().unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Someone builds on c's new tip before we undo.
    let other = env.clone_of(&paths[2], "other", &[]);
    env.git_in(&other, ["commit", "-q", "--allow-empty", "-m", "theirs"]);
    env.git_in(&other, ["push", "-q", "origin", "main"]);
    let theirs = tip(&env, &other, "HEAD").unwrap();

    let dry = env.multi(["undo", "--dry-run", "--json"]).json();
    assert_eq!(dry["undoes"], forced_id.as_str());
    assert_eq!(remote(&dry, "a")["status"], "dry-run");
    assert_eq!(
        tip(&env, &paths[0], "main").unwrap(),
        env.git(["rev-parse", "HEAD"]).trim(),
        "a dry run changes nothing"
    );

    let run = env.multi(["undo", "--json"]).expect_code(1);
    let json = run.json();
    assert_eq!(json["undoes"], forced_id.as_str());
    assert_eq!(json["ok"], false);
    for name in ["a", "b"] {
        assert_eq!(remote(&json, name)["status"], "ok", "{json}");
        assert_eq!(remote(&json, name)["refs"][0]["new"], published.as_str());
    }
    for path in &paths[..2] {
        assert_eq!(tip(&env, path, "main").unwrap(), published);
    }
    let c = remote(&json, "c");
    assert_eq!(c["status"], "rejected", "{json}");
    assert!(
        c["error"].as_str().unwrap().contains("lease not held"),
        "{json}"
    );
    assert_eq!(
        tip(&env, &paths[2], "main").unwrap(),
        theirs,
        "work pushed since the entry is never clobbered"
    );
    let human = env.multi(["log", "-n", "1"]).expect_code(0);
    human.assert_stdout_has(&format!("undoes {forced_id}"));

    // The undo is logged too, so naming it puts the rewritten tip back where the lease holds (a plain `undo`
    // steps further back instead: see `successive_undos_step_further_back`).
    let undo_entry = log_lines(&env).last().unwrap().clone();
    assert_eq!(undo_entry["command"], "undo");
    assert_eq!(undo_entry["undoes"], forced_id.as_str());
    let again = env
        .multi(["undo", undo_entry["id"].as_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(again["undoes"], undo_entry["id"]);
    assert_eq!(
        tip(&env, &paths[0], "main").unwrap(),
        env.git(["rev-parse", "HEAD"]).trim()
    );
}

#[test]
fn undo_deletes_what_the_entry_created_and_names_entries_by_prefix() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["a", "b"]);
    env.multi(["push"]).expect_code(0);
    env.git(["branch", "topic"]);
    env.multi(["push", "--branch", "topic"]).expect_code(0);
    let entries = log_lines(&env);
    let push_main = entries[entries.len() - 2]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let push_topic = entries[entries.len() - 1]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        env.git_in(&paths[0], ["branch", "--list", "topic"]).trim(),
        "topic"
    );

    let json = env
        .multi(["undo", &push_topic, "--json"])
        .expect_code(0)
        .json();
    assert_eq!(remote(&json, "a")["refs"][0]["status"], "deleted", "{json}");
    for path in &paths {
        assert_eq!(env.git_in(path, ["branch", "--list", "topic"]).trim(), "");
    }
    // The deleted tip was saved like any other.
    assert_eq!(env.backups_of("a", "heads/topic").len(), 1);

    // Entries are named by their id or a unique prefix; set changes cannot be undone this way.
    let add_entry = entries[0]["id"].as_str().unwrap().to_string();
    let refused = env.multi(["undo", &add_entry]).expect_code(2);
    refused.assert_stderr_has("changed no remote's refs");
    refused.assert_stderr_has("hint: ");
    let unknown = env.multi(["undo", "19990101"]).expect_code(2);
    unknown.assert_stderr_has("git multi log");
    assert_ne!(push_main, push_topic);
}

#[test]
fn undo_with_an_empty_log_says_there_is_nothing_to_undo() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    let run = env.multi(["undo"]).expect_code(2);
    run.assert_stderr_has("nothing to undo");
    run.assert_stderr_has("hint: `git multi log`");
}

#[test]
fn log_filters_that_match_nothing_say_so_and_since_reads_git_words() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    assert_eq!(log_lines(&env).len(), 2);

    // Filters that leave nothing out of a log that has entries: not "the log is empty".
    for args in [
        &["log", "--since", "2099-01-01"][..],
        &["log", "-n", "0"][..],
    ] {
        let run = env.multi(args).expect_code(0);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr
                .contains("no entry matches (the audit log has 2 entries)"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("is empty"), "{args:?}: {}", run.stderr);
    }

    // git's approxidate words: both entries were written just now.
    for since in ["yesterday", "today", "last week", "1 month ago"] {
        let run = env
            .multi(["log", "--since", since, "--json"])
            .expect_code(0);
        assert_eq!(
            run.json()["entries"].as_array().unwrap().len(),
            2,
            "--since {since}"
        );
    }
    let bad = env.multi(["log", "--since", "soonish"]).expect_code(2);
    bad.assert_stderr_has("error: --since: cannot read `soonish`");
    assert!(
        bad.stderr
            .contains("hint: `git multi log --since <date>` takes one of:")
            && bad.stderr.contains("yesterday"),
        "{}",
        bad.stderr
    );

    // A log with no entries at all still says so.
    let empty = TestEnv::new();
    let run = empty.multi(["log"]).expect_code(0);
    run.assert_stderr_has("the audit log is empty");
}

#[test]
fn removing_the_primary_says_it_unset_multi_primary_and_logs_it() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    env.multi(["primary", "a"]).expect_code(0);

    let run = env.multi(["remote", "remove", "a"]).expect_code(0);
    run.assert_stderr_has("`a` was the primary remote, so multi.primary is unset now");
    run.assert_stderr_has("`git multi primary <remote>`");
    assert_eq!(run.stdout, "");
    assert_eq!(env.read_config("multi.primary"), None);
    let entry = log_lines(&env).pop().unwrap();
    assert_eq!(entry["command"], "remote remove");
    let set = entry["set"].as_array().unwrap();
    assert!(
        set.iter().any(|c| c["key"] == "multi.primary"
            && c["old"] == "a"
            && c["new"].is_null()
            && c["remote"].is_null()),
        "{entry}"
    );
    assert!(
        set.iter()
            .any(|c| c["remote"] == "a" && c["key"] == "member" && c["new"].is_null()),
        "{entry}"
    );
    let shown = env.multi(["log", "-n", "1"]).expect_code(0);
    shown.assert_stdout_has("set: multi.primary: a -> (unset)");

    // Removing a member that is not the primary says nothing about it.
    env.multi(["primary", "b"]).expect_code(0);
    env.add_local_remotes(&["c"]);
    let quiet = env.multi(["remote", "remove", "c"]).expect_code(0);
    assert!(!quiet.stderr.contains("primary"), "{}", quiet.stderr);
}

#[test]
fn concurrent_pushes_both_land_in_the_log_as_whole_lines() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    let branches: Vec<String> = (0..6).map(|n| format!("b{n}")).collect();
    for branch in &branches {
        env.git(["branch", branch]);
    }
    let children: Vec<_> = branches
        .iter()
        .map(|branch| {
            env.command(env!("CARGO_BIN_EXE_git-multi"), &env.work)
                .args(["push", "--branch", branch])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let pushes: Vec<Value> = log_lines(&env)
        .into_iter()
        .filter(|e| e["command"] == "push")
        .collect();
    assert_eq!(pushes.len(), branches.len(), "{pushes:#?}");
    let mut pushed: Vec<String> = pushes
        .iter()
        .map(|e| {
            e["remotes"][0]["refs"][0]["ref"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    pushed.sort();
    let expected: Vec<String> = branches.iter().map(|b| format!("refs/heads/{b}")).collect();
    assert_eq!(pushed, expected);
    let mut ids: Vec<&str> = pushes.iter().map(|e| e["id"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), branches.len(), "every entry has its own id");
}

#[test]
fn fetch_prune_is_logged_as_tracking_refs_and_is_not_undone() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["a"]);
    env.git(["branch", "gone"]);
    env.multi(["push", "--all"]).expect_code(0);
    env.multi(["fetch"]).expect_code(0);
    env.git_in(&paths[0], ["branch", "-D", "gone"]);
    env.multi(["fetch", "--prune"]).expect_code(0);
    let entry = log_lines(&env).last().unwrap().clone();
    assert_eq!(entry["command"], "fetch");
    assert_eq!(entry["remotes"][0]["local"], true);
    assert_eq!(entry["remotes"][0]["refs"][0]["ref"], "refs/heads/gone");
    assert_eq!(entry["remotes"][0]["refs"][0]["new"], Value::Null);
    // The latest entry that changed a remote is the push, not the prune.
    // (Its dry run reports `gone` as changed since: the lease on the pushed tip no longer holds.)
    let dry = env.multi(["undo", "--dry-run", "--json"]).json();
    assert_ne!(dry["undoes"], entry["id"]);
}

#[test]
fn undo_after_mirror_prune_puts_back_what_it_overwrote_and_deleted() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["src", "a", "b"]);
    env.multi(["push"]).expect_code(0);
    let first = env.git(["rev-parse", "HEAD"]).trim().to_string();
    // a has an extra branch and a main that moved on; the source stays where it is.
    env.git(["branch", "extra"]);
    env.commit("ahead");
    let ahead = env.git(["rev-parse", "HEAD"]).trim().to_string();
    env.multi(["push", "a", "--all"]).expect_code(0);

    env.multi(["mirror", "--from", "src", "--prune"])
        .expect_code(0);
    assert_eq!(tip(&env, &paths[1], "main").unwrap(), first);
    assert_eq!(tip(&env, &paths[1], "extra"), None);
    let entry = log_lines(&env).last().unwrap().clone();
    assert_eq!(entry["command"], "mirror", "{entry}");
    let a = remote(&entry, "a");
    let refs: Vec<&str> = a["refs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ref"].as_str().unwrap())
        .collect();
    assert!(
        refs.contains(&"refs/heads/main") && refs.contains(&"refs/heads/extra"),
        "{entry}"
    );
    assert!(
        a["refs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["backup"].is_string()),
        "{entry}"
    );

    let undone = env.multi(["undo", "--json"]).expect_code(0).json();
    assert_eq!(undone["undoes"], entry["id"]);
    assert_eq!(tip(&env, &paths[1], "main").unwrap(), ahead);
    assert_eq!(tip(&env, &paths[1], "extra").unwrap(), first);
    assert_eq!(
        tip(&env, &paths[2], "main").unwrap(),
        first,
        "b was already equal to the source"
    );
}

#[test]
fn successive_undos_step_further_back() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["a", "b"]);
    // The remotes start with `main` (pushed by plain git, so not logged): a bare repository's current branch
    // cannot be deleted, so the first logged push must not be the one that created it.
    for host in &hosts {
        env.git(["push", "-q", host.to_str().unwrap(), "main"]);
    }
    let tips = || -> Vec<Option<String>> {
        hosts
            .iter()
            .map(|h| crate::env::tip(&env, h, "refs/heads/main"))
            .collect()
    };
    let first = env.git(["rev-parse", "HEAD"]).trim().to_string();
    let second = env.commit("second");
    env.multi(["push"]).expect_code(0);
    let third = env.commit("third");
    env.multi(["push"]).expect_code(0);
    let fourth = env.commit("fourth");
    env.multi(["push"]).expect_code(0);
    assert_eq!(tips(), vec![Some(fourth.clone()), Some(fourth)]);
    // Each undo takes back the newest change not yet undone: the third push, the second, then the first.
    for (step, expected) in [(1, Some(third)), (2, Some(second)), (3, Some(first))] {
        let run = env.multi(["undo"]).expect_code(0);
        assert_eq!(
            tips(),
            vec![expected.clone(), expected],
            "undo {step}:\n{}",
            run.stdout
        );
    }
    let run = env.multi(["undo"]).expect_code(2);
    run.assert_stderr_has("nothing left to undo");
}
