//! Where a generated CI job gets git-multi from: this project's own git repository at the running version's tag,
//! or a git source the user names (`--install-from <git-url>[@rev]`). Never a bare crate name: on crates.io the
//! name `git-multi` belongs to another author's project, and a job that installs it hands that code every token.

use crate::redact::{looks_like_token, secret_params};
use crate::url::{self, Transport, UrlError};

/// The Cargo package that holds the `git-multi` program (its name on crates.io, free of the one taken).
pub const PACKAGE: &str = env!("CARGO_PKG_NAME");
/// The project's home, from Cargo.toml's `repository`.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Which revision cargo checks out (`--tag`, `--branch` or `--rev`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rev {
    Tag(String),
    Branch(String),
    Commit(String),
}

/// A git repository and revision cargo builds git-multi from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallSource {
    pub url: String,
    pub rev: Rev,
}

/// Why an `--install-from` value was refused, with what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub why: String,
    pub hint: String,
}

fn refused(why: impl Into<String>, hint: impl Into<String>) -> Refused {
    Refused {
        why: why.into(),
        hint: hint.into(),
    }
}

/// The tag a release of this version carries.
fn version_tag() -> String {
    format!("v{VERSION}")
}

impl InstallSource {
    /// This project's repository at the running version's tag: the job runs the release the user runs.
    pub fn ours() -> InstallSource {
        InstallSource {
            url: REPOSITORY.to_string(),
            rev: Rev::Tag(version_tag()),
        }
    }

    /// `<git-url>[@rev]`: an https:// or ssh:// URL cargo can fetch, with no credentials in it, and a tag,
    /// branch or commit (the running version's tag when none is given).
    pub fn parse(given: &str) -> Result<InstallSource, Refused> {
        let (raw_url, rev) = split_rev(given);
        check_url(raw_url)?;
        let rev = match rev {
            None => Rev::Tag(version_tag()),
            Some(rev) => parse_rev(rev)?,
        };
        Ok(InstallSource {
            url: raw_url.to_string(),
            rev,
        })
    }

