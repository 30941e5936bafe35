//! The integration test binary: the real `git-multi` against real git servers on 127.0.0.1.

mod env;
mod fake_api;
mod servers;

mod archive;
mod audit_log;
mod bad_input;
mod ci;
mod clone;
mod concurrency;
mod contract;
mod convergence;
mod core;
mod doctor;
mod drift;
mod everywhere;
mod fanout;
mod hooks;
mod hosts;
mod integrate;
mod interruption;
mod keyring;
mod lfs;
mod mirror;
mod namespaces;
mod newcomer;
mod remote_set;
mod resolve;
mod schedule;
mod server_tests;
mod settings;
mod state;
mod submodules;
mod transports;
mod untrusted;
mod workspace;
