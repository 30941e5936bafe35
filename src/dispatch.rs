//! From the parsed command line to the command that runs it: the commands that work anywhere first, then the
//! repository (and, for a command that changes it, the run lock), then the flat match.

use clap::{CommandFactory, Parser};

use crate::cli::{BranchCommand, Cli, Command, RemoteCommand};
use crate::cmd::*;
use crate::error::{Error, Exit, Result};
use crate::last_run;
use crate::progress::TerminalFaces;
use crate::session::{Output, Session};

/// Whether `command` changes the repository (its refs, its config, its hooks) and so takes the run lock: its
/// name for the lock's holder line, and its `-j`/`--timeout` options when it has them. Reading commands
/// (status, conflicts, log, list, doctor, export, …), dry runs and commands that only talk to host APIs run
/// beside anything.
fn writes(command: &Command) -> Option<(&'static str, Option<&common::ParallelArgs>)> {
    use RemoteCommand as R;
    Some(match command {
        Command::Init(_) => ("init", None),
        Command::Push(a) if !a.dry_run => ("push", Some(&a.pushing.fan_out.parallel)),
        Command::Fetch(a) => ("fetch", Some(&a.fan_out.parallel)),
        Command::Pull(a) => ("pull", Some(&a.fan_out.parallel)),
        Command::Sync(a) if !a.dry_run => ("sync", Some(&a.pushing.fan_out.parallel)),
        Command::Mirror(a) if !a.dry_run => ("mirror", Some(&a.pushing.fan_out.parallel)),
        Command::Resolve(a) if !a.dry_run => ("resolve", Some(&a.parallel)),
        Command::Undo(a) if !a.dry_run => ("undo", Some(&a.how.parallel)),
        Command::Restore(a) if !a.dry_run => ("restore", Some(&a.how.parallel)),
        Command::Import(a) if !a.dry_run => ("import", None),
        Command::Backup(a) if a.command.is_none() => ("backup", Some(&a.how.parallel)),
        Command::Create(_) => ("create", None),
        Command::Primary(a) if a.remote.is_some() || a.unset => ("primary", None),
        Command::Remote(R::Add(_)) => ("remote add", None),
        Command::Remote(R::Remove(_)) => ("remote remove", None),
        Command::Remote(R::Rename(_)) => ("remote rename", None),
        Command::Remote(R::SetUrl(_)) => ("remote set-url", None),
        Command::Remote(R::Enable(_)) => ("remote enable", None),
        Command::Remote(R::Disable(_)) => ("remote disable", None),
        Command::Branch(BranchCommand::Create(a)) => ("branch create", Some(&a.how.parallel)),
        Command::Branch(BranchCommand::Delete(a)) => ("branch delete", Some(&a.how.parallel)),
        Command::Tag(tag::TagCommand::Create(a)) => ("tag create", Some(&a.how.parallel)),
        Command::Tag(tag::TagCommand::Delete(a)) => ("tag delete", Some(&a.how.parallel)),
        Command::Refs(refs::RefsCommand::Add(_)) => ("refs add", None),
        Command::Refs(refs::RefsCommand::Remove(_)) => ("refs remove", None),
        Command::Group(group::GroupCommand::Add(_)) => ("group add", None),
        Command::Group(group::GroupCommand::Remove(_)) => ("group remove", None),
        Command::Config(config::ConfigCommand::Set(_)) => ("config set", None),
        Command::Config(config::ConfigCommand::Unset(_)) => ("config unset", None),
        Command::Hook(hook::HookCommand::Install(_)) => ("hook install", None),
        Command::Hook(hook::HookCommand::Remove(_)) => ("hook remove", None),
        _ => return None,
    })
}

pub fn dispatch(cli: Cli, output: Output) -> Result<Exit> {
    if let Command::Reap = &cli.command {
        crate::git::reap();
    }
    // Commands outside a repository get the flag alone; inside one, git's config is read below.
    crate::report::set_colour(cli.color.unwrap_or_default());
    if let Command::Help(args) = &cli.command {
        return help(&args.command);
    }
    if let Command::Generate(args) = &cli.command {
        return generate::run(args, Cli::command());
    }
    // Tokens belong to hosts, not repositories: auth works anywhere.
    if let Command::Auth(command) = &cli.command {
        return auth::run(command, output);
    }
    // clone makes the repository it then works in.
    if let Command::Clone(args) = &cli.command {
        return clone::run(args);
    }
    // A workspace spans repositories: it runs from anywhere.
    if let Command::Workspace(command) = &cli.command {
        return workspace::run(command);
    }
    // The doctor also checks a machine outside any repository, and git itself.
    if let Command::Doctor(args) = &cli.command {
        return doctor::run(args);
    }
    let ctx = Session::open(&TerminalFaces, output)?;
    let faces = FaceSettings::read(&ctx, cli.color, output.json);
    crate::report::set_colour(faces.colour(cli.color));
    crate::report::advice::enable(!output.json && faces.advice());
    if let Command::Retry(args) = &cli.command {
        return retry(ctx, args);
    }
    let exit = run_in(&ctx, &cli);
    remember(
        &ctx,
        &cli.command,
        &exit,
        last_run::this_command_line(),
        None,
    );
    exit
}

