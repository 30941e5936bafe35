//! CI workflows that run git-multi on every push: GitHub Actions, GitLab CI and Forgejo/Gitea Actions.
//!
//! The workflow rebuilds this repository's remote set in the CI job (`git multi remote add` per member, with the
//! same validation as here), makes a local branch of every branch the CI checked out, and runs
//! `git multi push --all --tags` (or `git multi mirror`). Secrets come from the CI's secret store under the
//! names in [`VARIABLES`] and nowhere else: host API tokens as `GIT_MULTI_<PROVIDER>_TOKEN` (the names git-multi
//! looks up anyway), and git's HTTPS credentials through a credential helper that reads the same variables.

use serde::Serialize;

use crate::provider::ProviderKind;
use crate::remote_set::Member;
use crate::url::{self, Transport};

use super::MARKER;

/// Every variable a generated workflow reads from the CI's secret store, with what it is for. README lists the
/// same names; a test checks that the generated files name exactly these.
pub const VARIABLES: [(&str, &str); 8] = [
    (
        "GIT_MULTI_GITHUB_TOKEN",
        "GitHub token (git over HTTPS as `x-access-token`, and the API)",
    ),
    (
        "GIT_MULTI_GITLAB_TOKEN",
        "GitLab token (git over HTTPS as `oauth2`, and the API)",
    ),
    (
        "GIT_MULTI_GITEA_TOKEN",
        "Gitea token (git over HTTPS, and the API)",
    ),
    (
        "GIT_MULTI_FORGEJO_TOKEN",
        "Forgejo/Codeberg token (git over HTTPS, and the API)",
    ),
    (
        "GIT_MULTI_BITBUCKET_TOKEN",
        "Bitbucket access token (git over HTTPS as `x-token-auth`, and the API)",
    ),
    (
        "GIT_MULTI_GOGS_TOKEN",
        "Gogs token (git over HTTPS, and the API)",
    ),
    (
        "GIT_MULTI_GIT_USERNAME",
        "user name for any other HTTPS host",
    ),
    (
        "GIT_MULTI_GIT_PASSWORD",
        "password or token for any other HTTPS host",
    ),
];

/// The CI services a workflow can be generated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Service {
    Github,
    Gitlab,
    Forgejo,
}

impl Service {
    pub fn as_str(self) -> &'static str {
        match self {
            Service::Github => "github",
            Service::Gitlab => "gitlab",
            Service::Forgejo => "forgejo",
        }
    }

    /// Where the workflow goes, relative to the top of the work tree.
    pub fn path(self) -> &'static str {
        match self {
            Service::Github => ".github/workflows/git-multi.yml",
            Service::Gitlab => ".gitlab-ci.yml",
            Service::Forgejo => ".forgejo/workflows/git-multi.yml",
        }
    }
}

/// What the workflow runs after rebuilding the set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CiAction {
    /// `git multi push --all --tags --json`
    Push,
    /// `git multi mirror --json`
    Mirror,
}

/// A generated workflow and the members it left out.
#[derive(Debug, Clone)]
pub struct Workflow {
    pub text: String,
    /// `(member, why)`: members a CI machine cannot reach (paths on this machine).
    pub skipped: Vec<(String, String)>,
}

/// Which token variable and user name git uses for a host of this kind; `None`: the generic pair.
fn credential_for(kind: ProviderKind) -> Option<(&'static str, &'static str)> {
    // Gitea, Forgejo and Gogs take a token as the user name with the password `x-oauth-basic`.
    Some(match kind {
        ProviderKind::Github => ("GIT_MULTI_GITHUB_TOKEN", "x-access-token"),
        ProviderKind::Gitlab => ("GIT_MULTI_GITLAB_TOKEN", "oauth2"),
        ProviderKind::Bitbucket => ("GIT_MULTI_BITBUCKET_TOKEN", "x-token-auth"),
        ProviderKind::Gitea => ("GIT_MULTI_GITEA_TOKEN", ""),
        ProviderKind::Forgejo => ("GIT_MULTI_FORGEJO_TOKEN", ""),
        ProviderKind::Gogs => ("GIT_MULTI_GOGS_TOKEN", ""),
        ProviderKind::Sourcehut | ProviderKind::Generic => return None,
    })
}