    /// `cargo install` and its arguments, one word each.
    pub fn cargo_install(&self, root: Option<&str>) -> Vec<String> {
        let mut words: Vec<String> = ["cargo", "install", "--locked"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        if let Some(root) = root {
            words.extend(["--root".to_string(), root.to_string()]);
        }
        let (flag, value) = match &self.rev {
            Rev::Tag(tag) => ("--tag", tag),
            Rev::Branch(branch) => ("--branch", branch),
            Rev::Commit(commit) => ("--rev", commit),
        };
        words.extend([
            "--git".to_string(),
            self.url.clone(),
            flag.to_string(),
            value.clone(),
            PACKAGE.to_string(),
        ]);
        words
    }

    /// `https://… at tag v0.1.0`, for the workflow's header.
    pub fn describe(&self) -> String {
        let rev = match &self.rev {
            Rev::Tag(tag) => format!("tag {tag}"),
            Rev::Branch(branch) => format!("branch {branch} (not pinned: it moves)"),
            Rev::Commit(commit) => format!("commit {commit}"),
        };
        format!("{} at {rev}", self.url)
    }
}

/// The `@rev` after a URL: the last `@` past the start of the path, so `ssh://git@host/…` keeps its user.
fn split_rev(given: &str) -> (&str, Option<&str>) {
    let path_start = match given.find("://") {
        Some(i) => given[i + 3..].find('/').map_or(given.len(), |p| i + 3 + p),
        None => given.find(':').unwrap_or(0),
    };
    match given[path_start..].rfind('@') {
        Some(at) => (
            &given[..path_start + at],
            Some(&given[path_start + at + 1..]),
        ),
        None => (given, None),
    }
}

fn check_url(raw: &str) -> Result<(), Refused> {
    const FORM: &str = "give an https:// or ssh:// URL of a git repository, e.g. `--install-from https://codeberg.org/me/git-multi.git@v1.2.0`";
    if raw.is_empty() {
        return Err(refused("--install-from needs a git URL", FORM));
    }
    // Tokens hide in query strings and `;` parameters; cargo takes none, so none is allowed at all.
    if let Some(at) = raw.find(['?', '#', ';']) {
        let looks_secret = secret_params(&raw[at + 1..]).next().is_some();
        let why = if looks_secret {
            "refusing --install-from with a token in its parameters: the workflow file would publish it"
                .to_string()
        } else {
            format!("refusing --install-from `{raw}`: a query, fragment or `;` parameter has no place in a git URL for cargo")
        };
        return Err(refused(why, FORM));
    }
    let parsed = match url::parse(raw, |_| false) {
        Ok(parsed) => parsed,
        Err(UrlError::EmbeddedSecret) => {
            return Err(refused(
                "refusing --install-from with a password or token in it: the workflow file would publish it",
                "install from a URL anyone may read (a public repository), without credentials",
            ))
        }
        Err(err) => return Err(refused(format!("invalid --install-from `{raw}`: {err}"), FORM)),
    };
    match parsed.transport {
        Transport::Https if raw.starts_with("https://") => {
            if let Some(user) = &parsed.user {
                let why = if looks_like_token(user) {
                    "refusing --install-from with a token as its user name: the workflow file would publish it".to_string()
                } else {
                    format!("refusing --install-from `{raw}`: an https URL with a user name asks the CI for credentials it does not have")
                };
                return Err(refused(why, FORM));
            }
            Ok(())
        }
        Transport::Ssh if raw.contains("://") => Ok(()),
        Transport::Ssh => Err(refused(
            format!("cargo does not read scp-like addresses such as `{raw}`"),
            "write it as a URL: `ssh://git@host/owner/repo.git`",
        )),
        Transport::Local | Transport::File => Err(refused(
            format!("`{raw}` is a path on this machine, which the CI machine cannot reach"),
            FORM,
        )),
        Transport::Http | Transport::Git => Err(refused(
            format!("refusing --install-from `{raw}`: code fetched without TLS or SSH can be swapped on the way"),
            FORM,
        )),
        _ => Err(refused(format!("cargo cannot fetch `{raw}`"), FORM)),
    }
}

/// Tag, branch or commit: 40 (or 64) hex digits are a commit, `refs/tags/…` and `refs/heads/…` say which, a
/// version (`v1.2.0`, `1.2.0`) is a tag, any other name a branch.
fn parse_rev(rev: &str) -> Result<Rev, Refused> {
    let hint = "after `@` give a tag (`v1.2.0`, or `refs/tags/<name>`), a branch (`main`, or `refs/heads/<name>`) or a full commit id";
    if !valid_ref_name(rev) {
        return Err(refused(
            format!("`{rev}` is not a tag, branch or commit name"),
            hint,
        ));
    }
    let hex = rev.bytes().all(|b| b.is_ascii_hexdigit());
    if hex && (rev.len() == 40 || rev.len() == 64) {
        return Ok(Rev::Commit(rev.to_ascii_lowercase()));
    }
    if let Some(tag) = rev.strip_prefix("refs/tags/") {
        return Ok(Rev::Tag(tag.to_string()));
    }
    if let Some(branch) = rev.strip_prefix("refs/heads/") {
        return Ok(Rev::Branch(branch.to_string()));
    }
    if rev.starts_with("refs/") {
        return Err(refused(
            format!("`{rev}` is neither a tag nor a branch"),
            hint,
        ));
    }
    // Digits and a-f letters together, shorter than a full id: an abbreviation cargo cannot check out.
    let has_letter = rev.bytes().any(|b| b.is_ascii_alphabetic());
    let has_digit = rev.bytes().any(|b| b.is_ascii_digit());
    if hex && has_letter && has_digit && rev.len() >= 7 {
        return Err(refused(
            format!("`{rev}` looks like an abbreviated commit id"),
            "give the full 40-digit commit id: cargo checks out no abbreviation",
        ));
    }
    let version = rev.strip_prefix('v').unwrap_or(rev);
    if version.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(Rev::Tag(rev.to_string()));
    }
    Ok(Rev::Branch(rev.to_string()))
}

