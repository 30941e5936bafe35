//! What `clone` saw of each new member.

use serde::Serialize;

/// What `ls-remote` saw on one member.
#[derive(Debug, Default, Serialize)]
pub struct Probed {
    /// Refs the remote advertised; `None` when it could not be reached.
    pub refs: Option<usize>,
}
