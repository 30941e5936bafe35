//! `mirror` (every other remote made an exact copy of the source, forced only under per-remote leases, every
//! replaced or pruned tip saved, a hung remote timed out alone) and `primary` (show, set, refuse).

use std::time::{Duration, Instant};

use crate::env::{outcome as remote, ref_entry, refs, TestEnv};
use crate::servers::http::{Fault, HttpServer};
use crate::transports::{network_servers, use_credential_helper, PASSWORD, USER};

#[test]
fn mirror_prune_makes_every_remote_equal_to_the_source_and_saves_what_it_replaced() {
    let env = TestEnv::new();
    let hosts = env.bares(&[
        "src.git",
        "extra.git",
        "diverged.git",
        "web.git",
        "hang.git",
    ]);
    let http = HttpServer::start(&hosts, USER, PASSWORD);
    use_credential_helper(&env, PASSWORD);
    http.set_fault("hang.git", Some(Fault::Hang));
    let path = |name: &str| hosts.join(name).display().to_string();
    let remotes = [
        ("src", path("src.git")),
        ("extra", path("extra.git")),
        ("diverged", format!("file://{}", path("diverged.git"))),
        ("web", http.url("web.git")),
        ("hang", http.url("hang.git")),
    ];
    for (name, url) in &remotes {
        env.multi(["remote", "add", name, url]).expect_code(0);
    }
    env.git(["config", "--add", "multi.refs", "refs/git-mile/*"]);

    // extra: an older main, a branch, a tag and a namespace ref the source does not have.
    let first = env.git(["rev-parse", "HEAD"]).trim().to_string();
    env.git(["tag", "old-tag"]);
    env.git(["update-ref", "refs/git-mile/old", &first]);
    env.git_in(
        &env.work,
        [
            "push",
            "-q",
            &path("extra.git"),
            "main",
            "main:refs/heads/stale",
            "refs/tags/old-tag",
            "refs/git-mile/old",
        ],
    );
    env.git(["tag", "-d", "old-tag"]);
    env.git(["update-ref", "-d", "refs/git-mile/old"]);
    // The source: main two commits on, a topic branch, an annotated tag, a namespace ref.
    env.commit("second");
    env.git(["tag", "-a", "-m", "release", "v1"]);
    env.git(["branch", "topic"]);
    env.commit("third");
    env.git(["update-ref", "refs/git-mile/t1", "topic"]);
    env.git_in(
        &env.work,
        [
            "push",
            "-q",
            &path("src.git"),
            "main",
            "topic",
            "refs/tags/v1",
            "refs/git-mile/t1",
        ],
    );
    // diverged: main with a commit nobody else has (never fetched here), on top of the first commit.
    env.git_in(
        &env.work,
        [
            "push",
            "-q",
            &path("diverged.git"),
            &format!("{first}:refs/heads/main"),
        ],
    );
    let theirs = env.push_foreign(&hosts.join("diverged.git"), "main", "theirs");
    env.multi(["primary", "src"]).expect_code(0);

    let before: Vec<_> = ["extra.git", "diverged.git", "web.git"]
        .iter()
        .map(|r| refs(&env, &hosts.join(r), &[]))
        .collect();
    let dry = env
        .multi(["mirror", "--prune", "--dry-run", "--json", "--timeout", "2"])
        .expect_code(1)
        .json();
    assert_eq!(dry["dry_run"], true);
    assert_eq!(remote(&dry, "extra")["status"], "dry-run", "{dry}");
    assert_eq!(remote(&dry, "hang")["status"], "timeout", "{dry}");
    let planned = |name: &str, r: &str| ref_entry(remote(&dry, name), r)["status"].clone();
    assert_eq!(planned("extra", "refs/heads/main"), "updated");
    assert_eq!(planned("extra", "refs/heads/stale"), "deleted");
    assert_eq!(planned("extra", "refs/tags/old-tag"), "deleted");
    assert_eq!(planned("extra", "refs/git-mile/old"), "deleted");
    assert_eq!(planned("diverged", "refs/heads/main"), "forced");
    assert_eq!(planned("web", "refs/tags/v1"), "new");
    let after: Vec<_> = ["extra.git", "diverged.git", "web.git"]
        .iter()
        .map(|r| refs(&env, &hosts.join(r), &[]))
        .collect();
    assert_eq!(before, after, "--dry-run changed a remote");
    assert!(
        env.git(["for-each-ref", "refs/multi/"]).is_empty(),
        "--dry-run saved or fetched something"
    );

    let started = Instant::now();
    let run = env
        .multi(["mirror", "--prune", "--json", "--timeout", "2"])
        .expect_code(1);
    let took = started.elapsed();
    let json = run.json();
    assert_eq!(json["ok"], false);
    assert_eq!(json["source"]["name"], "src");
    for name in ["extra", "diverged", "web"] {
        assert_eq!(remote(&json, name)["status"], "ok", "{name}: {json}");
    }
    assert_eq!(remote(&json, "hang")["status"], "timeout", "{json}");
    assert!(took < Duration::from_secs(2 + 6), "took {took:?}");
    let source = refs(&env, &hosts.join("src.git"), &[]);
    assert_eq!(source.len(), 4, "{source:?}");
    for name in ["extra.git", "diverged.git", "web.git"] {
        assert_eq!(refs(&env, &hosts.join(name), &[]), source, "{name}");
    }
    // The replaced and pruned tips are kept, including the commit that was never here before.
    assert_eq!(env.backups_of("diverged", "heads/main"), [theirs.as_str()]);
    assert_eq!(
        env.git(["cat-file", "-t", &theirs]).trim(),
        "commit",
        "the backup holds the objects too"
    );
    assert_eq!(env.backups_of("extra", "heads/stale"), [first.as_str()]);
    assert_eq!(env.backups_of("extra", "tags/old-tag"), [first.as_str()]);
    assert_eq!(env.backups_of("extra", "git-mile/old"), [first.as_str()]);
    assert!(
        env.backups_of("extra", "heads/main").is_empty(),
        "a fast-forward needs no backup"
    );
    let backups = remote(&json, "diverged")["backups"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(backups.len(), 1, "{json}");
    assert_eq!(backups[0]["oid"], theirs.as_str());
    // Local tags were never touched by the source's: the copies live under refs/multi/remotes/.
    assert!(env.git(["tag", "-l"]).trim() == "v1");
    assert_eq!(
        env.git(["rev-parse", "refs/multi/remotes/src/tags/v1"])
            .trim(),
        source["refs/tags/v1"]
    );
    assert!(
        env.leftover_processes().is_empty(),
        "{:?}",
        env.leftover_processes()
    );

    // Nothing left to do: up to date everywhere that answers; the human summary names each remote.
    http.set_fault("hang.git", None);
    let again = env.multi(["mirror", "--prune"]).expect_code(0);
    assert!(
        again
            .stdout
            .starts_with("from src: 2 branches, 1 tag, 1 other ref\n"),
        "{}",
        again.stdout
    );
    again.assert_stdout_has("hang      ok");
    assert!(
        again.stdout.ends_with("4 remotes: 1 ok, 3 up-to-date\n"),
        "{}",
        again.stdout
    );
}

#[test]
fn mirror_without_prune_keeps_extra_refs_and_never_touches_the_source() {
    let env = TestEnv::new();
    let [src, other] = <[_; 2]>::try_from(env.add_local_remotes(&["src", "other"])).unwrap();
    env.multi(["push", "src"]).expect_code(0);
    env.git_in(
        &env.work,
        [
            "push",
            "-q",
            other.to_str().unwrap(),
            "main:refs/heads/mine",
        ],
    );
    let run = env.multi(["mirror", "--from", "src"]).expect_code(0);
    run.assert_stderr_has("kept refs the source does not have (other 1)");
    let refs = env.git_in(&other, ["for-each-ref", "--format=%(refname)"]);
    assert_eq!(refs, "refs/heads/main\nrefs/heads/mine\n");
    assert_eq!(
        env.git_in(&src, ["for-each-ref", "--format=%(refname)"]),
        "refs/heads/main\n"
    );
    // The source cannot also be a target; without a primary there is no source.
    let refused = env.multi(["mirror", "--from", "src", "src"]).expect_code(2);
    refused.assert_stderr_has("is the source of the mirror");
    let before = env.config_bytes();
    let none = env.multi(["mirror"]).expect_code(2);
    assert!(
        none.stderr.starts_with("error: no remote to mirror from"),
        "{}",
        none.stderr
    );
    assert!(
        none.stderr.contains("hint: ") && none.stderr.contains("git multi primary <remote>"),
        "{}",
        none.stderr
    );
    assert_eq!(env.config_bytes(), before);
}

#[test]
fn primary_is_shown_set_and_checked() {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    let unset = env.multi(["primary"]).expect_code(0);
    assert_eq!(unset.stdout, "");
    unset.assert_stderr_has("no primary remote is set");
    assert_eq!(
        env.multi(["primary", "--json"]).expect_code(0).json()["primary"],
        serde_json::Value::Null
    );

    let set = env.multi(["primary", "b"]).expect_code(0);
    assert_eq!(set.stdout, "primary: b\n");
    assert_eq!(env.read_config("multi.primary").as_deref(), Some("b"));
    assert_eq!(env.multi(["primary"]).expect_code(0).stdout, "b\n");
    let json = env.multi(["primary", "a", "--json"]).expect_code(0).json();
    assert_eq!(
        (json["primary"].as_str(), json["previous"].as_str()),
        (Some("a"), Some("b"))
    );

    let before = env.config_bytes();
    let unknown = env.multi(["primary", "nope"]).expect_code(2);
    assert!(
        unknown
            .stderr
            .starts_with("error: Remote 'nope' not found in the remote set"),
        "{}",
        unknown.stderr
    );
    unknown.assert_stderr_has("hint: members are: a, b");
    assert!(unknown.stdout.is_empty());
    assert_eq!(env.config_bytes(), before, ".git/config changed");
    // A plain git remote outside the set is no primary either.
    env.git(["remote", "add", "plain", "/srv/plain.git"]);
    let before = env.config_bytes();
    env.multi(["primary", "plain"]).expect_code(2);
    assert_eq!(env.config_bytes(), before);

    let unset = env.multi(["primary", "--unset"]).expect_code(0);
    assert_eq!(unset.stdout, "primary unset (was a)\n");
    assert_eq!(env.read_config("multi.primary"), None);
    env.multi(["primary", "a", "--unset"]).expect_code(2);
}

/// `mirror --prune` from a source without a single branch would empty every target: refused (exit 1) with what
/// it would delete per target, nothing changed anywhere; `--force` goes ahead over every transport, each deleted
/// tip saved, and exits 0.
#[test]
fn mirror_prune_from_an_empty_source_is_refused_unless_forced() {
    let mut env = TestEnv::new();
    let hosts = env.bares(&[
        "empty.git",
        "local.git",
        "daemon.git",
        "web.git",
        "secure.git",
    ]);
    let Some((daemon, sshd, http)) = network_servers(&mut env, &hosts) else {
        return;
    };
    let path = |name: &str| hosts.join(name).display().to_string();
    let remotes = [
        ("local", format!("file://{}", path("local.git"))),
        ("daemon", daemon.url("daemon.git")),
        ("web", http.url("web.git")),
        ("secure", sshd.url(&hosts.join("secure.git"))),
    ];
    for (name, url) in &remotes {
        env.multi(["remote", "add", name, url]).expect_code(0);
    }
    env.git(["config", "--add", "multi.refs", "refs/git-mile/*"]);
    env.git(["tag", "-a", "-m", "release", "v1"]);
    for i in 0..7 {
        env.git(["branch", &format!("topic{i}")]);
    }
    env.git(["update-ref", "refs/git-mile/t1", "HEAD"]);
    env.multi(["push", "--all", "--tags"]).expect_code(0);
    // The source joins the set last: it never got anything.
    env.multi(["remote", "add", "empty", &path("empty.git")])
        .expect_code(0);
    let targets = ["local.git", "daemon.git", "web.git", "secure.git"];
    let before: Vec<_> = targets
        .iter()
        .map(|r| refs(&env, &hosts.join(r), &[]))
        .collect();
    assert_eq!(before[0].len(), 10, "{:?}", before[0]);

    let refused = env
        .multi(["mirror", "--prune", "--from", "empty"])
        .expect_code(1);
    assert!(
        refused.stderr.starts_with(
            "error: the mirror source `empty` lists no refs at all: `--prune` would delete every branch on the other remotes; nothing was changed\n"
        ),
        "{}",
        refused.stderr
    );
    for name in ["local", "daemon", "web", "secure"] {
        assert!(
            refused.stderr.contains(&format!(
                "  {name}: would delete 8 branches (main, topic0, topic1, topic2, topic3 and 3 more), 1 tag (v1), 1 other ref (refs/git-mile/t1)\n"
            )),
            "{name}: {}",
            refused.stderr
        );
    }
    refused.assert_stderr_has(
        "hint: `git multi mirror --from empty --prune --force` deletes them all the same",
    );
    let after: Vec<_> = targets
        .iter()
        .map(|r| refs(&env, &hosts.join(r), &[]))
        .collect();
    assert_eq!(before, after, "a refused mirror changed a remote");
    assert!(env.backups_of("local", "heads/main").is_empty());
    let json = env
        .multi(["mirror", "--prune", "--from", "empty", "--json", "local"])
        .expect_code(1)
        .json();
    assert_eq!(json["ok"], false);
    assert!(
        json["error"]
            .as_str()
            .unwrap()
            .contains("\n  local: would delete 8 branches"),
        "{json}"
    );

    // A dry run shows the deletions and warns that a real run refuses; still nothing changes.
    let dry = env
        .multi(["mirror", "--prune", "--from", "empty", "--dry-run"])
        .expect_code(0);
    dry.assert_stderr_has("a real run refuses unless `--force` is given");
    // Without --prune an empty source deletes nothing: no refusal.
    env.multi(["mirror", "--from", "empty"]).expect_code(0);

    // Forced: everything goes but the branch each target's HEAD points to, which no push may delete (git
    // refuses it): that is kept and said, not a failure.
    let forced = env
        .multi(["mirror", "--prune", "--from", "empty", "--force", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(forced["ok"], true, "{forced}");
    for (name, repo) in ["local", "daemon", "web", "secure"].iter().zip(targets) {
        assert_eq!(remote(&forced, name)["status"], "ok", "{name}: {forced}");
        assert_eq!(
            forced["kept_current"][name],
            serde_json::json!(["refs/heads/main"]),
            "{forced}"
        );
        assert_eq!(
            refs(&env, &hosts.join(repo), &[])
                .into_keys()
                .collect::<Vec<_>>(),
            ["refs/heads/main"],
            "{name}"
        );
        assert!(env.backups_of(name, "heads/main").is_empty(), "{name}");
        assert_eq!(env.backups_of(name, "heads/topic3").len(), 1, "{name}");
        assert_eq!(env.backups_of(name, "tags/v1").len(), 1, "{name}");
        assert_eq!(env.backups_of(name, "git-mile/t1").len(), 1, "{name}");
    }
    let again = env
        .multi(["mirror", "--prune", "--from", "empty", "--force", "local"])
        .expect_code(0);
    again.assert_stderr_has(
        "kept the branch each remote's HEAD points to (local main): no push may delete it",
    );
}
