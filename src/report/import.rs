//! What `import` changed (or would change under `--dry-run`): one line per write.

/// `changes` are the writes in words (`add remote gh https://…`, `gh: provider github`).
pub fn plan(changes: &[&str], dry_run: bool) {
    if changes.is_empty() {
        super::out("nothing to change: this clone already has the file's remote set\n");
        return;
    }
    let mut text = String::from(if dry_run {
        "would change:\n"
    } else {
        "changed:\n"
    });
    for change in changes {
        text.push_str(&format!("  {change}\n"));
    }
    text.push_str(&format!(
        "{} change(s){}\n",
        changes.len(),
        if dry_run {
            ", none made (--dry-run)"
        } else {
            ""
        }
    ));
    super::out(&text);
}
