//! The hermetic test environment: a temp HOME, no system or global git config, fixed dates, a work repository
//! and bare "hosts", and a way to run the real `git-multi` binary inside it.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a finished command left: exit code and both streams as text.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Runs `command` to the end, with `input` written to its stdin when given.
    pub fn with_input(mut command: Command, input: Option<&str>) -> Run {
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
        if input.is_some() {
            command.stdin(Stdio::piped());
        }
        let mut child = command.spawn().expect("spawn");
        if let Some(input) = input {
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(input.as_bytes()).unwrap();
        }
        Run::from(child.wait_with_output().unwrap())
    }

    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Panics with both streams when the exit code is not `code`.
    #[track_caller]
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Panics when `secret` shows up in either stream.
    #[track_caller]
    pub fn assert_not_shown(&self, secret: &str) {
        assert!(
            !self.stdout.contains(secret) && !self.stderr.contains(secret),
            "a secret was printed\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
    }

    /// Panics unless stdout contains `text`, showing stdout.
    #[track_caller]
    pub fn assert_stdout_has(&self, text: &str) {
        assert!(self.stdout.contains(text), "{}", self.stdout);
    }

    /// Panics unless stderr contains `text`, showing stderr.
    #[track_caller]
    pub fn assert_stderr_has(&self, text: &str) {
        assert!(self.stderr.contains(text), "{}", self.stderr);
    }

    /// Panics unless stdout or stderr says `text`, showing both.
    #[track_caller]
    pub fn assert_says(&self, text: &str) {
        assert!(
            self.stdout.contains(text) || self.stderr.contains(text),
            "want {text:?} in\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
    }

    /// The words of stdout's first line (a table's header, or its first row).
    pub fn first_line_words(&self) -> Vec<&str> {
        let first = self.stdout.lines().next().unwrap_or_default();
        first.split_whitespace().collect()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

pub struct TestEnv {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
    pub home: PathBuf,
    pub work: PathBuf,
    /// Put into every child's environment so processes we started can be found in /proc afterwards.
    mark: String,
    extra_env: HashMap<String, String>,
}

impl TestEnv {
    /// A work repository on branch `main` with one commit, in a fresh temp directory.
    pub fn new() -> TestEnv {
        TestEnv::in_dir(&std::env::temp_dir())
    }

    /// Like [`TestEnv::new`], with the temp directory made inside `parent`: snapshot tests pass a fixed
    /// parent so every path, and so every column padded to a path's width, has the same length on each run.
    pub fn in_dir(parent: &Path) -> TestEnv {
        let dir = tempfile::Builder::new()
            .prefix("git-multi-test")
            .tempdir_in(parent)
            .expect("temp dir");
        let root = dir.path().canonicalize().unwrap();
        let home = root.join("home");
        std::fs::create_dir_all(&home).unwrap();
        std::fs::write(
            home.join(".gitconfig"),
            "[user]\n\tname = Test User\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n[maintenance]\n\tauto = false\n[gc]\n\tauto = 0\n",
        )
        .unwrap();
        let mark = format!(
            "{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let env = TestEnv {
            work: root.join("work"),
            root,
            home,
            _dir: dir,
            mark,
            extra_env: HashMap::new(),
        };
        env.git_in(&env.root, ["init", "-q", "work"]);
        env.commit("first");
        env
    }

    /// A variable every later command of this environment gets (e.g. GIT_SSH_COMMAND).
    pub fn set_env(&mut self, key: &str, value: &str) {
        self.extra_env.insert(key.to_string(), value.to_string());
    }

    /// A command with the hermetic environment and nothing inherited but PATH.
    pub fn command(&self, program: impl AsRef<OsStr>, dir: &Path) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.home.join(".gitconfig"))
            .env("LC_ALL", "C")
            .env("TZ", "UTC")
            .env("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z")
            .env("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_MULTI_TEST_MARK", &self.mark)
            .stdin(Stdio::null());
        for (key, value) in &self.extra_env {
            command.env(key, value);
        }
        command
    }

    /// Runs the real `git-multi` in the work repository.
    pub fn multi<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.multi_in(&self.work, args)
    }

    /// Runs the real `git-multi` in the work repository with `input` on stdin.
    pub fn multi_with_stdin(&self, args: &[&str], input: &str) -> Run {
        let mut command = self.command(env!("CARGO_BIN_EXE_git-multi"), &self.work);
        command.args(args);
        Run::with_input(command, Some(input))
    }

    /// git-multi started with `args` in the work tree, its stdout and stderr piped, not waited for (a test
    /// that interrupts it, or reads it as it goes).
    pub fn spawn_multi(&self, args: &[&str]) -> std::process::Child {
        self.command(env!("CARGO_BIN_EXE_git-multi"), &self.work)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }

    pub fn multi_in<I, S>(&self, dir: &Path, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let output = self
            .command(env!("CARGO_BIN_EXE_git-multi"), dir)
            .args(args)
            .output()
            .expect("run git-multi");
        Run::from(output)
    }

    /// Runs `git multi …` the way users do: git finds `git-multi` on PATH.
    pub fn git_multi_in<I, S>(&self, dir: &Path, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_git-multi"))
            .parent()
            .unwrap()
            .to_path_buf();
        let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .unwrap();
        let output = self
            .command("git", dir)
            .env("PATH", path)
            .args(args)
            .output()
            .expect("run git");
        Run::from(output)
    }

    /// Runs git in `dir` and panics unless it succeeds; returns stdout.
    #[track_caller]
    pub fn git_in<I, S>(&self, dir: &Path, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let run = self.try_git_in(dir, args);
        assert_eq!(
            run.code,
            0,
            "git failed in {}:\n{}{}",
            dir.display(),
            run.stdout,
            run.stderr
        );
        run.stdout
    }

    pub fn try_git_in<I, S>(&self, dir: &Path, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Run::from(
            self.command("git", dir)
                .args(args)
                .output()
                .expect("run git"),
        )
    }

    /// Runs git in `dir` with `input` on its stdin and panics unless it succeeds; returns stdout.
    #[track_caller]
    pub fn git_with_input(&self, dir: &Path, args: &[&str], input: &str) -> String {
        let mut git = self.command("git", dir);
        git.args(args);
        Run::with_input(git, Some(input)).expect_code(0).stdout
    }

    /// git in the work repository.
    #[track_caller]
    pub fn git<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.git_in(&self.work, args)
    }

    /// A new commit touching a file named after `message`.
    pub fn commit(&self, message: &str) -> String {
        std::fs::write(self.work.join(format!("{message}.txt")), message).unwrap();
        self.git(["add", "-A"]);
        self.git(["commit", "-q", "-m", message]);
        self.git(["rev-parse", "HEAD"]).trim().to_string()
    }

    /// An empty bare repository at `<root>/hosts/<name>` (a local "host").
    pub fn bare(&self, name: &str) -> PathBuf {
        let path = self.root.join("hosts").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        self.git_in(
            &self.root,
            [
                OsStr::new("init"),
                OsStr::new("-q"),
                OsStr::new("--bare"),
                path.as_os_str(),
            ],
        );
        path
    }

    /// A bare repository `hosts/<name>` for each of `names`; answers the `hosts` directory (what the test
    /// servers serve).
    pub fn bares(&self, names: &[&str]) -> PathBuf {
        for name in names {
            self.bare(name);
        }
        self.root.join("hosts")
    }

    pub fn config_bytes(&self) -> Vec<u8> {
        std::fs::read(self.work.join(".git/config")).unwrap()
    }

    /// Processes still alive that were started by this environment's commands (found by the mark).
    pub fn leftover_processes(&self) -> Vec<String> {
        let needle = format!("GIT_MULTI_TEST_MARK={}", self.mark);
        let mut found = Vec::new();
        // An unreadable /proc would make every "nothing left running" check pass without looking.
        let proc = std::fs::read_dir("/proc").expect("/proc lists the processes to check");
        for entry in proc.flatten() {
            let Ok(environ) = std::fs::read(entry.path().join("environ")) else {
                continue;
            };
            if environ
                .split(|&b| b == 0)
                .any(|var| var == needle.as_bytes())
            {
                let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
                found.push(String::from_utf8_lossy(&cmdline).replace('\0', " "));
            }
        }
        found
    }

    /// Someone else pushes a commit to the bare repository `hosts/<host>.git` (its `main`), writing `file`
    /// with `content` when given; returns the new commit's id.
    pub fn commit_elsewhere(
        &self,
        host: &str,
        message: &str,
        file: Option<(&str, &str)>,
    ) -> String {
        let bare = self.root.join(format!("hosts/{host}.git"));
        let clone = self.clone_of(&bare, &format!("elsewhere-{host}-{message}"), &[]);
        match file {
            Some((name, content)) => {
                std::fs::write(clone.join(name), content).unwrap();
                self.git_in(&clone, ["add", "-A"]);
                self.git_in(&clone, ["commit", "-q", "-m", message]);
            }
            None => {
                self.git_in(&clone, ["commit", "-q", "--allow-empty", "-m", message]);
            }
        }
        self.git_in(&clone, ["push", "-q", "origin", "HEAD:main"]);
        self.git_in(&clone, ["rev-parse", "HEAD"])
            .trim()
            .to_string()
    }

    /// The tips saved for `remote`'s ref `name` (e.g. `heads/main`), oldest backup event first: backups live at
    /// `refs/multi/backup/<remote>/<event>/<name>`.
    pub fn backups_of(&self, remote: &str, name: &str) -> Vec<String> {
        let listing = self.git([
            "for-each-ref",
            "--format=%(objectname) %(refname)",
            &format!("refs/multi/backup/{remote}/"),
        ]);
        let suffix = format!("/{name}");
        let prefix = format!("refs/multi/backup/{remote}/");
        listing
            .lines()
            .filter_map(|l| l.split_once(' '))
            .filter(|(_, refname)| {
                refname
                    .strip_prefix(&prefix)
                    .and_then(|rest| rest.split_once('/'))
                    .is_some_and(|(_, rest)| format!("/{rest}") == suffix)
            })
            .map(|(oid, _)| oid.to_string())
            .collect()
    }

    pub fn read_config(&self, key: &str) -> Option<String> {
        let run = self.try_git_in(&self.work, ["config", "--get", key]);
        (run.code == 0).then(|| run.stdout.trim_end().to_string())
    }
}

