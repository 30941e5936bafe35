//! Parser for `git push --porcelain` output.

/// What happened to one ref, from the flag column of the porcelain output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefStatus {
    /// ` ` fast-forward
    Updated,
    /// `+` forced update
    Forced,
    /// `-` deleted
    Deleted,
    /// `*` new ref
    New,
    /// `=` already there
    UpToDate,
    /// `!` refused by git or the server
    Rejected,
}

/// One `<flag>\t<from>:<to>\t<summary> (<reason>)` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushedRef {
    pub status: RefStatus,
    pub from: String,
    pub to: String,
    /// `old..new`, `old...new`, or a bracketed word such as `[new branch]`.
    pub summary: String,
    /// The parenthesised reason: `non-fast-forward`, `pre-receive hook declined`, `stale info`, `forced update`.
    pub reason: Option<String>,
}

impl PushedRef {
    /// The (abbreviated) old and new object names from an `old..new` summary.
    pub fn old_new(&self) -> Option<(&str, &str)> {
        let (old, new) = self
            .summary
            .split_once("...")
            .or_else(|| self.summary.split_once(".."))?;
        Some((old, new))
    }

    /// Rejected by the server (hook, protected branch) rather than by git's own fast-forward check.
    pub fn remote_rejected(&self) -> bool {
        self.status == RefStatus::Rejected && self.summary.starts_with("[remote rejected]")
    }
}

pub fn parse(stdout: &str) -> Vec<PushedRef> {
    stdout
        .lines()
        .filter_map(|line| {
            let mut fields = line.splitn(3, '\t');
            let flag = fields.next()?;
            let refs = fields.next()?;
            let rest = fields.next().unwrap_or("");
            let status = match flag {
                " " => RefStatus::Updated,
                "+" => RefStatus::Forced,
                "-" => RefStatus::Deleted,
                "*" => RefStatus::New,
                "=" => RefStatus::UpToDate,
                "!" => RefStatus::Rejected,
                _ => return None,
            };
            let (from, to) = refs.split_once(':')?;
            let (summary, reason) = match rest.find(" (") {
                Some(at) if rest.ends_with(')') => {
                    (&rest[..at], Some(rest[at + 2..rest.len() - 1].to_string()))
                }
                _ => (rest, None),
            };
            Some(PushedRef {
                status,
                from: from.to_string(),
                to: to.to_string(),
                summary: summary.to_string(),
                reason,
            })
        })
        .collect()
}

/// The `remote: …` lines of git's stderr: what the server (a hook) said.
pub fn remote_messages(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| !super::progress::is_progress_line(l))
        .filter_map(|l| l.strip_prefix("remote: "))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Captured from git 2.47.3 `git push --porcelain` against a local bare repository.
    const NEW_AND_UPDATED: &str = "To ../r.git\n \trefs/heads/main:refs/heads/main\t445cb9e..82bc963\n*\trefs/heads/main:refs/heads/other\t[new branch]\nDone\n";
    const UP_TO_DATE: &str =
        "To ../r.git\n=\trefs/heads/main:refs/heads/main\t[up to date]\nDone\n";
    const NON_FAST_FORWARD: &str =
        "To ../r.git\n!\trefs/heads/main:refs/heads/main\t[rejected] (non-fast-forward)\nDone\n";
    const FORCED: &str = "To ../r.git\n+\trefs/heads/main:refs/heads/main\t82bc963...395daba (forced update)\nDone\n";
    const DELETED: &str = "To ../r.git\n-\t:refs/heads/other\t[deleted]\nDone\n";
    const HOOK_DECLINED: &str = "To ../r.git\n!\trefs/heads/main:refs/heads/main\t[remote rejected] (pre-receive hook declined)\nDone\n";
    const STALE_LEASE: &str =
        "To ../r.git\n!\trefs/heads/main:refs/heads/main\t[rejected] (stale info)\nDone\n";
    const HOOK_STDERR: &str =
        "remote: remote says no        \nerror: failed to push some refs to '../r.git'\n";

    #[test]
    fn parses_every_flag() {
        let refs = parse(NEW_AND_UPDATED);
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].status, RefStatus::Updated);
        assert_eq!(refs[0].old_new(), Some(("445cb9e", "82bc963")));
        assert_eq!(refs[1].status, RefStatus::New);
        assert_eq!(refs[1].to, "refs/heads/other");
        assert_eq!(parse(UP_TO_DATE)[0].status, RefStatus::UpToDate);
        let forced = &parse(FORCED)[0];
        assert_eq!(
            (forced.status, forced.reason.as_deref()),
            (RefStatus::Forced, Some("forced update"))
        );
        assert_eq!(forced.old_new(), Some(("82bc963", "395daba")));
        let deleted = &parse(DELETED)[0];
        assert_eq!(
            (deleted.status, deleted.from.as_str()),
            (RefStatus::Deleted, "")
        );
    }

    #[test]
    fn tells_rejections_apart() {
        let nff = &parse(NON_FAST_FORWARD)[0];
        assert_eq!(
            (nff.status, nff.reason.as_deref(), nff.remote_rejected()),
            (RefStatus::Rejected, Some("non-fast-forward"), false)
        );
        let hook = &parse(HOOK_DECLINED)[0];
        assert_eq!(
            (hook.reason.as_deref(), hook.remote_rejected()),
            (Some("pre-receive hook declined"), true)
        );
        assert_eq!(parse(STALE_LEASE)[0].reason.as_deref(), Some("stale info"));
        assert_eq!(remote_messages(HOOK_STDERR), ["remote says no"]);
    }

    #[test]
    fn ignores_everything_else() {
        assert!(parse("To ../r.git\nDone\n").is_empty());
        assert!(parse("").is_empty());
    }
}