/// The credential helper (a shell script written by the job): answers `get` for a host from the variables.
fn helper(hosts: &[(String, ProviderKind)]) -> String {
    let mut cases = String::new();
    let mut seen: Vec<&str> = Vec::new();
    let known = [
        ("github.com".to_string(), ProviderKind::Github),
        ("gitlab.com".to_string(), ProviderKind::Gitlab),
        ("codeberg.org".to_string(), ProviderKind::Forgejo),
        ("gitea.com".to_string(), ProviderKind::Gitea),
        ("bitbucket.org".to_string(), ProviderKind::Bitbucket),
    ];
    for (host, kind) in hosts.iter().chain(known.iter()) {
        if seen.contains(&host.as_str()) {
            continue;
        }
        let Some((token, user)) = credential_for(*kind) else {
            continue;
        };
        seen.push(host);
        let answer = if user.is_empty() {
            format!("user=\"${token}\" pass=x-oauth-basic")
        } else {
            format!("user={user} pass=\"${token}\"")
        };
        cases.push_str(&format!("  {host}) {answer} ;;\n"));
    }
    format!(
        "#!/bin/sh\n\
         # git credential helper: answers from the CI's secret variables, never from a file.\n\
         [ \"$1\" = get ] || exit 0\n\
         host=\n\
         while IFS='=' read -r key value; do\n\
         \x20 [ \"$key\" = host ] && host=$value\n\
         done\n\
         case \"$host\" in\n\
         {cases}\
         \x20 *) user=\"$GIT_MULTI_GIT_USERNAME\" pass=\"$GIT_MULTI_GIT_PASSWORD\" ;;\n\
         esac\n\
         [ -n \"$user\" ] && [ -n \"$pass\" ] || exit 0\n\
         printf 'username=%s\\npassword=%s\\n' \"$user\" \"$pass\"\n"
    )
}

/// Single-quotes for the shell inside the workflow (values come from .git/config).
fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The shell steps: credentials, the set, local branches, the run.
fn steps(members: &[&Member], action: CiAction) -> (String, String, Vec<(String, String)>) {
    let mut skipped = Vec::new();
    let mut hosts: Vec<(String, ProviderKind)> = Vec::new();
    let mut set = String::from(
        "# The CI's own checkout remote goes; the set is rebuilt as it is configured.\n\
         git remote remove origin\n\
         git multi init\n",
    );
    for m in members {
        let Some(raw) = m.url.as_deref() else {
            skipped.push((m.name.clone(), "it has no URL".to_string()));
            continue;
        };
        let transport = url::parse(raw, |_| true).map(|u| u.transport);
        if matches!(transport, Ok(Transport::Local | Transport::File)) {
            skipped.push((m.name.clone(), "it is a path on this machine".to_string()));
            continue;
        }
        let (kind, _) = m.provider();
        if let Some(host) = m.host() {
            hosts.push((host, kind));
        }
        set.push_str(&format!("git multi remote add {} {}", q(&m.name), q(raw)));
        if let Some(provider) = &m.provider {
            set.push_str(&format!(" --provider {}", q(provider)));
        }
        set.push('\n');
    }
    // Which secrets reached the job (names only): the first thing to look at when a host refuses us.
    let present: String = VARIABLES
        .iter()
        .map(|(n, _)| format!("[ -z \"${{{n}:-}}\" ] || echo \"secret {n} is set\"\n"))
        .collect();
    let credentials = format!(
        "{present}\
         helper=\"$HOME/.local/bin/git-credential-multi-env\"\n\
         mkdir -p \"${{helper%/*}}\"\n\
         cat >\"$helper\" <<'HELPER'\n\
         {}HELPER\n\
         chmod 755 \"$helper\"\n\
         git config --global credential.helper \"$helper\"\n\
         git config --global user.name git-multi\n\
         git config --global user.email git-multi@localhost\n",
        helper(&hosts)
    );
    let run = match action {
        CiAction::Push => "git multi push --all --tags --json\n",
        CiAction::Mirror => "git multi mirror --json\n",
    };
    let run = format!(
        "# A local branch for every branch the CI fetched, so --all pushes them all.\n\
         git for-each-ref --format='%(refname:lstrip=3)' refs/remotes/origin/ | while read -r branch; do\n\
         \x20 [ \"$branch\" = HEAD ] || git update-ref \"refs/heads/$branch\" \"refs/remotes/origin/$branch\"\n\
         done\n\
         {set}\
         {run}"
    );
    (credentials, run, skipped)
}

fn indent(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_string()
            } else {
                format!("{pad}{l}\n")
            }
        })
        .collect()
}

fn header(service: Service, action: CiAction) -> String {
    let names: Vec<&str> = VARIABLES.iter().map(|(n, _)| *n).collect();
    format!(
        "# {MARKER}: CI workflow (`git multi ci generate {} --action {}`)\n\
         # On every push, brings every member of the remote set up to date with git-multi.\n\
         # Secrets it reads (set the ones your hosts need): {}\n",
        service.as_str(),
        match action {
            CiAction::Push => "push",
            CiAction::Mirror => "mirror",
        },
        names.join(", ")
    )
}

