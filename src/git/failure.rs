//! Reading git's stderr: what went wrong on a remote, in one line, and whether trying again can help.

/// Why a remote operation failed, as far as git's messages tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailureKind {
    /// Credentials were needed and none were given (no helper, prompts disabled).
    AuthRequired,
    /// Credentials or key were refused (HTTP 401, ssh publickey).
    AuthFailed,
    /// HTTP 403: authenticated but not allowed.
    Forbidden,
    /// The repository is not there (404, "does not appear to be a git repository").
    NotFound,
    /// The ssh host key is unknown or changed.
    HostKey,
    /// Nothing listens, or the host name does not resolve.
    Unreachable,
    /// The connection broke mid-way (reset, closed, early EOF).
    ConnectionLost,
    /// HTTP 5xx or 429: the host is unwell or throttling.
    ServerError,
    /// A ref was rejected (non-fast-forward, hook, protected branch).
    Rejected,
    /// Another update of the same ref got there first, between the remote's listing and its update (git's
    /// "cannot lock ref '…': is at X but expected Y"): a lost race, never a hook's or a protection's refusal.
    ConcurrentUpdate,
    /// Anything else.
    Other,
}

impl FailureKind {
    /// Transient failures are worth a bounded retry; rejections and auth failures never are.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            FailureKind::Unreachable | FailureKind::ConnectionLost | FailureKind::ServerError
        )
    }
}

/// Classifies git's stderr from a failed remote operation.
pub fn classify(stderr: &str) -> FailureKind {
    let text = stderr.to_ascii_lowercase();
    let has = |needle: &str| text.contains(needle);
    if has("host key verification failed") || has("remote host identification has changed") {
        FailureKind::HostKey
    } else if has("terminal prompts disabled")
        || has("could not read username")
        || has("could not read password")
        || has("unable to get password")
        || has("unable to get username")
    {
        FailureKind::AuthRequired
    } else if has("authentication failed")
        || has("permission denied (publickey")
        || has("returned error: 401")
        || has("invalid username or password")
    {
        FailureKind::AuthFailed
    } else if has("returned error: 403") || has("permission to") && has("denied") {
        FailureKind::Forbidden
    } else if has("returned error: 404")
        || has("does not appear to be a git repository")
        || has("no such repository")
        || has("repository not found")
        || has("not found")
    {
        FailureKind::NotFound
    } else if is_concurrent_update(&text) {
        FailureKind::ConcurrentUpdate
    } else if has("[rejected]")
        || has("[remote rejected]")
        || has("non-fast-forward")
        || has("pre-receive hook declined")
    {
        FailureKind::Rejected
    } else if has("returned error: 5") || has("returned error: 429") || has("rpc failed; http 5") {
        FailureKind::ServerError
    } else if has("connection refused")
        || has("couldn't connect to server")
        || has("could not resolve host")
        || has("could not resolve hostname")
        || has("name or service not known")
        || has("no route to host")
        || has("network is unreachable")
        || has("connection timed out")
        || has("operation timed out")
    {
        FailureKind::Unreachable
    } else if has("connection reset")
        || has("connection closed")
        || has("the remote end hung up")
        || has("early eof")
        || has("unexpected disconnect")
        || has("empty reply from server")
        || has("rpc failed")
        || has("kex_exchange_identification")
        || has("broken pipe")
        || has("transfer closed")
    {
        FailureKind::ConnectionLost
    } else {
        FailureKind::Other
    }
}

/// Whether git's (or a server's) message says a ref moved under an update that expected its old tip: receive-pack's
/// `cannot lock ref 'refs/heads/main': is at <X> but expected <Y>`, when another push updated it in between.
pub fn is_concurrent_update(text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    text.lines()
        .any(|l| l.contains("cannot lock ref") && l.contains("but expected"))
}

