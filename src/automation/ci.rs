//! CI workflows that run git-multi on every push: GitHub Actions, GitLab CI and Forgejo/Gitea Actions.
//!
//! The workflow builds git-multi from its own git source ([`InstallSource`]), rebuilds this repository's remote
//! set in the CI job (`git multi remote add` per member with every setting it has, validated as here), makes a
//! local branch of every branch the CI checked out, and runs `git multi push --all --tags` (or `git multi
//! mirror`). Secrets come from the CI's secret store under the names in [`VARIABLES`], only those the set's
//! hosts need, and only into the one step that runs git multi: the install never sees them. git's HTTPS
//! credentials come from a credential helper that reads the same variables.

use serde::Serialize;

use crate::hosting::ProviderKind;
use crate::remote_set::Member;
use crate::url::{self, Transport};

use super::install_source::InstallSource;
use super::{yaml, MARKER};

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

/// A generated workflow, the members it left out and the secrets it asks for.
#[derive(Debug, Clone)]
pub struct Workflow {
    pub text: String,
    /// `(member, why)`: members a CI machine cannot reach (paths on this machine).
    pub skipped: Vec<(String, String)>,
    /// `(member, why)`: members the job keeps but cannot reach on its own (SSH needs a key it is not given).
    pub noted: Vec<(String, String)>,
    /// The variables the job reads from the secret store: only those of the hosts in the set, in
    /// [`VARIABLES`] order.
    pub secrets: Vec<&'static str>,
}

/// The environment the GitLab job that runs git multi declares: CI/CD variables scoped to it reach that job
/// and no other.
pub const GITLAB_ENVIRONMENT: &str = "git-multi";
/// Where the GitLab install job puts git-multi for the next job (as an artifact, inside the project directory).
const GITLAB_ROOT: &str = ".git-multi-bin";

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

const GENERIC: [&str; 2] = ["GIT_MULTI_GIT_USERNAME", "GIT_MULTI_GIT_PASSWORD"];

/// The secret variables git needs for an HTTPS host of this kind.
fn secrets_for(kind: ProviderKind) -> Vec<&'static str> {
    match credential_for(kind) {
        Some((token, _)) => vec![token],
        None => GENERIC.to_vec(),
    }
}

/// The credential helper (a shell script written by the job): answers `get` for the set's HTTPS hosts from the
/// variables. `hosts` are `host[:port]` as git sends them in the credential protocol.
fn helper(hosts: &[(String, ProviderKind)]) -> String {
    let mut cases = String::new();
    let mut seen: Vec<&str> = Vec::new();
    let mut generic = false;
    for (host, kind) in hosts {
        if seen.contains(&host.as_str()) {
            continue;
        }
        seen.push(host);
        let Some((token, user)) = credential_for(*kind) else {
            generic = true;
            continue;
        };
        let answer = if user.is_empty() {
            format!("user=\"${token}\" pass=x-oauth-basic")
        } else {
            format!("user={user} pass=\"${token}\"")
        };
        cases.push_str(&format!("  {}) {answer} ;;\n", yaml::word(host)));
    }
    let fallback = if generic {
        "  *) user=\"$GIT_MULTI_GIT_USERNAME\" pass=\"$GIT_MULTI_GIT_PASSWORD\" ;;\n"
    } else {
        "  *) exit 0 ;;\n"
    };
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
         {fallback}\
         esac\n\
         [ -n \"$user\" ] && [ -n \"$pass\" ] || exit 0\n\
         printf 'username=%s\\npassword=%s\\n' \"$user\" \"$pass\"\n"
    )
}

