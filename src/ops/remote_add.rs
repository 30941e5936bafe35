//! Adding a member to the set: its URL (given, or computed from the host's conventions), checked before the
//! first write, then the git remote, its `[multi "<name>"]` keys and `remotes.multi`, all or nothing.

use crate::config::{self, member};
use crate::error::Result;
use crate::ops::computed_url::{computed_url, RepoOnHost};
use crate::ops::remote_change::{change_set, warn_if_no_repository};
use crate::ops::url_check::check_answers;
use crate::remote_set::{Member, RemoteSet};
use crate::session::Session;
use crate::url::RemoteUrl;
use crate::validate::{check_new_name, check_url, storable_url};

/// What `remote add` was asked for, its name and provider already checked.
pub struct NewRemote<'a> {
    pub name: &'a str,
    /// `None`: computed from `on_host`.
    pub url: Option<&'a str>,
    pub on_host: RepoOnHost<'a>,
    pub project: Option<&'a str>,
    /// The URL must answer before anything is written.
    pub check: bool,
}

/// The URL stored for the new remote.
pub struct Added {
    pub url: String,
    pub parsed: RemoteUrl,
}

/// `remote add` as a whole, for the command and for the guided `init`: the new `name` checked first, then the
/// request `checked` builds (its own checks run after the name's), the remote added and the change logged. A
/// local URL that leads to no repository is a warning, unless `--check` already made sure.
pub fn add_member<'a>(
    ctx: &Session,
    name: &str,
    checked: impl FnOnce() -> Result<NewRemote<'a>>,
) -> Result<Added> {
    change_set(ctx, "remote add", |set| {
        check_new_name(
            &ctx.git,
            set,
            name,
            "git multi remote add <other-name> <url>",
        )?;
        let new = checked()?;
        let added = add(ctx, set, &new)?;
        if !new.check {
            warn_if_no_repository(ctx, new.name, &added.url, &added.parsed);
        }
        Ok(added)
    })
}

/// Adds `new` to `set` and to the repository's config. Everything is checked before the first write, so bad
/// input leaves .git/config untouched; a failed write takes back what was written.
pub fn add(ctx: &Session, set: &mut RemoteSet, new: &NewRemote) -> Result<Added> {
    let (url, parsed, owner, repo) = match new.url {
        Some(raw) => {
            let parsed = check_url(&ctx.git, raw)?;
            let on_host = &new.on_host;
            let (owner, repo) = (
                on_host.owner.map(str::to_string),
                on_host.repo.map(str::to_string),
            );
            (storable_url(raw, &parsed), parsed, owner, repo)
        }
        None => {
            let computed = computed_url(ctx, &new.on_host)?;
            let parsed = check_url(&ctx.git, &computed.url)?;
            (
                computed.url,
                parsed,
                Some(computed.owner),
                Some(computed.repo),
            )
        }
    };
    if new.check {
        let timeout = set
            .settings
            .timeout
            .unwrap_or(config::DEFAULT_PROBE_TIMEOUT);
        check_answers(ctx, &url, &parsed, timeout)?;
    }

    ctx.git.remote_add(new.name, &url)?;
    let written = write_member(ctx, new, owner.as_deref(), repo.as_deref()).and_then(|()| {
        set.members.push(Member {
            name: new.name.to_string(),
            enabled: true,
            ..Member::default()
        });
        set.write_group(&ctx.git)
    });
    if let Err(err) = written {
        // Leave nothing half-added behind.
        let _ = ctx
            .git
            .config_remove_section(&format!("multi.{}", new.name));
        let _ = ctx.git.remote_remove(new.name);
        return Err(err);
    }
    Ok(Added { url, parsed })
}

fn write_member(
    ctx: &Session,
    new: &NewRemote,
    owner: Option<&str>,
    repo: Option<&str>,
) -> Result<()> {
    let set =
        |variable: &str, value: &str| ctx.git.config_set(&member::key(new.name, variable), value);
    set(member::ENABLED, "true")?;
    if let Some(kind) = new.on_host.provider {
        set(member::PROVIDER, kind.as_str())?;
    }
    if let Some(api) = new.on_host.api_url {
        set(member::API_URL, api.trim_end_matches('/'))?;
    }
    if let Some(owner) = owner {
        set(member::OWNER, owner)?;
    }
    if let Some(repo) = repo {
        set(member::REPO, repo)?;
    }
    if let Some(project) = new.project {
        set(member::PROJECT, project)?;
    }
    Ok(())
}
