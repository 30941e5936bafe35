//! Ctrl-C (and SIGTERM/SIGHUP): remember it so every running git job can be stopped and we exit 130.
//!
//! Background git jobs run in their own sessions (see `git::process`), so the terminal's SIGINT reaches only
//! git-multi; the gateway notices the flag within one wait slice and kills each job's process group.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::sync::OnceLock;

static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// Installs the handlers once; later calls do nothing.
pub fn install() {
    let flag = FLAG.get_or_init(|| Arc::new(AtomicBool::new(false)));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        // A second Ctrl-C while the first is being handled exits at once, as users expect.
        // A failure to register only means Ctrl-C falls back to the default action (immediate exit).
        let _ = signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(flag));
        let _ = signal_hook::flag::register(signal, Arc::clone(flag));
    }
}

/// Has the user asked us to stop?
pub fn requested() -> bool {
    FLAG.get().is_some_and(|flag| flag.load(Ordering::Relaxed))
}
