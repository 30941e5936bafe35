//! `git fetch` from one remote, safe to run beside fetches from other remotes into the same repository.

use std::time::Duration;

use super::{Git, GitError, ProgressSink, Refspec};

/// Settings for parallel transfers into one repository: no auto-gc fighting over the same objects.
const PARALLEL_SAFE: [(&str, &str); 2] = [("gc.auto", "0"), ("maintenance.auto", "false")];

/// What to fetch, beyond the remote's configured refspecs.
#[derive(Debug, Clone, Default)]
pub struct FetchOptions {
    /// Fetch exactly these instead of the configured refspecs (e.g. saving tips under backup refs).
    pub only: Vec<Refspec>,
    /// Fetch these in addition to the configured refspecs (configured ref namespaces); they take part in
    /// `--prune` like the configured ones.
    pub also: Vec<Refspec>,
    /// Remove tracking refs whose remote ref is gone.
    pub prune: bool,
}

impl Git {
    /// `git fetch` from one remote as a background job.
    pub fn fetch(
        &self,
        remote: &str,
        options: &FetchOptions,
        timeout: Option<Duration>,
        progress: Option<&ProgressSink<'_>>,
    ) -> Result<(), GitError> {
        let mut args: Vec<String> = vec!["fetch".into(), "--no-write-fetch-head".into()];
        // --quiet would silence the progress the terminal board shows.
        args.push(
            if progress.is_some() {
                "--progress"
            } else {
                "--quiet"
            }
            .into(),
        );
        if options.prune {
            args.push("--prune".into());
        }
        args.push("--".into());
        args.push(remote.into());
        args.extend(options.only.iter().map(Refspec::arg));
        let mut command = self
            .command(&args)
            .background()
            .timeout(timeout)
            .progress(progress);
        for (key, value) in PARALLEL_SAFE {
            command = command.config(key, value);
        }
        // Extra refspecs travel as per-run values of the multi-valued `remote.<name>.fetch`: they add to what
        // the user configured instead of replacing it, as command-line refspecs would.
        let key = format!("remote.{remote}.fetch");
        for refspec in &options.also {
            command = command.config(&key, &refspec.arg());
        }
        command.run().map(drop)
    }
}
