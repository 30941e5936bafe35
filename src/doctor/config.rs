//! The configuration: every `multi.*` value checked against the key table (and namespaces that overlap).

use crate::config;
use crate::git::ConfigEntry;
use crate::model::Check;

/// Every `multi.*` value checked against the key table; the entries that passed, for the other checks.
pub fn configuration(entries: &[ConfigEntry]) -> (Vec<Check>, Vec<ConfigEntry>) {
    let mut checks = Vec::new();
    let mut usable = Vec::new();
    let mut known = 0;
    let mut namespaces: Vec<config::Namespace> = Vec::new();
    for entry in entries {
        if entry.section() != config::SECTION {
            usable.push(entry.clone());
            continue;
        }
        if config::lookup(&entry.key).is_none() {
            checks.push(Check::warn(
                "config",
                format!("{}: not a key git-multi knows; it is ignored", entry.key),
                format!(
                    "`git multi config list` shows the keys; remove it with `git config --unset {}`",
                    entry.key
                ),
            ));
            usable.push(entry.clone());
            continue;
        }
        known += 1;
        let is_refs = entry.key.eq_ignore_ascii_case(config::REFS);
        let found = config::check_entry(entry).and_then(|()| {
            if !is_refs {
                return Ok(());
            }
            // Each value is fine on its own; two that share refs are not (see `refs add`).
            let namespace = config::Namespace::parse(entry.value.as_deref().unwrap_or(""))?;
            namespaces.retain(|n: &config::Namespace| n.pattern != namespace.pattern);
            match namespaces.iter().find(|n| n.overlaps_with(&namespace)) {
                Some(existing) => Err(config::overlap_problem(&namespace, existing)),
                None => {
                    namespaces.push(namespace);
                    Ok(())
                }
            }
        });
        match found {
            Ok(()) => usable.push(entry.clone()),
            Err(problem) if is_refs => checks.push(Check::fail(
                "config",
                problem,
                config::fix_hint(&entry.key, entry.value.as_deref()),
            )),
            Err(problem) => checks.push(Check::fail(
                "config",
                problem,
                format!(
                    "`git multi config set {} <value>`, or `git multi config unset {}`",
                    entry.key, entry.key
                ),
            )),
        }
    }
    if checks.is_empty() {
        checks.push(Check::ok(
            "config",
            format!("{known} git-multi value(s), all valid"),
        ));
    }
    (checks, usable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::check::CheckStatus;

    #[test]
    fn bad_values_fail_and_unknown_keys_warn() {
        let entry = |k: &str, v: &str| ConfigEntry {
            key: k.into(),
            value: Some(v.into()),
        };
        let (checks, usable) = configuration(&[
            entry("multi.jobs", "abc"),
            entry("multi.frobnicate", "1"),
            entry("multi.a.enabled", "true"),
            entry("remote.a.url", "/srv/a.git"),
        ]);
        let statuses: Vec<CheckStatus> = checks.iter().map(|c| c.status).collect();
        assert_eq!(statuses, [CheckStatus::Fail, CheckStatus::Warn]);
        assert!(checks[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("git multi config"));
        assert_eq!(usable.len(), 3);
    }
}
