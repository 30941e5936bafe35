//! The audit log: one JSON line in `.git/multi/log` for every git-multi command that changed a remote or the
//! remote set — when (UTC), the command line with secrets removed, and for each remote and ref the old and new
//! tip and the backup ref that keeps the old one. `git multi log` shows it and `git multi undo` reads it.
//!
//! A command records itself after it ran, with one call:
//!
//! - `audit::record(&ctx.git, "push", &report)` for a `Report<D>` whose detail says which refs it changed
//!   ([`Audited`]; `PushDetail` and `FetchDetail` are);
//! - `audit::record_set(&ctx.git, "remote add", &before)` after changing the set (`before` is the
//!   `RemoteSet` loaded at the start; the difference to the set now is what gets logged);
//! - [`Record`] to combine both or to add `undoes`.
//!
//! Nothing is written when nothing changed (a dry run, all up to date, every remote failed). The log is
//! append-only: lines are added under an exclusive lock with one `write` each, so two commands running at once
//! both land whole; past [`ROTATE_AT`] bytes it moves to `log.1` (then `log.2`, …, keeping [`KEEP`]). A failure
//! to write it is a warning: the command's work is done by then and must not be reported as failed.

use std::fs::OpenOptions;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::git::{Git, RefStatus};
use crate::lockfile::Lock;
use crate::model::log::{Entry, RefEntry, RemoteEntry, SetChange};
use crate::model::{FetchDetail, PushDetail};
use crate::model::{Report, Status};
use crate::redact::{redact, register_secret};
use crate::remote_set::{Member, RemoteSet};

/// Refs an entry holds for one remote; beyond this they go to a file of their own beside the log
/// (`multi/refs/<id>`), so a push of 10,000 branches leaves a short log line and a complete undo.
pub const INLINE_REFS: usize = 50;
/// Text a server gave (an error) is kept in an entry up to this many bytes, head and tail.
const ENTRY_TEXT: usize = 8 * 1024;
/// Where entries keep the refs that did not fit (`<dir>/refs/<entry id>`).
const REFS_DIR: &str = "refs";

/// The log's directory under the repository's common git directory, and its file there.
pub const DIR: &str = "multi";
const FILE: &str = "log";
/// The log moves to `log.1` once it is this big…
pub const ROTATE_AT: u64 = 1 << 20;
/// …and this many old logs are kept (`log.1` newest).
pub const KEEP: usize = 3;

/// A per-remote result that can say which refs it changed.
pub trait Audited {
    /// The refs this remote's run changed (created, moved, deleted).
    fn changed_refs(&self) -> Vec<RefEntry>;
    /// Whether the refs are local tracking refs rather than the remote's own.
    fn local(&self) -> bool {
        false
    }
    /// Whether the remote was changed at all, refs or not (`create` makes repositories).
    fn changed(&self) -> bool {
        !self.changed_refs().is_empty()
    }
}

impl Audited for PushDetail {
    fn changed_refs(&self) -> Vec<RefEntry> {
        self.refs
            .iter()
            .filter(|r| {
                matches!(
                    r.status,
                    RefStatus::Updated | RefStatus::Forced | RefStatus::New | RefStatus::Deleted
                )
            })
            .map(|r| RefEntry {
                name: r.name.clone(),
                old: r.old.clone(),
                new: r.new.clone(),
                backup: r.backup.clone(),
            })
            .collect()
    }
}

impl Audited for FetchDetail {
    /// Only pruning destroys anything: the tracking refs that went, and where their tips were saved.
    fn changed_refs(&self) -> Vec<RefEntry> {
        self.backups
            .iter()
            .map(|s| RefEntry {
                name: s.name.clone(),
                old: Some(s.oid.clone()),
                new: None,
                backup: Some(s.backup.clone()),
            })
            .collect()
    }

    fn local(&self) -> bool {
        true
    }
}

/// Logs a command that changed refs on remotes (`push`, `sync`, `fetch --prune`).
pub fn record<D: Audited>(git: &Git, command: &str, report: &Report<D>) {
    Record::new(command).outcomes(report).write(git);
}

/// Logs a change to the remote set: the difference between `before` and the set as it is now.
pub fn record_set(git: &Git, command: &str, before: &RemoteSet) {
    Record::new(command).set_since(git, before).write(git);
}

