//! `create` as a whole, for the command and for the guided `init`: what was asked (plain values) checked and
//! turned into a [`Request`], one job per host, then the config writes and the audit record.

use crate::error::{Error, Result};
use crate::model::repo_meta::MetaChange;
use crate::model::Report;
use crate::ops::create::{self, CreateDetail, Request, Target};
use crate::session::{Parallel, Session, Watch};

/// What `create` was asked for, as given.
#[derive(Debug, Default)]
pub struct Order {
    /// `[owner/]name`.
    pub name: Option<String>,
    /// The owner `--org` named.
    pub org: Option<String>,
    pub public: bool,
    pub description: Option<String>,
    pub topics: Option<Vec<String>>,
    pub homepage: Option<String>,
    /// The remotes to create it for (empty: every enabled member with a host API).
    pub on: Vec<String>,
    pub parallel: Parallel,
}

/// `owner/name` (the last `/` splits: a GitLab subgroup is `group/sub/name`) or `--org`; a name never holds a
/// slash, and naming two different owners is a usage error.
pub fn target(name: Option<&str>, org: Option<&String>) -> Result<Target> {
    let (owner, name) = match name.map(|n| n.rsplit_once('/')) {
        Some(Some((owner, name))) => (Some(owner.to_string()), Some(name.to_string())),
        _ => (None, name.map(str::to_string)),
    };
    let bad = |what: &str, value: &str| {
        Error::usage(format!("`{value}` is not a valid {what}"))
            .hint("give `git multi create <name>`, `git multi create <owner>/<name>` or `git multi create --org <org> <name>`")
    };
    let word = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphanumeric() || "-_.".contains(c))
    };
    if let Some(name) = &name {
        if !word(name) || name.starts_with('.') {
            return Err(bad("repository name", name));
        }
    }
    for owner in owner.iter().chain(org) {
        if owner.is_empty() || !owner.split('/').all(word) {
            return Err(bad("owner", owner));
        }
    }
    let owner = match (owner, org) {
        (Some(a), Some(b)) if a != *b => {
            return Err(Error::usage(format!(
                "two owners named: `{a}` (in `{a}/…`) and `--org {b}`"
            ))
            .hint("name the owner once"))
        }
        (Some(a), _) => Some(a),
        (None, org) => org.cloned(),
    };
    Ok(Target { owner, name })
}

/// Creates (or adopts) the repository `order` asks for on every host selected, then writes what changed to
/// .git/config and logs the run.
pub fn run(ctx: &Session, order: &Order) -> Result<Report<CreateDetail>> {
    let target = target(order.name.as_deref(), order.org.as_ref())?;
    let set = ctx.remote_set()?;
    let members = set.select(&order.on)?;
    let fallback_name = match &target.name {
        Some(name) => name.clone(),
        None => ctx
            .git
            .toplevel()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .ok_or_else(|| {
                Error::usage("cannot tell the repository name")
                    .hint("give it: `git multi create <name>`")
            })?,
    };
    let request = Request {
        target,
        fallback_name,
        branch: ctx.git.current_branch().ok().flatten(),
        private: !order.public,
        description: order.description.clone(),
        wanted: MetaChange {
            homepage: order.homepage.clone(),
            topics: order.topics.as_deref().map(MetaChange::normalise_topics),
            ..MetaChange::default()
        },
    };
    let api = crate::config::DEFAULT_API_TIMEOUT;
    let fanout = ctx.fan_out(&set, order.parallel, &members, api, Watch::Live);
    let results = fanout.run(&members, |job| create::create_one(ctx, job, &request));
    fanout.finish();
    let report = Report::new(create::write_config(ctx, results));
    crate::audit::Record::new("create")
        .outcomes(&report)
        .set_since(&ctx.git, &set)
        .write(&ctx.git);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::target;

    fn owner_and_name(name: Option<&str>, org: Option<&str>) -> (Option<String>, Option<String>) {
        let org = org.map(str::to_string);
        let t = target(name, org.as_ref()).expect("a valid target");
        (t.owner, t.name)
    }

    fn refused(name: Option<&str>, org: Option<&str>) -> String {
        let org = org.map(str::to_string);
        match target(name, org.as_ref()) {
            Ok(_) => panic!("{name:?} with --org {org:?} should be refused"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn the_last_slash_splits_owner_from_name() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(owner_and_name(Some("app"), None), (None, some("app")));
        assert_eq!(
            owner_and_name(Some("acme/app"), None),
            (some("acme"), some("app"))
        );
        assert_eq!(
            owner_and_name(Some("grp/sub/app"), None),
            (some("grp/sub"), some("app"))
        );
        assert_eq!(owner_and_name(None, Some("acme")), (some("acme"), None));
        assert_eq!(
            owner_and_name(Some("acme/app"), Some("acme")),
            (some("acme"), some("app"))
        );
    }

    #[test]
    fn bad_names_and_owners_are_usage_errors() {
        assert!(refused(Some(".hidden"), None).contains("`.hidden` is not a valid repository name"));
        assert!(refused(Some("a b"), None).contains("`a b` is not a valid repository name"));
        assert!(refused(Some("acme/"), None).contains("`` is not a valid repository name"));
        assert!(refused(Some("a//app"), None).contains("`a/` is not a valid owner"));
        assert!(refused(Some("app"), Some("")).contains("`` is not a valid owner"));
        assert!(refused(Some("one/app"), Some("two")).contains("two owners named: `one`"));
    }
}
