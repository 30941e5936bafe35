//! `git multi import <file> [--dry-run] [--json]`: apply a set written by `git multi export` (TOML, JSON or
//! YAML) to this clone. Every
//! remote is checked exactly as `remote add` checks it and the whole plan is worked out before the first
//! write; a write that fails puts `.git/config` back as it was. Importing the same file twice changes nothing
//! the second time: only what differs is written. Nothing is removed: members and settings the file does not
//! mention stay as they are, and its namespaces are added to the ones this clone carries.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use clap::Args;

use crate::audit;
use crate::config::{self, member, Namespace};
use crate::error::{Error, Exit, Result};
use crate::git::{refname, NewSection};
use crate::remote_set::RemoteSet;
use crate::report;
use crate::session::Session;
use crate::setfile::{FileRemote, Format, SetFile};
use crate::validate;

/// Apply a remote set exported by `git multi export` (validated first; nothing is changed on any error)
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file, TOML, JSON or YAML (`-` reads standard input), or a backup directory written with
    /// `backup --include-config`
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The file's format (default: its extension, .toml/.json/.yaml/.yml, else what its content looks like)
    #[arg(long, value_name = "FORMAT", value_enum)]
    pub format: Option<Format>,
    /// Show what would change and change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Print one JSON document (the changes, made or not) instead of text
    #[arg(long)]
    pub json: bool,
}

/// One write to `.git/config`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    RemoteAdd {
        name: String,
        url: String,
    },
    SetUrl {
        name: String,
        url: String,
    },
    Set {
        key: String,
        value: String,
    },
    /// Every value of a multi-valued key replaced.
    Replace {
        key: String,
        values: Vec<String>,
    },
    /// One namespace added to `multi.refs` (its earlier values in this repository, another mode, removed
    /// first); the other namespaces stay.
    Namespace {
        value: String,
        replaces: Vec<String>,
    },
    /// `remotes.multi` rewritten from the members.
    Group,
}

/// A write and what it means, for `--dry-run` and the summary.
#[derive(Debug, Clone)]
pub struct Step {
    pub what: String,
    pub write: Write,
}

pub fn run(ctx: &Session, args: &ImportArgs) -> Result<Exit> {
    let path = in_backup(&args.file)?;
    let text = read(&path)?;
    let format = args.format.or_else(|| Format::from_path(&path));
    let (file, format) = SetFile::parse_as(&text, format).map_err(|e| {
        Error::usage(format!(
            "{} is not a remote set file: {e}",
            args.file.display()
        ))
        .hint("`git multi export` writes this format (TOML, or --format json|yaml); nothing was changed")
    })?;
    let before = ctx.remote_set()?;
    let steps = plan(ctx, &before, &file)?;
    let changes: Vec<&str> = steps.iter().map(|s| s.what.as_str()).collect();
    let made = !args.dry_run && !steps.is_empty();
    if made {
        apply(ctx, &before, &steps)?;
        audit::record_set(&ctx.git, "import", &before);
    }
    if args.json {
        report::export::imported(&report::export::Imported {
            file: &path,
            format,
            dry_run: args.dry_run,
            changed: made,
            changes: &changes,
        });
    } else {
        report::import::plan(&changes, args.dry_run);
    }
    Ok(Exit::Success)
}

/// A backup directory (`backup --include-config`) stands for the remote-set file it holds.
fn in_backup(path: &std::path::Path) -> Result<PathBuf> {
    if !path.is_dir() {
        return Ok(path.to_path_buf());
    }
    let manifest = crate::ops::archive::read_manifest(path).map_err(|e| {
        Error::usage(format!("{} is a directory but not a backup: {e}", path.display()))
            .hint("give the file `git multi export --output <file>` wrote, or a directory `git multi backup --include-config` wrote")
    })?;
    let Some(file) = manifest.config else {
        return Err(Error::usage(format!(
            "the backup in {} holds no remote set",
            path.display()
        ))
        .hint("only a backup written with `git multi backup --include-config` carries the set; nothing was changed"));
    };
    Ok(path.join(file))
}

fn read(path: &std::path::Path) -> Result<String> {
    let result = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    result.map_err(|e| {
        Error::usage(format!("cannot read {}: {e}", path.display()))
            .hint("give the file `git multi export --output <file>` wrote")
    })
}