/// An entry being put together; [`Record::write`] appends it if anything changed.
pub struct Record {
    entry: Entry,
    ok: bool,
    /// A remote changed without a ref moving (`create` makes repositories).
    remote_changed: bool,
}

impl Record {
    pub fn new(command: &str) -> Record {
        Record {
            entry: Entry {
                id: String::new(),
                time: String::new(),
                command: command.to_string(),
                args: command_line(
                    std::env::args_os()
                        .skip(1)
                        .map(|a| a.to_string_lossy().into_owned()),
                ),
                ok: true,
                undoes: None,
                remotes: Vec::new(),
                set: Vec::new(),
            },
            ok: true,
            remote_changed: false,
        }
    }

    /// The command line to log, when it is not this process's own (work the dashboard started).
    pub fn args(mut self, args: &[&str]) -> Record {
        self.entry.args = args.iter().map(|a| a.to_string()).collect();
        self
    }

    /// Every remote of `report` (dry runs left out); the entry counts as a change if any remote changed.
    pub fn outcomes<D: Audited>(mut self, report: &Report<D>) -> Record {
        self.ok &= report.ok;
        for outcome in &report.remotes {
            if outcome.status == Status::DryRun {
                continue;
            }
            self.entry.remotes.push(RemoteEntry {
                name: outcome.name.clone(),
                status: outcome.status.as_str().to_string(),
                error: outcome.error.as_deref().map(shortened),
                local: outcome.detail.local(),
                refs: outcome.detail.changed_refs(),
                refs_total: 0,
            });
            self.remote_changed |= outcome.detail.changed();
        }
        self
    }

    /// What changed in the set since `before` (read again now).
    pub fn set_since(mut self, git: &Git, before: &RemoteSet) -> Record {
        match RemoteSet::load(git) {
            Ok(after) => self.entry.set = set_changes(before, &after),
            Err(err) => crate::events::warning(&format!(
                "the audit log misses this change: could not read the set back ({})",
                err.message
            )),
        }
        self
    }

    /// This entry reverts `id`.
    pub fn undoes(mut self, id: &str) -> Record {
        self.entry.undoes = Some(id.to_string());
        self
    }

    /// Appends the entry when something changed; trouble writing it is a warning, never a failure.
    pub fn write(mut self, git: &Git) {
        let changed = self.remote_changed
            || !self.entry.set.is_empty()
            || self.entry.remotes.iter().any(|r| !r.refs.is_empty());
        if !changed {
            return;
        }
        let now = crate::clock::now_millis();
        self.entry.id = next_id(now);
        self.entry.time = crate::clock::rfc3339(now / 1000);
        self.entry.ok = self.ok;
        let written = log_dir(git).and_then(|dir| {
            let spilled = spill_refs(&mut self.entry);
            if !spilled.is_empty() {
                write_refs(&dir, &self.entry.id, &spilled)?;
            }
            append(&dir, &self.entry)
        });
        if let Err(err) = written {
            crate::events::warning(&format!(
                "could not write the audit log (.git/{DIR}/{FILE}): {err}"
            ));
        }
    }
}

static SEQUENCE: AtomicUsize = AtomicUsize::new(0);

/// `20260101T000000.123Z-4242` (the time to the millisecond, then the process), with `.1`, `.2`, … for
/// further entries of the same process.
fn next_id(now_millis: u64) -> String {
    let second = crate::clock::compact(now_millis / 1000);
    let base = format!(
        "{}.{:03}Z-{}",
        second.trim_end_matches('Z'),
        now_millis % 1000,
        std::process::id()
    );
    match SEQUENCE.fetch_add(1, Ordering::SeqCst) {
        0 => base,
        n => format!("{base}.{n}"),
    }
}

/// Option names whose value is a secret: the value is dropped from the logged command line.
fn secret_option(name: &str) -> bool {
    let name = name.trim_start_matches('-').to_ascii_lowercase();
    ["token", "secret", "password", "passwd", "credential", "auth-header"]
        .iter()
        .any(|word| name.contains(word))
        // Options that say where a secret comes from carry no secret themselves.
        && !name.ends_with("-stdin")
        && !name.ends_with("-file")
        && !name.starts_with("with-")
}

