//! `git daemon` child process serving anonymous git:// fetch and push on 127.0.0.1.

use std::env;
use std::fs::{self, File};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use tempfile::TempDir;

use super::{
    free_port, kill_process_tree, require, server_git_config, wait_for_child_port, STARTUP_DEADLINE,
};

/// A running `git daemon`; killed together with its per-connection children on drop.
pub struct GitDaemon {
    child: Child,
    port: u16,
    log: PathBuf,
    _home: TempDir,
}

impl GitDaemon {
    /// Exports every repository under `root` (e.g. `root/team/app.git` → `git://…/team/app.git`), with
    /// receive-pack enabled. `None` only when git-daemon is missing outside CI.
    pub fn start(root: &Path) -> Option<GitDaemon> {
        let git = require("git")?;
        let exec_path = super::git_exec_path();
        let daemon = exec_path.join("git-daemon");
        require(&daemon.to_string_lossy())?;
        let root = root
            .canonicalize()
            .unwrap_or_else(|e| panic!("git daemon base path {}: {e}", root.display()));
        let home = tempfile::Builder::new()
            .prefix("git-daemon")
            .tempdir()
            .expect("temp dir for git daemon");
        let log = home.path().join("daemon.log");
        let mut last_log = String::new();
        for _attempt in 0..5 {
            let port = free_port();
            let log_file = File::create(&log).expect("create git daemon log");
            let mut child = Command::new(&git)
                .arg("daemon")
                .arg("--listen=127.0.0.1")
                .arg(format!("--port={port}"))
                .arg(format!("--base-path={}", root.display()))
                .args([
                    "--export-all",
                    "--enable=receive-pack",
                    "--reuseaddr",
                    "--informative-errors",
                ])
                .env_clear()
                .env("PATH", env::var_os("PATH").unwrap_or_default())
                .env("HOME", home.path())
                .env("LC_ALL", "C")
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .env("GIT_CONFIG_GLOBAL", "/dev/null")
                .envs(server_git_config(&[]))
                .stdin(Stdio::null())
                .stdout(log_file.try_clone().expect("clone log handle"))
                .stderr(log_file)
                // Own process group, so Drop can take the daemon and its children down by PID.
                .process_group(0)
                .spawn()
                .expect("spawn git daemon");
            match wait_for_child_port(&mut child, port, STARTUP_DEADLINE, &log) {
                Ok(()) => {
                    return Some(GitDaemon {
                        child,
                        port,
                        log,
                        _home: home,
                    })
                }
                // Most likely lost the port to someone else between free_port() and bind().
                Err(_) => last_log = fs::read_to_string(&log).unwrap_or_default(),
            }
        }
        panic!("git daemon failed to start 5 times; last log:\n{last_log}");
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `git://127.0.0.1:PORT/<repo>`, `repo` relative to the base path.
    pub fn url(&self, repo: &str) -> String {
        format!(
            "git://127.0.0.1:{}/{}",
            self.port,
            repo.trim_start_matches('/')
        )
    }

    /// The daemon's stderr, for assertion messages.
    pub fn log(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for GitDaemon {
    fn drop(&mut self) {
        kill_process_tree(self.child.id());
        let _ = self.child.wait();
    }
}
