//! `git multi doctor`: what git-multi can tell about this machine and repository, each finding `ok`, `warn`
//! or `fail` with a one-line detail and the command that fixes it. git and the features its version enables;
//! the configuration's values; the set and `remotes.multi`; for each member its URL, whether it answers
//! (`ls-remote`, all members at once), the credential helper or ssh key git would use, and its host API with
//! where the token comes from (never the token); the OS keyring; hooks and schedules git-multi installed.
//! Exit 1 when any check fails. Works outside a repository too (then only the machine is checked).

use std::path::{Path, PathBuf};

use clap::Args;

use crate::auth;
use crate::cmd::common::ParallelArgs;
use crate::config;
use crate::error::{Exit, Result};
use crate::events::Quiet;
use crate::git::{ConfigEntry, Git, GitError, FEATURES};
use crate::model::Check;
use crate::model::Outcome;
use crate::remote_set::{Member, RemoteSet};
use crate::report;
use crate::runner::{connection_cap, Job, Pool};
use crate::url::{self, Transport, UrlError};

/// Check git, the configuration, every remote, tokens, the keyring, hooks and schedules
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Print one JSON document instead of a list
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

pub fn run(args: &DoctorArgs) -> Result<Exit> {
    let mut checks = Vec::new();
    match Git::locate() {
        Ok(git) => {
            checks.push(Check::ok(
                "git",
                format!("git {} ({})", git.version(), git.exe().display()),
            ));
            checks.extend(features(&git));
            checks.extend(repository(&git, args)?);
        }
        Err(err) => {
            let hint = match err {
                GitError::TooOld { .. } => "upgrade git; `git --version` shows the one on PATH",
                _ => "install git (https://git-scm.com) and make sure it is on PATH",
            };
            checks.push(Check::fail("git", err.to_string(), hint));
        }
    }
    checks.push(keyring());
    checks.push(on_path());
    report::doctor::show(&checks, args.json);
    Ok(if crate::model::check::passed(&checks) {
        Exit::Success
    } else {
        Exit::Failure
    })
}

fn features(git: &Git) -> Vec<Check> {
    FEATURES
        .iter()
        .map(|f| {
            let name = format!("git.{}", f.id);
            if git.version() >= f.since {
                Check::ok(
                    name,
                    format!("{} available (git {}+): {}", f.name, f.since, f.use_),
                )
            } else {
                Check::warn(
                    name,
                    format!(
                        "{} needs git {} (this is {}), so git-multi does without: {}",
                        f.name,
                        f.since,
                        git.version(),
                        f.use_
                    ),
                    format!("upgrade git to {} or newer", f.since),
                )
            }
        })
        .collect()
}

/// Everything that needs a repository; outside one, a single `repository` finding.
fn repository(git: &Git, args: &DoctorArgs) -> Result<Vec<Check>> {
    let git_dir = match git.git_dir() {
        Ok(dir) => dir,
        Err(err) => {
            let detail = err
                .stderr()
                .map(crate::git::failure_summary)
                .unwrap_or_else(|| err.to_string());
            return Ok(vec![Check::warn(
                "repository",
                format!("not inside a git repository ({detail}); only the machine was checked"),
                "run `git multi doctor` inside the repository to check its remotes",
            )]);
        }
    };
    let mut checks = vec![Check::ok("repository", git_dir.display().to_string())];
    let entries = git.config_entries(r"^(remote|remotes|multi)\.")?;
    let (config_checks, usable) = configuration(&entries);
    checks.extend(config_checks);
    // Bad values are reported above; the rest of the checks work on what is left.
    let set = RemoteSet::from_entries(&usable).unwrap_or_default();
    checks.extend(set_checks(git, &set)?);

    let budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_PROBE_TIMEOUT)?;
    let members: Vec<&Member> = set.members.iter().collect();
    // The pool directly, not FanOut: a member without a git remote is one of the things the doctor examines,
    // where FanOut would only report it as missing.
    let pool = Pool::new(&set.settings, args.parallel.jobs, members.len().max(1));
    let per_member = pool.run(
        &members,
        |m| connection_cap(m),
        |m| member_checks(git, &Job::new(m, budget, &Quiet)),
    );
    for found in per_member {
        checks.extend(found);
    }
    checks.push(lock_files(git, &git_dir, &set));
    checks.push(hooks(git));
    if let Some(why) = crate::ops::lfs::lfs_hooks_missing(git) {
        checks.push(Check::warn(
            "lfs",
            why,
            "run `git lfs install --local`; with git-multi's pre-push hook installed, `git multi hook remove pre-push` first and `git multi hook install pre-push` after, so it chains git-lfs's",
        ));
    }
    checks.push(schedules());
    Ok(checks)
}