/// A bare argument that is a token: a known token prefix, or a long run of letters and digits of both cases
/// (branch names that long are words joined by `-` or `/`, not random characters).
fn token_shaped(arg: &str) -> bool {
    const PREFIXES: [&str; 7] = [
        "ghp_",
        "gho_",
        "ghu_",
        "ghs_",
        "github_pat_",
        "glpat-",
        "ATBB",
    ];
    let random = arg.len() >= 32
        && arg.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && arg.bytes().any(|b| b.is_ascii_digit())
        && arg.bytes().any(|b| b.is_ascii_uppercase())
        && arg.bytes().any(|b| b.is_ascii_lowercase());
    random || PREFIXES.iter().any(|p| arg.starts_with(p))
}

/// The command line as logged: URLs without passwords, known tokens masked, the values of secret-looking
/// options (`--token=…`, `--secret …`) dropped, and anything shaped like a token masked.
pub fn command_line(args: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut drop_next = false;
    for arg in args {
        if drop_next {
            drop_next = false;
            out.push("***".to_string());
            continue;
        }
        if let Some((name, _)) = arg.split_once('=').filter(|(n, _)| n.starts_with("--")) {
            if secret_option(name) {
                out.push(format!("{name}=***"));
                continue;
            }
        } else if arg.starts_with("--") && secret_option(&arg) {
            drop_next = true;
            out.push(arg);
            continue;
        }
        if token_shaped(&arg) {
            out.push("***".to_string());
            continue;
        }
        out.push(redact(&arg).into_owned());
    }
    out
}

/// The changes between two reads of the set, member by member (in `after`'s order, removals last), then the
/// repository-wide settings.
pub fn set_changes(before: &RemoteSet, after: &RemoteSet) -> Vec<SetChange> {
    let mut changes = Vec::new();
    let url = |m: &Member| m.url.as_deref().map(|u| redact(u).into_owned());
    for m in &after.members {
        match before.member(&m.name) {
            None => changes.push(SetChange {
                remote: Some(m.name.clone()),
                key: "member".into(),
                old: None,
                new: url(m).or_else(|| Some(String::new())),
            }),
            Some(old) => {
                let facts = |m: &Member| {
                    [
                        ("url", url(m)),
                        (
                            "pushurl",
                            Some(m.push_urls.join(" ")).filter(|s| !s.is_empty()),
                        ),
                        ("enabled", Some(m.enabled.to_string())),
                        ("provider", m.provider.clone()),
                        ("apiUrl", m.api_url.clone()),
                        ("owner", m.owner.clone()),
                        ("repo", m.repo.clone()),
                        ("project", m.project.clone()),
                    ]
                };
                for ((key, was), (_, now)) in facts(old).into_iter().zip(facts(m)) {
                    if was != now {
                        changes.push(SetChange {
                            remote: Some(m.name.clone()),
                            key: key.into(),
                            old: was,
                            new: now,
                        });
                    }
                }
            }
        }
    }
    for m in &before.members {
        if after.member(&m.name).is_none() {
            changes.push(SetChange {
                remote: Some(m.name.clone()),
                key: "member".into(),
                old: url(m).or_else(|| Some(String::new())),
                new: None,
            });
        }
    }
    let settings = |s: &crate::config::Settings| {
        [
            (crate::config::JOBS, s.jobs.map(|n| n.to_string())),
            (crate::config::PER_HOST, s.per_host.map(|n| n.to_string())),
            (
                crate::config::TIMEOUT,
                s.timeout.map(|d| d.as_secs_f64().to_string()),
            ),
            (crate::config::PRIMARY, s.primary.clone()),
            (
                crate::config::REFS,
                Some(
                    s.namespaces
                        .iter()
                        .map(|n| n.value())
                        .collect::<Vec<_>>()
                        .join(" "),
                )
                .filter(|v| !v.is_empty()),
            ),
        ]
    };
    for ((key, was), (_, now)) in settings(&before.settings)
        .into_iter()
        .zip(settings(&after.settings))
    {
        if was != now {
            changes.push(SetChange {
                remote: None,
                key: key.into(),
                old: was,
                new: now,
            });
        }
    }
    changes
}

