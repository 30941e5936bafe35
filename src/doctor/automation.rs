//! What git-multi installed to run by itself: hooks (and whether git will run them) and schedules.

use std::path::{Path, PathBuf};

use crate::automation::schedule;
use crate::git::Git;
use crate::model::Check;

/// Hooks git-multi installed: hook files mentioning git-multi in core.hooksPath or the repository's hooks
/// directory. Hooks that would not run (not executable) are reported.
pub fn hooks(git: &Git) -> Check {
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
pub fn schedules() -> Check {
    let mut units: Vec<String> = schedule::config_home()
        .map(|home| home.join("systemd").join("user"))
        .and_then(|dir| std::fs::read_dir(dir).ok())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("git-multi-"))
        .collect();
    units.sort();
    let cron = schedule::crontab_lines();
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
