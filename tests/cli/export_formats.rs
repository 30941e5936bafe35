//! The remote set as TOML, JSON or YAML (`export --format`), read back by `import` from any of them (by
//! extension, by content, from stdin), and the `--json` documents of both commands.

use crate::env::TestEnv;
use crate::settings::{fresh_clone, rich_set, the_set};

#[test]
fn every_format_exports_and_imports_into_a_fresh_clone_by_extension_and_by_content() {
    let env = TestEnv::new();
    rich_set(&env);
    env.multi(["push", "a"]).expect_code(0);
    let want = the_set(&env, &env.work);
    for (format, name, marker) in [
        ("toml", "set.toml", "[[remote]]"),
        ("json", "set.json", "\"remote\": ["),
        ("yaml", "set.yml", "remote:\n- name: a\n"),
    ] {
        // The extension chooses the format; --format says it outright on stdout.
        let file = env.root.join(name);
        env.multi(["export", "--output", file.to_str().unwrap()])
            .expect_code(0);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(marker), "{format}: {text}");
        let printed = env
            .multi(["export", "--format", format])
            .expect_code(0)
            .stdout;
        assert!(printed.contains(marker), "{format}: {printed}");
        if format == "json" {
            let parsed: serde_json::Value = serde_json::from_str(&printed).unwrap();
            assert_eq!(parsed["settings"]["primary"], "a");
        }

        // Into a fresh clone from the file (extension) and into another from stdin (content).
        let clone = fresh_clone(&env, &format!("clone-{format}"));
        env.multi_in(&clone, ["import", file.to_str().unwrap()])
            .expect_code(0);
        assert_eq!(the_set(&env, &clone), want, "{format} via file");
        let piped = fresh_clone(&env, &format!("piped-{format}"));
        let mut command = env.command(env!("CARGO_BIN_EXE_git-multi"), &piped);
        command.args(["import", "-"]);
        crate::env::Run::with_input(command, Some(&printed)).expect_code(0);
        assert_eq!(the_set(&env, &piped), want, "{format} via stdin");
    }
}

#[test]
fn a_yaml_file_with_a_mistake_is_refused_naming_the_format_and_the_key() {
    let env = TestEnv::new();
    let file = env.root.join("set.yaml");
    std::fs::write(&file, "remote:\n- name: a\n  url: /srv/a.git\n  urll: x\n").unwrap();
    let before = env.config_bytes();
    let run = env.multi(["import", file.to_str().unwrap()]).expect_code(2);
    assert!(
        run.stderr.contains("is not a remote set file: (yaml)") && run.stderr.contains("urll"),
        "{}",
        run.stderr
    );
    assert_eq!(env.config_bytes(), before);
    // --format overrides the extension: the same text read as TOML is refused as TOML.
    let run = env
        .multi(["import", "--format", "toml", file.to_str().unwrap()])
        .expect_code(2);
    assert!(run.stderr.contains("(toml)"), "{}", run.stderr);
}

#[test]
fn export_and_import_json_documents_have_ok_and_say_what_happened() {
    let env = TestEnv::new();
    rich_set(&env);
    // No --output: the document is all there is on stdout, with the set inside it.
    let doc = env.multi(["export", "--json"]).expect_code(0).json();
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["format"], "toml");
    assert_eq!(doc["output"], serde_json::Value::Null);
    assert_eq!(doc["remotes"], 3);
    assert_eq!(doc["set"]["remote"][1]["name"], "forge");
    let file = env.root.join("set.yaml");
    let doc = env
        .multi(["export", "--json", "--output", file.to_str().unwrap()])
        .expect_code(0)
        .json();
    assert_eq!(doc["format"], "yaml");
    assert_eq!(doc["output"], file.to_str().unwrap());
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("remote:\n"));

    let clone = fresh_clone(&env, "clone");
    let dry = env
        .multi_in(
            &clone,
            ["import", "--json", "--dry-run", file.to_str().unwrap()],
        )
        .expect_code(0)
        .json();
    assert_eq!(dry["ok"], true);
    assert_eq!(dry["format"], "yaml");
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["changed"], false);
    let changes: Vec<&str> = dry["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(
        changes.contains(&"add remote forge https://git.example.org/alice/demo.git"),
        "{changes:?}"
    );
    let done = env
        .multi_in(&clone, ["import", "--json", file.to_str().unwrap()])
        .expect_code(0)
        .json();
    assert_eq!(done["changed"], true);
    assert_eq!(done["changes"], dry["changes"]);
    let again = env
        .multi_in(&clone, ["import", "--json", file.to_str().unwrap()])
        .expect_code(0)
        .json();
    assert_eq!(again["changed"], false);
    assert_eq!(again["changes"], serde_json::json!([]));
    // A refused file is a JSON error document too.
    std::fs::write(env.root.join("bad.json"), "{\"remote\": 3}").unwrap();
    let bad = env
        .multi_in(
            &clone,
            [
                "import",
                "--json",
                env.root.join("bad.json").to_str().unwrap(),
            ],
        )
        .expect_code(2);
    assert_eq!(bad.json()["ok"], false);
}