/// At most [`ENTRY_TEXT`] bytes of `text`: its start and end, with what was left out counted between them.
fn shortened(text: &str) -> String {
    if text.len() <= ENTRY_TEXT {
        return text.to_string();
    }
    let cut = |at: usize| {
        (0..=at)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0)
    };
    let head = cut(ENTRY_TEXT / 2);
    let tail = cut(text.len() - ENTRY_TEXT / 2);
    format!(
        "{} … {} bytes omitted … {}",
        &text[..head],
        tail - head,
        &text[tail..]
    )
}

/// Leaves at most [`INLINE_REFS`] refs per remote in `entry` and hands back every remote's whole list where
/// it held more.
fn spill_refs(entry: &mut Entry) -> Vec<(String, Vec<RefEntry>)> {
    let mut spilled = Vec::new();
    for remote in &mut entry.remotes {
        if remote.refs.len() > INLINE_REFS {
            remote.refs_total = remote.refs.len();
            spilled.push((remote.name.clone(), remote.refs.clone()));
            remote.refs.truncate(INLINE_REFS);
        }
    }
    spilled
}

/// Every ref `entry` changed on `remote`: the ones in the entry, or its refs file when it held more.
pub fn refs_of(git: &Git, entry: &Entry, remote: &RemoteEntry) -> io::Result<Vec<RefEntry>> {
    if remote.refs_total <= remote.refs.len() {
        return Ok(remote.refs.clone());
    }
    let path = log_dir(git)?.join(REFS_DIR).join(&entry.id);
    let text = std::fs::read_to_string(&path)?;
    let all: Vec<(String, Vec<RefEntry>)> =
        serde_json::from_str(&text).map_err(io::Error::other)?;
    all.into_iter()
        .find(|(name, _)| *name == remote.name)
        .map(|(_, refs)| refs)
        .ok_or_else(|| {
            io::Error::other(format!("{} has no refs of {}", path.display(), remote.name))
        })
}

fn write_refs(dir: &Path, id: &str, spilled: &[(String, Vec<RefEntry>)]) -> io::Result<()> {
    let refs_dir = dir.join(REFS_DIR);
    std::fs::create_dir_all(&refs_dir)?;
    let json = serde_json::to_string(spilled).map_err(io::Error::other)?;
    let masked = redact(&json).into_owned();
    std::fs::write(refs_dir.join(id), masked)
}

/// Refs files whose entry left the log with the oldest rotated file go with it.
fn prune_refs(dir: &Path) -> io::Result<()> {
    let Ok(files) = std::fs::read_dir(dir.join(REFS_DIR)) else {
        return Ok(());
    };
    let kept: std::collections::HashSet<String> =
        read_dir(dir)?.into_iter().map(|e| e.id).collect();
    for file in files.flatten() {
        if !kept.contains(&*file.file_name().to_string_lossy()) {
            let _ = std::fs::remove_file(file.path());
        }
    }
    Ok(())
}

/// `<common git dir>/multi`, shared by every worktree (remotes and refs are shared too).
fn log_dir(git: &Git) -> io::Result<PathBuf> {
    git.common_dir()
        .map(|d| d.join(DIR))
        .map_err(|e| io::Error::other(e.to_string()))
}

/// Every token git-multi could be holding from the environment is masked too, even one this run never read.
fn register_env_tokens() {
    for kind in crate::hosting::ProviderKind::ALL {
        for var in crate::auth::env_vars(kind) {
            if let Ok(value) = std::env::var(&var) {
                register_secret(value.trim());
            }
        }
    }
}

/// The entry as one line: JSON, secrets masked on the whole text as a last line of defence.
fn line(entry: &Entry) -> io::Result<String> {
    register_env_tokens();
    let json = serde_json::to_string(entry).map_err(io::Error::other)?;
    let masked = redact(&json).into_owned();
    // Masking happens inside string values, so the line stays JSON; check rather than trust that.
    serde_json::from_str::<Entry>(&masked).map_err(io::Error::other)?;
    Ok(masked)
}

