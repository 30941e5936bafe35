//! Bounded parallel work over remotes: at most `jobs` at once and at most `per_host` on one host, results
//! handed back in the order the remotes were given (so output never depends on who finished first).

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};

use crate::config::{self, Settings};

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
        let per_host = settings.per_host.filter(|&n| n > 0).unwrap_or(config::DEFAULT_PER_HOST);
        Pool { jobs: jobs.max(1), per_host }
    }

    pub fn jobs(&self) -> usize {
        self.jobs
    }

    /// Runs `work` on every item and returns the results in item order. `host` groups items for the per-host
    /// cap; `None` (local paths) is not capped.
    pub fn run<T, O, H, W>(&self, items: &[T], host: H, work: W) -> Vec<O>
    where
        T: Sync,
        O: Send,
        H: Fn(&T) -> Option<String>,
        W: Fn(&T) -> O + Sync,
    {
        let hosts: Vec<Option<String>> = items.iter().map(host).collect();
        let state = Mutex::new(Schedule { taken: vec![false; items.len()], running: HashMap::new() });
        let changed = Condvar::new();
        let results: Mutex<Vec<Option<O>>> = Mutex::new(items.iter().map(|_| None).collect());
        let workers = self.jobs.min(items.len());
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| loop {
                    let Some(index) = self.next(&state, &changed, &hosts) else { break };
                    let output = work(&items[index]);
                    results.lock().unwrap_or_else(|e| e.into_inner())[index] = Some(output);
                    let mut schedule = state.lock().unwrap_or_else(|e| e.into_inner());
                    if let Some(host) = &hosts[index] {
                        *schedule.running.entry(host.clone()).or_default() -= 1;
                    }
                    drop(schedule);
                    changed.notify_all();
                });
            }
        });
        results.into_inner().unwrap_or_else(|e| e.into_inner()).into_iter().map(|o| o.expect("every item ran")).collect()
    }

    /// The next item whose host has room, waiting while every remaining item's host is full.
    fn next(&self, state: &Mutex<Schedule>, changed: &Condvar, hosts: &[Option<String>]) -> Option<usize> {
        let mut schedule = state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let mut remaining = false;
            for (index, host) in hosts.iter().enumerate() {
                if schedule.taken[index] {
                    continue;
                }
                remaining = true;
                let busy = host.as_ref().map_or(0, |h| schedule.running.get(h).copied().unwrap_or(0));
                if busy < self.per_host {
                    schedule.taken[index] = true;
                    if let Some(host) = host {
                        *schedule.running.entry(host.clone()).or_default() += 1;
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

#[cfg(test)]
mod tests {
    use super::*;
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
            |&i| (i % 2 == 0).then(|| "one-host".to_string()),
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
    fn zero_jobs_means_one_per_remote() {
        let settings = Settings { jobs: Some(0), ..Settings::default() };
        assert_eq!(Pool::new(&settings, None, 12).jobs(), 12);
        assert_eq!(Pool::new(&Settings::default(), None, 12).jobs(), 8);
        assert_eq!(Pool::new(&Settings::default(), Some(1), 12).jobs(), 1);
    }
}