/// The lock file of the ref `name` when git's (or a server's) line says the ref could not be updated because
/// that file exists (`cannot lock ref '<name>': Unable to create '<path>.lock': File exists.`): another update
/// of it is under way at this moment, or one was stopped there without removing it.
pub fn locked_ref_file(line: &str, name: &str) -> Option<String> {
    let rest = line.split_once(&format!("cannot lock ref '{name}'"))?.1;
    let path = rest.split_once("Unable to create '")?.1;
    let path = path.split_once("': File exists")?.0;
    path.ends_with(".lock").then(|| path.replace("/./", "/"))
}

/// git's boilerplate that follows the real reason and adds nothing.
const BOILERPLATE: [&str; 4] = [
    "fatal: could not read from remote repository.",
    "please make sure you have the correct access rights",
    "and the repository exists.",
    "error: failed to push some refs to",
];

/// The informative part of git's stderr as one line: `fatal: `/`error: ` prefixes dropped, boilerplate
/// removed, a message git split over two lines joined again.
pub fn summary(stderr: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for line in stderr.lines().map(str::trim) {
        if line.is_empty()
            || line.starts_with("hint:")
            || super::progress::is_progress_line(line)
            || BOILERPLATE
                .iter()
                .any(|b| line.to_ascii_lowercase().starts_with(b))
        {
            continue;
        }
        let line = line
            .strip_prefix("fatal: ")
            .or_else(|| line.strip_prefix("error: "))
            .unwrap_or(line);
        match parts.last_mut() {
            Some(previous) if previous.ends_with(':') => {
                previous.push(' ');
                previous.push_str(line);
            }
            _ => parts.push(line.to_string()),
        }
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // Captured from git 2.47.3 with LC_ALL=C and GIT_TERMINAL_PROMPT=0.
    const MISSING_PATH: &str = "fatal: '/tmp/cap/nope' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n";
    const HTTP_REFUSED: &str = "fatal: unable to access 'http://127.0.0.1:9/x.git/': Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server\n";
    const DAEMON_REFUSED: &str = "fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused\n\n";
    const SSH_REFUSED: &str = "ssh: connect to host 127.0.0.1 port 9: Connection refused\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n";
    const HTTP_NO_CREDENTIALS: &str =
        "fatal: could not read Username for 'http://127.0.0.1:38211': terminal prompts disabled\n";
    /// git ≥ 2.46 with `credential.interactive=false` and no helper.
    const HTTP_NO_CREDENTIALS_NONINTERACTIVE: &str = "fatal: unable to get password from user\n";
    const HTTP_WRONG_PASSWORD: &str =
        "fatal: Authentication failed for 'http://127.0.0.1:38211/r.git/'\n";
    const HTTP_403: &str = "fatal: unable to access 'http://127.0.0.1:38211/r.git/': The requested URL returned error: 403\n";
    const HTTP_500: &str = "fatal: unable to access 'http://127.0.0.1:38211/r.git/': The requested URL returned error: 500\n";
    const DAEMON_MISSING: &str = "fatal: remote error: no such repository: /nope.git\n";
    const SSH_HOST_KEY: &str = "Host key verification failed.\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n";
    const SSH_DENIED: &str = "root@127.0.0.1: Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n";
    const FF_ONLY_DIVERGED: &str = "hint: Diverging branches can't be fast-forwarded, you need to either:\nhint:\nhint: \tgit merge --no-ff\nhint:\nhint: or:\nhint:\nhint: \tgit rebase\nhint:\nhint: Disable this message with \"git config advice.diverging false\"\nfatal: Not possible to fast-forward, aborting.\n";
    /// A push that lost a race on a local bare repository: its porcelain line said `[remote rejected] (failed to
    /// update ref)`, and stderr (git 2.47.3):
    const LOST_RACE: &str = "remote: error: cannot lock ref 'refs/heads/main': is at 3d3c3e50df001702de330fdfe1c6101d9058ab78 but expected c1f2ac532c2a48aaa8b5c6054f7ce8f2be4ac2ad        \nerror: failed to push some refs to '../r.git'\n";
    /// The same push while the remote's `refs/heads/main.lock` exists (git 2.47.3).
    const REF_LOCKED: &str = "remote: error: cannot lock ref 'refs/heads/main': Unable to create '/tmp/cap/r.git/./refs/heads/main.lock': File exists.        \nremote: \nremote: Another git process seems to be running in this repository, e.g.        \nremote: an editor opened by 'git commit'. Please make sure all processes        \nremote: are terminated then try again. If it still fails, a git process        \nremote: may have crashed in this repository earlier:        \nremote: remove the file manually to continue.        \nerror: failed to push some refs to '../r.git'\n";
    const HELPER_MISSING: &str = "git: 'remote-zz' is not a git command. See 'git --help'.\n\nThe most similar command is\n\tremote-fd\nfatal: remote helper 'zz' aborted session\n";

    #[test]
    fn classifies_real_messages() {
        let cases = [
            (MISSING_PATH, FailureKind::NotFound),
            (HTTP_REFUSED, FailureKind::Unreachable),
            (DAEMON_REFUSED, FailureKind::Unreachable),
            (SSH_REFUSED, FailureKind::Unreachable),
            (HTTP_NO_CREDENTIALS, FailureKind::AuthRequired),
            (
                HTTP_NO_CREDENTIALS_NONINTERACTIVE,
                FailureKind::AuthRequired,
            ),
            (HTTP_WRONG_PASSWORD, FailureKind::AuthFailed),
            (HTTP_403, FailureKind::Forbidden),
            (HTTP_500, FailureKind::ServerError),
            (DAEMON_MISSING, FailureKind::NotFound),
            (SSH_HOST_KEY, FailureKind::HostKey),
            (SSH_DENIED, FailureKind::AuthFailed),
            (HELPER_MISSING, FailureKind::Other),
            (LOST_RACE, FailureKind::ConcurrentUpdate),
        ];
        for (stderr, want) in cases {
            assert_eq!(classify(stderr), want, "{stderr}");
        }
    }

    #[test]
    fn a_lost_race_is_told_from_a_lock_file_in_the_way() {
        assert!(is_concurrent_update(LOST_RACE));
        assert!(!is_concurrent_update(REF_LOCKED));
        let locked = |text: &str, name: &str| text.lines().find_map(|l| locked_ref_file(l, name));
        assert!(locked(REF_LOCKED, "refs/heads/mai").is_none());
        assert!(locked(LOST_RACE, "refs/heads/main").is_none());
        assert_eq!(
            REF_LOCKED
                .lines()
                .find_map(|l| locked_ref_file(l, "refs/heads/main"))
                .as_deref(),
            Some("/tmp/cap/r.git/refs/heads/main.lock")
        );
        assert!(!classify(LOST_RACE).is_transient());
    }

    #[test]
    fn only_connection_and_server_trouble_is_transient() {
        assert!(classify(HTTP_500).is_transient());
        assert!(classify(HTTP_REFUSED).is_transient());
        assert!(!classify(HTTP_WRONG_PASSWORD).is_transient());
        assert!(!classify(HTTP_403).is_transient());
        assert!(!classify(MISSING_PATH).is_transient());
    }

    #[test]
    fn summarises_to_the_reason() {
        assert_eq!(
            summary(MISSING_PATH),
            "'/tmp/cap/nope' does not appear to be a git repository"
        );
        assert_eq!(
            summary(DAEMON_REFUSED),
            "unable to connect to 127.0.0.1: 127.0.0.1[0: 127.0.0.1]: errno=Connection refused"
        );
        assert_eq!(
            summary(SSH_REFUSED),
            "ssh: connect to host 127.0.0.1 port 9: Connection refused"
        );
        assert_eq!(summary(SSH_HOST_KEY), "Host key verification failed.");
        assert_eq!(summary(""), "");
        assert_eq!(
            summary(FF_ONLY_DIVERGED),
            "Not possible to fast-forward, aborting."
        );
    }
}
