//! Reading git's `--progress` output: the latest `Phase: NN% (x/y), 1.20 MiB | 3.00 MiB/s` line as numbers,
//! and telling progress apart from messages.

/// One progress report of git's: the phase, its percentage, objects done of total, and for transfers the
/// bytes so far and the rate.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    pub phase: String,
    pub percent: u8,
    pub done: Option<u64>,
    pub total: Option<u64>,
    pub bytes: Option<u64>,
    /// Bytes per second.
    pub rate: Option<u64>,
}

impl Progress {
    /// `Writing objects 45%`: the phase and how far it is.
    pub fn short(&self) -> String {
        format!("{} {}%", self.phase, self.percent)
    }
}

/// The newest progress report in what git has written to stderr so far.
pub fn latest(stderr: &[u8]) -> Option<Progress> {
    let text = String::from_utf8_lossy(stderr);
    text.split(['\r', '\n']).rev().find_map(parse)
}

/// `Writing objects:  45% (9/20), 1.20 MiB | 3.00 MiB/s` → its numbers.
fn parse(segment: &str) -> Option<Progress> {
    let segment = segment
        .trim()
        .strip_prefix("remote: ")
        .unwrap_or(segment.trim());
    let (phase, rest) = segment.split_once(':')?;
    let rest = rest.trim_start();
    let percent: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if percent.is_empty() || !rest[percent.len()..].starts_with('%') || phase.is_empty() {
        return None;
    }
    let mut progress = Progress {
        phase: phase.trim().to_string(),
        percent: percent.parse().ok()?,
        ..Progress::default()
    };
    let after = &rest[percent.len() + 1..];
    if let Some(counts) = after
        .trim_start()
        .strip_prefix('(')
        .and_then(|c| c.split_once(')'))
    {
        if let Some((done, total)) = counts.0.split_once('/') {
            progress.done = done.trim().parse().ok();
            progress.total = total.trim().parse().ok();
        }
    }
    if let Some((_, transfer)) = after.split_once("), ") {
        let transfer = transfer.trim_end_matches(", done.");
        let (amount, rate) = match transfer.split_once(" | ") {
            Some((amount, rate)) => (amount, Some(rate)),
            None => (transfer, None),
        };
        progress.bytes = bytes(amount);
        progress.rate = rate.and_then(|r| bytes(r.trim_end_matches("/s")));
    }
    Some(progress)
}

/// `1.20 MiB`, `512 bytes`, `3.00 KiB` as bytes (git's units are binary).
fn bytes(text: &str) -> Option<u64> {
    let (number, unit) = text.trim().split_once(' ')?;
    let number: f64 = number.parse().ok()?;
    let scale = match unit.trim() {
        "bytes" | "byte" => 1.0,
        "KiB" => 1024.0,
        "MiB" => 1024.0 * 1024.0,
        "GiB" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    Some((number * scale).round() as u64)
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
        assert_eq!(
            latest(PUSH).map(|p| p.short()).as_deref(),
            Some("Resolving deltas 40%")
        );
        let writing = latest(b"Writing objects:  45% (9/20)").unwrap();
        assert_eq!(writing.short(), "Writing objects 45%");
        assert_eq!(
            (writing.done, writing.total, writing.bytes),
            (Some(9), Some(20), None)
        );
        assert_eq!(latest(b"fatal: unable to access 'x': 403"), None);
    }

    #[test]
    fn reads_bytes_and_rate_of_a_transfer() {
        let done = latest(b"Writing objects: 100% (2/2), 1.20 MiB | 3.00 MiB/s, done.").unwrap();
        assert_eq!(done.percent, 100);
        assert_eq!(done.bytes, Some(1_258_291));
        assert_eq!(done.rate, Some(3 * 1024 * 1024));
        let receiving =
            latest(b"Receiving objects:  12% (120/1000), 512.00 KiB | 256.00 KiB/s\r").unwrap();
        assert_eq!(receiving.bytes, Some(512 * 1024));
        assert_eq!(receiving.rate, Some(256 * 1024));
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
