//! Integrating a remote's copy into the current branch, in words: what `pull` and `sync` did, and why they
//! stopped (diverged under ff-only, conflicts with the paths, git's own reason) with the way forward.

use crate::error::Error;
use crate::model::integrate::{Integrated, Strategy};
use crate::model::Outcome;

/// The error for an integration that stopped (made where resolve stops too).
pub use crate::ops::integrate::stopped;

/// `{"ok":true,"remote","branch","from","strategy","before","after","incoming"}` for `pull --json`.
pub fn pulled_json(remote: &str, done: &Integrated) {
    #[derive(serde::Serialize)]
    struct Pulled<'a> {
        ok: bool,
        remote: &'a str,
        #[serde(flatten)]
        done: &'a Integrated,
    }
    super::json(&Pulled {
        ok: true,
        remote,
        done,
    });
}

/// `main: fast-forwarded 2 commits from github/main (1a2b3c4..5d6e7f8)`.
pub fn pulled(done: &Integrated) -> String {
    if done.incoming == 0 {
        return format!("{}: already up to date with {}\n", done.branch, done.from);
    }
    if done.before.is_empty() {
        let s = if done.incoming == 1 { "" } else { "s" };
        return format!(
            "{}: took {} commit{s} from {} (now at {})\n",
            done.branch,
            done.incoming,
            done.from,
            &done.after[..7.min(done.after.len())]
        );
    }
    let how = match done.strategy {
        Strategy::FfOnly => "fast-forwarded",
        Strategy::Merge => "merged",
        Strategy::Rebase => "rebased",
    };
    let s = if done.incoming == 1 { "" } else { "s" };
    format!(
        "{}: {how} {} commit{s} from {} ({}..{})\n",
        done.branch,
        done.incoming,
        done.from,
        &done.before[..7.min(done.before.len())],
        &done.after[..7.min(done.after.len())]
    )
}

/// `main: integrated 2 commit(s) from github/main (merge)`, for the sync summary.
pub fn synced(done: &Integrated) -> Option<String> {
    (done.incoming > 0).then(|| {
        format!(
            "{}: integrated {} commit(s) from {} ({})\n",
            done.branch,
            done.incoming,
            done.from,
            done.strategy.as_str()
        )
    })
}

/// The error for a primary remote that could not be fetched: nothing can be integrated from it.
pub fn primary_fetch_failed<D>(name: &str, fetched: &Outcome<D>) -> Error {
    let err = Error::failed(format!(
        "could not fetch the primary `{name}`: {}",
        fetched.error.as_deref().unwrap_or_default()
    ));
    match super::hint_for(fetched) {
        Some(hint) => err.hint(hint),
        None => err,
    }
}
