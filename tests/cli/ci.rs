//! `git multi ci generate`: each service's workflow file parses as YAML, names exactly the secret variables
//! README documents (and no other), rebuilds the set without local paths, and never overwrites a file.

use std::collections::BTreeSet;

use crate::env::TestEnv;

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

/// `$X` / `${X…}` names written in capitals: what a job reads from its environment.
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
        if name.len() > 1 {
            names.insert(name);
        }
    }
    names
}

fn set_up(env: &TestEnv) {
    env.add_local_remotes(&["disk"]);
    for (name, url, provider) in [
        ("github", "https://github.com/alice/app.git", None),
        (
            "forge",
            "https://git.example.org/alice/app.git",
            Some("forgejo"),
        ),
        ("lab", "git@gitlab.com:alice/app.git", None),
    ] {
        let mut args = vec!["remote", "add", name, url];
        if let Some(kind) = provider {
            args.extend(["--provider", kind]);
        }
        env.multi(&args).expect_code(0);
    }
}

#[test]
fn workflows_parse_and_name_only_documented_variables() {
    let env = TestEnv::new();
    set_up(&env);
    let documented = documented();
    // Names the job may read that no secret store provides: the shell's and the CI's own.
    let ambient: BTreeSet<String> = ["HOME", "PATH"].iter().map(|s| s.to_string()).collect();
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
        let yaml: serde_norway::Value = serde_norway::from_str(&text)
            .unwrap_or_else(|e| panic!("{service}: not YAML ({e}):\n{text}"));
        assert!(text.contains("# git-multi managed: CI workflow"), "{text}");
        assert!(
            !text.contains(&env.root.display().to_string()),
            "a local path leaked:\n{text}"
        );
        let used: BTreeSet<String> = shell_variables(&text)
            .into_iter()
            .filter(|n| !ambient.contains(n) && !n.starts_with("CI_"))
            .collect();
        match service {
            "gitlab" => {
                assert_eq!(used, documented, "{service}");
                let job = &yaml["git-multi"];
                let script: Vec<&str> = job["script"]
                    .as_sequence()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap())
                    .collect();
                assert!(script
                    .iter()
                    .any(|s| s.contains("git multi push --all --tags --json")));
                assert_eq!(job["variables"]["GIT_DEPTH"].as_str(), Some("0"));
            }
            _ => {
                assert_eq!(secrets(&text), documented, "{service}");
                assert!(used.is_subset(&documented), "{service}: {used:?}");
                let job = &yaml["jobs"]["git-multi"];
                for name in &documented {
                    assert_eq!(
                        job["env"][name.as_str()].as_str(),
                        Some(format!("${{{{ secrets.{name} }}}}").as_str())
                    );
                }
                let steps = job["steps"].as_sequence().unwrap();
                let last = steps.last().unwrap()["run"].as_str().unwrap();
                assert!(
                    last.contains(
                        "git multi remote add 'github' 'https://github.com/alice/app.git'"
                    ),
                    "{last}"
                );
                assert!(last.contains("--provider 'forgejo'"), "{last}");
                assert!(
                    last.ends_with("git multi push --all --tags --json\n"),
                    "{last}"
                );
                assert!(yaml["on"]["push"]["tags"].is_sequence());
            }
        }
    }
    // The job's shell steps are valid sh.
    let yaml: serde_norway::Value = serde_norway::from_str(
        &std::fs::read_to_string(env.work.join(".github/workflows/git-multi.yml")).unwrap(),
    )
    .unwrap();
    for step in yaml["jobs"]["git-multi"]["steps"].as_sequence().unwrap() {
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
    let run = env
        .multi(["ci", "generate", "gitlab", "--stdout", "--action", "mirror"])
        .expect_code(0);
    let yaml: serde_norway::Value = serde_norway::from_str(&run.stdout).unwrap();
    let script = yaml["git-multi"]["script"].as_sequence().unwrap();
    assert!(script
        .last()
        .unwrap()
        .as_str()
        .unwrap()
        .ends_with("git multi mirror --json\n"));
}
