//! The machine: git and the features its version enables, the OS keyring, git-multi on PATH.

use crate::auth;
use crate::git::{Git, FEATURES};
use crate::model::Check;

pub fn features(git: &Git) -> Vec<Check> {
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

pub fn keyring() -> Check {
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

pub fn on_path() -> Check {
    match which::which("git-multi") {
        Ok(path) => Check::ok("path", format!("git-multi is {}", path.display())),
        Err(_) => Check::warn(
            "path",
            "git-multi is not on PATH, so `git multi` cannot find it",
            "put the directory holding git-multi on PATH (`cargo install --path .` puts it in ~/.cargo/bin)",
        ),
    }
}
