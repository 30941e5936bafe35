//! Cloning into a remote set: the origin and the mirrors checked as `remote add` checks them before anything is
//! cloned, the clone made, the set written (origin plus mirrors), and each member probed with `ls-remote`.

use std::path::{Path, PathBuf};

use crate::config::{self, member};
use crate::error::{Error, Result};
use crate::git::Git;
use crate::model::clone::Probed;
use crate::model::{Outcome, Report, Status};
use crate::remote_set::RemoteSet;
use crate::session::{Faces, Parallel, Session, Watch};
use crate::validate;

/// One mirror to add: its name and the URL as it will be stored.
struct Mirror {
    name: String,
    url: String,
}

/// Clones `url` into `dir` (else the directory git would pick) with `mirror_to` as further members; the
/// clone's directory and what each member's listing saw. `faces` are the new repository's session's.
pub fn clone(
    git: &Git,
    faces: &'static dyn Faces,
    url: &str,
    dir: Option<&Path>,
    mirror_to: &[String],
) -> Result<(PathBuf, Report<Probed>)> {
    // Everything is checked before cloning: bad input leaves nothing behind.
    validate::check_url(git, url)?;
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None => PathBuf::from(humanish(url).ok_or_else(|| {
            Error::usage(format!("cannot tell a directory name from `{}`", url))
                .hint("name the directory: `git multi clone <url> <dir>`")
        })?),
    };
    if dir.exists() && std::fs::read_dir(&dir).map_or(true, |mut d| d.next().is_some()) {
        return Err(Error::usage(format!(
            "`{}` already exists and is not an empty directory",
            dir.display()
        ))
        .hint("name another directory: `git multi clone <url> <dir>`"));
    }
    let mirrors = plan_mirrors(git, mirror_to)?;

    git.clone_into(url, &dir).map_err(|err| {
        let detail = err
            .stderr()
            .map(crate::git::failure_summary)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| err.to_string());
        Error::failed(format!("could not clone {}: {detail}", url))
            .hint("check the URL and your access with `git ls-remote <url>`")
    })?;
    let dir = dir.canonicalize().unwrap_or(dir);
    let ctx = Session::at(git.at(&dir), faces, crate::session::Output::default());
    set_up(&ctx, &mirrors).map_err(|err| {
        err.hint(format!(
            "the clone is in {}; add the mirrors with `git multi remote add <name> <url>`",
            dir.display()
        ))
    })?;

    let set = ctx.remote_set()?;
    let members = set.select(&[])?;
    let fanout = ctx.fan_out(
        &set,
        Parallel {
            jobs: None,
            timeout: Some(
                set.settings
                    .timeout
                    .unwrap_or(config::DEFAULT_PROBE_TIMEOUT),
            ),
        },
        &members,
        config::DEFAULT_TIMEOUT,
        Watch::Nobody,
    );
    let outcomes = fanout.run(&members, |job| {
        match job
            .git(|left, _| ctx.git.ls_remote(job.name(), Some(left)))
            .result
        {
            Ok(refs) => Outcome::new(
                job.name(),
                Status::Ok,
                job.elapsed(),
                Probed {
                    refs: Some(refs.len()),
                },
            ),
            Err(err) => job.failure(&err, Probed::default()),
        }
    });
    Ok((dir, Report::new(outcomes)))
}

/// Names and URLs of the mirrors, checked like `remote add` checks them (and `origin` is taken).
fn plan_mirrors(git: &Git, given: &[String]) -> Result<Vec<Mirror>> {
    let mut taken = vec!["origin".to_string()];
    let mut planned = Vec::new();
    for entry in given {
        let (name, raw) = match split_named(entry) {
            Some((name, raw)) => (name.to_string(), raw),
            None => (
                validate::unused_name(&validate::name_for_url(entry), &taken),
                entry.as_str(),
            ),
        };
        let parsed = validate::check_url(git, raw)?;
        let set = RemoteSet {
            git_remotes: taken.clone(),
            ..RemoteSet::default()
        };
        validate::check_new_name(
            git,
            &set,
            &name,
            "git multi clone <url> --mirror-to <name>=<url>",
        )?;
        taken.push(name.clone());
        planned.push(Mirror {
            name,
            url: validate::storable_url(raw, &parsed),
        });
    }
    Ok(planned)
}

/// `name=url`, when what comes before `=` can only be a name (no `/`, `:`, `@` or `\`).
fn split_named(entry: &str) -> Option<(&str, &str)> {
    let (name, url) = entry.split_once('=')?;
    let plain = !name.is_empty() && !name.contains(['/', ':', '@', '\\']);
    (plain && !url.is_empty()).then_some((name, url))
}

/// The origin and every mirror as members; `remotes.multi` written once at the end.
fn set_up(ctx: &Session, mirrors: &[Mirror]) -> Result<()> {
    ctx.git
        .config_set(&member::key("origin", member::ENABLED), "true")?;
    for mirror in mirrors {
        ctx.git.remote_add(&mirror.name, &mirror.url)?;
        ctx.git
            .config_set(&member::key(&mirror.name, member::ENABLED), "true")?;
    }
    // Read unreported: until the line below writes it, `remotes.multi` is missing by design, not by drift.
    ctx.remote_set_unreported()?.write_group(&ctx.git)
}

/// The directory git would clone into: the last path component without `.git` (and without `/.git`).
fn humanish(url: &str) -> Option<String> {
    let trimmed = url.trim_end_matches('/');
    let trimmed = trimmed.strip_suffix("/.git").unwrap_or(trimmed);
    let last = trimmed.rsplit(['/', ':']).next()?;
    let name = last.strip_suffix(".git").unwrap_or(last);
    (!name.is_empty() && Path::new(name).components().count() == 1 && name != ".." && name != ".")
        .then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_names_follow_git() {
        assert_eq!(
            humanish("https://github.com/a/app.git").as_deref(),
            Some("app")
        );
        assert_eq!(humanish("git@github.com:a/app.git").as_deref(), Some("app"));
        assert_eq!(humanish("/srv/app/.git").as_deref(), Some("app"));
        assert_eq!(humanish("/srv/app/").as_deref(), Some("app"));
        assert_eq!(humanish("host:").as_deref(), None);
    }

    #[test]
    fn a_name_before_the_url_is_recognised() {
        assert_eq!(
            split_named("backup=/srv/b.git"),
            Some(("backup", "/srv/b.git"))
        );
        assert_eq!(
            split_named("gh=https://github.com/a/b.git"),
            Some(("gh", "https://github.com/a/b.git"))
        );
        assert_eq!(split_named("https://h/x?a=b"), None);
        assert_eq!(split_named("/srv/a=b.git"), None);
    }
}