/// Every `multi.*` value checked against the key table; the entries that passed, for the other checks.
fn configuration(entries: &[ConfigEntry]) -> (Vec<Check>, Vec<ConfigEntry>) {
    let mut checks = Vec::new();
    let mut usable = Vec::new();
    let mut known = 0;
    let mut namespaces: Vec<config::Namespace> = Vec::new();
    for entry in entries {
        if entry.section() != config::SECTION {
            usable.push(entry.clone());
            continue;
        }
        if config::lookup(&entry.key).is_none() {
            checks.push(Check::warn(
                "config",
                format!("{}: not a key git-multi knows; it is ignored", entry.key),
                format!(
                    "`git multi config list` shows the keys; remove it with `git config --unset {}`",
                    entry.key
                ),
            ));
            usable.push(entry.clone());
            continue;
        }
        known += 1;
        let is_refs = entry.key.eq_ignore_ascii_case(config::REFS);
        let found = config::check_entry(entry).and_then(|()| {
            if !is_refs {
                return Ok(());
            }
            // Each value is fine on its own; two that share refs are not (see `refs add`).
            let namespace = config::Namespace::parse(entry.value.as_deref().unwrap_or(""))?;
            namespaces.retain(|n: &config::Namespace| n.pattern != namespace.pattern);
            match namespaces.iter().find(|n| n.overlaps_with(&namespace)) {
                Some(existing) => Err(config::overlap_problem(&namespace, existing)),
                None => {
                    namespaces.push(namespace);
                    Ok(())
                }
            }
        });
        match found {
            Ok(()) => usable.push(entry.clone()),
            Err(problem) if is_refs => checks.push(Check::fail(
                "config",
                problem,
                config::fix_hint(&entry.key, entry.value.as_deref()),
            )),
            Err(problem) => checks.push(Check::fail(
                "config",
                problem,
                format!(
                    "`git multi config set {} <value>`, or `git multi config unset {}`",
                    entry.key, entry.key
                ),
            )),
        }
    }
    if checks.is_empty() {
        checks.push(Check::ok(
            "config",
            format!("{known} git-multi value(s), all valid"),
        ));
    }
    (checks, usable)
}

