//! git's stderr kept within a fixed size while it streams in: the first and the last bytes, with a count of
//! what was left out between them. A server (or its hooks) can print any amount; what we keep, print, put in
//! JSON and write to the audit log stays small, and memory with it.

use std::collections::VecDeque;
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Bytes kept from the start of the output (git's own first words, a hook's first lines).
pub const HEAD: usize = 16 * 1024;
/// Bytes kept from the end (the error that ended it, the latest progress).
pub const TAIL: usize = 16 * 1024;

/// The head and tail of a stream, and how much of it was dropped in between.
#[derive(Debug, Default)]
pub struct Bounded {
    head: Vec<u8>,
    tail: VecDeque<u8>,
    omitted: u64,
}

impl Bounded {
    pub fn push(&mut self, mut bytes: &[u8]) {
        let room = HEAD - self.head.len();
        if room > 0 {
            let take = room.min(bytes.len());
            self.head.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
        }
        // More than the tail can hold: only its end counts.
        if bytes.len() > TAIL {
            let drop = bytes.len() - TAIL;
            self.omitted += (self.tail.len() + drop) as u64;
            self.tail.clear();
            bytes = &bytes[drop..];
        }
        self.tail.extend(bytes);
        let over = self.tail.len().saturating_sub(TAIL);
        if over > 0 {
            self.tail.drain(..over);
            self.omitted += over as u64;
        }
    }

    /// The last `n` bytes seen (for live progress: the latest `\r`-separated line is in them).
    pub fn recent(&self, n: usize) -> Vec<u8> {
        let from_tail: Vec<u8> = self.tail.iter().copied().collect();
        if from_tail.len() >= n || self.omitted > 0 {
            return from_tail[from_tail.len().saturating_sub(n)..].to_vec();
        }
        let mut all = self.head.clone();
        all.extend(from_tail);
        all[all.len().saturating_sub(n)..].to_vec()
    }

    /// What was kept as text: all of it, or the head, `… N bytes omitted …` and the tail from a line start.
    pub fn text(&self) -> String {
        let mut tail: Vec<u8> = self.tail.iter().copied().collect();
        if self.omitted == 0 {
            let mut all = self.head.clone();
            all.extend(tail);
            return String::from_utf8_lossy(&all).into_owned();
        }
        // Whole lines on both sides of the gap; the partial lines cut off count as omitted.
        let mut omitted = self.omitted;
        let mut head = self.head.as_slice();
        match head.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                omitted += (head.len() - last - 1) as u64;
                head = &head[..=last];
            }
            None => {
                head = &[];
                omitted += self.head.len() as u64;
            }
        }
        if let Some(newline) = tail.iter().position(|&b| b == b'\n') {
            omitted += newline as u64 + 1;
            tail.drain(..=newline);
        }
        format!(
            "{}{}\n{}",
            String::from_utf8_lossy(head),
            omitted_line(omitted),
            String::from_utf8_lossy(&tail)
        )
    }
}

/// The line that stands for what was left out.
fn omitted_line(bytes: u64) -> String {
    format!("… {bytes} bytes omitted …")
}

/// Whether `line` is the one that stands for left-out output (kept wherever the server's lines are picked out).
pub fn is_omitted_line(line: &str) -> bool {
    line.starts_with("… ") && line.ends_with(" bytes omitted …")
}

/// A stream read into a [`Bounded`] on a thread of its own, as it arrives.
pub struct Collector {
    kept: Arc<Mutex<Bounded>>,
    done: std::sync::mpsc::Receiver<()>,
}

impl Collector {
    pub fn start(mut stream: impl Read + Send + 'static) -> Collector {
        let kept = Arc::new(Mutex::new(Bounded::default()));
        let (tx, done) = std::sync::mpsc::channel();
        let shared = Arc::clone(&kept);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = stream.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                shared
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(&buffer[..n]);
            }
            let _ = tx.send(());
        });
        Collector { kept, done }
    }

    pub fn recent(&self, n: usize) -> Vec<u8> {
        self.kept
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .recent(n)
    }

    /// The text once the stream ends. A grandchild that keeps git's stderr open (an ssh master left running)
    /// must not hold the command up: after `linger` whatever arrived is the text.
    pub fn finish(self, linger: Duration) -> String {
        let until = Instant::now() + linger;
        let _ = self
            .done
            .recv_timeout(until.saturating_duration_since(Instant::now()));
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_output_is_kept_whole() {
        let mut b = Bounded::default();
        b.push(b"remote: hello\n");
        b.push(b"error: failed to push\n");
        assert_eq!(b.text(), "remote: hello\nerror: failed to push\n");
    }

    #[test]
    fn large_output_keeps_its_ends_and_counts_the_rest() {
        let mut b = Bounded::default();
        let line =
            b"remote: 0123456789012345678901234567890123456789012345678901234567890123456789\n";
        let lines = 400_000 / line.len() + 1;
        for _ in 0..lines {
            b.push(line);
        }
        b.push(b"error: the end\n");
        let text = b.text();
        let total = lines * line.len() + b"error: the end\n".len();
        assert!(text.len() <= HEAD + TAIL + 64, "{}", text.len());
        assert!(text.starts_with("remote: 0123"));
        assert!(text.ends_with("error: the end\n"));
        let omitted: usize = text
            .split("… ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
            .unwrap()
            .parse()
            .unwrap();
        let kept = text.replace(&format!("… {omitted} bytes omitted …\n"), "");
        assert_eq!(kept.len() + omitted, total, "every byte is kept or counted");
        // Whole lines on both sides of the gap.
        assert!(text.contains("\n… ") && text.contains("omitted …\nremote: 0123"));
        assert!(text.lines().any(is_omitted_line));
    }

    #[test]
    fn one_huge_write_is_bounded_too() {
        let mut b = Bounded::default();
        b.push(&vec![b'x'; 1_000_000]);
        assert!(b.text().len() < HEAD + TAIL + 64);
        assert_eq!(b.recent(10), vec![b'x'; 10]);
    }
}
