//! `push --recurse-submodules=check|on-demand` goes to every `git push`: `check` refuses a superproject commit
//! whose submodule commit no remote has (on every member, nothing pushed); `on-demand` pushes the submodule
//! first, to the submodule's remote of the same name as each member (one submodule copy per host).

use crate::env::TestEnv;

#[test]
fn recurse_submodules_passes_through_to_every_push() {
    let env = TestEnv::new();
    env.git(["config", "--global", "protocol.file.allow", "always"]);
    let origin = env.bare("lib.git");
    let seed = env.root.join("lib-seed");
    env.git_in(&env.root, ["init", "-q", seed.to_str().unwrap()]);
    env.git_in(&seed, ["commit", "-q", "--allow-empty", "-m", "lib begins"]);
    env.git_in(&seed, ["push", "-q", origin.to_str().unwrap(), "main"]);
    env.git(["submodule", "add", "-q", origin.to_str().unwrap(), "lib"]);
    env.git(["commit", "-q", "-m", "add lib"]);
    let hosts = env.add_local_remotes(&["a", "b"]);
    let lib = env.work.join("lib");
    // Each host keeps its own copy of the submodule, under the member's name.
    let copies: Vec<_> = ["a", "b"]
        .iter()
        .map(|name| {
            let copy = env.bare(&format!("{name}-lib.git"));
            env.git_in(&lib, ["remote", "add", name, copy.to_str().unwrap()]);
            copy
        })
        .collect();
    env.multi(["push", "--recurse-submodules=on-demand"])
        .expect_code(0);

    // A submodule commit that no remote has yet.
    env.git_in(
        &lib,
        ["commit", "-q", "--allow-empty", "-m", "lib moves on"],
    );
    let moved = env.git_in(&lib, ["rev-parse", "HEAD"]);
    env.git(["commit", "-q", "-am", "bump lib"]);
    let before: Vec<String> = hosts
        .iter()
        .map(|h| env.git_in(h, ["rev-parse", "refs/heads/main"]))
        .collect();

    let json = env
        .multi(["push", "--recurse-submodules=check", "--json"])
        .expect_code(1)
        .json();
    for name in ["a", "b"] {
        let r = crate::env::outcome(&json, name);
        assert_eq!(r["status"], "failed", "{r}");
        assert!(
            r["error"]
                .as_str()
                .unwrap()
                .contains("submodule paths contain changes"),
            "{r}"
        );
    }
    for (host, old) in hosts.iter().zip(&before) {
        assert_eq!(&env.git_in(host, ["rev-parse", "refs/heads/main"]), old);
    }

    env.multi(["push", "--recurse-submodules=on-demand"])
        .expect_code(0);
    let head = env.git(["rev-parse", "HEAD"]);
    for (host, copy) in hosts.iter().zip(&copies) {
        assert_eq!(env.git_in(host, ["rev-parse", "refs/heads/main"]), head);
        assert_eq!(env.git_in(copy, ["rev-parse", "refs/heads/main"]), moved);
    }
}