/// Checks everything in `file` and works out the writes that make this clone match it.
fn plan(ctx: &Session, before: &RemoteSet, file: &SetFile) -> Result<Vec<Step>> {
    let git = &ctx.git;
    let mut steps: Vec<Step> = Vec::new();
    let mut push = |what: String, write: Write| steps.push(Step { what, write });
    let mut names: Vec<&str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut group_changes = false;
    for remote in &file.remotes {
        if !seen.insert(remote.name.as_str()) {
            return Err(Error::usage(format!(
                "remote `{}` appears twice in the file",
                remote.name
            ))
            .hint("keep one [[remote]] table per name; nothing was changed"));
        }
        names.push(&remote.name);
        let wanted = checked(ctx, remote)?;
        let name = &remote.name;
        let current_url = match before.member(name) {
            Some(m) => m.url.clone(),
            None if before.is_git_remote(name) => git.config_get(&format!("remote.{name}.url"))?,
            None => None,
        };
        match current_url {
            None => push(
                format!("add remote {name} {}", wanted.url),
                Write::RemoteAdd {
                    name: name.clone(),
                    url: wanted.url.clone(),
                },
            ),
            Some(url) if url != wanted.url => push(
                format!("{name}: url {url} -> {}", wanted.url),
                Write::SetUrl {
                    name: name.clone(),
                    url: wanted.url.clone(),
                },
            ),
            Some(_) => {}
        }
        // A member's push URLs were read with the set; only a plain git remote (not a member yet) is asked.
        let current_push = match before.member(name) {
            Some(m) => m.push_urls.clone(),
            None if before.is_git_remote(name) => {
                git.config_get_all(&format!("remote.{name}.pushurl"))?
            }
            None => Vec::new(),
        };
        if !wanted.push_urls.is_empty() && current_push != wanted.push_urls {
            push(
                format!("{name}: push urls {}", wanted.push_urls.join(" ")),
                Write::Replace {
                    key: format!("remote.{name}.pushurl"),
                    values: wanted.push_urls.clone(),
                },
            );
        }
        let existing = before.member(name);
        let enabled = remote.enabled.unwrap_or(true);
        let enabled_now = existing.map(|m| m.enabled);
        if existing.is_none() || remote.enabled.is_some_and(|e| Some(e) != enabled_now) {
            group_changes = true;
            push(
                format!(
                    "{name}: {}",
                    match (existing.is_none(), enabled) {
                        (true, true) => "join the set",
                        (true, false) => "join the set, disabled",
                        (false, true) => "enable",
                        (false, false) => "disable",
                    }
                ),
                Write::Set {
                    key: member::key(name, member::ENABLED),
                    value: enabled.to_string(),
                },
            );
        }
        let facts = [
            (
                member::PROVIDER,
                &wanted.provider,
                existing.and_then(|m| m.provider.clone()),
            ),
            (
                member::API_URL,
                &wanted.api_url,
                existing.and_then(|m| m.api_url.clone()),
            ),
            (
                member::OWNER,
                &wanted.owner,
                existing.and_then(|m| m.owner.clone()),
            ),
            (
                member::REPO,
                &wanted.repo,
                existing.and_then(|m| m.repo.clone()),
            ),
            (
                member::PROJECT,
                &wanted.project,
                existing.and_then(|m| m.project.clone()),
            ),
        ];
        for (variable, want, have) in facts {
            if let Some(want) = want {
                if have.as_ref() != Some(want) {
                    push(
                        format!("{name}: {variable} {want}"),
                        Write::Set {
                            key: member::key(name, variable),
                            value: want.clone(),
                        },
                    );
                }
            }
        }
    }
    let stored_refs: Vec<String> = git
        .config_entries_in_repository(&format!("^{}$", config::REFS.replace('.', "\\.")))?
        .into_iter()
        .filter_map(|e| e.value)
        .collect();
    settings(before, file, &names, &stored_refs, &mut push)?;
    // The group follows the members; rewrite it only when what it should say differs from what it says.
    if group_changes || git.config_get(config::GROUP_KEY)?.is_none() {
        push("rewrite remotes.multi".into(), Write::Group);
    }
    Ok(steps)
}

