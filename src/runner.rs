//! The fan-out driver: one job per remote on a bounded pool (at most `jobs` at once, at most `per_host` ssh
//! connections to one host:port), each job carrying its member and its own deadline, results handed back in
//! the order the remotes were given (so output never depends on who finished first). Each job reports what it
//! does as [`Event`]s to the fan-out's [`Sink`]; faces (the progress board, the TUI) draw them and never run
//! anything.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

pub use crate::deadline::Deadline;

use crate::config::{self, Settings};
use crate::events::{Event, Sink};
use crate::git::{GitError, Progress, ProgressSink};
use crate::model::Outcome;
use crate::remote_set::Member;
use crate::retry::{self, Verdict};

/// One remote's job: the member, its deadline, and where to report progress.
pub struct Job<'a> {
    pub member: &'a Member,
    pub deadline: Deadline,
    sink: &'a dyn Sink,
    started: Instant,
}

impl<'a> Job<'a> {
    pub fn new(member: &'a Member, budget: Duration, sink: &'a dyn Sink) -> Job<'a> {
        Job {
            member,
            deadline: Deadline::start(budget),
            sink,
            started: Instant::now(),
        }
    }

    pub fn name(&self) -> &str {
        &self.member.name
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Tells the sink what this remote is doing now.
    pub fn say(&self, text: &str) {
        self.sink.event(&Event::Phase {
            remote: self.member.name.clone(),
            text: text.to_string(),
        });
    }

    /// Runs one git step of this job under the retry policy, within the job's deadline. `step` gets the time
    /// left and, when someone watches, a sink for git's progress. Connection trouble and HTTP 5xx are retried;
    /// rejections and refused credentials never are.
    pub fn git<T>(
        &self,
        step: impl FnMut(Duration, Option<&ProgressSink<'_>>) -> Result<T, GitError>,
    ) -> retry::Attempted<Result<T, GitError>> {
        let mut step = step;
        let report = |progress: &Progress| {
            self.sink.event(&Event::Progress {
                remote: self.member.name.clone(),
                progress: progress.clone(),
            })
        };
        let sink: Option<&ProgressSink<'_>> = self.sink.wants_progress().then_some(&report);
        retry::DEFAULT.run(
            Some(self.deadline.instant()),
            |left| step(left.unwrap_or_else(|| self.deadline.left()), sink),
            |result| match result {
                Err(GitError::Failed { stderr, .. })
                    if crate::git::classify(stderr).is_transient() =>
                {
                    Verdict::Transient(None)
                }
                _ => Verdict::Final,
            },
        )
    }

    /// The outcome for a git step that failed: timeout (with this job's budget), interrupted, or the reason
    /// git gave.
    pub fn failure<D>(&self, err: &GitError, detail: D) -> Outcome<D> {
        let mut outcome = Outcome::from_git_error(
            self.name(),
            err,
            self.deadline.budget(),
            self.elapsed(),
            detail,
        );
        // What "no such repository" asks of the user depends on where the remote lives.
        if outcome.reason == Some(crate::git::FailureKind::NotFound) {
            outcome.hint = Some(crate::model::outcome::not_found_hint(self.member));
        }
        outcome
    }
}

/// How many jobs run at once, and how many ssh connections one host:port gets.
#[derive(Debug, Clone, Copy)]
pub struct Pool {
    jobs: usize,
    per_host: usize,
}

impl Pool {
    /// `-j` beats `multi.jobs` beats the default (one job per remote, up to 8). `-j 0` means no limit.
    pub fn new(settings: &Settings, jobs_flag: Option<usize>, remotes: usize) -> Pool {
        let jobs = match jobs_flag.or(settings.jobs) {
            Some(0) => remotes,
            Some(n) => n,
            None => remotes.min(config::DEFAULT_MAX_JOBS),
        };
        // `multi.perHost=0` lifts the cap, as `-j 0` lifts the job limit.
        let per_host = match settings.per_host {
            Some(0) => usize::MAX,
            Some(n) => n,
            None => config::DEFAULT_PER_HOST,
        };
        Pool {
            jobs: jobs.max(1),
            per_host,
        }
    }

    /// Runs `work` on every item and returns the results in item order. Items with the same `cap` key share
    /// the per-host cap; `None` is not capped.
    pub fn run<T, O, C, W>(&self, items: &[T], cap: C, work: W) -> Vec<O>
    where
        T: Sync,
        O: Send,
        C: Fn(&T) -> Option<String>,
        W: Fn(&T) -> O + Sync,
    {
        let caps: Vec<Option<String>> = items.iter().map(cap).collect();
        let state = Mutex::new(Schedule {
            taken: vec![false; items.len()],
            running: HashMap::new(),
        });
        let changed = Condvar::new();
        let results: Mutex<Vec<Option<O>>> = Mutex::new(items.iter().map(|_| None).collect());
        let workers = self.jobs.min(items.len());
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    while let Some(index) = self.next(&state, &changed, &caps) {
                        let output = work(&items[index]);
                        results.lock().unwrap_or_else(|e| e.into_inner())[index] = Some(output);
                        let mut schedule = state.lock().unwrap_or_else(|e| e.into_inner());
                        if let Some(key) = &caps[index] {
                            *schedule.running.entry(key.clone()).or_default() -= 1;
                        }
                        drop(schedule);
                        changed.notify_all();
                    }
                });
            }
        });
        results
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .into_iter()
            .map(|o| o.expect("every item ran"))
            .collect()
    }

    /// The next item whose host has room, waiting while every remaining item's host is full.
    fn next(
        &self,
        state: &Mutex<Schedule>,
        changed: &Condvar,
        caps: &[Option<String>],
    ) -> Option<usize> {
        let mut schedule = state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let mut remaining = false;
            for (index, key) in caps.iter().enumerate() {
                if schedule.taken[index] {
                    continue;
                }
                remaining = true;
                let busy = key
                    .as_ref()
                    .map_or(0, |k| schedule.running.get(k).copied().unwrap_or(0));
                if busy < self.per_host {
                    schedule.taken[index] = true;
                    if let Some(key) = key {
                        *schedule.running.entry(key.clone()).or_default() += 1;
                    }
                    return Some(index);
                }
            }
            if !remaining {
                return None;
            }
            schedule = changed.wait(schedule).unwrap_or_else(|e| e.into_inner());
        }
    }
}

