//! `git multi doctor --fix`: repairs what is safe (the missing `remotes.multi`, stale lock files, a member never
//! fetched, a git-multi hook git would not run), says what it changed, and `doctor` then passes those checks.

use crate::env::TestEnv;

#[track_caller]
fn status_of(json: &serde_json::Value, name: &str) -> String {
    json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name} in {json:#}"))["status"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn doctor_fix_repairs_what_is_safe_and_doctor_then_passes() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["a", "b"]);
    env.multi(["push", "a"]).expect_code(0);
    // b has history this clone never fetched: no refs/remotes/b/… at all.
    env.git(["push", "-q", paths[1].to_str().unwrap(), "main"]);
    env.git(["config", "--unset", "remotes.multi"]);
    let lock = env.work.join(".git/refs/heads/stuck.lock");
    std::fs::write(&lock, "").unwrap();
    let old = env
        .command("touch", &env.work)
        .args(["-d", "10 minutes ago"])
        .arg(&lock)
        .status()
        .unwrap();
    assert!(old.success());
    env.multi(["hook", "install", "post-commit"]).expect_code(0);
    let hook = env.work.join(".git/hooks/post-commit");
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();

    let before = env.multi(["doctor", "--json"]).json();
    assert_eq!(status_of(&before, "set.group"), "fail");
    assert_eq!(status_of(&before, "locks"), "fail");
    assert_eq!(status_of(&before, "hooks"), "warn");

    let fixed = env.multi(["doctor", "--fix"]);
    let out = &fixed.stdout;
    assert!(
        out.contains("fixed  set.group  rewrote remotes.multi from the enabled members: a b"),
        "{out}"
    );
    assert!(
        out.contains("fixed  locks  removed") && out.contains("stuck.lock"),
        "{out}"
    );
    assert!(out.contains("fixed  remote.b.tracking  fetched b"), "{out}");
    assert!(
        out.contains("fixed  hooks  installed the post-commit hook again"),
        "{out}"
    );
    assert_eq!(env.read_config("remotes.multi").as_deref(), Some("a b"));
    assert!(!lock.exists());
    assert!(!env
        .git(["for-each-ref", "refs/remotes/b/"])
        .trim()
        .is_empty());

    let after = env.multi(["doctor", "--json"]).json();
    for name in ["set.group", "locks", "hooks"] {
        assert_eq!(status_of(&after, name), "ok", "{name}: {after:#}");
    }
    // Nothing left to fix; --json carries what was fixed.
    let again = env.multi(["doctor", "--fix", "--json"]).json();
    assert_eq!(again["fixed"], serde_json::json!([]));
    assert_eq!(again.as_object().unwrap().keys().next().unwrap(), "ok");
    let plain = env.multi(["doctor", "--fix"]);
    assert!(
        plain.stdout.starts_with("nothing to fix\n"),
        "{}",
        plain.stdout
    );
}

#[test]
fn doctor_fix_reinstalls_a_schedule_whose_git_multi_is_gone() {
    let mut env = TestEnv::new();
    env.add_local_remotes(&["a"]);
    let table = crate::schedule::fake_crontab(&mut env);
    env.multi(["schedule", "install", "--every", "1h", "--cron"])
        .expect_code(0);
    let exe_dir = std::path::Path::new(env!("CARGO_BIN_EXE_git-multi"))
        .parent()
        .unwrap()
        .display()
        .to_string();
    let installed = std::fs::read_to_string(&table).unwrap();
    assert!(installed.contains(&exe_dir), "{installed}");
    // The binary it ran from moved away: its directory is gone from the entry.
    std::fs::write(&table, installed.replace(&exe_dir, "/gone/bin")).unwrap();

    let fixed = env.multi(["doctor", "--fix"]);
    assert!(
        fixed.stdout.contains(
            "fixed  schedule  the cron schedule ran a git-multi that is gone; installed again"
        ),
        "{}",
        fixed.stdout
    );
    let now = std::fs::read_to_string(&table).unwrap();
    assert!(
        now.contains(&exe_dir) && !now.contains("/gone/bin"),
        "{now}"
    );
    assert_eq!(
        now.matches("git-multi managed: schedule").count(),
        1,
        "{now}"
    );
    let again = env.multi(["doctor", "--fix"]);
    assert!(
        again.stdout.starts_with("nothing to fix\n"),
        "{}",
        again.stdout
    );
}
