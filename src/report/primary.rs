//! `primary` in words: the configured primary remote, and what setting or unsetting it changed.

use serde::Serialize;

#[derive(Serialize)]
struct PrimaryDocument<'a> {
    primary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<Option<&'a str>>,
    /// Whether the primary is a member of the set (a removed remote may still be named).
    #[serde(skip_serializing_if = "Option::is_none")]
    member: Option<bool>,
}

/// The primary as configured: its name alone on stdout (for scripts), a warning when it is not a member.
pub fn show(primary: Option<&str>, member: bool, json: bool) {
    if json {
        super::json(&PrimaryDocument {
            primary,
            previous: None,
            member: primary.map(|_| member),
        });
        return;
    }
    match primary {
        Some(name) => {
            super::out(&format!("{name}\n"));
            if !member {
                super::warning(&format!(
                    "`{name}` is not a member of the remote set; set another with `git multi primary <remote>`"
                ));
            }
        }
        None => super::note(
            "no primary remote is set; set one with `git multi primary <remote>` (`sync`, `pull` and `mirror` use it)",
        ),
    }
}

/// What `primary <remote>` or `primary --unset` changed.
pub fn changed(primary: Option<&str>, previous: Option<&str>, json: bool) {
    if json {
        super::json(&PrimaryDocument {
            primary,
            previous: Some(previous),
            member: None,
        });
        return;
    }
    let was = match previous {
        Some(previous) if Some(previous) == primary => " (unchanged)".to_string(),
        Some(previous) => format!(" (was {previous})"),
        None => String::new(),
    };
    match primary {
        Some(name) => super::out(&format!("primary: {name}{was}\n")),
        None => super::out(&format!("primary unset{was}\n")),
    }
}

/// A primary that is a member but disabled: it is still used as named.
pub fn disabled(name: &str) {
    super::warning(&format!(
        "`{name}` is disabled: `sync` and `pull` still use it as named, `mirror` copies from it; `git multi remote enable {q_name}` includes it again", q_name = crate::quote::word(name)));
}

/// `--unset` removed the repository's own value, but another config file still sets one.
pub fn still_set(value: &str) {
    super::warning(&format!(
        "multi.primary is still `{value}` from a config file outside this repository; `git config --show-origin multi.primary` shows where"
    ));
}

/// `remote remove` took out the primary, so `multi.primary` went with it (stderr: the removal has no results).
pub fn removed_member_was_primary(name: &str) {
    super::note(&format!(
        "`{name}` was the primary remote, so multi.primary is unset now (sync and pull use the branch's upstream remote); choose another with `git multi primary <remote>`"
    ));
}
