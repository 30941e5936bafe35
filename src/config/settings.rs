//! The repository-wide settings, read from git's configuration entries (every value checked as it is read).

use std::time::Duration;

use crate::error::Error;
use crate::git::ConfigEntry;

use super::*;

/// Repository-wide settings as configured; `None` means "use the default".
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub jobs: Option<usize>,
    pub per_host: Option<usize>,
    pub timeout: Option<Duration>,
    pub primary: Option<String>,
    /// Configured ref namespaces, in the order they were added.
    pub namespaces: Vec<Namespace>,
}

impl Settings {
    /// The configured namespace `name` belongs to (the first that matches), if any.
    pub fn namespace_of(&self, name: &str) -> Option<&Namespace> {
        self.namespaces.iter().find(|n| n.matches(name))
    }
}

impl Settings {
    /// Reads `[multi]` keys out of already-fetched entries; every value is checked against [`KEYS`] and a bad
    /// one is reported by name, with the command that fixes it. Unknown `multi.*` keys are left alone (a newer
    /// git-multi may have set them).
    pub fn from_entries(entries: &[ConfigEntry]) -> Result<Settings, Error> {
        let mut settings = Settings::default();
        for entry in entries
            .iter()
            .filter(|e| e.section() == SECTION && e.subsection().is_none())
        {
            let Some((def, _)) = lookup(&entry.key) else {
                continue;
            };
            let value = entry.value.as_deref();
            let bad = |problem: String| bad_value(def.name, value, problem);
            def.check(&entry.key, value).map_err(bad)?;
            let text = value.unwrap_or("");
            match def.name {
                JOBS => settings.jobs = Some(parse_count(JOBS, text).map_err(bad)?),
                PER_HOST => settings.per_host = Some(parse_count(PER_HOST, text).map_err(bad)?),
                TIMEOUT => settings.timeout = Some(parse_seconds(TIMEOUT, text).map_err(bad)?),
                PRIMARY => settings.primary = Some(text.to_string()),
                REFS => {
                    // A pattern set again (say in .git/config over ~/.gitconfig) takes the later mode, as a
                    // single-valued key would.
                    let namespace = Namespace::parse(text).map_err(bad)?;
                    settings
                        .namespaces
                        .retain(|n| n.pattern != namespace.pattern);
                    settings.namespaces.push(namespace);
                }
                _ => {}
            }
        }
        if let Some((earlier, later)) = overlapping(&settings.namespaces) {
            return Err(Error::usage(overlap_problem(later, earlier)).hint(format!(
                "keep one of them: `git multi refs remove '{}'` (or `git multi refs remove '{}'`)",
                later.pattern, earlier.pattern
            )));
        }
        Ok(settings)
    }
}
