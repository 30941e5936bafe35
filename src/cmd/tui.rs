//! `git multi tui`: the full-screen dashboard of every remote (see `crate::tui`).

use clap::Args;

use crate::error::{Exit, Result};
use crate::session::Session;

/// Full-screen dashboard: every remote, every ref, push/fetch/sync with one key (needs a terminal)
#[derive(Debug, Args)]
pub struct TuiArgs {}

pub fn run(ctx: &Session, _args: &TuiArgs) -> Result<Exit> {
    crate::tui::run(ctx)
}
