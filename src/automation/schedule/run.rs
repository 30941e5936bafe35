//! The one way the schedule engines run a system tool (systemctl, systemd-analyze, crontab, launchctl).
//!
//! Each engine reads a failure its own way: most want the one-line reason, while `crontab -l` treats "no crontab"
//! as an empty table and a tool that will not start as a usage problem with an install hint. So a failure keeps
//! what happened, and `Display` gives the one-line reason.

use std::fmt;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Why a tool gave no answer.
#[derive(Debug)]
pub(super) enum Failed {
    /// It could not be started, or not waited for.
    Start { shown: String, err: std::io::Error },
    /// It ran and exited unsuccessfully.
    Exit {
        shown: String,
        stdout: String,
        stderr: String,
    },
}

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failed::Start { shown, err } => write!(f, "could not run `{shown}`: {err}"),
            Failed::Exit {
                shown,
                stdout,
                stderr,
            } => {
                // Some tools explain themselves on stdout only; stderr wins when both speak.
                let why = if stderr.trim().is_empty() {
                    stdout.trim()
                } else {
                    stderr.trim()
                };
                // One line, so the reason fits an outcome's `problem` and a single report line.
                let why = why.lines().collect::<Vec<_>>().join(" / ");
                write!(f, "`{shown}` failed: {why}")
            }
        }
    }
}

/// The program to run for `default`, or the one named in the environment variable `var`: tests and sandboxes
/// put a stand-in there instead of touching the user's real crontab or user manager.
pub(super) fn program(var: &str, default: &str) -> String {
    std::env::var(var)
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| default.into())
}

/// Runs `program` to the end, with `input` on its stdin (stdin closed without it) and `env` added to its
/// environment; its stdout.
pub(super) fn run(
    program: &str,
    env: Option<(&str, &Path)>,
    args: &[&str],
    input: Option<&str>,
) -> Result<String, Failed> {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some((key, value)) = env {
        command.env(key, value);
    }
    let shown = format!("{program} {}", args.join(" "));
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(err) => return Err(Failed::Start { shown, err }),
    };
    if let Some(input) = input {
        // Dropping stdin after the write closes it, so a tool reading to the end (`crontab -`) finishes. A tool
        // that stops reading early says why on stderr, which the exit status below reports.
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(input.as_bytes());
        }
    }
    let output = match child.wait_with_output() {
        Ok(output) => output,
        Err(err) => return Err(Failed::Start { shown, err }),
    };
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    if output.status.success() {
        return Ok(stdout);
    }
    Err(Failed::Exit {
        shown,
        stdout,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_is_one_line_from_stderr_else_stdout() {
        let input = Some("table\n");
        let echoed = run("sh", None, &["-c", "cat"], input).unwrap();
        assert_eq!(echoed, "table\n");
        let both = run(
            "sh",
            None,
            &["-c", "echo out; printf 'a\\nb\\n' >&2; exit 3"],
            None,
        );
        let both = both.unwrap_err();
        assert!(matches!(&both, Failed::Exit { stdout, .. } if stdout == "out\n"));
        assert!(both.to_string().ends_with("` failed: a / b"), "{both}");
        let quiet = run("sh", None, &["-c", "echo only-out; exit 1"], None).unwrap_err();
        assert!(quiet.to_string().ends_with("failed: only-out"), "{quiet}");
        let missing = run("/nonexistent/tool", None, &["-l"], None).unwrap_err();
        assert!(matches!(missing, Failed::Start { .. }));
        assert!(missing
            .to_string()
            .starts_with("could not run `/nonexistent/tool -l`: "));
    }
}
