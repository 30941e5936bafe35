//! What `undo` put back (or would, under `--dry-run`), per remote: the outcome document with the entry it
//! reverted.

use crate::model::log::Entry;
use serde::Serialize;

use crate::model::PushDetail;
use crate::model::{Outcome, Report};

#[derive(Serialize)]
struct Document<'a> {
    ok: bool,
    undoes: &'a str,
    remotes: &'a [Outcome<PushDetail>],
}

pub fn show(entry: &Entry, report: &Report<PushDetail>, json: bool) {
    if json {
        super::json(&Document {
            ok: report.ok,
            undoes: &entry.id,
            remotes: &report.remotes,
        });
        return;
    }
    super::out(&format!(
        "undoing {} ({}, git multi {})\n",
        entry.id,
        entry.time,
        entry.args.join(" ")
    ));
    super::outcomes(report);
}
