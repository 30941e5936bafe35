//! The ref names git-multi builds and shows: where each remote's copy of a ref is tracked, where old tips are
//! saved, and the short names people read. Nothing else in git-multi assembles a ref name.

/// Local branches.
pub const HEADS: &str = "refs/heads/";
/// Tags (shared by every remote: git keeps no per-remote copy).
pub const TAGS: &str = "refs/tags/";
/// `refs/remotes/<remote>/<branch>`: git's own tracking refs for branches.
pub const REMOTES: &str = "refs/remotes/";
/// `refs/multi/remotes/<remote>/<rest>`: each remote's copy of a configured namespace ref.
pub const NAMESPACE_COPIES: &str = "refs/multi/remotes/";
/// `refs/multi/backup/<remote>/<event>/<rest>`: tips saved before something overwrote or deleted them.
pub const BACKUPS: &str = "refs/multi/backup/";
/// `refs/multi/scratch/<pid>/…`: short-lived refs git's own machinery needs to work on (a notes merge).
pub const SCRATCH: &str = "refs/multi/scratch/";
/// The name local tips are saved under in backups (`refs/multi/backup/local/<event>/…`), beside the remotes'.
pub const LOCAL: &str = "local";
/// Where git-multi keeps its own refs; no configured namespace may reach into it.
pub const MULTI: &str = "refs/multi/";
/// `git stash`'s one ref: local work in progress, with its entries in the reflog only (which no push carries).
pub const STASH: &str = "refs/stash";

/// `refs/multi/bundle/<remote>/<rest>`: a remote's refs fetched fresh for `backup`, removed once bundled.
pub const BUNDLES: &str = "refs/multi/bundle/";
/// `refs/multi/restore/<event>/<rest>`: a bundle's refs on their way to a remote, removed once pushed.
pub const RESTORES: &str = "refs/multi/restore/";

/// `main` → `refs/heads/main`; a full ref name stays as it is.
pub fn branch(name: &str) -> String {
    if name.starts_with("refs/") {
        name.to_string()
    } else {
        format!("{HEADS}{name}")
    }
}

/// `v1` → `refs/tags/v1`; a full ref name stays as it is.
pub fn tag(name: &str) -> String {
    if name.starts_with("refs/") {
        name.to_string()
    } else {
        format!("{TAGS}{name}")
    }
}

/// A private copy of `remote`'s ref `name` (or ref glob) that never touches the refs people use:
/// `refs/multi/remotes/<remote>/<rest>`, for tags too (`refs/tags/v1` → `refs/multi/remotes/<remote>/tags/v1`),
/// where git's own fetch would write into the shared `refs/tags/`. [`remote_name_of`] maps it back.
pub fn copy(remote: &str, name: &str) -> String {
    let rest = name.strip_prefix("refs/").unwrap_or(name);
    format!("{NAMESPACE_COPIES}{remote}/{rest}")
}

/// The local ref that records what `remote` last had at its ref `name`: `refs/remotes/<remote>/<branch>` for a
/// branch, `refs/multi/remotes/<remote>/<rest>` for any other namespace, `None` for tags.
pub fn tracking(remote: &str, name: &str) -> Option<String> {
    if let Some(branch) = name.strip_prefix(HEADS) {
        return Some(format!("{REMOTES}{remote}/{branch}"));
    }
    if name.starts_with(TAGS) {
        return None;
    }
    let rest = name.strip_prefix("refs/")?;
    Some(format!("{NAMESPACE_COPIES}{remote}/{rest}"))
}

/// The prefix under which `remote`'s branches are tracked: `refs/remotes/<remote>/`.
pub fn tracking_prefix(remote: &str) -> String {
    format!("{REMOTES}{remote}/")
}

/// The prefix under which `remote`'s copies of namespace refs are kept: `refs/multi/remotes/<remote>/`.
pub fn copies_prefix(remote: &str) -> String {
    format!("{NAMESPACE_COPIES}{remote}/")
}

/// The remote's own ref name for a tracking ref of `remote` (the inverse of [`tracking`]).
pub fn remote_name_of(remote: &str, tracking: &str) -> Option<String> {
    if let Some(branch) = tracking.strip_prefix(&tracking_prefix(remote)) {
        return (branch != "HEAD").then(|| format!("{HEADS}{branch}"));
    }
    let rest = tracking.strip_prefix(&copies_prefix(remote))?;
    Some(format!("refs/{rest}"))
}

/// The fetch refspec `git remote add <remote>` writes: every branch into `refs/remotes/<remote>/`.
pub fn default_fetch_refspec(remote: &str) -> String {
    format!("+{HEADS}*:{}*", tracking_prefix(remote))
}

