//! The OS keyring for real: a private D-Bus session with gnome-keyring's Secret Service (as on a desktop),
//! where `auth login` stores a token, `auth status` in a fresh process reads it back, and `auth logout`
//! removes it. Skipped locally without `dbus-run-session`/`gnome-keyring-daemon`; fails under CI=true.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use serde_json::json;

use crate::env::{Run, TestEnv};
use crate::fake_api::{Answer, FakeApi, Seen};

const TOKEN: &str = "ghp_KeyringTestToken0123456789abcdefXYZ";

/// Starts gnome-keyring-daemon in its own D-Bus session, waits until the Secret Service is on the bus, then
/// holds the session open until stdin closes.
const SESSION: &str = r#"
printf 'test-password' | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
  tries=$((tries + 1)); [ "$tries" -gt 400 ] && { echo "NO-SECRET-SERVICE"; exit 3; }
  sleep 0.05
done
echo "BUS=$DBUS_SESSION_BUS_ADDRESS"
cat >/dev/null
"#;

struct SecretService {
    child: Child,
    stdin: Option<ChildStdin>,
    bus: String,
    runtime: std::path::PathBuf,
}

impl SecretService {
    fn start(env: &TestEnv) -> Option<SecretService> {
        let missing: Vec<&str> = ["dbus-run-session", "gnome-keyring-daemon", "dbus-send"]
            .into_iter()
            .filter(|p| which(p).is_none())
            .collect();
        if !missing.is_empty() {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI=true but {} missing: .ci/run installs gnome-keyring and dbus",
                missing.join(", ")
            );
            crate::servers::skipped(
                "keyring tests",
                &format!(
                    "{} not found (CI=true makes this a failure)",
                    missing.join(", ")
                ),
            );
            return None;
        }
        let runtime = env.root.join("runtime");
        std::fs::create_dir_all(&runtime).unwrap();
        // The Secret Service insists on a private runtime directory.
        std::fs::set_permissions(
            &runtime,
            std::os::unix::fs::PermissionsExt::from_mode(0o700),
        )
        .unwrap();
        let mut command = env.command("dbus-run-session", &env.root);
        command
            .args(["--", "sh", "-c", SESSION])
            .env("XDG_RUNTIME_DIR", &runtime)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command.spawn().expect("start dbus-run-session");
        let stdin = child.stdin.take();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let bus = line
            .trim()
            .strip_prefix("BUS=")
            .unwrap_or_else(|| panic!("no Secret Service came up: {line:?}"))
            .to_string();
        Some(SecretService {
            child,
            stdin,
            bus,
            runtime,
        })
    }

    fn run(&self, env: &TestEnv, args: &[&str], input: Option<&str>) -> Run {
        let mut command = env.command(env!("CARGO_BIN_EXE_git-multi"), &env.work);
        command
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env("XDG_RUNTIME_DIR", &self.runtime);
        Run::with_input(command, input)
    }
}

impl SecretService {
    /// Runs `auth login <target>` on a pseudo-terminal (util-linux `script`), types the token once the hidden
    /// prompt shows, and returns everything the terminal displayed.
    fn login_at_prompt(&self, env: &TestEnv, target: &str) -> String {
        let script = crate::servers::require("script").expect("script(1) from util-linux");
        let command = format!("{} auth login {target}", env!("CARGO_BIN_EXE_git-multi"));
        let mut child = env
            .command(&script, &env.work)
            .args(["-qefc", &command, "/dev/null"])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env("XDG_RUNTIME_DIR", &self.runtime)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let screen = Screen::follow(child.stdout.take().unwrap());
        if let Err(shown) = screen.wait_for(|s| s.contains("Token for"), PROMPT_DEADLINE) {
            crate::servers::kill_process_tree(child.id());
            let _ = child.wait();
            panic!("no prompt within {PROMPT_DEADLINE:?}; the screen so far: {shown:?}");
        }
        wait_for_echo_off(child.id());
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(format!("{TOKEN}\n").as_bytes()).unwrap();
        let finished = screen.wait_for_end(PROMPT_DEADLINE);
        drop(stdin);
        if let Err(shown) = finished {
            crate::servers::kill_process_tree(child.id());
            let _ = child.wait();
            panic!("`auth login` did not finish within {PROMPT_DEADLINE:?}; the screen so far: {shown:?}");
        }
        let shown = screen.text();
        assert!(child.wait().unwrap().success(), "{shown:?}");
        shown
    }
}

/// How long the prompt (and then the end of `auth login`) may take to show up on the terminal.
const PROMPT_DEADLINE: Duration = Duration::from_secs(30);

/// Everything a terminal showed so far, read by a thread so that waiting for some text can give up.
struct Screen {
    shown: Arc<(Mutex<Shown>, Condvar)>,
}

#[derive(Default)]
struct Shown {
    bytes: Vec<u8>,
    /// The terminal closed: the program ended.
    ended: bool,
}

