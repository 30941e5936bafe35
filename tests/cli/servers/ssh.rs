//! A private sshd on 127.0.0.1 with its own host key and client keys, for git over ssh://.
//!
//! Everything (config, keys, known_hosts, pid file, log) lives in the directory given to
//! [`SshServer::start`]; /etc/ssh and ~/.ssh are never read or written.

use std::fs::{self, File};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::{
    free_port, kill_process_tree, require, server_git_config, shell_quote, wait_for_child_port,
    STARTUP_DEADLINE,
};

/// A running private sshd; killed (with its per-connection children) on drop.
pub struct SshServer {
    child: Child,
    port: u16,
    dir: PathBuf,
    user: String,
}

impl SshServer {
    /// Starts sshd with its state in `dir` (created if needed). `None` only when sshd or ssh tools
    /// are missing outside CI.
    pub fn start(dir: &Path) -> Option<SshServer> {
        let sshd = require("/usr/sbin/sshd")?;
        let keygen = require("ssh-keygen")?;
        require("ssh")?;
        fs::create_dir_all(dir).expect("create sshd dir");
        let dir = dir.canonicalize().expect("canonicalize sshd dir");
        // sshd's privilege-separation dir; only root can (and needs to) create it.
        let _ = fs::create_dir_all("/run/sshd");

        for name in ["host_key", "client_key", "wrong_key"] {
            generate_key(&keygen, &dir.join(name));
        }
        fs::copy(dir.join("client_key.pub"), dir.join("authorized_keys"))
            .expect("write authorized_keys");
        File::create(dir.join("known_hosts_empty")).expect("write empty known_hosts");
        let user = current_user();
        let log = dir.join("sshd.log");

        let mut last_log = String::new();
        for _attempt in 0..5 {
            let port = free_port();
            fs::write(dir.join("sshd_config"), sshd_config(&dir, port)).expect("write sshd_config");
            let host_pub = fs::read_to_string(dir.join("host_key.pub")).expect("read host key");
            let host_key: Vec<&str> = host_pub.split_whitespace().take(2).collect();
            fs::write(
                dir.join("known_hosts"),
                format!("[127.0.0.1]:{port} {}\n", host_key.join(" ")),
            )
            .expect("write known_hosts");

            let log_file = File::create(&log).expect("create sshd log");
            let mut child = Command::new(&sshd)
                .arg("-D")
                .arg("-e")
                .arg("-f")
                .arg(dir.join("sshd_config"))
                .stdin(Stdio::null())
                // Inherited pipes would keep a caller's `$(…)` or output capture open forever.
                .stdout(log_file.try_clone().expect("clone log handle"))
                .stderr(log_file)
                .process_group(0)
                .spawn()
                .expect("spawn sshd");
            match wait_for_child_port(&mut child, port, STARTUP_DEADLINE, &log) {
                Ok(()) => {
                    return Some(SshServer {
                        child,
                        port,
                        dir,
                        user,
                    })
                }
                Err(status) => {
                    last_log = fs::read_to_string(&log).unwrap_or_default();
                    // Only a lost port race is worth another try; a config error would repeat.
                    if !last_log.contains("Address already in use") {
                        panic!("sshd exited at startup ({status}); log:\n{last_log}");
                    }
                }
            }
        }
        panic!("sshd failed to start 5 times; last log:\n{last_log}");
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The account the client logs in as: whoever runs the tests (sshd can only switch to other
    /// users as root).
    pub fn user(&self) -> &str {
        &self.user
    }

    /// `ssh://USER@127.0.0.1:PORT/abs/path`.
    pub fn url(&self, abs_repo_path: &Path) -> String {
        assert!(
            abs_repo_path.is_absolute(),
            "ssh URL needs an absolute path, got {}",
            abs_repo_path.display()
        );
        format!(
            "ssh://{}@127.0.0.1:{}{}",
            self.user,
            self.port,
            abs_repo_path.display()
        )
    }

    /// The accepted client key (private half; `.pub` beside it).
    pub fn client_key(&self) -> PathBuf {
        self.dir.join("client_key")
    }

    /// known_hosts that pins this server's host key for `[127.0.0.1]:PORT`.
    pub fn known_hosts(&self) -> PathBuf {
        self.dir.join("known_hosts")
    }

    /// `GIT_SSH_COMMAND` value that logs in with the accepted key and verifies the pinned host key.
    pub fn ssh_command(&self) -> String {
        ssh_command(&self.client_key(), &self.known_hosts())
    }

    /// `GIT_SSH_COMMAND` whose known_hosts is empty: fails with "Host key verification failed.".
    pub fn ssh_command_with_empty_known_hosts(&self) -> String {
        ssh_command(&self.client_key(), &self.dir.join("known_hosts_empty"))
    }

    /// `GIT_SSH_COMMAND` with a key the server does not accept: fails with
    /// "Permission denied (publickey).".
    pub fn ssh_command_with_wrong_key(&self) -> String {
        ssh_command(&self.dir.join("wrong_key"), &self.known_hosts())
    }

    /// sshd's log, for assertion messages.
    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.join("sshd.log")).unwrap_or_default()
    }
}

impl Drop for SshServer {
    fn drop(&mut self) {
        kill_process_tree(self.child.id());
        let _ = self.child.wait();
    }
}

fn ssh_command(key: &Path, known_hosts: &Path) -> String {
    format!(
        "ssh -F /dev/null -i {} -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile={} \
         -o StrictHostKeyChecking=yes",
        shell_quote(&key.display().to_string()),
        shell_quote(&known_hosts.display().to_string())
    )
}

fn generate_key(keygen: &Path, path: &Path) {
    // ssh-keygen asks before overwriting, and stdin is not a terminal here.
    let _ = fs::remove_file(path);
    let _ = fs::remove_file(path.with_extension("pub"));
    let out = Command::new(keygen)
        .args([
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-C",
            "git-multi-test",
            "-f",
        ])
        .arg(path)
        .stdin(Stdio::null())
        .output()
        .expect("run ssh-keygen");
    assert!(
        out.status.success(),
        "ssh-keygen {} failed: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn current_user() -> String {
    let out = Command::new("id")
        .arg("-un")
        .stdin(Stdio::null())
        .output()
        .expect("run `id -un`");
    assert!(out.status.success(), "`id -un` failed");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn sshd_config(dir: &Path, port: u16) -> String {
    let d = dir.display();
    let git_env: Vec<String> = server_git_config(&[])
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let git_env = git_env.join(" ");
    format!(
        "ListenAddress 127.0.0.1\n\
         Port {port}\n\
         HostKey {d}/host_key\n\
         PidFile {d}/sshd.pid\n\
         AuthorizedKeysFile {d}/authorized_keys\n\
         PermitRootLogin prohibit-password\n\
         PubkeyAuthentication yes\n\
         PasswordAuthentication no\n\
         KbdInteractiveAuthentication no\n\
         UsePAM no\n\
         StrictModes no\n\
         AcceptEnv GIT_PROTOCOL\n\
         MaxStartups 200:30:400\n\
         MaxSessions 100\n\
         X11Forwarding no\n\
         PrintMotd no\n\
         PrintLastLog no\n\
         # The server side of git must not read the login user's ~/.gitconfig or /etc/gitconfig.\n\
         # SHLVL=1 stops bash from sourcing ~/.bashrc for ssh commands (it only does so below level 2),\n\
         # which here cost ~250 ms per connection and could print into the git protocol stream.\n\
         SetEnv SHLVL=1 GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null {git_env}\n"
    )
}