/// The remote ref a tracking ref of `remote` was fetched from, by the remote's configured fetch refspecs
/// (`remote.<name>.fetch`; git's default `+refs/heads/*:refs/remotes/<name>/*` when there are none). The most
/// specific destination wins, so `refs/remotes/o/pull/1` from `+refs/pull/*:refs/remotes/o/pull/*` is not
/// mistaken for a branch `pull/1`. Namespace copies under `refs/multi/remotes/` map back by name.
pub fn fetched_from(remote: &str, fetch_refspecs: &[String], tracking: &str) -> Option<String> {
    if tracking.starts_with(&copies_prefix(remote)) {
        return remote_name_of(remote, tracking);
    }
    let default = [default_fetch_refspec(remote)];
    let refspecs: &[String] = if fetch_refspecs.is_empty() {
        &default
    } else {
        fetch_refspecs
    };
    let mut best: Option<(usize, String)> = None;
    for refspec in refspecs {
        let refspec = refspec.trim_start_matches('+');
        let Some((src, dst)) = refspec.split_once(':') else {
            continue;
        };
        let found = match (src.split_once('*'), dst.split_once('*')) {
            (Some((src_head, src_tail)), Some((dst_head, dst_tail))) => tracking
                .strip_prefix(dst_head)
                .and_then(|rest| rest.strip_suffix(dst_tail))
                .map(|middle| (dst_head.len(), format!("{src_head}{middle}{src_tail}"))),
            (None, None) if dst == tracking => Some((dst.len(), src.to_string())),
            _ => None,
        };
        if let Some((specificity, name)) = found {
            if best.as_ref().is_none_or(|(b, _)| specificity > *b) {
                best = Some((specificity, name));
            }
        }
    }
    best.map(|(_, name)| name)
        .filter(|name| !name.ends_with("/HEAD") && name != "HEAD")
}

/// Where the tip of `remote`'s ref `name` is saved for the backup event `event`:
/// `refs/multi/backup/<remote>/<event>/<name without refs/>`. Each event has its own refs, so a later backup
/// never replaces an earlier one.
pub fn backup(remote: &str, event: &str, name: &str) -> String {
    let rest = name.strip_prefix("refs/").unwrap_or(name);
    format!("{BACKUPS}{remote}/{event}/{rest}")
}

/// `refs/multi/backup/<remote>/`.
pub fn backup_prefix(remote: &str) -> String {
    format!("{BACKUPS}{remote}/")
}

/// Where `backup` fetches `remote`'s ref `name` to: `refs/multi/bundle/<remote>/<name without refs/>`.
pub fn bundle(remote: &str, name: &str) -> String {
    let rest = name.strip_prefix("refs/").unwrap_or(name);
    format!("{BUNDLES}{remote}/{rest}")
}

/// `refs/multi/bundle/<remote>/`.
pub fn bundle_prefix(remote: &str) -> String {
    format!("{BUNDLES}{remote}/")
}

/// The remote's own name for a ref fetched by `backup` (the inverse of [`bundle`]).
pub fn from_bundle(remote: &str, local: &str) -> Option<String> {
    local
        .strip_prefix(&bundle_prefix(remote))
        .map(|rest| format!("refs/{rest}"))
}

/// Where `restore` keeps a bundle's ref `name` for the run `event`:
/// `refs/multi/restore/<event>/<name without refs/>`.
pub fn restore(event: &str, name: &str) -> String {
    let rest = name.strip_prefix("refs/").unwrap_or(name);
    format!("{RESTORES}{event}/{rest}")
}

/// `refs/multi/restore/<event>/`.
pub fn restore_prefix(event: &str) -> String {
    format!("{RESTORES}{event}/")
}

/// A scratch notes ref for this process (`refs/notes/git-multi-scratch/<pid>/<slot>`): git's notes commands
/// only work on refs under `refs/notes/` (they put that prefix before any other name).
pub fn notes_scratch(slot: usize) -> String {
    format!("refs/notes/git-multi-scratch/{}/{slot}", std::process::id())
}

/// A scratch ref holding `remote`'s copy of `name` for this process (a tag fetched to compare or take it):
/// `refs/multi/scratch/<pid>/copies/<remote>/<name without refs/>`.
pub fn scratch_copy(remote: &str, name: &str) -> String {
    let rest = name.strip_prefix("refs/").unwrap_or(name);
    format!("{SCRATCH}{}/copies/{remote}/{rest}", std::process::id())
}

