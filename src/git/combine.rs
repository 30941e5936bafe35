//! Combining commits without a work tree: writing a commit object exactly as given (so its id depends on
//! nothing but its content), merging two commits' trees with `git merge-tree --write-tree`, and merging notes
//! refs with git's notes machinery.

use super::{Git, GitError};

/// A commit to write, every field fixed by the caller: no identity, date, hook or signing setting of the
/// user's can change its id, so two repositories writing the same spec get the same commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitSpec {
    pub tree: String,
    pub parents: Vec<String>,
    /// `Name <email> <seconds> <zone>`, as in a commit object (see [`Git::ident`] for the user's).
    pub author: String,
    pub committer: String,
    pub message: String,
}

impl CommitSpec {
    /// The raw commit object, as `git cat-file commit` would show it.
    fn object(&self) -> String {
        let mut text = format!("tree {}\n", self.tree);
        for parent in &self.parents {
            text.push_str(&format!("parent {parent}\n"));
        }
        text.push_str(&format!("author {}\n", self.author));
        text.push_str(&format!("committer {}\n", self.committer));
        text.push('\n');
        text.push_str(&self.message);
        if !self.message.ends_with('\n') {
            text.push('\n');
        }
        text
    }
}

/// The two people a commit names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Author,
    Committer,
}

/// The result of merging two commits' trees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergedTree {
    Clean(String),
    /// The paths that conflicted; nothing usable was written.
    Conflicts(Vec<String>),
}

impl Git {
    /// Writes `spec` as a commit object (`git hash-object -t commit -w`, which checks its format) and gives
    /// its id. Nothing points at it until a ref is set.
    pub fn write_commit(&self, spec: &CommitSpec) -> Result<String, GitError> {
        let output = self
            .command(["hash-object", "-t", "commit", "-w", "--stdin"])
            .stdin(spec.object().into_bytes())
            .run()?;
        Ok(output.stdout.trim().to_string())
    }

    /// Writes every spec as a commit object in one `git hash-object --stdin-paths` (each object from a file of
    /// its own in a temporary directory) and gives their ids in the same order.
    pub fn write_commits(&self, specs: &[CommitSpec]) -> Result<Vec<String>, GitError> {
        if specs.is_empty() {
            return Ok(Vec::new());
        }
        let spawn_error = |source| GitError::Spawn {
            command: "git hash-object --stdin-paths".to_string(),
            source,
        };
        let dir = tempfile::tempdir().map_err(spawn_error)?;
        let mut paths = String::new();
        for (i, spec) in specs.iter().enumerate() {
            let path = dir.path().join(i.to_string());
            std::fs::write(&path, spec.object()).map_err(spawn_error)?;
            paths.push_str(&format!("{}\n", path.display()));
        }
        let output = self
            .command(["hash-object", "-t", "commit", "-w", "--stdin-paths"])
            .stdin(paths.into_bytes())
            .run()?;
        let oids: Vec<String> = output.stdout.lines().map(str::to_string).collect();
        if oids.len() != specs.len() {
            return Err(GitError::Failed {
                command: "git hash-object --stdin-paths".to_string(),
                code: output.code,
                stderr: format!(
                    "error: {} commits written for {} asked\n",
                    oids.len(),
                    specs.len()
                ),
            });
        }
        Ok(oids)
    }

    /// Who git would say wrote (`Author`) or committed (`Committer`) a commit made now: `git var
    /// GIT_AUTHOR_IDENT`, from `user.name`/`user.email`, `GIT_AUTHOR_*`/`GIT_COMMITTER_*` and the date, as
    /// `Name <email> <seconds> <zone>`. With no identity configured, git's own "Please tell me who you are".
    pub fn ident(&self, role: Role) -> Result<String, GitError> {
        let variable = match role {
            Role::Author => "GIT_AUTHOR_IDENT",
            Role::Committer => "GIT_COMMITTER_IDENT",
        };
        let output = self.command(["var", variable]).run()?;
        Ok(output.stdout.trim_end().to_string())
    }

    /// Whether every file in `commit`'s tree is a note: its path, slashes (git's fan-out) taken out, is an
    /// object id. git's notes merge only knows notes; any other file in the tree it would silently drop.
    pub fn holds_only_notes(&self, commit: &str) -> Result<bool, GitError> {
        let output = self
            .command(["ls-tree", "-r", "-z", "--name-only", commit])
            .run()?;
        Ok(output
            .stdout
            .split('\0')
            .filter(|p| !p.is_empty())
            .all(is_note_path))
    }

