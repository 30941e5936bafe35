//! git hooks that run git-multi: after a commit or a merge (push, sync or fetch in the background), and before a
//! plain `git push <remote>` (the other members get the same branches, in the background).
//!
//! A hook is a small POSIX shell script in the directory git runs hooks from (`core.hooksPath` honoured). It
//! never makes git wait for the network: git-multi is started detached (`setsid` where it exists, `nohup`, `&`)
//! with its output appended to `.git/multi/hook.log`. A hook that was already there is moved aside to
//! `<hook>.git-multi-orig`, run first with the same arguments and standard input, and its exit code is the
//! hook's; `remove` moves it back untouched (a rename keeps bytes, mode and links alike).

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::git::Git;

use super::{sh_quote, IN_RUN, MARKER};

/// The hooks git-multi installs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HookName {
    PostCommit,
    PostMerge,
    PrePush,
}

impl HookName {
    pub const ALL: [HookName; 3] = [HookName::PostCommit, HookName::PostMerge, HookName::PrePush];

    pub fn as_str(self) -> &'static str {
        match self {
            HookName::PostCommit => "post-commit",
            HookName::PostMerge => "post-merge",
            HookName::PrePush => "pre-push",
        }
    }
}

/// What a hook or a schedule runs: `git multi <action> --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Push,
    Sync,
    Fetch,
    /// `git multi mirror`: every member made a copy of the primary (for a clone that only relays).
    Mirror,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Push => "push",
            Action::Sync => "sync",
            Action::Fetch => "fetch",
            Action::Mirror => "mirror",
        }
    }

    pub fn parse(word: &str) -> Option<Action> {
        [Action::Push, Action::Sync, Action::Fetch, Action::Mirror]
            .into_iter()
            .find(|a| a.as_str() == word)
    }
}

/// The suffix of a hook that was there before git-multi's and is chained from it.
pub const ORIGINAL_SUFFIX: &str = ".git-multi-orig";

/// Where hooks go, and whether that is `core.hooksPath` (possibly shared by other repositories).
#[derive(Debug, Clone, Serialize)]
pub struct HooksDir {
    pub path: PathBuf,
    pub hooks_path_config: bool,
}

/// One hook as found on disk.
#[derive(Debug, Clone, Serialize)]
pub struct HookState {
    pub hook: HookName,
    pub path: PathBuf,
    /// `git-multi` (ours), `other` (someone else's), `none`.
    pub kind: &'static str,
    /// Ours: what it runs.
    pub action: Option<Action>,
    /// Ours: the hook it runs first (`<hook>.git-multi-orig`), when there is one.
    pub chained: Option<PathBuf>,
}

/// Where git runs hooks from for this repository.
pub fn hooks_dir(git: &Git) -> Result<HooksDir> {
    Ok(HooksDir {
        path: git.git_path("hooks")?,
        hooks_path_config: git.config_get("core.hooksPath")?.is_some(),
    })
}

