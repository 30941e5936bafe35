//! Snapshot tests of what commands print, human and `--json`, on fixed inputs: success, partial failure and
//! hints. Each transcript (command, exit code, stdout, stderr) is normalised by `transcript::Normaliser` and
//! compared with `tests/cli/snapshots/<name>.snap`; behaviour (exit codes, the remotes' state) is still
//! asserted here in code.

use std::path::Path;

use crate::env::{tip, TestEnv};
use crate::hosts::{add_github, github_fake, hook_fake, TOKEN};
use crate::transcript::{assert_shot, shot, Normaliser, FIXED_TMP};

pub fn fixed_env() -> TestEnv {
    TestEnv::in_dir(Path::new(FIXED_TMP))
}

/// Members `alpha` and `beta` on local bare repositories, with `main` pushed to both.
pub fn two_pushed() -> (TestEnv, Normaliser, Vec<std::path::PathBuf>) {
    let env = fixed_env();
    let normaliser = Normaliser::new(&env);
    let hosts = env.add_local_remotes(&["alpha", "beta"]);
    env.multi(["push"]).expect_code(0);
    (env, normaliser, hosts)
}

#[test]
fn push_new_up_to_date_rejected_and_not_found() {
    let env = fixed_env();
    let n = Normaliser::new(&env);
    let hosts = env.add_local_remotes(&["alpha", "beta"]);
    let gone = env.root.join("hosts/gone.git");
    env.multi(["remote", "add", "gone", gone.to_str().unwrap()])
        .expect_code(0);

    shot(&env, &n, "push_new_and_not_found", &["push"], 1);
    shot(&env, &n, "push_up_to_date", &["push", "alpha", "beta"], 0);

    let theirs = env.push_foreign(&hosts[1], "main", "theirs");
    let ours = env.commit("ours");
    shot(
        &env,
        &n,
        "push_rejected_non_fast_forward",
        &["push", "alpha", "beta"],
        1,
    );
    assert_eq!(tip(&env, &hosts[0], "main").as_deref(), Some(ours.as_str()));
    assert_eq!(
        tip(&env, &hosts[1], "main").as_deref(),
        Some(theirs.as_str()),
        "a rejected push changes nothing"
    );
    shot(&env, &n, "push_json", &["push", "--json"], 1);
}

#[test]
fn fetch_status_conflicts_resolve_mirror_and_listings() {
    let (env, n, hosts) = two_pushed();
    env.git(["tag", "v1"]);
    env.git(["push", "-q", hosts[0].to_str().unwrap(), "v1"]);
    env.push_foreign(&hosts[1], "main", "theirs");
    env.commit("ours");
    env.multi(["push", "alpha"]).expect_code(0);

    shot(&env, &n, "fetch", &["fetch"], 0);
    let theirs = env.push_foreign(&hosts[1], "main", "theirs-again");
    shot(&env, &n, "fetch_json", &["fetch", "--json"], 0);
    shot(&env, &n, "status", &["status"], 0);
    shot(&env, &n, "status_json", &["status", "--json"], 0);
    shot(&env, &n, "conflicts", &["conflicts"], 0);
    shot(&env, &n, "conflicts_json", &["conflicts", "--json"], 0);
    shot(
        &env,
        &n,
        "resolve_merge_dry_run",
        &["resolve", "refs/heads/main", "--merge", "--dry-run"],
        0,
    );
    shot(
        &env,
        &n,
        "mirror_dry_run",
        &["mirror", "--from", "alpha", "--dry-run"],
        0,
    );
    assert_eq!(
        tip(&env, &hosts[1], "main").as_deref(),
        Some(theirs.as_str()),
        "dry runs change nothing"
    );
    shot(&env, &n, "branch_list", &["branch", "list"], 0);
    shot(
        &env,
        &n,
        "branch_list_json",
        &["branch", "list", "--json"],
        0,
    );
    shot(&env, &n, "tag_list", &["tag", "list"], 0);
    shot(&env, &n, "tag_list_json", &["tag", "list", "--json"], 0);
}

