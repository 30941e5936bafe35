//! Convergence under churn: several clones × several remotes (file:// and smart HTTP), seeded random rounds in
//! which clones add commits to a branch and events to git-mile-style task refs while some remotes are out of
//! reach for some clones, each clone running `git multi sync --strategy merge`. After quiet rounds every
//! clone and every remote hold the same tips, every commit ever made is reachable from them everywhere, and
//! nothing was ever force-pushed.
//!
//! The seed is printed; `GIT_MULTI_CONVERGENCE_SEED=<n>` replays a run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::env::TestEnv;
use crate::namespaces::task_event;
use crate::servers::http::{Fault, HttpServer};
use crate::transports::{PASSWORD, USER};

const CLONES: usize = 3;
const ROUNDS: usize = 5;
const TASKS: [&str; 3] = ["T1", "T2", "T3"];

/// splitmix64: small, deterministic, good enough to pick test actions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn seed() -> u64 {
    match std::env::var("GIT_MULTI_CONVERGENCE_SEED") {
        Ok(text) => text
            .trim()
            .parse()
            .expect("GIT_MULTI_CONVERGENCE_SEED is a number"),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1),
    }
}

struct Remote {
    name: &'static str,
    bare: PathBuf,
    url: String,
    dead: String,
}

/// Every ref under `refs/heads/main` and `refs/git-mile/` with its tip, in the repository at `dir`.
fn tips(env: &TestEnv, dir: &Path) -> BTreeMap<String, String> {
    crate::env::refs(env, dir, &["refs/heads/main", "refs/git-mile/"])
}