struct Schedule {
    taken: Vec<bool>,
    running: HashMap<String, usize>,
}

/// A pool, a per-remote time budget and where the jobs' events go: everything a command needs to run one job
/// per remote.
pub struct FanOut<'a> {
    pub pool: Pool,
    pub budget: Duration,
    pub sink: Box<dyn Sink + 'a>,
}

impl FanOut<'_> {
    /// The work is over: a live display of it clears itself.
    pub fn finish(&self) {
        self.sink.finish();
    }

    /// Runs `work` once per member (each with a fresh deadline), in parallel within the pool's caps, and
    /// returns the outcomes in the members' order.
    ///
    /// A member whose git remote is gone (a `[multi "<name>"]` section left behind) is reported as such
    /// without running anything: git would only say the name is not a repository.
    pub fn run<D: Send + Default>(
        &self,
        members: &[&Member],
        work: impl Fn(&Job) -> Outcome<D> + Sync,
    ) -> Vec<Outcome<D>> {
        let items: Vec<(&Member, ())> = members.iter().map(|m| (*m, ())).collect();
        self.run_with(&items, |job, ()| work(job))
    }

    /// [`FanOut::run`] over members paired with what their job needs from an earlier step (e.g. how each
    /// remote's fetch went), handed to the job alongside it, so nothing is looked up again by name.
    pub fn run_with<T: Sync, D: Send + Default>(
        &self,
        items: &[(&Member, T)],
        work: impl Fn(&Job, &T) -> Outcome<D> + Sync,
    ) -> Vec<Outcome<D>> {
        self.run_each(
            items,
            |(m, _)| (*m, self.budget),
            |(_, extra), job| work(job, extra),
        )
    }

    /// Runs `work` once per item, where each item names its member and that member's time budget: one pool
    /// for many repositories × their remotes (`workspace`), with the per-host caps shared by all of them.
    /// Outcomes come back in the items' order.
    pub fn run_each<'m, T: Sync, D: Send + Default>(
        &self,
        items: &[T],
        job_of: impl Fn(&T) -> (&'m Member, Duration) + Sync,
        work: impl Fn(&T, &Job) -> Outcome<D> + Sync,
    ) -> Vec<Outcome<D>> {
        self.pool.run(
            items,
            |item| connection_cap(job_of(item).0),
            |item| {
                let (m, budget) = job_of(item);
                let job = Job::new(m, budget, self.sink.as_ref());
                self.sink.event(&Event::Started {
                    remote: m.name.clone(),
                });
                let outcome = if m.url.is_none() {
                    Outcome::missing_remote(&m.name)
                } else {
                    work(item, &job)
                };
                self.sink.event(&Event::Finished {
                    remote: m.name.clone(),
                    status: outcome.status,
                });
                outcome
            },
        )
    }
}

