#!/usr/bin/env bash
# Inventory across hosts: `git multi org repos` over 3 fake hosts (GitHub, GitLab and Bitbucket pagination, 500
# repositories each in 5 pages of 100, DELAY seconds of latency on every request) against the same command on
# each host alone. The hosts are asked in parallel, so the three together must take at most 1.2x the slowest
# host alone. Medians of REPS runs. Default configuration. Needs git, cargo and python3; installs nothing.
#
#   bench/inventory.sh            # REPS=5 DELAY=0.2 REPOS=500
set -euo pipefail

REPS=${REPS:-5}
DELAY=${DELAY:-0.2}
REPOS=${REPOS:-500}
BENCH_NAME=git-multi-inventory-bench
# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

read -r GH_PORT GL_PORT BB_PORT <<<"$(free_ports 3)"
for pair in "github:$GH_PORT" "gitlab:$GL_PORT" "bitbucket:$BB_PORT"; do
    python3 "$BENCH/fake_host.py" --kind "${pair%%:*}" --port "${pair##*:}" --repos "$REPOS" \
        --per-page 100 --delay "$DELAY" &
    PIDS+=($!)
done
for port in "$GH_PORT" "$GL_PORT" "$BB_PORT"; do
    wait_port "$port"
done
export GIT_MULTI_GITHUB_TOKEN=bench-token-github GIT_MULTI_GITLAB_TOKEN=bench-token-gitlab \
    GIT_MULTI_BITBUCKET_TOKEN=bench-token-bitbucket

REPO="$WORK/repo"
git init -q "$REPO"
cd "$REPO"
git commit -q --allow-empty -m start
git-multi init >/dev/null 2>&1
git-multi remote add gh --provider github --owner acme --repo demo --api-url "http://127.0.0.1:$GH_PORT" >/dev/null
git-multi remote add gl --provider gitlab --owner acme --repo demo --api-url "http://127.0.0.1:$GL_PORT" >/dev/null
git-multi remote add bb --provider bitbucket --owner acme --repo demo --api-url "http://127.0.0.1:$BB_PORT" >/dev/null

# Seconds one `git multi org repos` takes, checking that every host listed every repository.
timed() {
    local start end
    start=$(date +%s.%N)
    git-multi org repos --json "$@" >"$WORK/out.json"
    end=$(date +%s.%N)
    python3 - "$WORK/out.json" "$REPOS" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["ok"], doc["remotes"]
for remote in doc["remotes"]:
    assert remote["count"] == int(sys.argv[2]), remote
PY
    echo "$end - $start" | bc -l
}

declare -A RUNS
for what in gh gl bb all; do
    RUNS[$what]=""
    for _ in $(seq 1 "$REPS"); do
        if [[ $what == all ]]; then
            t=$(timed)
        else
            t=$(timed --on "$what")
        fi
        RUNS[$what]="${RUNS[$what]} $t"
    done
done

python3 - "$DELAY" "$REPOS" "${RUNS[gh]}" "${RUNS[gl]}" "${RUNS[bb]}" "${RUNS[all]}" <<'PY'
import statistics, sys
delay, repos = float(sys.argv[1]), int(sys.argv[2])
runs = {name: [float(t) for t in sys.argv[3 + i].split()] for i, name in enumerate(["github alone", "gitlab alone", "bitbucket alone", "all 3 hosts"])}
medians = {name: statistics.median(ts) for name, ts in runs.items()}
slowest = max(medians[n] for n in runs if n != "all 3 hosts")
ratio = medians["all 3 hosts"] / slowest
print(f"| org repos, {repos} repositories per host, {delay * 1000:.0f} ms per request | median (s) | all runs (s) |")
print("| --- | ---: | --- |")
for name, ts in runs.items():
    print(f"| {name} | {medians[name]:.3f} | {' '.join(f'{t:.3f}' for t in ts)} |")
print(f"\nall 3 / slowest alone = {ratio:.2f} (target <= 1.2: {'PASS' if ratio <= 1.2 else 'FAIL'})")
PY
echo "(load before: $LOAD_BEFORE; git $(git --version | cut -d' ' -f3))"
