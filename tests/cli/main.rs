//! The integration test binary: the real `git-multi` against real git servers on 127.0.0.1.

mod env;
mod fake_api;

mod bad_input;
mod contract;
mod hosts;
mod keyring;
mod remote_set;