/// Which members share a connection cap: ssh remotes on the same host:port (sshd drops connections beyond its
/// MaxStartups). HTTPS, git:// and local remotes are limited by `-j` alone: web servers take many connections.
pub fn connection_cap(member: &Member) -> Option<String> {
    let parsed = crate::url::parse(member.url.as_deref()?, |_| true).ok()?;
    (parsed.transport == crate::url::Transport::Ssh).then(|| {
        format!(
            "{}:{}",
            parsed.host.unwrap_or_default(),
            parsed.port.unwrap_or(22)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn pool(jobs: usize, per_host: usize) -> Pool {
        Pool { jobs, per_host }
    }

    #[test]
    fn keeps_item_order() {
        let items: Vec<u64> = (0..20).collect();
        let out = pool(4, 4).run(&items, |_| None, |&i| i * 2);
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn respects_the_job_and_host_caps() {
        let items: Vec<usize> = (0..16).collect();
        let running = AtomicUsize::new(0);
        let on_host = AtomicUsize::new(0);
        let peak = AtomicUsize::new(0);
        let host_peak = AtomicUsize::new(0);
        pool(6, 2).run(
            &items,
            |&i| (i % 2 == 0).then(|| "one-host:22".to_string()),
            |&i| {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                if i % 2 == 0 {
                    let h = on_host.fetch_add(1, Ordering::SeqCst) + 1;
                    host_peak.fetch_max(h, Ordering::SeqCst);
                }
                std::thread::yield_now();
                for _ in 0..1000 {
                    std::hint::spin_loop();
                }
                if i % 2 == 0 {
                    on_host.fetch_sub(1, Ordering::SeqCst);
                }
                running.fetch_sub(1, Ordering::SeqCst);
            },
        );
        assert!(peak.load(Ordering::SeqCst) <= 6);
        assert!(host_peak.load(Ordering::SeqCst) <= 2);
    }

    #[test]
    fn repositories_on_one_pool_share_the_host_caps() {
        // Three repositories, each with a remote on the same ssh host and one on https.
        let member = |url: &str| Member {
            name: "m".into(),
            url: Some(url.into()),
            ..Member::default()
        };
        let repos: Vec<Vec<Member>> = (0..3)
            .map(|r| {
                vec![
                    member(&format!("ssh://git@one-host:2222/r{r}.git")),
                    member(&format!("https://web.example/r{r}.git")),
                ]
            })
            .collect();
        let items: Vec<(usize, usize)> = (0..3).flat_map(|r| [(r, 0), (r, 1)]).collect();
        let on_host = AtomicUsize::new(0);
        let host_peak = AtomicUsize::new(0);
        let fanout = FanOut {
            pool: pool(6, 1),
            budget: Duration::from_secs(5),
            sink: Box::new(crate::events::Quiet),
        };
        let outcomes = fanout.run_each(
            &items,
            |&(r, m)| (&repos[r][m], Duration::from_secs(1)),
            |&(r, m), job| {
                let ssh = m == 0;
                if ssh {
                    let now = on_host.fetch_add(1, Ordering::SeqCst) + 1;
                    host_peak.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(5));
                    on_host.fetch_sub(1, Ordering::SeqCst);
                }
                assert_eq!(job.deadline.budget(), Duration::from_secs(1));
                Outcome::new(&format!("{r}/{m}"), Status::Ok, job.elapsed(), ())
            },
        );
        assert_eq!(host_peak.load(Ordering::SeqCst), 1);
        let names: Vec<&str> = outcomes.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["0/0", "0/1", "1/0", "1/1", "2/0", "2/1"]);
    }

    #[test]
    fn zero_jobs_means_one_per_remote() {
        let settings = Settings {
            jobs: Some(0),
            ..Settings::default()
        };
        assert_eq!(Pool::new(&settings, None, 12).jobs, 12);
        assert_eq!(Pool::new(&Settings::default(), None, 12).jobs, 8);
        assert_eq!(Pool::new(&Settings::default(), Some(1), 12).jobs, 1);
    }

    #[test]
    fn only_ssh_shares_a_cap_per_host_and_port() {
        let member = |url: &str| Member {
            name: "m".into(),
            url: Some(url.into()),
            ..Member::default()
        };
        assert_eq!(
            connection_cap(&member("git@example.com:a/b.git")).as_deref(),
            Some("example.com:22")
        );
        assert_eq!(
            connection_cap(&member("ssh://git@127.0.0.1:2222/srv/r.git")).as_deref(),
            Some("127.0.0.1:2222")
        );
        assert_eq!(connection_cap(&member("https://example.com/a/b.git")), None);
        assert_eq!(connection_cap(&member("/srv/r.git")), None);
    }

    #[test]
    fn a_deadline_reports_its_budget() {
        let deadline = Deadline::start(Duration::from_secs(2));
        assert_eq!(deadline.budget(), Duration::from_secs(2));
        assert!(deadline.left() <= Duration::from_secs(2));
    }
}
