//! Real git servers for integration tests (smart HTTP, `git daemon`, a private sshd) and shared helpers.
//!
//! Every server binds 127.0.0.1 only, keeps its state in temp dirs, and stops everything it started
//! (by PID / process group) when dropped.

// Each test binary uses only part of this toolkit; unused helpers must not fail `-D warnings`.
#![allow(dead_code)]

pub mod daemon;
pub mod http;
pub mod ssh;

use std::collections::HashMap;
use std::env;
use std::fs;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How long a server may take to start listening before we call it broken.
pub const STARTUP_DEADLINE: Duration = Duration::from_secs(15);

/// Finds `tool` (a bare name looked up on PATH, or a path). A missing tool skips the test locally but
/// fails loudly in CI, so CI cannot go green by silently skipping every server test.
pub fn require(tool: &str) -> Option<PathBuf> {
    if let Some(found) = find_executable(tool) {
        return Some(found);
    }
    if env::var("CI").as_deref() == Ok("true") {
        panic!(
            "required tool `{tool}` is not installed; CI=true, so this is an error instead of a skip \
             (install it in .ci/run, e.g. `apt-get install -y openssh-server` for sshd)"
        );
    }
    skipped(
        &format!("tests needing `{tool}`"),
        &format!("{tool} not found on PATH (CI=true makes this a failure)"),
    );
    None
}

/// Says on the real stderr that tests were skipped, once per notice, e.g. `contract tests SKIPPED: prism not
/// found (set GIT_MULTI_PRISM)`. libtest captures only `print!`/`eprint!` and drops what a passing test
/// printed; a write to the stderr handle itself always reaches the terminal and the CI log.
pub fn skipped(what: &str, why: &str) {
    use std::io::Write;
    static SHOWN: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let line = format!("{what} SKIPPED: {why}\n");
    let mut shown = SHOWN.lock().unwrap_or_else(|e| e.into_inner());
    if !shown.contains(&line) {
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
        shown.push(line);
    }
}

/// `tool` as a path, or looked up on PATH when it is a bare name.
pub fn find_executable(tool: &str) -> Option<PathBuf> {
    let path = Path::new(tool);
    if path.components().count() > 1 {
        return is_executable(path).then(|| path.to_path_buf());
    }
    env::split_paths(&env::var_os("PATH")?)
        .map(|dir| dir.join(tool))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    fs::metadata(path)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// A port that was free a moment ago. Callers that hand it to another process must cope with losing
/// the race for it (see [`wait_for_child_port`]).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("bind 127.0.0.1:0 to pick a free port")
        .port()
}

fn port_accepts(port: u16) -> bool {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    TcpStream::connect_timeout(&addr, Duration::from_millis(250)).is_ok()
}

/// Polls until something accepts TCP connections on 127.0.0.1:`port`; panics after `deadline`.
pub fn wait_for_port(port: u16, deadline: Duration) {
    let start = Instant::now();
    while !port_accepts(port) {
        if start.elapsed() > deadline {
            panic!("nothing listens on 127.0.0.1:{port} after {deadline:?}");
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// Like [`wait_for_port`] for a server we spawned: returns `Err` with its exit status as soon as it dies
/// (typically because another process took the port), so the caller can retry on a new port instead
/// of waiting for the deadline.
pub(crate) fn wait_for_child_port(
    child: &mut Child,
    port: u16,
    deadline: Duration,
    log: &Path,
) -> Result<(), ExitStatus> {
    let start = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(status);
        }
        if port_accepts(port) {
            // A stranger may own the port while our server is busy failing to bind it.
            return match child.try_wait() {
                Ok(Some(status)) => Err(status),
                _ => Ok(()),
            };
        }
        if start.elapsed() > deadline {
            kill_process_tree(child.id());
            let _ = child.wait();
            panic!(
                "server pid {} did not listen on 127.0.0.1:{port} within {deadline:?}; log:\n{}",
                child.id(),
                fs::read_to_string(log).unwrap_or_default()
            );
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// `$(git --exec-path)`: where git-http-backend and git-daemon live.
pub fn git_exec_path() -> PathBuf {
    let out = Command::new("git")
        .arg("--exec-path")
        .stderr(Stdio::inherit())
        .output()
        .expect("run `git --exec-path`");
    assert!(out.status.success(), "`git --exec-path` failed");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

/// SIGKILLs the process group led by `pid` (which must have been spawned with `process_group(0)`) and
/// every descendant of `pid`, because sshd and git daemon put per-connection children in new sessions.
pub fn kill_process_tree(pid: u32) {
    let mut targets = vec![format!("-{pid}"), pid.to_string()];
    targets.extend(descendants(pid).iter().map(u32::to_string));
    // The shell builtin is always there (procps' /bin/kill is not on minimal images) and signals by PID.
    let _ = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -9 {} 2>/dev/null", targets.join(" ")))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

pub fn descendants(root: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    if let Ok(entries) = fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|s| s.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            // The command name may contain spaces and parentheses; fields resume after the last ')'.
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|s| s.parse::<u32>().ok());
            if let Some(ppid) = ppid {
                children.entry(ppid).or_default().push(pid);
            }
        }
    }
    let mut found = Vec::new();
    let mut queue = vec![root];
    while let Some(pid) = queue.pop() {
        for &child in children.get(&pid).map(Vec::as_slice).unwrap_or(&[]) {
            found.push(child);
            queue.push(child);
        }
    }
    found
}

/// `GIT_CONFIG_COUNT`/`KEY_n`/`VALUE_n` variables that every server-side git gets, plus `extra`.
///
/// `safe.directory=*`: repos may belong to another uid than the server ("dubious ownership" shows up
/// as HTTP 500 or a hung-up remote). `receive.autogc=false`: otherwise every push leaves a detached
/// `git maintenance run --auto` (its own session, so outside our process group) running in the repo.
pub fn server_git_config(extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let pairs: Vec<(&str, &str)> = [("safe.directory", "*"), ("receive.autogc", "false")]
        .into_iter()
        .chain(extra.iter().copied())
        .collect();
    let mut vars = vec![("GIT_CONFIG_COUNT".to_string(), pairs.len().to_string())];
    for (i, (key, value)) in pairs.into_iter().enumerate() {
        vars.push((format!("GIT_CONFIG_KEY_{i}"), key.to_string()));
        vars.push((format!("GIT_CONFIG_VALUE_{i}"), value.to_string()));
    }
    vars
}

/// Single-quotes `s` for sh when it contains anything a shell would interpret.
pub fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-+=:@,".contains(&b))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}
