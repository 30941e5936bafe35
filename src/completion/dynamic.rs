//! Which arguments complete to values only the repository knows (members, groups, namespaces, branches, tags,
//! `resolve --take` sides, audited commands), shared by the bash, zsh and fish scripts; `git multi
//! __complete <kind>` prints them at completion time.

use clap::builder::PossibleValue;

/// A kind of value read from the repository when completing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dyn {
    /// The set's members.
    Members,
    /// Members, or the word `all` (a list of remotes).
    MembersOrAll,
    /// git's remote groups other than `multi`.
    Groups,
    /// Configured ref namespaces (`multi.refs` patterns).
    Namespaces,
    Branches,
    Tags,
    /// `resolve --take`: `local`, `primary`, or a member.
    Take,
    /// The commands the audit log records (`log --action`).
    Verbs,
}

impl Dyn {
    pub const ALL: [Dyn; 8] = [
        Dyn::Members,
        Dyn::MembersOrAll,
        Dyn::Groups,
        Dyn::Namespaces,
        Dyn::Branches,
        Dyn::Tags,
        Dyn::Take,
        Dyn::Verbs,
    ];

    /// The word naming it: in the bash tables and as `git multi __complete <word>`.
    pub fn word(self) -> &'static str {
        match self {
            Dyn::Members => "members",
            Dyn::MembersOrAll => "members-all",
            Dyn::Groups => "groups",
            Dyn::Namespaces => "namespaces",
            Dyn::Branches => "branches",
            Dyn::Tags => "tags",
            Dyn::Take => "take",
            Dyn::Verbs => "verbs",
        }
    }

    pub fn parse(word: &str) -> Option<Dyn> {
        Dyn::ALL.into_iter().find(|d| d.word() == word)
    }

    /// The stand-in value the zsh and fish scripts get for it, replaced by a call after generation.
    pub fn marker(self) -> String {
        format!("__git_multi_dyn_{}", self.word().replace('-', "_"))
    }
}

/// The commands the audit log records, by first word (`log --action` takes these).
pub const VERBS: [&str; 19] = [
    "backup", "branch", "config", "create", "fetch", "hook", "import", "init", "mirror", "primary",
    "pull", "push", "refs", "remote", "resolve", "restore", "sync", "tag", "undo",
];

/// The dynamic kind of `arg` of the command at `path` (`"remote remove"`, canonical names), if any.
pub fn of(path: &str, arg: &clap::Arg) -> Option<Dyn> {
    let id = arg.get_id().as_str();
    match (path, id) {
        ("resolve", "take") => return Some(Dyn::Take),
        ("refs remove", "pattern") => return Some(Dyn::Namespaces),
        ("branch delete", "name") => return Some(Dyn::Branches),
        ("tag delete", "name") => return Some(Dyn::Tags),
        ("log", "actions") => return Some(Dyn::Verbs),
        ("log", "remotes") => return Some(Dyn::Members),
        _ => {}
    }
    let value_name = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.as_str())
        .unwrap_or("");
    if value_name == "GROUP" || id == "only" || id == "group" {
        return Some(Dyn::Groups);
    }
    if value_name == "REMOTE" || value_name.starts_with("REMOTE|") {
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        return Some(if arg.is_positional() && many {
            Dyn::MembersOrAll
        } else {
            Dyn::Members
        });
    }
    None
}

/// `root` with every dynamic argument's values replaced by its marker, for clap_complete to write out.
pub fn marked(root: clap::Command) -> clap::Command {
    fn mark(command: clap::Command, path: &str) -> clap::Command {
        let path = path.to_string();
        let inner = path.clone();
        command
            .mut_args(move |arg| match of(&inner, &arg) {
                Some(kind) => arg.value_parser([PossibleValue::new(kind.marker())]),
                None => arg,
            })
            .mut_subcommands(move |sub| {
                let child = if path.is_empty() {
                    sub.get_name().to_string()
                } else {
                    format!("{path} {}", sub.get_name())
                };
                mark(sub, &child)
            })
    }
    mark(root, "")
}
