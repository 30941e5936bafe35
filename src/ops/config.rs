//! `config get|set|unset|list` over git-multi's documented keys (`config::KEYS`): every value checked by the
//! key's type before anything is written, and `remotes.multi` and the audit log kept in step. It reads the
//! configuration entries without building the remote set, so it still works when a bad value stops every
//! other command — it is how that value gets fixed.

use crate::audit;
use crate::config::{self, KeyDef, ValueKind};
use crate::error::{Error, Result};
use crate::git::ConfigEntry;
use crate::model::config::KeyState;
use crate::remote_set::RemoteSet;
use crate::session::Session;

/// The values `config get` prints for `key`: all of a multi-valued key's, else the one that wins. Empty when
/// it is not set.
pub fn get(entries: &[ConfigEntry], key: &str) -> Result<Vec<String>> {
    let (def, _) = known(key)?;
    let values = values_of(entries, key);
    Ok(if def.multi_valued {
        values
    } else {
        values.last().cloned().into_iter().collect()
    })
}

/// Checks `value` for `key` and writes it to the repository's config (normalised as git-multi writes it).
pub fn set(ctx: &Session, entries: &[ConfigEntry], key: &str, value: &str) -> Result<()> {
    let (def, remote) = known(key)?;
    if def.name == config::REFS {
        keeps_other_namespaces(entries, key, value)?;
    }
    let bad = |problem: String| {
        Error::usage(problem).hint(format!(
            "{} takes {}: {}",
            def.name,
            def.kind.as_str(),
            def.description
        ))
    };
    def.check(key, Some(value)).map_err(bad)?;
    names_members(entries, def, key, remote, value)?;
    let value = match def.kind {
        ValueKind::Provider => crate::validate::parse_provider(value)?.as_str().to_string(),
        ValueKind::ApiUrl => value.trim_end_matches('/').to_string(),
        // Stored with its merge mode spelled out, as `refs add` and `import` write it.
        ValueKind::Namespace => config::Namespace::parse(value).map_err(bad)?.value(),
        _ => value.trim().to_string(),
    };
    let before = RemoteSet::load(&ctx.git).ok();
    if def.multi_valued {
        // Only reached with no other value to lose (see `keeps_other_namespaces`): this one replaces what was there.
        ctx.git.config_unset(key)?;
        ctx.git.config_add(key, &value)?;
    } else {
        ctx.git.config_set(key, &value)?;
    }
    after_write(ctx, def, remote, before.as_ref())
}

/// Removes `key` from the repository's config.
pub fn unset(ctx: &Session, key: &str) -> Result<()> {
    let (def, remote) = known(key)?;
    let before = RemoteSet::load(&ctx.git).ok();
    ctx.git.config_unset(key)?;
    if let Some(remote) = remote {
        // A member is its `[multi "<name>"]` keys: removing the last one must not drop it from the set.
        let left = ctx.git.config_entries(r"^multi\.")?;
        if !member_names(&left).iter().any(|m| m == remote) {
            ctx.git.config_set(
                &config::member::key(remote, config::member::ENABLED),
                "true",
            )?;
        }
    }
    after_write(ctx, def, remote, before.as_ref())
}

/// Every repository-wide key, then every member's keys.
pub fn states(entries: &[ConfigEntry]) -> Vec<KeyState> {
    let state = |def: &KeyDef, key: String| KeyState {
        values: values_of(entries, &key),
        key,
        kind: def.kind,
        default: def.default,
        description: def.description,
    };
    let mut out: Vec<KeyState> = config::KEYS
        .iter()
        .filter(|d| !d.per_remote())
        .map(|d| state(d, d.name.to_string()))
        .collect();
    for remote in member_names(entries) {
        out.extend(
            config::KEYS
                .iter()
                .filter(|d| d.per_remote())
                .map(|d| state(d, d.for_remote(&remote))),
        );
    }
    out
}

/// The definition of `key`, or the usage error listing what there is.
fn known(key: &str) -> Result<(&'static KeyDef, Option<&str>)> {
    config::lookup(key).ok_or_else(|| {
        Error::usage(format!("unknown key `{key}`"))
            .hint("`git multi config list` shows every key git-multi reads")
    })
}

/// `set` replaces every value of a key: for multi.refs that would drop the other namespaces, so it is refused
/// when there are any (as git refuses to overwrite several values with one).
fn keeps_other_namespaces(entries: &[ConfigEntry], key: &str, value: &str) -> Result<()> {
    let pattern = config::Namespace::split(value).0;
    let others: Vec<String> = values_of(entries, key)
        .into_iter()
        .map(|v| config::Namespace::split(&v).0.to_string())
        .filter(|p| p != pattern)
        .collect();
    if others.is_empty() {
        return Ok(());
    }
    Err(Error::usage(format!(
        "`git multi config set {}` would replace the configured namespaces ({})",
        config::REFS,
        others.join(", ")
    ))
    .hint(format!(
        "add one beside them with `git multi refs add {q_pattern}` (`--merge union|ff-only|theirs`), remove one with `git multi refs remove <pattern>`", q_pattern = crate::quote::word(pattern))))
}

/// The member a per-remote key belongs to, and the one a remote-valued key names, must be in the set.
fn names_members(
    entries: &[ConfigEntry],
    def: &KeyDef,
    key: &str,
    remote: Option<&str>,
    value: &str,
) -> Result<()> {
    let members = member_names(entries);
    if let Some(remote) = remote {
        if !members.iter().any(|m| m == remote) {
            return Err(Error::usage(format!("Remote '{remote}' not found in the remote set"))
                .hint("`git multi remote list` shows the members; add one with `git multi remote add <name> <url>`"));
        }
    }
    if def.kind == ValueKind::Remote && !members.iter().any(|m| m == value) {
        return Err(Error::usage(format!(
            "{key}: Remote '{value}' not found in the remote set"
        ))
        .hint("`git multi remote list` shows the members"));
    }
    Ok(())
}

/// Keeps `remotes.multi` in step when a member's `enabled` changed, and logs the change.
fn after_write(
    ctx: &Session,
    def: &KeyDef,
    remote: Option<&str>,
    before: Option<&RemoteSet>,
) -> Result<()> {
    if remote.is_some() && def.kind == ValueKind::Bool {
        ctx.remote_set()?.write_group(&ctx.git)?;
    }
    if let Some(before) = before {
        audit::record_set(&ctx.git, "config", before);
    }
    Ok(())
}

/// The members' names from `[multi "<name>"]` sections, read without checking any value.
fn member_names(entries: &[ConfigEntry]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for entry in entries {
        if let Some(name) = entry.subsection() {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

fn values_of(entries: &[ConfigEntry], key: &str) -> Vec<String> {
    let Some((def, remote)) = config::lookup(key) else {
        return Vec::new();
    };
    entries
        .iter()
        .filter(|e| {
            config::lookup(&e.key).is_some_and(|(d, r)| std::ptr::eq(d, def) && r == remote)
        })
        .map(|e| e.value.clone().unwrap_or_else(|| "true".into()))
        .collect()
}
