//! git's configuration: reading every entry that matches (`git config -z --get-regexp`, parsed here) and
//! writing, unsetting, renaming and removing keys and sections of the repository's own `.git/config`.

use super::{Git, GitError, GitOutput};

/// One `key=value` entry as git printed it. `value` is `None` for a bare boolean key (`[multi] flag` with no
/// `=`), which git prints without the newline separator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigEntry {
    pub key: String,
    pub value: Option<String>,
}

impl ConfigEntry {
    /// The section, lower-cased by git (`remote`, `multi`).
    pub fn section(&self) -> &str {
        self.key.split('.').next().unwrap_or("")
    }

    /// The subsection of a three-level key: everything between the first and the last dot, so remote names
    /// with dots (`remote.a.b.url`) come out whole. `None` for two-level keys.
    pub fn subsection(&self) -> Option<&str> {
        let first = self.key.find('.')?;
        let last = self.key.rfind('.')?;
        (last > first).then(|| &self.key[first + 1..last])
    }

    /// The variable name (`url`, `enabled`), lower-cased by git.
    pub fn name(&self) -> &str {
        self.key.rsplit('.').next().unwrap_or("")
    }
}

/// Parses NUL-separated entries where each entry is `key\nvalue` or just `key`.
pub fn parse(output: &str) -> Vec<ConfigEntry> {
    output
        .split('\0')
        .filter(|entry| !entry.is_empty())
        .map(|entry| match entry.split_once('\n') {
            Some((key, value)) => ConfigEntry {
                key: key.to_string(),
                value: Some(value.to_string()),
            },
            None => ConfigEntry {
                key: entry.to_string(),
                value: None,
            },
        })
        .collect()
}

impl Git {
    /// Every config entry whose key matches `regex`, from all scopes, in file order.
    pub fn config_entries(&self, regex: &str) -> Result<Vec<ConfigEntry>, GitError> {
        // 1 means "no such key": an empty set, not an error.
        let output = self
            .command(["config", "-z", "--get-regexp", regex])
            .run_accepting(|o| matches!(o.code, Some(0 | 1)))?;
        Ok(parse(&output.stdout))
    }

    /// Like [`Git::config_entries`], from the repository's own `.git/config` only (what `--local` writes).
    pub fn config_entries_in_repository(&self, regex: &str) -> Result<Vec<ConfigEntry>, GitError> {
        let output = self
            .command(["config", "--local", "-z", "--get-regexp", regex])
            .run_accepting(|o| matches!(o.code, Some(0 | 1)))?;
        Ok(parse(&output.stdout))
    }

    pub fn config_set(&self, key: &str, value: &str) -> Result<(), GitError> {
        self.command(["config", "--local", "--", key, value])
            .run()
            .map(drop)
    }

    /// Adds one more value to the multi-valued `key` (`git config --add`).
    pub fn config_add(&self, key: &str, value: &str) -> Result<(), GitError> {
        self.command(["config", "--local", "--add", "--", key, value])
            .run()
            .map(drop)
    }

    /// Removes every value of `key` that is exactly `value` (`--fixed-value`); none there (exit 5) is fine.
    pub fn config_unset_value(&self, key: &str, value: &str) -> Result<(), GitError> {
        self.command([
            "config",
            "--local",
            "--fixed-value",
            "--unset-all",
            "--",
            key,
            value,
        ])
        .run_accepting(|o| matches!(o.code, Some(0 | 5)))
        .map(drop)
    }

    /// Removes `key`; a key that is not there (exit 5) is fine.
    pub fn config_unset(&self, key: &str) -> Result<(), GitError> {
        self.command(["config", "--local", "--unset-all", "--", key])
            .run_accepting(|o| matches!(o.code, Some(0 | 5)))
            .map(drop)
    }

    /// Renames a `[multi "<old>"]`-style section; a section that is not there is fine.
    pub fn config_rename_section(&self, old: &str, new: &str) -> Result<(), GitError> {
        self.command(["config", "--local", "--rename-section", old, new])
            .run_accepting(done_or_no_such_section)
            .map(drop)
    }

    /// Removes a section; a section that is not there is fine.
    pub fn config_remove_section(&self, section: &str) -> Result<(), GitError> {
        self.command(["config", "--local", "--remove-section", section])
            .run_accepting(done_or_no_such_section)
            .map(drop)
    }

