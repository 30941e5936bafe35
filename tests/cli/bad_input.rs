//! Bad input: each case prints `error:` and `hint:`, exits 2 and leaves .git/config byte-for-byte unchanged.

use crate::env::{Run, TestEnv};

/// Runs `args`, checks exit code 2, the message parts and that .git/config did not change.
#[track_caller]
fn refused(env: &TestEnv, args: &[&str], message: &str, hint: &str) -> Run {
    let before = env.config_bytes();
    let run = env.multi(args).expect_code(2);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert!(
        run.stderr.contains(message),
        "want {message:?} in:\n{}",
        run.stderr
    );
    let hints: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("hint: "))
        .collect();
    assert!(
        hints.iter().any(|h| h.contains(hint)),
        "want hint {hint:?} in:\n{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "nothing on stdout: {}", run.stdout);
    assert_eq!(env.config_bytes(), before, ".git/config changed");
    run
}

fn env_with_member() -> TestEnv {
    let env = TestEnv::new();
    let a = env.bare("a.git");
    env.multi(["remote", "add", "a", a.to_str().unwrap()])
        .expect_code(0);
    env.git(["remote", "add", "plain", "/srv/plain.git"]);
    env
}

#[test]
fn outside_a_repository() {
    let env = TestEnv::new();
    let run = env.multi_in(&env.home, ["remote", "list"]).expect_code(2);
    assert!(
        run.stderr.starts_with("error: not inside a git repository"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: ") && run.stderr.contains("git -C <dir> multi"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_remote() {
    let env = env_with_member();
    for args in [
        &["remote", "remove", "nope"][..],
        &["remote", "rename", "nope", "x"],
        &["remote", "set-url", "nope", "/x"],
        &["remote", "disable", "nope"],
        &["remote", "test", "nope"],
    ] {
        refused(
            &env,
            args,
            "Remote 'nope' not found in the remote set",
            "members are: a",
        );
    }
    // A git remote that is not a member gets a hint on how to adopt it.
    refused(
        &env,
        &["remote", "test", "plain"],
        "Remote 'plain' not found",
        "git multi init --import",
    );
}

#[test]
fn invalid_or_taken_names() {
    let env = env_with_member();
    for name in ["bad name", "a..b", "-x", "x:y", "x~1", "trailing.lock", ""] {
        refused(
            &env,
            &["remote", "add", "--", name, "/srv/x.git"],
            "is not a valid remote name",
            "ref name rules",
        );
    }
    refused(
        &env,
        &["remote", "add", "a", "/srv/x.git"],
        "remote `a` is already in the remote set",
        "set-url a",
    );
    refused(
        &env,
        &["remote", "add", "plain", "/srv/x.git"],
        "a git remote named `plain` already exists",
        "init --import",
    );
    refused(
        &env,
        &["remote", "rename", "a", "plain"],
        "already exists",
        "pick another name",
    );
    refused(
        &env,
        &["remote", "rename", "a", "no good"],
        "is not a valid remote name",
        "ref name rules",
    );
}

#[test]
fn malformed_urls() {
    let env = env_with_member();
    for (url, why) in [
        ("https://", "no host name"),
        ("http://exa mple.com/x.git", "white space"),
        ("ssh://host:port/x.git", "invalid port"),
        ("http://host:70000/x.git", "invalid port"),
        ("zz://host/x.git", "no git-remote-zz helper"),
        ("ht!tp://host/x", "scheme"),
        ("git@github.com:", "no repository path"),
    ] {
        refused(&env, &["remote", "add", "x", url], why, "git accepts");
        refused(&env, &["remote", "set-url", "a", url], why, "git accepts");
    }
}

#[test]
fn urls_with_secrets_are_refused_and_never_echoed() {
    let env = env_with_member();
    for url in [
        "https://alice:hunter22@example.com/r.git",
        "ssh://git:hunter22@example.com/r.git",
        "https://ghp_0123456789abcdefghijklmnopqrstuvwxyz@github.com/me/r.git",
    ] {
        let run = refused(
            &env,
            &["remote", "add", "x", url],
            "refusing to store a URL that contains a password or token",
            "credential helper",
        );
        assert!(
            !run.stderr.contains("hunter22") && !run.stderr.contains("ghp_0123"),
            "secret echoed:\n{}",
            run.stderr
        );
        run.assert_stderr_has("git multi auth login");
        let run = refused(
            &env,
            &["remote", "set-url", "a", url],
            "refusing to store",
            "credential helper",
        );
        assert!(!run.stderr.contains("hunter22"), "{}", run.stderr);
    }
    let run = refused(
        &env,
        &[
            "remote",
            "add",
            "x",
            "/srv/x.git",
            "--api-url",
            "https://bob:hunter22@api.example.com",
        ],
        "refusing to store an API URL",
        "auth login",
    );
    assert!(!run.stderr.contains("hunter22"));
}

#[test]
fn unknown_provider_and_bad_api_url() {
    let env = env_with_member();
    refused(
        &env,
        &[
            "remote",
            "add",
            "x",
            "/srv/x.git",
            "--provider",
            "sourceforge",
        ],
        "unknown provider `sourceforge`",
        "github, gitlab, gitea",
    );
    refused(
        &env,
        &[
            "remote",
            "add",
            "x",
            "/srv/x.git",
            "--api-url",
            "ftp://host/api",
        ],
        "invalid --api-url",
        "API root",
    );
}

#[test]
fn bad_configuration_values() {
    let env = env_with_member();
    env.git(["config", "multi.timeout", "soon"]);
    refused(
        &env,
        &["remote", "test"],
        "multi.timeout must be a number of seconds from 0.1 to 86400",
        "git config",
    );
    env.git(["config", "--unset", "multi.timeout"]);
    let run = env.multi(["remote", "test", "--timeout=-3"]).expect_code(2);
    run.assert_stderr_has("--timeout must be a number of seconds from 0.1 to 86400");
}

#[test]
fn empty_set() {
    let env = TestEnv::new();
    refused(
        &env,
        &["remote", "test"],
        "the remote set has no enabled remotes",
        "git multi remote add",
    );
}

#[test]
fn absurd_timeouts_are_usage_errors() {
    let env = env_with_member();
    let before = env.config_bytes();
    // Far too long, not a number, or too short to even start git (`1e-9` timed every remote out).
    for timeout in ["1e30", "86401", "inf", "NaN", "1e-9", "0.05", "0"] {
        for command in ["push", "fetch", "status", "sync", "mirror"] {
            let run = env.multi([command, "--timeout", timeout]).expect_code(2);
            assert!(
                run.stderr.starts_with("error: ")
                    && run
                        .stderr
                        .contains("--timeout must be a number of seconds from 0.1 to 86400"),
                "{command} --timeout {timeout}:\n{}",
                run.stderr
            );
            assert!(run.stdout.is_empty(), "{}", run.stdout);
        }
    }
    assert_eq!(env.config_bytes(), before, ".git/config changed");
    // The bounds themselves are fine.
    env.multi(["status", "--timeout", "0.1"]).expect_code(0);
    env.multi(["status", "--timeout", "86400"]).expect_code(0);
    env.git(["config", "multi.timeout", "99999999999999999999"]);
    refused(
        &env,
        &["push"],
        "multi.timeout must be a number of seconds from 0.1 to 86400",
        "git config",
    );
    env.git(["config", "multi.timeout", "0.001"]);
    refused(
        &env,
        &["push"],
        "multi.timeout must be a number of seconds from 0.1 to 86400",
        "git config",
    );
    env.git(["config", "--unset", "multi.timeout"]);
    // clap refuses a job count that does not fit, with its own usage error.
    let before = env.config_bytes();
    let run = env
        .multi(["push", "-j", "99999999999999999999"])
        .expect_code(2);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert_eq!(env.config_bytes(), before);
}

#[test]
fn unreadable_config_file() {
    for garbage in ["[multi \"x\"\n", "[remote \"a\n\turl = /srv/a.git\n"] {
        let env = env_with_member();
        let path = env.work.join(".git/config");
        let mut config = env.config_bytes();
        let first_bad = config.iter().filter(|&&b| b == b'\n').count() + 1;
        config.extend_from_slice(garbage.as_bytes());
        std::fs::write(&path, config).unwrap();
        for args in [
            &["remote", "list"][..],
            &["remote", "add", "x", "/srv/x.git"],
            &["push"],
            &["fetch"],
            &["status"],
            &["init", "--import"],
        ] {
            let run = refused(
                &env,
                args,
                "error: .git/config cannot be read: bad config line ",
                "with `git config --edit`",
            );
            // git names the broken line or, having read its newline, the next one.
            let line: usize = run.stderr
                ["error: .git/config cannot be read: bad config line ".len()..]
                .split(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{}", run.stderr));
            assert!(
                line == first_bad || line == first_bad + 1,
                "{first_bad}: {}",
                run.stderr
            );
            run.assert_stderr_has(&format!("hint: fix .git/config near line {line} with"));
        }
    }
}

#[test]
fn tokens_in_query_strings_are_refused_and_never_echoed() {
    let env = env_with_member();
    for url in [
        "https://gitlab.example.com/g/r.git?private_token=glpat-hunter22hunter22",
        "https://example.com/r.git?access_token=hunter22hunter22",
        "https://example.com/r.git?ref=main&token=hunter22hunter22",
        "https://example.com/r.git?key=hunter22hunter22",
        "https://example.com/r.git;private_token=hunter22hunter22",
        "https://example.com/g/r.git;access_token=hunter22hunter22?ref=main",
    ] {
        for args in [
            &["remote", "add", "x", url][..],
            &["remote", "set-url", "a", url],
        ] {
            let run = refused(
                &env,
                args,
                "refusing to store a URL that contains a password or token",
                "credential helper",
            );
            run.assert_not_shown("hunter22");
        }
    }
    let run = refused(
        &env,
        &[
            "remote",
            "add",
            "x",
            "/srv/x.git",
            "--api-url",
            "https://gitlab.example.com/api/v4?private_token=hunter22hunter22",
        ],
        "refusing to store an API URL",
        "auth login",
    );
    run.assert_not_shown("hunter22");

    // A remote git itself was given with a token in a path parameter: shown masked wherever git-multi prints it.
    env.git([
        "remote",
        "add",
        "tokened",
        "https://example.com/r.git;private_token=hunter22hunter22",
    ]);
    for args in [&["remote", "list", "-v"][..], &["init", "--import"]] {
        let run = env.multi(args);
        run.assert_not_shown("hunter22");
    }
}

#[test]
fn reserved_member_names() {
    let env = env_with_member();
    for name in ["multi", "all"] {
        let run = refused(
            &env,
            &["remote", "add", name, "/srv/x.git"],
            &format!("`{name}` cannot be the name of a remote in the set"),
            "git multi remote add <other-name> <url>",
        );
        refused(
            &env,
            &["remote", "rename", "a", name],
            "cannot be the name of a remote in the set",
            "git multi remote rename a <other-name>",
        );
        let why = if name == "multi" {
            "remote group `multi`"
        } else {
            "means every member"
        };
        run.assert_stderr_has(why);
    }
}

#[test]
fn check_refuses_a_url_that_does_not_answer() {
    let env = env_with_member();
    let gone = env.root.join("hosts/gone.git");
    refused(
        &env,
        &["remote", "add", "--check", "gone", gone.to_str().unwrap()],
        "is not a git repository",
        "git init --bare",
    );
    refused(
        &env,
        &[
            "remote",
            "add",
            "--check",
            "gone",
            &format!("file://{}", gone.display()),
        ],
        "is not a git repository",
        "without --check",
    );
    let port = crate::servers::free_port();
    refused(
        &env,
        &[
            "remote",
            "add",
            "--check",
            "web",
            &format!("http://127.0.0.1:{port}/r.git"),
        ],
        &format!("`http://127.0.0.1:{port}/r.git` does not answer"),
        "git ls-remote",
    );
    // A repository that is there passes, also when git finds it by adding `.git` to the path.
    env.bare("here.git");
    let here = env.root.join("hosts/here");
    let run = env
        .multi(["remote", "add", "--check", "here", here.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn a_url_that_is_neither_a_url_nor_a_path_is_refused() {
    let env = env_with_member();
    for garbage in ["not a url", "notaurl"] {
        for args in [
            &["remote", "add", "x", garbage][..],
            &["remote", "set-url", "a", garbage],
        ] {
            refused(
                &env,
                args,
                &format!("`{garbage}` is neither a URL nor an existing path"),
                "git accepts https://host/path.git",
            );
        }
    }
    // A path git can be pointed at before the repository exists is still taken, with a warning whose hint is a
    // command that works when pasted: the path is one shell word.
    let later = env.root.join("my repos/later.git");
    std::fs::create_dir_all(later.parent().unwrap()).unwrap();
    let run = env
        .multi(["remote", "add", "later", later.to_str().unwrap()])
        .expect_code(0);
    run.assert_stderr_has(&format!(
        "hint: create it with `git init --bare '{}'`",
        later.display()
    ));
    // An existing directory is a path whatever its name.
    std::fs::create_dir_all(env.work.join("plainword")).unwrap();
    env.multi(["remote", "add", "word", "plainword"])
        .expect_code(0);
}
