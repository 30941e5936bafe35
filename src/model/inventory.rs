//! What the hosts say about an owner's repositories and organisations: the inventory of one member's host, and
//! the repository × host matrix built from all of them (a host's own row, [`Listed`], is the provider's).

use std::collections::BTreeMap;

use serde::Serialize;

pub use crate::provider::inventory::Listed;

/// One member's part of `org repos`: whose repositories were listed there, and what came back.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OwnerListing {
    pub provider: String,
    pub owner: Option<String>,
    pub count: usize,
    #[serde(skip)]
    pub repositories: Vec<Listed>,
}

/// One member's part of `org list`: the organisations (groups, workspaces) of the token's account.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Organisations {
    pub provider: String,
    pub organisations: Vec<String>,
}

/// A row of the matrix: one repository name and what each member's host has under it (`None`: absent).
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub name: String,
    /// By remote name; a member whose listing failed has no entry at all (unknown, not absent).
    pub on: BTreeMap<String, Option<Listed>>,
    /// The remotes that answered and lack this repository, in the set's order.
    pub missing: Vec<String>,
}

/// Builds the repository × remote matrix: names compared without case (Bitbucket slugs are lowercase, GitLab
/// paths may differ in case from the name), rows sorted by name. `listings` holds, per remote in the set's
/// order, its repositories or `None` when that host could not be listed.
pub fn matrix(listings: &[(String, Option<&[Listed]>)]) -> Vec<Row> {
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    for (_, listed) in listings {
        for repo in listed.iter().flat_map(|l| l.iter()) {
            rows.entry(repo.name.to_lowercase()).or_insert_with(|| Row {
                name: repo.name.clone(),
                on: BTreeMap::new(),
                missing: Vec::new(),
            });
        }
    }
    for row in rows.values_mut() {
        for (remote, listed) in listings {
            if let Some(listed) = listed {
                let found = listed
                    .iter()
                    .find(|r| r.name.eq_ignore_ascii_case(&row.name))
                    .cloned();
                if found.is_none() {
                    row.missing.push(remote.clone());
                }
                row.on.insert(remote.clone(), found);
            }
        }
    }
    rows.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(name: &str) -> Listed {
        Listed {
            name: name.into(),
            ..Listed::default()
        }
    }

    #[test]
    fn rows_join_names_without_case_and_leave_failed_hosts_unknown() {
        let a = [listed("Demo"), listed("tool")];
        let b = [listed("demo")];
        let rows = matrix(&[
            ("a".into(), Some(&a[..])),
            ("b".into(), Some(&b[..])),
            ("c".into(), None),
        ]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].name, "Demo");
        assert!(rows[0].on["b"].is_some());
        assert!(!rows[0].on.contains_key("c"));
        assert_eq!(rows[1].missing, ["b"]);
        assert!(rows[0].missing.is_empty());
    }
}