    /// One value of `key` as git resolves it (last one wins), `None` when unset.
    pub fn config_get(&self, key: &str) -> Result<Option<String>, GitError> {
        let output = self
            .command(["config", "--get", "--", key])
            .run_accepting(|o| matches!(o.code, Some(0 | 1)))?;
        Ok(output
            .success()
            .then(|| output.stdout.trim_end().to_string()))
    }
}

impl Git {
    /// Every value of a multi-valued `key` as git resolves it (all scopes, in order); empty when unset.
    pub fn config_get_all(&self, key: &str) -> Result<Vec<String>, GitError> {
        let output = self
            .command(["config", "-z", "--get-all", "--", key])
            .run_accepting(|o| matches!(o.code, Some(0 | 1)))?;
        Ok(parse_values(&output.stdout))
    }

    /// The value of `<section>.<key>` that applies to `url`: the best-matching `<section>.<url>.<key>`, else
    /// `<section>.<key>` (what git itself uses for `http.*` and `credential.*`).
    pub fn config_get_urlmatch(&self, key: &str, url: &str) -> Result<Option<String>, GitError> {
        let output = self
            .command(["config", "--get-urlmatch", "--", key, url])
            .run_accepting(|o| matches!(o.code, Some(0 | 1)))?;
        Ok(output
            .success()
            .then(|| output.stdout.trim_end().to_string()))
    }
}

/// Parses `git config -z --get-all`: every value ends with a NUL. Empty values are kept: for
/// `credential.helper` an empty value clears the helpers before it.
pub fn parse_values(stdout: &str) -> Vec<String> {
    let mut values: Vec<String> = stdout.split('\0').map(str::to_string).collect();
    // The last NUL terminates the last value; what follows it is not a value.
    values.pop();
    values
}

fn done_or_no_such_section(output: &GitOutput) -> bool {
    output.success() || output.stderr.contains("no such section")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `git config -z --get-regexp '^(multi|remote|remotes)\.'` on a repository with a dotted remote name, a
    /// remote group and a bare boolean `[multi] bare` line (git 2.47.3).
    const SAMPLE: &str = "remote.origin.url\nhttps://github.com/a/b.git\0remote.origin.fetch\n+refs/heads/*:refs/remotes/origin/*\0remote.a.b.url\nfile:///tmp/x\0remote.a.b.fetch\n+refs/heads/*:refs/remotes/a.b/*\0remotes.multi\norigin a.b\0multi.origin.enabled\ntrue\0multi.a.b.provider\ngithub\0multi.flag\ntrue\0multi.bare\0";

    #[test]
    fn parses_real_output() {
        let entries = parse(SAMPLE);
        assert_eq!(entries.len(), 9);
        assert_eq!(entries[0].key, "remote.origin.url");
        assert_eq!(
            entries[0].value.as_deref(),
            Some("https://github.com/a/b.git")
        );
        assert_eq!(entries[2].subsection(), Some("a.b"));
        assert_eq!(entries[2].name(), "url");
        assert_eq!(entries[4].section(), "remotes");
        assert_eq!(entries[4].subsection(), None);
        assert_eq!(entries[4].name(), "multi");
        assert_eq!(entries[6].subsection(), Some("a.b"));
        assert_eq!(
            entries[8],
            ConfigEntry {
                key: "multi.bare".into(),
                value: None
            }
        );
    }

    #[test]
    fn keeps_newlines_inside_values() {
        let entries = parse("multi.x.description\nline one\nline two\0");
        assert_eq!(entries[0].value.as_deref(), Some("line one\nline two"));
    }

    /// `git config -z --get-all credential.helper` with a helper, an empty value that resets the list, and
    /// another helper (git 2.47.3).
    const HELPERS: &str = "cache --timeout=60\0\0store --file=/x\0";

    #[test]
    fn keeps_empty_values_of_multi_valued_keys() {
        assert_eq!(
            parse_values(HELPERS),
            ["cache --timeout=60", "", "store --file=/x"]
        );
        assert!(parse_values("").is_empty());
    }

    #[test]
    fn empty_output_is_empty() {
        assert!(parse("").is_empty());
    }
}