/// `git multi help <command>...`: that command's long help, as `--help` shows it.
fn help(path: &[String]) -> Result<Exit> {
    let mut command = Cli::command();
    command.build();
    let mut at = &mut command;
    for (depth, name) in path.iter().enumerate() {
        at = match at.find_subcommand_mut(name) {
            Some(sub) => sub,
            None => {
                let said = path[..=depth].join(" ");
                return Err(Error::usage(format!("`{said}` is not a git multi command"))
                    .hint("`git multi help` lists the commands"));
            }
        };
    }
    crate::report::out(&at.render_long_help().to_string());
    Ok(Exit::Success)
}

/// What the faces take from git's config before the command runs: `color.multi`, `color.ui` and
/// `multi.advice`, read with one git call (each last value wins, as `git config --get` resolves it).
struct FaceSettings {
    colour_multi: Option<String>,
    colour_ui: Option<String>,
    advice: Option<Option<String>>,
}

impl FaceSettings {
    /// Nothing is asked of git when the command line already decided both (`--color=…` with `--json`).
    fn read(ctx: &Session, flag: Option<crate::report::Colour>, json: bool) -> FaceSettings {
        use crate::config::{ADVICE, COLOR, GIT_COLOR_UI};
        let mut found = FaceSettings {
            colour_multi: None,
            colour_ui: None,
            advice: None,
        };
        if flag.is_some() && json {
            return found;
        }
        let keys =
            [COLOR, GIT_COLOR_UI, ADVICE].map(|key| key.to_ascii_lowercase().replace('.', r"\."));
        let entries = ctx
            .git
            .config_entries(&format!("^({})$", keys.join("|")))
            .unwrap_or_default();
        for entry in entries {
            // git hands keys back lower-cased; a bare key (`[color] ui` with no `=`) is git's "true".
            let key = entry.key.as_str();
            if key.eq_ignore_ascii_case(COLOR) {
                found.colour_multi = Some(entry.value.unwrap_or_default());
            } else if key.eq_ignore_ascii_case(GIT_COLOR_UI) {
                found.colour_ui = Some(entry.value.unwrap_or_default());
            } else {
                found.advice = Some(entry.value);
            }
        }
        found
    }

    /// `--color`, else `color.multi`, else `color.ui`, else auto (a terminal without NO_COLOR), as git decides.
    fn colour(&self, flag: Option<crate::report::Colour>) -> crate::report::Colour {
        use crate::report::Colour;
        flag.or_else(|| {
            [&self.colour_multi, &self.colour_ui]
                .into_iter()
                .find_map(|value| value.as_deref().and_then(Colour::from_config))
        })
        .unwrap_or(Colour::Auto)
    }

    /// `multi.advice` (default true); a value git cannot read leaves the advice on.
    fn advice(&self) -> bool {
        self.advice
            .as_ref()
            .map_or(Some(true), |value| {
                crate::config::parse_bool(value.as_deref())
            })
            .unwrap_or(true)
    }
}

/// An operation that fanned out to remotes is kept for `git multi retry`: its command line and where it
/// failed. Usage errors (nothing was done) and dry runs are not operations.
fn remember(
    ctx: &Session,
    command: &Command,
    exit: &Result<Exit>,
    args: Vec<String>,
    retried: Option<&[String]>,
) {
    let Some((verb, _)) = writes(command) else {
        return;
    };
    let code = match exit {
        Ok(exit) => *exit,
        Err(err) => err.exit,
    };
    if code == Exit::Usage || !last_run::fanned_out() {
        return;
    }
    let run_failed = matches!(code, Exit::Failure | Exit::Auth);
    let mut run = last_run::run_now(verb, args, run_failed, retried.is_some());
    // Jobs end in any order; the set's order is the one every summary uses (read again only to sort two or more).
    if let Some(set) = (run.failed.len() > 1)
        .then(|| ctx.remote_set_unreported().ok())
        .flatten()
    {
        let at = |name: &String| set.members.iter().position(|m| &m.name == name);
        run.failed
            .sort_by_key(|name| at(name).unwrap_or(usize::MAX));
    }
    // A missing or refused token is not fixed by running again: the token advice replaces retry's.
    if code == Exit::Auth {
        crate::report::advice::auth();
    } else if !run.failed.is_empty() {
        crate::report::advice::retry(&run.failed);
    }
    last_run::save(&ctx.git, run, retried);
}

