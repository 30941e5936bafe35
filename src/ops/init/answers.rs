//! The guided setup's answers (`init --interactive` and the flags that answer its questions): the
//! repository's name, description, default branch and visibility, the hosts to link (with where a token was
//! found for each, never the token), and whether to create the repositories. A flag answers its question;
//! without one the person is asked through [`Ask`] (a face: the terminal's prompts), else the default
//! stands. Every answer is known and checked before the first change.

use crate::auth::{self, Target};
use crate::error::{Error, Result};
use crate::hosting::ProviderKind;
use crate::session::Session;

/// The hosts `--host` and the question know: the remote's name, its kind, its web host.
pub const HOSTS: [(&str, ProviderKind); 5] = [
    ("github", ProviderKind::Github),
    ("gitlab", ProviderKind::Gitlab),
    ("codeberg", ProviderKind::Forgejo),
    ("gitea", ProviderKind::Gitea),
    ("bitbucket", ProviderKind::Bitbucket),
];

/// Who answers a question no flag answered: a person at a terminal.
pub trait Ask {
    /// A line of text; `default` is taken on Enter; an empty answer only when `allow_empty`.
    fn text(&self, question: &str, default: Option<&str>, allow_empty: bool) -> Result<String>;
    /// One of `items`, starting on `default`.
    fn choose(&self, question: &str, items: &[String], default: usize) -> Result<usize>;
    /// Any of `items`.
    fn choose_many(&self, question: &str, items: &[String]) -> Result<Vec<usize>>;
    fn yes_no(&self, question: &str, default: bool) -> Result<bool>;
}

/// The answers the command line gave.
#[derive(Debug, Clone, Default)]
pub struct Given {
    pub name: Option<String>,
    pub description: Option<String>,
    pub default_branch: Option<String>,
    /// `--visibility public` (`Some(true)`) or `private`.
    pub public: Option<bool>,
    /// `--host` values, as typed.
    pub hosts: Vec<String>,
    pub create: bool,
    pub no_create: bool,
}

/// One host to link: the remote's name, the kind, and the owner (`None`: the token's account).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub remote: &'static str,
    pub kind: ProviderKind,
    pub owner: Option<String>,
}

/// Everything the guided setup needs, from flags and answers.
#[derive(Debug)]
pub struct Answers {
    pub name: String,
    pub description: Option<String>,
    pub default_branch: Option<String>,
    pub public: bool,
    pub links: Vec<Link>,
    pub create: bool,
}

/// Every answer: a flag's when given, else the person's (when `ask` is there), else the default.
pub fn gather(ctx: &Session, given: &Given, ask: Option<&dyn Ask>) -> Result<Answers> {
    let dir_name = ctx
        .git
        .toplevel()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
    let name = match (&given.name, ask) {
        (Some(name), _) => name.clone(),
        (None, Some(ask)) => ask.text("Repository name", dir_name.as_deref(), false)?,
        (None, None) => dir_name.ok_or_else(|| {
            Error::usage("cannot tell the repository name").hint("give it with --name <name>")
        })?,
    };
    check_name(&name)?;
    let description = match (&given.description, ask) {
        (Some(text), _) => Some(text.clone()),
        (None, Some(ask)) => Some(ask.text("Description (optional)", None, true)?),
        (None, None) => None,
    }
    .filter(|t| !t.is_empty());
    let default_branch = default_branch(ctx, given, ask)?;
    let public = match (given.public, ask) {
        (Some(public), _) => public,
        (None, Some(ask)) => {
            let items = ["private".to_string(), "public".to_string()];
            ask.choose("Visibility on the hosts", &items, 0)? != 0
        }
        (None, None) => false,
    };
    let links = match ask {
        Some(ask) if given.hosts.is_empty() => ask_hosts(ctx, ask)?,
        _ => given
            .hosts
            .iter()
            .map(|h| parse_host(h))
            .collect::<Result<Vec<_>>>()?,
    };
    let create = match ask {
        Some(ask) if !given.create && !given.no_create && !links.is_empty() => {
            ask.yes_no("Create the repositories on the hosts now?", false)?
        }
        _ => given.create,
    };
    Ok(Answers {
        name,
        description,
        default_branch,
        public,
        links,
        create,
    })
}

