//! Ctrl-C (and SIGTERM/SIGHUP): remember it so every running git job can be stopped and we exit 130.
//!
//! Background git jobs run in their own sessions (see `git::process`), so the terminal's SIGINT reaches only
//! git-multi; the gateway notices the flag within one wait slice and kills each job's process group.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::sync::OnceLock;

static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();

#[cfg(unix)]
const SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
];
#[cfg(not(unix))]
const SIGNALS: [i32; 2] = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];

/// Installs the handlers once; later calls do nothing.
pub fn install() {
    let flag = FLAG.get_or_init(|| Arc::new(AtomicBool::new(false)));
    // Every signal only raises the flag, however many arrive: `git multi` run through git gets Ctrl-C twice
    // (the terminal's and git's wrapper passing it on), and exiting on the second would leave the git jobs
    // running and the summary unprinted. The wait loops notice the flag within one slice and stop every job.
    // A failure to register only means the signal keeps its default action (immediate exit).
    for signal in SIGNALS {
        let _ = signal_hook::flag::register(signal, Arc::clone(flag));
    }
}

/// Has the user asked us to stop?
pub fn requested() -> bool {
    FLAG.get().is_some_and(|flag| flag.load(Ordering::Relaxed))
}

/// Asks every running job to stop, as Ctrl-C would (the dashboard's `q` while work runs).
pub fn request() {
    FLAG.get_or_init(|| Arc::new(AtomicBool::new(false)))
        .store(true, Ordering::Relaxed);
}