/// The workflow file for `service`.
pub fn generate(service: Service, action: CiAction, members: &[&Member]) -> Workflow {
    let (credentials, run, skipped) = steps(members, action);
    let mut text = header(service, action);
    for (name, why) in &skipped {
        text.push_str(&format!("# Not in the CI's set: `{name}` ({why}).\n"));
    }
    match service {
        Service::Github | Service::Forgejo => {
            let (runs_on, container) = match service {
                Service::Github => ("ubuntu-latest", ""),
                _ => ("docker", "    container:\n      image: rust:1\n"),
            };
            let env: String = VARIABLES
                .iter()
                .map(|(n, _)| format!("      {n}: ${{{{ secrets.{n} }}}}\n"))
                .collect();
            text.push_str(&format!(
                "name: git-multi\n\
                 on:\n\
                 \x20 push:\n\
                 \x20   branches: ['**']\n\
                 \x20   tags: ['**']\n\
                 jobs:\n\
                 \x20 git-multi:\n\
                 \x20   runs-on: {runs_on}\n\
                 {container}\
                 \x20   env:\n\
                 {env}\
                 \x20   steps:\n\
                 \x20     - uses: actions/checkout@v4\n\
                 \x20       with:\n\
                 \x20         fetch-depth: 0\n\
                 \x20         persist-credentials: false\n\
                 \x20     - name: Install git-multi\n\
                 \x20       run: cargo install --locked git-multi\n\
                 \x20     - name: Git credentials from the secret store\n\
                 \x20       run: |\n\
                 {credentials}\
                 \x20     - name: git multi\n\
                 \x20       run: |\n\
                 {run}",
                credentials = indent(&credentials, 10),
                run = indent(&run, 10),
            ));
        }
        Service::Gitlab => {
            text.push_str(&format!(
                "# CI/CD variables (Settings > CI/CD > Variables) reach the job as environment variables.\n\
                 git-multi:\n\
                 \x20 image: rust:1\n\
                 \x20 variables:\n\
                 \x20   GIT_DEPTH: \"0\"\n\
                 \x20   GIT_STRATEGY: clone\n\
                 \x20 rules:\n\
                 \x20   - if: $CI_PIPELINE_SOURCE == \"push\"\n\
                 \x20 script:\n\
                 \x20   - cargo install --locked git-multi\n\
                 \x20   - |\n\
                 {credentials}\
                 \x20   - |\n\
                 {run}",
                credentials = indent(&credentials, 6),
                run = indent(&run, 6),
            ));
        }
    }
    Workflow { text, skipped }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(name: &str, url: &str, provider: Option<&str>) -> Member {
        Member {
            name: name.into(),
            url: Some(url.into()),
            enabled: true,
            provider: provider.map(str::to_string),
            ..Member::default()
        }
    }

    #[test]
    fn the_helper_answers_by_host_and_runs() {
        let helper = helper(&[("git.example.org".into(), ProviderKind::Gitea)]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("helper");
        std::fs::write(&path, &helper).unwrap();
        let ask = |host: &str, vars: &[(&str, &str)]| {
            let mut child = std::process::Command::new("sh")
                .arg(&path)
                .arg("get")
                .env_clear()
                .envs(vars.iter().copied())
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            write!(stdin, "protocol=https\nhost={host}\n\n").unwrap();
            drop(stdin);
            String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap()
        };
        assert_eq!(
            ask("github.com", &[("GIT_MULTI_GITHUB_TOKEN", "ghp_x")]),
            "username=x-access-token\npassword=ghp_x\n"
        );
        assert_eq!(
            ask("git.example.org", &[("GIT_MULTI_GITEA_TOKEN", "tok")]),
            "username=tok\npassword=x-oauth-basic\n"
        );
        assert_eq!(
            ask(
                "git.other.net",
                &[
                    ("GIT_MULTI_GIT_USERNAME", "me"),
                    ("GIT_MULTI_GIT_PASSWORD", "pw")
                ]
            ),
            "username=me\npassword=pw\n"
        );
        assert_eq!(ask("gitlab.com", &[]), "", "no secret, no answer");
    }

    #[test]
    fn local_members_are_left_out_and_said_so() {
        let a = member("gh", "https://github.com/me/app.git", None);
        let b = member("disk", "/srv/app.git", None);
        let c = member(
            "forge",
            "https://git.example.org/me/app.git",
            Some("forgejo"),
        );
        let workflow = generate(Service::Github, CiAction::Push, &[&a, &b, &c]);
        assert_eq!(workflow.skipped.len(), 1);
        assert!(workflow.text.contains("# Not in the CI's set: `disk`"));
        assert!(workflow.text.contains("git multi remote add 'forge' 'https://git.example.org/me/app.git' --provider 'forgejo'"));
        assert!(workflow
            .text
            .contains("git.example.org) user=\"$GIT_MULTI_FORGEJO_TOKEN\""));
        assert!(!workflow.text.contains("/srv/app.git"));
    }
}
