//! Reading git's `--progress` output: the latest `Phase: NN% (x/y)` line, and telling progress apart from
//! messages.

/// The newest progress report in what git has written to stderr so far, e.g. `Writing objects 45%`.
pub fn latest(stderr: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(stderr);
    text.split(['\r', '\n']).rev().find_map(parse)
}

/// `Writing objects:  45% (9/20), 1.2 MiB | 3 MiB/s` → `Writing objects 45%`.
fn parse(segment: &str) -> Option<String> {
    let segment = segment
        .trim()
        .strip_prefix("remote: ")
        .unwrap_or(segment.trim());
    let (phase, rest) = segment.split_once(':')?;
    let percent: String = rest
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if percent.is_empty()
        || !rest.trim_start()[percent.len()..].starts_with('%')
        || phase.is_empty()
    {
        return None;
    }
    Some(format!("{} {percent}%", phase.trim()))
}

/// Is this stderr line only progress (so not worth showing in an error)?
pub fn is_progress_line(line: &str) -> bool {
    let last = line.rsplit('\r').next().unwrap_or(line).trim();
    let body = last.strip_prefix("remote: ").unwrap_or(last).trim();
    parse(body).is_some()
        || body.starts_with("Total ")
        || body.starts_with("Delta compression using")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `git push --progress` stderr over smart HTTP (git 2.47.3), carriage returns as git writes them.
    const PUSH: &[u8] = b"Enumerating objects: 3, done.\nCounting objects:  33% (1/3)\rCounting objects: 100% (3/3), done.\nWriting objects:  50% (1/2)\rWriting objects: 100% (2/2), 1.20 MiB | 3.00 MiB/s, done.\nTotal 3 (delta 0), reused 0 (delta 0), pack-reused 0 (from 0)\nremote: Resolving deltas:  40% (2/5)\r";

    #[test]
    fn finds_the_newest_report() {
        assert_eq!(latest(PUSH).as_deref(), Some("Resolving deltas 40%"));
        assert_eq!(
            latest(b"Writing objects:  45% (9/20)").as_deref(),
            Some("Writing objects 45%")
        );
        assert_eq!(latest(b"fatal: unable to access 'x': 403"), None);
    }

    #[test]
    fn tells_progress_from_messages() {
        assert!(is_progress_line(
            "Counting objects:  33% (1/3)\rCounting objects: 100% (3/3), done."
        ));
        assert!(is_progress_line(
            "Total 3 (delta 0), reused 0 (delta 0), pack-reused 0 (from 0)"
        ));
        assert!(is_progress_line(
            "remote: Resolving deltas: 100% (5/5), done."
        ));
        assert!(!is_progress_line("remote: pushes are frozen"));
        assert!(!is_progress_line(
            "fatal: Authentication failed for 'http://h/r.git/'"
        ));
    }
}
