//! Ref and transfer operations: reading refs, counting commits between them, push and fetch.

use std::collections::BTreeMap;
use std::time::Duration;

use super::push::{self, PushedRef};
use super::{Git, GitError, GitOutput, ProgressSink};

/// Options of one `git push` to one remote.
#[derive(Debug, Clone, Default)]
pub struct PushOptions {
    pub dry_run: bool,
    pub force: bool,
    pub atomic: bool,
    /// `(remote ref, expected oid or "" for must-not-exist)`, computed per remote.
    pub leases: Vec<(String, String)>,
    pub tags: bool,
}

/// What a push that ran to the end reported.
#[derive(Debug, Clone)]
pub struct PushResult {
    pub refs: Vec<PushedRef>,
    pub output: GitOutput,
}

/// Settings for parallel transfers into one repository: no auto-gc fighting over the same objects.
const PARALLEL_SAFE: [(&str, &str); 2] = [("gc.auto", "0"), ("maintenance.auto", "false")];

impl Git {
    /// Full object name of `rev`, if it names an object.
    pub fn rev_parse(&self, rev: &str) -> Result<Option<String>, GitError> {
        let output = self
            .command(["rev-parse", "--verify", "--quiet", "--end-of-options", rev])
            .run_unchecked()?;
        Ok(output.success().then(|| output.stdout.trim().to_string()))
    }

    /// The checked-out branch, `None` when HEAD is detached.
    pub fn current_branch(&self) -> Result<Option<String>, GitError> {
        let output = self
            .command(["symbolic-ref", "--quiet", "--short", "HEAD"])
            .run_unchecked()?;
        Ok(output.success().then(|| output.stdout.trim().to_string()))
    }

    /// `refname -> oid` for every ref under the given prefixes, with one `for-each-ref`.
    pub fn refs(&self, prefixes: &[&str]) -> Result<BTreeMap<String, String>, GitError> {
        let mut args = vec!["for-each-ref", "--format=%(objectname) %(refname)"];
        args.extend_from_slice(prefixes);
        let output = self.command(args).run()?;
        Ok(output
            .stdout
            .lines()
            .filter_map(|l| l.split_once(' '))
            .map(|(oid, name)| (name.to_string(), oid.to_string()))
            .collect())
    }

    /// Commits only in `left` and only in `right`.
    pub fn ahead_behind(&self, left: &str, right: &str) -> Result<(u64, u64), GitError> {
        let output = self
            .command([
                "rev-list",
                "--left-right",
                "--count",
                &format!("{left}...{right}"),
                "--",
            ])
            .run()?;
        let mut counts = output
            .stdout
            .split_whitespace()
            .map(|n| n.parse::<u64>().unwrap_or(0));
        Ok((counts.next().unwrap_or(0), counts.next().unwrap_or(0)))
    }

    pub fn update_ref(&self, name: &str, oid: &str, reason: &str) -> Result<(), GitError> {
        self.command(["update-ref", "-m", reason, name, oid])
            .run()
            .map(drop)
    }

    /// `git push --porcelain` to one remote as a background job. Rejections are data (in `refs`); only a push
    /// that could not talk to the remote is an error.
    pub fn push(
        &self,
        remote: &str,
        refspecs: &[String],
        options: &PushOptions,
        timeout: Option<Duration>,
        progress: Option<&ProgressSink<'_>>,
    ) -> Result<PushResult, GitError> {
        let mut args: Vec<String> = vec!["push".into(), "--porcelain".into()];
        if progress.is_some() {
            args.push("--progress".into());
        }
        if options.dry_run {
            args.push("--dry-run".into());
        }
        if options.force {
            args.push("--force".into());
        }
        if options.atomic {
            args.push("--atomic".into());
        }
        if options.tags {
            args.push("--tags".into());
        }
        for (name, expected) in &options.leases {
            args.push(format!("--force-with-lease={name}:{expected}"));
        }
        args.push("--".into());
        args.push(remote.into());
        args.extend(refspecs.iter().cloned());
        // A failed push that still reports refs is a per-ref result (rejected, hook declined), not an error.
        let output = self
            .command(&args)
            .background()
            .timeout(timeout)
            .progress(progress)
            .run_accepting(|o| o.success() || !push::parse(&o.stdout).is_empty())?;
        let refs = push::parse(&output.stdout);
        Ok(PushResult { refs, output })
    }

    /// `git fetch` from one remote as a background job, safe to run beside fetches from other remotes.
    pub fn fetch(
        &self,
        remote: &str,
        refspecs: &[String],
        prune: bool,
        timeout: Option<Duration>,
        progress: Option<&ProgressSink<'_>>,
    ) -> Result<GitOutput, GitError> {
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
        if prune {
            args.push("--prune".into());
        }
        args.push("--".into());
        args.push(remote.into());
        args.extend(refspecs.iter().cloned());
        let mut command = self
            .command(&args)
            .background()
            .timeout(timeout)
            .progress(progress);
        for (key, value) in PARALLEL_SAFE {
            command = command.config(key, value);
        }
        command.run()
    }

    /// `git ls-remote` of branches (and tags) only, as a background job.
    pub fn ls_remote_refs(
        &self,
        remote: &str,
        tags: bool,
        timeout: Option<Duration>,
    ) -> Result<BTreeMap<String, String>, GitError> {
        let mut args = vec!["ls-remote", "--heads"];
        if tags {
            args.push("--tags");
        }
        args.extend(["--", remote]);
        let output = self.command(args).background().timeout(timeout).run()?;
        Ok(super::ls_remote::parse(&output.stdout)
            .into_iter()
            .filter_map(|r| match r {
                super::RemoteRef::Direct { name, oid } if !name.ends_with("^{}") => {
                    Some((name, oid))
                }
                _ => None,
            })
            .collect())
    }
}

impl Git {
    /// Which of `oids` name commits present in this repository, with one `git cat-file --batch-check`.
    pub fn commits_present(
        &self,
        oids: &[&str],
    ) -> Result<std::collections::HashSet<String>, GitError> {
        if oids.is_empty() {
            return Ok(Default::default());
        }
        let input: String = oids.iter().map(|o| format!("{o}\n")).collect();
        let output = self
            .command(["cat-file", "--batch-check=%(objectname) %(objecttype)"])
            .stdin(input.into_bytes())
            .run()?;
        Ok(output
            .stdout
            .lines()
            .filter_map(|l| l.strip_suffix(" commit"))
            .map(str::to_string)
            .collect())
    }
}
