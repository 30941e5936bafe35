#!/usr/bin/env bash
# git-multi at scale: a `git multi sync` that has nothing to do, against `git multi status`, in a clone with
# BRANCHES branches that every remote already has (loose refs, as a clone that fetched them has), NREMOTES
# remotes over smart HTTP with Basic auth, +50 ms round trip from the user-space delay proxy. Both run with the
# defaults (sync needs a primary: `git multi primary r1`, as a user sets once). Prints a Markdown table of
# medians and the ratio against the target (no-op sync <= 1.5 x status). Needs git, cargo and python3
# (standard library only); installs nothing.
#
#   bench/sync.sh                     # REPS=5 BRANCHES=10000 NREMOTES=3 COMMITS=200 DELAY_MS=25 by default
#   REPS=3 BRANCHES=1000 bench/sync.sh
#   KEEP=1 bench/sync.sh              # keep the temp directory (its path is printed)
#
# Everything lives in one temp directory, the servers bind 127.0.0.1 only, the user's git config is not read,
# and an EXIT trap stops the servers this script started (by PID) and removes the temp directory.
set -euo pipefail

REPS=${REPS:-5}
BRANCHES=${BRANCHES:-10000}
NREMOTES=${NREMOTES:-3}
COMMITS=${COMMITS:-200}
DELAY_MS=${DELAY_MS:-25}
TARGET=1.5
if ((REPS < 3)); then
    echo "REPS must be at least 3 (medians of >= 3 runs)" >&2
    exit 2
fi

BENCH_NAME=git-multi-sync-bench
# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

# --- servers ------------------------------------------------------------------------------------------------
SRV="$WORK/srv"
mkdir -p "$SRV"
read -r -a PORTS <<<"$(free_ports $((NREMOTES + 1)))"
HTTP_PORT=${PORTS[0]}
PROXY_PORTS=("${PORTS[@]:1}")
python3 "$BENCH/http_server.py" --port "$HTTP_PORT" --root "$SRV" --user "$USER_NAME" --password "$PASSWORD" \
    2>"$WORK/http_server.log" &
PIDS+=($!)
proxy_args=()
for port in "${PROXY_PORTS[@]}"; do
    proxy_args+=(--listen "$port" --target "$HTTP_PORT")
done
python3 "$BENCH/delay_proxy.py" --delay-ms "$DELAY_MS" "${proxy_args[@]}" 2>"$WORK/delay_proxy.log" &
PIDS+=($!)
wait_port "$HTTP_PORT"
for port in "${PROXY_PORTS[@]}"; do
    wait_port "$port"
done

# --- the repository: COMMITS commits, BRANCHES loose branches, every remote (and its tracking refs) in sync ---
echo "== making a $COMMITS-commit repository with $BRANCHES branches and $NREMOTES remotes" >&2
REPO="$WORK/repo"
git init -q "$REPO"
cd "$REPO"
python3 "$BENCH/make_repo.py" --commits "$COMMITS" | git fast-import --quiet
git reset -q --hard main
git rev-list main >"$WORK/commits"
# refs the way `git update-ref --stdin` writes them: loose files, one per ref.
python3 - "$BRANCHES" "$WORK/commits" >"$WORK/branches" <<'PY'
import sys
branches, commits_file = int(sys.argv[1]), sys.argv[2]
commits = open(commits_file).read().split()
for i in range(branches):
    print(f"refs/heads/b{i:05} {commits[i % len(commits)]}")
PY
sed 's/^/create /' "$WORK/branches" | git update-ref --stdin
git multi init >/dev/null 2>&1
for i in $(seq 1 "$NREMOTES"); do
    git init -q --bare "$SRV/r$i.git"
    git push -q "$SRV/r$i.git" 'refs/heads/*:refs/heads/*'
    git multi remote add "r$i" "http://127.0.0.1:${PROXY_PORTS[$((i - 1))]}/r$i.git" >/dev/null
    { sed "s|^refs/heads/|create refs/remotes/r$i/|" "$WORK/branches"
      echo "create refs/remotes/r$i/main $(git rev-parse main)"; } | git update-ref --stdin
done
git multi primary r1 >/dev/null
LOOSE=$(find .git/refs -type f | wc -l)
echo "   $LOOSE loose refs" >&2
# Sanity: everything really is in sync, and a no-op sync changes no ref.
git multi status --exit-code >/dev/null
git for-each-ref >"$WORK/refs.before"

# --- measurements -------------------------------------------------------------------------------------------
RAW="$WORK/raw.tsv"
: >"$RAW"
multi_status() { git multi status; }
multi_sync() { git multi sync; }
measure() {
    local label=$1 fn=$2 t0 t1
    t0=$(date +%s%N)
    if ! "$fn" >"$WORK/last.out" 2>"$WORK/last.err"; then
        echo "FAILED: $label" >&2
        tail -20 "$WORK/last.err" "$WORK/last.out" >&2
        exit 1
    fi
    t1=$(date +%s%N)
    printf '%s\t%s\n' "$label" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')" >>"$RAW"
    printf '   %-20s %6ss\n' "$label" "$(tail -1 "$RAW" | cut -f2)" >&2
}
echo "== no-op sync vs status ($REPS repetitions, alternating which goes first)" >&2
for rep in $(seq 1 "$REPS"); do
    if ((rep % 2)); then
        measure "git multi status" multi_status
        measure "git multi sync" multi_sync
    else
        measure "git multi sync" multi_sync
        measure "git multi status" multi_status
    fi
done
git for-each-ref >"$WORK/refs.after"
if ! cmp -s "$WORK/refs.before" "$WORK/refs.after"; then
    echo "a no-op sync changed refs" >&2
    exit 1
fi

elapsed=$(($(date +%s) - started_at))
python3 - "$RAW" "$TARGET" <<PY
import statistics, sys
from collections import defaultdict
runs = defaultdict(list)
for line in open(sys.argv[1]):
    label, value = line.rstrip("\n").split("\t")
    runs[label].append(float(value))
target = float(sys.argv[2])
print("Machine: $(nproc) cores ($(uname -m)), $(git --version), $(python3 --version)  ")
print("Setup: $COMMITS commits, $BRANCHES branches ($LOOSE loose refs), $NREMOTES remotes over smart HTTP, "
      "+$((2 * DELAY_MS)) ms RTT; $REPS repetitions; load average before/after: $LOAD_BEFORE / "
      "$(cut -d' ' -f1-3 /proc/loadavg); total ${elapsed}s")
print()
print("| contender | median (s) | min | max | all runs (s, in run order) |")
print("| --- | ---: | ---: | ---: | --- |")
for label in ("git multi status", "git multi sync"):
    v = runs[label]
    print(f"| {label} | {statistics.median(v):.3f} | {min(v):.3f} | {max(v):.3f} | "
          + " ".join(f"{x:.3f}" for x in v) + " |")
ratio = statistics.median(runs["git multi sync"]) / statistics.median(runs["git multi status"])
print()
print("| target | measured | limit | result |")
print("| --- | ---: | ---: | --- |")
print(f"| no-op sync vs status (git multi sync / git multi status) | {ratio:.2f}x | <= {target}x | "
      + ("PASS" if ratio <= target else "MISS") + " |")
PY