#[test]
fn sync_integrates_every_remote_and_pushes_back() {
    let (env, n, hosts) = two_pushed();
    shot(&env, &n, "primary_set", &["primary", "alpha"], 0);
    env.push_foreign(&hosts[1], "main", "theirs");
    env.commit("ours");

    // Plain sync integrates the primary only: beta's own commit is a rejection with a hint.
    shot(&env, &n, "sync_diverged_hint", &["sync"], 1);
    shot(&env, &n, "sync_merge", &["sync", "--strategy", "merge"], 0);
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    for host in &hosts {
        assert_eq!(tip(&env, host, "main").as_deref(), Some(head.as_str()));
    }

    env.push_foreign(&hosts[0], "main", "theirs-again");
    shot(&env, &n, "sync_json", &["sync", "--json"], 0);
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    for host in &hosts {
        assert_eq!(tip(&env, host, "main").as_deref(), Some(head.as_str()));
    }
}

#[test]
fn remote_set_listings_refs_config_and_export() {
    let (env, n, _) = two_pushed();
    shot(&env, &n, "remote_list", &["remote", "list"], 0);
    shot(
        &env,
        &n,
        "remote_list_verbose",
        &["remote", "list", "-v"],
        0,
    );
    shot(
        &env,
        &n,
        "remote_list_json",
        &["remote", "list", "--json"],
        0,
    );
    shot(&env, &n, "remote_test", &["remote", "test"], 0);
    shot(
        &env,
        &n,
        "remote_test_json",
        &["remote", "test", "--json"],
        0,
    );
    shot(&env, &n, "refs_list_empty", &["refs", "list"], 0);
    shot(&env, &n, "refs_add", &["refs", "add", "refs/notes/*"], 0);
    shot(&env, &n, "refs_list", &["refs", "list"], 0);
    shot(&env, &n, "refs_list_json", &["refs", "list", "--json"], 0);
    shot(&env, &n, "config_list", &["config", "list"], 0);
    shot(&env, &n, "export", &["export"], 0);
}

#[test]
fn log_and_undo_dry_run() {
    let (env, n, hosts) = two_pushed();
    let pushed = env.git(["rev-parse", "HEAD"]).trim().to_string();
    env.commit("second");
    env.multi(["push"]).expect_code(0);

    shot(&env, &n, "log", &["log"], 0);
    shot(&env, &n, "log_json", &["log", "--json", "-n", "1"], 0);
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    shot(&env, &n, "undo_dry_run", &["undo", "--dry-run"], 0);
    shot(
        &env,
        &n,
        "undo_dry_run_json",
        &["undo", "--dry-run", "--json"],
        0,
    );
    for host in &hosts {
        assert_eq!(tip(&env, host, "main").as_deref(), Some(head.as_str()));
    }
    assert_ne!(head, pushed);
}

/// Whether doctor's check `name` depends on the repository only, not on the machine (git version, keyring,
/// PATH, schedulers): only those are in the snapshots, so they are the same everywhere.
fn stable_check(name: &str) -> bool {
    ["repository", "config", "set", "remote.", "locks", "hooks"]
        .iter()
        .any(|prefix| name.starts_with(prefix))
}

/// Doctor on a set with one member whose repository does not exist: a failed check with its hint, in words
/// and as JSON (the machine's checks and the totals left out; column padding, which the longest check name
/// sets, made single).
#[test]
fn doctor_with_a_missing_repository() {
    let (env, n, _) = two_pushed();
    let gone = env.root.join("hosts/gone.git");
    shot(
        &env,
        &n,
        "remote_add_missing_repository",
        &["remote", "add", "gone", gone.to_str().unwrap()],
        0,
    );

    let run = env.multi(["doctor"]).expect_code(1);
    let mut text =
        String::from("$ git multi doctor  (the machine's checks and the totals left out)\n");
    let mut keep = false;
    for line in run.stdout.lines() {
        if line.starts_with(' ') {
            if keep {
                text.push_str(&format!("      {}\n", line.trim_start()));
            }
            continue;
        }
        let mut words = line.split_whitespace();
        let (status, name) = (words.next().unwrap(), words.next().unwrap_or(""));
        keep = stable_check(name);
        if keep {
            let detail = line[line.find(name).unwrap() + name.len()..].trim_start();
            text.push_str(&format!("{status:<5} {name}  {detail}\n"));
        }
    }
    assert_shot("doctor", &n.apply(&text));

    let run = env.multi(["doctor", "--json"]).expect_code(1);
    let mut doc = run.json();
    assert_eq!(doc["ok"], false);
    let checks = doc["checks"].as_array_mut().unwrap();
    checks.retain(|c| stable_check(c["name"].as_str().unwrap()));
    let failed: Vec<String> = checks
        .iter()
        .filter(|c| c["status"] != "ok")
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(failed, ["remote.gone.reachable"], "{doc:#}");
    let text = format!(
        "$ git multi doctor --json  (the machine's checks left out)\n{}\n",
        serde_json::to_string_pretty(&doc).unwrap()
    );
    assert_shot("doctor_json", &n.apply(&text));
}