/// `host[:port]` of an HTTPS (or HTTP) URL, as git names it to a credential helper; `None` for other transports.
fn credential_host(raw: &str) -> Option<String> {
    let parsed = url::parse(raw, |_| true).ok()?;
    if !matches!(parsed.transport, Transport::Http | Transport::Https) {
        return None;
    }
    let host = parsed.host?;
    Some(match parsed.port {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

/// What the job needs from the set: the commands that rebuild it, the HTTPS hosts git will ask credentials
/// for, the members left out or noted.
#[derive(Default)]
struct Plan {
    set: String,
    hosts: Vec<(String, ProviderKind)>,
    skipped: Vec<(String, String)>,
    noted: Vec<(String, String)>,
}

/// The `git multi remote add` lines: every setting `remote add` takes (provider, API URL, owner, repository
/// name, Bitbucket project) and the push URLs, so the job's set is this one.
fn plan(members: &[&Member]) -> Plan {
    let mut plan = Plan::default();
    for m in members {
        let Some(raw) = m.url.as_deref() else {
            plan.skipped
                .push((m.name.clone(), "it has no URL".to_string()));
            continue;
        };
        let endpoints: Vec<&str> = std::iter::once(raw)
            .chain(m.push_urls.iter().map(String::as_str))
            .collect();
        let transports: Vec<Option<Transport>> = endpoints
            .iter()
            .map(|u| url::parse(u, |_| true).ok().map(|p| p.transport))
            .collect();
        if transports
            .iter()
            .any(|t| matches!(t, Some(Transport::Local | Transport::File)))
        {
            plan.skipped
                .push((m.name.clone(), "it is a path on this machine".to_string()));
            continue;
        }
        let options = [
            ("--provider", m.provider.as_deref()),
            ("--api-url", m.api_url.as_deref()),
            ("--owner", m.owner.as_deref()),
            ("--repo", m.repo.as_deref()),
            ("--project", m.project.as_deref()),
        ];
        let values = std::iter::once(m.name.as_str())
            .chain(endpoints.iter().copied())
            .chain(options.iter().filter_map(|(_, v)| *v));
        if !values.clone().all(yaml::fits_a_block) {
            plan.skipped.push((
                m.name.clone(),
                "its configuration holds control characters".to_string(),
            ));
            continue;
        }
        let (kind, _) = m.provider();
        let mut line = format!(
            "git multi remote add {} {}",
            yaml::word(&m.name),
            yaml::word(raw)
        );
        for (flag, value) in options {
            if let Some(value) = value {
                line.push_str(&format!(" {flag} {}", yaml::word(value)));
            }
        }
        plan.set.push_str(&line);
        plan.set.push('\n');
        for push_url in &m.push_urls {
            plan.set.push_str(&format!(
                "git remote set-url --add --push {} {}\n",
                yaml::word(&m.name),
                yaml::word(push_url)
            ));
        }
        plan.hosts.extend(
            endpoints
                .iter()
                .filter_map(|e| credential_host(e))
                .map(|h| (h, kind)),
        );
        if transports.contains(&Some(Transport::Ssh)) {
            plan.noted.push((
                m.name.clone(),
                "it is reached over SSH, and this workflow gives the job no SSH key (add one, or use an https URL)"
                    .to_string(),
            ));
        }
    }
    plan
}

/// The secrets the set's HTTPS hosts need, in [`VARIABLES`] order.
fn secrets(hosts: &[(String, ProviderKind)]) -> Vec<&'static str> {
    let wanted: Vec<&str> = hosts.iter().flat_map(|(_, k)| secrets_for(*k)).collect();
    VARIABLES
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| wanted.contains(n))
        .collect()
}

/// The script of the one step (job) that sees the secrets: git credentials, the set, local branches, the run.
fn run_script(plan: &Plan, secrets: &[&str], action: CiAction) -> String {
    // Which secrets reached the job (names only): the first thing to look at when a host refuses us.
    let present: String = secrets
        .iter()
        .map(|n| format!("[ -z \"${{{n}:-}}\" ] || echo \"secret {n} is set\"\n"))
        .collect();
    let credentials = if plan.hosts.is_empty() {
        String::new()
    } else {
        format!(
            "helper=\"$HOME/.local/bin/git-credential-multi-env\"\n\
             mkdir -p \"${{helper%/*}}\"\n\
             cat >\"$helper\" <<'HELPER'\n\
             {}HELPER\n\
             chmod 755 \"$helper\"\n\
             git config --global credential.helper \"$helper\"\n",
            helper(&plan.hosts)
        )
    };
    let run = match action {
        CiAction::Push => "git multi push --all --tags --json\n",
        CiAction::Mirror => "git multi mirror --json\n",
    };
    format!(
        "{present}\
         {credentials}\
         git config --global user.name git-multi\n\
         git config --global user.email git-multi@localhost\n\
         # A local branch for every branch the CI fetched, so --all pushes them all.\n\
         git for-each-ref --format='%(refname:lstrip=3)' refs/remotes/origin/ | while read -r branch; do\n\
         \x20 [ \"$branch\" = HEAD ] || git update-ref \"refs/heads/$branch\" \"refs/remotes/origin/$branch\"\n\
         done\n\
         # The CI's own checkout remote goes; the set is rebuilt as it is configured.\n\
         git remote remove origin\n\
         git multi init\n\
         {}\
         {run}",
        plan.set
    )
}

/// The install command as one shell line; on GitLab with the secrets taken out of its environment.
fn install_line(source: &InstallSource, root: Option<&str>, unset: &[&str]) -> String {
    let mut words: Vec<String> = Vec::new();
    if !unset.is_empty() {
        words.push("env".into());
        for name in unset {
            words.extend(["-u".to_string(), name.to_string()]);
        }
    }
    let cargo = source.cargo_install(root);
    // `--root` takes the job's own variable, expanded by the shell; every other word is literal.
    let mut literal_next = false;
    for word in cargo {
        if literal_next {
            words.push(format!("\"{word}\""));
            literal_next = false;
            continue;
        }
        literal_next = word == "--root";
        let plain = word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b));
        words.push(if plain { word } else { yaml::word(&word) });
    }
    words.join(" ")
}

