//! `webhook` in words: the summary each host's work left.

use crate::ops::webhook::HookDetail;

impl super::Detail for HookDetail {
    fn human(&self) -> String {
        self.summary.clone()
    }
}
