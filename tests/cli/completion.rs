//! Shell completion with values only the repository knows: the bash script sourced in a real bash with
//! COMP_WORDS set (members — and only members — for `remote remove`, `all` for remote lists, groups,
//! namespaces, branches, tags, `resolve --take` sides, `log --action` verbs, fixed values such as `--format`),
//! `git multi __complete <kind>` itself, and the same calls wired into the zsh and fish scripts.

use std::path::Path;

use crate::env::TestEnv;

/// What completing the last word of `line` (`git-multi …`) offers, sorted.
fn complete(env: &TestEnv, script: &Path, line: &str) -> Vec<String> {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_git-multi")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // The line as the user typed it: a trailing space means a new, empty word.
    let mut words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
    if line.ends_with(' ') {
        words.push(String::new());
    }
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={}\n_git_multi_standalone\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        quoted.join(" "),
        words.len() - 1
    );
    let output = env
        .command("bash", &env.work)
        .env("PATH", path)
        .arg("--norc")
        .arg("-c")
        .arg(program)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut got: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    got.sort();
    got.dedup();
    got
}

fn sorted(words: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out.sort();
    out
}

#[test]
fn bash_completes_subcommands_options_and_the_repositorys_own_values() {
    if crate::servers::require("bash").is_none() {
        return;
    }
    let env = TestEnv::new();
    env.add_local_remotes(&["alpha", "beta"]);
    // A plain git remote that is not a member, a group, a namespace, a branch and a tag.
    env.git(["remote", "add", "origin", "/nowhere.git"]);
    env.git(["config", "remotes.team", "alpha beta"]);
    env.multi(["refs", "add", "refs/notes/*"]).expect_code(0);
    env.git(["branch", "feature"]);
    env.git(["tag", "v1"]);
    let script = env.root.join("git-multi.bash");
    let text = env
        .multi(["generate", "completions", "bash"])
        .expect_code(0)
        .stdout;
    std::fs::write(&script, text).unwrap();

    assert!(complete(&env, &script, "git-multi log --action ").contains(&"push".to_string()));
    // `remote remove` offers members only: not the plain git remote, not `all`; after a remote, the list of
    // remotes goes on.
    for (line, expected) in [
        ("git-multi remote remove ", &["alpha", "beta"][..]),
        ("git-multi remote rm b", &["beta"][..]),
        ("git-multi push ", &["alpha", "all", "beta"][..]),
        ("git-multi push alpha ", &["all", "beta", "alpha"][..]),
        (
            "git-multi backup ",
            &["alpha", "all", "beta", "list", "ls"][..],
        ),
        ("git-multi refs remove ", &["refs/notes/*"][..]),
        ("git-multi branch delete ", &["feature", "main"][..]),
        ("git-multi tag delete ", &["v1"][..]),
        (
            "git-multi resolve main --take ",
            &["alpha", "beta", "local", "primary"][..],
        ),
        (
            "git-multi log --action push --remote ",
            &["alpha", "beta"][..],
        ),
        ("git-multi export --format ", &["json", "toml", "yaml"][..]),
        (
            "git-multi hook install ",
            &["post-commit", "post-merge", "pre-push"][..],
        ),
        (
            "git-multi hook install post-commit --action m",
            &["mirror"][..],
        ),
    ] {
        assert_eq!(complete(&env, &script, line), sorted(expected), "{line}");
    }
    // An option's value is not a positional: `backup --to <dir>` then remotes again.
    assert!(
        complete(&env, &script, "git-multi backup --to somewhere ").contains(&"alpha".to_string())
    );
    assert!(complete(&env, &script, "git-multi remote ").contains(&"remove".to_string()));
    assert!(complete(&env, &script, "git-multi push --d").contains(&"--dry-run".to_string()));
    // Nothing positional to offer: the options.
    assert!(complete(&env, &script, "git-multi doctor ").contains(&"--json".to_string()));
    assert_eq!(
        complete(&env, &script, "git-multi remote add x y --provider gi"),
        sorted(&["github", "gitlab", "gitea"])
    );

    // The values come from `git multi __complete`, which also knows git's groups.
    let groups = env.multi(["__complete", "groups"]).expect_code(0).stdout;
    assert_eq!(groups, "team\n");
    assert_eq!(
        env.multi(["__complete", "nonsense"]).expect_code(0).stdout,
        ""
    );
}

#[test]
fn zsh_and_fish_scripts_ask_git_multi_for_the_same_values() {
    let env = TestEnv::new();
    let zsh = env
        .multi(["generate", "completions", "zsh"])
        .expect_code(0)
        .stdout;
    assert!(
        zsh.contains("':name:__git_multi_dyn members'"),
        "remote remove"
    );
    assert!(zsh.contains(":__git_multi_dyn take'"), "resolve --take");
    assert!(zsh.contains("__git_multi_dyn() {"), "the helper is defined");
    assert!(!zsh.contains("__git_multi_dyn_"), "no marker left");
    let fish = env
        .multi(["generate", "completions", "fish"])
        .expect_code(0)
        .stdout;
    assert!(
        fish.contains("\"__fish_git_multi_using_subcommand remote; and __fish_seen_subcommand_from remove rm\" -f -a \"(git-multi __complete members 2>/dev/null)\""),
        "{fish}"
    );
    assert!(fish.contains("-l take -d"), "{fish}");
    assert!(fish.contains("-r -f -a \"(git-multi __complete take 2>/dev/null)\""));
    assert!(!fish.contains("__git_multi_dyn_"), "no marker left");
}

#[test]
fn git_multi_tab_goes_through_gits_own_completion_to_git_multi() {
    if crate::servers::require("bash").is_none() {
        return;
    }
    let git_completion = Path::new("/usr/share/bash-completion/completions/git");
    if !git_completion.exists() {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "git's bash completion ({}) is missing; CI=true makes this a failure (install the git package)",
            git_completion.display()
        );
        crate::servers::skipped(
            "completion through git's own completion",
            "/usr/share/bash-completion/completions/git not found",
        );
        return;
    }
    let env = TestEnv::new();
    env.add_local_remotes(&["alpha"]);
    env.git(["remote", "add", "origin", "/nowhere.git"]);
    let script = env.root.join("git-multi.bash");
    let text = env
        .multi(["generate", "completions", "bash"])
        .expect_code(0)
        .stdout;
    std::fs::write(&script, text).unwrap();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_git-multi")).parent().unwrap();
    let program = format!(
        "source '{}'\nsource '{}'\n\
         try() {{ COMP_LINE=\"$1\"; COMP_POINT=${{#COMP_LINE}}; read -r -a COMP_WORDS <<<\"$1\"; \
         [ \"${{1: -1}}\" = ' ' ] && COMP_WORDS+=(''); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
         COMPREPLY=(); __git_wrap__git_main; echo \"$1=> ${{COMPREPLY[*]}}\"; }}\n\
         try 'git multi remote remove '\ntry 'git multi export --format y'\ntry 'git multi ba'\n",
        git_completion.display(),
        script.display()
    );
    let output = env
        .command("bash", &env.work)
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin_dir.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .arg("--norc")
        .arg("-c")
        .arg(program)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&output.stdout);
    // __gitcomp adds the space that ends a word.
    assert!(
        out.contains("git multi remote remove => alpha \n"),
        "{out}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        out.contains("git multi export --format y=> yaml \n"),
        "{out}"
    );
    assert!(out.contains("git multi ba=> backup \n"), "{out}");
}
