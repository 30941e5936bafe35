//! `create` in words: created or adopted, with what was set and any note.

use crate::error::Exit;
use crate::model::Report;
use crate::ops::create::CreateDetail;

/// The run's report, in words or as JSON; its exit code is the host APIs' (`create` from the command line and
/// from the guided `init` alike).
pub fn show(report: &Report<CreateDetail>, json: bool) -> Exit {
    super::show(report, json);
    report.api_exit()
}

impl super::Detail for CreateDetail {
    fn human(&self) -> String {
        let mut text = match self.created {
            Some(true) => format!("created {}", self.url.as_deref().unwrap_or("")),
            Some(false) => format!(
                "already there, adopted {}",
                self.url.as_deref().unwrap_or("")
            ),
            None => String::new(),
        };
        if !self.settings.is_empty() {
            text.push_str(&format!("; set {}", self.settings.join(", ")));
        }
        if let Some(note) = &self.note {
            text.push_str(&format!(" ({note})"));
        }
        text.trim().to_string()
    }
}