/// The set itself and whether `remotes.multi` says what the `[multi "<name>"]` sections say.
fn set_checks(git: &Git, set: &RemoteSet) -> Result<Vec<Check>> {
    let mut checks = Vec::new();
    let enabled: Vec<&str> = set
        .members
        .iter()
        .filter(|m| m.enabled)
        .map(|m| m.name.as_str())
        .collect();
    if set.members.is_empty() {
        checks.push(Check::warn(
            "set",
            "the remote set has no members",
            "add one with `git multi remote add <name> <url>`, or adopt the existing remotes with `git multi init --import`",
        ));
    } else {
        checks.push(Check::ok(
            "set",
            format!(
                "{} member(s), {} enabled: {}",
                set.members.len(),
                enabled.len(),
                set.members
                    .iter()
                    .map(|m| m.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let group = git.config_get(config::GROUP_KEY)?;
    // A one-member group is written twice (see `remote_set::group_value`): each name counts once.
    let mut listed: Vec<&str> = Vec::new();
    for name in group
        .as_deref()
        .map(str::split_whitespace)
        .into_iter()
        .flatten()
    {
        if !listed.contains(&name) {
            listed.push(name);
        }
    }
    let fix = "`git multi init` rewrites it from the members";
    match &group {
        None if set.members.is_empty() => {}
        None => checks.push(Check::fail(
            "set.group",
            format!(
                "{} is missing, so `git fetch multi` fetches nothing",
                config::GROUP_KEY
            ),
            fix,
        )),
        Some(_) if listed == enabled => checks.push(Check::ok(
            "set.group",
            format!("{} lists the enabled members", config::GROUP_KEY),
        )),
        Some(value) => checks.push(Check::fail(
            "set.group",
            format!(
                "{} says `{value}` but the enabled members are `{}`",
                config::GROUP_KEY,
                enabled.join(" ")
            ),
            fix,
        )),
    }
    Ok(checks)
}

/// One member: its URL, whether it answers, what git would authenticate with, its host API.
/// Lock files git left behind, here and in every remote that is a repository on this machine: each blocks the
/// updates of its ref (or of the index, or the config) until it is removed.
fn lock_files(git: &Git, git_dir: &Path, set: &RemoteSet) -> Check {
    let mut dirs: Vec<PathBuf> = vec![git_dir.to_path_buf()];
    if let Ok(common) = git.common_dir() {
        if common != git_dir {
            dirs.push(common);
        }
    }
    for m in &set.members {
        let parsed = m.url.as_deref().and_then(|u| url::parse(u, |_| true).ok());
        if let Some(parsed) =
            parsed.filter(|p| matches!(p.transport, Transport::Local | Transport::File))
        {
            let path = PathBuf::from(&parsed.path);
            let repo = if path.join(".git").is_dir() {
                path.join(".git")
            } else {
                path
            };
            if repo.join("HEAD").is_file() {
                dirs.push(repo);
            }
        }
    }
    let stale: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| crate::stale_locks::stale(d))
        .collect();
    if stale.is_empty() {
        return Check::ok("locks", "no lock file left behind by git");
    }
    let shown: Vec<String> = stale.iter().map(|p| p.display().to_string()).collect();
    let words: Vec<String> = shown
        .iter()
        .map(|p| crate::quote::word(p).into_owned())
        .collect();
    Check::fail(
        "locks",
        format!(
            "{} lock file{} older than {} minutes with no git running there: {}",
            stale.len(),
            if stale.len() == 1 { "" } else { "s" },
            crate::stale_locks::STALE_AFTER.as_secs() / 60,
            shown.join(", ")
        ),
        format!(
            "a git that crashed or was killed left them, and each blocks updates until it is gone: `rm {}`",
            words.join(" ")
        ),
    )
}

fn member_checks(git: &Git, job: &Job) -> Vec<Check> {
    let m = job.member;
    let name = |what: &str| format!("remote.{}.{what}", m.name);
    let Some(raw) = m.url.as_deref() else {
        return vec![Check::fail(
            name("url"),
            format!(
                "[multi \"{}\"] has no git remote (no remote.{}.url)",
                m.name, m.name
            ),
            format!(
                "give it a URL with `git multi remote set-url {} <url>`, or drop it with `git multi remote remove {}`",
                m.name, m.name
            ),
        )];
    };
    let parsed = match url::parse(raw, |scheme| git.remote_helper_installed(scheme)) {
        Ok(parsed) => parsed,
        Err(UrlError::EmbeddedSecret) => {
            return vec![Check::fail(
                name("url"),
                "the URL holds a password or token in plain text in .git/config",
                format!(
                    "move the secret to a credential helper and run `git multi remote set-url {} <url-without-it>`",
                    m.name
                ),
            )]
        }
        Err(err) => {
            return vec![Check::fail(
                name("url"),
                format!("`{raw}` is not a URL git can use: {err}"),
                format!("fix it with `git multi remote set-url {} <url>`", m.name),
            )]
        }
    };
    let mut checks = vec![Check::ok(
        name("url"),
        format!(
            "{raw} ({}{})",
            parsed.transport,
            if m.enabled { "" } else { ", disabled" }
        ),
    )];

    let probe = job.git(|left, _| git.ls_remote(&m.name, Some(left))).result;
    let auth_trouble = match &probe {
        Ok(refs) => {
            let count = crate::git::direct_refs(refs).len();
            checks.push(Check::ok(
                name("reachable"),
                match crate::git::head_branch(refs) {
                    Some(head) => format!("{count} ref(s), HEAD -> {head}"),
                    None if count == 0 => "reachable, empty repository".to_string(),
                    None => format!("{count} ref(s)"),
                },
            ));
            false
        }
        Err(err) => {
            let outcome: Outcome<()> = job.failure(err, ());
            let hint = report::hint_for(&outcome).unwrap_or_else(|| {
                format!(
                    "`git ls-remote {}` shows git's own words; fix the URL with `git multi remote set-url {} <url>`",
                    m.name, m.name
                )
            });
            let detail = format!(
                "{}: {}",
                outcome.status.as_str(),
                outcome.error.clone().unwrap_or_default()
            );
            checks.push(if m.enabled {
                Check::fail(name("reachable"), detail, hint)
            } else {
                Check::warn(name("reachable"), format!("{detail} (disabled)"), hint)
            });
            matches!(
                outcome.reason,
                Some(crate::git::FailureKind::AuthFailed | crate::git::FailureKind::AuthRequired)
            )
        }
    };
    checks.push(credentials(git, m, raw, &parsed, auth_trouble));
    checks.push(api(git, job));
    checks.push(backups(git, m));
    checks
}

/// What git would authenticate with: the credential helpers that apply to an http(s) URL, or the ssh key.
fn credentials(
    git: &Git,
    m: &Member,
    raw: &str,
    parsed: &url::RemoteUrl,
    auth_trouble: bool,
) -> Check {
    let name = format!("remote.{}.credentials", m.name);
    match &parsed.transport {
        Transport::Http | Transport::Https => {
            let mut helpers = git.config_get_all("credential.helper").unwrap_or_default();
            if let Ok(Some(specific)) = git.config_get_urlmatch("credential.helper", raw) {
                helpers.push(specific);
            }
            let shown = helper_names(&helpers);
            if shown.is_empty() {
                let hint = "configure one, e.g. `git config --global credential.helper store` (or your OS helper: libsecret, osxkeychain, manager)";
                if auth_trouble {
                    Check::fail(
                        name,
                        "no credential helper, and the host wants credentials",
                        hint,
                    )
                } else {
                    Check::ok(name, "no credential helper configured (none needed so far)")
                        .with_hint(hint)
                }
            } else if auth_trouble {
                Check::fail(
                    name,
                    format!("credential helper {} gives credentials the host refuses", shown.join(", ")),
                    "update the password or token that helper holds for this host (for `store`: edit ~/.git-credentials)",
                )
            } else {
                Check::ok(name, format!("credential helper: {}", shown.join(", ")))
            }
        }
        Transport::Ssh => ssh_key(git, parsed, auth_trouble, name),
        Transport::Helper(helper) => Check::ok(name, format!("handled by git-remote-{helper}")),
        other => Check::ok(name, format!("none needed ({other})")),
    }
}

/// Helpers as safe to show: the helper's name, never its arguments (a shell helper may spell out a
/// password). An empty value clears the list before it, as in git.
fn helper_names(values: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for value in values {
        let value = value.trim();
        if value.is_empty() {
            names.clear();
            continue;
        }
        let shown = if value.starts_with('!') {
            "a shell command (!…)".to_string()
        } else {
            let program = value.split_whitespace().next().unwrap_or(value);
            Path::new(program)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| program.to_string())
        };
        if !names.contains(&shown) {
            names.push(shown);
        }
    }
    names
}

/// The ssh command git would run and the key it would offer.
fn ssh_key(git: &Git, parsed: &url::RemoteUrl, auth_trouble: bool, name: String) -> Check {
    let (command, source) = match std::env::var("GIT_SSH_COMMAND")
        .ok()
        .filter(|c| !c.is_empty())
    {
        Some(command) => (Some(command), "GIT_SSH_COMMAND"),
        None => match git.config_get("core.sshCommand").ok().flatten() {
            Some(command) => (Some(command), "core.sshCommand"),
            None => match std::env::var("GIT_SSH").ok().filter(|c| !c.is_empty()) {
                Some(program) => (Some(program), "GIT_SSH"),
                None => (None, "ssh"),
            },
        },
    };
    let host = parsed.host.clone().unwrap_or_default();
    let view = match crate::system::ssh_view(
        command.as_deref(),
        &host,
        parsed.port,
        parsed.user.as_deref(),
    ) {
        Ok(view) => view,
        Err(why) => {
            return Check::warn(
                name,
                format!("cannot tell which key {source} uses: {why}"),
                format!("`ssh -T {host}` shows whether a key is accepted"),
            )
        }
    };
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let existing: Vec<String> = view
        .identity_files
        .iter()
        .filter(|f| {
            let path = match (f.strip_prefix("~/"), &home) {
                (Some(rest), Some(home)) => home.join(rest),
                _ => PathBuf::from(f.as_str()),
            };
            path.is_file()
        })
        .cloned()
        .collect();
    let agent = std::env::var_os("SSH_AUTH_SOCK").is_some_and(|s| !s.is_empty());
    let user = view.user.clone().unwrap_or_default();
    let port = view.port.clone().unwrap_or_else(|| "22".into());
    let mut offers: Vec<String> = existing.clone();
    if agent && !view.identities_only {
        offers.push("keys in ssh-agent".into());
    }
    if offers.is_empty() {
        return Check::warn(
            name,
            format!("{source} has no key to offer {user}@{host}:{port} (no key file found, no ssh-agent)"),
            "create a key with `ssh-keygen -t ed25519` and add its .pub to the host, or start ssh-agent and `ssh-add`",
        );
    }
    let detail = format!(
        "{source} offers {} to {user}@{host}:{port}",
        offers.join(", ")
    );
    if auth_trouble {
        Check::fail(
            name,
            format!("{detail}, and the host refuses"),
            format!("add the public key to your account on {host}, or point git at the right one with core.sshCommand"),
        )
    } else {
        Check::ok(name, detail)
    }
}

/// The member's host API and its token: where it comes from and what the host says about it.
fn api(git: &Git, job: &Job) -> Check {
    let m = job.member;
    let name = format!("remote.{}.api", m.name);
    let (kind, _) = m.provider();
    let host = match crate::provider::for_member(git, m, job.deadline) {
        Ok(host) => host,
        Err(_) => {
            return Check::ok(
                name,
                format!("provider {kind}: no host API (git transport only)"),
            )
        }
    };
    let api_url = host.target.api_url.clone();
    let login_hint = format!("`git multi auth login {}`", host.target.host);
    let Some(source) = host.source.clone() else {
        return Check::warn(
            name,
            format!("provider {kind}, API {api_url}: no token (create, branch protect and webhook need one)"),
            login_hint,
        );
    };
    match host.api.repositories().whoami() {
        Ok(me) => {
            let mut detail = format!(
                "provider {kind}, API {api_url}: token from {source}, logged in as {}",
                me.login
            );
            if let Some(scopes) = me.scopes {
                detail.push_str(&format!(
                    ", scopes: {}",
                    if scopes.is_empty() {
                        "none".into()
                    } else {
                        scopes.join(",")
                    }
                ));
            }
            Check::ok(name, detail)
        }
        Err(err) if err.is_auth() => Check::fail(
            name,
            format!("provider {kind}, API {api_url}: the token from {source} is refused: {err}"),
            login_hint,
        ),
        Err(err) => Check::warn(
            name,
            format!("provider {kind}, API {api_url}: {err}"),
            err.hint().unwrap_or_else(|| {
                format!(
                    "check the API URL with `git multi config get multi.{}.apiUrl`",
                    m.name
                )
            }),
        ),
    }
}

/// How many overwritten or deleted tips of the member are kept under `refs/multi/backup/<remote>/`.
fn backups(git: &Git, m: &Member) -> Check {
    let name = format!("remote.{}.backups", m.name);
    let prefix = crate::git::refname::backup_prefix(&m.name);
    match git.refs(&[&prefix]) {
        Ok(refs) if refs.is_empty() => Check::ok(name, "no saved tips"),
        Ok(refs) => Check::ok(
            name,
            format!(
                "{} saved tip(s) under {prefix} (`git multi log` says which command saved them)",
                refs.len()
            ),
        ),
        Err(err) => Check::warn(
            name,
            format!("cannot list {prefix}: {err}"),
            "`git for-each-ref refs/multi/backup/` shows what git says",
        ),
    }
}

fn keyring() -> Check {
    let backend = auth::keyring_backend();
    match auth::keyring_probe() {
        Ok(()) => Check::ok("keyring", format!("{backend} answers")),
        Err(problem) => Check::warn(
            "keyring",
            format!("{backend}: {problem}"),
            "tokens can still come from GIT_MULTI_<PROVIDER>_TOKEN or a git credential helper; for the keyring start a Secret Service (e.g. gnome-keyring-daemon) in your session",
        ),
    }
}

fn on_path() -> Check {
    match which::which("git-multi") {
        Ok(path) => Check::ok("path", format!("git-multi is {}", path.display())),
        Err(_) => Check::warn(
            "path",
            "git-multi is not on PATH, so `git multi` cannot find it",
            "put the directory holding git-multi on PATH (`cargo install --path .` puts it in ~/.cargo/bin)",
        ),
    }
}

/// Hooks git-multi installed: hook files mentioning git-multi in core.hooksPath or the repository's hooks
/// directory. Hooks that would not run (not executable) are reported.
fn hooks(git: &Git) -> Check {
    let dir = match git.config_get("core.hooksPath").ok().flatten() {
        Some(path) => {
            let path = PathBuf::from(path);
            if path.is_absolute() {
                path
            } else {
                git.toplevel().unwrap_or_default().join(path)
            }
        }
        None => match git.common_dir() {
            Ok(dir) => dir.join("hooks"),
            Err(_) => return Check::ok("hooks", "no hooks directory"),
        },
    };
    let mut installed = Vec::new();
    let mut not_runnable = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.ends_with(".sample") || !path.is_file() {
            continue;
        }
        let text = std::fs::read(&path).unwrap_or_default();
        let text = String::from_utf8_lossy(&text);
        if !(text.contains("git-multi") || text.contains("git multi")) {
            continue;
        }
        if is_executable(&path) {
            installed.push(file_name);
        } else {
            not_runnable.push(file_name);
        }
    }
    installed.sort();
    not_runnable.sort();
    if !not_runnable.is_empty() {
        return Check::warn(
            "hooks",
            format!(
                "git-multi hook(s) in {} that git will not run (not executable): {}",
                dir.display(),
                not_runnable.join(", ")
            ),
            format!(
                "`chmod +x` them, or install again with `git multi hook install {}`",
                not_runnable[0]
            ),
        );
    }
    if installed.is_empty() {
        Check::ok("hooks", "no git-multi hooks installed")
    } else {
        Check::ok(
            "hooks",
            format!(
                "git-multi runs from: {} ({})",
                installed.join(", "),
                dir.display()
            ),
        )
    }
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// Schedules git-multi installed: systemd user units named `git-multi-*` and crontab lines mentioning it.
fn schedules() -> Check {
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    let mut units: Vec<String> = config_home
        .map(|home| home.join("systemd").join("user"))
        .and_then(|dir| std::fs::read_dir(dir).ok())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("git-multi-"))
        .collect();
    units.sort();
    let cron = crate::system::crontab_lines().unwrap_or_default();
    if units.is_empty() && cron.is_empty() {
        return Check::ok("schedule", "no git-multi schedules installed");
    }
    let mut parts = Vec::new();
    if !units.is_empty() {
        parts.push(format!("systemd user units {}", units.join(", ")));
    }
    if !cron.is_empty() {
        parts.push(format!("{} crontab line(s)", cron.len()));
    }
    Check::ok("schedule", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::check::CheckStatus;

    #[test]
    fn helpers_are_shown_by_name_only() {
        let values = [
            "cache --timeout=300".to_string(),
            "!f() { echo username=alice; echo password=s3cret; }; f".to_string(),
            "/usr/lib/git-core/git-credential-libsecret".to_string(),
        ];
        let shown = helper_names(&values).join(" ");
        assert_eq!(shown, "cache a shell command (!…) git-credential-libsecret");
        assert!(!shown.contains("s3cret"));
        // An empty value resets the list, as git does.
        assert_eq!(
            helper_names(&["store".into(), String::new(), "cache".into()]),
            ["cache"]
        );
    }

    #[test]
    fn bad_values_fail_and_unknown_keys_warn() {
        let entry = |k: &str, v: &str| ConfigEntry {
            key: k.into(),
            value: Some(v.into()),
        };
        let (checks, usable) = configuration(&[
            entry("multi.jobs", "abc"),
            entry("multi.frobnicate", "1"),
            entry("multi.a.enabled", "true"),
            entry("remote.a.url", "/srv/a.git"),
        ]);
        let statuses: Vec<CheckStatus> = checks.iter().map(|c| c.status).collect();
        assert_eq!(statuses, [CheckStatus::Fail, CheckStatus::Warn]);
        assert!(checks[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("git multi config"));
        assert_eq!(usable.len(), 3);
    }
}
