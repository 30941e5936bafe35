//! Many new config sections in one write: `git config` rewrites the whole file for every key it sets, so adding
//! thousands of remotes one key at a time is quadratic (an import of 5,000 remotes took minutes). New sections are
//! written as git's own text, checked by git itself, and appended under git's lock protocol in one rename.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use super::{config, Git, GitError};

/// A section the config does not have yet, with its entries in order (a key may repeat: `pushurl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSection {
    /// `remote`, `multi`.
    pub section: String,
    pub subsection: String,
    pub entries: Vec<(String, String)>,
}

impl NewSection {
    pub fn new(section: &str, subsection: &str) -> NewSection {
        NewSection {
            section: section.to_string(),
            subsection: subsection.to_string(),
            entries: Vec::new(),
        }
    }

    /// The section as git writes it; every value in double quotes, so `#`, `;` and edge spaces stay values.
    fn text(&self) -> String {
        let mut out = format!("[{} \"{}\"]\n", self.section, escape(&self.subsection));
        for (key, value) in &self.entries {
            out.push_str(&format!("\t{key} = \"{}\"\n", escape(value)));
        }
        out
    }
}

/// `\` and `"` escaped as git's config syntax wants them inside double quotes (newlines never get here: every
/// value was validated first).
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

impl Git {
    /// Appends `sections` to the repository's own config file in one write. git reads the new text back first
    /// (`git config --file <it> --list`) and must find exactly the entries meant, so a value that would not
    /// survive the round trip changes nothing. The file is replaced as git replaces it: `config.lock` created
    /// exclusively (a git writing at the same moment makes this fail, not interleave), then renamed.
    pub fn config_append_sections(&self, sections: &[NewSection]) -> Result<(), GitError> {
        if sections.is_empty() {
            return Ok(());
        }
        let text: String = sections.iter().map(NewSection::text).collect();
        self.check_round_trip(&text, sections)?;
        let path = self.common_dir()?.join("config");
        append_locked(&path, &text).map_err(|err| GitError::Failed {
            command: "write .git/config".to_string(),
            code: None,
            stderr: format!("error: could not update {}: {err}\n", path.display()),
        })
    }

    fn check_round_trip(&self, text: &str, sections: &[NewSection]) -> Result<(), GitError> {
        let mut file = tempfile::NamedTempFile::new().map_err(|source| GitError::Spawn {
            command: "git config --file".to_string(),
            source,
        })?;
        file.write_all(text.as_bytes())
            .map_err(|source| GitError::Spawn {
                command: "git config --file".to_string(),
                source,
            })?;
        let listed = self
            .command([
                std::ffi::OsStr::new("config"),
                std::ffi::OsStr::new("--file"),
                file.path().as_os_str(),
                std::ffi::OsStr::new("-z"),
                std::ffi::OsStr::new("--list"),
            ])
            .run()?;
        let found: Vec<(String, String)> = config::parse(&listed.stdout)
            .into_iter()
            .map(|e| (e.key.clone(), e.value.unwrap_or_default()))
            .collect();
        let meant: Vec<(String, String)> = sections
            .iter()
            .flat_map(|s| {
                s.entries.iter().map(|(k, v)| {
                    let key = lower_outer(&format!("{}.{}.{}", s.section, s.subsection, k));
                    (key, v.clone())
                })
            })
            .collect();
        if found != meant {
            return Err(GitError::Failed {
                command: "git config --file".to_string(),
                code: None,
                stderr: "error: the new configuration did not read back as written\n".to_string(),
            });
        }
        Ok(())
    }
}

/// `section.sub.key` with the section and key lower-cased and the subsection as it is (git's own rule).
fn lower_outer(key: &str) -> String {
    match (key.find('.'), key.rfind('.')) {
        (Some(first), Some(last)) if first < last => format!(
            "{}{}{}",
            key[..first].to_ascii_lowercase(),
            &key[first..last],
            key[last..].to_ascii_lowercase()
        ),
        _ => key.to_ascii_lowercase(),
    }
}

/// The file with `text` appended, written to `<file>.lock` (created exclusively, as git does) and renamed over it.
fn append_locked(path: &Path, text: &str) -> std::io::Result<()> {
    let lock = path.with_extension("lock");
    let mut out = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&lock)?;
    let written = (|| {
        let mut content = fs::read(path)?;
        if !content.is_empty() && !content.ends_with(b"\n") {
            content.push(b'\n');
        }
        content.extend_from_slice(text.as_bytes());
        out.write_all(&content)?;
        out.sync_all()?;
        if let Ok(meta) = fs::metadata(path) {
            fs::set_permissions(&lock, meta.permissions())?;
        }
        fs::rename(&lock, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&lock);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_written_as_git_reads_them() {
        let mut s = NewSection::new("remote", "r1");
        s.entries
            .push(("url".into(), r#"/srv/a "b" \c #d ;e "#.into()));
        s.entries
            .push(("fetch".into(), "+refs/heads/*:refs/remotes/r1/*".into()));
        assert_eq!(
            s.text(),
            "[remote \"r1\"]\n\turl = \"/srv/a \\\"b\\\" \\\\c #d ;e \"\n\tfetch = \"+refs/heads/*:refs/remotes/r1/*\"\n"
        );
        assert_eq!(
            lower_outer("Remote.MyName.PushURL"),
            "remote.MyName.pushurl"
        );
    }
}
