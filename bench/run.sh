#!/usr/bin/env bash
# git-multi speed benchmark: git-multi vs plain git run four ways, over smart HTTP with Basic auth, 8 remotes,
# +50 ms round trip from a user-space delay proxy. Prints a Markdown table of medians and the ratios against
# the targets in BENCHMARKS.md. Needs git, cargo and python3 (standard library only); installs nothing.
#
#   bench/run.sh                      # REPS=7 COMMITS=2000 BRANCHES=10000 DELAY_MS=25 by default
#   REPS=3 bench/run.sh               # fewer repetitions (minimum 3)
#   KEEP=1 bench/run.sh               # keep the temp directory (its path is printed)
#
# Everything lives in one temp directory, the servers bind 127.0.0.1 only, the user's git config is not read
# (GIT_CONFIG_GLOBAL points into the temp directory, GIT_CONFIG_NOSYSTEM=1), and an EXIT trap stops the
# servers this script started (by PID) and removes the temp directory.
set -euo pipefail

REPS=${REPS:-7}
COMMITS=${COMMITS:-2000}
BRANCHES=${BRANCHES:-10000}
DELAY_MS=${DELAY_MS:-25}
NREMOTES=8
OFFLINE_TIMEOUT=${OFFLINE_TIMEOUT:-120}
if ((REPS < 3)); then
    echo "REPS must be at least 3 (medians of >= 3 runs)" >&2
    exit 2
fi

BENCH_NAME=git-multi-bench
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

REMOTES=()
for i in $(seq 1 "$NREMOTES"); do
    REMOTES+=("r$i")
done

fresh_bare_repos() {
    local r
    for r in "${REMOTES[@]}"; do
        rm -rf "${SRV:?}/$r.git"
        git init -q --bare "$SRV/$r.git"
    done
}

# --- the repository -----------------------------------------------------------------------------------------
echo "== making a $COMMITS-commit repository" >&2
REPO="$WORK/repo"
git init -q "$REPO"
cd "$REPO"
python3 "$BENCH/make_repo.py" --commits "$COMMITS" | git fast-import --quiet
git reset -q --hard main
git repack -adfq
git multi init >/dev/null
for i in "${!REMOTES[@]}"; do
    git multi remote add "${REMOTES[$i]}" "http://127.0.0.1:${PROXY_PORTS[$i]}/${REMOTES[$i]}.git" >/dev/null
done
# All 8 remotes are on 127.0.0.1 (eight servers on one machine). Nothing is tuned: the benchmark measures the
# defaults a user gets (HTTPS is limited by -j alone, whose default is one job per remote up to 8).
# The native fan-out: one remote with 8 push URLs (git pushes to them one after another).
git remote add all "http://127.0.0.1:${PROXY_PORTS[0]}/r1.git"
for i in "${!REMOTES[@]}"; do
    git remote set-url --add --push all "http://127.0.0.1:${PROXY_PORTS[$i]}/${REMOTES[$i]}.git"
done
PACK_SIZE=$(du -sk .git/objects/pack | cut -f1)

# --- contenders ---------------------------------------------------------------------------------------------
multi_push() { git multi push; }
seq_push() {
    local r
    for r in "${REMOTES[@]}"; do
        git push "$r" main || return 1
    done
}
pushurl_push() { git push all main; }
# What a shell user writes for a fan-out: `git <args>` in the background for every remote (`{}` in the
# arguments stands for the remote), then wait for each.
for_each_remote_in_background() {
    local r pid rc=0 pids=()
    for r in "${REMOTES[@]}"; do
        git "${@//\{\}/$r}" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do
        wait "$pid" || rc=1
    done
    return "$rc"
}
parallel_push() { for_each_remote_in_background push {} main; }
multi_status() { git multi status; }
parallel_ls_remote() { for_each_remote_in_background ls-remote --heads {}; }
# A bounded run: status --offline is stopped after OFFLINE_TIMEOUT seconds (recorded as "timeout").
multi_offline() { timeout "$OFFLINE_TIMEOUT" git multi status --offline; }
multi_offline_json() { timeout "$OFFLINE_TIMEOUT" git multi status --offline --json; }
for_each_ref() { timeout "$OFFLINE_TIMEOUT" git for-each-ref --format='%(objectname) %(refname)' refs/heads refs/remotes; }

