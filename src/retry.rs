//! The one retry policy: git transfers and host API calls alike get a bounded number of further tries after a
//! transient failure, with doubling backoff (or the host's own `Retry-After`), inside the caller's deadline and
//! never past Ctrl-C.

use std::time::{Duration, Instant};

/// How many more tries a transient failure gets, and how long to wait before the first of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub retries: u32,
    pub first_backoff: Duration,
    /// A host asking us to wait longer than this gets its answer reported instead of a frozen terminal.
    pub max_wait: Duration,
}

/// Two retries, 300 ms then 600 ms apart: enough to ride out a dropped connection or a 502 from a proxy,
/// short enough that a host which is really down is reported within a second.
pub const DEFAULT: Policy = Policy {
    retries: 2,
    first_backoff: Duration::from_millis(300),
    max_wait: Duration::from_secs(60),
};

/// What one attempt's result means for the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Success, or a failure another try cannot change (a rejection, a refused credential).
    Final,
    /// Worth another try: after the host's requested wait, else after the policy's backoff.
    Transient(Option<Duration>),
}

/// The last attempt's result and how many retries it took.
#[derive(Debug)]
pub struct Attempted<T> {
    pub result: T,
    pub retries: u32,
}

impl Policy {
    /// Runs `attempt` (given the time left before `deadline`, if any) until `judge` calls its result final, the
    /// retries run out, the next wait would pass the deadline or the user interrupts.
    pub fn run<T>(
        &self,
        deadline: Option<Instant>,
        mut attempt: impl FnMut(Option<Duration>) -> T,
        judge: impl Fn(&T) -> Verdict,
    ) -> Attempted<T> {
        let mut backoff = self.first_backoff;
        let mut retries = 0;
        loop {
            let left = deadline.map(|d| {
                d.saturating_duration_since(Instant::now())
                    .max(Duration::from_millis(1))
            });
            let result = attempt(left);
            let wait = match judge(&result) {
                Verdict::Final => None,
                Verdict::Transient(asked) => Some(asked.unwrap_or(backoff)),
            };
            let give_up = match wait {
                None => true,
                Some(wait) => {
                    retries >= self.retries
                        || wait > self.max_wait
                        || deadline.is_some_and(|d| Instant::now() + wait >= d)
                        || !pause(wait)
                }
            };
            if give_up {
                return Attempted { result, retries };
            }
            retries += 1;
            backoff *= 2;
        }
    }
}

/// Sleeps `total` in short slices; `false` when Ctrl-C cut it short.
pub fn pause(total: Duration) -> bool {
    let until = Instant::now() + total;
    loop {
        if crate::interrupt::requested() {
            return false;
        }
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return true;
        }
        std::thread::sleep(left.min(Duration::from_millis(50)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUICK: Policy = Policy {
        retries: 2,
        first_backoff: Duration::from_millis(1),
        max_wait: Duration::from_secs(1),
    };

    #[test]
    fn retries_transient_failures_a_bounded_number_of_times() {
        let mut calls = 0;
        let done = QUICK.run(
            None,
            |_| {
                calls += 1;
                calls
            },
            |_| Verdict::Transient(None),
        );
        assert_eq!((calls, done.retries, done.result), (3, 2, 3));
    }

    #[test]
    fn stops_at_a_final_answer() {
        let done = QUICK.run(None, |_| 7, |_| Verdict::Final);
        assert_eq!((done.result, done.retries), (7, 0));
    }

    #[test]
    fn never_waits_past_the_deadline_or_longer_than_allowed() {
        let soon = Instant::now() + Duration::from_millis(5);
        let done = QUICK.run(
            Some(soon),
            |_| (),
            |_| Verdict::Transient(Some(Duration::from_millis(50))),
        );
        assert_eq!(done.retries, 0);
        let done = QUICK.run(
            None,
            |_| (),
            |_| Verdict::Transient(Some(Duration::from_secs(5))),
        );
        assert_eq!(done.retries, 0);
    }

    #[test]
    fn each_attempt_gets_the_time_left() {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut seen = Vec::new();
        QUICK.run(
            Some(deadline),
            |left| seen.push(left.unwrap()),
            |_| Verdict::Transient(None),
        );
        assert!(seen.windows(2).all(|w| w[1] <= w[0]), "{seen:?}");
        assert!(seen[0] <= Duration::from_secs(30));
    }
}
