# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_git_multi_global_optspecs
    string join \n color= progress no-progress h/help V/version
end

function __fish_git_multi_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_git_multi_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_git_multi_using_subcommand
    set -l cmd (__fish_git_multi_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c git-multi -n "__fish_git_multi_needs_command" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_needs_command" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_needs_command" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_needs_command" -s V -l version -d 'Print version'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "init" -d 'Set up the remote set in this repository'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "clone" -d 'Clone a repository and make it a remote set: the origin plus mirrors'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "remote" -d 'Manage the remotes of the set'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "auth" -d 'Manage host API tokens (stored in the OS keyring, never in .git/config)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "create" -d 'Create the repository on every host of the set (or adopt it where it already exists)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "branch" -d 'Branches on every remote, and their protection on the hosts'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "tag" -d 'Tags on every remote'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "webhook" -d 'Webhooks on every host of the set'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "repo" -d 'A repository\'s settings on every host'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "release" -d 'Releases on every host'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "org" -d 'Organisations and repository inventories on every host'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "stats" -d 'Show what every host counts about the repository (stars, forks, watchers, open issues and pull requests, size, default branch, last push) and the local history\'s numbers (commits, contributors, branches, tags, first and last commit)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "push" -d 'Push to every remote of the set at once'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "fetch" -d 'Fetch from every remote of the set at once'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "status" -d 'Show how every branch compares on every remote'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "pull" -d 'Fetch the primary remote and integrate its copy of the current branch'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "sync" -d 'Fetch all, integrate into the current branch, converge ref namespaces, push to every remote'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "refs" -d 'Ref namespaces carried to and from every remote beside branches (multi.refs)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "group" -d 'Named subsets of the set: git\'s remote groups (remotes.<group>), used with --only <group>'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "conflicts" -d 'List every ref whose copies differ between local and the remotes'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "resolve" -d 'Make every remote agree on one ref: take a copy, merge them, or rebase onto them'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "primary" -d 'Show or set the primary remote (multi.primary)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "mirror" -d 'Make the other remotes exact copies of one (branches, tags, configured ref namespaces)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "retry" -d 'Run the last operation again, only on the remotes where it failed'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "tui" -d 'Full-screen dashboard: every remote, every ref, push/fetch/sync with one key (needs a terminal)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "doctor" -d 'Check git, the configuration, every remote, tokens, the keyring, hooks and schedules'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "log" -d 'Show what git-multi changed on remotes and in the set (the audit log in .git/multi/log)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "undo" -d 'Put back what a logged command changed on the remotes (default: the newest change not undone yet, so each further `undo` steps one command further back)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "backup" -d 'Save every ref of each remote as a git bundle, with a manifest (restore with `git multi restore`)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "restore" -d 'Push the refs of a `git multi backup` bundle to a remote (diverged refs only with --force)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "export" -d 'Write the remote set (members, URLs without secrets, providers, settings) as TOML, JSON or YAML'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "import" -d 'Apply a remote set exported by `git multi export` (validated first; nothing is changed on any error)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "config" -d 'Read and change git-multi\'s settings (multi.* keys), checked before they are written'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "hook" -d 'Run git multi from git hooks (in the background: git never waits for the network)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "schedule" -d 'Run git multi on a schedule (systemd user timer, cron, or launchd on macOS)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "ci" -d 'CI workflows that run git multi on every push, and the CI state of a commit on every host'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "workspace" -d 'Work on many repositories at once (push, fetch, status, sync across every repository and remote)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "help" -d 'Show a command\'s help (the same as `git multi <command> --help`; `git help multi` opens the manual)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "generate" -d 'Write the man pages or shell completions (for packagers and the repository\'s checked-in copies)'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "__complete" -d 'Internal: values only the repository knows, one per line, for the shell completions'
complete -c git-multi -n "__fish_git_multi_needs_command" -f -a "__reap" -d 'Internal: kills the git jobs of a git-multi that died without stopping them (started by git-multi)'
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l name -d 'Repository name on the hosts (default: the directory name)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l description -d 'Short description for the hosts (used by --create)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l default-branch -d 'The branch to publish as the default: an unborn HEAD is pointed at it, another current branch renamed to it (`git branch -m`)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l visibility -d 'Visibility of the repositories --create makes (default: private)' -r -f -a "private\t''
public\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l host -d 'A host to link, as a remote of that name: github, gitlab, codeberg, gitea or bitbucket, with the owner (user, organisation, group) after `=` (default: the token\'s account). Repeatable' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l import -d 'Adopt every existing git remote (and any names already in `remotes.multi`) as a member'
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -s i -l interactive -d 'Ask the questions below on the terminal (exit 2 without one); flags given answer theirs'
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l ssh -d 'The hosts\' URLs use ssh (git@host:owner/name.git) instead of https'
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l create -d 'Then create the repositories on the hosts (`git multi create`)'
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l no-create -d 'Do not create them (the default; `git multi create` does it later)'
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand clone" -l mirror-to -d 'Another host to keep in sync, as `<url>` or `<name>=<url>` (repeatable); the name defaults to the host\'s (`github` for github.com), else `mirror`' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand clone" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand clone" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand clone" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand clone" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand clone" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -f -a "add" -d 'Add a remote to the set (an ordinary git remote, so `git push <name>` keeps working)'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -f -a "list" -d 'Show the remotes of the set'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -f -a "ls" -d 'Show the remotes of the set'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -f -a "remove" -d 'Remove a remote from the set (and the git remote, unless --keep-remote)'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -f -a "rm" -d 'Remove a remote from the set (and the git remote, unless --keep-remote)'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -f -a "rename" -d 'Rename a remote of the set'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -f -a "set-url" -d 'Change the URL of a remote in the set'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -f -a "enable" -d 'Include a remote in what git multi (and `git fetch multi`) works on again'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -f -a "disable" -d 'Keep a remote in the set but leave it out until it is enabled again'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and not __fish_seen_subcommand_from add list ls remove rm rename set-url enable disable test" -f -a "test" -d 'Check that every remote of the set can be reached'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -l provider -d 'Hosting service behind the URL, for self-hosted servers: github, gitlab, gitea, forgejo, bitbucket, gogs, sourcehut or generic (well-known hosts are detected)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -l api-url -d 'Base URL of the host\'s REST API, when it is not where the provider usually puts it' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -l owner -d 'User, organisation, group (GitLab: may contain `/`) or workspace (Bitbucket) owning the repository' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -l repo -d 'Repository name on the host (default: the directory name)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -l project -d 'Bitbucket project key for `git multi create` (stored as multi.<name>.project)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -l ssh -d 'Computed URL uses ssh (git@host:owner/repo.git)'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -l https -d 'Computed URL uses https (the default)'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -l check -d 'Refuse to add the remote unless its URL answers now: a local path must hold a git repository, any other URL must answer `git ls-remote` within multi.timeout (default 30 s). Nothing is written when it does not'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also show push URLs, the API URL and where the provider came from'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from ls" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Also show push URLs, the API URL and where the provider came from'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from ls" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from remove" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from remove" -l keep-remote -d 'Only leave the set; keep the git remote and its tracking refs'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from remove" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from remove" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from rm" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from rm" -l keep-remote -d 'Only leave the set; keep the git remote and its tracking refs'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from rm" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from rename" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from rename" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from rename" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from set-url" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from set-url" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from set-url" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from set-url" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from enable" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from enable" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from enable" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from disable" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from disable" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from disable" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from test" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from test" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from test" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from test" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from test" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from test" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and not __fish_seen_subcommand_from login status logout" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and not __fish_seen_subcommand_from login status logout" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and not __fish_seen_subcommand_from login status logout" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and not __fish_seen_subcommand_from login status logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and not __fish_seen_subcommand_from login status logout" -f -a "login" -d 'Store a token for a host in the OS keyring (service `git-multi:<api host>`)'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and not __fish_seen_subcommand_from login status logout" -f -a "status" -d 'Show which token each host uses, where it comes from and whether it works'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and not __fish_seen_subcommand_from login status logout" -f -a "logout" -d 'Remove a host\'s token from the OS keyring'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from login" -l with-token -d 'Read the token from standard input instead of a hidden prompt'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from login" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from status" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from status" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from status" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from logout" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from logout" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l org -d 'Create it under this organisation (GitHub, Gitea, Forgejo, Gogs), group (GitLab; `group/subgroup` too) or workspace (Bitbucket) instead of your own account' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l description -d 'Short description shown by the hosts' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l topics -d 'Topics, comma-separated (set after creating, or on the repository adopted; Bitbucket has none)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l homepage -d 'Project web site (GitHub homepage, Gitea/Forgejo and Bitbucket website; GitLab has none)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l on -d 'Only these remotes (repeatable; default: every enabled member with a host API)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l private -d 'Create private repositories (the default)'
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l public -d 'Create public repositories'
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and not __fish_seen_subcommand_from list ls create delete protect" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and not __fish_seen_subcommand_from list ls create delete protect" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and not __fish_seen_subcommand_from list ls create delete protect" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and not __fish_seen_subcommand_from list ls create delete protect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and not __fish_seen_subcommand_from list ls create delete protect" -f -a "list" -d 'Show every branch on every remote (branch × remote, compared with the local branch)'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and not __fish_seen_subcommand_from list ls create delete protect" -f -a "ls" -d 'Show every branch on every remote (branch × remote, compared with the local branch)'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and not __fish_seen_subcommand_from list ls create delete protect" -f -a "create" -d 'Create a branch here (when missing) and on every remote; a different copy already on a remote is reported, never moved'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and not __fish_seen_subcommand_from list ls create delete protect" -f -a "delete" -d 'Delete a branch on every remote (each tip saved under refs/multi/backup/ first), then here'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and not __fish_seen_subcommand_from list ls create delete protect" -f -a "protect" -d 'Protect a branch on every host that supports it'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from list" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from list" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a matrix'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from ls" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from ls" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from ls" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of a matrix'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from ls" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from create" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from create" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from create" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from create" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from create" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from delete" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from delete" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from delete" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from delete" -s f -l force -d 'Delete even where a remote\'s copy has commits the local branch lacks, and a local branch not merged into HEAD'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from delete" -l keep-local -d 'Delete it on the remotes only'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from delete" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from delete" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from delete" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -l min-approvals -d 'Approvals needed with --require-review (default 1)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -l on -d 'Only these remotes (repeatable; default: every enabled member with a host API)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -l require-review -d 'Changes must come through a reviewed pull/merge request'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -l no-force-push -d 'Refuse force pushes to the branch'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -l dry-run -d 'Say what would be set, change nothing'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from protect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and not __fish_seen_subcommand_from list ls create delete" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and not __fish_seen_subcommand_from list ls create delete" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and not __fish_seen_subcommand_from list ls create delete" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and not __fish_seen_subcommand_from list ls create delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and not __fish_seen_subcommand_from list ls create delete" -f -a "list" -d 'Show every tag on every remote (tag × remote, compared with the local tag)'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and not __fish_seen_subcommand_from list ls create delete" -f -a "ls" -d 'Show every tag on every remote (tag × remote, compared with the local tag)'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and not __fish_seen_subcommand_from list ls create delete" -f -a "create" -d 'Create a tag here (when missing) and on every remote; a remote\'s tag with another target is reported, never moved'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and not __fish_seen_subcommand_from list ls create delete" -f -a "delete" -d 'Delete a tag on every remote (each copy saved under refs/multi/backup/ first), then here'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from list" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from list" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a matrix'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from ls" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from ls" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from ls" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of a matrix'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from ls" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from create" -s m -l message -d 'Make an annotated tag with this message' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from create" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from create" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from create" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from create" -s s -l sign -d 'Make a GPG-signed tag (git\'s `tag -s`; needs -m)'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from create" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from create" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from delete" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from delete" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from delete" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from delete" -l keep-local -d 'Delete it on the remotes only'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from delete" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from delete" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from delete" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove" -f -a "add" -d 'Add a webhook on every host (skipped where one with the same URL exists)'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove" -f -a "list" -d 'List the webhooks of every host'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove" -f -a "remove" -d 'Remove the webhook with this URL from every host'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from add" -l events -d 'Events, comma-separated: push, tag, pull_request, issues, release (default: push)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from add" -l on -d 'Only these remotes (repeatable)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from add" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from add" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from add" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from add" -l secret-stdin -d 'Read the shared secret the host signs deliveries with from standard input'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from add" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from add" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from list" -l on -d 'Only these remotes (repeatable)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from list" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from list" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l on -d 'Only these remotes (repeatable)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and not __fish_seen_subcommand_from edit" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and not __fish_seen_subcommand_from edit" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and not __fish_seen_subcommand_from edit" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and not __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and not __fish_seen_subcommand_from edit" -f -a "edit" -d 'Set the description, homepage, topics or visibility on every host (only what differs is changed)'
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -l description -d 'Short description shown by the hosts ("" clears it)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -l homepage -d 'Project web site (GitHub homepage, Gitea/Forgejo and Bitbucket website; GitLab has none)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -l topics -d 'Topics, comma-separated, replacing the current ones ("" removes all; Bitbucket has none)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -l on -d 'Only these remotes (repeatable; default: every enabled member)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -l private -d 'Make the repositories private'
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -l public -d 'Make the repositories public'
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand repo; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and not __fish_seen_subcommand_from create list delete" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and not __fish_seen_subcommand_from create list delete" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and not __fish_seen_subcommand_from create list delete" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and not __fish_seen_subcommand_from create list delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and not __fish_seen_subcommand_from create list delete" -f -a "create" -d 'Create (or update) the release of a tag on every host, with its files'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and not __fish_seen_subcommand_from create list delete" -f -a "list" -d 'Show the releases of every host as a tag × host table'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and not __fish_seen_subcommand_from create list delete" -f -a "delete" -d 'Delete the release of a tag on every host (the tag itself stays)'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l title -d 'The release\'s title (default: the host\'s, usually the tag)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l notes -d 'Release notes' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l notes-file -d 'Read the release notes from this file (`-` for standard input)' -r -F
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l asset -d 'Attach this file (repeatable): GitHub assets, GitLab generic packages + release links, Gitea/Forgejo attachments, Bitbucket Downloads' -r -F
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l on -d 'Only these remotes (repeatable; default: every enabled member)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l clobber -d 'Replace an asset of the same name that is already there (otherwise it is skipped)'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l draft -d 'Save it as a draft (GitHub, Gitea, Forgejo; GitLab has no drafts and is skipped)'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l prerelease -d 'Mark it as a pre-release (GitHub, Gitea, Forgejo)'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l push -d 'Push the tag to a remote that lacks it first (otherwise that remote stops with a hint)'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from list" -l on -d 'Only these remotes (repeatable; default: every enabled member)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from list" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from list" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from delete" -l on -d 'Only these remotes (repeatable; default: every enabled member)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from delete" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from delete" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from delete" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from delete" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from delete" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from delete" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand release; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and not __fish_seen_subcommand_from list repos" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and not __fish_seen_subcommand_from list repos" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and not __fish_seen_subcommand_from list repos" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and not __fish_seen_subcommand_from list repos" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and not __fish_seen_subcommand_from list repos" -f -a "list" -d 'List the organisations (GitLab groups, Bitbucket workspaces) of the token\'s account on each host'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and not __fish_seen_subcommand_from list repos" -f -a "repos" -d 'Show an owner\'s repositories on every host: a repository × host matrix (visibility, default branch, last push), every page of every host, hosts in parallel'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from list" -l on -d 'Only these remotes\' hosts (repeatable)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from list" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from list" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from repos" -l on -d 'Only these remotes\' hosts (repeatable)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from repos" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from repos" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from repos" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from repos" -l missing -d 'Only list the repositories absent from some host, and where'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from repos" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from repos" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from repos" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand org; and __fish_seen_subcommand_from repos" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand stats" -l on -d 'Only these remotes (repeatable)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand stats" -l export -d 'Also write the figures to this file: JSON for `.json` (the --json document), CSV for `.csv` (one row per remote, then a `(local)` row)' -r -F
complete -c git-multi -n "__fish_git_multi_using_subcommand stats" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand stats" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand stats" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand stats" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand stats" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand stats" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -s b -l branch -d 'Branch to push to the branch of the same name (repeatable; default: the current branch); also a full ref name (`refs/git-mile/tasks/T1`) or a ref glob (`refs/git-mile/*`)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -l recurse-submodules -d 'Submodule commits the pushed commits need: `check` that each submodule\'s remote has them, or push them there first (`on-demand`); passed to every `git push`' -r -f -a "check\t''
on-demand\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -l only -d 'Work only on the members of this remote group (git\'s remotes.<group>; see `git multi group list`)' -r -f -a "(git-multi __complete groups 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -l all -d 'Push every local branch'
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -l tags -d 'Push every tag as well'
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -s n -l dry-run -d 'Do everything except send the updates'
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -s f -l force -d 'Overwrite the named refs even when that loses commits (old tips are saved under refs/multi/backup/); configured namespaces still go along, never forced'
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -l force-with-lease -d 'Overwrite only where each remote still has what its tracking ref (refs/remotes/<remote>/…) says'
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -l atomic -d 'All refs of a remote are updated, or none (per remote)'
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -s v -l verbose -d 'List every ref pushed to a remote (beyond 10 they are counted: "1,000 refs updated")'
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand fetch" -l only -d 'Work only on the members of this remote group (git\'s remotes.<group>; see `git multi group list`)' -r -f -a "(git-multi __complete groups 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand fetch" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand fetch" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand fetch" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand fetch" -s p -l prune -d 'Remove tracking refs whose branch is gone on the remote (their tips are kept under refs/multi/backup/)'
complete -c git-multi -n "__fish_git_multi_using_subcommand fetch" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand fetch" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand fetch" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand fetch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -l only -d 'Work only on the members of this remote group (git\'s remotes.<group>; see `git multi group list`)' -r -f -a "(git-multi __complete groups 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -l offline -d 'Use the tracking refs from the last fetch instead of asking the remotes'
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -l tags -d 'Compare tags too'
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -l detailed -d 'One row per remote: state, commits ahead and behind, last fetch and push, host'
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -l failed-only -d 'Show only what is not in sync or could not be reached'
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -l exit-code -d 'Exit with 1 when anything is out of sync'
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -l json -d 'Print one JSON document instead of a matrix'
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -l primary -d 'The remote to integrate from (default: multi.primary, else the branch\'s upstream remote)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -l only -d 'Work only on the members of this remote group (git\'s remotes.<group>; see `git multi group list`)' -r -f -a "(git-multi __complete groups 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -l ff-only -d 'Only fast-forward (the default)'
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -l rebase -d 'Rebase local commits onto the primary\'s'
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -l merge -d 'Merge the primary\'s commits'
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -l json -d 'Print one JSON document instead of a line'
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -l strategy -d 'How to bring other copies\' commits into the current branch: ff-only (fast-forwards only), rebase (onto the primary\'s copy) or merge (every remote\'s copy, in the configured order)' -r -f -a "ff-only\t''
merge\t''
rebase\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -l primary -d 'The remote to integrate from (default: multi.primary, else the branch\'s upstream remote; merge needs none)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -l only -d 'Work only on the members of this remote group (git\'s remotes.<group>; see `git multi group list`)' -r -f -a "(git-multi __complete groups 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -s n -l dry-run -d 'Print what would happen on each remote and change nothing (no fetch, no merge, no push)'
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -s v -l verbose -d 'List every ref pushed to a remote (beyond 10 they are counted: "1,000 refs updated")'
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and not __fish_seen_subcommand_from add list ls remove rm" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and not __fish_seen_subcommand_from add list ls remove rm" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and not __fish_seen_subcommand_from add list ls remove rm" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and not __fish_seen_subcommand_from add list ls remove rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and not __fish_seen_subcommand_from add list ls remove rm" -f -a "add" -d 'Carry a ref namespace (e.g. refs/git-mile/*) to and from every remote'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and not __fish_seen_subcommand_from add list ls remove rm" -f -a "list" -d 'Show the configured ref namespaces'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and not __fish_seen_subcommand_from add list ls remove rm" -f -a "ls" -d 'Show the configured ref namespaces'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and not __fish_seen_subcommand_from add list ls remove rm" -f -a "remove" -d 'Stop carrying a ref namespace (refs already pushed or fetched stay where they are)'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and not __fish_seen_subcommand_from add list ls remove rm" -f -a "rm" -d 'Stop carrying a ref namespace (refs already pushed or fetched stay where they are)'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from add" -l merge -d 'How diverged copies of a ref are brought together: a merge commit over every copy (union), only fast-forwards (ff-only), or the primary\'s copy (theirs)' -r -f -a "union\t'A merge commit over every distinct tip (the default: an event log never loses an event)'
ff-only\t'Only fast-forwards; diverged copies are reported'
theirs\t'The primary\'s (or the chosen remote\'s) copy wins; the others are saved, then overwritten'"
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from add" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from add" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from add" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from ls" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from ls" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from remove" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from remove" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from remove" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from rm" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from rm" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and not __fish_seen_subcommand_from add list ls remove rm" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and not __fish_seen_subcommand_from add list ls remove rm" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and not __fish_seen_subcommand_from add list ls remove rm" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and not __fish_seen_subcommand_from add list ls remove rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and not __fish_seen_subcommand_from add list ls remove rm" -f -a "add" -d 'Put members of the set into a group (made when new; adding a member twice changes nothing)'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and not __fish_seen_subcommand_from add list ls remove rm" -f -a "list" -d 'Show the remote groups and who is in them'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and not __fish_seen_subcommand_from add list ls remove rm" -f -a "ls" -d 'Show the remote groups and who is in them'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and not __fish_seen_subcommand_from add list ls remove rm" -f -a "remove" -d 'Remove a remote group (its remotes stay members of the set)'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and not __fish_seen_subcommand_from add list ls remove rm" -f -a "rm" -d 'Remove a remote group (its remotes stay members of the set)'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from add" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from add" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from add" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from ls" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from ls" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from remove" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from remove" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from remove" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from rm" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from rm" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand conflicts" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand conflicts" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand conflicts" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand conflicts" -l exit-code -d 'Exit with 1 when any ref differs'
complete -c git-multi -n "__fish_git_multi_using_subcommand conflicts" -l json -d 'Print one JSON document: {"conflicts":[{"ref","kind","tips","action"}]}'
complete -c git-multi -n "__fish_git_multi_using_subcommand conflicts" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand conflicts" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand conflicts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -l take -d 'Give every side this copy: a remote\'s name, `local` for the local repository\'s, or `primary` for the primary member\'s (multi.primary)' -r -f -a "(git-multi __complete take 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -s i -l interactive -d 'Ask on the terminal, for every conflicted ref (or the one named): local, a remote\'s copy, merge, or skip'
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -l merge -d 'Merge every copy (the checked-out branch in the work tree; other refs without one, as a union)'
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -l rebase -d 'Rebase the local commits onto the remotes\' copy (checked-out branch only)'
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -s n -l dry-run -d 'Fetch and work out the result, push nothing and change no local ref'
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand resolve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand primary" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand primary" -l unset -d 'Remove the setting (sync and pull then use the current branch\'s upstream remote)'
complete -c git-multi -n "__fish_git_multi_using_subcommand primary" -l json -d 'Print one JSON document'
complete -c git-multi -n "__fish_git_multi_using_subcommand primary" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand primary" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand primary" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -l from -d 'The remote to copy (default: multi.primary)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -l only -d 'Work only on the members of this remote group (git\'s remotes.<group>; see `git multi group list`)' -r -f -a "(git-multi __complete groups 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -l prune -d 'Also delete branches, tags and namespace refs the source does not have (each saved first)'
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -l force -d 'With --prune: mirror even a source that has no branch at all, deleting every branch on the targets (each saved first); without it such a prune is refused'
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -s n -l dry-run -d 'Say per remote what would be created, updated, forced and deleted; change nothing (nothing is fetched)'
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -s v -l verbose -d 'List every ref pushed to a remote (beyond 10 they are counted: "1,000 refs updated")'
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand retry" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand retry" -l last -d 'Retry the last run even if it was itself a retry (default: the last operation that was not one, on the remotes where it still fails)'
complete -c git-multi -n "__fish_git_multi_using_subcommand retry" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand retry" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand retry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand tui" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand tui" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand tui" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand tui" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand doctor" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand doctor" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand doctor" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand doctor" -l json -d 'Print one JSON document instead of a list'
complete -c git-multi -n "__fish_git_multi_using_subcommand doctor" -l fix -d 'First repair what is safe (remotes.multi, stale lock files, never-fetched members, hooks git would not run, schedules whose git-multi is gone) and say what changed; the checks then show what is left'
complete -c git-multi -n "__fish_git_multi_using_subcommand doctor" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand doctor" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand log" -s n -l max-count -d 'Show at most this many entries' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand log" -l since -d 'Only entries from this time on (UTC): 2026-01-31, 2026-01-31T12:00:00Z, today, yesterday, last week, 3d, 12h, "2 weeks ago"' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand log" -l action -d 'Only entries of this command: `push`, `undo`, `remote add`; a first word alone (`remote`) takes all its subcommands. Repeat for any of several' -r -f -a "(git-multi __complete verbs 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand log" -l remote -d 'Only entries that changed this remote (its refs or its place in the set). Repeat for any of several' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand log" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand log" -l json -d 'Print one JSON document instead of text'
complete -c git-multi -n "__fish_git_multi_using_subcommand log" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand log" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand undo" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand undo" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand undo" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand undo" -s n -l dry-run -d 'Show what would be put back and change nothing'
complete -c git-multi -n "__fish_git_multi_using_subcommand undo" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand undo" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand undo" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand undo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and not __fish_seen_subcommand_from list ls" -l to -d 'Directory for the bundles and manifest.json (created; must not hold a backup already)' -r -F
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and not __fish_seen_subcommand_from list ls" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and not __fish_seen_subcommand_from list ls" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and not __fish_seen_subcommand_from list ls" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and not __fish_seen_subcommand_from list ls" -l include-config -d 'Also store the remote set and multi settings (remote-set.toml, as `export` writes it); `git multi import <dir>` recreates them'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and not __fish_seen_subcommand_from list ls" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and not __fish_seen_subcommand_from list ls" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and not __fish_seen_subcommand_from list ls" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and not __fish_seen_subcommand_from list ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and not __fish_seen_subcommand_from list ls" -a "list" -d 'Show the saved tips (refs/multi/backup/, by remote and event, newest first) and the backup directories written by `backup --to`'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and not __fish_seen_subcommand_from list ls" -a "ls" -d 'Show the saved tips (refs/multi/backup/, by remote and event, newest first) and the backup directories written by `backup --to`'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of text'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and __fish_seen_subcommand_from ls" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of text'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and __fish_seen_subcommand_from ls" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand backup; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand restore" -l to -d 'The remote to restore to' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand restore" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand restore" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand restore" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand restore" -s f -l force -d 'Overwrite refs that diverged on the remote (their tips are saved under refs/multi/backup/ first)'
complete -c git-multi -n "__fish_git_multi_using_subcommand restore" -s n -l dry-run -d 'Show what would be pushed and change nothing'
complete -c git-multi -n "__fish_git_multi_using_subcommand restore" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand restore" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand restore" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand export" -l format -d 'The file\'s format (default: the --output file\'s extension, .toml/.json/.yaml/.yml, else toml)' -r -f -a "toml\t''
json\t''
yaml\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand export" -s o -l output -d 'Write to this file instead of standard output (a file that exists is left alone without --force)' -r -F
complete -c git-multi -n "__fish_git_multi_using_subcommand export" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand export" -s f -l force -d 'Replace the --output file when it exists'
complete -c git-multi -n "__fish_git_multi_using_subcommand export" -l json -d 'Print one JSON document saying what was exported (the set itself under "set") instead of the file'
complete -c git-multi -n "__fish_git_multi_using_subcommand export" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand export" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand import" -l format -d 'The file\'s format (default: its extension, .toml/.json/.yaml/.yml, else what its content looks like)' -r -f -a "toml\t''
json\t''
yaml\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand import" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand import" -s n -l dry-run -d 'Show what would change and change nothing'
complete -c git-multi -n "__fish_git_multi_using_subcommand import" -l json -d 'Print one JSON document (the changes, made or not) instead of text'
complete -c git-multi -n "__fish_git_multi_using_subcommand import" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand import" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and not __fish_seen_subcommand_from list get set unset" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and not __fish_seen_subcommand_from list get set unset" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and not __fish_seen_subcommand_from list get set unset" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and not __fish_seen_subcommand_from list get set unset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and not __fish_seen_subcommand_from list get set unset" -f -a "list" -d 'Every documented key with its value, default and meaning'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and not __fish_seen_subcommand_from list get set unset" -f -a "get" -d 'Print a key\'s value (exit 1 when it is not set)'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and not __fish_seen_subcommand_from list get set unset" -f -a "set" -d 'Check and set a key in this repository\'s .git/config'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and not __fish_seen_subcommand_from list get set unset" -f -a "unset" -d 'Remove a key from this repository\'s .git/config'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from get" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from get" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from set" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from set" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from unset" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from unset" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from unset" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand config; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and not __fish_seen_subcommand_from install list ls remove rm" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and not __fish_seen_subcommand_from install list ls remove rm" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and not __fish_seen_subcommand_from install list ls remove rm" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and not __fish_seen_subcommand_from install list ls remove rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and not __fish_seen_subcommand_from install list ls remove rm" -f -a "install" -d 'Install a hook; one already there is kept as <hook>.git-multi-orig and run first'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and not __fish_seen_subcommand_from install list ls remove rm" -f -a "list" -d 'Show git-multi\'s hooks (and any other hook in their place)'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and not __fish_seen_subcommand_from install list ls remove rm" -f -a "ls" -d 'Show git-multi\'s hooks (and any other hook in their place)'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and not __fish_seen_subcommand_from install list ls remove rm" -f -a "remove" -d 'Remove git-multi\'s hook and put back, unchanged, the hook it chained'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and not __fish_seen_subcommand_from install list ls remove rm" -f -a "rm" -d 'Remove git-multi\'s hook and put back, unchanged, the hook it chained'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from install" -l action -d 'What the hook runs: `git multi push`, `sync`, `fetch` or `mirror` (pre-push: push only)' -r -f -a "push\t''
sync\t''
fetch\t''
mirror\t'`git multi mirror`: every member made a copy of the primary (for a clone that only relays)'"
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from install" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from install" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from install" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from ls" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from ls" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from remove" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from remove" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from remove" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from rm" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from rm" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand hook; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and not __fish_seen_subcommand_from install list ls remove rm" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and not __fish_seen_subcommand_from install list ls remove rm" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and not __fish_seen_subcommand_from install list ls remove rm" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and not __fish_seen_subcommand_from install list ls remove rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and not __fish_seen_subcommand_from install list ls remove rm" -f -a "install" -d 'Schedule `git -C <this repository> multi <action> --json` (replacing this repository\'s schedule)'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and not __fish_seen_subcommand_from install list ls remove rm" -f -a "list" -d 'Show every git-multi schedule of this user'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and not __fish_seen_subcommand_from install list ls remove rm" -f -a "ls" -d 'Show every git-multi schedule of this user'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and not __fish_seen_subcommand_from install list ls remove rm" -f -a "remove"
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and not __fish_seen_subcommand_from install list ls remove rm" -f -a "rm"
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from install" -l every -d 'How often: 1m … 30m (a divisor of an hour), 1h … 12h (a divisor of a day), hourly, daily or weekly' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from install" -l action -d 'What to run: `git multi fetch`, `push`, `sync` or `mirror`' -r -f -a "push\t''
sync\t''
fetch\t''
mirror\t'`git multi mirror`: every member made a copy of the primary (for a clone that only relays)'"
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from install" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from install" -l cron -d 'Use a crontab entry (the default where systemd does not run the machine)'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from install" -l systemd -d 'Use a systemd user timer (the default where systemd runs the machine)'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from install" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from install" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from ls" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from ls" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from remove" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from remove" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from remove" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from rm" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from rm" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand schedule; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and not __fish_seen_subcommand_from generate status" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and not __fish_seen_subcommand_from generate status" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and not __fish_seen_subcommand_from generate status" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and not __fish_seen_subcommand_from generate status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and not __fish_seen_subcommand_from generate status" -f -a "generate" -d 'Write the CI\'s workflow file (GitHub Actions, GitLab CI, Forgejo/Gitea Actions) for this remote set'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and not __fish_seen_subcommand_from generate status" -f -a "status" -d 'Show the CI state of a commit on every host (GitHub checks and statuses, GitLab pipelines, Gitea/Forgejo and Bitbucket commit statuses)'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from generate" -l action -d 'What the job runs: `git multi push --all --tags` or `git multi mirror`' -r -f -a "push\t'`git multi push --all --tags --json`'
mirror\t'`git multi mirror --json`'"
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from generate" -l install-from -d 'Build git-multi in the job from this git repository (https:// or ssh://, no credentials) instead of the project\'s own; `@<rev>` picks a tag, branch or full commit id (default: this version\'s tag)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from generate" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from generate" -l stdout -d 'Print the workflow instead of writing it (e.g. to merge into an existing .gitlab-ci.yml)'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from generate" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from generate" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from status" -l on -d 'Only these remotes (repeatable)' -r -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from status" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from status" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from status" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from status" -l wait -d 'Ask again with backoff until every host\'s state is final, or --timeout (default: multi.timeout, else 30 minutes; without --wait 60 s) runs out'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from status" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from status" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from status" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand ci; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -f -a "add" -d 'Add repositories to the workspace'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -f -a "remove" -d 'Remove a repository from the workspace (the repository itself is not touched)'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -f -a "rm" -d 'Remove a repository from the workspace (the repository itself is not touched)'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -f -a "list" -d 'Show the workspace\'s repositories and their remotes'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -f -a "ls" -d 'Show the workspace\'s repositories and their remotes'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -f -a "push" -d 'Push each repository\'s current branch to its remotes (as `git multi push` in each)'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -f -a "fetch" -d 'Fetch every remote of every repository (as `git multi fetch` in each)'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -f -a "status" -d 'Compare every repository\'s branches with its remotes (as `git multi status` in each)'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and not __fish_seen_subcommand_from add remove rm list ls push fetch status sync" -f -a "sync" -d 'Fetch, integrate the primary (fast-forward only) and push, in every repository (as `git multi sync`)'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from add" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from add" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from add" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from remove" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from remove" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from remove" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from rm" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from rm" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from list" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from list" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from ls" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of a table'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from ls" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from push" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from push" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from push" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from push" -l json -d 'Print one JSON document instead of the per-repository summaries'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from push" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from push" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from fetch" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from fetch" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from fetch" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from fetch" -l json -d 'Print one JSON document instead of the per-repository summaries'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from fetch" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from fetch" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from fetch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from status" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from status" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from status" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from status" -l json -d 'Print one JSON document instead of the per-repository summaries'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from status" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from status" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from sync" -s j -l jobs -d 'How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from sync" -l timeout -d 'Stop a remote\'s git after this many seconds, 0.1 to 86400 (default: multi.timeout)' -r
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from sync" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from sync" -l json -d 'Print one JSON document instead of the per-repository summaries'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from sync" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from sync" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand workspace; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand help" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand help" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand help" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and not __fish_seen_subcommand_from man completions" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and not __fish_seen_subcommand_from man completions" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and not __fish_seen_subcommand_from man completions" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and not __fish_seen_subcommand_from man completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and not __fish_seen_subcommand_from man completions" -f -a "man" -d 'Write git-multi.1 and one page per subcommand into DIR'
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and not __fish_seen_subcommand_from man completions" -f -a "completions" -d 'Print the completion script for SHELL'
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and __fish_seen_subcommand_from man" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and __fish_seen_subcommand_from man" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and __fish_seen_subcommand_from man" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and __fish_seen_subcommand_from man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and __fish_seen_subcommand_from completions" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and __fish_seen_subcommand_from completions" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and __fish_seen_subcommand_from completions" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand generate; and __fish_seen_subcommand_from completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand __complete" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand __complete" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand __complete" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand __complete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-multi -n "__fish_git_multi_using_subcommand __reap" -l color -d 'Colour the results: auto (on a terminal, unless NO_COLOR is set), always or never (default: color.multi, else color.ui, else auto)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c git-multi -n "__fish_git_multi_using_subcommand __reap" -l progress -d 'Show the live progress board (bytes and rates per remote) even when stderr is not a terminal'
complete -c git-multi -n "__fish_git_multi_using_subcommand __reap" -l no-progress -d 'Never show the live progress board'
complete -c git-multi -n "__fish_git_multi_using_subcommand __reap" -s h -l help -d 'Print help (see more with \'--help\')'
complete -f -c git -n __fish_git_needs_command -a multi -d 'Keep one repository in sync with many hosts'
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from remove rm" -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from rename" -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from set-url" -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from enable" -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from disable" -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from test" -f -a "(git-multi __complete members-all 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from list ls" -f -a "(git-multi __complete members-all 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand branch; and __fish_seen_subcommand_from delete" -f -a "(git-multi __complete branches 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from list ls" -f -a "(git-multi __complete members-all 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand tag; and __fish_seen_subcommand_from delete" -f -a "(git-multi __complete tags 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand push" -f -a "(git-multi __complete members-all 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand fetch" -f -a "(git-multi __complete members-all 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand status" -f -a "(git-multi __complete members-all 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand refs; and __fish_seen_subcommand_from remove rm" -f -a "(git-multi __complete namespaces 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from add" -f -a "(git-multi __complete groups 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from add" -f -a "(git-multi __complete members-all 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand group; and __fish_seen_subcommand_from remove rm" -f -a "(git-multi __complete groups 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand conflicts" -f -a "(git-multi __complete members-all 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand primary" -f -a "(git-multi __complete members 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand mirror" -f -a "(git-multi __complete members-all 2>/dev/null)"
complete -c git-multi -n "__fish_git_multi_using_subcommand backup" -f -a "(git-multi __complete members-all 2>/dev/null)"