RAW="$WORK/raw.tsv"
: >"$RAW"
CLK_TCK=$(getconf CLK_TCK)
# CPU seconds used so far by the server and the proxy, their reaped children (git http-backend, receive-pack,
# index-pack...) included.
server_cpu_ticks() {
    local pid total=0 fields
    for pid in "${PIDS[@]}"; do
        read -r -a fields <"/proc/$pid/stat"
        # utime stime cutime cstime are fields 14-17 (the command name has no spaces: python3).
        total=$((total + fields[13] + fields[14] + fields[15] + fields[16]))
    done
    echo "$total"
}
# CPU seconds of this shell's finished children, from the `times` builtin (second line: user and system). It
# must run in this shell, not in a $(...) subshell, so it writes to a file that cpu_seconds then reads.
cpu_seconds() {
    tail -1 "$1" | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); n += p[1] * 60 + p[2] } printf "%.3f", n }'
}
# measure SCENARIO LABEL FUNCTION: runs it once, output to a log, appends
# "scenario<TAB>label<TAB>wall seconds|timeout<TAB>CPU seconds (client + server + proxy)".
measure() {
    local scenario=$1 label=$2 fn=$3 t0 t1 rc=0 s0 s1 c0 c1 wall cpu
    s0=$(server_cpu_ticks)
    times >"$WORK/times0"
    t0=$(date +%s%N)
    "$fn" >"$WORK/last.out" 2>"$WORK/last.err" || rc=$?
    t1=$(date +%s%N)
    times >"$WORK/times1"
    c0=$(cpu_seconds "$WORK/times0")
    c1=$(cpu_seconds "$WORK/times1")
    s1=$(server_cpu_ticks)
    if ((rc != 0)); then
        if ((rc == 124)); then
            printf '%s\t%s\ttimeout\t\n' "$scenario" "$label" >>"$RAW"
            echo "   $scenario / $label: stopped after ${OFFLINE_TIMEOUT}s" >&2
            return 0
        fi
        echo "FAILED ($rc): $scenario / $label" >&2
        tail -20 "$WORK/last.err" "$WORK/last.out" >&2
        exit 1
    fi
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    cpu=$(awk -v c0="$c0" -v c1="$c1" -v s0="$s0" -v s1="$s1" -v hz="$CLK_TCK" \
        'BEGIN { printf "%.2f", (c1 - c0) + (s1 - s0) / hz }')
    printf '%s\t%s\t%s\t%s\n' "$scenario" "$label" "$wall" "$cpu" >>"$RAW"
    printf '   %-10s %-34s %6ss  cpu %ss\n' "$scenario" "$label" "$wall" "$cpu" >&2
}