/// `git multi retry`: the kept command line parsed again and run on the remotes where it failed.
fn retry(ctx: Session, args: &retry::RetryArgs) -> Result<Exit> {
    let Some(plan) = retry::plan(&ctx, args)? else {
        return Ok(Exit::Success);
    };
    let words = std::iter::once("git-multi".to_string()).chain(plan.args.iter().cloned());
    let cli = Cli::try_parse_from(words).map_err(|err| {
        Error::usage(format!(
            "the last {} cannot be run again by this git-multi: {}",
            plan.verb,
            err.kind()
        ))
        .hint("run the command again yourself")
    })?;
    crate::report::advice::narrowed();
    if matches!(cli.command, Command::Retry(_)) {
        return Err(Error::usage(
            "the last run was a retry with nothing of its own to run",
        ));
    }
    if plan.args.iter().any(|a| a == "--json") {
        crate::report::advice::enable(false);
    }
    let ctx = ctx.narrowed_to(plan.remotes.clone());
    let exit = run_in(&ctx, &cli);
    remember(&ctx, &cli.command, &exit, plan.args, Some(&plan.remotes));
    exit
}

/// Runs a command inside the repository, holding the run lock when it changes anything.
fn run_in(ctx: &Session, cli: &Cli) -> Result<Exit> {
    // Held until the command returns: one run that changes this repository at a time.
    let _lock = match writes(&cli.command) {
        Some((name, parallel)) => {
            let wait = common::lock_wait(&ctx.git, parallel)?;
            common::lock_repository(&ctx.git, name, wait, None)?
        }
        None => None,
    };
    match &cli.command {
        Command::Init(args) if args.guided() => init_guided::run(ctx, args),
        Command::Init(args) => init::run(ctx, args),
        Command::Push(args) => push::run(ctx, args),
        Command::Fetch(args) => fetch::run(ctx, args),
        Command::Status(args) => status::run(ctx, args),
        Command::Pull(args) => pull::run(ctx, args),
        Command::Sync(args) => sync::run(ctx, args),
        Command::Refs(command) => refs::run(ctx, command),
        Command::Group(command) => group::run(ctx, command),
        Command::Conflicts(args) => conflicts::run(ctx, args),
        Command::Resolve(args) if args.interactive => resolve::pick::interactive(ctx, args),
        Command::Resolve(args) => resolve::run(ctx, args),
        Command::Remote(command) => match command {
            RemoteCommand::Add(args) => remote::add::run(ctx, args),
            RemoteCommand::List(args) => remote::list::run(ctx, args),
            RemoteCommand::Remove(args) => remote::remove::run(ctx, args),
            RemoteCommand::Rename(args) => remote::rename::run(ctx, args),
            RemoteCommand::SetUrl(args) => remote::set_url::run(ctx, args),
            RemoteCommand::Enable(args) => remote::toggle::run(ctx, args, true),
            RemoteCommand::Disable(args) => remote::toggle::run(ctx, args, false),
            RemoteCommand::Test(args) => remote::test::run(ctx, args),
        },
        Command::Create(args) => create::run(ctx, args),
        Command::Branch(command) => match command {
            BranchCommand::List(args) => branch_ops::list(ctx, args),
            BranchCommand::Create(args) => branch_ops::create(ctx, args),
            BranchCommand::Delete(args) => branch_ops::delete(ctx, args),
            BranchCommand::Hosted(command) => branch::run(ctx, command),
        },
        Command::Tag(command) => tag::run(ctx, command),
        Command::Primary(args) => primary::run(ctx, args),
        Command::Mirror(args) => mirror::run(ctx, args),
        Command::Tui(args) => tui::run(ctx, args),
        Command::Webhook(command) => webhook::run(ctx, command),
        Command::Repo(command) => repo::run(ctx, command),
        Command::Release(command) => release::run(ctx, command),
        Command::Org(command) => org::run(ctx, command),
        Command::Stats(args) => stats::run(ctx, args),
        Command::Log(args) => log::run(ctx, args),
        Command::Undo(args) => undo::run(ctx, args),
        Command::Backup(args) => backup::run(ctx, args),
        Command::Restore(args) => restore::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Config(command) => config::run(ctx, command),
        Command::Hook(command) => hook::run(ctx, command),
        Command::Schedule(command) => schedule::run(ctx, command),
        Command::Ci(command) => ci::run(ctx, command),
        Command::Complete(args) => complete::run(ctx, args),
        Command::Generate(_)
        | Command::Auth(_)
        | Command::Doctor(_)
        | Command::Reap
        | Command::Workspace(_)
        | Command::Retry(_)
        | Command::Help(_)
        | Command::Clone(_) => {
            unreachable!("handled before a repository is required")
        }
    }
}
