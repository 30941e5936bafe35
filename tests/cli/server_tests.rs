//! Self-tests for the real git test servers: plain `git` against each transport, no git-multi involved.

use std::env;
use std::fs;
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::servers::daemon::GitDaemon;
use crate::servers::http::{Fault, HttpServer};
use crate::servers::ssh::SshServer;
use crate::servers::{kill_process_tree, require};

const USER: &str = "alice";
const PASSWORD: &str = "s3cret";
const GOOD_CREDS: &str = "credential.helper=!f() { echo username=alice; echo password=s3cret; }; f";
const BAD_CREDS: &str = "credential.helper=!f() { echo username=alice; echo password=wrong; }; f";

/// One test's private world: HOME, a server root with bare repos, and client work trees.
struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::Builder::new()
            .prefix("git-servers")
            .tempdir()
            .expect("temp dir");
        for sub in ["home", "srv"] {
            fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        Sandbox { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn root(&self) -> PathBuf {
        self.path("srv")
    }

    /// `git` with nothing from the developer's environment or config.
    fn git(&self) -> Command {
        let mut cmd = Command::new("git");
        cmd.env_clear()
            .env("PATH", env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("LC_ALL", "C")
            .env("GIT_TERMINAL_PROMPT", "0")
            // commit/fetch would otherwise leave a detached `git maintenance` behind in the temp dir.
            .env("GIT_CONFIG_COUNT", "1")
            .env("GIT_CONFIG_KEY_0", "maintenance.auto")
            .env("GIT_CONFIG_VALUE_0", "false")
            .env("GIT_AUTHOR_NAME", "Test Author")
            .env("GIT_AUTHOR_EMAIL", "author@example.com")
            .env("GIT_COMMITTER_NAME", "Test Committer")
            .env("GIT_COMMITTER_EMAIL", "committer@example.com")
            .env("GIT_AUTHOR_DATE", "2024-01-01T00:00:00Z")
            .env("GIT_COMMITTER_DATE", "2024-01-01T00:00:00Z")
            .stdin(Stdio::null());
        cmd
    }

    /// A bare repo at `srv/<rel>` with `main` as its default branch.
    fn bare(&self, rel: &str) -> PathBuf {
        let path = self.root().join(rel);
        ok(self
            .git()
            .args(["init", "-q", "--bare", "-b", "main"])
            .arg(&path));
        path
    }

    /// A work tree with one commit on `main`.
    fn work(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        ok(self.git().args(["init", "-q", "-b", "main"]).arg(&path));
        self.commit(&path, "README", b"hello\n");
        path
    }

    /// Commits `file` with `content`; returns the new commit id.
    fn commit(&self, work: &Path, file: &str, content: &[u8]) -> String {
        fs::write(work.join(file), content).unwrap();
        ok(self.git().current_dir(work).args(["add", file]));
        ok(self
            .git()
            .current_dir(work)
            .args(["commit", "-q", "-m", &format!("update {file}")]));
        self.head(work)
    }

    fn head(&self, repo: &Path) -> String {
        ok(self.git().current_dir(repo).args(["rev-parse", "HEAD"]))
            .trim()
            .to_string()
    }

    /// The id `refs/heads/main` has according to `git ls-remote` (with extra `-c` settings).
    fn remote_main(&self, url: &str, config: &[&str]) -> String {
        let mut cmd = self.git();
        for c in config {
            cmd.args(["-c", c]);
        }
        let out = ok(cmd.args(["ls-remote", url, "refs/heads/main"]));
        out.split_whitespace().next().unwrap_or("").to_string()
    }
}

fn run(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("spawn {cmd:?}: {e}"))
}

/// Runs `cmd`, insists on success, returns stdout.
fn ok(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `cmd`, insists it exits with `code`, returns stderr.
fn fails(cmd: &mut Command, code: i32) -> String {
    let out = run(cmd);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{cmd:?} should exit {code}; stderr:\n{stderr}"
    );
    stderr
}

/// Runs `cmd` in its own process group; if it is still running after `limit`, kills the whole group
/// (git-remote-http children included, or their inherited pipes would keep the output open).
/// Returns the output and whether the watchdog had to kill it.
fn run_with_watchdog(cmd: &mut Command, limit: Duration) -> (Output, bool) {
    let child = cmd
        .process_group(0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn git");
    let pid = child.id();
    let (done, finished) = mpsc::channel::<()>();
    let watchdog = thread::spawn(move || {
        if finished.recv_timeout(limit).is_err() {
            kill_process_tree(pid);
            true
        } else {
            false
        }
    });
    let out = child.wait_with_output().expect("wait for git");
    let _ = done.send(());
    (out, watchdog.join().expect("watchdog thread"))
}

/// Incompressible bytes, so the pack is as big as the file.
fn random_bytes(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn http_setup() -> (Sandbox, HttpServer, PathBuf) {
    let sb = Sandbox::new();
    sb.bare("team/app.git");
    let server = HttpServer::start(&sb.root(), USER, PASSWORD);
    let work = sb.work("work");
    (sb, server, work)
}

#[test]
fn http_push_ls_remote_and_clone_with_credentials() {
    let (sb, server, work) = http_setup();
    let url = server.url("team/app.git");
    let head = sb.head(&work);
    ok(sb
        .git()
        .current_dir(&work)
        .args(["-c", GOOD_CREDS, "push", "-q", &url, "main"]));
    assert_eq!(sb.remote_main(&url, &[GOOD_CREDS]), head);
    let clone = sb.path("clone");
    ok(sb
        .git()
        .args(["-c", GOOD_CREDS, "clone", "-q", &url])
        .arg(&clone));
    assert_eq!(sb.head(&clone), head);
    assert!(server.requests("team/app.git") >= 6, "{}", server.log());
    assert_eq!(server.requests("other.git"), 0);
}

#[test]
fn http_wrong_password_fails_authentication() {
    let (sb, server, _work) = http_setup();
    let url = server.url("team/app.git");
    let stderr = fails(sb.git().args(["-c", BAD_CREDS, "ls-remote", &url]), 128);
    assert!(stderr.contains("Authentication failed"), "{stderr}");
}

#[test]
fn http_without_credentials_cannot_prompt() {
    let (sb, server, _work) = http_setup();
    let url = server.url("team/app.git");
    let stderr = fails(sb.git().args(["ls-remote", &url]), 128);
    assert!(stderr.contains("could not read Username"), "{stderr}");
}

#[test]
fn http_status_faults_reach_git() {
    let (sb, server, _work) = http_setup();
    let url = server.url("team/app.git");
    for (code, expected) in [
        (401, "Authentication failed"),
        (403, "403"),
        (404, "not found"),
        (429, "429"),
        (500, "500"),
        (502, "502"),
        (503, "503"),
    ] {
        server.set_fault("team/app.git", Some(Fault::Status(code)));
        let stderr = fails(sb.git().args(["-c", GOOD_CREDS, "ls-remote", &url]), 128);
        assert!(stderr.contains(expected), "status {code}: {stderr}");
    }
    server.set_fault("team/app.git", None);
    ok(sb.git().args(["-c", GOOD_CREDS, "ls-remote", &url]));
}

#[test]
fn http_hang_keeps_git_waiting() {
    let (sb, server, _work) = http_setup();
    server.set_fault("/team/app.git/", Some(Fault::Hang));
    let url = server.url("team/app.git");
    let started = Instant::now();
    let (out, killed) = run_with_watchdog(
        sb.git().args(["-c", GOOD_CREDS, "ls-remote", &url]),
        Duration::from_secs(2),
    );
    assert!(
        killed,
        "git finished on its own after {:?}: {}",
        started.elapsed(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(server.requests("team/app.git"), 1);
}

#[test]
fn http_drop_releases_hung_clients() {
    let (sb, server, _work) = http_setup();
    server.set_fault("team/app.git", Some(Fault::Hang));
    let mut cmd = sb.git();
    cmd.args(["-c", GOOD_CREDS, "ls-remote", &server.url("team/app.git")]);
    let client = thread::spawn(move || run_with_watchdog(&mut cmd, Duration::from_secs(30)));
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.requests("team/app.git") == 0 {
        assert!(Instant::now() < deadline, "request never arrived");
        thread::sleep(Duration::from_millis(10));
    }
    let dropped = Instant::now();
    drop(server);
    let (out, killed) = client.join().unwrap();
    assert!(
        !killed,
        "git was still hanging 30 s after the server dropped"
    );
    assert_eq!(out.status.code(), Some(128));
    // Released by the drop, well before the 30 s watchdog; the margin is for a loaded machine.
    assert!(
        dropped.elapsed() < Duration::from_secs(20),
        "{:?}",
        dropped.elapsed()
    );
}

#[test]
fn http_close_before_response_fails_git() {
    let (sb, server, _work) = http_setup();
    server.set_fault("team/app.git", Some(Fault::CloseBeforeResponse));
    let url = server.url("team/app.git");
    let stderr = fails(sb.git().args(["-c", GOOD_CREDS, "ls-remote", &url]), 128);
    assert!(stderr.contains("Empty reply from server"), "{stderr}");
}

#[test]
fn http_close_push_midway_leaves_ref_unchanged() {
    let (sb, server, work) = http_setup();
    let url = server.url("team/app.git");
    let before = sb.head(&work);
    ok(sb
        .git()
        .current_dir(&work)
        .args(["-c", GOOD_CREDS, "push", "-q", &url, "main"]));
    sb.commit(&work, "second", b"second\n");
    server.set_fault("team/app.git", Some(Fault::ClosePushMidway));
    let out = run(sb
        .git()
        .current_dir(&work)
        .args(["-c", GOOD_CREDS, "push", &url, "main"]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "push succeeded: {stderr}");
    server.set_fault("team/app.git", None);
    assert_eq!(sb.remote_main(&url, &[GOOD_CREDS]), before, "{stderr}");
}

#[test]
fn http_fail_times_then_recovers() {
    let (sb, server, work) = http_setup();
    let url = server.url("team/app.git");
    ok(sb
        .git()
        .current_dir(&work)
        .args(["-c", GOOD_CREDS, "push", "-q", &url, "main"]));
    server.set_fault("team/app.git", Some(Fault::FailTimes(1, 500)));
    let stderr = fails(sb.git().args(["-c", GOOD_CREDS, "ls-remote", &url]), 128);
    assert!(stderr.contains("500"), "{stderr}");
    assert_eq!(sb.remote_main(&url, &[GOOD_CREDS]), sb.head(&work));
}

#[test]
fn http_delay_serves_late_but_correctly() {
    let (sb, server, _work) = http_setup();
    let url = server.url("team/app.git");
    server.set_fault(
        "team/app.git",
        Some(Fault::Delay(Duration::from_millis(300))),
    );
    let started = Instant::now();
    ok(sb.git().args(["-c", GOOD_CREDS, "ls-remote", &url]));
    // At least the 401 challenge and the authenticated ref advertisement were each delayed.
    assert!(started.elapsed() >= Duration::from_millis(600));
}

#[test]
fn http_per_request_delay_applies_to_every_request() {
    let sb = Sandbox::new();
    sb.bare("app.git");
    let server =
        HttpServer::start_with_delay(&sb.root(), USER, PASSWORD, Duration::from_millis(100));
    let started = Instant::now();
    ok(sb
        .git()
        .args(["-c", GOOD_CREDS, "ls-remote", &server.url("app.git")]));
    let requests = server.requests("app.git");
    // At least the 401 challenge and the authenticated request, each held back.
    assert!(requests >= 2, "{requests} requests");
    assert!(started.elapsed() >= Duration::from_millis(100) * requests as u32);
}

#[test]
fn http_chunked_push_of_big_pack() {
    let (sb, server, work) = http_setup();
    let url = server.url("team/app.git");
    let head = sb.commit(&work, "blob.bin", &random_bytes(3 << 20));
    ok(sb.git().current_dir(&work).args([
        "-c",
        GOOD_CREDS,
        "-c",
        "http.postBuffer=65536",
        "push",
        "-q",
        &url,
        "main",
    ]));
    assert!(server.chunked_requests() >= 1, "{}", server.log());
    assert_eq!(sb.remote_main(&url, &[GOOD_CREDS]), head);
    ok(sb
        .git()
        .args(["fsck", "--no-progress"])
        .current_dir(sb.root().join("team/app.git")));
}

#[test]
fn http_gzip_request_bodies_are_understood() {
    let (sb, server, work) = http_setup();
    let url = server.url("team/app.git");
    // Enough distinct wants that git's upload-pack request passes its 1 KiB gzip threshold.
    let mut import = String::new();
    for i in 0..60 {
        let msg = format!("branch {i}\n");
        import.push_str(&format!(
            "commit refs/heads/b{i}\ncommitter C <c@example.com> 1704067200 +0000\ndata {}\n{msg}\n",
            msg.len()
        ));
    }
    let mut child = sb
        .git()
        .current_dir(&work)
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(import.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    ok(sb.git().current_dir(&work).args([
        "-c",
        GOOD_CREDS,
        "push",
        "-q",
        &url,
        "refs/heads/*:refs/heads/*",
    ]));
    let clone = sb.path("clone");
    ok(sb
        .git()
        .args(["-c", GOOD_CREDS, "clone", "-q", &url])
        .arg(&clone));
    assert!(server.gzip_requests() >= 1, "{}", server.log());
    let branches = ok(sb
        .git()
        .current_dir(&clone)
        .args(["branch", "-r", "--list", "origin/b*"]));
    assert_eq!(branches.lines().count(), 60);
}

fn ssh_setup() -> Option<(Sandbox, SshServer, PathBuf, PathBuf)> {
    let sb = Sandbox::new();
    let server = SshServer::start(&sb.path("sshd"))?;
    let bare = sb.bare("app.git");
    let work = sb.work("work");
    Some((sb, server, bare, work))
}

#[test]
fn ssh_push_and_ls_remote() {
    let Some((sb, server, bare, work)) = ssh_setup() else {
        return;
    };
    let url = server.url(&bare);
    ok(sb
        .git()
        .current_dir(&work)
        .env("GIT_SSH_COMMAND", server.ssh_command())
        .args(["push", "-q", &url, "main"]));
    let out = ok(sb.git().env("GIT_SSH_COMMAND", server.ssh_command()).args([
        "ls-remote",
        &url,
        "refs/heads/main",
    ]));
    assert!(out.starts_with(&sb.head(&work)), "{out}\n{}", server.log());
}

#[test]
fn ssh_unknown_host_key_is_refused() {
    let Some((sb, server, bare, _work)) = ssh_setup() else {
        return;
    };
    let stderr = fails(
        sb.git()
            .env(
                "GIT_SSH_COMMAND",
                server.ssh_command_with_empty_known_hosts(),
            )
            .args(["ls-remote", &server.url(&bare)]),
        128,
    );
    assert!(stderr.contains("Host key verification failed"), "{stderr}");
}

#[test]
fn ssh_wrong_client_key_is_denied() {
    let Some((sb, server, bare, _work)) = ssh_setup() else {
        return;
    };
    let stderr = fails(
        sb.git()
            .env("GIT_SSH_COMMAND", server.ssh_command_with_wrong_key())
            .args(["ls-remote", &server.url(&bare)]),
        128,
    );
    assert!(stderr.contains("Permission denied"), "{stderr}");
}

#[test]
fn daemon_push_and_ls_remote() {
    let sb = Sandbox::new();
    let Some(daemon) = GitDaemon::start(&sb.root()) else {
        return;
    };
    sb.bare("team/app.git");
    let work = sb.work("work");
    let url = daemon.url("team/app.git");
    ok(sb
        .git()
        .current_dir(&work)
        .args(["push", "-q", &url, "main"]));
    assert_eq!(
        sb.remote_main(&url, &[]),
        sb.head(&work),
        "{}",
        daemon.log()
    );
}

#[test]
fn daemon_missing_repo_is_reported() {
    let sb = Sandbox::new();
    let Some(daemon) = GitDaemon::start(&sb.root()) else {
        return;
    };
    let stderr = fails(sb.git().args(["ls-remote", &daemon.url("nope.git")]), 128);
    assert!(stderr.contains("no such repository"), "{stderr}");
}

#[test]
fn require_finds_git_and_skips_missing_tools() {
    assert!(require("git").is_some());
    if env::var("CI").as_deref() != Ok("true") {
        assert!(require("definitely-not-a-real-tool-4711").is_none());
    }
}

#[test]
fn leftover_process_check_sees_a_live_process() {
    let env = crate::env::TestEnv::new();
    let mut sleeper = env
        .command("sleep", &env.root)
        .arg("60")
        .spawn()
        .expect("start sleep");
    let found = env.leftover_processes();
    let _ = sleeper.kill();
    let _ = sleeper.wait();
    assert!(
        found.iter().any(|cmd| cmd.starts_with("sleep 60")),
        "{found:?}"
    );
    assert!(env.leftover_processes().is_empty());
}
