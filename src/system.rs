//! Asking programs other than git what they would do, for `doctor`: which key and user ssh would use for a
//! host (`ssh -G`, through the same ssh command git runs). The question is bounded in time and never connects
//! anywhere.

use std::time::Duration;

/// How long a local question may take: `ssh -G` answers at once or not at all.
const LOCAL_TIMEOUT: Duration = Duration::from_secs(5);

/// What ssh would use for one host.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SshView {
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub port: Option<String>,
    /// `identityfile` entries (ssh tries them in order; those that do not exist are skipped by ssh).
    pub identity_files: Vec<String>,
    pub identities_only: bool,
}

/// Parses `ssh -G` output: `<keyword> <value>` per line, keywords lower-cased.
pub fn parse_ssh_g(stdout: &str) -> SshView {
    let mut view = SshView::default();
    for line in stdout.lines() {
        let Some((key, value)) = line.split_once(' ') else {
            continue;
        };
        match key {
            "user" => view.user = Some(value.to_string()),
            "hostname" => view.hostname = Some(value.to_string()),
            "port" => view.port = Some(value.to_string()),
            "identityfile" => view.identity_files.push(value.to_string()),
            "identitiesonly" => view.identities_only = value == "yes",
            _ => {}
        }
    }
    view
}

/// The words of an ssh command line as git would run it through the shell (simple quoting only: enough to
/// find the program and its options).
pub fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => current.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                any = true;
            }
            (None, c) if c.is_whitespace() => {
                if any || !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                    any = false;
                }
            }
            (None, c) => current.push(c),
        }
    }
    if any || !current.is_empty() {
        words.push(current);
    }
    words
}

/// Asks ssh what it would use for `host`: `<ssh command> -G [-p port] [-l user] host`, where the ssh command is
/// the one git would run (`GIT_SSH_COMMAND`, `core.sshCommand`, else `ssh`). `Err` says why it could not be
/// asked (a wrapper that is not ssh, ssh missing).
pub fn ssh_view(
    ssh_command: Option<&str>,
    host: &str,
    port: Option<u16>,
    user: Option<&str>,
) -> Result<SshView, String> {
    let mut argv = match ssh_command {
        Some(command) => words(command),
        None => vec!["ssh".to_string()],
    };
    let program = argv.first().cloned().unwrap_or_default();
    let base = std::path::Path::new(&program)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if base != "ssh" && base != "ssh.exe" {
        return Err(format!(
            "the ssh command is `{base}`, not ssh: cannot ask it which key it uses"
        ));
    }
    argv.push("-G".into());
    if let Some(port) = port {
        argv.extend(["-p".to_string(), port.to_string()]);
    }
    if let Some(user) = user {
        argv.extend(["-l".to_string(), user.to_string()]);
    }
    argv.push("--".into());
    argv.push(host.to_string());
    let output = run(&argv[0], &argv[1..])?;
    Ok(parse_ssh_g(&output))
}

/// Runs a local program with stdin closed and a deadline; its stdout, or why there is none.
fn run(program: &str, args: &[String]) -> Result<String, String> {
    let handle = duct::cmd(program, args)
        .stdin_null()
        .stdout_capture()
        .stderr_capture()
        .unchecked()
        .env("LC_ALL", "C")
        .start()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    match handle.wait_timeout(LOCAL_TIMEOUT) {
        Ok(Some(output)) if output.status.success() => {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        }
        Ok(Some(output)) => Err(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )),
        Ok(None) => {
            let _ = handle.kill();
            Err(format!("{program} did not answer within {LOCAL_TIMEOUT:?}"))
        }
        Err(e) => Err(format!("{program}: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of `ssh -F /dev/null -i /tmp/ck -o IdentitiesOnly=yes -o BatchMode=yes -G -p 2222 -l root --
    /// 127.0.0.1` (OpenSSH 9.2p1), and of the default identities ssh lists without `-i`.
    const SAMPLE: &str = "host 127.0.0.1\nuser root\nhostname 127.0.0.1\nport 2222\naddressfamily any\nbatchmode yes\nidentitiesonly yes\nstricthostkeychecking ask\nidentityfile /tmp/ck\nuserknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2\n";
    const DEFAULTS: &str = "identityfile ~/.ssh/id_rsa\nidentityfile ~/.ssh/id_ecdsa\nidentityfile ~/.ssh/id_ecdsa_sk\nidentityfile ~/.ssh/id_ed25519\n";

    #[test]
    fn reads_what_ssh_would_use() {
        let view = parse_ssh_g(SAMPLE);
        assert_eq!(view.user.as_deref(), Some("root"));
        assert_eq!(view.port.as_deref(), Some("2222"));
        assert_eq!(view.identity_files, ["/tmp/ck"]);
        assert!(view.identities_only);
        assert_eq!(parse_ssh_g(DEFAULTS).identity_files.len(), 4);
    }

    #[test]
    fn splits_command_lines_like_a_shell() {
        assert_eq!(
            words("ssh -F /dev/null -i 'my key' -o \"A=b c\""),
            ["ssh", "-F", "/dev/null", "-i", "my key", "-o", "A=b c"]
        );
        assert_eq!(words("  ssh  "), ["ssh"]);
        assert_eq!(words("ssh ''"), ["ssh", ""]);
    }
}
