//! What `release create|delete` is given, checked and read before any host is asked: the tag's name, the
//! release notes, and for `--push` the tag itself here.

use std::path::Path;

use crate::error::{Error, Result};
use crate::git::{refname, Git};

/// A release is found by its tag's short name, which must be one git accepts.
pub fn check_tag(git: &Git, tag: &str) -> Result<()> {
    if tag.starts_with("refs/") || !git.is_valid_tag_name(tag).unwrap_or(false) {
        return Err(Error::usage(format!("`{tag}` is not a valid tag name"))
            .hint("give the tag's short name, as `git tag --list` shows it"));
    }
    Ok(())
}

/// `--notes`, or the text of `--notes-file` (`-` for standard input).
pub fn read_notes(notes: Option<&str>, file: Option<&Path>) -> Result<Option<String>> {
    let Some(path) = file else {
        return Ok(notes.map(str::to_string));
    };
    let text = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| Error::usage(format!("cannot read the notes from stdin: {e}")))?;
        text
    } else {
        std::fs::read_to_string(path).map_err(|e| {
            Error::usage(format!(
                "cannot read the notes file {}: {e}",
                path.display()
            ))
        })?
    };
    Ok(Some(text))
}

/// `--push` pushes the tag from here: it must be here first.
pub fn check_tag_here(git: &Git, tag: &str) -> Result<()> {
    let here = git
        .rev_parse(&format!("{}^{{}}", refname::tag(tag)))
        .ok()
        .flatten();
    if here.is_none() {
        return Err(
            Error::usage(format!("--push: there is no tag `{tag}` here"))
                .hint(format!("create it first: `git tag {tag}`")),
        );
    }
    Ok(())
}