#[test]
fn errors_and_hints() {
    let env = fixed_env();
    let n = Normaliser::new(&env);
    env.add_local_remotes(&["alpha"]);
    shot(&env, &n, "error_unknown_remote", &["push", "nosuch"], 2);
    shot(
        &env,
        &n,
        "error_unknown_remote_json",
        &["push", "nosuch", "--json"],
        2,
    );
    let run = shot(
        &env,
        &n,
        "error_url_with_password",
        &[
            "remote",
            "add",
            "leak",
            "https://alice:s3cret@example.com/x.git",
        ],
        2,
    );
    run.assert_not_shown("s3cret");
    shot(
        &env,
        &n,
        "error_bad_url",
        &["remote", "add", "bad", "ht!tp://example.com/x.git"],
        2,
    );
    shot(&env, &n, "error_sync_without_primary", &["sync"], 2);
    assert_eq!(env.read_config("remote.leak.url"), None);
}

#[test]
fn create_and_webhooks_against_the_fake_api() {
    let mut env = fixed_env();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let (fake, _) = github_fake(&env, false);
    let n = Normaliser::new(&env);
    add_github(&env, "gh", &fake);
    let run = shot(
        &env,
        &n,
        "create",
        &["create", "--description", "demo repo"],
        0,
    );
    run.assert_not_shown(TOKEN);
    shot(&env, &n, "create_again_json", &["create", "--json"], 0);

    let mut env = fixed_env();
    env.set_env("GIT_MULTI_GITHUB_TOKEN", TOKEN);
    let (hooks_fake, hooks) = hook_fake();
    let n = Normaliser::new(&env);
    add_github(&env, "gh", &hooks_fake);
    shot(
        &env,
        &n,
        "webhook_add",
        &["webhook", "add", "https://ci.example/hook"],
        0,
    );
    assert_eq!(hooks.lock().unwrap().len(), 1);
    shot(&env, &n, "webhook_list", &["webhook", "list"], 0);
    shot(
        &env,
        &n,
        "webhook_list_json",
        &["webhook", "list", "--json"],
        0,
    );
    shot(
        &env,
        &n,
        "webhook_remove",
        &["webhook", "remove", "https://ci.example/hook"],
        0,
    );
    assert!(hooks.lock().unwrap().is_empty());
    shot(
        &env,
        &n,
        "branch_protect",
        &["branch", "protect", "main"],
        0,
    );
}

/// A member whose repository is gone beside two that work: reading commands report it and still show the
/// others; mirror and undo change the working remotes and name the failure.
#[test]
fn partial_failures_then_mirror_and_undo() {
    let (env, n, hosts) = two_pushed();
    let gone = env.root.join("hosts/gone.git");
    env.multi(["remote", "add", "gone", gone.to_str().unwrap()])
        .expect_code(0);
    env.push_foreign(&hosts[1], "main", "theirs");
    shot(&env, &n, "status_with_a_missing_remote", &["status"], 1);
    shot(
        &env,
        &n,
        "branch_list_with_a_missing_remote",
        &["branch", "list"],
        1,
    );
    shot(
        &env,
        &n,
        "resolve_take_dry_run",
        &["resolve", "refs/heads/main", "--take", "beta", "--dry-run"],
        1,
    );
    shot(&env, &n, "mirror", &["mirror", "--from", "alpha"], 1);
    let ours = env.git(["rev-parse", "HEAD"]).trim().to_string();
    assert_eq!(tip(&env, &hosts[1], "main").as_deref(), Some(ours.as_str()));
    shot(&env, &n, "undo", &["undo"], 0);
    assert_ne!(tip(&env, &hosts[1], "main").as_deref(), Some(ours.as_str()));
}
