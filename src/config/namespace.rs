//! Ref namespaces (`multi.refs`): a pattern and how diverged copies of its refs are merged, and which patterns
//! overlap.

use crate::git::refname;

use super::*;

/// How diverged copies of a namespace ref are brought together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MergeMode {
    /// A merge commit over every distinct tip (the default: an event log never loses an event).
    Union,
    /// Only fast-forwards; diverged copies are reported.
    FfOnly,
    /// The primary's (or the chosen remote's) copy wins; the others are saved, then overwritten.
    Theirs,
}

impl MergeMode {
    pub fn as_str(self) -> &'static str {
        match self {
            MergeMode::Union => "union",
            MergeMode::FfOnly => "ff-only",
            MergeMode::Theirs => "theirs",
        }
    }
}

/// One configured ref namespace (`multi.refs`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Namespace {
    /// A ref glob such as `refs/git-mile/*` (or one exact ref).
    pub pattern: String,
    pub merge: MergeMode,
}

/// Why a pattern cannot be a namespace: the same reasons whether it comes from `refs add`, `config`, `import`
/// or a value found in `.git/config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternProblem {
    /// Not under `refs/`, or not a pattern git takes in a refspec.
    Invalid,
    /// Reaches into a ref family git-multi carries already or keeps for itself (the family).
    Reserved(&'static str),
}

impl PatternProblem {
    pub fn describe(self, pattern: &str) -> String {
        match self {
            PatternProblem::Invalid => format!("`{pattern}` is not a valid ref pattern"),
            PatternProblem::Reserved(refname::STASH) => format!(
                "`{pattern}` covers `refs/stash`, git stash's local work in progress (its entries live in a reflog, which no push carries)"
            ),
            PatternProblem::Reserved(family) => format!(
                "`{pattern}` reaches into {family}, which git-multi already carries or keeps for itself"
            ),
        }
    }
}

impl Namespace {
    /// Ref families git-multi carries already (branches, tags) or keeps for itself, and `refs/stash`: no
    /// namespace may reach into them, or the same ref would be pushed and merged by two sets of rules (and a
    /// stash is local work whose entries live in a reflog no push carries). A name ending in `/` is a family.
    pub const RESERVED: [&'static str; 5] = [
        refname::HEADS,
        refname::TAGS,
        refname::REMOTES,
        refname::MULTI,
        refname::STASH,
    ];

    /// `refs/git-mile/*` or `refs/notes/*:union`, checked as `git multi refs add` checks a pattern (see
    /// [`Namespace::problem`]).
    pub fn parse(value: &str) -> Result<Namespace, String> {
        let (pattern, merge) = Namespace::split(value);
        let merge = merge?;
        let namespace = Namespace {
            pattern: pattern.to_string(),
            merge,
        };
        match namespace.problem() {
            Some(problem) => Err(format!("{REFS}: {}", problem.describe(pattern))),
            None => Ok(namespace),
        }
    }

    /// The pattern of a stored value and its merge mode (the default when none is given), the pattern not
    /// checked: what `refs remove` matches a bad value by.
    pub fn split(value: &str) -> (&str, Result<MergeMode, String>) {
        match value.trim().rsplit_once(':') {
            Some((pattern, mode)) => (
                pattern,
                <MergeMode as clap::ValueEnum>::from_str(mode, true).map_err(|_| {
                    format!("{REFS}: unknown merge mode `{mode}` in `{value}` (union, ff-only or theirs)")
                }),
            ),
            None => (value.trim(), Ok(MergeMode::Union)),
        }
    }

    /// Why this namespace cannot be carried, if it cannot: a ref pattern git takes, under `refs/` (and more than
    /// `refs/` itself), clear of branches, tags and git-multi's own refs.
    pub fn problem(&self) -> Option<PatternProblem> {
        let pattern = self.pattern.as_str();
        let valid = pattern.starts_with("refs/")
            && pattern.len() > "refs/".len()
            && refname::is_valid_pattern(pattern);
        if !valid {
            return Some(PatternProblem::Invalid);
        }
        self.overlaps(&Namespace::RESERVED)
            .map(PatternProblem::Reserved)
    }

    /// Whether some ref could belong to both namespaces (one and the same pattern counts). Two globs with one
    /// `*` each share a ref exactly when one's text before the `*` starts the other's and one's text after it
    /// ends the other's; a pattern without `*` is one ref.
    pub fn overlaps_with(&self, other: &Namespace) -> bool {
        match (self.pattern.split_once('*'), other.pattern.split_once('*')) {
            (Some((head, tail)), Some((other_head, other_tail))) => {
                (head.starts_with(other_head) || other_head.starts_with(head))
                    && (tail.ends_with(other_tail) || other_tail.ends_with(tail))
            }
            (Some(_), None) => self.matches(&other.pattern),
            (None, Some(_)) => other.matches(&self.pattern),
            (None, None) => self.pattern == other.pattern,
        }
    }

    /// The value stored in `multi.refs`.
    pub fn value(&self) -> String {
        format!("{}:{}", self.pattern, self.merge.as_str())
    }

    /// Does the ref `name` belong to this namespace? As in a refspec, `*` stands for any text, slashes
    /// included (`refs/git-mile/*` covers `refs/git-mile/tasks/T1`); without one the pattern is one ref.
    pub fn matches(&self, name: &str) -> bool {
        match self.pattern.split_once('*') {
            Some((head, tail)) => {
                name.len() >= head.len() + tail.len()
                    && name.starts_with(head)
                    && name.ends_with(tail)
            }
            None => name == self.pattern,
        }
    }

    /// The prefix every ref of the namespace starts with, up to a slash where there is a `*`
    /// (`refs/git-mile/*` → `refs/git-mile/`): what `for-each-ref` and `ls-remote` are asked for.
    pub fn root(&self) -> &str {
        match self.pattern.find('*') {
            Some(star) => {
                let end = self.pattern[..star].rfind('/').map_or(0, |slash| slash + 1);
                &self.pattern[..end]
            }
            None => &self.pattern,
        }
    }

    /// The ref families git-multi already carries or keeps for itself that this namespace would reach into
    /// (`refs/*` reaches all of them), if any.
    pub fn overlaps(&self, reserved: &[&'static str]) -> Option<&'static str> {
        let root = self.root();
        reserved
            .iter()
            .find(|r| match r.ends_with('/') {
                true => root.starts_with(*r) || r.starts_with(root),
                false => self.matches(r),
            })
            .copied()
    }
}

/// The first two namespaces that share refs (the earlier one first), if any.
pub fn overlapping(namespaces: &[Namespace]) -> Option<(&Namespace, &Namespace)> {
    namespaces.iter().enumerate().find_map(|(i, later)| {
        namespaces[..i]
            .iter()
            .find(|earlier| earlier.overlaps_with(later))
            .map(|earlier| (earlier, later))
    })
}

/// `multi.refs: `refs/git-mile/tasks/*` overlaps `refs/git-mile/*` (union): …`.
pub fn overlap_problem(new: &Namespace, existing: &Namespace) -> String {
    format!(
        "{REFS}: `{}` overlaps `{}` ({}): a ref under both would follow two merge modes",
        new.pattern,
        existing.pattern,
        existing.merge.as_str()
    )
}
