//! The only module that prints results: human tables, `--json` documents, and error/warning lines.
//!
//! Results go to stdout, errors and chatter to stderr; colour only on a terminal and never with NO_COLOR.
//! Every line is scrubbed by `redact` on its way out, and every piece of text that may come from elsewhere
//! (git, servers, hooks, API bodies, the config) has its control characters escaped before our own colour
//! codes are added.
#![allow(clippy::print_stdout)]

pub mod advice;
pub mod archive;
pub mod auth;
pub mod automation;
pub mod backups;
pub mod ci_status;
pub mod clone;
pub mod config;
pub mod conflicts;
pub mod create;
pub mod doctor;
pub mod export;
pub mod fetch;
pub mod group;
pub mod import;
pub mod init;
pub mod integrate;
pub mod inventory;
pub mod lock;
pub mod log;
pub mod mirror;
pub mod primary;
pub mod publish;
pub mod push;
pub mod reachability;
pub mod refs;
pub mod release;
pub mod repo;
pub mod resolve;
pub mod stats;
pub mod status;
pub mod sync;
pub mod undo;
pub mod webhook;
pub mod workspace;

use std::io::{IsTerminal, Write};

use serde::Serialize;

use crate::error::Error;
use crate::git::FailureKind;
use crate::model::{Outcome, Report, Status};
use crate::redact::{escape_controls, escape_invisible, json_inert, redact};

/// How one kind of per-remote result reads in human output: one short line after the status, or nothing.
/// (The result types themselves live in `crate::model`; this is how the human face draws them.)
pub trait Detail: serde::Serialize {
    fn human(&self) -> String;
}

/// Whether refs are listed one by one however many there are (`-v`): set once by the command, read by the
/// renderers of per-ref details.
static VERBOSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn set_verbose(verbose: bool) {
    VERBOSE.store(verbose, std::sync::atomic::Ordering::Relaxed);
}

pub fn verbose() -> bool {
    VERBOSE.load(std::sync::atomic::Ordering::Relaxed)
}

/// `1,234,567`: counts people read at a glance.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Writes to stdout; a closed pipe (`git multi remote list | head -1`) ends the process quietly with 0.
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(escape_invisible(&redact(text)).as_bytes())
        .and_then(|()| stdout.flush());
    if let Err(err) = written {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
    }
}

fn err_line(text: &str) {
    let _ = std::io::stderr()
        .lock()
        .write_all(escape_invisible(&redact(text)).as_bytes());
}

pub fn error(err: &Error) {
    err_line(&err.render());
}

/// The error as the one JSON document a `--json` run promises: `{"ok":false,"error":…,"hints":[…]}`.
pub fn json_error(err: &Error) {
    #[derive(Serialize)]
    struct Failed<'a> {
        ok: bool,
        error: &'a str,
        hints: &'a [String],
    }
    json(&Failed {
        ok: false,
        error: &err.message,
        hints: &err.hints,
    });
}

pub fn warning(message: &str) {
    err_line(&format!("warning: {}\n", escape_controls(message)));
}

/// A warning with the hint that names the command fixing it.
pub fn warning_with_hint(message: &str, hint: &str) {
    err_line(&format!(
        "warning: {}\nhint: {}\n",
        escape_controls(message),
        escape_controls(hint)
    ));
}

/// Informational chatter for humans (stderr, so it never mixes with results).
pub fn note(message: &str) {
    err_line(&format!("{}\n", escape_controls(message)));
}

/// One JSON document on stdout. Every document has a top-level `ok`: a document that does not say otherwise
/// (a listing) is the answer of a command that worked, `"ok": true`, first.
pub fn json<T: Serialize>(value: &T) {
    let text = serde_json::to_string_pretty(value).expect("report types serialise");
    out(&format!("{}\n", json_inert(&with_ok(text))));
}

/// The document with a top-level `"ok": true` first when it has no `ok` of its own. Works on the pretty text
/// so a large document (`status --json` over 90,000 refs) is not built a second time as a `Value`: a pretty
/// object's own keys are the lines indented by exactly two spaces (strings never hold a raw newline).
fn with_ok(text: String) -> String {
    if !text.starts_with('{') || text.contains("\n  \"ok\": ") {
        return text;
    }
    if text == "{}" {
        return "{\n  \"ok\": true\n}".to_string();
    }
    format!("{{\n  \"ok\": true,{}", &text[1..])
}

