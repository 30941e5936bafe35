//! What `export --json` and `import --json` say: the file, its format, and the set or the changes.

use std::path::Path;

use serde::Serialize;

use crate::setfile::{Format, SetFile};

/// `export --json`: where the set went (`output` null: nowhere but this document) and the set itself.
#[derive(Serialize)]
pub struct Exported<'a> {
    pub format: Format,
    pub output: Option<&'a Path>,
    pub remotes: usize,
    /// Members without a git remote (no URL to carry), not in the file.
    pub left_out: &'a [&'a str],
    pub set: &'a SetFile,
}

pub fn json(exported: &Exported) {
    super::json(exported);
}

/// `import --json`: the writes in words, made or (with `--dry-run`) not.
#[derive(Serialize)]
pub struct Imported<'a> {
    pub file: &'a Path,
    pub format: Format,
    pub dry_run: bool,
    pub changed: bool,
    pub changes: &'a [&'a str],
}

pub fn imported(imported: &Imported) {
    super::json(imported);
}