fn header(service: Service, action: CiAction, source: &InstallSource, secrets: &[&str]) -> String {
    let mut text = format!(
        "# {MARKER}: CI workflow (`git multi ci generate {} --action {}`)\n\
         # On every push, brings every member of the remote set up to date with git-multi.\n\
         # git-multi is built from its own source, {} (Cargo package {}), never fetched by a bare crate name.\n",
        service.as_str(),
        match action {
            CiAction::Push => "push",
            CiAction::Mirror => "mirror",
        },
        yaml::comment(&source.describe()),
        super::install_source::PACKAGE,
    );
    if secrets.is_empty() {
        text.push_str("# Secrets: none (no member of the set is reached over HTTPS).\n");
    } else {
        text.push_str(&format!(
            "# Secrets it reads (the hosts in the set need these): {}\n",
            secrets.join(", ")
        ));
    }
    text.push_str(match service {
        Service::Github | Service::Forgejo => {
            "# Only the step that runs git multi has them in its environment; the checkout and install steps do not.\n"
        }
        Service::Gitlab => {
            "# GitLab gives a CI/CD variable to every job of the pipeline unless it is scoped: set each one's environment\n\
             # scope to `git-multi` (Settings > CI/CD > Variables). Then only the job `git-multi` receives them, and the\n\
             # job that builds git-multi (`git-multi-install`) never does. That job also runs cargo with them removed\n\
             # from its environment (`env -u`), which keeps them from cargo and the build scripts it runs if the\n\
             # variables are left unscoped, but not from its own shell: scoping them is what keeps them out.\n"
        }
    });
    text
}