/// Whether git takes `pattern` as a ref name or refspec pattern, by the rules of `git check-ref-format
/// --refspec-pattern`: no empty component, none starting with `.` or ending with `.lock`, no `..`, `@{`,
/// control characters, space or any of `~^:?[\`, at most one `*`, not ending with `.`, and not `@` alone.
/// Checked here rather than by running git, so values read from the configuration are checked the same way
/// everywhere (a unit test holds the rules to git's own answers).
pub fn is_valid_pattern(pattern: &str) -> bool {
    let forbidden = |c: char| (c as u32) < 0x20 || c == '\x7f' || " ~^:?[\\".contains(c);
    !pattern.is_empty()
        && pattern != "@"
        && !pattern.ends_with('.')
        && !pattern.contains("..")
        && !pattern.contains("@{")
        && pattern.matches('*').count() <= 1
        && !pattern.contains(forbidden)
        && pattern
            .split('/')
            .all(|c| !c.is_empty() && !c.starts_with('.') && !c.ends_with(".lock"))
}

/// Whether git takes `name` as a remote name: its own rule is that `refs/remotes/<name>/test` is a valid ref name
/// (`git remote add` runs `check_refname_format` on it), and we also refuse a leading `-` (an option to git).
/// Checked here, not by a `git check-ref-format` per name, so importing thousands of remotes stays fast.
pub fn is_valid_remote_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('-')
        && !name.contains('*')
        && is_valid_pattern(&format!("{REMOTES}{name}/test"))
}

/// The full names git tries for the short name `name`, in git's order (`git rev-parse`, gitrevisions(7)):
/// `refs/<name>`, `refs/tags/<name>`, `refs/heads/<name>`.
pub fn candidates(name: &str) -> [String; 3] {
    [
        format!("refs/{name}"),
        format!("{TAGS}{name}"),
        format!("{HEADS}{name}"),
    ]
}

/// What people call each of `names` ([`short`]), except where two would read the same (a branch `tags/v1`
/// beside the tag `v1`): those are shown by their full names.
pub fn display_names<'a>(
    names: impl IntoIterator<Item = &'a str>,
) -> std::collections::HashMap<&'a str, &'a str> {
    let names: Vec<&str> = names.into_iter().collect();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for name in &names {
        *seen.entry(short(name)).or_default() += 1;
    }
    names
        .into_iter()
        .map(|name| {
            let shown = if seen[short(name)] > 1 {
                name
            } else {
                short(name)
            };
            (name, shown)
        })
        .collect()
}

