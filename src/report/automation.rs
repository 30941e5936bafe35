//! Hooks, schedules and CI workflows in words: what was installed where, what is there now, and how to undo it.

use serde::Serialize;

use crate::automation::hooks::{HookState, HooksDir};

pub fn hook_installed(dir: &HooksDir, state: &HookState) {
    let action = state.action.map(|a| a.as_str()).unwrap_or("push");
    let mut text = format!(
        "installed {} hook: git multi {action} runs in the background (log: .git/multi/hook.log)\n  {}\n",
        state.hook.as_str(),
        state.path.display()
    );
    if let Some(original) = &state.chained {
        text.push_str(&format!(
            "  the hook that was there runs first, from {}\n",
            original.display()
        ));
    }
    super::out(&text);
    if dir.hooks_path_config {
        super::note(&format!(
            "note: core.hooksPath is set, so this hook serves every repository that uses {}",
            dir.path.display()
        ));
    }
}

pub fn hook_removed(_dir: &HooksDir, state: &HookState) {
    let text = match state.kind {
        "none" => format!("removed the {} hook\n", state.hook.as_str()),
        _ => format!(
            "removed the {} hook; the hook it chained is back at {}\n",
            state.hook.as_str(),
            state.path.display()
        ),
    };
    super::out(&text);
}

#[derive(Serialize)]
struct HooksDocument<'a> {
    hooks_dir: &'a HooksDir,
    hooks: &'a [HookState],
}

pub fn hooks(dir: &HooksDir, states: &[HookState], json: bool) {
    if json {
        super::json(&HooksDocument {
            hooks_dir: dir,
            hooks: states,
        });
        return;
    }
    let mut rows = Vec::new();
    for s in states {
        let what = match (s.kind, s.action) {
            ("git-multi", Some(action)) => format!("git multi {}", action.as_str()),
            ("git-multi", None) => "git-multi (unknown action)".to_string(),
            ("other", _) => "not git-multi's".to_string(),
            _ => "-".to_string(),
        };
        let chained = match &s.chained {
            Some(path) => format!(
                "runs {} first",
                path.file_name().unwrap_or_default().to_string_lossy()
            ),
            None => String::new(),
        };
        rows.push(vec![s.hook.as_str().to_string(), what, chained]);
    }
    super::table(&rows);
    super::out(&format!(
        "hooks directory: {}{}\n",
        dir.path.display(),
        if dir.hooks_path_config {
            " (core.hooksPath)"
        } else {
            ""
        }
    ));
}