/// When results are coloured: `--color`, else `color.multi`, else `color.ui` (as git reads them), else auto.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Colour {
    /// On a terminal, unless NO_COLOR is set
    #[default]
    Auto,
    Always,
    Never,
}

impl Colour {
    /// A value of `color.ui` / `color.multi` as git reads it (`true` is `auto` since git 1.8.4); `None` for
    /// what git would not accept either.
    pub fn from_config(value: &str) -> Option<Colour> {
        match value.to_ascii_lowercase().as_str() {
            "auto" | "true" | "yes" | "on" | "1" | "" => Some(Colour::Auto),
            "always" => Some(Colour::Always),
            "never" | "false" | "no" | "off" | "0" => Some(Colour::Never),
            _ => None,
        }
    }
}

/// 0 auto, 1 always, 2 never: set once per command.
static COLOUR: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

pub fn set_colour(colour: Colour) {
    COLOUR.store(colour as u8, std::sync::atomic::Ordering::Relaxed);
}

fn colour_enabled() -> bool {
    match COLOUR.load(std::sync::atomic::Ordering::Relaxed) {
        1 => true,
        2 => false,
        _ => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn paint(text: &str, code: &str, colour: bool) -> String {
    if colour {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn status_colour(status: Status) -> &'static str {
    match status {
        Status::Ok | Status::UpToDate => "32",
        Status::Skipped | Status::DryRun => "36",
        Status::Rejected | Status::Timeout => "33",
        Status::Failed => "31",
    }
}

/// Formats seconds for humans: `0.21s`, `12.3s`.
fn seconds(ms: u64) -> String {
    if ms < 10_000 {
        format!("{:.2}s", ms as f64 / 1000.0)
    } else {
        format!("{:.1}s", ms as f64 / 1000.0)
    }
}

/// Prints an outcome report as JSON or as the human summary.
pub fn show<D: Detail>(report: &Report<D>, json: bool) {
    if json {
        self::json(report);
    } else {
        outcomes(report);
    }
}

/// Prints an outcome report (see [`show`]) and gives the exit code it stands for.
pub fn finish<D: Detail>(report: &Report<D>, json: bool) -> crate::error::Exit {
    show(report, json);
    report.exit()
}

/// What the user can do about a failed remote: the hint its command chose, else the one for how it failed.
pub fn hint_for<D>(outcome: &Outcome<D>) -> Option<String> {
    if let Some(hint) = &outcome.hint {
        return Some(hint.clone());
    }
    if outcome.status == Status::Timeout {
        return Some(
            "raise the limit with --timeout <secs> or `git multi config set multi.timeout <secs>`"
                .into(),
        );
    }
    let text = match outcome.reason? {
        FailureKind::AuthRequired => {
            "configure a credential helper for this host (`git config credential.helper …`) or use an ssh URL"
        }
        FailureKind::AuthFailed => "check the credentials or ssh key git uses for this host",
        FailureKind::Forbidden => "the account git authenticates as may not access this repository",
        FailureKind::NotFound => {
            "create the repository on the host (`git multi create`), or fix the URL with `git multi remote set-url`"
        }
        FailureKind::HostKey => {
            "verify the host key and add it to ~/.ssh/known_hosts (e.g. `ssh -T <host>` once)"
        }
        _ => return None,
    };
    Some(text.to_string())
}

/// One block per remote in the configured order, then a one-line total.
pub fn outcomes<D: Detail>(report: &Report<D>) {
    outcomes_of(&report.remotes);
}

/// [`outcomes`] for a plain list of outcomes.
pub fn outcomes_of<D: Detail>(remotes: &[Outcome<D>]) {
    let colour = colour_enabled();
    let names: Vec<String> = remotes
        .iter()
        .map(|o| escape_controls(&o.name).into_owned())
        .collect();
    let name_width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let status_width = remotes
        .iter()
        .map(|o| o.status.as_str().len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for (o, name) in remotes.iter().zip(&names) {
        let status = format!("{:status_width$}", o.status.as_str());
        let mut line = format!(
            "{name:name_width$}  {}",
            paint(&status, status_colour(o.status), colour)
        );
        let detail = o.detail.human();
        let message = match (&o.error, detail.is_empty()) {
            (Some(error), true) => error.clone(),
            // What went through, then what did not: a `;`, so `main 1a..2b` never reads as the failure's subject.
            (Some(error), false) => format!("{detail}; {error}"),
            (None, _) => detail,
        };
        if !message.is_empty() {
            line.push_str("  ");
            line.push_str(&escape_controls(&message));
        }
        line.push_str(&format!("  ({})", seconds(o.duration_ms)));
        text.push_str(line.trim_end());
        text.push('\n');
        if let Some(hint) = hint_for(o).filter(|_| o.status.is_failure() || o.hint.is_some()) {
            text.push_str(&format!(
                "{:name_width$}  hint: {}\n",
                "",
                escape_controls(&hint)
            ));
        }
    }
    text.push_str(&total(remotes));
    out(&text);
}

/// `3 remotes: 2 ok, 1 failed`, counting each status in a fixed order; a run where every remote was skipped
/// says that nothing was done.
fn total<D>(remotes: &[Outcome<D>]) -> String {
    let counts = status_counts(|s| remotes.iter().filter(|o| o.status == s).count());
    let n = remotes.len();
    let plural = if n == 1 { "remote" } else { "remotes" };
    let mut line = format!("{n} {plural}: {}", counts.join(", "));
    if n > 0 && remotes.iter().all(|o| o.status == Status::Skipped) {
        line.push_str(" (nothing was done on any remote)");
    }
    line.push('\n');
    line
}

/// `2 ok, 1 failed`: each status `count` gives a number for, in one fixed order (the same in every total).
fn status_counts(count: impl Fn(Status) -> usize) -> Vec<String> {
    let order = [
        Status::Ok,
        Status::UpToDate,
        Status::DryRun,
        Status::Skipped,
        Status::Rejected,
        Status::Failed,
        Status::Timeout,
    ];
    order
        .iter()
        .filter_map(|&s| {
            let n = count(s);
            (n > 0).then(|| format!("{n} {}", s.as_str()))
        })
        .collect()
}

/// A matrix cell for one remote: `unreachable` when it failed, else `words` for what it has, `-` for nothing.
fn matrix_cell<D, E>(
    outcome: &Outcome<D>,
    entry: Option<E>,
    words: impl Fn(E) -> String,
) -> String {
    if outcome.status.is_failure() {
        "unreachable".to_string()
    } else {
        entry.map(words).unwrap_or_else(|| "-".into())
    }
}

/// `2 unreachable (a: error; b: error)` for a matrix's summary, `None` when every remote answered.
fn unreachable<D>(remotes: &[Outcome<D>]) -> Option<String> {
    let failures: Vec<String> = remotes
        .iter()
        .filter(|o| o.status.is_failure())
        .map(|o| format!("{}: {}", o.name, o.error.as_deref().unwrap_or("failed")))
        .collect();
    (!failures.is_empty())
        .then(|| format!("{} unreachable ({})", failures.len(), failures.join("; ")))
}

/// Rows of aligned columns; the last column is not padded. Cells are plain text (no colour codes): their
/// control characters are escaped.
pub fn table(rows: &[Vec<String>]) {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| escape_controls(c).into_owned()).collect())
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut text = String::new();
    for row in &rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:width$}  ", width = widths[c]));
            }
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    out(&text);
}

#[cfg(test)]
mod json_ok_tests {
    use super::with_ok;

    #[test]
    fn ok_goes_first_when_the_document_has_none() {
        let text =
            serde_json::to_string_pretty(&serde_json::json!({"remotes": [{"ok": false}]})).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&with_ok(text.clone())).unwrap();
        assert_eq!(doc["ok"], true);
        assert!(with_ok(text).starts_with("{\n  \"ok\": true,\n  \"remotes\""));
        assert_eq!(with_ok("{}".into()), "{\n  \"ok\": true\n}");
    }

    #[test]
    fn a_documents_own_ok_is_kept_wherever_it_stands() {
        let text = serde_json::to_string_pretty(&serde_json::json!({"a": 1, "ok": false})).unwrap();
        assert_eq!(with_ok(text.clone()), text);
        let list = serde_json::to_string_pretty(&serde_json::json!([1])).unwrap();
        assert_eq!(with_ok(list.clone()), list);
    }
}
