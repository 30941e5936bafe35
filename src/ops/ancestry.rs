//! What many refs' copies know of each other, read for all of them at once: object types, which copies
//! contain which (the independent tips of each ref), and each commit's tree, time and parents. Syncing 1,000
//! diverged namespace refs asked git a handful of questions per ref; here the history is walked for every ref
//! together, one `git log --no-walk` per step down, so the number of git processes follows the depth of the
//! divergence, not the number of refs. What was not worked out in advance is asked of git as before.

use std::collections::{HashMap, HashSet};

use crate::git::{CommitFacts, Git, GitError};

/// Steps down the history walked for all refs together; a ref whose copies part further down than this is
/// left to `git merge-base --independent`.
const MAX_ROUNDS: usize = 64;

/// Facts about commits and sets of tips, worked out in advance or asked of git on the spot.
#[derive(Debug, Default)]
pub struct Known {
    types: HashMap<String, String>,
    facts: HashMap<String, CommitFacts>,
    /// The independent tips of a sorted set of tips.
    independent: HashMap<Vec<String>, Vec<String>>,
}

impl Known {
    /// Everything about the tip sets in `sets` (each one ref's distinct copies) that can be read in bulk.
    pub fn of_sets(git: &Git, sets: &[Vec<&str>]) -> Result<Known, GitError> {
        let mut known = Known::default();
        let all: Vec<&str> = sets
            .iter()
            .flatten()
            .copied()
            .collect::<HashSet<&str>>()
            .into_iter()
            .collect();
        known.types = git.object_types(&all)?;
        let comparable: Vec<Vec<String>> = sets
            .iter()
            .filter(|s| s.len() >= 2 && s.len() <= 32)
            .filter(|s| s.iter().all(|o| known.is_commit(o)))
            .map(|s| s.iter().map(|o| o.to_string()).collect())
            .collect();
        known.walk(git, comparable)?;
        Ok(known)
    }

    fn is_commit(&self, oid: &str) -> bool {
        self.types.get(oid).is_some_and(|t| t == "commit")
    }

    /// The type of each of `oids` that is here (`commit`, `tag`, …).
    pub fn types(&self, git: &Git, oids: &[&str]) -> Result<HashMap<String, String>, GitError> {
        if oids.iter().all(|o| self.types.contains_key(*o)) {
            return Ok(oids
                .iter()
                .map(|o| (o.to_string(), self.types[*o].clone()))
                .collect());
        }
        git.object_types(oids)
    }

    /// The tips of `oids` no other of them contains, sorted (`git merge-base --independent`).
    pub fn independent(&self, git: &Git, oids: &[&str]) -> Result<Vec<String>, GitError> {
        let mut key: Vec<String> = oids.iter().map(|o| o.to_string()).collect();
        key.sort();
        key.dedup();
        match self.independent.get(&key) {
            Some(found) => Ok(found.clone()),
            None => git.independent(oids),
        }
    }

    /// Tree, time and parents of each of `oids`.
    pub fn facts(
        &self,
        git: &Git,
        oids: &[&str],
    ) -> Result<HashMap<String, CommitFacts>, GitError> {
        if oids.iter().all(|o| self.facts.contains_key(*o)) {
            return Ok(oids
                .iter()
                .map(|o| (o.to_string(), self.facts[*o].clone()))
                .collect());
        }
        git.commit_facts(oids)
    }

    /// Walks down from every set's tips at once, one step per round, marking each commit with the tips it is
    /// reachable from. A set is done when every commit still to look at is reachable from all of its tips:
    /// nothing further down can make one tip reachable from another. A tip marked by another tip is contained
    /// in it; the rest are the independent ones.
    fn walk(&mut self, git: &Git, sets: Vec<Vec<String>>) -> Result<(), GitError> {
        let mut walks: Vec<Walk> = sets.into_iter().map(Walk::new).collect();
        for _ in 0..MAX_ROUNDS {
            let wanted: Vec<&str> = walks
                .iter()
                .filter(|w| !w.done)
                .flat_map(|w| w.frontier.iter().map(String::as_str))
                .filter(|o| !self.facts.contains_key(*o))
                .collect::<HashSet<&str>>()
                .into_iter()
                .collect();
            if walks.iter().all(|w| w.done) {
                break;
            }
            let read = git.commit_facts(&wanted)?;
            self.facts.extend(read);
            for walk in walks.iter_mut().filter(|w| !w.done) {
                walk.step(&self.facts);
            }
        }
        for walk in walks.into_iter().filter(|w| w.done && !w.lost) {
            let independent = walk.independent();
            self.independent.insert(walk.tips, independent);
        }
        Ok(())
    }
}

