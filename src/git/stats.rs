//! Counting the local history for `stats`: commits and authors of HEAD, local branches and tags, and the
//! first and last commit.

use super::{Git, GitError};

/// What [`Git::history_counts`] finds: commits and authors of HEAD, local branches and tags, and the first and
/// last commit as (id, committer date in RFC 3339).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryCounts {
    pub commits: u64,
    pub contributors: u64,
    pub branches: u64,
    pub tags: u64,
    pub first: Option<(String, String)>,
    pub last: Option<(String, String)>,
}

impl Git {
    /// The numbers of HEAD's history and the local refs; an unborn HEAD counts nothing.
    pub fn history_counts(&self) -> Result<HistoryCounts, GitError> {
        let refs = self.refs(&["refs/heads", "refs/tags"])?;
        let count = |prefix: &str| refs.keys().filter(|r| r.starts_with(prefix)).count() as u64;
        let mut stats = HistoryCounts {
            branches: count("refs/heads/"),
            tags: count("refs/tags/"),
            ..HistoryCounts::default()
        };
        if self.rev_parse("HEAD")?.is_none() {
            return Ok(stats);
        }
        stats.commits = self.commit_count("HEAD")?;
        let authors = self
            .command([
                "shortlog",
                "--summary",
                "--numbered",
                "--email",
                "HEAD",
                "--",
            ])
            .run()?;
        stats.contributors = authors
            .stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count() as u64;
        // Several roots are possible (merged histories): the oldest is the first commit.
        let roots = self
            .command([
                "log",
                "--max-parents=0",
                "--format=%H %ct %cI",
                "HEAD",
                "--",
            ])
            .run()?;
        stats.first = parse_stamps(&roots.stdout)
            .into_iter()
            .min_by_key(|(time, _)| *time)
            .map(|(_, stamp)| stamp);
        let last = self
            .command(["log", "-1", "--format=%H %ct %cI", "HEAD", "--"])
            .run()?;
        stats.last = parse_stamps(&last.stdout)
            .into_iter()
            .next()
            .map(|(_, s)| s);
        Ok(stats)
    }
}

/// Lines of `%H %ct %cI`: each commit with its committer time as seconds (to compare) and as a date.
fn parse_stamps(text: &str) -> Vec<(i64, (String, String))> {
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split(' ');
            let commit = parts.next()?.to_string();
            let time = parts.next()?.parse().ok()?;
            let date = parts.next()?.to_string();
            Some((time, (commit, date)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `git log --max-parents=0 --format='%H %ct %cI' HEAD` of a history with two roots.
    const SAMPLE_ROOTS: &str = "5e1e4237ff4165b0c8c11f8a6bd1d3a07bb16ded 1796362236 2026-12-04T05:30:36Z\n3bb42fdf0addc9908320fcbf91b9c8b4bcacf1bf 1796362200 2026-12-04T05:30:00Z\n";

    #[test]
    fn reads_commit_stamps() {
        let stamps = parse_stamps(SAMPLE_ROOTS);
        assert_eq!(stamps.len(), 2);
        let oldest = stamps.into_iter().min_by_key(|(t, _)| *t).unwrap().1;
        assert_eq!(oldest.0, "3bb42fdf0addc9908320fcbf91b9c8b4bcacf1bf");
        assert_eq!(oldest.1, "2026-12-04T05:30:00Z");
        assert!(parse_stamps("").is_empty());
    }
}
