//! Snapshot tests, second half: commands that change the set and its settings, branch and tag lifecycles,
//! pull, backup and restore, import, hooks, CI files, workspaces, clone, and hosts without a usable token.
//! Same transcripts and normaliser as `snapshots`; behaviour is still asserted in code.

use crate::env::tip;
use crate::fake_api::{Answer, FakeApi};
use crate::hosts::add_github;
use crate::servers::http::{Fault, HttpServer};
use crate::snapshots::{fixed_env, two_pushed};
use crate::transcript::{shot, shot_in, Normaliser};
use crate::transports::{use_credential_helper, PASSWORD, USER};

#[test]
fn remote_set_changes_primary_and_config() {
    let env = fixed_env();
    let n = Normaliser::new(&env);
    let alpha = env.bare("alpha.git");
    let beta = env.bare("beta.git");
    shot(&env, &n, "init", &["init"], 0);
    let (alpha, beta) = (alpha.to_str().unwrap(), beta.to_str().unwrap());
    shot(
        &env,
        &n,
        "remote_add",
        &["remote", "add", "alpha", alpha],
        0,
    );
    env.multi(["remote", "add", "beta", beta]).expect_code(0);
    shot(
        &env,
        &n,
        "remote_rename",
        &["remote", "rename", "beta", "gamma"],
        0,
    );
    shot(
        &env,
        &n,
        "remote_disable",
        &["remote", "disable", "gamma"],
        0,
    );
    shot(&env, &n, "remote_list_disabled", &["remote", "list"], 0);
    shot(&env, &n, "remote_enable", &["remote", "enable", "gamma"], 0);
    shot(
        &env,
        &n,
        "remote_set_url",
        &["remote", "set-url", "gamma", &format!("file://{beta}")],
        0,
    );
    shot(&env, &n, "remote_remove", &["remote", "remove", "gamma"], 0);
    assert_eq!(env.read_config("remote.gamma.url"), None);
    assert_eq!(env.read_config("remote.beta.url"), None);

    shot(&env, &n, "primary_none", &["primary"], 0);
    shot(&env, &n, "primary_json", &["primary", "alpha", "--json"], 0);
    shot(
        &env,
        &n,
        "config_set",
        &["config", "set", "multi.jobs", "3"],
        0,
    );
    shot(&env, &n, "config_get", &["config", "get", "multi.jobs"], 0);
    shot(
        &env,
        &n,
        "config_set_invalid",
        &["config", "set", "multi.jobs", "many"],
        2,
    );
    assert_eq!(env.read_config("multi.jobs").as_deref(), Some("3"));
    shot(
        &env,
        &n,
        "config_unset",
        &["config", "unset", "multi.jobs"],
        0,
    );
    shot(
        &env,
        &n,
        "config_get_unset",
        &["config", "get", "multi.jobs"],
        1,
    );
}

#[test]
fn pull_and_branch_and_tag_lifecycles() {
    let (env, n, hosts) = two_pushed();
    env.multi(["primary", "alpha"]).expect_code(0);
    let theirs = env.push_foreign(&hosts[0], "main", "theirs");
    shot(&env, &n, "pull", &["pull"], 0);
    assert_eq!(env.git(["rev-parse", "HEAD"]).trim(), theirs);

    shot(
        &env,
        &n,
        "branch_create",
        &["branch", "create", "feature"],
        0,
    );
    shot(
        &env,
        &n,
        "tag_create_json",
        &["tag", "create", "v2", "-m", "two", "--json"],
        0,
    );
    shot(&env, &n, "tag_delete", &["tag", "delete", "v2"], 0);
    shot(
        &env,
        &n,
        "branch_delete",
        &["branch", "delete", "feature"],
        0,
    );
    for host in &hosts {
        assert_eq!(tip(&env, host, "feature"), None);
        assert_eq!(tip(&env, host, "v2"), None);
    }
}

#[test]
fn backup_restore_and_import() {
    let (env, n, hosts) = two_pushed();
    let dir = env.root.join("backup");
    let dir = dir.to_str().unwrap();
    shot(&env, &n, "backup", &["backup", "--to", dir], 0);
    env.push_foreign(&hosts[1], "main", "theirs");
    shot(
        &env,
        &n,
        "restore_dry_run_diverged",
        &["restore", dir, "--to", "beta", "--dry-run"],
        1,
    );

    let file = env.root.join("set.toml");
    let exported = env.multi(["export"]).expect_code(0).stdout;
    std::fs::write(&file, exported).unwrap();
    env.multi(["remote", "remove", "beta"]).expect_code(0);
    let file = file.to_str().unwrap();
    shot(
        &env,
        &n,
        "import_dry_run",
        &["import", file, "--dry-run"],
        0,
    );
    assert_eq!(env.read_config("remote.beta.url"), None);
    shot(&env, &n, "import", &["import", file], 0);
    assert!(env.read_config("remote.beta.url").is_some());
}

