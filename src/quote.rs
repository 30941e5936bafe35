//! Shell quoting for the commands we print (hints, generated scripts): what a user copies into a shell must run
//! with the same arguments, whatever a path, branch or remote name holds.

use std::borrow::Cow;

/// `s` as one POSIX shell word: unchanged when the shell would not touch it, else in single quotes.
pub fn word(s: &str) -> Cow<'_, str> {
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-+=:@,%".contains(&b))
    {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(format!("'{}'", s.replace('\'', r"'\''")))
    }
}

/// Anything shown (a path's `display()`, a name) as one shell word.
pub fn shown(value: impl std::fmt::Display) -> String {
    word(&value.to_string()).into_owned()
}

/// A command line from its words, each quoted as [`word`] does; `<placeholders>` stay as they are, since the
/// user replaces them.
pub fn command(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| {
            let placeholder = w.len() > 2 && w.starts_with('<') && w.ends_with('>');
            if placeholder {
                Cow::Borrowed(*w)
            } else {
                word(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_the_shell_would_touch() {
        assert_eq!(word("/usr/bin"), "/usr/bin");
        assert_eq!(word("/a b/it's"), r"'/a b/it'\''s'");
        assert_eq!(word(""), "''");
        assert_eq!(word("feat;rm"), "'feat;rm'");
        assert_eq!(word("$HOME"), "'$HOME'");
    }

    #[test]
    fn commands_keep_their_placeholders() {
        assert_eq!(
            command(&["git", "multi", "remote", "set-url", "my$x", "<url>"]),
            "git multi remote set-url 'my$x' <url>"
        );
        assert_eq!(
            command(&["git", "init", "--bare", "/srv/my repos/a.git"]),
            "git init --bare '/srv/my repos/a.git'"
        );
    }
}
