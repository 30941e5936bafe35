//! The configuration's reading and checks, on fixed entries; the README's key table against [`KEYS`].

use super::*;
use crate::git::{refname, ConfigEntry};
use std::time::Duration;

fn entry(key: &str, value: &str) -> ConfigEntry {
    ConfigEntry {
        key: key.into(),
        value: Some(value.into()),
    }
}

#[test]
fn reads_repository_settings() {
    let entries = [
        entry("multi.jobs", "3"),
        entry("multi.timeout", "2.5"),
        entry("multi.primary", "github"),
        entry("multi.github.enabled", "true"),
    ];
    let settings = Settings::from_entries(&entries).unwrap();
    assert_eq!(settings.jobs, Some(3));
    assert_eq!(settings.timeout, Some(Duration::from_millis(2500)));
    assert_eq!(settings.primary.as_deref(), Some("github"));
}

#[test]
fn reads_ref_namespaces() {
    let settings = Settings::from_entries(&[
        entry("multi.refs", "refs/git-mile/*"),
        entry("multi.refs", "refs/notes/*:ff-only"),
    ])
    .unwrap();
    assert_eq!(
        settings.namespaces,
        [
            Namespace {
                pattern: "refs/git-mile/*".into(),
                merge: MergeMode::Union
            },
            Namespace {
                pattern: "refs/notes/*".into(),
                merge: MergeMode::FfOnly
            }
        ]
    );
    assert_eq!(settings.namespaces[1].value(), "refs/notes/*:ff-only");
    let again = Settings::from_entries(&[
        entry("multi.refs", "refs/notes/*:ff-only"),
        entry("multi.refs", "refs/notes/*:theirs"),
    ])
    .unwrap();
    assert_eq!(again.namespaces.len(), 1);
    assert_eq!(again.namespaces[0].merge, MergeMode::Theirs);
    assert!(Settings::from_entries(&[entry("multi.refs", "refs/x/*:nope")]).is_err());
    assert!(Settings::from_entries(&[entry("multi.refs", "heads/*")]).is_err());
}

#[test]
fn namespaces_match_like_refspec_globs() {
    let ns = Namespace::parse("refs/git-mile/*").unwrap();
    assert!(ns.matches("refs/git-mile/tasks/T1"));
    assert!(!ns.matches("refs/git-milestone/x"));
    assert_eq!(ns.root(), "refs/git-mile/");
    let mid = Namespace::parse("refs/review/*/head").unwrap();
    assert!(mid.matches("refs/review/42/head"));
    assert!(!mid.matches("refs/review/42/base"));
    assert_eq!(mid.root(), "refs/review/");
    let exact = Namespace::parse("refs/notes/commits:ff-only").unwrap();
    assert!(exact.matches("refs/notes/commits"));
    assert!(!exact.matches("refs/notes/commits2"));
    assert_eq!(exact.root(), "refs/notes/commits");
    let reserved = ["refs/heads/", "refs/tags/"];
    assert_eq!(ns.overlaps(&reserved), None);
    let unchecked = |pattern: &str| Namespace {
        pattern: pattern.into(),
        merge: MergeMode::Union,
    };
    assert_eq!(unchecked("refs/*").overlaps(&reserved), Some("refs/heads/"));
    let stash = [refname::STASH];
    assert_eq!(unchecked("refs/stash").overlaps(&stash), Some("refs/stash"));
    assert_eq!(unchecked("refs/st*").overlaps(&stash), Some("refs/stash"));
    assert_eq!(unchecked("refs/stashes/*").overlaps(&stash), None);
    assert_eq!(
        unchecked("refs/tags/v*").overlaps(&reserved),
        Some("refs/tags/")
    );
    assert_eq!(
        unchecked("refs/tags/v*").problem(),
        Some(PatternProblem::Reserved("refs/tags/"))
    );
}

#[test]
fn namespaces_are_checked_like_refs_add_and_may_not_overlap() {
    for bad in [
        "refs/heads/*",
        "refs/*",
        "refs/multi/x/*",
        "refs/tags/v*:ff-only",
        "refs/x/**",
        "refs/x/",
        "refs/",
        "refs/a..b/*",
        "refs/x.lock",
        "notes/*",
    ] {
        let err = Settings::from_entries(&[entry("multi.refs", bad)]).unwrap_err();
        assert!(
            err.message.starts_with("multi.refs: "),
            "{bad}: {}",
            err.message
        );
        let pattern = bad.split(':').next().unwrap();
        assert!(
            err.hints[0].contains(&format!(
                "git multi refs remove {}",
                crate::quote::word(pattern)
            )),
            "{bad}: {:?}",
            err.hints
        );
    }
    let overlapping = Settings::from_entries(&[
        entry("multi.refs", "refs/git-mile/*:ff-only"),
        entry("multi.refs", "refs/git-mile/tasks/*"),
    ])
    .unwrap_err();
    assert!(overlapping.message.contains("overlaps `refs/git-mile/*`"));
    let ns = |p: &str| Namespace::parse(p).unwrap();
    assert!(ns("refs/git-mile/*").overlaps_with(&ns("refs/git-mile/tasks/*")));
    assert!(ns("refs/notes/*").overlaps_with(&ns("refs/notes/commits")));
    assert!(ns("refs/notes/commits").overlaps_with(&ns("refs/notes/*")));
    assert!(ns("refs/review/*/head").overlaps_with(&ns("refs/review/1/*")));
    assert!(!ns("refs/review/*/head").overlaps_with(&ns("refs/review/*/base")));
    assert!(!ns("refs/git-mile/*").overlaps_with(&ns("refs/git-milestones/*")));
    assert!(!ns("refs/notes/a").overlaps_with(&ns("refs/notes/b")));
}

