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

use crate::automation::schedule::{Engine, Found, Installed, Verified};

pub fn schedule_installed(installed: &Installed) {
    let s = &installed.schedule;
    let mut text = String::new();
    for old in &installed.replaced {
        text.push_str(&format!(
            "replaced the {} schedule ({} {})\n",
            old.engine.as_str(),
            old.schedule.every.phrase(),
            old.schedule.action.as_str()
        ));
    }
    text.push_str(&format!(
        "scheduled `git -C {} multi {} --json` {} with {} ({})\n",
        crate::quote::shown(s.repo.display()),
        s.action.as_str(),
        s.every.phrase(),
        installed.engine.as_str(),
        s.name
    ));
    for file in &installed.files {
        text.push_str(&format!("  {}\n", file.display()));
    }
    match &installed.verified {
        Some(Verified::UserManager) => text.push_str("  checked with `systemd-analyze --user verify`\n"),
        Some(Verified::SystemMode(why)) => text.push_str(&format!(
            "  checked with `systemd-analyze verify` in system mode (the user mode could not start here: {why})\n"
        )),
        Some(Verified::Syntax(why)) => text.push_str(&format!(
            "  checked with git-multi's own syntax check only ({why})\n"
        )),
        None => {}
    }
    match installed.engine {
        Engine::Systemd => text.push_str(&format!(
            "  output: `journalctl --user -u {}.service`\n",
            s.name
        )),
        _ => text.push_str("  output: .git/multi/schedule.log\n"),
    }
    super::out(&text);
    if let Some(problem) = &installed.problem {
        let start = match installed.engine {
            Engine::Systemd => format!(
                "in a session with a systemd user manager run `systemctl --user daemon-reload && systemctl --user enable --now {}.timer`, or schedule with `--cron`",
                s.name
            ),
            Engine::Launchd => "load it with `launchctl load -w <plist>`".to_string(),
            Engine::Cron => "check `crontab -l`".to_string(),
        };
        super::error(
            &crate::error::Error::failed(format!(
                "the schedule is written but not active: {problem}"
            ))
            .hint(start),
        );
    }
}

#[derive(Serialize)]
struct SchedulesDocument<'a> {
    schedules: &'a [Found],
}

pub fn schedules(found: &[Found], here: &std::path::Path, json: bool) {
    if json {
        super::json(&SchedulesDocument { schedules: found });
        return;
    }
    if found.is_empty() {
        super::out("no git-multi schedules\n");
        return;
    }
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|f| {
            vec![
                f.engine.as_str().to_string(),
                f.schedule.every.phrase(),
                f.schedule.action.as_str().to_string(),
                format!(
                    "{}{}",
                    f.schedule.repo.display(),
                    if f.schedule.repo == here {
                        "  (this repository)"
                    } else {
                        ""
                    }
                ),
            ]
        })
        .collect();
    super::table(&rows);
}

pub fn schedules_removed(removed: &[Found]) {
    let mut text = String::new();
    for f in removed {
        text.push_str(&format!(
            "removed the {} schedule {} ({} {})\n",
            f.engine.as_str(),
            f.schedule.name,
            f.schedule.every.phrase(),
            f.schedule.action.as_str()
        ));
    }
    super::out(&text);
}

pub fn ci_written(
    service: crate::automation::ci::Service,
    workflow: &crate::automation::ci::Workflow,
) {
    use crate::automation::ci::{Service, GITLAB_ENVIRONMENT};
    let path = service.path();
    let text = if workflow.secrets.is_empty() {
        format!("wrote {path}; commit it (the set's hosts need no secret from the CI)\n")
    } else {
        let scope = match service {
            Service::Gitlab => format!(
                ", each scoped to the environment `{GITLAB_ENVIRONMENT}` so that only the job running git multi receives it"
            ),
            Service::Github | Service::Forgejo => String::new(),
        };
        format!(
            "wrote {path}; commit it, and put the secrets the set's hosts need in the CI's secret store{scope}: {}\n",
            workflow.secrets.join(", ")
        )
    };
    super::out(&text);
    ci_left_out(workflow);
}

/// Members the job leaves out, and those it keeps but cannot reach by itself.
pub fn ci_left_out(workflow: &crate::automation::ci::Workflow) {
    for (name, why) in &workflow.skipped {
        super::warning(&format!("`{name}` is not in the CI's remote set: {why}"));
    }
    for (name, why) in &workflow.noted {
        super::warning(&format!("`{name}` in the CI: {why}"));
    }
}