/// The script for `hook` running `action`; `exe_dir` goes first on PATH so the hook finds this git-multi.
pub fn script(hook: HookName, action: Action, exe_dir: Option<&Path>) -> String {
    let path_prefix = match exe_dir {
        Some(dir) => format!("PATH={}:\"$PATH\" ", sh_quote(&dir.to_string_lossy())),
        None => String::new(),
    };
    let name = hook.as_str();
    let mut text = format!(
        "#!/bin/sh\n\
         # {MARKER}: {name} hook, action {action}\n\
         # Runs `git multi {action}` in the background (output: .git/multi/hook.log); git never waits for it.\n\
         # A hook that was here before is kept as {name}{ORIGINAL_SUFFIX} and run first; `git multi hook remove {name}`\n\
         # puts it back.\n",
        action = action.as_str(),
    );
    text.push_str(
        "orig=\"$0.git-multi-orig\"\n\
         detach=\n\
         command -v setsid >/dev/null 2>&1 && detach=setsid\n\
         status=0\n",
    );
    // `shown` is what the log says was run (it may expand the arguments, `args` must keep them apart).
    let start = |args: &str, shown: &str| {
        format!(
            "\tlog=\"$(git rev-parse --git-common-dir)/multi/hook.log\"\n\
             \tmkdir -p \"${{log%/*}}\"\n\
             \tprintf '%s %s\\n' \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" \"{name}: git multi {shown}\" >>\"$log\"\n\
             \t{IN_RUN}=1 {path_prefix}nohup $detach git multi {args} </dev/null >>\"$log\" 2>&1 &\n"
        )
    };
    match hook {
        HookName::PrePush => {
            // git hands the refs being pushed on stdin: kept in a file for the original hook and for us.
            text.push_str(
                "remote=\"$1\" url=\"$2\"\n\
                 refs=$(mktemp \"${TMPDIR:-/tmp}/git-multi-pre-push.XXXXXX\") || exit 1\n\
                 cat >\"$refs\"\n\
                 if [ -x \"$orig\" ]; then\n\
                 \t\"$orig\" \"$@\" <\"$refs\" || status=$?\n\
                 fi\n",
            );
            // Only when the push goes ahead, and never when git-multi itself is the one pushing.
            text.push_str(&format!(
                "if [ \"$status\" -eq 0 ] && [ -z \"${{{IN_RUN}:-}}\" ]; then\n\
                 \tset --\n\
                 \tbranches=0 members=0\n\
                 \twhile read -r lref loid rref roid; do\n\
                 \t\tcase \"$lref\" in refs/heads/*) ;; *) continue ;; esac\n\
                 \t\tcase \"$loid\" in *[!0]*) ;; *) continue ;; esac\n\
                 \t\tset -- \"$@\" \"--branch=${{lref#refs/heads/}}\"\n\
                 \t\tbranches=$((branches + 1))\n\
                 \tdone <\"$refs\"\n\
                 \tfor member in $(git config --get remotes.multi); do\n\
                 \t\t[ \"$member\" = \"$remote\" ] && continue\n\
                 \t\t[ \"$(git config --get \"remote.$member.url\")\" = \"$url\" ] && continue\n\
                 \t\tset -- \"$@\" \"$member\"\n\
                 \t\tmembers=$((members + 1))\n\
                 \tdone\n\
                 \tif [ \"$branches\" -gt 0 ] && [ \"$members\" -gt 0 ]; then\n\
                 {}\
                 \tfi\n\
                 fi\n\
                 rm -f \"$refs\"\n",
                start("push --json \"$@\"", "push --json $*")
                    .lines()
                    .map(|l| format!("\t{l}\n"))
                    .collect::<String>()
            ));
        }
        HookName::PostCommit | HookName::PostMerge => {
            text.push_str(&format!(
                "if [ -x \"$orig\" ]; then\n\
                 \t\"$orig\" \"$@\" || status=$?\n\
                 fi\n\
                 if [ -z \"${{{IN_RUN}:-}}\" ]; then\n\
                 {}\
                 fi\n",
                start(
                    &format!("{} --json", action.as_str()),
                    &format!("{} --json", action.as_str())
                )
            ));
        }
    }
    text.push_str("exit $status\n");
    text
}

/// Is this hook text ours, and with which action?
fn ours(text: &str) -> Option<Option<Action>> {
    let line = text
        .lines()
        .find(|l| l.starts_with('#') && l.contains(MARKER))?;
    let action = line
        .rsplit_once("action ")
        .and_then(|(_, word)| Action::parse(word.trim()));
    Some(action)
}

fn original_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(ORIGINAL_SUFFIX);
    PathBuf::from(name)
}

/// Reads what is installed as `hook` in `dir`.
pub fn state(dir: &Path, hook: HookName) -> HookState {
    let path = dir.join(hook.as_str());
    let original = original_of(&path);
    let chained = original.symlink_metadata().is_ok().then_some(original);
    let (kind, action) = match fs::read(&path) {
        Ok(bytes) => match ours(&String::from_utf8_lossy(&bytes)) {
            Some(action) => ("git-multi", action),
            None => ("other", None),
        },
        Err(_) if path.symlink_metadata().is_ok() => ("other", None),
        Err(_) => ("none", None),
    };
    HookState {
        hook,
        path,
        kind,
        action,
        chained: if kind == "git-multi" { chained } else { None },
    }
}

/// Every hook git-multi knows, as installed now.
pub fn list(git: &Git) -> Result<(HooksDir, Vec<HookState>)> {
    let dir = hooks_dir(git)?;
    let states = HookName::ALL.iter().map(|h| state(&dir.path, *h)).collect();
    Ok((dir, states))
}