#[test]
fn hooks_and_ci_files() {
    let (env, n, _) = two_pushed();
    shot(
        &env,
        &n,
        "hook_install",
        &["hook", "install", "post-commit"],
        0,
    );
    shot(&env, &n, "hook_list", &["hook", "list"], 0);
    shot(
        &env,
        &n,
        "hook_remove",
        &["hook", "remove", "post-commit"],
        0,
    );
    assert!(!env.work.join(".git/hooks/post-commit").exists());
    shot(
        &env,
        &n,
        "ci_generate_github",
        &["ci", "generate", "github"],
        0,
    );
    assert!(env.work.join(".github/workflows/git-multi.yml").exists());
}

#[test]
fn workspace_and_clone() {
    let (env, n, hosts) = two_pushed();
    let other = env.root.join("other");
    env.git_in(&env.root, ["init", "-q", other.to_str().unwrap()]);
    env.git_in(&other, ["commit", "-q", "--allow-empty", "-m", "other"]);
    let gamma = env.bare("gamma.git");
    env.multi_in(&other, ["remote", "add", "gamma", gamma.to_str().unwrap()])
        .expect_code(0);
    let (work, other) = (env.work.to_str().unwrap(), other.to_str().unwrap());
    shot(
        &env,
        &n,
        "workspace_add",
        &["workspace", "add", work, other],
        0,
    );
    shot(&env, &n, "workspace_list", &["workspace", "list"], 0);
    shot(&env, &n, "workspace_push", &["workspace", "push"], 0);
    shot(&env, &n, "workspace_status", &["workspace", "status"], 0);
    // One repository has a primary, the other none: a partial failure.
    env.multi(["primary", "alpha"]).expect_code(0);
    shot(
        &env,
        &n,
        "workspace_sync_json",
        &["workspace", "sync", "--json"],
        1,
    );

    let copy = env.root.join("copy");
    let mirror = env.bare("mirror.git");
    shot_in(
        &env,
        &env.root,
        &n,
        "clone",
        &[
            "clone",
            hosts[0].to_str().unwrap(),
            copy.to_str().unwrap(),
            "--mirror-to",
            &format!("backup={}", mirror.display()),
        ],
        0,
    );
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    assert_eq!(tip(&env, &copy, "HEAD").as_deref(), Some(head.as_str()));
    assert_eq!(tip(&env, &mirror, "main"), None, "clone fills no mirror");
    let url = env.git_in(&copy, ["config", "remote.backup.url"]);
    assert_eq!(url.trim(), mirror.to_str().unwrap());
}

/// A GitHub-like host that answers every request with 401: what a user sees with no token, then a bad one.
#[test]
fn hosts_without_a_usable_token() {
    let mut env = fixed_env();
    let n = Normaliser::new(&env);
    let fake =
        FakeApi::start(|_, _| Answer::json(401, serde_json::json!({"message": "Bad credentials"})));
    add_github(&env, "gh", &fake);
    shot(&env, &n, "create_no_token", &["create"], 4);
    shot(
        &env,
        &n,
        "auth_status_no_token",
        &["auth", "status", "gh"],
        4,
    );
    assert!(fake.seen().is_empty(), "no request without a token");
    env.set_env(
        "GIT_MULTI_GITHUB_TOKEN",
        "ghp_WrongToken000000000000000000000000",
    );
    let run = shot(&env, &n, "create_bad_token", &["create"], 4);
    run.assert_not_shown("ghp_WrongToken");
    shot(
        &env,
        &n,
        "auth_status_bad_token_json",
        &["auth", "status", "gh", "--json"],
        4,
    );
}

/// Smart HTTP remotes failing in the ways users meet (a wrong password, 403, a missing repository) beside one
/// that works: `remote test`, `push` and `fetch` name each failure with its hint, and the good remote is
/// still served (exit 1, a partial failure).
#[test]
fn failures_over_http() {
    let env = fixed_env();
    let n = Normaliser::new(&env);
    let hosts = env.root.join("hosts");
    env.bare("good.git");
    env.bare("forbidden.git");
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    let other = HttpServer::start(&hosts, USER, "a-different-password");
    use_credential_helper(&env, PASSWORD);
    http.set_fault("forbidden.git", Some(Fault::Status(403)));
    for (name, url) in [
        ("good", http.url("good.git")),
        ("wrongpw", other.url("good.git")),
        ("forbidden", http.url("forbidden.git")),
        ("missing", http.url("missing.git")),
    ] {
        env.multi(["remote", "add", name, &url]).expect_code(0);
    }
    shot(&env, &n, "http_remote_test", &["remote", "test"], 1);
    shot(&env, &n, "http_push", &["push"], 1);
    let head = env.git(["rev-parse", "HEAD"]).trim().to_string();
    assert_eq!(
        tip(&env, &hosts.join("good.git"), "main").as_deref(),
        Some(head.as_str())
    );
    assert_eq!(tip(&env, &hosts.join("forbidden.git"), "main"), None);
    shot(&env, &n, "http_fetch_json", &["fetch", "--json"], 1);
}