/// Appends `entry` to the log in `dir` under the lock, rotating first when the log is full.
fn append(dir: &Path, entry: &Entry) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let text = format!("{}\n", line(entry)?);
    let _lock = Lock::acquire(&dir.join(format!("{FILE}.lock")))?;
    let path = dir.join(FILE);
    if std::fs::metadata(&path).is_ok_and(|m| m.len() >= ROTATE_AT) {
        rotate(dir)?;
        prune_refs(dir)?;
    }
    let mut file = OpenOptions::new().create(true).append(true).open(&path)?;
    // One write of the whole line: with O_APPEND it lands after whatever is there, in one piece.
    file.write_all(text.as_bytes())?;
    file.sync_data()
}

/// `log.<KEEP-1>` → `log.<KEEP>` (the oldest is dropped), …, `log` → `log.1`.
fn rotate(dir: &Path) -> io::Result<()> {
    let numbered = |n: usize| dir.join(format!("{FILE}.{n}"));
    let _ = std::fs::remove_file(numbered(KEEP));
    for n in (1..KEEP).rev() {
        if numbered(n).exists() {
            std::fs::rename(numbered(n), numbered(n + 1))?;
        }
    }
    std::fs::rename(dir.join(FILE), numbered(1))
}

/// Every entry, oldest first (rotated logs included). Lines that are not entries (a crash mid-write on a
/// system without atomic appends) are skipped.
pub fn read(git: &Git) -> io::Result<Vec<Entry>> {
    read_dir(&log_dir(git)?)
}

