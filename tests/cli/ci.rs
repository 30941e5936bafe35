//! `git multi ci generate`: every generated file passes the platform's published schema (check-jsonschema's
//! vendored GitHub-workflow and GitLab-CI schemas, offline); git-multi is built from its own git source at the
//! version's tag (or `--install-from`), by a step that sees no secret; the secrets asked for are those of the
//! set's hosts, in the one step that runs git multi; the job's set is this one, every setting and odd character
//! included; an existing file is never overwritten.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::env::{write_script, TestEnv};

const VERSION: &str = env!("CARGO_PKG_VERSION");
const PACKAGE: &str = env!("CARGO_PKG_NAME");
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// A URL with every character that could end a YAML scalar or a shell word early.
const ODD_URL: &str = "https://git.example.org/alice/it's\"odd\":#1.git";

/// The variable names README lists between its `ci-variables` markers.
fn documented() -> BTreeSet<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("<!-- ci-variables:start -->")
        .expect("README lists the CI variables");
    let end = readme.find("<!-- ci-variables:end -->").unwrap();
    let names: BTreeSet<String> = readme[start..end]
        .lines()
        .filter_map(|l| l.strip_prefix("- `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_string)
        .collect();
    assert!(names.len() >= 3, "{names:?}");
    names
}

/// `${{ secrets.X }}` names.
fn secrets(text: &str) -> BTreeSet<String> {
    text.split("${{ secrets.")
        .skip(1)
        .map(|rest| rest.split(' ').next().unwrap().to_string())
        .collect()
}

/// `$X` / `${X…}` names written in capitals: what a script reads from its environment (the shell's and the
/// CI's own names left out).
fn shell_variables(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('$') {
        let rest = &text[i + 1..];
        let rest = rest.strip_prefix('{').unwrap_or(rest);
        if bytes.get(i + 1) == Some(&b'{') && rest.starts_with('{') {
            continue; // `${{ … }}` is the CI's expression syntax, not the shell's
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
            .collect();
        if name.len() > 1 && !["HOME", "PATH"].contains(&name.as_str()) && !name.starts_with("CI_")
        {
            names.insert(name);
        }
    }
    names
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// How to run check-jsonschema: the script on PATH, else the module of the machine's python. `None` (skip)
/// outside CI when neither is there; under CI=true a missing validator fails the test.
fn validator() -> Option<Vec<String>> {
    let works = |argv: &[&str]| {
        Command::new(argv[0])
            .args(&argv[1..])
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    for argv in [
        &["check-jsonschema"][..],
        &["python3", "-m", "check_jsonschema"][..],
    ] {
        if works(argv) {
            return Some(argv.iter().map(|s| s.to_string()).collect());
        }
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but check-jsonschema is not installed (`python3 -m pip install check-jsonschema`, see .ci/run)"
    );
    crate::servers::skipped(
        "CI schema validation",
        "check-jsonschema not found (python3 -m pip install check-jsonschema)",
    );
    None
}

/// The published schema for a service's file, as check-jsonschema vendors it.
fn schema(service: &str) -> &'static str {
    match service {
        "gitlab" => "vendor.gitlab-ci",
        _ => "vendor.github-workflows",
    }
}

/// Validates `files` (all of one service) against the service's schema, offline.
fn validate(service: &str, files: &[PathBuf]) {
    let Some(argv) = validator() else { return };
    let out = Command::new(&argv[0])
        .args(&argv[1..])
        .args(["--builtin-schema", schema(service)])
        .args(files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{service}: not valid against {}:\n{}{}",
        schema(service),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `ci generate <service> <extra…> --stdout`, kept in a file and checked against the schema.
fn generate(env: &TestEnv, service: &str, extra: &[&str]) -> (String, serde_norway::Value) {
    let mut args = vec!["ci", "generate", service, "--stdout"];
    args.extend_from_slice(extra);
    let run = env.multi(&args).expect_code(0);
    let file = env.root.join(format!(
        "generated-{service}-{}.yml",
        std::fs::read_dir(&env.root).unwrap().count()
    ));
    std::fs::write(&file, &run.stdout).unwrap();
    validate(service, &[file]);
    let yaml = serde_norway::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{service}: not YAML ({e}):\n{}", run.stdout));
    (run.stdout, yaml)
}

fn add(env: &TestEnv, args: &[&str]) {
    let mut all = vec!["remote", "add"];
    all.extend_from_slice(args);
    env.multi(&all).expect_code(0);
}

/// A set with a local path (left out), github.com over https, a self-hosted Forgejo with every setting and an
/// odd URL, and gitlab.com over ssh.
fn set_up(env: &TestEnv) {
    env.add_local_remotes(&["disk"]);
    add(env, &["github", "https://github.com/alice/app.git"]);
    add(
        env,
        &[
            "forge",
            ODD_URL,
            "--provider",
            "forgejo",
            "--api-url",
            "https://git.example.org/api/v1",
            "--owner",
            "alice",
            "--repo",
            "app",
        ],
    );
    add(env, &["lab", "git@gitlab.com:alice/app.git"]);
}

/// The steps of a GitHub/Forgejo job, with the one that runs git multi last.
fn steps(yaml: &serde_norway::Value) -> &Vec<serde_norway::Value> {
    yaml["jobs"]["git-multi"]["steps"].as_sequence().unwrap()
}

fn step_named<'a>(yaml: &'a serde_norway::Value, name: &str) -> &'a serde_norway::Value {
    steps(yaml)
        .iter()
        .find(|s| s["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no step {name}"))
}

/// The GitLab job's script, joined.
fn gitlab_script(yaml: &serde_norway::Value, job: &str) -> String {
    yaml[job]["script"]
        .as_sequence()
        .unwrap_or_else(|| panic!("no job {job}"))
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A `cargo` that writes its arguments and its environment's variable names and values to files.
fn fake_cargo(env: &TestEnv) -> PathBuf {
    let bin = env.root.join("fake-bin");
    std::fs::create_dir_all(&bin).unwrap();
    let cargo = bin.join("cargo");
    write_script(
        &cargo,
        &format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{0}/cargo.args'\nenv > '{0}/cargo.env'\n",
            env.root.display()
        ),
    );
    bin
}

/// Runs an install script with the fake cargo first on PATH and `vars` in the environment (as a CI would give
/// them); returns cargo's arguments and its environment.
fn run_install(env: &TestEnv, script: &str, vars: &[(&str, &str)]) -> (Vec<String>, String) {
    let bin = fake_cargo(env);
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let status = env
        .command("sh", &env.root)
        .args(["-e", "-c", script])
        .env("PATH", path)
        .env("CI_PROJECT_DIR", env.root.join("project"))
        .envs(vars.iter().copied())
        .status()
        .unwrap();
    assert!(status.success(), "{script}");
    let args = std::fs::read_to_string(env.root.join("cargo.args")).unwrap();
    let environment = std::fs::read_to_string(env.root.join("cargo.env")).unwrap();
    (args.lines().map(str::to_string).collect(), environment)
}

fn expected_install(url: &str, flag: &str, rev: &str) -> Vec<String> {
    ["install", "--locked", "--git", url, flag, rev, PACKAGE]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn every_generated_file_passes_the_published_schema() {
    let env = TestEnv::new();
    set_up(&env);
    let commit = "0123456789abcdef0123456789abcdef01234567";
    let mut files: Vec<(&str, PathBuf)> = Vec::new();
    for (service, path) in [
        ("github", ".github/workflows/git-multi.yml"),
        ("gitlab", ".gitlab-ci.yml"),
        ("forgejo", ".forgejo/workflows/git-multi.yml"),
    ] {
        let run = env.multi(["ci", "generate", service]).expect_code(0);
        assert!(
            run.stdout.contains(&format!("wrote {path}")),
            "{}",
            run.stdout
        );
        assert!(
            run.stderr.contains("`disk` is not in the CI's remote set"),
            "{}",
            run.stderr
        );
        let text = std::fs::read_to_string(env.work.join(path)).unwrap();
        assert!(text.contains("# git-multi managed: CI workflow"), "{text}");
        assert!(
            !text.contains(&env.root.display().to_string()),
            "a local path leaked:\n{text}"
        );
        files.push((service, env.work.join(path)));
        // The other variants, printed.
        for extra in [
            &["--action", "mirror"][..],
            &[
                "--install-from",
                "https://example.org/me/git-multi.git@main",
            ][..],
            &[
                "--install-from",
                &format!("ssh://git@example.org:2222/me/git-multi.git@{commit}"),
            ][..],
        ] {
            generate(&env, service, extra);
        }
    }
    for service in ["github", "gitlab", "forgejo"] {
        let chosen: Vec<PathBuf> = files
            .iter()
            .filter(|(s, _)| *s == service)
            .map(|(_, p)| p.clone())
            .collect();
        validate(service, &chosen);
    }
    // The check can fail: a workflow with a job-wide `env:` list instead of a mapping is refused.
    if let Some(argv) = validator() {
        let broken = env.root.join("broken.yml");
        let text = std::fs::read_to_string(&files[0].1).unwrap().replace(
            "runs-on: ubuntu-latest",
            "runs-on: [ubuntu-latest]\n    env: [x]",
        );
        std::fs::write(&broken, text).unwrap();
        let out = Command::new(&argv[0])
            .args(&argv[1..])
            .args(["--builtin-schema", "vendor.github-workflows"])
            .arg(&broken)
            .output()
            .unwrap();
        assert!(!out.status.success(), "the schema check accepts anything");
    }
    // The job's shell steps are valid sh.
    let (_, yaml) = generate(&env, "github", &[]);
    for step in steps(&yaml) {
        if let Some(script) = step["run"].as_str() {
            let status = env
                .command("sh", &env.root)
                .args(["-n", "-c", script])
                .status()
                .unwrap();
            assert!(status.success(), "{script}");
        }
    }
}

#[test]
fn git_multi_is_built_from_its_own_source_by_a_step_that_sees_no_secret() {
    let env = TestEnv::new();
    set_up(&env);
    let ours = expected_install(REPOSITORY, "--tag", &format!("v{VERSION}"));
    assert_ne!(
        PACKAGE, "git-multi",
        "that crates.io name is another author's"
    );
    let token = (
        "GIT_MULTI_GITHUB_TOKEN",
        "ghp_not_for_cargo_0123456789abcdef",
    );
    let forgejo = ("GIT_MULTI_FORGEJO_TOKEN", "forgejo-not-for-cargo");
    for service in ["github", "forgejo"] {
        let (text, yaml) = generate(&env, service, &[]);
        assert!(!text.contains("cargo install --locked git-multi"), "{text}");
        assert!(yaml.get("env").is_none(), "{service}: workflow-wide env");
        assert!(
            yaml["jobs"]["git-multi"].get("env").is_none(),
            "{service}: job-wide env"
        );
        let install = step_named(&yaml, "Install git-multi");
        assert!(install.get("env").is_none(), "{service}: {install:?}");
        let script = install["run"].as_str().unwrap();
        assert!(shell_variables(script).is_empty(), "{script}");
        // The step runs with what the CI gives it, which is no secret of ours.
        let (args, _) = run_install(&env, script, &[]);
        assert_eq!(args, ours, "{service}");
        // Secrets appear in one place: the env of the step that runs git multi.
        let last = steps(&yaml).last().unwrap();
        assert_eq!(last["name"].as_str(), Some("git multi"));
        let env_keys: BTreeSet<String> = last["env"]
            .as_mapping()
            .unwrap()
            .keys()
            .map(|k| k.as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            env_keys,
            set(&["GIT_MULTI_GITHUB_TOKEN", "GIT_MULTI_FORGEJO_TOKEN"])
        );
        assert_eq!(text.matches("${{ secrets.").count(), 2, "{text}");
        for step in steps(&yaml).iter().take(steps(&yaml).len() - 1) {
            assert!(
                !serde_norway::to_string(step).unwrap().contains("secrets."),
                "{step:?}"
            );
        }
    }
    // GitLab hands CI/CD variables to every job: the install job runs cargo with them taken out, and only the
    // job that runs git multi declares the environment they are meant to be scoped to.
    let (text, yaml) = generate(&env, "gitlab", &[]);
    assert!(
        yaml.get("variables").is_none(),
        "no pipeline-wide variables"
    );
    let install = &yaml["git-multi-install"];
    assert!(install.get("environment").is_none());
    let script = gitlab_script(&yaml, "git-multi-install");
    let (args, environment) = run_install(&env, &script, &[token, forgejo, ("OTHER", "kept")]);
    let mut ours_rooted = ours.clone();
    ours_rooted.splice(
        2..2,
        [
            "--root".to_string(),
            env.root
                .join("project/.git-multi-bin")
                .display()
                .to_string(),
        ],
    );
    assert_eq!(args, ours_rooted);
    assert!(!environment.contains(token.1), "{environment}");
    assert!(!environment.contains(forgejo.1), "{environment}");
    assert!(
        environment.contains("OTHER=kept"),
        "the test sees cargo's environment"
    );
    assert_eq!(
        yaml["git-multi"]["environment"]["name"].as_str(),
        Some("git-multi")
    );
    assert_eq!(
        yaml["git-multi"]["needs"][0].as_str(),
        Some("git-multi-install")
    );
    assert!(
        yaml["git-multi-install"]["artifacts"]["paths"][0]
            .as_str()
            .unwrap()
            .ends_with("/bin/git-multi"),
        "{text}"
    );
    assert!(text.contains("scope to `git-multi`"), "{text}");
    let wrote = env.multi(["ci", "generate", "gitlab"]).expect_code(0);
    assert!(
        wrote
            .stdout
            .contains("scoped to the environment `git-multi`"),
        "{}",
        wrote.stdout
    );
}

#[test]
fn install_from_names_the_source_and_bad_values_write_nothing() {
    let env = TestEnv::new();
    set_up(&env);
    let commit = "0123456789abcdef0123456789abcdef01234567";
    for (given, expected) in [
        (
            "https://example.org/me/git-multi.git@v9.9.9".to_string(),
            expected_install("https://example.org/me/git-multi.git", "--tag", "v9.9.9"),
        ),
        (
            "https://example.org/me/git-multi.git@feature/ci".to_string(),
            expected_install(
                "https://example.org/me/git-multi.git",
                "--branch",
                "feature/ci",
            ),
        ),
        (
            format!("ssh://git@example.org/me/git-multi.git@{commit}"),
            expected_install("ssh://git@example.org/me/git-multi.git", "--rev", commit),
        ),
        (
            "https://example.org/me/git-multi.git".to_string(),
            expected_install(
                "https://example.org/me/git-multi.git",
                "--tag",
                &format!("v{VERSION}"),
            ),
        ),
    ] {
        let (_, yaml) = generate(&env, "github", &["--install-from", &given]);
        let script = step_named(&yaml, "Install git-multi")["run"]
            .as_str()
            .unwrap();
        let (args, _) = run_install(&env, script, &[]);
        assert_eq!(args, expected, "{given}");
    }
    for (given, says) in [
        (
            "https://alice:s3cret@example.org/x.git",
            "password or token",
        ),
        (
            "https://example.org/x.git?private_token=s3cret",
            "token in its parameters",
        ),
        (
            "https://example.org/x.git;access_token=s3cret",
            "token in its parameters",
        ),
        ("https://alice@example.org/x.git", "user name"),
        ("http://example.org/x.git", "without TLS"),
        ("git@example.org:me/x.git", "scp-like"),
        ("/srv/git/x.git", "path on this machine"),
        (
            "https://example.org/x.git@$(id)",
            "not a tag, branch or commit",
        ),
        ("https://example.org/x.git@0123abcd", "abbreviated commit"),
    ] {
        let run = env
            .multi(["ci", "generate", "github", "--install-from", given])
            .expect_code(2);
        assert!(run.stderr.contains(says), "{given}: {}", run.stderr);
        assert!(run.stderr.contains("hint: "), "{}", run.stderr);
        assert!(!run.stderr.contains("s3cret"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
        assert!(
            !env.work.join(".github").exists(),
            "{given}: a file was written"
        );
    }
}

/// `git config` lines of the set as this clone has it (the member sections and their git remotes).
fn set_config(env: &TestEnv, dir: &Path, names: &[&str]) -> BTreeSet<String> {
    let all = env.git_in(dir, ["config", "--get-regexp", r"^(remote|multi)\."]);
    all.lines()
        .filter(|l| {
            names.iter().any(|n| {
                l.starts_with(&format!("remote.{n}.")) || l.starts_with(&format!("multi.{n}."))
            })
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn the_jobs_set_is_this_one_every_setting_and_character_included() {
    let env = TestEnv::new();
    set_up(&env);
    for url in [
        "https://github.com/alice/app-push.git",
        "https://github.com/alice/app.git",
    ] {
        env.git(["remote", "set-url", "--add", "--push", "github", url]);
    }
    let members = ["github", "forge", "lab"];
    let here = set_config(&env, &env.work, &members);
    assert!(
        here.contains("multi.forge.apiurl https://git.example.org/api/v1"),
        "{here:?}"
    );
    for service in ["github", "gitlab", "forgejo"] {
        let (_, yaml) = generate(&env, service, &[]);
        let script = match service {
            "gitlab" => gitlab_script(&yaml, "git-multi"),
            _ => steps(&yaml).last().unwrap()["run"]
                .as_str()
                .unwrap()
                .to_string(),
        };
        // The job's own lines that rebuild the set, run as the job would run them, in a fresh repository.
        let rebuild: String = script
            .lines()
            .filter(|l| {
                l.starts_with("git multi remote add ") || l.starts_with("git remote set-url ")
            })
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(rebuild.contains("/it'\\''s\"odd\":#1.git'"), "{rebuild}");
        let job = env.root.join(format!("job-{service}"));
        env.git_in(&env.root, ["init", "-q", job.to_str().unwrap()]);
        env.git_multi_in(&job, ["multi", "init"]).expect_code(0);
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_git-multi")).parent().unwrap();
        let out = env
            .command("sh", &job)
            .args(["-e", "-c", &rebuild])
            .env(
                "PATH",
                format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
            )
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{rebuild}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(set_config(&env, &job, &members), here, "{service}");
    }
}

#[test]
fn only_the_secrets_of_the_sets_hosts_are_asked_for() {
    let env = TestEnv::new();
    add(&env, &["forge", "https://codeberg.org/alice/app.git"]);
    let run = env.multi(["ci", "generate", "github"]).expect_code(0);
    assert!(
        run.stdout
            .contains("secret store: GIT_MULTI_FORGEJO_TOKEN\n"),
        "{}",
        run.stdout
    );
    let text = std::fs::read_to_string(env.work.join(".github/workflows/git-multi.yml")).unwrap();
    assert_eq!(secrets(&text), set(&["GIT_MULTI_FORGEJO_TOKEN"]));
    assert_eq!(shell_variables(&text), set(&["GIT_MULTI_FORGEJO_TOKEN"]));
    // A host of no known kind over https: the generic pair; gitlab.com over ssh: nothing.
    add(&env, &["own", "https://git.example.net:8443/alice/app.git"]);
    add(&env, &["lab", "git@gitlab.com:alice/app.git"]);
    for service in ["github", "forgejo", "gitlab"] {
        let (text, _) = generate(&env, service, &[]);
        let wanted = set(&[
            "GIT_MULTI_FORGEJO_TOKEN",
            "GIT_MULTI_GIT_USERNAME",
            "GIT_MULTI_GIT_PASSWORD",
        ]);
        assert_eq!(shell_variables(&text), wanted, "{service}");
        if service != "gitlab" {
            assert_eq!(secrets(&text), wanted, "{service}");
        }
        assert!(!text.contains("GIT_MULTI_GITLAB_TOKEN"), "{text}");
        assert!(text.contains("`lab`: it is reached over SSH"), "{text}");
    }
    // Only paths: no secret at all.
    let env = TestEnv::new();
    env.add_local_remotes(&["disk"]);
    let run = env.multi(["ci", "generate", "gitlab"]).expect_code(0);
    assert!(run.stdout.contains("need no secret"), "{}", run.stdout);
    let (text, _) = generate(&env, "github", &[]);
    assert!(
        secrets(&text).is_empty() && shell_variables(&text).is_empty(),
        "{text}"
    );
}

#[test]
fn readme_documents_every_variable_a_set_can_need() {
    let env = TestEnv::new();
    add(&env, &["gh", "https://github.com/a/b.git"]);
    add(&env, &["gl", "https://gitlab.com/a/b.git"]);
    add(&env, &["cb", "https://codeberg.org/a/b.git"]);
    add(&env, &["bb", "https://bitbucket.org/a/b.git"]);
    add(
        &env,
        &[
            "tea",
            "https://tea.example.org/a/b.git",
            "--provider",
            "gitea",
        ],
    );
    add(
        &env,
        &[
            "gogs",
            "https://gogs.example.org/a/b.git",
            "--provider",
            "gogs",
        ],
    );
    add(&env, &["own", "https://git.example.net/a/b.git"]);
    let (text, _) = generate(&env, "github", &[]);
    assert_eq!(secrets(&text), documented());
    assert_eq!(shell_variables(&text), documented());
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let env = TestEnv::new();
    set_up(&env);
    std::fs::write(
        env.work.join(".gitlab-ci.yml"),
        "test:\n  script: [make test]\n",
    )
    .unwrap();
    let run = env.multi(["ci", "generate", "gitlab"]).expect_code(2);
    assert!(
        run.stderr.contains("error: .gitlab-ci.yml already exists"),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("hint: print the workflow with `git multi ci generate gitlab --stdout`"));
    assert_eq!(
        std::fs::read_to_string(env.work.join(".gitlab-ci.yml")).unwrap(),
        "test:\n  script: [make test]\n"
    );
    let (_, yaml) = generate(&env, "gitlab", &["--action", "mirror"]);
    assert!(gitlab_script(&yaml, "git-multi").ends_with("git multi mirror --json\n"));
}