/// The workflow file for `service`, building git-multi from `source`.
pub fn generate(
    service: Service,
    action: CiAction,
    members: &[&Member],
    source: &InstallSource,
) -> Workflow {
    let plan = plan(members);
    let secrets = secrets(&plan.hosts);
    let script = run_script(&plan, &secrets, action);
    let mut text = header(service, action, source, &secrets);
    for (name, why) in &plan.skipped {
        text.push_str(&yaml::comment(&format!(
            "# Not in the CI's set: `{name}` ({why})."
        )));
        text.push('\n');
    }
    for (name, why) in &plan.noted {
        text.push_str(&yaml::comment(&format!("# Note: `{name}`: {why}.")));
        text.push('\n');
    }
    match service {
        Service::Github | Service::Forgejo => {
            let (runs_on, container, permissions) = match service {
                Service::Github => ("ubuntu-latest", "", "permissions:\n  contents: read\n"),
                _ => ("docker", "    container:\n      image: rust:1\n", ""),
            };
            let env = if secrets.is_empty() {
                String::new()
            } else {
                let names: String = secrets
                    .iter()
                    .map(|n| format!("          {n}: ${{{{ secrets.{n} }}}}\n"))
                    .collect();
                format!("        env:\n{names}")
            };
            text.push_str(&format!(
                "name: git-multi\n\
                 on:\n\
                 \x20 push:\n\
                 \x20   branches: [\"**\"]\n\
                 \x20   tags: [\"**\"]\n\
                 {permissions}\
                 jobs:\n\
                 \x20 git-multi:\n\
                 \x20   runs-on: {runs_on}\n\
                 {container}\
                 \x20   steps:\n\
                 \x20     - uses: actions/checkout@v4\n\
                 \x20       with:\n\
                 \x20         fetch-depth: 0\n\
                 \x20         persist-credentials: false\n\
                 \x20     - name: Install git-multi\n\
                 \x20       run: {install}\n\
                 \x20     - name: git multi\n\
                 {env}\
                 \x20       run: |\n\
                 {script}",
                install = yaml::scalar(&install_line(source, None, &[])),
                script = yaml::indent(&script, 10),
            ));
        }
        Service::Gitlab => {
            let root = format!("$CI_PROJECT_DIR/{GITLAB_ROOT}");
            text.push_str(&format!(
                "git-multi-install:\n\
                 \x20 image: rust:1\n\
                 \x20 stage: build\n\
                 \x20 variables:\n\
                 \x20   GIT_STRATEGY: none\n\
                 \x20 rules:\n\
                 \x20   - if: $CI_PIPELINE_SOURCE == \"push\"\n\
                 \x20 script:\n\
                 \x20   - {install}\n\
                 \x20 artifacts:\n\
                 \x20   paths:\n\
                 \x20     - {artifact}\n\
                 \x20   expire_in: 1 hour\n\
                 git-multi:\n\
                 \x20 image: rust:1\n\
                 \x20 stage: deploy\n\
                 \x20 needs: [git-multi-install]\n\
                 \x20 environment:\n\
                 \x20   name: {GITLAB_ENVIRONMENT}\n\
                 \x20   action: access\n\
                 \x20 variables:\n\
                 \x20   GIT_DEPTH: \"0\"\n\
                 \x20   GIT_STRATEGY: clone\n\
                 \x20 rules:\n\
                 \x20   - if: $CI_PIPELINE_SOURCE == \"push\"\n\
                 \x20 script:\n\
                 \x20   - |\n\
                 {script}",
                install = yaml::scalar(&install_line(source, Some(&root), &secrets)),
                artifact = yaml::scalar(&format!("{GITLAB_ROOT}/bin/git-multi")),
                script = yaml::indent(
                    &format!("export PATH=\"$CI_PROJECT_DIR/{GITLAB_ROOT}/bin:$PATH\"\n{script}"),
                    6
                ),
            ));
        }
    }
    Workflow {
        text,
        skipped: plan.skipped,
        noted: plan.noted,
        secrets,
    }
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
        let helper = helper(&[
            ("github.com".into(), ProviderKind::Github),
            ("git.example.org:3000".into(), ProviderKind::Gitea),
            ("git.other.net".into(), ProviderKind::Generic),
        ]);
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
            ask("git.example.org:3000", &[("GIT_MULTI_GITEA_TOKEN", "tok")]),
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
        let mut d = member("pushes-home", "https://gitlab.com/me/app.git", None);
        d.push_urls = vec!["/srv/push.git".into()];
        let workflow = generate(
            Service::Github,
            CiAction::Push,
            &[&a, &b, &c, &d],
            &InstallSource::ours(),
        );
        assert_eq!(workflow.skipped.len(), 2, "{:?}", workflow.skipped);
        assert!(workflow.text.contains("# Not in the CI's set: `disk`"));
        assert!(workflow
            .text
            .contains("# Not in the CI's set: `pushes-home`"));
        assert!(workflow.text.contains("git multi remote add 'forge' 'https://git.example.org/me/app.git' --provider 'forgejo'"));
        assert!(workflow
            .text
            .contains("'git.example.org') user=\"$GIT_MULTI_FORGEJO_TOKEN\""));
        assert!(!workflow.text.contains("/srv/"));
        assert_eq!(
            workflow.secrets,
            ["GIT_MULTI_GITHUB_TOKEN", "GIT_MULTI_FORGEJO_TOKEN"]
        );
    }

    #[test]
    fn a_host_asks_only_for_what_it_needs() {
        let generic = member("own", "https://git.example.net:8443/me/app.git", None);
        let ssh = member("lab", "git@gitlab.com:me/app.git", None);
        let workflow = generate(
            Service::Gitlab,
            CiAction::Push,
            &[&generic, &ssh],
            &InstallSource::ours(),
        );
        assert_eq!(
            workflow.secrets,
            ["GIT_MULTI_GIT_USERNAME", "GIT_MULTI_GIT_PASSWORD"]
        );
        assert!(workflow
            .text
            .contains("*) user=\"$GIT_MULTI_GIT_USERNAME\" pass=\"$GIT_MULTI_GIT_PASSWORD\""));
        assert_eq!(workflow.noted.len(), 1, "{:?}", workflow.noted);
        assert!(!workflow.text.contains("GIT_MULTI_GITLAB_TOKEN"));
    }
}
