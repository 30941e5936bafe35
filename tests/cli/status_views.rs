//! `status --detailed` (per remote: state, ahead/behind, last fetch and push, host) and `--failed-only` (only
//! what is not in sync or not reachable), as text (snapshots) and JSON.

use crate::env::TestEnv;

/// Times and temp paths made stable: `2026-12-04 05:20` → `YYYY-MM-DD hh:mm`, the test's root → `<root>`.
fn stable(env: &TestEnv, text: &str) -> String {
    let text = text.replace(env.root.to_str().unwrap(), "<root>");
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    let shape = b"dddd-dd-dd dd:dd";
    while i < bytes.len() {
        let fits = bytes.len() - i >= shape.len()
            && shape.iter().zip(&bytes[i..]).all(|(s, b)| match s {
                b'd' => b.is_ascii_digit(),
                s => s == b,
            });
        if fits {
            out.push_str("YYYY-MM-DD hh:mm");
            i += shape.len();
        } else {
            out.push(bytes[i] as char);
            i += 1;
        }
    }
    out
}

/// a in sync, b lacking a commit, c unreachable.
fn three_ways() -> TestEnv {
    let env = TestEnv::new();
    env.add_local_remotes(&["a", "b"]);
    let gone = env.root.join("hosts/c.git");
    env.multi(["remote", "add", "c", gone.to_str().unwrap()])
        .expect_code(0);
    env.multi(["push", "a", "b"]).expect_code(0);
    env.commit("second");
    env.multi(["push", "a"]).expect_code(0);
    env
}

#[test]
fn detailed_shows_each_remote() {
    let env = three_ways();
    let run = env.multi(["status", "--detailed"]).expect_code(1);
    insta::assert_snapshot!("status_detailed", stable(&env, &run.stdout));
    let json = env
        .multi(["status", "--detailed", "--json"])
        .expect_code(1)
        .json();
    assert_eq!(json["ok"], false);
    let detailed = json["detailed"].as_array().unwrap();
    assert_eq!(detailed.len(), 3);
    assert_eq!(detailed[0]["name"], "a");
    assert_eq!(detailed[0]["state"], "in-sync");
    assert!(detailed[0]["last_push"].is_string(), "{json}");
    assert_eq!(detailed[1]["state"], "out-of-sync");
    assert_eq!(detailed[1]["ahead"], 1);
    assert_eq!(detailed[1]["behind"], 0);
    assert_eq!(detailed[2]["state"], "unreachable");
    assert!(detailed[2]["ahead"].is_null());
    assert!(detailed[2]["error"].is_string());
    assert!(detailed[2]["last_fetch"].is_null());
}

#[test]
fn failed_only_leaves_out_what_is_in_sync() {
    let env = three_ways();
    let run = env.multi(["status", "--failed-only"]).expect_code(1);
    insta::assert_snapshot!("status_failed_only", stable(&env, &run.stdout));
    assert!(
        !run.stdout.lines().next().unwrap().contains(" a "),
        "{}",
        run.stdout
    );
    let json = env
        .multi(["status", "--failed-only", "--json"])
        .expect_code(1)
        .json();
    let names: Vec<&str> = json["remotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["b", "c"]);
    assert!(json["refs"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["remote"] == "b" && r["state"] != "in-sync"));
    let both = env
        .multi(["status", "--failed-only", "--detailed"])
        .expect_code(1);
    insta::assert_snapshot!("status_failed_only_detailed", stable(&env, &both.stdout));

    // All well: says so.
    env.multi(["remote", "remove", "c"]).expect_code(0);
    env.multi(["push"]).expect_code(0);
    let fine = env.multi(["status", "--failed-only"]).expect_code(0);
    assert_eq!(
        fine.stdout,
        "everything in sync on the 2 remotes compared\n"
    );
}

#[test]
fn detailed_last_fetch_comes_from_the_tracking_refs() {
    let env = TestEnv::new();
    let paths = env.add_local_remotes(&["a"]);
    env.multi(["push"]).expect_code(0);
    env.push_foreign(&paths[0], "main", "theirs");
    let before = env.multi(["status", "--detailed", "--json"]).json();
    assert!(before["detailed"][0]["last_fetch"].is_null(), "{before}");
    env.multi(["fetch"]).expect_code(0);
    let after = env.multi(["status", "--detailed", "--json"]).json();
    // The fetch moved refs/remotes/a/main: its reflog has the (fixed) committer date of the test.
    assert!(after["detailed"][0]["last_fetch"].is_string(), "{after}");
    assert_eq!(after["detailed"][0]["behind"], 1);
}
