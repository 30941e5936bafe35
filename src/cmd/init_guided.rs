//! `git multi init --interactive` and the flags that answer its questions: every answer is gathered (and
//! checked) first by [`crate::ops::init::answers`], asking on the terminal what no flag answered; then the
//! default branch, the group, a remote per host (as `remote add --provider` adds it) and, when asked, the
//! repositories (as `create` makes them).

use crate::cmd::init::InitArgs;
use crate::error::{Error, Exit, Result};
use crate::ops::computed_url::RepoOnHost;
use crate::ops::create_run::{self, Order};
use crate::ops::init::answers::{Answers, Ask};
use crate::ops::init::{self, answers};
use crate::ops::remote_add::{self, NewRemote};
use crate::prompt;
use crate::report;
use crate::session::Session;

/// The terminal's prompts answer the questions no flag answered.
struct Terminal;

impl Ask for Terminal {
    fn text(&self, question: &str, default: Option<&str>, allow_empty: bool) -> Result<String> {
        prompt::text(question, default, allow_empty)
    }

    fn choose(&self, question: &str, items: &[String], default: usize) -> Result<usize> {
        prompt::choose(question, items, default)
    }

    fn choose_many(&self, question: &str, items: &[String]) -> Result<Vec<usize>> {
        prompt::choose_many(question, items)
    }

    fn yes_no(&self, question: &str, default: bool) -> Result<bool> {
        prompt::yes_no(question, default)
    }
}

pub fn run(ctx: &Session, args: &InitArgs) -> Result<Exit> {
    if args.interactive && !prompt::available() {
        return Err(Error::usage("`git multi init --interactive` needs a terminal to ask its questions")
            .hint("give the answers as flags instead: git multi init --name <name> --description <text> --default-branch <branch> --visibility private|public --host github=<owner> … [--create]"));
    }
    let ask: Option<&dyn Ask> = args.interactive.then_some(&Terminal);
    let answers = answers::gather(ctx, &args.given(), ask)?;
    if let Some(branch) = &answers.default_branch {
        if let Some(renamed) = init::default_branch(ctx, branch)? {
            report::init::renamed(&renamed, branch);
        }
    }
    let adopted = init::set_up(ctx, args.import)?;
    let linked = link(ctx, args, &answers)?;
    report::init::summary(&init::summary(ctx, &adopted)?);
    if linked.is_empty() {
        return Ok(Exit::Success);
    }
    if !answers.create {
        report::init::create_later(&answers::create_command(&answers, &linked));
        return Ok(Exit::Success);
    }
    let order = Order {
        name: Some(answers.name.clone()),
        public: answers.public,
        description: answers.description.clone(),
        on: linked.iter().map(|r| r.to_string()).collect(),
        ..Order::default()
    };
    let report = create_run::run(ctx, &order)?;
    Ok(report::create::show(&report, false))
}

/// A remote per host answered, as `remote add --provider` makes it; a host already a member is left as it
/// is. The remotes added.
fn link(ctx: &Session, args: &InitArgs, answers: &Answers) -> Result<Vec<&'static str>> {
    let mut linked = Vec::new();
    for link in &answers.links {
        let set = ctx.remote_set_unreported()?;
        if set.member(link.remote).is_some() {
            report::init::already_member(link.remote);
            continue;
        }
        remote_add::add_member(ctx, link.remote, || {
            Ok(NewRemote {
                name: link.remote,
                url: None,
                on_host: RepoOnHost {
                    provider: Some(link.kind),
                    api_url: None,
                    owner: link.owner.as_deref(),
                    repo: Some(&answers.name),
                    ssh: args.ssh,
                },
                project: None,
                check: false,
            })
        })?;
        linked.push(link.remote);
    }
    Ok(linked)
}