#[test]
fn clones_and_remotes_converge_without_force() {
    let started = Instant::now();
    let seed = seed();
    eprintln!("convergence seed {seed} (replay: GIT_MULTI_CONVERGENCE_SEED={seed})");
    let ctx = format!("[seed {seed}; replay with GIT_MULTI_CONVERGENCE_SEED={seed}]");
    let mut rng = Rng(seed);

    let env = TestEnv::new();
    let hosts = env.root.join("hosts");
    let http = HttpServer::start(
        &{
            env.bare("r0.git");
            env.bare("r1.git");
            env.bare("r2.git");
            hosts.clone()
        },
        USER,
        PASSWORD,
    );
    // Every clone gives git the HTTP password through a credential helper, as users do.
    env.git_in(
        &env.root,
        [
            "config",
            "--global",
            "credential.helper",
            &format!("!f() {{ echo username={USER}; echo password={PASSWORD}; }}; f"),
        ],
    );
    let file = |name: &str| format!("file://{}", hosts.join(name).display());
    let remotes = [
        Remote {
            name: "r0",
            bare: hosts.join("r0.git"),
            url: file("r0.git"),
            dead: file("gone-r0.git"),
        },
        Remote {
            name: "r1",
            bare: hosts.join("r1.git"),
            url: file("r1.git"),
            dead: file("gone-r1.git"),
        },
        Remote {
            name: "r2",
            bare: hosts.join("r2.git"),
            url: http.url("r2.git"),
            dead: http.url("gone-r2.git"),
        },
    ];
    for r in &remotes {
        env.multi(["remote", "add", r.name, &r.url]).expect_code(0);
    }
    env.multi(["push"]).expect_code(0);

    let clones: Vec<PathBuf> = (0..CLONES)
        .map(|k| {
            let dir = env.root.join(format!("clone{k}"));
            env.git_in(
                &env.root,
                ["clone", "-q", &remotes[0].url, dir.to_str().unwrap()],
            );
            env.git_in(&dir, ["remote", "remove", "origin"]);
            for r in &remotes {
                env.multi_in(&dir, ["remote", "add", r.name, &r.url])
                    .expect_code(0);
            }
            env.multi_in(&dir, ["refs", "add", "refs/git-mile/*"])
                .expect_code(0);
            env.git_in(&dir, ["config", "multi.primary", "r0"]);
            dir
        })
        .collect();

    // Everything ever created: branch commits, and each task's events.
    let mut branch_commits: Vec<String> = Vec::new();
    let mut task_events: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let (mut syncs, mut unions, mut merges) = (0, 0, 0);
    let mut sync = |dir: &Path, must_succeed: bool, label: &str| {
        syncs += 1;
        let run = env.multi_in(dir, ["sync", "--strategy", "merge", "--json"]);
        assert!(
            run.code == 0 || (!must_succeed && run.code == 1),
            "{ctx} {label}: sync exited {}\n--- stdout\n{}\n--- stderr\n{}",
            run.code,
            run.stdout,
            run.stderr
        );
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
            panic!(
                "{ctx} {label}: no JSON ({e})\n--- stdout\n{}\n--- stderr\n{}",
                run.stdout, run.stderr
            )
        });
        for outcome in json["remotes"].as_array().unwrap() {
            for r in outcome["refs"].as_array().into_iter().flatten() {
                assert_ne!(
                    r["status"], "forced",
                    "{ctx} {label}: forced update in {json}"
                );
            }
        }
        merges += json["steps"].as_array().map_or(0, Vec::len);
        for line in json["namespaces"].as_array().into_iter().flatten() {
            unions += usize::from(line["result"] == "union");
            assert!(
                !matches!(
                    line["result"].as_str(),
                    Some("diverged" | "cannot" | "theirs")
                ),
                "{ctx} {label}: {line}"
            );
        }
        json
    };

    for round in 0..ROUNDS {
        // The HTTP host is down for everyone now and then; file remotes drop out per clone.
        let http_down = rng.chance(25);
        http.set_fault("r2.git", http_down.then_some(Fault::Status(403)));
        let mut order: Vec<usize> = (0..CLONES).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i as u64 + 1) as usize);
        }
        for k in order {
            let dir = &clones[k];
            // Round 0: every clone starts the same task and commits on its own, so copies surely diverge.
            let first = usize::from(round == 0);
            for n in 0..rng.below(3) as usize + first {
                let name = format!("c{k}-r{round}-{n}");
                std::fs::write(dir.join(format!("{name}.txt")), &name).unwrap();
                env.git_in(dir, ["add", "-A"]);
                env.git_in(dir, ["commit", "-q", "-m", &name]);
                branch_commits.push(env.git_in(dir, ["rev-parse", "HEAD"]).trim().to_string());
            }
            if round == 0 {
                let event = task_event(&env, dir, "T1", &format!("c{k} starts T1"));
                task_events.entry("T1").or_default().push(event);
            }
            for n in 0..rng.below(3) {
                let task = TASKS[rng.below(TASKS.len() as u64) as usize];
                let event = task_event(&env, dir, task, &format!("c{k} r{round} e{n} on {task}"));
                task_events.entry(task).or_default().push(event);
            }
            for r in &remotes {
                let url = if rng.chance(30) { &r.dead } else { &r.url };
                env.git_in(dir, ["remote", "set-url", r.name, url]);
            }
            sync(dir, false, &format!("round {round} clone {k}"));
        }
    }

    // Quiet: everything reachable, each clone syncs twice.
    http.set_fault("r2.git", None);
    for dir in &clones {
        for r in &remotes {
            env.git_in(dir, ["remote", "set-url", r.name, &r.url]);
        }
    }
    for pass in 0..2 {
        for (k, dir) in clones.iter().enumerate() {
            sync(dir, true, &format!("quiet pass {pass} clone {k}"));
        }
    }

    let reference = tips(&env, &remotes[0].bare);
    for r in &remotes {
        assert_eq!(
            tips(&env, &r.bare),
            reference,
            "{ctx} remote {} differs",
            r.name
        );
    }
    for (k, dir) in clones.iter().enumerate() {
        assert_eq!(tips(&env, dir), reference, "{ctx} clone {k} differs");
    }
    for r in &remotes {
        for commit in &branch_commits {
            let found = env.try_git_in(
                &r.bare,
                ["merge-base", "--is-ancestor", commit, "refs/heads/main"],
            );
            assert_eq!(found.code, 0, "{ctx} {commit} lost on {}", r.name);
        }
        for (task, events) in &task_events {
            let name = format!("refs/git-mile/tasks/{task}");
            for event in events {
                let found = env.try_git_in(&r.bare, ["merge-base", "--is-ancestor", event, &name]);
                assert_eq!(
                    found.code, 0,
                    "{ctx} event {event} of {task} lost on {}",
                    r.name
                );
            }
        }
    }
    // A third pass changes nothing anywhere.
    for (k, dir) in clones.iter().enumerate() {
        let json = sync(dir, true, &format!("settled clone {k}"));
        for outcome in json["remotes"].as_array().unwrap() {
            assert_eq!(outcome["status"], "up-to-date", "{ctx} clone {k}: {json}");
        }
    }
    assert_eq!(tips(&env, &remotes[0].bare), reference, "{ctx}");
    assert!(
        unions > 0 && merges > 0,
        "{ctx} the run must unite task copies and merge the branch"
    );
    eprintln!(
        "convergence: {syncs} syncs ({merges} merges, {unions} unions), {} commits, {} task events in {:.1}s",
        branch_commits.len(),
        task_events.values().map(Vec::len).sum::<usize>(),
        started.elapsed().as_secs_f64()
    );
}

/// The sync summary names only the copies that brought commits, and a branch the primary lacks is published
/// everywhere, not to the primary alone.
#[test]
fn sync_names_only_the_copies_that_brought_commits() {
    let env = TestEnv::new();
    let hosts = env.add_local_remotes(&["alpha", "b"]);
    env.git(["config", "multi.primary", "alpha"]);
    env.multi(["push"]).expect_code(0);
    env.push_foreign(&hosts[1], "main", "on b");
    let run = env.multi(["sync"]).expect_code(0);
    assert!(
        run.stdout.contains("integrated 1 commit(s) from b/main"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("alpha/main"), "{}", run.stdout);

    env.git(["switch", "-q", "-c", "topic"]);
    let run = env.multi(["sync"]).expect_code(1);
    assert!(run.stderr.contains("`git multi push`"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("git multi push alpha"),
        "{}",
        run.stderr
    );
}