impl Shown {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

impl Screen {
    fn follow(mut from: impl Read + Send + 'static) -> Screen {
        let shown = Arc::new((Mutex::new(Shown::default()), Condvar::new()));
        let writer = Arc::clone(&shown);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 256];
            loop {
                let n = from.read(&mut chunk).unwrap_or(0);
                let (state, grown) = &*writer;
                let mut state = state.lock().unwrap();
                state.bytes.extend_from_slice(&chunk[..n]);
                state.ended = n == 0;
                grown.notify_all();
                if n == 0 {
                    return;
                }
            }
        });
        Screen { shown }
    }

    fn text(&self) -> String {
        self.shown.0.lock().unwrap().text()
    }

    /// Waits until `ready` holds for the screen; `Err` with the screen when the deadline passes or the
    /// terminal closes first.
    fn wait_for(&self, ready: impl Fn(&str) -> bool, deadline: Duration) -> Result<(), String> {
        let (state, grown) = &*self.shown;
        let state = state.lock().unwrap();
        let (state, _) = grown
            .wait_timeout_while(state, deadline, |s| !s.ended && !ready(&s.text()))
            .unwrap();
        if ready(&state.text()) {
            Ok(())
        } else {
            Err(state.text())
        }
    }

    /// Waits until the terminal closes (the program ended).
    fn wait_for_end(&self, deadline: Duration) -> Result<(), String> {
        let (state, grown) = &*self.shown;
        let state = state.lock().unwrap();
        let (state, _) = grown
            .wait_timeout_while(state, deadline, |s| !s.ended)
            .unwrap();
        if state.ended {
            Ok(())
        } else {
            Err(state.text())
        }
    }
}

/// The prompt is printed just before the terminal's echo is turned off: typing in between would be echoed by
/// the terminal, not by us. Waits until git-multi's terminal (below `script_pid`) has echo off.
fn wait_for_echo_off(script_pid: u32) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let terminal = crate::servers::descendants(script_pid)
            .into_iter()
            .find_map(|pid| {
                let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
                String::from_utf8_lossy(&cmdline)
                    .contains("auth\0login")
                    .then(|| std::fs::read_link(format!("/proc/{pid}/fd/0")).ok())?
            });
        if let Some(terminal) = terminal {
            let settings = std::process::Command::new("stty")
                .arg("-F")
                .arg(&terminal)
                .arg("-a")
                .output()
                .expect("stty");
            let settings = String::from_utf8_lossy(&settings.stdout);
            if settings.split_whitespace().any(|flag| flag == "-echo") {
                return;
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the prompt never turned echo off"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

impl Drop for SecretService {
    fn drop(&mut self) {
        // The group we created and everything below it (gnome-keyring-daemon) goes, then our child is reaped.
        drop(self.stdin.take());
        crate::servers::kill_process_tree(self.child.id());
        let _ = self.child.wait();
    }
}

fn which(program: &str) -> Option<std::path::PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

#[test]
fn login_stores_status_reads_back_logout_removes() {
    let env = TestEnv::new();
    let Some(secrets) = SecretService::start(&env) else {
        return;
    };
    let fake = FakeApi::start(|seen: &Seen, _| {
        if seen.header("authorization") == Some(&format!("Bearer {TOKEN}")) {
            Answer::json(200, json!({"login": "alice"})).header("X-OAuth-Scopes", "repo")
        } else {
            Answer::json(401, json!({"message": "Bad credentials"}))
        }
    });
    crate::hosts::add_github(&env, "gh", &fake);

    let login = secrets
        .run(
            &env,
            &["auth", "login", "gh", "--with-token"],
            Some(&format!("{TOKEN}\n")),
        )
        .expect_code(0);
    assert!(
        login.stderr.contains("belongs to alice")
            && login.stderr.contains("Stored in the OS keyring"),
        "{}",
        login.stderr
    );

    // A fresh process finds it in the keyring (not in some in-memory mock) and the host accepts it.
    let status = secrets
        .run(&env, &["auth", "status", "--json"], None)
        .expect_code(0);
    let host = &status.json()["hosts"][0];
    assert_eq!(host["source"], json!({"type": "keyring"}));
    assert_eq!(
        (host["valid"].clone(), host["login"].clone()),
        (json!(true), json!("alice"))
    );

    let logout = secrets
        .run(&env, &["auth", "logout", "gh"], None)
        .expect_code(0);
    assert!(
        logout.stderr.contains("Removed the token"),
        "{}",
        logout.stderr
    );
    let after = secrets
        .run(&env, &["auth", "status", "--json"], None)
        .expect_code(4);
    assert_eq!(after.json()["hosts"][0]["source"], json!(null));

    // On a terminal the token is typed at a hidden prompt: answered only once the prompt is up (so the
    // terminal had its chance to turn echo off), and nothing of it comes back on the screen.
    let screen = secrets.login_at_prompt(&env, "gh");
    assert!(
        screen.contains("Token for") && screen.contains("Stored in the OS keyring"),
        "{screen:?}"
    );
    assert!(!screen.contains(TOKEN), "the token was echoed: {screen:?}");
    let typed = secrets
        .run(&env, &["auth", "status", "--json"], None)
        .expect_code(0);
    assert_eq!(
        typed.json()["hosts"][0]["source"],
        json!({"type": "keyring"})
    );

    for run in [&login, &status, &logout, &after, &typed] {
        assert!(!run.stdout.contains(TOKEN) && !run.stderr.contains(TOKEN));
    }
    assert!(!String::from_utf8_lossy(&env.config_bytes()).contains(TOKEN));
}