    /// Whether this git has `merge-tree --write-tree` (2.38 or newer).
    pub fn can_merge_trees(&self) -> bool {
        self.version >= super::version::MERGE_TREE_WRITE_TREE
    }

    /// Merges the trees of commits `ours` and `theirs` over their merge base, in the object database only
    /// (`git merge-tree --write-tree`, git 2.38 or newer).
    pub fn merge_tree(&self, ours: &str, theirs: &str) -> Result<MergedTree, GitError> {
        let output = self
            .command([
                "merge-tree",
                "--write-tree",
                "--name-only",
                "--no-messages",
                "-z",
                ours,
                theirs,
            ])
            // 1 means "conflicts", reported in the output; anything else is a failure.
            .run_accepting(|o| matches!(o.code, Some(0 | 1)))?;
        Ok(parse_merge_tree(&output.stdout, output.success()))
    }

    /// Merges the notes commit `other` into the notes ref `notes_ref` with the `cat_sort_uniq` strategy: notes
    /// on the same object are concatenated, sorted and deduplicated, so no merge ever conflicts. The merge
    /// commit git writes carries a fixed identity so it works without `user.name`.
    pub fn notes_merge(&self, notes_ref: &str, other: &str) -> Result<(), GitError> {
        self.command([
            "notes",
            "--ref",
            notes_ref,
            "merge",
            "--strategy=cat_sort_uniq",
            "--quiet",
            other,
        ])
        .config("user.name", "git-multi")
        .config("user.email", "git-multi@localhost")
        .run()
        .map(drop)
    }
}

/// A path in a notes tree: an object id (40 or 64 hex digits), maybe split by fan-out slashes (`ab/cdef…`).
fn is_note_path(path: &str) -> bool {
    let hex: String = path.chars().filter(|&c| c != '/').collect();
    matches!(hex.len(), 40 | 64) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// `git merge-tree --write-tree --name-only -z` output: the tree id, then (on conflicts) one path per entry.
fn parse_merge_tree(stdout: &str, clean: bool) -> MergedTree {
    let mut fields = stdout.split('\0');
    let tree = fields.next().unwrap_or("").trim().to_string();
    if clean {
        return MergedTree::Clean(tree);
    }
    let mut paths: Vec<String> = fields
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    paths.dedup();
    MergedTree::Conflicts(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    // git 2.47.3 `git merge-tree --write-tree --name-only --no-messages -z`: a clean merge, and one where both
    // sides changed `f`.
    const CLEAN: &str = "73e0228d1b9b89b8ebad2e9e0533aa416ecfab7e\0";
    const CONFLICT: &str = "563f7beb26c936279e139a0e26e5e84c7a7e8379\0f\0";

    #[test]
    fn note_paths_are_object_ids_with_fan_out() {
        assert!(is_note_path("4b825dc642cb6eb9a060e54bf8d69288fbee4904"));
        assert!(is_note_path("4b/825dc642cb6eb9a060e54bf8d69288fbee4904"));
        assert!(!is_note_path("tasks/T1.json"));
        assert!(!is_note_path("a.txt"));
    }

    #[test]
    fn parses_merge_tree_output() {
        assert_eq!(
            parse_merge_tree(CLEAN, true),
            MergedTree::Clean("73e0228d1b9b89b8ebad2e9e0533aa416ecfab7e".into())
        );
        assert_eq!(
            parse_merge_tree(CONFLICT, false),
            MergedTree::Conflicts(vec!["f".into()])
        );
    }

    #[test]
    fn commit_objects_are_exactly_what_was_asked() {
        let spec = CommitSpec {
            tree: "4b825dc642cb6eb9a060e54bf8d69288fbee4904".into(),
            parents: vec!["a".repeat(40), "b".repeat(40)],
            author: "git-multi <git-multi@localhost> 1767225600 +0000".into(),
            committer: "git-multi <git-multi@localhost> 1767225600 +0000".into(),
            message: "union".into(),
        };
        assert_eq!(
            spec.object(),
            format!(
                "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent {}\nparent {}\nauthor git-multi <git-multi@localhost> 1767225600 +0000\ncommitter git-multi <git-multi@localhost> 1767225600 +0000\n\nunion\n",
                "a".repeat(40),
                "b".repeat(40)
            )
        );
    }
}