/// The names of the remotes a `--json` answer lists, in its order.
pub fn remote_names(json: &serde_json::Value) -> Vec<String> {
    json["remotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

/// The entry of ref `r` in the `refs` list of `json` (a remote's outcome, a status answer).
#[track_caller]
pub fn ref_entry<'a>(json: &'a serde_json::Value, r: &str) -> &'a serde_json::Value {
    json["refs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["ref"] == r)
        .unwrap_or_else(|| panic!("no {r} in {json}"))
}

/// The entry for remote `name` in an outcome document (`{"remotes": [{"name": …}, …]}`).
#[track_caller]
pub fn outcome<'a>(json: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    json["remotes"]
        .as_array()
        .unwrap_or_else(|| panic!("no remotes in {json}"))
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {json}"))
}

/// What the repository at `dir` has at `name` (a ref or any revision), `None` when it has no such thing.
pub fn tip(env: &TestEnv, dir: &Path, name: &str) -> Option<String> {
    let run = env.try_git_in(dir, ["rev-parse", "--verify", "-q", name]);
    (run.code == 0).then(|| run.stdout.trim().to_string())
}

/// `refname -> oid` of every ref of the repository at `dir` under `patterns` (every ref when empty), as
/// `for-each-ref` lists them (a bare repository's are what it advertises, `HEAD` left out).
pub fn refs(
    env: &TestEnv,
    dir: &Path,
    patterns: &[&str],
) -> std::collections::BTreeMap<String, String> {
    let mut args = vec!["for-each-ref", "--format=%(refname) %(objectname)"];
    args.extend_from_slice(patterns);
    env.git_in(dir, args)
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(n, o)| (n.to_string(), o.to_string()))
        .collect()
}

