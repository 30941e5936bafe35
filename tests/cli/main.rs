//! The integration test binary: the real `git-multi` against real git servers on 127.0.0.1.

mod env;
mod servers;

mod bad_input;
mod fanout;
mod integrate;
mod remote_set;
mod server_tests;
mod state;
mod transports;
