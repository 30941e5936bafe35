//! The workspace: the repositories `git multi workspace …` works on, kept in
//! `$XDG_CONFIG_HOME/git-multi/workspace.toml` (else `~/.config/git-multi/workspace.toml`), a file people may
//! edit or carry to another machine:
//!
//! ```toml
//! [[repository]]
//! path = "/home/me/src/app"
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default, rename = "repository")]
    repositories: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: PathBuf,
}

/// The list of repositories, in the order they were added.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// Where the list is kept.
    pub file: PathBuf,
    pub repositories: Vec<PathBuf>,
}

impl Workspace {
    /// The workspace file's path.
    pub fn location() -> Result<PathBuf> {
        crate::automation::schedule::config_home()
            .map(|dir| dir.join("git-multi").join("workspace.toml"))
            .ok_or_else(|| {
                Error::usage(
                    "neither XDG_CONFIG_HOME nor HOME is set, so there is no workspace file",
                )
                .hint("set HOME (or XDG_CONFIG_HOME)")
            })
    }

    /// Reads the workspace; a missing file is an empty workspace.
    pub fn load() -> Result<Workspace> {
        let file = Workspace::location()?;
        let repositories = match std::fs::read_to_string(&file) {
            Ok(text) => parse(&text).map_err(|why| {
                Error::usage(format!("{} is not a workspace file: {why}", file.display())).hint(
                    "fix it by hand (`[[repository]]` tables with `path = \"…\"`), or remove it and `git multi workspace add` again",
                )
            })?,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(err) => {
                return Err(Error::failed(format!(
                    "could not read {}: {err}",
                    file.display()
                )))
            }
        };
        Ok(Workspace { file, repositories })
    }

    /// Writes the list back (beside, then renamed over, so a crash never leaves half a file).
    pub fn save(&self) -> Result<()> {
        let text = render(&self.repositories);
        let failed = |err: std::io::Error| {
            Error::failed(format!("could not write {}: {err}", self.file.display()))
        };
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir).map_err(failed)?;
        }
        let tmp = self.file.with_extension("toml.tmp");
        std::fs::write(&tmp, text).map_err(failed)?;
        std::fs::rename(&tmp, &self.file).map_err(failed)
    }

    pub fn contains(&self, path: &Path) -> bool {
        self.repositories.iter().any(|p| p == path)
    }
}

fn parse(text: &str) -> std::result::Result<Vec<PathBuf>, String> {
    let file: File = toml::from_str(text).map_err(|e| e.message().to_string())?;
    Ok(file.repositories.into_iter().map(|e| e.path).collect())
}

fn render(repositories: &[PathBuf]) -> String {
    let file = File {
        repositories: repositories
            .iter()
            .map(|path| Entry { path: path.clone() })
            .collect(),
    };
    let body = toml::to_string(&file).expect("a list of paths serialises");
    format!("# The repositories `git multi workspace` works on; `git multi workspace add|remove` edit this file.\n\n{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_paths_in_order() {
        let paths = vec![
            PathBuf::from("/srv/b"),
            PathBuf::from("/home/me/a \"quoted\""),
        ];
        let text = render(&paths);
        assert!(
            text.contains("[[repository]]\npath = \"/srv/b\"\n"),
            "{text}"
        );
        assert_eq!(parse(&text).unwrap(), paths);
        assert_eq!(parse("").unwrap(), Vec::<PathBuf>::new());
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert!(parse("[[repository]]\npath = \"/a\"\nbranch = \"x\"\n").is_err());
        assert!(parse("repository = 3").is_err());
    }
}
