//! `git multi backup` and `git multi restore` over file:// and smart HTTP: a round trip through a destroyed and
//! re-created remote gives identical refs; a damaged bundle is refused; diverged refs need `--force`.

use serde_json::Value;

use crate::env::{outcome as remote, TestEnv};
use crate::servers::http::HttpServer;
use crate::transports::{use_credential_helper, PASSWORD, USER};

/// `git ls-remote <remote>` in the work repository (credentials from its helper), as sorted lines.
fn ls_remote(env: &TestEnv, name: &str) -> Vec<String> {
    let mut lines: Vec<String> = env
        .git(["ls-remote", name])
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

#[test]
fn backup_destroy_recreate_restore_gives_identical_refs_over_file_and_http() {
    let env = TestEnv::new();
    let hosts = env.root.join("hosts");
    let file_repo = env.bare("file.git");
    let web_repo = env.bare("web.git");
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    use_credential_helper(&env, PASSWORD);
    env.multi([
        "remote",
        "add",
        "file",
        &format!("file://{}", file_repo.display()),
    ])
    .expect_code(0);
    env.multi(["remote", "add", "web", &http.url("web.git")])
        .expect_code(0);
    env.multi(["config", "set", "multi.refs", "refs/git-mile/*"])
        .expect_code(0);

    // Branches, an annotated tag and a namespace ref; each remote a little different.
    env.commit("second");
    env.git(["tag", "-a", "v1", "-m", "release 1"]);
    env.git(["branch", "topic", "HEAD~1"]);
    env.git(["update-ref", "refs/git-mile/tasks/T1", "HEAD~1"]);
    env.multi(["push", "--all", "--tags"]).expect_code(0);
    env.git(["push", "-q", "file", "refs/git-mile/tasks/T1"]);
    env.commit("third");
    env.multi(["push", "web"]).expect_code(0);
    let before_file = ls_remote(&env, "file");
    let before_web = ls_remote(&env, "web");
    assert!(before_file
        .iter()
        .any(|l| l.ends_with("refs/git-mile/tasks/T1")));

    let dir = env.root.join("backups/first");
    let json = env
        .multi(["backup", "--to", dir.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(
        remote(&json, "file")["refs"],
        4,
        "main, topic, v1, T1: {json}"
    );
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["format"], 1);
    let web_entry = manifest["remotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["remote"] == "web")
        .unwrap();
    assert_eq!(web_entry["url"], http.url("web.git"));
    assert_eq!(web_entry["bundle"], "web.bundle");
    assert_eq!(web_entry["sha256"].as_str().unwrap().len(), 64);
    assert!(web_entry["refs"]["refs/tags/v1"].is_string());
    // The private namespace is gone again, and no tag or ref of the user's was touched.
    assert_eq!(env.git(["for-each-ref", "refs/multi/bundle/"]), "");
    // The bundles are ordinary bundles: plain git can list them.
    env.git([
        "bundle",
        "verify",
        "--quiet",
        dir.join("file.bundle").to_str().unwrap(),
    ]);

    // A second backup never overwrites the first.
    let again = env
        .multi(["backup", "--to", dir.to_str().unwrap()])
        .expect_code(2);
    assert!(
        again.stderr.contains("already holds a backup"),
        "{}",
        again.stderr
    );

    // Disaster: both repositories are lost and re-created empty.
    for repo in [&file_repo, &web_repo] {
        std::fs::remove_dir_all(repo).unwrap();
        env.git_in(&env.root, ["init", "-q", "--bare", repo.to_str().unwrap()]);
    }
    for name in ["file", "web"] {
        let run = env
            .multi(["restore", dir.to_str().unwrap(), "--to", name, "--json"])
            .expect_code(0);
        assert_eq!(remote(&run.json(), name)["status"], "ok");
    }
    assert_eq!(ls_remote(&env, "file"), before_file);
    assert_eq!(ls_remote(&env, "web"), before_web);
    assert_eq!(env.git(["for-each-ref", "refs/multi/restore/"]), "");

    // Restoring what is already there changes nothing.
    let same = env
        .multi([
            "restore",
            dir.join("web.bundle").to_str().unwrap(),
            "--to",
            "web",
            "--json",
        ])
        .expect_code(0);
    assert_eq!(remote(&same.json(), "web")["status"], "up-to-date");
}

#[test]
fn restore_refuses_diverged_refs_without_force_and_damaged_bundles_always() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["a"]);
    env.multi(["push"]).expect_code(0);
    let backed_up = env.git(["rev-parse", "HEAD"]).trim().to_string();
    let dir = env.root.join("bk");
    env.multi(["backup", "a", "--to", dir.to_str().unwrap()])
        .expect_code(0);

    // The remote moves on with history the backup does not have.
    env.git(["commit", "-q", "--amend", "-m", "rewritten"]);
    env.multi(["push", "--force"]).expect_code(0);
    let moved = env.git(["rev-parse", "HEAD"]).trim().to_string();

    let dry = env
        .multi([
            "restore",
            dir.to_str().unwrap(),
            "--to",
            "a",
            "--dry-run",
            "--force",
            "--json",
        ])
        .expect_code(0);
    assert_eq!(remote(&dry.json(), "a")["status"], "dry-run");
    let refused = env
        .multi(["restore", dir.to_str().unwrap(), "--to", "a"])
        .expect_code(1);
    assert!(refused.stdout.contains("--force"), "{}", refused.stdout);
    assert_eq!(env.git_in(&paths[0], ["rev-parse", "main"]).trim(), moved);

    let forced = env
        .multi([
            "restore",
            dir.to_str().unwrap(),
            "--to",
            "a",
            "--force",
            "--json",
        ])
        .expect_code(0);
    assert_eq!(remote(&forced.json(), "a")["refs"][0]["status"], "forced");
    assert_eq!(
        env.git_in(&paths[0], ["rev-parse", "main"]).trim(),
        backed_up
    );
    assert!(
        env.backups_of("a", "heads/main").contains(&moved),
        "the overwritten tip is saved"
    );
    // The restore is in the audit log, so it can be undone.
    let log = env
        .multi(["log", "-n", "1", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(log["entries"][0]["command"], "restore");

    // A bundle that does not match its manifest is refused before anything is pushed.
    let bundle = dir.join("a.bundle");
    let mut bytes = std::fs::read(&bundle).unwrap();
    // The header: `# v2 git bundle` becomes something git does not recognise.
    bytes[2] = b'x';
    std::fs::write(&bundle, &bytes).unwrap();
    let damaged = env
        .multi(["restore", dir.to_str().unwrap(), "--to", "a", "--force"])
        .expect_code(1);
    assert!(damaged.stderr.contains("SHA-256"), "{}", damaged.stderr);
    assert!(
        damaged.stderr.contains("nothing was pushed"),
        "{}",
        damaged.stderr
    );
    // Without its manifest, git's own check refuses it.
    let loose = env.root.join("loose.bundle");
    std::fs::write(&loose, &bytes).unwrap();
    let refused = env
        .multi(["restore", loose.to_str().unwrap(), "--to", "a"])
        .expect_code(1);
    assert!(
        refused.stderr.contains("cannot be restored"),
        "{}",
        refused.stderr
    );
    env.multi(["restore", dir.to_str().unwrap(), "--to", "nope"])
        .expect_code(2);
}

#[test]
fn a_restore_dry_run_with_nothing_to_do_says_so() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["c"]);
    env.git(["branch", "topic"]);
    env.multi(["push", "--all"]).expect_code(0);
    let dir = env.root.join("bk");
    env.multi(["backup", "--to", dir.to_str().unwrap()])
        .expect_code(0);

    let dry = env
        .multi(["restore", dir.to_str().unwrap(), "--to", "c", "--dry-run"])
        .expect_code(0);
    let line = dry.stdout.lines().next().unwrap_or_default();
    assert!(line.starts_with("c  dry-run  "), "{}", dry.stdout);
    assert!(
        line.contains("nothing to do: all 2 refs already match"),
        "{}",
        dry.stdout
    );
    // A plan that does change something names each ref instead.
    env.git_in(&paths[0], ["update-ref", "-d", "refs/heads/topic"]);
    let plan = env
        .multi(["restore", dir.to_str().unwrap(), "--to", "c", "--dry-run"])
        .expect_code(0);
    assert!(plan.stdout.contains("topic new"), "{}", plan.stdout);
}