impl TestEnv {
    /// Bare repositories `hosts/<name>.git`, each added as member `<name>`; returns their paths.
    pub fn add_local_remotes(&self, names: &[&str]) -> Vec<PathBuf> {
        names
            .iter()
            .map(|name| {
                let path = self.bare(&format!("{name}.git"));
                self.multi(["remote", "add", name, path.to_str().unwrap()])
                    .expect_code(0);
                path
            })
            .collect()
    }
}

impl TestEnv {
    /// A commit on top of `repo`'s `branch`, made in a throw-away clone and pushed there: history this work
    /// repository never had. Returns the commit.
    pub fn push_foreign(&self, repo: &Path, branch: &str, message: &str) -> String {
        let clone = self.clone_of(repo, &format!("foreign-{message}"), &[]);
        let upstream = format!("origin/{branch}");
        self.git_in(&clone, ["checkout", "-q", "-B", branch, &upstream]);
        self.git_in(&clone, ["commit", "-q", "--allow-empty", "-m", message]);
        self.git_in(&clone, ["push", "-q", "origin", branch]);
        let oid = self
            .git_in(&clone, ["rev-parse", "HEAD"])
            .trim()
            .to_string();
        std::fs::remove_dir_all(&clone).unwrap();
        oid
    }
}

impl TestEnv {
    /// Someone else's clone of `host` at `<root>/<name>`, with every ref under each of `namespaces` (e.g.
    /// `refs/notes`) fetched as well; git's clone carries only branches and tags.
    pub fn clone_of(&self, host: &Path, name: &str, namespaces: &[&str]) -> PathBuf {
        let dir = self.root.join(name);
        self.git_in(
            &self.root,
            ["clone", "-q", host.to_str().unwrap(), dir.to_str().unwrap()],
        );
        for namespace in namespaces {
            self.git_in(
                &dir,
                [
                    "fetch",
                    "-q",
                    "origin",
                    &format!("+{namespace}/*:{namespace}/*"),
                ],
            );
        }
        dir
    }
}

