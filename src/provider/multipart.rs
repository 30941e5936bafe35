//! `multipart/form-data` with one file field: how Gitea/Forgejo take release attachments and Bitbucket takes
//! downloads.

/// The content type and body of a form holding `bytes` as the file `file_name` in `field`.
pub fn form(field: &str, file_name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = boundary(bytes);
    // A quote or line break in a file name would end the header early; hosts take the name as given otherwise.
    let safe: String = file_name
        .chars()
        .map(|c| if c == '"' || c.is_control() { '_' } else { c })
        .collect();
    let mut body = Vec::with_capacity(bytes.len() + 256);
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{safe}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A boundary that does not occur in the file (the form would end inside it otherwise).
fn boundary(bytes: &[u8]) -> String {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    (0u32..)
        .map(|n| format!("git-multi-{seed:x}-{n}"))
        .find(|b| !bytes.windows(b.len()).any(|w| w == b.as_bytes()))
        .expect("some boundary is absent from a finite file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_field_between_boundaries() {
        let (content_type, body) = form("attachment", "a\"b.tar.gz", b"DATA");
        let boundary = content_type.split("boundary=").nth(1).unwrap();
        let text = String::from_utf8(body).unwrap();
        assert!(text.starts_with(&format!("--{boundary}\r\n")));
        assert!(text.contains("name=\"attachment\"; filename=\"a_b.tar.gz\""));
        assert!(text.ends_with(&format!("\r\n\r\nDATA\r\n--{boundary}--\r\n")));
    }
}