#[test]
fn names_the_bad_key() {
    let err = Settings::from_entries(&[entry("multi.timeout", "soon")]).unwrap_err();
    assert!(err.message.contains("multi.timeout"), "{}", err.message);
    assert!(err.hints[0].contains("git multi config unset multi.timeout"));
    assert!(parse_seconds("x", "0").is_err());
}

#[test]
fn bounds_timeouts() {
    for bad in [
        "0",
        "-1",
        "1e30",
        "99999999999999999999",
        "86401",
        "1e-9",
        "0.09",
        "inf",
        "NaN",
        "soon",
    ] {
        let err = parse_seconds("--timeout", bad).unwrap_err();
        assert!(err.contains("from 0.1 to 86400"), "{bad}: {err}");
    }
    assert_eq!(parse_seconds("t", "86400").unwrap(), MAX_TIMEOUT);
    assert_eq!(parse_seconds("t", "0.1").unwrap(), MIN_TIMEOUT);
    assert_eq!(
        parse_seconds("t", " 0.5 ").unwrap(),
        Duration::from_millis(500)
    );
}

#[test]
fn explains_an_unreadable_config_file() {
    // git 2.47.3 on `[multi "x"` as the 14th line of .git/config.
    let err = unreadable("fatal: bad config line 14 in file .git/config\n").unwrap();
    assert_eq!(err.exit as u8, 2);
    assert_eq!(
        err.message,
        ".git/config cannot be read: bad config line 14 in file .git/config"
    );
    assert!(err.hints[0].contains(".git/config near line 14 with `git config --edit`"));
    let global = unreadable("fatal: bad config line 2 in file /home/me/.gitconfig\n").unwrap();
    assert!(global.hints[0].contains("git config --global --edit"));
    let value = unreadable("fatal: bad boolean config value 'maybe' for 'core.bare'\n").unwrap();
    assert!(value
        .message
        .starts_with("git's configuration cannot be read"));
    assert!(
        unreadable("fatal: not a git repository (or any of the parent directories): .git")
            .is_none()
    );
}

#[test]
fn every_key_is_checked_by_its_type() {
    let check = |key: &str, value: &str| check_entry(&entry(key, value));
    assert!(check("multi.jobs", "abc")
        .unwrap_err()
        .contains("multi.jobs"));
    assert!(check("multi.jobs", "-1").is_err());
    assert!(check("multi.jobs", "0").is_ok());
    let huge = check("multi.jobs", "99999999999999999999").unwrap_err();
    assert!(
        huge.contains("is too large") && huge.contains(&usize::MAX.to_string()),
        "{huge}"
    );
    assert!(!huge.contains("must be a whole number"), "{huge}");
    assert!(check("multi.timeout", "-1").is_err());
    assert!(check("multi.timeout", "2.5").is_ok());
    assert!(check("multi.gh.enabled", "maybe").is_err());
    assert!(check("multi.gh.provider", "nope").is_err());
    assert!(check("multi.gh.provider", "gitlab").is_ok());
    assert!(check("multi.a.b.apiurl", "ftp://x/api").is_err());
    assert!(check("multi.gh.apiUrl", "https://git.example.com/api/v1").is_ok());
    assert!(check("multi.refs", "heads/*").is_err());
    assert!(check("multi.somethingNew", "whatever").is_ok());
    assert!(Settings::from_entries(&[entry("multi.perhost", "x")]).is_err());
}

#[test]
fn finds_keys_without_case_and_with_dotted_remotes() {
    let (def, remote) = lookup("multi.a.b.APIURL").unwrap();
    assert_eq!((def.name, remote), ("multi.<remote>.apiUrl", Some("a.b")));
    assert_eq!(lookup("MULTI.perhost").unwrap().0.name, PER_HOST);
    assert!(lookup("multi.nope").is_none());
    assert!(lookup("remote.origin.url").is_none());
    assert_eq!(def.for_remote("gh"), "multi.gh.apiUrl");
}

#[test]
fn the_readme_documents_every_key() {
    let readme = include_str!("../../README.md");
    for def in KEYS {
        let shown = format!("`{}`", def.name.replace(REMOTE_PLACEHOLDER, "<name>"));
        assert!(
            readme.contains(&shown),
            "README.md's configuration table lacks {shown}"
        );
    }
}

#[test]
fn the_readme_table_gives_the_defaults_config_list_gives() {
    let readme = include_str!("../../README.md");
    for def in KEYS {
        let name = format!("`{}`", def.name.replace(REMOTE_PLACEHOLDER, "<name>"));
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| {name} |")))
            .unwrap_or_else(|| panic!("README.md's configuration table lacks {name}"));
        let default = row.split(" | ").nth(1).unwrap_or_default();
        assert_eq!(default.trim_matches('`'), def.default, "README.md: {row}");
    }
}

#[test]
fn counts_say_that_0_lifts_the_limit() {
    // `Pool::new` reads 0 as no limit for both; the table must not promise anything else.
    for def in KEYS.iter().filter(|d| d.kind == ValueKind::Count) {
        assert!(
            def.description.contains("0 = no limit"),
            "{}: {}",
            def.name,
            def.description
        );
    }
}

#[test]
fn understands_git_booleans() {
    assert_eq!(parse_bool(None), Some(true));
    assert_eq!(parse_bool(Some("No")), Some(false));
    assert_eq!(parse_bool(Some("maybe")), None);
}
