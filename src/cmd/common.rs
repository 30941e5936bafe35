//! Options shared by the commands that work on many remotes at once.

use std::time::Duration;

use clap::Args;

use crate::config::{parse_seconds, Settings};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Args)]
pub struct ParallelArgs {
    /// How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Stop a remote's git after this many seconds (default: multi.timeout)
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<String>,
}

impl ParallelArgs {
    /// `--timeout` beats `multi.timeout` beats `default`.
    pub fn timeout(&self, settings: &Settings, default: Duration) -> Result<Duration> {
        match &self.timeout {
            Some(text) => parse_seconds("--timeout", text)
                .map_err(|e| Error::usage(e).hint("e.g. --timeout 10")),
            None => Ok(settings.timeout.unwrap_or(default)),
        }
    }
}