/// A file remote after the checks `remote add` makes, with the values as they would be stored.
fn checked(ctx: &Session, remote: &FileRemote) -> Result<FileRemote> {
    let context = |err: Error| {
        let message = format!("remote `{}`: {}", remote.name, err.message);
        let mut out = Error::usage(message);
        for hint in err.hints {
            out = out.hint(hint);
        }
        out.hint("nothing was changed")
    };
    validate::check_name(&ctx.git, &remote.name).map_err(context)?;
    let store = |raw: &str| -> Result<String> {
        let parsed = validate::check_url(&ctx.git, raw).map_err(context)?;
        Ok(validate::storable_url(raw, &parsed))
    };
    let mut out = remote.clone();
    out.url = store(&remote.url)?;
    out.push_urls = remote
        .push_urls
        .iter()
        .map(|u| store(u))
        .collect::<Result<_>>()?;
    if let Some(provider) = &remote.provider {
        out.provider = Some(
            validate::parse_provider(provider)
                .map_err(context)?
                .as_str()
                .to_string(),
        );
    }
    if let Some(api) = &remote.api_url {
        validate::check_api_url(api).map_err(context)?;
        out.api_url = Some(api.trim_end_matches('/').to_string());
    }
    for (variable, value) in [
        (member::OWNER, &remote.owner),
        (member::REPO, &remote.repo),
        (member::PROJECT, &remote.project),
    ] {
        if let Some(value) = value {
            let key = member::key(&remote.name, variable);
            if let Some((def, _)) = config::lookup(&key) {
                def.check(&key, Some(value))
                    .map_err(|e| Error::usage(e).hint("nothing was changed"))?;
            }
        }
    }
    Ok(out)
}

/// The repository-wide settings the file gives and this clone does not have yet.
fn settings(
    before: &RemoteSet,
    file: &SetFile,
    file_members: &[&str],
    stored_refs: &[String],
    push: &mut impl FnMut(String, Write),
) -> Result<()> {
    let s = &file.settings;
    let now = &before.settings;
    let bad =
        |problem: String| Error::usage(format!("[settings] {problem}")).hint("nothing was changed");
    let mut single = |key: &str, value: Option<String>, current: Option<String>| -> Result<()> {
        let Some(value) = value else {
            return Ok(());
        };
        if let Some((def, _)) = config::lookup(key) {
            def.check(key, Some(&value)).map_err(bad)?;
        }
        if Some(&value) != current.as_ref() {
            push(
                format!("{key} {value}"),
                Write::Set {
                    key: key.to_string(),
                    value,
                },
            );
        }
        Ok(())
    };
    single(
        config::JOBS,
        s.jobs.map(|n| n.to_string()),
        now.jobs.map(|n| n.to_string()),
    )?;
    single(
        config::PER_HOST,
        s.per_host.map(|n| n.to_string()),
        now.per_host.map(|n| n.to_string()),
    )?;
    single(
        config::TIMEOUT,
        s.timeout.map(|t| t.to_string()),
        now.timeout.map(|d| d.as_secs_f64().to_string()),
    )?;
    if let Some(primary) = &s.primary {
        if !file_members.contains(&primary.as_str()) && before.member(primary).is_none() {
            return Err(bad(format!(
                "primary `{primary}` is neither in the file nor a member here"
            )));
        }
    }
    single(config::PRIMARY, s.primary.clone(), now.primary.clone())?;
    // Namespaces are added to what this clone carries, never put in place of it: a namespace the file does
    // not name stays. One the file gives another mode takes the file's.
    let mut namespaces = now.namespaces.clone();
    for value in &s.refs {
        let wanted = Namespace::parse(value).map_err(bad)?;
        let current = namespaces.iter().find(|n| n.pattern == wanted.pattern);
        if current == Some(&wanted) {
            continue;
        }
        let what = match current {
            Some(old) => format!(
                "{}: {} merge mode {} -> {}",
                config::REFS,
                wanted.pattern,
                old.merge.as_str(),
                wanted.merge.as_str()
            ),
            None => format!(
                "{}: add {} ({})",
                config::REFS,
                wanted.pattern,
                wanted.merge.as_str()
            ),
        };
        if let Some(existing) = namespaces
            .iter()
            .find(|n| n.pattern != wanted.pattern && n.overlaps_with(&wanted))
        {
            return Err(Error::usage(format!(
                "[settings] {}",
                config::overlap_problem(&wanted, existing)
            ))
            .hint(format!(
                "drop it from the file, or remove `{}` here first with `git multi refs remove '{}'`; nothing was changed",
                existing.pattern, existing.pattern
            )));
        }
        namespaces.retain(|n| n.pattern != wanted.pattern);
        namespaces.push(wanted.clone());
        push(
            what,
            Write::Namespace {
                value: wanted.value(),
                replaces: stored_refs
                    .iter()
                    .filter(|v| Namespace::split(v).0 == wanted.pattern)
                    .cloned()
                    .collect(),
            },
        );
    }
    Ok(())
}

