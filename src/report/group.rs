//! `group` in words: what a group holds after a change, and the list of groups.

use serde::Serialize;

pub fn added(group: &str, added: &[&String], now: &[String]) {
    let text = if added.is_empty() {
        format!("{group}: unchanged ({})\n", now.join(" "))
    } else {
        format!("{group}: {}\n", now.join(" "))
    };
    super::out(&text);
}

pub fn removed(group: &str) {
    super::out(&format!("{group}: removed (its remotes stay in the set)\n"));
}

#[derive(Serialize)]
struct Group<'a> {
    name: &'a str,
    remotes: &'a [String],
}

#[derive(Serialize)]
struct ListDocument<'a> {
    groups: Vec<Group<'a>>,
}

/// `{"ok":true,"groups":[{"name","remotes":[…]}]}`, or one line per group.
pub fn list(groups: &[(&str, &[String])], json: bool) {
    if json {
        super::json(&ListDocument {
            groups: groups
                .iter()
                .map(|(name, remotes)| Group { name, remotes })
                .collect(),
        });
        return;
    }
    if groups.is_empty() {
        super::note("no remote groups; make one with `git multi group add <group> <remote>...`");
        return;
    }
    let rows: Vec<Vec<String>> = groups
        .iter()
        .map(|(name, remotes)| vec![name.to_string(), remotes.join(" ")])
        .collect();
    super::table(&rows);
}