/// Installs git-multi's `hook`, chaining one that is already there; installing again only changes the action.
pub fn install(git: &Git, hook: HookName, action: Action) -> Result<(HooksDir, HookState)> {
    if hook == HookName::PrePush && action != Action::Push {
        return Err(Error::usage(format!(
            "a pre-push hook can only push (it brings the other members up to date), not {}",
            action.as_str()
        ))
        .hint(
            "use `--action push`, or a post-commit / post-merge hook for sync, fetch and mirror",
        ));
    }
    let dir = hooks_dir(git)?;
    let path = dir.path.join(hook.as_str());
    let original = original_of(&path);
    let before = state(&dir.path, hook);
    if before.kind != "git-multi" && original.symlink_metadata().is_ok() {
        // Moving the current hook aside would overwrite the one saved earlier.
        return Err(Error::usage(format!(
            "{} exists and is not git-multi's, but {} is already there",
            path.display(),
            original.display()
        ))
        .hint(format!(
            "decide which of the two hooks to keep, delete the other, then run `git multi hook install {}` again",
            hook.as_str()
        )));
    }
    fs::create_dir_all(&dir.path).map_err(|e| io_error("create", &dir.path, e))?;
    if before.kind == "other" {
        fs::rename(&path, &original).map_err(|e| io_error("move aside", &path, e))?;
    }
    let text = script(hook, action, super::exe_dir().as_deref());
    if let Err(err) = write_executable(&path, &text) {
        if before.kind == "other" {
            let _ = fs::rename(&original, &path);
        }
        return Err(io_error("write", &path, err));
    }
    Ok((dir.clone(), state(&dir.path, hook)))
}

/// Removes git-multi's `hook` and puts back the one it chained, exactly as it was.
pub fn remove(git: &Git, hook: HookName) -> Result<(HooksDir, HookState)> {
    let dir = hooks_dir(git)?;
    let before = state(&dir.path, hook);
    match before.kind {
        "none" => {
            return Err(Error::usage(format!(
                "no {} hook is installed in {}",
                hook.as_str(),
                dir.path.display()
            ))
            .hint("`git multi hook list` shows what is installed"))
        }
        "other" => {
            return Err(Error::usage(format!(
                "{} was not installed by git-multi; leaving it alone",
                before.path.display()
            ))
            .hint(
                "delete it yourself if it should go; `git multi hook list` shows git-multi's hooks",
            ))
        }
        _ => {}
    }
    fs::remove_file(&before.path).map_err(|e| io_error("remove", &before.path, e))?;
    if let Some(original) = &before.chained {
        fs::rename(original, &before.path).map_err(|e| io_error("restore", original, e))?;
    }
    Ok((dir.clone(), state(&dir.path, hook)))
}

#[cfg(unix)]
fn write_executable(path: &Path, text: &str) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    // Written beside and renamed over, so git never runs a half-written hook.
    let tmp = path.with_extension("git-multi-tmp");
    fs::write(&tmp, text)?;
    fs::set_permissions(&tmp, fs::Permissions::from_mode(0o755))?;
    fs::rename(&tmp, path)
}

#[cfg(not(unix))]
fn write_executable(path: &Path, text: &str) -> std::io::Result<()> {
    fs::write(path, text)
}

fn io_error(what: &str, path: &Path, err: std::io::Error) -> Error {
    Error::failed(format!("could not {what} {}: {err}", path.display()))
        .hint("check the permissions of the hooks directory (`git rev-parse --git-path hooks`)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_carry_the_marker_and_their_action() {
        for hook in HookName::ALL {
            let text = script(hook, Action::Push, Some(Path::new("/opt/git multi/bin")));
            assert!(text.starts_with("#!/bin/sh\n"));
            assert_eq!(ours(&text), Some(Some(Action::Push)), "{text}");
            assert!(
                text.contains("PATH='/opt/git multi/bin':\"$PATH\""),
                "{text}"
            );
            assert!(text.contains("GIT_MULTI_HOOK=1"));
            assert!(text.contains(" &\n"), "runs detached: {text}");
        }
        let sync = script(HookName::PostMerge, Action::Sync, None);
        assert_eq!(ours(&sync), Some(Some(Action::Sync)));
        assert!(sync.contains("git multi sync --json"));
        assert_eq!(ours("#!/bin/sh\nexec lint\n"), None);
    }

    #[test]
    fn scripts_are_valid_shell() {
        for hook in HookName::ALL {
            let text = script(hook, Action::Push, None);
            let status = std::process::Command::new("sh")
                .args(["-n", "-c", &text])
                .status()
                .expect("sh runs");
            assert!(
                status.success(),
                "sh -n rejects the {} hook:\n{text}",
                hook.as_str()
            );
        }
    }
}
