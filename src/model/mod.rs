//! The results git-multi produces, as data: what happened on each remote, the refs it moved, how copies of a
//! ref relate, what a check found. Serialisable, and with no formatting: the faces in `report/` (and the TUI)
//! draw them; the operations below build them.

pub mod backup;
pub mod backups;
pub mod check;
pub mod ci;
pub mod converge;
pub mod fetch;
pub mod inventory;
pub mod log;
pub mod outcome;
pub mod push;
pub mod relation;
pub mod stats;

pub use backup::Saved;
pub use check::Check;
pub use fetch::{Changes, FetchDetail};
pub use outcome::{Outcome, Report, Status};
pub use push::{PushDetail, RefUpdate};
pub use relation::{Compared, Comparison, Reached, Relation, State};
