//! Whether a remote's URL leads to a repository now: a local path must hold one (checked on disk, as git
//! would open it); any other URL must answer `git ls-remote`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{Error, Result};
use crate::git::GitError;
use crate::session::Session;
use crate::url::{RemoteUrl, Transport};

/// Is there a repository (or bundle) git would open for this local path or file:// URL? `None` for URLs
/// that are not local.
pub fn local_repository(parsed: &RemoteUrl) -> Option<bool> {
    if !matches!(parsed.transport, Transport::Local | Transport::File) {
        return None;
    }
    let path = Path::new(&parsed.path);
    // git tries these in turn (enter_repo), so `/srv/app` also finds `/srv/app.git`.
    let candidates = [
        path.join(".git"),
        path.to_path_buf(),
        PathBuf::from(format!("{}.git", parsed.path)).join(".git"),
        PathBuf::from(format!("{}.git", parsed.path)),
    ];
    let found = candidates.iter().any(|p| {
        let git_dir = p.is_dir() && p.join("HEAD").is_file() && p.join("objects").is_dir();
        // A `.git` file points at the real directory (worktrees, submodules).
        let gitfile = p.is_file()
            && p.file_name() == Some(std::ffi::OsStr::new(".git"))
            && file_starts_with(p, b"gitdir: ");
        git_dir || gitfile
    });
    // git also fetches from a bundle file given as the URL.
    let bundle = path.is_file()
        && (file_starts_with(path, b"# v2 git bundle")
            || file_starts_with(path, b"# v3 git bundle"));
    Some(found || bundle)
}

fn file_starts_with(path: &Path, prefix: &[u8]) -> bool {
    use std::io::Read;
    let mut head = vec![0u8; prefix.len()];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && head == prefix
}

/// `remote add --check`: the URL must answer now. A local path must hold a repository; anything else must
/// answer `git ls-remote` within `timeout`.
pub fn check_answers(
    ctx: &Session,
    url: &str,
    parsed: &RemoteUrl,
    timeout: Duration,
) -> Result<()> {
    let without_check = "or add it without --check and create the repository later";
    match local_repository(parsed) {
        Some(true) => Ok(()),
        Some(false) => Err(
            Error::usage(format!("`{url}` is not a git repository")).hint(format!(
                "create it first with `git init --bare {}`, {without_check}",
                crate::quote::word(&parsed.path)
            )),
        ),
        None => match ctx.git.ls_remote(url, Some(timeout)) {
            Ok(_) => Ok(()),
            Err(err @ GitError::Interrupted { .. }) => Err(err.into()),
            Err(err) => {
                let why = match &err {
                    GitError::TimedOut { after, .. } => {
                        format!("no answer within {}s", after.as_secs_f64().ceil())
                    }
                    other => other
                        .stderr()
                        .map(crate::git::failure_summary)
                        .filter(|s| !s.is_empty())
                        .unwrap_or_else(|| other.to_string()),
                };
                Err(
                    Error::usage(format!("`{url}` does not answer: {why}")).hint(format!(
                        "see what git says with `git ls-remote {}`, {without_check}",
                        crate::quote::word(url)
                    )),
                )
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(raw: &str) -> Option<bool> {
        local_repository(&crate::url::parse(raw, |_| true).expect("a URL"))
    }

    /// A directory git would open as a bare repository: HEAD and objects/ are what git checks first.
    fn bare(dir: &Path) {
        std::fs::create_dir_all(dir.join("objects")).unwrap();
        std::fs::write(dir.join("HEAD"), "ref: refs/heads/main\n").unwrap();
    }

    #[test]
    fn a_local_path_leads_to_a_repository_where_git_would_find_one() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_str().unwrap();
        bare(&tmp.path().join("app.git"));
        assert_eq!(at(&format!("{root}/app.git")), Some(true));
        // git also tries `<path>.git`.
        assert_eq!(at(&format!("{root}/app")), Some(true));
        assert_eq!(at(&format!("file://{root}/app.git")), Some(true));
        // A work tree's `.git` directory, and a `.git` file pointing elsewhere (worktrees, submodules).
        bare(&tmp.path().join("work/.git"));
        assert_eq!(at(&format!("{root}/work")), Some(true));
        std::fs::create_dir_all(tmp.path().join("linked")).unwrap();
        std::fs::write(tmp.path().join("linked/.git"), "gitdir: ../work/.git\n").unwrap();
        assert_eq!(at(&format!("{root}/linked")), Some(true));
        // A bundle file is fetched from as well.
        std::fs::write(tmp.path().join("saved.bundle"), "# v2 git bundle\n").unwrap();
        assert_eq!(at(&format!("{root}/saved.bundle")), Some(true));
    }

    #[test]
    fn nothing_there_is_no_repository_and_a_network_url_is_not_judged() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_str().unwrap();
        assert_eq!(at(&format!("{root}/missing.git")), Some(false));
        // An empty directory, and a plain file, are not repositories.
        std::fs::create_dir_all(tmp.path().join("empty")).unwrap();
        assert_eq!(at(&format!("{root}/empty")), Some(false));
        std::fs::write(tmp.path().join("notes.txt"), "hello\n").unwrap();
        assert_eq!(at(&format!("{root}/notes.txt")), Some(false));
        assert_eq!(at("https://example.com/alice/app.git"), None);
        assert_eq!(at("git@example.com:alice/app.git"), None);
    }
}