impl TestEnv {
    /// Member `name` on a bare repository `hosts/<name>.git` whose pre-receive hook is `script` (a server
    /// that refuses, or talks, as the test needs); returns the repository.
    pub fn add_hooked_remote(&self, name: &str, script: &str) -> PathBuf {
        let bare = self.bare(&format!("{name}.git"));
        write_script(&bare.join("hooks/pre-receive"), script);
        self.multi(["remote", "add", name, bare.to_str().unwrap()])
            .expect_code(0);
        bare
    }
}

/// Writes an executable script (hooks, stand-ins for tools): `text` with its `#!` line, mode 755.
pub fn write_script(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

impl TestEnv {
    /// Member `name` for `path` (`owner/repo`; the owner may hold slashes, as GitLab groups do) on a `provider`
    /// host whose API is at `api_url`; `extra` flags follow. Answers the `remote add` run.
    pub fn add_on_api(
        &self,
        name: &str,
        provider: &str,
        path: &str,
        api_url: &str,
        extra: &[&str],
    ) -> Run {
        let (owner, repo) = path.rsplit_once('/').unwrap();
        let mut args = vec![
            "remote",
            "add",
            name,
            "--provider",
            provider,
            "--owner",
            owner,
            "--repo",
            repo,
            "--api-url",
            api_url,
        ];
        args.extend_from_slice(extra);
        self.multi(args).expect_code(0)
    }
}
