//! `git multi tui` as a person uses it: in a real terminal (tmux), beside bare remotes — it shows them, `p`
//! pushes, `q` quits with the terminal as it was; and without a terminal it says it needs one.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::env::{tip, write_script, TestEnv};

/// A tmux server of this test's own (private socket), killed when the test ends however it ends.
pub(crate) struct Tmux {
    pub(crate) socket: std::path::PathBuf,
}

impl Tmux {
    /// A private tmux server of `env` running `script` in a detached session of `width` columns by 30 lines.
    pub(crate) fn start(env: &TestEnv, width: u16, script: &Path) -> Tmux {
        let tmux = Tmux {
            socket: env.root.join("tmux.sock"),
        };
        let width = width.to_string();
        let session = ["new-session", "-d", "-x", &width, "-y", "30"];
        tmux.run(&[&session[..], &[script.to_str().unwrap()]].concat());
        tmux
    }

    pub(crate) fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    pub(crate) fn screen(&self) -> String {
        self.run(&["capture-pane", "-p"])
    }

    /// Polls the screen until `ready` holds, for at most `within`.
    pub(crate) fn wait_for(
        &self,
        what: &str,
        within: Duration,
        ready: impl Fn(&str) -> bool,
    ) -> String {
        let deadline = Instant::now() + within;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(Instant::now() < deadline, "never saw {what}:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// A script that runs the dashboard in `env`'s hermetic environment and records its exit code.
fn launcher(env: &TestEnv, exit_file: &Path) -> std::path::PathBuf {
    let quote = |p: &Path| format!("'{}'", p.display());
    let script = env.root.join("tui.sh");
    write_script(
        &script,
        &format!(
            "#!/bin/sh\ncd {work}\nexport HOME={home} XDG_CONFIG_HOME={home}/.config GIT_CONFIG_NOSYSTEM=1 \
             GIT_CONFIG_GLOBAL={home}/.gitconfig LC_ALL=C TZ=UTC GIT_TERMINAL_PROMPT=0 TERM=xterm-256color NO_COLOR=1\n\
             unset GIT_ASKPASS SSH_ASKPASS\n{bin} tui\necho \"EXIT=$?\" > {exit}\nexec sleep 600\n",
            work = quote(&env.work),
            home = quote(&env.home),
            bin = quote(Path::new(env!("CARGO_BIN_EXE_git-multi"))),
            exit = quote(exit_file),
        ),
    );
    script
}

#[test]
fn the_dashboard_shows_the_remotes_pushes_on_p_and_quits_on_q_with_the_screen_restored() {
    if crate::servers::require("tmux").is_none() {
        return;
    }
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["alpha", "beta"]);
    env.multi(["push"]).expect_code(0);
    let head = env.commit("second");
    let exit_file = env.root.join("tui-exit");
    let script = launcher(&env, &exit_file);
    let tmux = Tmux::start(&env, 100, &script);
    // The remotes appear, and once asked each is one commit behind (this clone is ahead).
    tmux.wait_for("both remotes ahead by one", Duration::from_secs(30), |s| {
        s.contains("alpha") && s.contains("beta") && s.matches("ahead 1").count() >= 2
    });
    tmux.run(&["send-keys", "p"]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while hosts
        .iter()
        .any(|h| tip(&env, h, "refs/heads/main").as_deref() != Some(head.as_str()))
    {
        assert!(
            Instant::now() < deadline,
            "the push never landed:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    tmux.wait_for("the push reported", Duration::from_secs(30), |s| {
        s.contains("push: 2 ok")
    });
    tmux.run(&["send-keys", "q"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !exit_file.exists() {
        assert!(
            Instant::now() < deadline,
            "the dashboard did not quit:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        std::fs::read_to_string(&exit_file).unwrap().trim(),
        "EXIT=0"
    );
    // Back on the normal screen: nothing of the dashboard is left on it.
    let screen = tmux.screen();
    assert!(
        !screen.contains("remotes") && !screen.contains("q quit"),
        "{screen}"
    );
    // The push is in the audit log as the dashboard's.
    let log = env.multi(["log", "-n", "1"]).expect_code(0);
    log.assert_stdout_has("(from git multi tui)");
}

#[test]
fn without_a_terminal_the_dashboard_says_so() {
    let env = TestEnv::new();
    env.add_local_remotes(&["alpha"]);
    let run = env.multi(["tui"]).expect_code(2);
    run.assert_stderr_has("error: git multi tui needs a terminal");
}