/// A name the hosts take as a repository's: one word, no owner in it.
fn check_name(name: &str) -> Result<()> {
    if name.is_empty() || name.contains(|c: char| c == '/' || c.is_whitespace()) {
        return Err(Error::usage(format!("invalid repository name `{name}`"))
            .hint("a name such as `app` (an owner goes after `=` in --host github=<owner>)"));
    }
    Ok(())
}

/// The default branch asked for (`None`: leave the branches as they are), checked against git's rules.
fn default_branch(ctx: &Session, given: &Given, ask: Option<&dyn Ask>) -> Result<Option<String>> {
    let branch = match (&given.default_branch, ask) {
        (Some(branch), _) => branch.clone(),
        (None, Some(ask)) => {
            let current = ctx.git.current_branch()?;
            ask.text(
                "Default branch",
                Some(current.as_deref().unwrap_or("main")),
                false,
            )?
        }
        (None, None) => return Ok(None),
    };
    if !ctx.git.is_valid_branch_name(&branch)? {
        return Err(
            Error::usage(format!("`{branch}` is not a valid branch name"))
                .hint("choose a name `git branch` takes, e.g. main"),
        );
    }
    Ok(Some(branch))
}

/// `github`, `github=alice`, `gitlab=group/sub`: a known host and, maybe, its owner.
pub fn parse_host(text: &str) -> Result<Link> {
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

/// The host question's choices: each host with where its token comes from (`found`, in [`HOSTS`] order).
pub fn host_items(found: &[Option<String>]) -> Vec<String> {
    HOSTS
        .iter()
        .zip(found)
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
        .collect()
}

/// Which hosts to link, with where each one's token comes from, and each one's owner (which may be left
/// empty, for the token's account, only where a token was found).
fn ask_hosts(ctx: &Session, ask: &dyn Ask) -> Result<Vec<Link>> {
    let found: Vec<Option<String>> = HOSTS
        .iter()
        .map(|(_, kind)| token_source(ctx, *kind))
        .collect();
    let chosen = ask.choose_many("Hosts to link", &host_items(&found))?;
    let mut links = Vec::new();
    for i in chosen {
        let (remote, kind) = HOSTS[i];
        let host = kind.public_host().unwrap_or(remote);
        let owner = if found[i].is_some() {
            let question =
                format!("Owner on {host} (user or organisation; empty: the token's account)");
            ask.text(&question, None, true)?
        } else {
            ask.text(
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

/// The `git multi create …` arguments that make the repositories on the `linked` remotes as answered.
pub fn create_command(answers: &Answers, linked: &[&str]) -> Vec<String> {
    let mut args = vec!["create".to_string(), answers.name.clone()];
    if answers.public {
        args.push("--public".into());
    }
    if let Some(text) = &answers.description {
        args.push("--description".into());
        args.push(text.clone());
    }
    for remote in linked {
        args.push("--on".into());
        args.push(remote.to_string());
    }
    args
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

    #[test]
    fn a_repository_name_is_one_word_without_an_owner() {
        assert!(check_name("app").is_ok());
        for bad in ["", "alice/app", "my app"] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_create_command_carries_visibility_description_and_the_linked_remotes() {
        let answers = Answers {
            name: "app".into(),
            description: Some("An app".into()),
            default_branch: None,
            public: true,
            links: Vec::new(),
            create: false,
        };
        assert_eq!(
            create_command(&answers, &["github", "codeberg"]),
            [
                "create",
                "app",
                "--public",
                "--description",
                "An app",
                "--on",
                "github",
                "--on",
                "codeberg"
            ]
        );
        let private = Answers {
            public: false,
            description: None,
            ..answers
        };
        assert_eq!(
            create_command(&private, &["gitlab"]),
            ["create", "app", "--on", "gitlab"]
        );
    }

    #[test]
    fn the_host_question_says_where_each_token_comes_from() {
        let mut found = vec![None; HOSTS.len()];
        found[0] = Some("environment (GH_TOKEN)".to_string());
        let items = host_items(&found);
        assert_eq!(
            items[0],
            "github (github.com) — token from environment (GH_TOKEN)"
        );
        assert_eq!(items[2], "codeberg (codeberg.org) — no token found");
    }
}