/// Makes every write, or none: on a failure the configuration file is put back byte for byte. Sections that
/// are new as a whole (a remote added, a member joining) are written in one go (`config_append_sections`):
/// thousands of remotes would otherwise rewrite the file once per key.
fn apply(ctx: &Session, before: &RemoteSet, steps: &[Step]) -> Result<()> {
    let git = &ctx.git;
    let config_path = git.common_dir()?.join("config");
    let saved = std::fs::read(&config_path)
        .map_err(|e| Error::failed(format!("cannot read {}: {e}", config_path.display())))?;
    let (sections, rest) = new_sections(before, steps);
    let batch = git.config_append_sections(&sections).map_err(Error::from);
    let mut failed = batch.err().map(|err| ("add the new remotes", err));
    for step in &rest {
        if failed.is_some() {
            break;
        }
        let done: Result<()> = match &step.write {
            Write::RemoteAdd { name, url } => git.remote_add(name, url).map_err(Error::from),
            Write::SetUrl { name, url } => git.remote_set_url(name, url).map_err(Error::from),
            Write::Set { key, value } => git.config_set(key, value).map_err(Error::from),
            Write::Replace { key, values } => git
                .config_unset(key)
                .and_then(|()| values.iter().try_for_each(|v| git.config_add(key, v)))
                .map_err(Error::from),
            Write::Namespace { value, replaces } => replaces
                .iter()
                .try_for_each(|old| git.config_unset_value(config::REFS, old))
                .and_then(|()| git.config_add(config::REFS, value))
                .map_err(Error::from),
            Write::Group => RemoteSet::load(git).and_then(|set| set.write_group(git)),
        };
        if let Err(err) = done {
            failed = Some((step.what.as_str(), err));
        }
    }
    let Some((what, err)) = failed else {
        return Ok(());
    };
    let restored = std::fs::write(&config_path, &saved);
    let outcome = match restored {
        Ok(()) => "the configuration was put back as it was",
        Err(_) => "putting the configuration back failed too; check .git/config",
    };
    Err(Error::failed(format!(
        "import stopped at `{what}`: {}; {outcome}",
        err.message
    )))
}

/// The writes that fill sections the config does not have yet — `[remote "<name>"]` of a remote added here,
/// `[multi "<name>"]` of a member joining — as whole sections, and the other writes in their order.
fn new_sections<'s>(before: &RemoteSet, steps: &'s [Step]) -> (Vec<NewSection>, Vec<&'s Step>) {
    let mut sections: Vec<NewSection> = Vec::new();
    let mut index: HashMap<(&'static str, String), usize> = HashMap::new();
    let mut section_of = |kind: &'static str, name: &str, sections: &mut Vec<NewSection>| {
        let at = *index.entry((kind, name.to_string())).or_insert_with(|| {
            sections.push(NewSection::new(kind, name));
            sections.len() - 1
        });
        at
    };
    let added: HashSet<&str> = steps
        .iter()
        .filter_map(|s| match &s.write {
            Write::RemoteAdd { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    let mut rest = Vec::new();
    for step in steps {
        match &step.write {
            Write::RemoteAdd { name, url } => {
                let at = section_of("remote", name, &mut sections);
                sections[at].entries.push(("url".into(), url.clone()));
                sections[at]
                    .entries
                    .push(("fetch".into(), refname::default_fetch_refspec(name)));
            }
            Write::Replace { key, values } => match split_key(key, "remote") {
                Some((name, variable)) if added.contains(name) => {
                    let at = section_of("remote", name, &mut sections);
                    for value in values {
                        sections[at].entries.push((variable.into(), value.clone()));
                    }
                }
                _ => rest.push(step),
            },
            Write::Set { key, value } => match split_key(key, config::SECTION) {
                Some((name, variable)) if before.member(name).is_none() => {
                    let at = section_of(config::SECTION, name, &mut sections);
                    sections[at].entries.push((variable.into(), value.clone()));
                }
                _ => rest.push(step),
            },
            _ => rest.push(step),
        }
    }
    (sections, rest)
}

/// `<section>.<name>.<variable>` split into name and variable (a name may hold dots; a variable never does).
fn split_key<'k>(key: &'k str, section: &str) -> Option<(&'k str, &'k str)> {
    key.strip_prefix(section)?
        .strip_prefix('.')?
        .rsplit_once('.')
}
