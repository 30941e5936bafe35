//! Transcripts for snapshot tests: a command line, its exit code and both streams, with everything that
//! differs between runs (temp paths, durations, object ids, ports, pids, audit ids, clock times) replaced by
//! stable placeholders, then compared with the snapshot committed under `tests/cli/snapshots/`.
//!
//! A mismatch or a missing snapshot fails (`.config/insta.yaml` sets `update: no`, so nothing is written
//! behind anyone's back). Write or refresh snapshots on purpose with
//! `INSTA_UPDATE=always cargo test --locked --test cli snapshots::`, then read the diff before committing.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use regex_lite::{Captures, Regex};

use crate::env::{Run, TestEnv};

/// Where snapshot tests make their temp directories: a fixed parent gives paths of one length on every run,
/// so columns padded to a URL's width line up the same way in the snapshot (std's temp dir follows TMPDIR).
pub const FIXED_TMP: &str = "/tmp";

/// Replacements that need no numbering, applied in this order (audit ids before clock times: an id holds
/// one).
static RULES: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        // Audit entry ids: the clock to the millisecond, then the writer's pid.
        (r"\b\d{8}T\d{6}\.\d{3}Z-\d+\b", "<audit-id>"),
        (r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "<time>"),
        // `(0.02s)` after each remote; any other seconds with a fraction are timings too.
        (r"\b\d+\.\d+s\b", "<dur>"),
        (r#""duration_ms": \d+"#, r#""duration_ms": <ms>"#),
        (r"\b(127\.0\.0\.1|localhost):\d+", "$1:<port>"),
        (r"\bpid \d+", "pid <pid>"),
        // Why the OS keyring cannot be used depends on the machine (no D-Bus session here, another reason on
        // macOS or Windows).
        (
            r"OS keyring unavailable: [^)\n]*",
            "OS keyring unavailable: <why>",
        ),
    ]
    .into_iter()
    .map(|(pattern, with)| (Regex::new(pattern).unwrap(), with))
    .collect()
});

/// An object id, full or abbreviated (git abbreviates to 7 characters at least).
static OID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[0-9a-f]{7,64}\b").unwrap());

/// Turns output into text that is the same on every run.
pub struct Normaliser {
    root: String,
}

impl Normaliser {
    /// Replaces the environment's temp root with `<root>`.
    pub fn new(env: &TestEnv) -> Normaliser {
        Normaliser {
            root: env.root.display().to_string(),
        }
    }

    /// `text` with placeholders. Object ids become `<oid-1>`, `<oid-2>`, … in order of first appearance; an
    /// abbreviation and the full id get the same number (keyed by the first 7 characters).
    pub fn apply(&self, text: &str) -> String {
        let mut text = text.replace(self.root.as_str(), "<root>");
        for (pattern, with) in RULES.iter() {
            text = pattern.replace_all(&text, *with).into_owned();
        }
        let mut numbers: HashMap<String, usize> = HashMap::new();
        OID.replace_all(&text, |caps: &Captures| {
            let key = caps[0][..7].to_string();
            let next = numbers.len() + 1;
            format!("<oid-{}>", numbers.entry(key).or_insert(next))
        })
        .into_owned()
    }
}

/// `$ git multi <args>`, the exit code, then stdout and stderr (each left out when empty), normalised.
pub fn transcript(normaliser: &Normaliser, args: &[&str], run: &Run) -> String {
    let mut text = format!("$ git multi {}\nexit: {}\n", args.join(" "), run.code);
    for (name, stream) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        if stream.is_empty() {
            continue;
        }
        text.push_str(&format!("--- {name}\n{stream}"));
        if !stream.ends_with('\n') {
            text.push_str("\n(no newline at the end)\n");
        }
    }
    normaliser.apply(&text)
}

/// Compares `text` with the snapshot `tests/cli/snapshots/<name>.snap`.
#[track_caller]
pub fn assert_shot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli/snapshots"));
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// Runs `git multi <args>` in the work repository, checks its exit code, and compares its transcript with the
/// snapshot `name`. Returns the run for behavioural checks.
#[track_caller]
pub fn shot(env: &TestEnv, normaliser: &Normaliser, name: &str, args: &[&str], code: i32) -> Run {
    shot_in(env, &env.work, normaliser, name, args, code)
}

/// [`shot`] with `dir` as the working directory.
#[track_caller]
pub fn shot_in(
    env: &TestEnv,
    dir: &Path,
    normaliser: &Normaliser,
    name: &str,
    args: &[&str],
    code: i32,
) -> Run {
    let run = env.multi_in(dir, args);
    let text = transcript(normaliser, args, &run);
    assert_eq!(
        run.code,
        code,
        "exit code of `git multi {}`\n{text}",
        args.join(" ")
    );
    assert_shot(name, &text);
    run
}
