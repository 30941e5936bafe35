#!/usr/bin/env bash
# git-multi workspace benchmark: `git multi workspace push` (one process, one job pool for every repository ×
# remote) against what a shell user does instead: `xargs -P 8` running `git multi push` in each repository, and
# a plain loop. 50 repositories × 3 remotes over smart HTTP with Basic auth, +50 ms round trip from the user-space
# delay proxy (one proxy port per "host"). Prints a Markdown table of medians. Needs git, cargo and python3
# (standard library only); installs nothing. Every contender runs with the default configuration.
#
#   bench/workspace.sh                # REPS=5 NREPOS=50 COMMITS=100 HOST_DELAYS="25 25 25" by default
#   HOST_DELAYS="25 25 75" bench/workspace.sh   # one-way delay (ms) per host: the third host slower
#   REPS=3 NREPOS=20 bench/workspace.sh
#   KEEP=1 bench/workspace.sh         # keep the temp directory (its path is printed)
#
# Everything lives in one temp directory, servers bind 127.0.0.1 only, the user's git config is not read, and an
# EXIT trap stops the servers this script started (by PID) and removes the temp directory.
set -euo pipefail

REPS=${REPS:-5}
NREPOS=${NREPOS:-50}
COMMITS=${COMMITS:-100}
HOST_DELAYS=${HOST_DELAYS:-25 25 25}
XARGS_P=${XARGS_P:-8}
HOSTS=(h1 h2 h3)
read -r -a DELAYS <<<"$HOST_DELAYS"
if ((${#DELAYS[@]} != ${#HOSTS[@]})); then
    echo "HOST_DELAYS needs one delay per host (${#HOSTS[@]})" >&2
    exit 2
fi
if ((REPS < 3)); then
    echo "REPS must be at least 3 (medians of >= 3 runs)" >&2
    exit 2
fi

BENCH_NAME=git-multi-workspace-bench
# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

# --- servers: one HTTP server, one delay proxy per host -----------------------------------------------------
SRV="$WORK/srv"
mkdir -p "$SRV"
read -r -a PORTS <<<"$(free_ports $((${#HOSTS[@]} + 1)))"
HTTP_PORT=${PORTS[0]}
PROXY_PORTS=("${PORTS[@]:1}")
python3 "$BENCH/http_server.py" --port "$HTTP_PORT" --root "$SRV" --user "$USER_NAME" --password "$PASSWORD" \
    2>"$WORK/http_server.log" &
PIDS+=($!)
for h in "${!HOSTS[@]}"; do
    python3 "$BENCH/delay_proxy.py" --delay-ms "${DELAYS[$h]}" --listen "${PROXY_PORTS[$h]}" --target "$HTTP_PORT" \
        2>"$WORK/delay_proxy_${HOSTS[$h]}.log" &
    PIDS+=($!)
done
wait_port "$HTTP_PORT"
for port in "${PROXY_PORTS[@]}"; do
    wait_port "$port"
done

# --- the repositories ---------------------------------------------------------------------------------------
echo "== making $NREPOS repositories of $COMMITS commits, ${#HOSTS[@]} remotes each" >&2
python3 "$BENCH/make_repo.py" --commits "$COMMITS" >"$WORK/history.fi"
REPOS=()
for i in $(seq -w 1 "$NREPOS"); do
    repo="$WORK/repos/r$i"
    git init -q "$repo"
    git -C "$repo" fast-import --quiet <"$WORK/history.fi"
    git -C "$repo" reset -q --hard main
    # One commit of its own, so no two repositories push the same pack.
    echo "repository $i" >"$repo/OWN"
    git -C "$repo" add OWN
    git -C "$repo" commit -q -m "r$i"
    for h in "${!HOSTS[@]}"; do
        git -C "$repo" multi remote add "${HOSTS[$h]}" \
            "http://127.0.0.1:${PROXY_PORTS[$h]}/${HOSTS[$h]}/r$i.git" >/dev/null
    done
    REPOS+=("$repo")
done
git multi workspace add "${REPOS[@]}" >/dev/null 2>&1

fresh_bare_repos() {
    local h i
    rm -rf "${SRV:?}"/h*
    for h in "${HOSTS[@]}"; do
        mkdir -p "$SRV/$h"
        for i in $(seq -w 1 "$NREPOS"); do
            git init -q --bare "$SRV/$h/r$i.git"
        done
    done
    for i in "${REPOS[@]}"; do
        git -C "$i" for-each-ref --format='delete %(refname)' refs/remotes | git -C "$i" update-ref --stdin
    done
}

# --- contenders ---------------------------------------------------------------------------------------------
workspace_push() { git multi workspace push; }
xargs_push() { printf '%s\n' "${REPOS[@]}" | xargs -P "$XARGS_P" -I{} git -C {} multi push; }
loop_push() {
    local repo
    for repo in "${REPOS[@]}"; do
        git -C "$repo" multi push || return 1
    done
}

RAW="$WORK/raw.tsv"
: >"$RAW"
measure() {
    local scenario=$1 label=$2 fn=$3 t0 t1 rc=0 wall
    t0=$(date +%s%N)
    "$fn" >"$WORK/last.out" 2>"$WORK/last.err" || rc=$?
    t1=$(date +%s%N)
    if ((rc != 0)); then
        echo "FAILED ($rc): $scenario / $label" >&2
        tail -20 "$WORK/last.err" "$WORK/last.out" >&2
        exit 1
    fi
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    printf '%s\t%s\t%s\n' "$scenario" "$label" "$wall" >>"$RAW"
    printf '   %-7s %-36s %7ss\n' "$scenario" "$label" "$wall" >&2
}

CONTENDERS=(
    "git multi workspace push" workspace_push
    "xargs -P $XARGS_P git multi push" xargs_push
    "for-loop of git multi push" loop_push
)
run_rotated() {
    local scenario=$1 rep=$2 setup=$3 n=$((${#CONTENDERS[@]} / 2)) k idx
    for ((k = 0; k < n; k++)); do
        idx=$(((k + rep) % n))
        "$setup"
        measure "$scenario" "${CONTENDERS[$((2 * idx))]}" "${CONTENDERS[$((2 * idx + 1))]}"
    done
}
no_setup() { :; }
# One new commit in every repository: what a workspace push usually carries.
COMMIT_NO=0
new_commits() {
    local repo
    COMMIT_NO=$((COMMIT_NO + 1))
    for repo in "${REPOS[@]}"; do
        echo "change $COMMIT_NO" >"$repo/CHANGES"
        git -C "$repo" add CHANGES
        git -C "$repo" commit -q -m "change $COMMIT_NO"
    done
}

echo "== full push ($REPS repetitions, fresh empty remotes each time)" >&2
for rep in $(seq 1 "$REPS"); do
    run_rotated full "$rep" fresh_bare_repos
done
echo "== one new commit per repository ($REPS repetitions)" >&2
for rep in $(seq 1 "$REPS"); do
    run_rotated commit "$rep" new_commits
done
echo "== no-op push ($REPS repetitions, everything up to date)" >&2
for rep in $(seq 1 "$REPS"); do
    run_rotated noop "$rep" no_setup
done
# Sanity: every repository is in sync on every remote.
git multi workspace status >/dev/null

elapsed=$(($(date +%s) - started_at))
python3 - "$RAW" <<PY
import statistics, sys
from collections import defaultdict
runs = defaultdict(list)
for line in open(sys.argv[1]):
    scenario, label, wall = line.rstrip("\n").split("\t")
    runs[(scenario, label)].append(float(wall))
print("Machine: $(nproc) cores ($(uname -m)), $(git --version), $(python3 --version)")
print("Setup: $NREPOS repositories x ${#HOSTS[@]} remotes over smart HTTP, $COMMITS commits each, one-way delay per host (ms): $HOST_DELAYS,"
      " $REPS repetitions; load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg); total ${elapsed}s")
print()
print("| scenario | contender | median (s) | min | max | all runs (s) |")
print("| --- | --- | ---: | ---: | ---: | --- |")
for (scenario, label), walls in runs.items():
    print(f"| {scenario} | {label} | {statistics.median(walls):.3f} | {min(walls):.3f} | {max(walls):.3f} | "
          + " ".join(f"{w:.3f}" for w in walls) + " |")
print()
ours = "git multi workspace push"
for scenario in ("full", "commit", "noop"):
    base = statistics.median(runs[(scenario, ours)])
    for (s, label), walls in runs.items():
        if s == scenario and label != ours:
            print(f"- {scenario}: {label} / workspace = {statistics.median(walls):.3f} / {base:.3f} = "
                  f"**{statistics.median(walls) / base:.2f}x**")
PY
