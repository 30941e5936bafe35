//! Saving tips before anything overwrites or deletes them: every forced update, prune and delete in git-multi
//! goes through [`Backups`], which writes one ref per saved tip under `refs/multi/backup/<remote>/<event>/…`
//! (never replacing an earlier backup) and keeps a record of what it saved for the summary, `--json` and the
//! audit log.

use std::sync::Mutex;

use crate::git::{refname, FetchOptions, Git, GitError, RefWrite, Refspec};
use crate::model::Saved;
use crate::runner::Job;

/// The backups of one command run: a shared event name and the record of every tip saved.
#[derive(Debug)]
pub struct Backups {
    event: String,
    saved: Mutex<Vec<Saved>>,
}

impl Default for Backups {
    fn default() -> Self {
        Backups::new()
    }
}

impl Backups {
    /// A new event named after the time and the process, e.g. `20261129T191130Z-4242`: two runs never share
    /// an event, so their backups never collide.
    pub fn new() -> Backups {
        Backups {
            event: format!(
                "{}-{}",
                crate::clock::compact(crate::clock::now_secs()),
                std::process::id()
            ),
            saved: Mutex::new(Vec::new()),
        }
    }

    /// The event's name, shared by every backup ref of this run.
    pub fn event(&self) -> &str {
        &self.event
    }

    /// Everything saved so far, in the order it was saved.
    pub fn all(&self) -> Vec<Saved> {
        self.saved.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Everything saved for `remote`.
    pub fn of(&self, remote: &str) -> Vec<Saved> {
        self.all()
            .into_iter()
            .filter(|s| s.remote == remote)
            .collect()
    }

    fn plan(&self, remote: &str, tips: &[(String, String)]) -> Vec<Saved> {
        tips.iter()
            .map(|(name, oid)| Saved {
                remote: remote.to_string(),
                name: name.clone(),
                oid: oid.clone(),
                backup: refname::backup(remote, &self.event, name),
            })
            .collect()
    }

    /// Saves the one local tip `name` had (`old`) before it is moved, the backup made if any.
    pub fn save_local(
        &self,
        git: &Git,
        name: &str,
        old: &str,
        reason: &str,
    ) -> Result<Option<Saved>, GitError> {
        Ok(self
            .save(
                git,
                refname::LOCAL,
                &[(name.to_string(), old.to_string())],
                reason,
            )?
            .pop())
    }

    /// Saves tips whose objects are already here (`(remote ref, oid)`), in one transaction that refuses to
    /// replace any existing ref.
    pub fn save(
        &self,
        git: &Git,
        remote: &str,
        tips: &[(String, String)],
        reason: &str,
    ) -> Result<Vec<Saved>, GitError> {
        let planned = self.plan(remote, tips);
        let writes: Vec<RefWrite> = planned
            .iter()
            .map(|s| RefWrite::Create {
                name: s.backup.clone(),
                oid: s.oid.clone(),
            })
            .collect();
        git.update_refs(&writes, reason)?;
        self.keep(&planned);
        Ok(planned)
    }

    /// Saves what `job`'s remote has at `tips` (`(remote ref, oid)` as ls-remote reported them), fetching the
    /// objects that are not here yet, within the job's deadline.
    pub fn fetch_and_save(
        &self,
        job: &Job,
        git: &Git,
        tips: &[(String, String)],
        reason: &str,
    ) -> Result<Vec<Saved>, GitError> {
        if tips.is_empty() {
            return Ok(Vec::new());
        }
        let oids: Vec<&str> = tips.iter().map(|(_, oid)| oid.as_str()).collect();
        let present = git.object_types(&oids)?;
        let (here, missing): (Vec<_>, Vec<_>) = tips
            .iter()
            .cloned()
            .partition(|(_, oid)| present.contains_key(oid));
        let mut saved = self.save(git, job.name(), &here, reason)?;
        if !missing.is_empty() {
            let planned = self.plan(job.name(), &missing);
            let options = FetchOptions {
                only: planned
                    .iter()
                    .map(|s| Refspec::map(&s.name, &s.backup, true))
                    .collect(),
                ..FetchOptions::default()
            };
            job.git(|left, _| git.fetch(job.name(), &options, Some(left), None))
                .result?;
            // The remote may have moved since it was read: record what the backup refs really hold (a lease on
            // the tip read earlier then refuses the update, and nothing is overwritten unsaved).
            let names: Vec<&str> = planned.iter().map(|s| s.backup.as_str()).collect();
            let fetched = git.refs(&names)?;
            let mut planned = planned;
            for s in &mut planned {
                if let Some(oid) = fetched.get(&s.backup) {
                    s.oid = oid.clone();
                }
            }
            self.keep(&planned);
            saved.extend(planned);
        }
        Ok(saved)
    }

    /// Removes backups that turned out not to be needed (the update they guarded did not happen).
    pub fn discard(&self, git: &Git, unneeded: &[Saved]) -> Result<(), GitError> {
        if unneeded.is_empty() {
            return Ok(());
        }
        let writes: Vec<RefWrite> = unneeded
            .iter()
            .map(|s| RefWrite::Delete {
                name: s.backup.clone(),
            })
            .collect();
        git.update_refs(&writes, "git multi: backup not needed")?;
        self.saved
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|s| !unneeded.contains(s));
        Ok(())
    }

    fn keep(&self, saved: &[Saved]) {
        self.saved
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(saved);
    }
}
