//! `git multi init --interactive` and the flags that answer its questions: the repository's name,
//! description, default branch and visibility, which hosts to link (with where a token was found for each,
//! never the token), then the remotes `remote add --provider` computes and, when asked, `create`. Every answer
//! is known before the first change; a flag answers its question, so scripts never need a terminal.

use crate::auth::{self, Target};
use crate::cmd::init::{InitArgs, Visibility};
use crate::cmd::remote::add::{self, AddArgs};
use crate::error::{Error, Exit, Result};
use crate::hosting::ProviderKind;
use crate::prompt;
use crate::report;
use crate::session::Session;

/// The hosts `--host` and the question know: the remote's name, its kind, its web host.
const HOSTS: [(&str, ProviderKind); 5] = [
    ("github", ProviderKind::Github),
    ("gitlab", ProviderKind::Gitlab),
    ("codeberg", ProviderKind::Forgejo),
    ("gitea", ProviderKind::Gitea),
    ("bitbucket", ProviderKind::Bitbucket),
];

/// One host to link: the remote's name, the kind, and the owner (`None`: the token's account).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Link {
    remote: &'static str,
    kind: ProviderKind,
    owner: Option<String>,
}

/// Everything the guided setup needs, from flags and answers.
#[derive(Debug)]
struct Answers {
    name: String,
    description: Option<String>,
    default_branch: Option<String>,
    visibility: Visibility,
    links: Vec<Link>,
    create: bool,
}

pub fn run(ctx: &Session, args: &InitArgs) -> Result<Exit> {
    if args.interactive && !prompt::available() {
        return Err(Error::usage("`git multi init --interactive` needs a terminal to ask its questions")
            .hint("give the answers as flags instead: git multi init --name <name> --description <text> --default-branch <branch> --visibility private|public --host github=<owner> … [--create]"));
    }
    let answers = gather(ctx, args)?;
    if let Some(branch) = &answers.default_branch {
        default_branch(ctx, branch)?;
    }
    let adopted = crate::cmd::init::set_up(ctx, args.import)?;
    let mut linked = Vec::new();
    for link in &answers.links {
        let set = ctx.remote_set_unreported()?;
        if set.member(link.remote).is_some() {
            report::note(&format!(
                "{} is already a member: left as it is",
                link.remote
            ));
            continue;
        }
        add::run(
            ctx,
            &AddArgs {
                name: link.remote.to_string(),
                url: None,
                provider: Some(link.kind.as_str().to_string()),
                api_url: None,
                owner: link.owner.clone(),
                repo: Some(answers.name.clone()),
                project: None,
                ssh: args.ssh,
                https: false,
                check: false,
            },
        )?;
        linked.push(link.remote);
    }
    crate::cmd::init::summarise(ctx, &adopted)?;
    let mut create_args = vec!["create".to_string(), answers.name.clone()];
    if answers.visibility == Visibility::Public {
        create_args.push("--public".into());
    }
    if let Some(text) = &answers.description {
        create_args.push("--description".into());
        create_args.push(text.clone());
    }
    for remote in &linked {
        create_args.push("--on".into());
        create_args.push(remote.to_string());
    }
    if linked.is_empty() {
        return Ok(Exit::Success);
    }
    if !answers.create {
        report::note(&format!(
            "hint: create the repositories on the hosts with `git multi {}`",
            create_args
                .iter()
                .map(|a| crate::quote::word(a))
                .collect::<Vec<_>>()
                .join(" ")
        ));
        return Ok(Exit::Success);
    }
    crate::cmd::create::run(
        ctx,
        &crate::cmd::create::CreateArgs {
            name: Some(answers.name.clone()),
            org: None,
            private: answers.visibility == Visibility::Private,
            public: answers.visibility == Visibility::Public,
            description: answers.description.clone(),
            topics: None,
            homepage: None,
            hosts: crate::cmd::common::HostSelection {
                on: linked.iter().map(|r| r.to_string()).collect(),
                json: false,
                parallel: crate::cmd::common::ParallelArgs {
                    jobs: None,
                    timeout: None,
                },
            },
        },
    )
}

/// Every answer: a flag's when given, else the person's (with `--interactive`), else the default.
fn gather(ctx: &Session, args: &InitArgs) -> Result<Answers> {
    let ask = args.interactive;
    let dir_name = ctx
        .git
        .toplevel()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
    let name = match (&args.name, ask) {
        (Some(name), _) => name.clone(),
        (None, true) => prompt::text("Repository name", dir_name.as_deref(), false)?,
        (None, false) => dir_name.ok_or_else(|| {
            Error::usage("cannot tell the repository name").hint("give it with --name <name>")
        })?,
    };
    if name.is_empty() || name.contains(|c: char| c == '/' || c.is_whitespace()) {
        return Err(Error::usage(format!("invalid repository name `{name}`"))
            .hint("a name such as `app` (an owner goes after `=` in --host github=<owner>)"));
    }
    let description = match (&args.description, ask) {
        (Some(text), _) => Some(text.clone()),
        (None, true) => Some(prompt::text("Description (optional)", None, true)?),
        (None, false) => None,
    }
    .filter(|t| !t.is_empty());
    let current = ctx.git.current_branch()?;
    let default_branch = match (&args.default_branch, ask) {
        (Some(branch), _) => Some(branch.clone()),
        (None, true) => Some(prompt::text(
            "Default branch",
            Some(current.as_deref().unwrap_or("main")),
            false,
        )?),
        (None, false) => None,
    };
    if let Some(branch) = &default_branch {
        if !ctx.git.is_valid_branch_name(branch)? {
            return Err(
                Error::usage(format!("`{branch}` is not a valid branch name"))
                    .hint("choose a name `git branch` takes, e.g. main"),
            );
        }
    }
    let visibility = match (args.visibility, ask) {
        (Some(v), _) => v,
        (None, true) => {
            let items = ["private".to_string(), "public".to_string()];
            match prompt::choose("Visibility on the hosts", &items, 0)? {
                0 => Visibility::Private,
                _ => Visibility::Public,
            }
        }
        (None, false) => Visibility::Private,
    };
    let links = if !args.hosts.is_empty() || !ask {
        args.hosts
            .iter()
            .map(|h| parse_host(h))
            .collect::<Result<Vec<_>>>()?
    } else {
        ask_hosts(ctx)?
    };
    let create = if args.create || args.no_create || !ask || links.is_empty() {
        args.create
    } else {
        prompt::yes_no("Create the repositories on the hosts now?", false)?
    };
    Ok(Answers {
        name,
        description,
        default_branch,
        visibility,
        links,
        create,
    })
}

