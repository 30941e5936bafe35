#!/usr/bin/env bash
# git-multi at scale: `git multi sync` bringing together REFS diverged namespace refs (git-mile-style task refs,
# chains of empty-tree commits under refs/git-mile/tasks/) between this clone and another that pushed its own
# events to every task first. Two remotes on this machine (local bare repositories: what is measured is
# git-multi's merging, not a network). Default configuration (sync needs a primary: `git multi primary r1`, as a
# user sets once). Prints a Markdown table of medians and the verdict against the target (<= 10 s for 1,000).
#
#   bench/namespaces.sh              # REPS=3 REFS=1000 by default
#   BIN=/path/to/other/git-multi bench/namespaces.sh
set -euo pipefail

REPS=${REPS:-3}
REFS=${REFS:-1000}
TARGET=10
BENCH_NAME=git-multi-namespaces-bench
# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
GIT_MULTI=${BIN:-$BIN_DIR/git-multi}

# One event (an empty-tree commit) on top of every task ref in the repository at $1, written with fast-import.
events() {
    local repo=$1 who=$2
    git -C "$repo" for-each-ref --format='%(refname) %(objectname)' refs/git-mile/tasks/ | python3 -c '
import sys
who = sys.argv[1]
out = sys.stdout
for n, line in enumerate(sys.stdin):
    ref, parent = line.split()
    msg = f"{who} on {ref}\n".encode()
    out.write(f"commit {ref}\ncommitter {who} <{who}@example.com> {1767225600 + n} +0000\ndata {len(msg)}\n".encode().decode())
    out.write(msg.decode())
    out.write(f"from {parent}\ndeleteall\n\n")
' "$who" | git -C "$repo" fast-import --quiet --force
}

seconds() { python3 -c 'import sys; print("%.3f" % ((int(sys.argv[2]) - int(sys.argv[1])) / 1e9))' "$1" "$2"; }
runs=()
for rep in $(seq 1 "$REPS"); do
    dir="$WORK/rep$rep"
    mkdir -p "$dir"
    git init -q --bare "$dir/r1.git"
    git init -q --bare "$dir/r2.git"
    git init -q "$dir/here"
    cd "$dir/here"
    git commit -q --allow-empty -m start
    empty=$(git hash-object -t tree /dev/null)
    python3 -c '
import sys
n, empty = int(sys.argv[1]), sys.argv[2]
for i in range(n):
    msg = f"create T{i:05}\n"
    print(f"commit refs/git-mile/tasks/T{i:05}\ncommitter bench <bench@example.com> 1767225600 +0000\ndata {len(msg)}\n{msg}M 040000 {empty} \n")
' "$REFS" "$empty" | git fast-import --quiet
    "$GIT_MULTI" init >/dev/null 2>&1
    "$GIT_MULTI" remote add r1 "$dir/r1.git"
    "$GIT_MULTI" remote add r2 "$dir/r2.git"
    "$GIT_MULTI" refs add 'refs/git-mile/*' >/dev/null
    "$GIT_MULTI" primary r1 >/dev/null
    "$GIT_MULTI" push >/dev/null
    git clone -q "$dir/r1.git" "$dir/there"
    git -C "$dir/there" fetch -q origin '+refs/git-mile/*:refs/git-mile/*'
    events "$dir/there" alice
    git -C "$dir/there" push -q origin 'refs/git-mile/*:refs/git-mile/*'
    git -C "$dir/there" push -q "$dir/r2.git" 'refs/git-mile/*:refs/git-mile/*'
    events "$dir/here" bob
    start=$(date +%s%N)
    "$GIT_MULTI" sync >"$dir/sync.out" 2>&1 || { cat "$dir/sync.out" >&2; exit 1; }
    end=$(date +%s%N)
    # Every task now holds both events, here and on both remotes.
    test "$("$GIT_MULTI" conflicts 2>/dev/null | head -1)" = "every ref agrees on the 2 remote(s) compared"
    runs+=("$(seconds "$start" "$end")")
    echo "rep $rep: sync of $REFS diverged namespace refs ${runs[-1]} s" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m=$(median "${runs[@]}")
verdict=$(python3 -c 'import sys; print("PASS" if float(sys.argv[1]) <= float(sys.argv[2]) else "FAIL")' "$m" "$TARGET")
echo "| sync of $REFS diverged namespace refs, 2 remotes | median (s) | all runs (s) | target |"
echo "| --- | ---: | --- | --- |"
echo "| git multi sync | $m | ${runs[*]} | <= $TARGET s: $verdict |"
echo "(load before: $LOAD_BEFORE; git $(git --version | cut -d' ' -f3))"
