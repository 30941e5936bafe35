//! `repo edit` in words: what changed on each host, or that nothing had to.

use crate::model::repo_meta::EditDetail;

impl super::Detail for EditDetail {
    fn human(&self) -> String {
        let mut text = if self.changed.is_empty() {
            "unchanged".to_string()
        } else {
            format!("changed {}", self.changed.join(", "))
        };
        if !self.unsupported.is_empty() {
            text.push_str(&format!(
                " ({} not kept by {})",
                self.unsupported.join(", "),
                self.provider
            ));
        }
        text
    }
}
