//! `clone` in words: where the repository went, and whether each member of its new set can be reached.

use std::path::Path;

use serde::Serialize;

use crate::model::Outcome;
use crate::report::Detail;

pub use crate::model::clone::Probed;

impl Detail for Probed {
    fn human(&self) -> String {
        match self.refs {
            Some(0) => "reachable, empty".to_string(),
            Some(n) => format!("reachable, {n} refs"),
            None => String::new(),
        }
    }
}

#[derive(Serialize)]
pub struct Cloned<'a> {
    pub ok: bool,
    pub directory: &'a Path,
    pub remotes: &'a [Outcome<Probed>],
}

pub fn show(cloned: &Cloned, json: bool) {
    if json {
        super::json(cloned);
        return;
    }
    super::out(&format!("cloned into {}\n", cloned.directory.display()));
    super::outcomes_of(cloned.remotes);
    if cloned.remotes.len() > 1 {
        super::note(&format!(
            "hint: fill the mirrors with `git -C {} multi push --all --tags`",
            crate::quote::shown(cloned.directory.display())
        ));
    }
}
