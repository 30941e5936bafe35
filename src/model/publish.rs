//! One kind of ref (branches or tags) on every remote, as data: which kind, what listing learned about each
//! remote, and what a create or delete did to the local copy.

use serde::Serialize;

use crate::git::refname;

/// Which kind of ref a command works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Branch,
    Tag,
}

impl Kind {
    pub fn word(self) -> &'static str {
        match self {
            Kind::Branch => "branch",
            Kind::Tag => "tag",
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            Kind::Branch => "branches",
            Kind::Tag => "tags",
        }
    }

    /// `main` for a branch, `v1` for a tag.
    pub fn short(self, name: &str) -> &str {
        match self {
            Kind::Branch => refname::short(name),
            Kind::Tag => name.strip_prefix(refname::TAGS).unwrap_or(name),
        }
    }

    /// Where refs of this kind live: `refs/heads/`, `refs/tags/`.
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Branch => refname::HEADS,
            Kind::Tag => refname::TAGS,
        }
    }
}

/// What listing learned about one remote besides its refs.
#[derive(Debug, Default, Serialize)]
pub struct Listed {
    pub refs: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub retries: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What happened to the local branch or tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocalAction {
    /// Made by this run (`git branch` / `git tag`).
    Created,
    /// Was already here and was published as it is.
    Existed,
    Deleted,
    /// Left in place (`--keep-local`, or a remote still has its copy).
    Kept,
    /// There is none here.
    Absent,
}

/// The local side of a create or delete.
#[derive(Debug, Clone, Serialize)]
pub struct LocalStep {
    pub action: LocalAction,
    pub oid: Option<String>,
    /// Why it was kept, or how it was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
