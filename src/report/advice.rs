//! Advice in git's style: `hint:` lines on stderr after a command's summary, telling what to do next. Off with
//! `git config multi.advice false`, and never with `--json` (a script reads the document, not the advice).
//! Advice is kept until [`flush`] at the very end, so it follows the summary and any error.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

static ENABLED: AtomicBool = AtomicBool::new(true);
static PENDING: Mutex<String> = Mutex::new(String::new());
/// The remotes were narrowed on purpose (`retry` runs the failed ones alone): no advice about a subset.
static NARROWED: AtomicBool = AtomicBool::new(false);

/// Set once per command from `multi.advice` and the output mode.
pub fn enable(enabled: bool) {
    ENABLED.store(enabled, Ordering::Relaxed);
}

fn hint(lines: &[String]) {
    if !ENABLED.load(Ordering::Relaxed) {
        return;
    }
    let mut text = String::new();
    for line in lines {
        text.push_str(&format!("hint: {line}\n"));
    }
    PENDING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push_str(&text);
}

/// Prints the advice kept so far, once the command has said everything else, and how to silence it (once,
/// however many pieces of advice there were).
pub fn flush() {
    let mut text = std::mem::take(&mut *PENDING.lock().unwrap_or_else(|e| e.into_inner()));
    if !text.is_empty() && ENABLED.load(Ordering::Relaxed) {
        text.push_str(&format!(
            "hint: Disable this message with \"git config {} false\"\n",
            crate::config::ADVICE
        ));
        super::err_line(&text);
    }
}

/// `retry` narrows the remotes itself: saying that others exist would only repeat what it chose.
pub fn narrowed() {
    NARROWED.store(true, Ordering::Relaxed);
}

/// Pushed to some members while others exist.
pub fn pushed_to_subset(done: usize, members: usize) {
    if NARROWED.load(Ordering::Relaxed) {
        return;
    }
    hint(&[
        format!("pushed to {done} of the {members} remotes of the set;"),
        "`git multi push` without remote names (or `git multi push all`) pushes to every one"
            .to_string(),
    ]);
}

/// Some remotes failed: `retry` runs the same command again on them alone.
pub fn retry(failed: &[String]) {
    let on = if failed.is_empty() {
        String::new()
    } else {
        format!(" on {}", failed.join(", "))
    };
    hint(&[format!(
        "run `git multi retry` to try again{on} with the same arguments"
    )]);
}

/// A host API refused or lacked a token.
pub fn auth() {
    hint(&[
        "`git multi auth status` shows which hosts have a token;".to_string(),
        "`git multi auth login <host|remote>` stores one".to_string(),
    ]);
}

/// `status` found remotes without the local commits (`behind` them) or with commits not here.
pub fn out_of_sync(remotes_behind: &[&str], local_behind: &[&str]) {
    let mut lines = Vec::new();
    if !remotes_behind.is_empty() {
        lines.push(format!(
            "{} lack{} local commits: `git multi push` sends them (`git multi sync` also brings theirs here)",
            remotes_behind.join(", "),
            if remotes_behind.len() == 1 { "s" } else { "" }
        ));
    }
    if !local_behind.is_empty() {
        lines.push(format!(
            "{} ha{} commits that are not here: `git multi pull` brings them, `git multi sync` everywhere",
            local_behind.join(", "),
            if local_behind.len() == 1 { "s" } else { "ve" }
        ));
    }
    if !lines.is_empty() {
        hint(&lines);
    }
}
