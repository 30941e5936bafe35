//! `refs` in words: what was added or removed, and the list of configured ref namespaces.

use serde::Serialize;

use crate::config::{MergeMode, Namespace};

pub fn added(namespace: &Namespace, before: Option<MergeMode>) {
    let text = match before {
        Some(old) => format!(
            "{}: merge mode changed from {} to {}\n",
            namespace.pattern,
            old.as_str(),
            namespace.merge.as_str()
        ),
        None => format!(
            "{}: carried to and from every remote (diverged copies: {})\n",
            namespace.pattern,
            namespace.merge.as_str()
        ),
    };
    super::out(&text);
}

pub fn unchanged(namespace: &Namespace) {
    super::out(&format!(
        "{}: already carried (diverged copies: {})\n",
        namespace.pattern,
        namespace.merge.as_str()
    ));
}

pub fn removed(pattern: &str) {
    super::out(&format!(
        "{pattern}: no longer carried (refs already pushed or fetched stay where they are)\n"
    ));
}

#[derive(Serialize)]
struct ListDocument<'a> {
    refs: &'a [Namespace],
}

/// `{"refs":[{"pattern","merge"}]}`, or one line per namespace.
pub fn list(namespaces: &[Namespace], json: bool) {
    if json {
        super::json(&ListDocument { refs: namespaces });
        return;
    }
    if namespaces.is_empty() {
        super::note(
            "no ref namespaces are carried; add one with `git multi refs add 'refs/git-mile/*'`",
        );
        return;
    }
    let rows: Vec<Vec<String>> = namespaces
        .iter()
        .map(|n| vec![n.pattern.clone(), n.merge.as_str().to_string()])
        .collect();
    super::table(&rows);
}
