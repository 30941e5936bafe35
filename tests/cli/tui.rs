//! `git multi tui` as a person uses it: in a real terminal (tmux), beside bare remotes — it shows them, `p`
//! pushes, `q` quits with the terminal as it was; and without a terminal it says it needs one.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::env::{tip, write_script, TestEnv};

/// A tmux server of this test's own (private socket), killed when the test ends however it ends, running one
/// `git multi` command as a person would.
pub(crate) struct Tmux {
    socket: PathBuf,
    /// Where the command's exit code is written when it ends (`EXIT=<code>`).
    exit_file: PathBuf,
}

impl Tmux {
    /// `git multi <args>` in `env`'s hermetic environment (plus `extra_env`, `K=V` words), in a detached session
    /// of `width` columns by 30 lines.
    pub(crate) fn multi(env: &TestEnv, width: u16, args: &str, extra_env: &str) -> Tmux {
        let tmux = Tmux {
            socket: env.root.join("tmux.sock"),
            exit_file: env.root.join("multi-exit"),
        };
        let quote = |p: &Path| format!("'{}'", p.display());
        let script = env.root.join("multi.sh");
        write_script(
            &script,
            &format!(
                "#!/bin/sh\ncd {work}\nexport HOME={home} XDG_CONFIG_HOME={home}/.config GIT_CONFIG_NOSYSTEM=1 \
                 GIT_CONFIG_GLOBAL={home}/.gitconfig LC_ALL=C TZ=UTC GIT_TERMINAL_PROMPT=0 TERM=xterm-256color NO_COLOR=1 \
                 {extra_env}\n\
                 unset GIT_ASKPASS SSH_ASKPASS DBUS_SESSION_BUS_ADDRESS GH_TOKEN GITHUB_TOKEN GITLAB_TOKEN GITEA_TOKEN\n\
                 {bin} {args}\necho \"EXIT=$?\" > {exit}\nexec sleep 600\n",
                work = quote(&env.work),
                home = quote(&env.home),
                bin = quote(Path::new(env!("CARGO_BIN_EXE_git-multi"))),
                exit = quote(&tmux.exit_file),
            ),
        );
        let width = width.to_string();
        let session = ["new-session", "-d", "-x", &width, "-y", "30"];
        tmux.run(&[&session[..], &[script.to_str().unwrap()]].concat());
        tmux
    }

    /// Waits at most `within` for the command to end (`what` names it in the failure, with the screen); its
    /// exit line, `EXIT=<code>`.
    pub(crate) fn exit_line(&self, what: &str, within: Duration) -> String {
        let deadline = Instant::now() + within;
        while !self.exit_file.exists() {
            assert!(Instant::now() < deadline, "{what}:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(50));
        }
        std::fs::read_to_string(&self.exit_file)
            .unwrap()
            .trim()
            .to_string()
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

#[test]
fn the_dashboard_shows_the_remotes_pushes_on_p_and_quits_on_q_with_the_screen_restored() {
    if crate::servers::require("tmux").is_none() {
        return;
    }
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["alpha", "beta"]);
    env.multi(["push"]).expect_code(0);
    let head = env.commit("second");
    let tmux = Tmux::multi(&env, 100, "tui", "");
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
    assert_eq!(
        tmux.exit_line("the dashboard did not quit", Duration::from_secs(10)),
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
