//! `git multi clone`: the clone becomes a remote set of the origin and the `--mirror-to` hosts (named by the
//! host or explicitly), each checked with ls-remote; bad input is refused before anything is cloned.

use std::path::Path;

use crate::env::{outcome, Run, TestEnv};
use crate::servers::http::HttpServer;
use crate::transports::{PASSWORD, USER};

/// A source repository with history at `hosts/source.git`, as a host would have it.
fn source(env: &TestEnv) -> std::path::PathBuf {
    let bare = env.bare("source.git");
    env.commit("second");
    env.git(["push", "-q", bare.to_str().unwrap(), "main"]);
    bare
}

/// `git multi clone file://<source>` then `args`, run in the test's root.
pub fn clone_over_file(env: &TestEnv, source: &Path, args: &[&str]) -> Run {
    let url = format!("file://{}", source.display());
    env.multi_in(&env.root, [&["clone", url.as_str()], args].concat())
}

#[test]
fn clone_with_mirrors_sets_up_the_set_and_checks_every_remote() {
    let env = TestEnv::new();
    let source = source(&env);
    let local = env.bare("backup.git");
    env.bare("web.git");
    let http = HttpServer::start(&env.root.join("hosts"), USER, PASSWORD);
    env.git([
        "config",
        "--global",
        "credential.helper",
        &format!("!f() {{ echo username={USER}; echo password={PASSWORD}; }}; f"),
    ]);

    let web = format!("web={}", http.url("web.git"));
    let mirrors = ["--mirror-to", local.to_str().unwrap(), "--mirror-to", &web];
    let run = clone_over_file(&env, &source, &[&mirrors[..], &["--json"]].concat()).expect_code(0);
    let json = run.json();
    let dir = env.root.join("source");
    assert_eq!(json["directory"], dir.display().to_string());
    assert_eq!(json["ok"], true);
    assert!(
        outcome(&json, "origin")["refs"].as_u64().unwrap() >= 2,
        "HEAD and main: {json}"
    );
    for name in ["mirror", "web"] {
        assert_eq!(outcome(&json, name)["status"], "ok", "{json}");
        assert_eq!(outcome(&json, name)["refs"], 0, "{json}");
    }
    let config = |key: &str| {
        env.git_in(&dir, ["config", "--get", key])
            .trim()
            .to_string()
    };
    assert_eq!(config("remotes.multi"), "origin mirror web");
    assert_eq!(config("remote.mirror.url"), local.display().to_string());
    assert_eq!(config("remote.web.url"), http.url("web.git"));
    assert_eq!(config("multi.web.enabled"), "true");
    assert_eq!(
        env.git_in(&dir, ["rev-parse", "HEAD"]),
        env.git(["rev-parse", "HEAD"])
    );

    // The new set works at once: the mirrors get the history.
    env.multi_in(&dir, ["push"]).expect_code(0);
    assert_eq!(
        env.git_in(&local, ["rev-parse", "refs/heads/main"]),
        env.git(["rev-parse", "HEAD"])
    );
}

#[test]
fn an_unreachable_mirror_is_reported_and_the_clone_kept() {
    let env = TestEnv::new();
    let source = source(&env);
    let missing = format!("http://127.0.0.1:{}/gone.git", crate::servers::free_port());
    let run = env
        .multi_in(
            &env.root,
            [
                "clone",
                source.to_str().unwrap(),
                "copy",
                "--mirror-to",
                &missing,
            ],
        )
        .expect_code(1);
    assert!(
        run.stdout.starts_with(&format!(
            "cloned into {}\n",
            env.root.join("copy").display()
        )),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("origin  ok"), "{}", run.stdout);
    assert!(run.stdout.contains("mirror  failed"), "{}", run.stdout);
    assert!(
        run.stdout.contains("2 remotes: 1 ok, 1 failed"),
        "{}",
        run.stdout
    );
    assert!(env.root.join("copy/.git").is_dir());
}

#[test]
fn bad_input_is_refused_before_anything_is_cloned() {
    let env = TestEnv::new();
    let source = source(&env);
    let src = source.to_str().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (
            &["clone", "https://bob:hunter22@example.com/a.git", "x"],
            "contains a password or token",
        ),
        (
            &[
                "clone",
                src,
                "x",
                "--mirror-to",
                "https://tok:secret99@example.com/b.git",
            ],
            "contains a password or token",
        ),
        (
            &["clone", src, "x", "--mirror-to", "origin=/srv/a.git"],
            "`origin` already exists",
        ),
        (
            &["clone", src, "x", "--mirror-to", "bad name=/srv/a.git"],
            "not a valid remote name",
        ),
    ];
    for (args, message) in cases {
        let run = env.multi_in(&env.root, args).expect_code(2);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("hint: "), "{}", run.stderr);
        run.assert_not_shown("hunter22");
        run.assert_not_shown("secret99");
        assert!(!env.root.join("x").exists(), "{args:?} left a directory");
    }
    std::fs::create_dir_all(env.root.join("taken")).unwrap();
    std::fs::write(env.root.join("taken/file"), "mine").unwrap();
    let run = env
        .multi_in(&env.root, ["clone", src, "taken"])
        .expect_code(2);
    assert!(
        run.stderr
            .contains("already exists and is not an empty directory"),
        "{}",
        run.stderr
    );
}
