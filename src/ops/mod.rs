//! The operations layer: what commands compose. Each operation takes a typed request for one remote (or for
//! the local repository) and hands back its result as data: no printing, no exit codes, no argument parsing.
//!
//! - [`push`]: push refs to one remote (per-remote lease, old tips saved first, porcelain result)
//! - [`fetch`]: fetch one remote (configured and namespace refspecs, prune with backup)
//! - [`fresh`]: whether a remote changed since it was fetched (one listing), so fetches and pushes can be spared
//! - [`mirror`]: make other remotes exact copies of one (scope, source fetch, per-target plan and leased push)
//! - [`publish`]: one branch or tag on every remote (read, delete under a lease when a guard allows)
//! - [`everywhere`], [`everywhere_push`], [`published`]: `branch` / `tag` on every remote (list, create, delete)
//! - [`auth_status`], [`login`]: host API tokens (ask each host as a job; check a token before storing it)
//! - [`relate`]: how a local tip relates to a remote's (in sync, ahead, behind, diverged, …)
//! - [`integrate`]: bring another tip into the checked-out branch (ff, merge, rebase)
//! - [`backup`]: save tips under `refs/multi/backup/` before anything overwrites or deletes them
//! - [`saved`]: read those tips back by remote and event, and the backup directories `backup --to` wrote
//! - [`snapshot`]: one read of many refs, shared by every remote of a run
//! - [`converge`]: one ref across local and every remote: how it stands, what makes the copies agree
//! - [`union`]: the deterministic merge commit over diverged copies of a ref (notes through `git notes merge`)
//! - [`sync`], [`resolve`], [`mirror`], [`workspace`]: whole operations over a session, each returning a model value
//! - [`run`]: whole runs over one repository's members (prepare, one job per member, finish), for any pool
//! - [`lfs`]: whether a repository uses Git LFS and has its hooks
//! - [`ancestry`]: which copies of many refs contain which, read for all of them at once
//! - [`remote_change`], [`remote_add`]: a change of the set and its bookkeeping (drift said, audit record)
//! - [`create_run`]: `create` over the hosts, from plain values (the command and the guided `init` share it)

pub mod ancestry;
pub mod archive;
pub mod auth_status;
pub mod backup;
pub mod ci_status;
pub mod clone;
pub mod computed_url;
pub mod config;
pub mod conflicts;
pub mod converge;
pub mod create;
pub mod create_run;
pub mod everywhere;
pub mod everywhere_push;
pub mod fetch;
pub mod fresh;
pub mod host_job;
pub mod hosted;
pub mod import;
pub mod init;
pub mod integrate;
pub mod inventory;
pub mod lfs;
pub mod login;
pub mod mirror;
pub mod namespaces;
pub mod primary;
pub mod publish;
pub mod published;
pub mod push;
pub mod pushed;
pub mod reachability;
pub mod relate;
pub mod release;
pub mod remote_add;
pub mod remote_change;
pub mod repo;
pub mod resolve;
pub mod restore;
pub mod run;
pub mod saved;
pub mod snapshot;
pub mod standing;
pub mod sync;
pub mod undo;
pub mod union;
pub mod url_check;
pub mod webhook;
pub mod workspace;

pub use backup::Backups;
pub use relate::Relater;
pub use snapshot::Snapshot;