# Contenders in a rotating order per repetition, so none is always first (cold) or last.
run_rotated() {
    local scenario=$1 rep=$2 setup=$3
    shift 3
    local n=$(($# / 2)) k idx
    local -a pairs=("$@")
    for ((k = 0; k < n; k++)); do
        idx=$(((k + rep) % n))
        "$setup"
        measure "$scenario" "${pairs[$((2 * idx))]}" "${pairs[$((2 * idx + 1))]}"
    done
}

drop_tracking_refs() {
    git for-each-ref --format='delete %(refname)' refs/remotes | git update-ref --stdin
}
full_setup() {
    fresh_bare_repos
    drop_tracking_refs
}
no_setup() { :; }

PUSHES=(
    "git-multi push" multi_push
    "sequential for loop" seq_push
    "1 remote, 8 pushurls" pushurl_push
    "8 x git push & + wait" parallel_push
)

echo "== full push ($REPS repetitions, fresh bare repositories each time)" >&2
for rep in $(seq 1 "$REPS"); do
    run_rotated full "$rep" full_setup "${PUSHES[@]}"
done

echo "== no-op push ($REPS repetitions)" >&2
fresh_bare_repos
parallel_push >/dev/null 2>&1
for rep in $(seq 1 "$REPS"); do
    run_rotated noop "$rep" no_setup "${PUSHES[@]}"
done

echo "== status vs 8 parallel ls-remote ($REPS repetitions)" >&2
for rep in $(seq 1 "$REPS"); do
    run_rotated status "$rep" no_setup \
        "git multi status" multi_status \
        "8 x git ls-remote & + wait" parallel_ls_remote
done
# Sanity: everything really is in sync on all 8 remotes.
git multi status --exit-code >/dev/null

# make_offline_repo DIR N: a copy of the repository with N branches and, for each remote, N tracking refs equal
# to them (in sync, as right after a push), written straight into packed-refs.
make_offline_repo() {
    local dir=$1 n=$2
    cp -a "$REPO" "$dir"
    git -C "$dir" pack-refs --all
    git -C "$dir" rev-list main >"$WORK/commits"
    python3 - "$n" "$WORK/commits" "$dir/.git/packed-refs" "${REMOTES[@]}" <<'PY'
import sys
branches, commits_file, packed, *remotes = sys.argv[1:]
commits = open(commits_file).read().split()
refs = {}
for line in open(packed):
    if line.startswith(("#", "^")):
        continue
    oid, name = line.split()
    refs[name] = oid
for i in range(int(branches)):
    oid = commits[i % len(commits)]
    refs[f"refs/heads/b{i:05}"] = oid
    for r in remotes:
        refs[f"refs/remotes/{r}/b{i:05}"] = oid
for r in remotes:
    refs[f"refs/remotes/{r}/main"] = refs["refs/heads/main"]
with open(packed, "w") as out:
    out.write("# pack-refs with: peeled fully-peeled sorted \n")
    for name in sorted(refs, key=lambda n: n.encode()):
        out.write(f"{refs[name]} {name}\n")
PY
}

OFFLINE_CONTENDERS=(
    "git multi status --offline" multi_offline
    "git multi status --offline --json" multi_offline_json
    "git for-each-ref" for_each_ref
)
SMALL=$((BRANCHES / 10))
echo "== status --offline: $SMALL branches x $NREMOTES remotes (scaling check, $REPS repetitions)" >&2
make_offline_repo "$WORK/offline-small" "$SMALL"
cd "$WORK/offline-small"
SMALL_REFS=$(git for-each-ref refs/heads refs/remotes | wc -l)
for rep in $(seq 1 "$REPS"); do
    run_rotated "offline-small" "$rep" no_setup "${OFFLINE_CONTENDERS[@]}"
done

echo "== status --offline: $BRANCHES branches x $NREMOTES remotes of tracking refs" >&2
make_offline_repo "$WORK/offline" "$BRANCHES"
cd "$WORK/offline"
REF_COUNT=$(git for-each-ref refs/heads refs/remotes | wc -l)
echo "   $REF_COUNT refs under refs/heads + refs/remotes" >&2
# Three runs whatever REPS says: when the matrix printer was quadratic a run took ~45 s (see BENCHMARKS.md);
# kept at 3 so the figures stay comparable with that first run.
for rep in 1 2 3; do
    run_rotated offline "$rep" no_setup "${OFFLINE_CONTENDERS[@]}"
done
cd "$REPO"

elapsed=$(($(date +%s) - started_at))
python3 "$BENCH/report.py" "$RAW" \
    --machine "$(nproc) cores ($(uname -m)), $(git --version), $(python3 --version)" \
    --cores "$(nproc)" \
    --setup "$COMMITS commits, pack $((PACK_SIZE / 1024)).$(((PACK_SIZE % 1024) * 10 / 1024)) MB; $NREMOTES remotes; +$((2 * DELAY_MS)) ms RTT; offline: $SMALL_REFS and $REF_COUNT refs; $REPS repetitions; load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg); total ${elapsed}s"