/// git's ref-name rules, kept to what a shell and YAML carry untouched.
fn valid_ref_name(rev: &str) -> bool {
    !rev.is_empty()
        && rev
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._/-+".contains(&b))
        && !rev.starts_with(['-', '/', '.'])
        && !rev.ends_with(['/', '.'])
        && !rev.ends_with(".lock")
        && !rev.contains("..")
        && !rev.contains("//")
        && !rev.contains("/.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(given: &str) -> InstallSource {
        InstallSource::parse(given).unwrap_or_else(|e| panic!("{given}: {e:?}"))
    }

    #[test]
    fn our_own_source_is_the_repository_at_the_version_tag() {
        let ours = InstallSource::ours();
        assert!(ours.url.starts_with("https://"), "{}", ours.url);
        assert_eq!(
            ours.cargo_install(None).join(" "),
            format!("cargo install --locked --git {REPOSITORY} --tag v{VERSION} {PACKAGE}")
        );
        assert_ne!(
            PACKAGE, "git-multi",
            "that crates.io name is someone else's"
        );
    }

    #[test]
    fn a_revision_after_the_url_picks_tag_branch_or_commit() {
        let commit = "0123456789abcdef0123456789abcdef01234567";
        for (given, url, rev) in [
            (
                "https://example.org/me/git-multi.git@v1.2.0",
                "https://example.org/me/git-multi.git",
                Rev::Tag("v1.2.0".into()),
            ),
            (
                "https://example.org/me/git-multi@feature/ci",
                "https://example.org/me/git-multi",
                Rev::Branch("feature/ci".into()),
            ),
            (
                &format!(
                    "ssh://git@example.org/me/git-multi.git@{}",
                    commit.to_uppercase()
                ),
                "ssh://git@example.org/me/git-multi.git",
                Rev::Commit(commit.into()),
            ),
            (
                "ssh://git@example.org:2222/me/git-multi.git",
                "ssh://git@example.org:2222/me/git-multi.git",
                Rev::Tag(format!("v{VERSION}")),
            ),
            (
                "https://example.org/me/x.git@refs/tags/release-7",
                "https://example.org/me/x.git",
                Rev::Tag("release-7".into()),
            ),
            (
                "https://example.org/me/x.git@refs/heads/2024",
                "https://example.org/me/x.git",
                Rev::Branch("2024".into()),
            ),
        ] {
            let source = ok(given);
            assert_eq!((source.url.as_str(), &source.rev), (url, &rev), "{given}");
        }
        let words =
            ok(&format!("https://example.org/x.git@{commit}")).cargo_install(Some("/opt/gm"));
        assert_eq!(
            words.join(" "),
            format!("cargo install --locked --root /opt/gm --git https://example.org/x.git --rev {commit} {PACKAGE}")
        );
    }

    #[test]
    fn credentials_and_unreachable_sources_are_refused() {
        for given in [
            "https://alice:s3cret@example.org/x.git",
            "https://ghp_0123456789abcdefghijklmnopqrstuvwxyz@github.com/x.git",
            "https://alice@example.org/x.git",
            "https://example.org/x.git?private_token=abc",
            "https://example.org/x.git;token=abc",
            "https://example.org/x.git?ref=main",
            "https://example.org/x.git#main",
            "http://example.org/x.git",
            "git://example.org/x.git",
            "git@example.org:me/x.git",
            "/srv/git/x.git",
            "file:///srv/git/x.git",
            "not a url",
            "",
            "https://example.org/x.git@",
            "https://example.org/x.git@-rf",
            "https://example.org/x.git@a..b",
            "https://example.org/x.git@$(id)",
            "https://example.org/x.git@0123abc",
            "https://example.org/x.git@refs/pull/1/head",
        ] {
            assert!(InstallSource::parse(given).is_err(), "{given}");
        }
        let err = InstallSource::parse("https://example.org/x.git?private_token=abc").unwrap_err();
        assert!(!err.why.contains("abc"), "{}", err.why);
    }
}
