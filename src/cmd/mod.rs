//! One module per command, each parsing nothing itself and composing the operations below; `crate::dispatch`
//! is the flat match from the parsed command line to them.

pub mod auth;
pub mod branch;
pub mod branch_ops;
pub mod ci;
pub mod ci_status;
pub mod clone;
pub mod common;
pub mod complete;
pub mod conflicts;
pub mod create;
pub mod everywhere;
pub mod fetch;
pub mod generate;
pub mod hook;
pub mod host_job;
pub mod hosted;
pub mod init;
pub mod init_guided;
pub mod mirror;
pub mod org;
pub mod primary;
pub mod pull;
pub mod push;
pub mod refs;
pub mod remote;
pub mod resolve;
pub mod schedule;
pub mod stats;
pub mod status;
pub mod sync;
pub mod tag;
pub mod tui;
pub mod webhook;
// operations
pub mod backup;
pub mod backup_list;
pub mod config;
pub mod doctor;
pub mod export;
pub mod import;
pub mod log;
pub mod restore;
pub mod undo;
pub mod workspace;
