//! `backup` and `restore` per remote: which bundle was written (with its checksum and how many refs), or
//! which bundle was pushed where.

use serde::Serialize;

use crate::ops::archive::Archived;
use crate::report::Detail;

#[derive(Debug, Default, Serialize)]
pub struct BackupDetail {
    /// The bundle's file name in the backup directory (none for a remote without refs).
    pub bundle: Option<String>,
    pub sha256: Option<String>,
    /// How many refs it holds.
    pub refs: usize,
    /// The manifest entry.
    #[serde(skip)]
    pub archived: Option<Archived>,
}

impl BackupDetail {
    pub fn of(archived: Archived) -> BackupDetail {
        BackupDetail {
            bundle: archived.bundle.clone(),
            sha256: archived.sha256.clone(),
            refs: archived.refs.len(),
            archived: Some(archived),
        }
    }
}

impl Detail for BackupDetail {
    fn human(&self) -> String {
        match &self.bundle {
            Some(bundle) => format!(
                "{} ref{} in {bundle}",
                self.refs,
                if self.refs == 1 { "" } else { "s" }
            ),
            None if self.archived.is_some() => "no refs: nothing to bundle".into(),
            None => String::new(),
        }
    }
}