fn read_dir(dir: &Path) -> io::Result<Vec<Entry>> {
    let mut files: Vec<PathBuf> = (1..=KEEP)
        .rev()
        .map(|n| dir.join(format!("{FILE}.{n}")))
        .collect();
    files.push(dir.join(FILE));
    let mut entries = Vec::new();
    for path in files {
        let file = match std::fs::File::open(&path) {
            Ok(file) => file,
            Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
            Err(err) => return Err(err),
        };
        for line in io::BufReader::new(file).lines() {
            if let Ok(entry) = serde_json::from_str::<Entry>(&line?) {
                entries.push(entry);
            }
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> Entry {
        Entry {
            id: id.into(),
            time: "2026-01-01T00:00:00Z".into(),
            command: "push".into(),
            args: vec!["push".into(), "--force".into()],
            ok: true,
            undoes: None,
            remotes: vec![RemoteEntry {
                name: "gh".into(),
                status: "ok".into(),
                error: None,
                local: false,
                refs: vec![RefEntry {
                    name: "refs/heads/main".into(),
                    old: Some("1".repeat(40)),
                    new: Some("2".repeat(40)),
                    backup: Some("refs/multi/backup/gh/e/heads/main".into()),
                }],
                refs_total: 0,
            }],
            set: Vec::new(),
        }
    }

    #[test]
    fn many_refs_leave_the_entry_for_a_file_of_their_own_and_come_back_whole() {
        let mut e = entry("20260101T000000.000Z-1");
        let refs: Vec<RefEntry> = (0..1000)
            .map(|n| RefEntry {
                name: format!("refs/heads/b{n:05}"),
                old: Some("1".repeat(40)),
                new: Some("2".repeat(40)),
                backup: None,
            })
            .collect();
        e.remotes[0].refs = refs.clone();
        e.remotes[0].error = Some("x".repeat(100_000));
        let spilled = spill_refs(&mut e);
        assert_eq!(spilled, vec![("gh".to_string(), refs)]);
        assert_eq!(e.remotes[0].refs.len(), INLINE_REFS);
        assert_eq!(e.remotes[0].refs_total, 1000);
        assert!(shortened(e.remotes[0].error.as_deref().unwrap()).len() <= ENTRY_TEXT + 64);
    }

    #[test]
    fn ids_carry_the_time_to_the_millisecond() {
        let id = next_id(1_767_225_600_123);
        assert!(id.starts_with("20260101T000000.123Z-"), "{id}");
        assert_ne!(next_id(1_767_225_600_123), id);
    }

    #[test]
    fn secrets_leave_the_command_line() {
        let args = [
            "webhook",
            "add",
            "https://bob:hunter22@hooks.example.com/x",
            "--token=abc123secret",
            "--password",
            "pw-value",
            "--secret-stdin",
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "Xk29fLq8Zr3mN7vB1cT5yW0pH4sD6gJ2",
            "main",
            "feature-implement-the-new-login-flow-for-everyone",
        ]
        .map(String::from);
        let logged = command_line(args).join(" ");
        for secret in [
            "hunter22",
            "abc123secret",
            "pw-value",
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "Xk29fLq8Zr3mN7vB1cT5yW0pH4sD6gJ2",
        ] {
            assert!(!logged.contains(secret), "{logged}");
        }
        assert!(logged.contains("--secret-stdin"), "{logged}");
        assert!(
            logged.ends_with(" main feature-implement-the-new-login-flow-for-everyone"),
            "{logged}"
        );
    }

    #[test]
    fn registered_secrets_never_reach_the_file() {
        register_secret("tok-audit-5f4e3d2c1b");
        let mut e = entry("a");
        e.remotes[0].error = Some("host said tok-audit-5f4e3d2c1b is bad".into());
        let text = line(&e).unwrap();
        assert!(!text.contains("tok-audit-5f4e3d2c1b"), "{text}");
        assert!(serde_json::from_str::<Entry>(&text).is_ok());
    }

    #[test]
    fn appends_whole_lines_from_many_writers_and_rotates() {
        let dir = tempfile::tempdir().unwrap();
        let threads: Vec<_> = (0..6)
            .map(|t| {
                let dir = dir.path().to_path_buf();
                std::thread::spawn(move || {
                    for n in 0..25 {
                        append(&dir, &entry(&format!("{t}-{n}"))).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let entries = read_dir(dir.path()).unwrap();
        assert_eq!(entries.len(), 150);
        let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        assert!(text
            .lines()
            .all(|l| serde_json::from_str::<Entry>(l).is_ok()));

        // Past the size limit the log moves to log.1; reading still sees everything, oldest first.
        let big = std::fs::File::options()
            .append(true)
            .open(dir.path().join(FILE))
            .unwrap();
        big.set_len(ROTATE_AT).unwrap();
        append(dir.path(), &entry("after-rotation")).unwrap();
        assert!(dir.path().join(format!("{FILE}.1")).exists());
        let after = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        assert_eq!(after.lines().count(), 1);
        let entries = read_dir(dir.path()).unwrap();
        assert_eq!(entries.last().unwrap().id, "after-rotation");
        assert_eq!(entries.len(), 151);
    }

    #[test]
    fn rotation_keeps_a_bounded_number_of_logs() {
        let dir = tempfile::tempdir().unwrap();
        for n in 0..KEEP + 3 {
            append(dir.path(), &entry(&n.to_string())).unwrap();
            rotate(dir.path()).unwrap();
        }
        assert!(dir.path().join(format!("{FILE}.{KEEP}")).exists());
        assert!(!dir.path().join(format!("{FILE}.{}", KEEP + 1)).exists());
        let ids: Vec<String> = read_dir(dir.path())
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, ["3", "4", "5"]);
    }

    #[test]
    fn set_changes_name_what_moved() {
        use crate::git::ConfigEntry;
        let set = |pairs: &[(&str, &str)]| {
            RemoteSet::from_entries(
                &pairs
                    .iter()
                    .map(|(k, v)| ConfigEntry {
                        key: k.to_string(),
                        value: Some(v.to_string()),
                    })
                    .collect::<Vec<_>>(),
            )
            .unwrap()
        };
        let before = set(&[
            ("remote.a.url", "/srv/a.git"),
            ("multi.a.enabled", "true"),
            ("remote.b.url", "/srv/b.git"),
            ("multi.b.enabled", "true"),
        ]);
        let after = set(&[
            ("remote.a.url", "/srv/a2.git"),
            ("multi.a.enabled", "false"),
            ("remote.c.url", "https://u:pw@host/c.git"),
            ("multi.c.enabled", "true"),
            ("multi.jobs", "2"),
        ]);
        let changes = set_changes(&before, &after);
        let keys: Vec<(Option<&str>, &str)> = changes
            .iter()
            .map(|c| (c.remote.as_deref(), c.key.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                (Some("a"), "url"),
                (Some("a"), "enabled"),
                (Some("c"), "member"),
                (Some("b"), "member"),
                (None, "multi.jobs"),
            ]
        );
        assert_eq!(changes[2].new.as_deref(), Some("https://u:***@host/c.git"));
        assert!(set_changes(&after, &after).is_empty());
    }
}