/// `github`, `github=alice`, `gitlab=group/sub`: a known host and, maybe, its owner.
fn parse_host(text: &str) -> Result<Link> {
    let (host, owner) = match text.split_once('=') {
        Some((host, owner)) => (host, Some(owner.to_string())),
        None => (text, None),
    };
    let host = host.trim().to_ascii_lowercase();
    let found = HOSTS
        .iter()
        .find(|(remote, kind)| *remote == host || kind.public_host() == Some(host.as_str()));
    let Some((remote, kind)) = found else {
        return Err(Error::usage(format!("--host {text}: unknown host `{host}`"))
            .hint(format!(
                "use one of {}; add a self-hosted server with `git multi remote add <name> --provider <kind> --api-url <url>`",
                HOSTS.iter().map(|(r, _)| *r).collect::<Vec<_>>().join(", ")
            )));
    };
    Ok(Link {
        remote,
        kind: *kind,
        owner: owner.filter(|o| !o.is_empty()),
    })
}

/// Where a token for `kind`'s public service comes from, in words (never the token).
fn token_source(ctx: &Session, kind: ProviderKind) -> Option<String> {
    let api = kind.public_api()?;
    let (token, _) = auth::lookup(&ctx.git, &Target::new(Some(kind), api));
    token.map(|t| t.source.to_string())
}

/// Which hosts to link, with where each one's token comes from, and each one's owner.
fn ask_hosts(ctx: &Session) -> Result<Vec<Link>> {
    let found: Vec<Option<String>> = HOSTS
        .iter()
        .map(|(_, kind)| token_source(ctx, *kind))
        .collect();
    let items: Vec<String> = HOSTS
        .iter()
        .zip(&found)
        .map(|((remote, kind), source)| {
            format!(
                "{remote} ({}) — {}",
                kind.public_host().unwrap_or("?"),
                match source {
                    Some(source) => format!("token from {source}"),
                    None => "no token found".into(),
                }
            )
        })
        .collect();
    let chosen = prompt::choose_many("Hosts to link", &items)?;
    let mut links = Vec::new();
    for i in chosen {
        let (remote, kind) = HOSTS[i];
        let host = kind.public_host().unwrap_or(remote);
        let owner = if found[i].is_some() {
            prompt::text(
                &format!("Owner on {host} (user or organisation; empty: the token's account)"),
                None,
                true,
            )?
        } else {
            prompt::text(
                &format!("Owner on {host} (user or organisation)"),
                None,
                false,
            )?
        };
        links.push(Link {
            remote,
            kind,
            owner: Some(owner).filter(|o| !o.is_empty()),
        });
    }
    Ok(links)
}

/// Makes `branch` the one the first push publishes as the default: an unborn HEAD points at it, another
/// current branch is renamed to it (as the hosts' own instructions do with `git branch -M`).
fn default_branch(ctx: &Session, branch: &str) -> Result<()> {
    let git = &ctx.git;
    let current = git.current_branch()?;
    if current.as_deref() == Some(branch) {
        return Ok(());
    }
    let born = git.rev_parse("HEAD")?.is_some();
    if !born {
        git.point_head(branch)?;
        return Ok(());
    }
    let Some(current) = current else {
        return Err(Error::usage(format!(
            "HEAD is detached: cannot make `{branch}` the default branch"
        ))
        .hint(format!("check out a branch first (`git switch {branch}`)")));
    };
    if git
        .rev_parse(&crate::git::refname::branch(branch))?
        .is_some()
    {
        return Err(
            Error::usage(format!("`{branch}` exists and `{current}` is checked out")).hint(
                format!(
            "switch to it first (`git switch {branch}`), or choose --default-branch {current}"
        ),
            ),
        );
    }
    git.branch_rename(&current, branch)?;
    report::note(&format!("renamed branch {current} to {branch}"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_known_by_remote_name_or_web_host_with_an_optional_owner() {
        assert_eq!(
            parse_host("github=alice").unwrap(),
            Link {
                remote: "github",
                kind: ProviderKind::Github,
                owner: Some("alice".into())
            }
        );
        let codeberg = parse_host("codeberg.org").unwrap();
        assert_eq!((codeberg.remote, codeberg.owner), ("codeberg", None));
        assert_eq!(
            parse_host("GitLab=group/sub").unwrap().owner.as_deref(),
            Some("group/sub")
        );
        assert!(parse_host("example.com=me")
            .unwrap_err()
            .message
            .contains("unknown host"));
    }
}
