//! Git hosting services: which kind a remote is on, and (later) their REST APIs.

mod kind;

pub use kind::ProviderKind;