/// One ref's walk: which of its tips each commit seen so far is reachable from (a bit per tip).
struct Walk {
    tips: Vec<String>,
    marks: HashMap<String, u32>,
    frontier: Vec<String>,
    all: u32,
    done: bool,
    /// A commit of the walk could not be read: git decides for this ref instead.
    lost: bool,
}

impl Walk {
    fn new(tips: Vec<String>) -> Walk {
        let marks: HashMap<String, u32> = tips
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), 1 << i))
            .collect();
        Walk {
            frontier: tips.clone(),
            all: (1u32 << tips.len()) - 1,
            tips,
            marks,
            done: false,
            lost: false,
        }
    }

    fn step(&mut self, facts: &HashMap<String, CommitFacts>) {
        let mut next: Vec<String> = Vec::new();
        for commit in std::mem::take(&mut self.frontier) {
            let Some(found) = facts.get(&commit) else {
                self.lost = true;
                self.done = true;
                return;
            };
            let mark = self.marks[&commit];
            for parent in &found.parents {
                let had = self.marks.get(parent).copied().unwrap_or(0);
                if had | mark != had {
                    self.marks.insert(parent.clone(), had | mark);
                    next.push(parent.clone());
                }
            }
        }
        next.sort();
        next.dedup();
        self.done = next.iter().all(|c| self.marks[c] == self.all);
        self.frontier = next;
    }

    fn independent(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .tips
            .iter()
            .enumerate()
            .filter(|(i, t)| self.marks[*t] & !(1 << i) == 0)
            .map(|(_, t)| t.clone())
            .collect();
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(graph: &[(&str, &[&str])]) -> HashMap<String, CommitFacts> {
        graph
            .iter()
            .map(|(c, parents)| {
                (
                    c.to_string(),
                    CommitFacts {
                        tree: String::new(),
                        time: 0,
                        parents: parents.iter().map(|p| p.to_string()).collect(),
                    },
                )
            })
            .collect()
    }

    fn walk(graph: &[(&str, &[&str])], tips: &[&str]) -> Vec<String> {
        let facts = facts(graph);
        let mut walk = Walk::new(tips.iter().map(|t| t.to_string()).collect());
        while !walk.done {
            walk.step(&facts);
        }
        assert!(!walk.lost);
        walk.independent()
    }

    #[test]
    fn diverged_copies_are_both_independent() {
        // base <- a, base <- b
        let graph: &[(&str, &[&str])] = &[("a", &["base"]), ("b", &["base"]), ("base", &[])];
        assert_eq!(walk(graph, &["a", "b"]), ["a", "b"]);
    }

    #[test]
    fn a_copy_behind_another_is_contained() {
        // base <- x <- a ; b = base (behind a by two), c unrelated root
        let graph: &[(&str, &[&str])] =
            &[("a", &["x"]), ("x", &["base"]), ("base", &[]), ("c", &[])];
        assert_eq!(walk(graph, &["a", "base"]), ["a"]);
        assert_eq!(walk(graph, &["a", "c"]), ["a", "c"]);
    }

    #[test]
    fn a_side_path_does_not_stop_the_walk_early() {
        // a merges a side branch s that forks below b: a <- m(x, s); x <- b; s <- r; b <- r
        let graph: &[(&str, &[&str])] = &[
            ("a", &["m"]),
            ("m", &["x", "s"]),
            ("x", &["b"]),
            ("s", &["r"]),
            ("b", &["r"]),
            ("r", &[]),
        ];
        assert_eq!(walk(graph, &["a", "b"]), ["a"]);
    }
}
