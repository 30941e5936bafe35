//! The results git-multi produces, as data: what happened on each remote, the refs it moved, how copies of a
//! ref relate, what a check found. Serialisable, and with no formatting: the faces in `report/` (and the TUI)
//! draw them; the operations below build them.

pub mod backup;
pub mod backups;
pub mod check;
pub mod ci;
pub mod clone;
pub mod config;
pub mod converge;
pub mod detail;
pub mod fetch;
pub mod init;
pub mod integrate;
pub mod inventory;
pub mod log;
pub mod mirror;
pub mod outcome;
pub mod publish;
pub mod push;
pub mod reachability;
pub mod relation;
pub mod release;
pub mod repo_meta;
pub mod resolve;
pub mod stats;
pub mod sync;
pub mod token;
pub mod workspace;

pub use backup::Saved;
pub use check::Check;
pub use detail::{RemoteDetail, Standing};
pub use fetch::{Changes, FetchDetail};
pub use outcome::{Outcome, Report, Status};
pub use push::{PushDetail, RefUpdate};
pub use relation::{Compared, Comparison, Reached, Relation, State};
