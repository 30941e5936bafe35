//! Git LFS: one `git multi push` leaves the LFS objects on every remote (git-lfs's own pre-push hook uploads
//! them inside each of the parallel `git push`es; file:// remotes use git-lfs's standalone transfer), and a
//! git-multi pre-push hook installed over git-lfs's keeps running it for the fanned-out pushes too.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::env::TestEnv;
use crate::hooks::wait_until;

/// The LFS object `oid` in a bare repository's LFS store.
fn stored(repo: &Path, oid: &str) -> PathBuf {
    repo.join("lfs/objects")
        .join(&oid[..2])
        .join(&oid[2..4])
        .join(oid)
}

/// A repository using LFS for `*.bin`, with one 200 KB object committed; returns its oid.
fn lfs_repository(env: &TestEnv) -> Option<String> {
    crate::servers::require("git-lfs")?;
    env.git(["lfs", "install", "--local"]);
    env.git(["lfs", "track", "*.bin"]);
    let blob: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    std::fs::write(env.work.join("asset.bin"), &blob).unwrap();
    env.git(["add", ".gitattributes", "asset.bin"]);
    env.git(["commit", "-q", "-m", "an LFS asset"]);
    let listed = env.git(["lfs", "ls-files", "--long"]);
    Some(
        listed
            .split_whitespace()
            .next()
            .expect("one LFS file")
            .to_string(),
    )
}

/// Bare repositories a, b and c added as members through file:// URLs (git-lfs's standalone file transfer).
fn three_file_remotes(env: &TestEnv) -> Vec<PathBuf> {
    let hosts: Vec<PathBuf> = ["a", "b", "c"]
        .iter()
        .map(|n| env.bare(&format!("{n}.git")))
        .collect();
    for (name, path) in ["a", "b", "c"].iter().zip(&hosts) {
        env.multi(["remote", "add", name, &format!("file://{}", path.display())])
            .expect_code(0);
    }
    hosts
}

#[test]
fn lfs_objects_reach_every_remote_after_one_push() {
    let env = TestEnv::new();
    let Some(oid) = lfs_repository(&env) else {
        return;
    };
    let hosts = three_file_remotes(&env);
    let json = env
        .multi(["push", "--json", "-j", "3"])
        .expect_code(0)
        .json();
    assert_eq!(json["ok"], true, "{json}");
    let head = env.git(["rev-parse", "HEAD"]);
    for host in &hosts {
        assert!(
            stored(host, &oid).is_file(),
            "{} lacks the LFS object",
            host.display()
        );
        assert_eq!(env.git_in(host, ["rev-parse", "refs/heads/main"]), head);
    }
    // Each store holds the content itself; the repositories hold only the pointer.
    let content = std::fs::read(env.work.join("asset.bin")).unwrap();
    for host in &hosts {
        assert!(
            std::fs::read(stored(host, &oid)).unwrap() == content,
            "{}",
            host.display()
        );
        let pointer = env.git_in(host, ["show", "refs/heads/main:asset.bin"]);
        assert!(
            pointer.starts_with("version https://git-lfs.github.com/spec/v1\n"),
            "{pointer}"
        );
    }
}

#[test]
fn a_pre_push_hook_over_git_lfs_keeps_uploading_for_every_member() {
    let env = TestEnv::new();
    let Some(oid) = lfs_repository(&env) else {
        return;
    };
    let hosts = three_file_remotes(&env);
    let lfs_hook = std::fs::read(env.work.join(".git/hooks/pre-push")).unwrap();
    env.multi(["hook", "install", "pre-push"]).expect_code(0);
    env.git(["push", "-q", "a", "main"]);
    wait_until(
        Duration::from_secs(60),
        "the LFS object reaches b and c",
        || hosts.iter().all(|h| stored(h, &oid).is_file()) && env.leftover_processes().is_empty(),
    );
    env.multi(["hook", "remove", "pre-push"]).expect_code(0);
    assert_eq!(
        std::fs::read(env.work.join(".git/hooks/pre-push")).unwrap(),
        lfs_hook
    );
}