/// What people call a ref: `main` for a branch, `tags/v1`, `git-mile/tasks/T1`, `notes/commits`.
pub fn short(name: &str) -> &str {
    name.strip_prefix(HEADS)
        .or_else(|| name.strip_prefix("refs/"))
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_refs_per_namespace() {
        assert_eq!(
            tracking("gh", "refs/heads/main").as_deref(),
            Some("refs/remotes/gh/main")
        );
        assert_eq!(tracking("gh", "refs/tags/v1"), None);
        assert_eq!(
            tracking("gh", "refs/git-mile/tasks/T1").as_deref(),
            Some("refs/multi/remotes/gh/git-mile/tasks/T1")
        );
        assert_eq!(
            remote_name_of("gh", "refs/multi/remotes/gh/git-mile/tasks/T1").as_deref(),
            Some("refs/git-mile/tasks/T1")
        );
        assert_eq!(
            remote_name_of("gh", "refs/remotes/gh/feature/x").as_deref(),
            Some("refs/heads/feature/x")
        );
        assert_eq!(remote_name_of("gh", "refs/remotes/gh/HEAD"), None);
        assert_eq!(remote_name_of("gh", "refs/remotes/ghx/main"), None);
    }

    #[test]
    fn tracking_refs_map_back_through_the_fetch_refspecs() {
        let refspecs = [
            "+refs/heads/*:refs/remotes/o/*".to_string(),
            "+refs/pull/*/head:refs/remotes/o/pr/*".to_string(),
        ];
        assert_eq!(
            fetched_from("o", &refspecs, "refs/remotes/o/main").as_deref(),
            Some("refs/heads/main")
        );
        assert_eq!(
            fetched_from("o", &refspecs, "refs/remotes/o/pr/7").as_deref(),
            Some("refs/pull/7/head")
        );
        assert_eq!(fetched_from("o", &[], "refs/remotes/o/HEAD"), None);
        assert_eq!(
            fetched_from("o", &[], "refs/remotes/o/a/b").as_deref(),
            Some("refs/heads/a/b")
        );
        assert_eq!(
            fetched_from(
                "o",
                &["refs/heads/main:refs/remotes/o/main".into()],
                "refs/remotes/o/main"
            )
            .as_deref(),
            Some("refs/heads/main")
        );
        assert_eq!(
            fetched_from("o", &[], "refs/multi/remotes/o/notes/commits").as_deref(),
            Some("refs/notes/commits")
        );
    }

    #[test]
    fn private_copies_map_back() {
        assert_eq!(copy("gh", "refs/tags/v1"), "refs/multi/remotes/gh/tags/v1");
        assert_eq!(
            copy("gh", "refs/git-mile/*"),
            "refs/multi/remotes/gh/git-mile/*"
        );
        assert_eq!(
            remote_name_of("gh", &copy("gh", "refs/tags/v1")).as_deref(),
            Some("refs/tags/v1")
        );
        assert_eq!(tag("v1"), "refs/tags/v1");
        assert_eq!(tag("refs/tags/v1"), "refs/tags/v1");
    }

    #[test]
    fn bundle_and_restore_refs_are_private_and_map_back() {
        assert_eq!(bundle("gh", "refs/tags/v1"), "refs/multi/bundle/gh/tags/v1");
        assert_eq!(
            from_bundle("gh", "refs/multi/bundle/gh/git-mile/tasks/T1").as_deref(),
            Some("refs/git-mile/tasks/T1")
        );
        assert_eq!(from_bundle("gh", "refs/multi/bundle/ghx/heads/main"), None);
        assert_eq!(
            restore("20260101T000000Z-7", "refs/heads/main"),
            "refs/multi/restore/20260101T000000Z-7/heads/main"
        );
        assert!(restore("e", "refs/heads/x").starts_with(&restore_prefix("e")));
    }

    #[test]
    fn patterns_are_checked_as_git_checks_them() {
        let samples = [
            "refs/git-mile/*",
            "refs/notes/commits",
            "refs/review/*/head",
            "refs/a/b*c",
            "refs/x/**",
            "refs/a/*/*",
            "refs/x..y/*",
            "refs/x/",
            "refs//x",
            "refs/.x/*",
            "refs/x.lock/y",
            "refs/x.lock",
            "refs/x.",
            "refs/x y",
            "refs/x~1",
            "refs/x^",
            "refs/x:y",
            "refs/x?",
            "refs/x[1]",
            "refs/x\\y",
            "refs/x@{1}",
            "refs/x@y",
            "refs/\u{7}x",
            "@",
            "refs/caf\u{e9}/*",
        ];
        for sample in samples {
            let git = std::process::Command::new("git")
                .args(["check-ref-format", "--refspec-pattern", sample])
                .status()
                .expect("git runs");
            assert_eq!(is_valid_pattern(sample), git.success(), "{sample:?}");
        }
    }

    #[test]
    fn remote_names_follow_gits_rule() {
        let samples = [
            "origin",
            "gh",
            "team/mirror",
            "a.b",
            "my-remote_1",
            "ünï",
            "a b",
            "a..b",
            ".hidden",
            "x.lock",
            "a/",
            "/a",
            "a//b",
            "a:b",
            "a~1",
            "a^",
            "a?",
            "a*",
            "a[",
            "a\\b",
            "a@{1}",
            "@",
            "a.",
            "tab\there",
        ];
        for sample in samples {
            let git = std::process::Command::new("git")
                .args(["check-ref-format", &format!("refs/remotes/{sample}/test")])
                .status()
                .expect("git runs");
            assert_eq!(is_valid_remote_name(sample), git.success(), "{sample:?}");
        }
        assert!(!is_valid_remote_name("-x") && !is_valid_remote_name(""));
    }

    #[test]
    fn short_names_that_would_collide_are_shown_in_full() {
        let shown = display_names(["refs/heads/main", "refs/heads/tags/v1", "refs/tags/v1"]);
        assert_eq!(shown["refs/heads/main"], "main");
        assert_eq!(shown["refs/heads/tags/v1"], "refs/heads/tags/v1");
        assert_eq!(shown["refs/tags/v1"], "refs/tags/v1");
        assert_eq!(
            candidates("v2"),
            ["refs/v2", "refs/tags/v2", "refs/heads/v2"].map(String::from)
        );
    }

    #[test]
    fn backups_are_per_event() {
        assert_eq!(
            backup("gh", "20260101T000000Z-42", "refs/tags/v1"),
            "refs/multi/backup/gh/20260101T000000Z-42/tags/v1"
        );
        assert_eq!(branch("main"), "refs/heads/main");
        assert_eq!(branch("refs/notes/commits"), "refs/notes/commits");
        assert_eq!(short("refs/heads/a/b"), "a/b");
        assert_eq!(short("refs/tags/v1"), "tags/v1");
    }
}
