//! Regressions for the defects found when every command was tried as a new user would, and when we tried to
//! break it: each test failed before its fix.

use std::time::{Duration, Instant};

use crate::env::{outcome as remote, TestEnv};
use crate::servers::http::{Fault, HttpServer};
use crate::transports::{use_credential_helper, PASSWORD, USER};

/// Two local remotes that hold our first commit.
fn two_remotes() -> TestEnv {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    env.multi(["push"]).expect_code(0);
    env
}

pub fn send(signal: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill -{signal} {pid}");
}

/// A push whose `hang` remote never answers, running in the background; returns once git is talking to it.
pub fn hanging_push(env: &mut TestEnv, http: &HttpServer) -> std::process::Child {
    use_credential_helper(env, PASSWORD);
    http.set_fault("hang.git", Some(Fault::Hang));
    env.multi(["remote", "add", "hang", &http.url("hang.git")])
        .expect_code(0);
    env.multi(["remote", "add", "ok", &http.url("ok.git")])
        .expect_code(0);
    let child = env.spawn_multi(&["push", "--timeout", "120"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while http.requests("hang.git") == 0 {
        assert!(Instant::now() < deadline, "git never reached the server");
        std::thread::sleep(Duration::from_millis(10));
    }
    child
}

/// Waits (bounded) until nothing started by this environment is alive any more.
fn until_nothing_left(env: &TestEnv, within: Duration) -> Vec<String> {
    let deadline = Instant::now() + within;
    loop {
        let left = env.leftover_processes();
        if left.is_empty() || Instant::now() >= deadline {
            return left;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_second_sigint_still_stops_every_child_and_prints_the_summary() {
    let mut env = TestEnv::new();
    let hosts = env.root.join("hosts");
    env.bare("hang.git");
    env.bare("ok.git");
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    let child = hanging_push(&mut env, &http);
    // `git multi` through git gets Ctrl-C twice: the terminal's and git's wrapper passing it on.
    send("INT", child.id());
    send("INT", child.id());
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(130), "{stdout}");
    assert!(stdout.contains("2 remotes:"), "no summary: {stdout:?}");
    assert!(stdout.contains("interrupted"), "{stdout}");
    let left = until_nothing_left(&env, Duration::from_secs(5));
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_killed_git_multi_leaves_no_push_running() {
    let mut env = TestEnv::new();
    let hosts = env.root.join("hosts");
    env.bare("hang.git");
    env.bare("ok.git");
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    let mut child = hanging_push(&mut env, &http);
    let git_running = env
        .leftover_processes()
        .iter()
        .any(|cmd| cmd.contains("push") && cmd.contains("hang"));
    assert!(git_running, "{:?}", env.leftover_processes());
    send("KILL", child.id());
    child.wait().unwrap();
    let left = until_nothing_left(&env, Duration::from_secs(10));
    assert!(left.is_empty(), "pushes outlived git-multi: {left:?}");
}

#[test]
fn a_moved_tag_is_reported_as_existing_and_force_saves_it() {
    let env = two_remotes();
    env.git(["tag", "v1"]);
    let first = env.git(["rev-parse", "v1"]).trim().to_string();
    env.multi(["push", "--tags"]).expect_code(0);
    env.commit("second");
    env.git(["tag", "-f", "v1"]);
    let moved = env.git(["rev-parse", "v1"]).trim().to_string();

    for flags in [
        &["push", "--tags"][..],
        &["push", "--tags", "--force-with-lease"],
    ] {
        let run = env.multi(flags).expect_code(1);
        run.assert_stdout_has("tags/v1: already exists on the remote with another target");
        assert!(!run.stdout.contains("non-fast-forward"), "{}", run.stdout);
        run.assert_stdout_has("--force");
    }

    let run = env.multi(["push", "--tags", "--force"]).expect_code(0);
    assert!(!run.stdout.contains('?'), "{}", run.stdout);
    run.assert_stdout_has(&format!(
        "tags/v1 {}...{} (forced)",
        &first[..7],
        &moved[..7]
    ));
    for name in ["a", "b"] {
        assert_eq!(
            env.backups_of(name, "tags/v1"),
            std::slice::from_ref(&first),
            "{name}"
        );
    }
}

#[test]
fn an_atomic_push_names_the_cause_and_holds_back_the_rest() {
    let env = two_remotes();
    env.git(["branch", "topic"]);
    env.multi(["push", "--all"]).expect_code(0);
    env.commit_elsewhere("a", "theirs", None);
    env.commit("ours");
    env.git(["branch", "-f", "topic", "HEAD"]);
    let json = env
        .multi(["push", "a", "--all", "--atomic", "--json"])
        .expect_code(1)
        .json();
    let error = remote(&json, "a")["error"].as_str().unwrap().to_string();
    assert!(
        error.starts_with("main: rejected (non-fast-forward)"),
        "{error}"
    );
    assert!(
        error.contains("topic: not pushed: atomic push failed"),
        "{error}"
    );
    assert!(
        !error.contains("topic: rejected (non-fast-forward)"),
        "{error}"
    );
}

#[test]
fn a_merge_conflict_names_the_conflicting_paths() {
    let env = two_remotes();
    env.git(["config", "multi.primary", "a"]);
    env.commit_elsewhere("a", "theirs", Some(("shared.txt", "theirs\n")));
    std::fs::write(env.work.join("shared.txt"), "ours\n").unwrap();
    env.git(["add", "shared.txt"]);
    env.git(["commit", "-q", "-m", "ours"]);
    let run = env.multi(["pull", "--merge"]).expect_code(1);
    run.assert_stderr_has("error: could not integrate a/main into main: conflicts in shared.txt");
    run.assert_stderr_has("git merge --abort");
    env.git(["merge", "--abort"]);
    let run = env.multi(["sync", "--strategy", "merge"]).expect_code(1);
    run.assert_stderr_has("conflicts in shared.txt");
}

#[test]
fn offline_status_tells_never_fetched_from_missing_and_shows_only_branches() {
    let env = two_remotes();
    // `c` has the branch, but this clone never fetched from it (nor pushed to it).
    let c = env.bare("c.git");
    env.git(["push", "-q", c.to_str().unwrap(), "main"]);
    env.multi(["remote", "add", "c", c.to_str().unwrap()])
        .expect_code(0);
    // A ref outside refs/heads fetched into refs/remotes/a/ is not a branch.
    let a = env.root.join("hosts/a.git");
    env.git_in(&a, ["update-ref", "refs/pull/7/head", "main"]);
    env.git([
        "config",
        "--add",
        "remote.a.fetch",
        "+refs/pull/*/head:refs/remotes/a/pr/*",
    ]);
    env.multi(["fetch", "a"]).expect_code(0);
    assert!(!env.git(["rev-parse", "refs/remotes/a/pr/7"]).is_empty());

    let run = env.multi(["status", "--offline"]).expect_code(0);
    assert!(!run.stdout.contains("pr/7"), "{}", run.stdout);
    let main_row = run.stdout.lines().find(|l| l.starts_with("main")).unwrap();
    assert!(main_row.contains("not fetched"), "{}", run.stdout);
    assert!(!main_row.contains("missing"), "{}", run.stdout);
    assert!(run.stdout.contains("1 never fetched (c;"), "{}", run.stdout);
    let json = env
        .multi(["status", "--offline", "--json"])
        .expect_code(0)
        .json();
    let cells: Vec<&serde_json::Value> = json["refs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["remote"] == "c")
        .collect();
    assert_eq!(cells.len(), 1, "{json}");
    assert_eq!(cells[0]["state"], "unknown");
    assert_eq!(json["in_sync"], false);
}

#[test]
fn the_summary_counts_refs_not_cells() {
    let env = two_remotes();
    env.commit("ahead");
    let run = env.multi(["status"]).expect_code(0);
    run.assert_stdout_has("1 ref out of sync");
}

#[test]
fn status_with_every_remote_unreachable_claims_nothing() {
    let env = TestEnv::new();
    for path in env.add_local_remotes(&["x", "y"]) {
        std::fs::remove_dir_all(&path).unwrap();
    }
    let run = env.multi(["status"]).expect_code(1);
    assert!(!run.stdout.contains("in sync"), "{}", run.stdout);
    assert!(
        run.stdout.contains("nothing compared; 2 unreachable"),
        "{}",
        run.stdout
    );
    let json = env.multi(["status", "--json"]).expect_code(1).json();
    assert_eq!(json["in_sync"], false);
}

#[test]
fn a_timeout_reports_the_time_the_user_gave() {
    let mut env = TestEnv::new();
    let hosts = env.root.join("hosts");
    env.bare("slow.git");
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    use_credential_helper(&env, PASSWORD);
    env.set_env("GIT_MULTI_NO_PROGRESS", "1");
    env.multi(["remote", "add", "slow", &http.url("slow.git")])
        .expect_code(0);
    // Each request takes 0.6 s: the backup read before --force (two requests) eats into the same budget, so the push
    // itself times out with less than a second left. The message still says what the user asked for.
    http.set_fault("slow.git", Some(Fault::Delay(Duration::from_millis(600))));
    let json = env
        .multi(["push", "--force", "--timeout", "2", "--json"])
        .expect_code(1)
        .json();
    assert_eq!(remote(&json, "slow")["status"], "timeout", "{json}");
    assert_eq!(
        remote(&json, "slow")["error"],
        "no answer within 2s; stopped",
        "{json}"
    );
}

#[test]
fn backups_never_replace_each_other() {
    let env = two_remotes();
    let mut overwritten = Vec::new();
    for round in ["one", "two"] {
        overwritten.push(env.commit_elsewhere("a", round, None));
        env.multi(["push", "a", "--force"]).expect_code(0);
    }
    let mut saved = env.backups_of("a", "heads/main");
    saved.sort();
    overwritten.sort();
    assert_eq!(saved, overwritten);
}

#[test]
fn https_remotes_on_one_host_are_not_capped_per_host() {
    let env = TestEnv::new();
    let hosts = env.root.join("hosts");
    let names: Vec<String> = (0..6).map(|i| format!("r{i}")).collect();
    for name in &names {
        env.bare(&format!("{name}.git"));
    }
    let http = HttpServer::start_with_delay(&hosts, USER, PASSWORD, Duration::from_millis(300));
    use_credential_helper(&env, PASSWORD);
    for name in &names {
        env.multi(["remote", "add", name, &http.url(&format!("{name}.git"))])
            .expect_code(0);
    }
    env.multi(["push"]).expect_code(0);
    // The ssh cap (multi.perHost, 4) used to hold back every transport: 6 remotes ran in two waves.
    assert!(
        http.peak_concurrency() >= 6,
        "peak {} concurrent requests",
        http.peak_concurrency()
    );
}

#[test]
fn a_command_that_did_nothing_anywhere_does_not_succeed() {
    let env = two_remotes();
    for args in [
        &["create"][..],
        &["branch", "protect", "main"],
        &["webhook", "add", "https://hooks.example.com/x"],
    ] {
        let run = env.multi(args).expect_code(1);
        assert!(
            run.stdout
                .contains("2 skipped (nothing was done on any remote)"),
            "{args:?}: {}",
            run.stdout
        );
    }
}

#[test]
fn a_member_without_a_git_remote_says_so() {
    let env = two_remotes();
    env.git(["remote", "remove", "b"]);
    let json = env.multi(["push", "--json"]).expect_code(1).json();
    let error = remote(&json, "b")["error"].as_str().unwrap();
    assert!(error.contains("no git remote `b`"), "{json}");
    let run = env.multi(["push"]).expect_code(1);
    assert!(
        !run.stdout.contains("create the repository"),
        "{}",
        run.stdout
    );
    run.assert_stdout_has("git multi remote remove b");
}

#[test]
fn a_whole_namespace_goes_as_one_glob_and_a_selection_stays_a_selection() {
    let env = two_remotes();
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    let mut input = String::new();
    for i in 0..40 {
        input.push_str(&format!("create refs/heads/b{i:02} {head}\n"));
    }
    env.git_with_input(&env.work, &["update-ref", "--stdin"], &input);

    // A selection of many branches pushes exactly those.
    let mut chosen = vec!["push".to_string(), "a".into(), "--json".into()];
    for i in 0..35 {
        chosen.extend(["-b".to_string(), format!("b{i:02}")]);
    }
    let json = env.multi(&chosen).expect_code(0).json();
    assert_eq!(remote(&json, "a")["refs"].as_array().unwrap().len(), 35);
    let on_a = env.git_in(
        &env.root.join("hosts/a.git"),
        ["for-each-ref", "refs/heads/"],
    );
    assert_eq!(on_a.lines().count(), 36, "main and the 35 chosen: {on_a}");

    // Every branch: all 41 land and each is reported.
    let json = env.multi(["push", "--all", "--json"]).expect_code(0).json();
    for name in ["a", "b"] {
        let refs = remote(&json, name)["refs"].as_array().unwrap();
        assert_eq!(refs.len(), 41, "{json}");
        assert!(refs.iter().all(|r| r["new"] == head.as_str()), "{json}");
    }
}

#[test]
fn json_runs_that_stop_early_still_print_one_document() {
    let env = two_remotes();
    let run = env
        .multi(["push", "--json", "-b", "no-such-branch"])
        .expect_code(2);
    let json = run.json();
    assert_eq!(json["ok"], false);
    assert!(
        json["error"].as_str().unwrap().contains("no-such-branch"),
        "{json}"
    );
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
}

#[test]
fn pull_and_sync_into_a_branch_without_commits_take_the_remote_tip() {
    let env = two_remotes();
    let tip = env.git(["rev-parse", "HEAD"]).trim().to_string();
    for (dir, args) in [
        ("fresh-pull", &["pull", "--primary", "a"][..]),
        ("fresh-sync", &["sync", "--strategy", "merge"]),
    ] {
        let fresh = env.root.join(dir);
        env.git_in(&env.root, ["init", "-q", dir]);
        for name in ["a", "b"] {
            let path = env.root.join(format!("hosts/{name}.git"));
            env.multi_in(&fresh, ["remote", "add", name, path.to_str().unwrap()])
                .expect_code(0);
        }
        let run = env.multi_in(&fresh, args).expect_code(0);
        assert!(!run.stderr.contains("bad revision"), "{}", run.stderr);
        assert_eq!(
            env.git_in(&fresh, ["rev-parse", "HEAD"]).trim(),
            tip,
            "{args:?}"
        );
    }
}

#[test]
fn pull_does_not_call_a_branch_the_primary_deleted_up_to_date() {
    let env = two_remotes();
    env.git(["switch", "-q", "-c", "topic"]);
    env.commit("on-topic");
    env.multi(["push", "-b", "topic"]).expect_code(0);
    let topic = env.git(["rev-parse", "HEAD"]).trim().to_string();
    env.git_in(&env.root.join("hosts/a.git"), ["branch", "-D", "topic"]);
    let run = env.multi(["pull", "--primary", "a"]).expect_code(1);
    run.assert_stderr_has("`a` has no branch `topic`");
    assert!(!run.stdout.contains("up to date"), "{}", run.stdout);
    // The tracking ref that went is kept, like fetch --prune keeps it.
    assert_eq!(env.backups_of("a", "heads/topic"), [topic]);
}

#[test]
fn offline_status_leaves_tags_out_instead_of_calling_them_out_of_sync() {
    let env = two_remotes();
    env.git(["tag", "v1"]);
    env.multi(["push", "--tags"]).expect_code(0);
    env.multi(["fetch"]).expect_code(0);
    let run = env
        .multi(["status", "--tags", "--offline", "--exit-code"])
        .expect_code(0);
    assert!(!run.stdout.contains("tags/v1"), "{}", run.stdout);
    run.assert_stderr_has("tags are left out offline");
    env.multi(["status", "--tags", "--exit-code"])
        .expect_code(0);
}

#[test]
fn a_remote_name_inside_another_is_refused() {
    let env = two_remotes();
    let path = env.bare("nested.git");
    let before = env.config_bytes();
    for name in ["a/b", "a/b/c"] {
        let run = env
            .multi(["remote", "add", name, path.to_str().unwrap()])
            .expect_code(2);
        run.assert_stderr_has("one name is a path inside the other");
    }
    env.multi(["remote", "add", "x/y", path.to_str().unwrap()])
        .expect_code(0);
    let run = env.multi(["remote", "rename", "b", "x"]).expect_code(2);
    run.assert_stderr_has("`x/y`");
    assert_ne!(env.config_bytes(), before, "x/y was added");
}

#[test]
fn a_local_path_with_spaces_is_a_remote_like_any_other() {
    let env = TestEnv::new();
    let path = env.bare("my repos/r.git");
    env.multi(["remote", "add", "spaced", path.to_str().unwrap()])
        .expect_code(0);
    env.multi(["push"]).expect_code(0);
    assert_eq!(
        env.git_in(&path, ["rev-parse", "main"]),
        env.git(["rev-parse", "HEAD"])
    );
    env.multi(["remote", "add", "bad", "ssh://host/my repo.git"])
        .expect_code(2);
}

#[test]
fn a_mirror_remote_from_git_clone_mirror_can_be_pushed() {
    let env = two_remotes();
    env.git(["config", "remote.a.mirror", "true"]);
    env.commit("more");
    env.multi(["push"]).expect_code(0);
    assert_eq!(
        env.git_in(&env.root.join("hosts/a.git"), ["rev-parse", "main"]),
        env.git(["rev-parse", "HEAD"])
    );
}

#[test]
fn a_missing_local_repository_gets_a_hint_that_creates_it() {
    let env = two_remotes();
    let b = env.root.join("hosts/b.git");
    std::fs::remove_dir_all(&b).unwrap();
    let run = env.multi(["push"]).expect_code(1);
    run.assert_stdout_has(&format!(
        "hint: create it with `git init --bare {}`",
        b.display()
    ));
    assert!(!run.stdout.contains("git multi create"), "{}", run.stdout);
}

#[test]
fn unknown_cells_say_what_would_make_them_known() {
    let env = two_remotes();
    env.commit_elsewhere("a", "unseen", None);
    let run = env.multi(["status"]).expect_code(0);
    run.assert_stdout_has(
        "unknown: a has commits not fetched here (`git multi fetch` lets status count them)",
    );
    env.multi(["fetch", "a"]).expect_code(0);
    let run = env.multi(["status"]).expect_code(0);
    assert!(!run.stdout.contains("unknown"), "{}", run.stdout);
    run.assert_stdout_has("behind 1");
}
