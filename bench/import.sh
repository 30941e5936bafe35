#!/usr/bin/env bash
# git-multi at scale: `git multi import` of a remote set with NREMOTES remotes (each with a provider, as an
# export writes them) into a fresh clone, then the same import again (nothing to change). Default configuration;
# nothing touches the network (import only writes .git/config). Prints a Markdown table of medians and the ratio
# against the target (first import of 5,000 remotes <= 30 s). Needs git, cargo and python3; installs nothing.
#
#   bench/import.sh                  # REPS=3 NREMOTES=5000 by default
#   NREMOTES=500 bench/import.sh
#   BIN=/path/to/other/git-multi bench/import.sh   # time another build (e.g. the one before a change)
set -euo pipefail

REPS=${REPS:-3}
NREMOTES=${NREMOTES:-5000}
TARGET=30
BENCH_NAME=git-multi-import-bench
# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
GIT_MULTI=${BIN:-$BIN_DIR/git-multi}

python3 - "$NREMOTES" "$WORK/set.toml" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
kinds = ["github", "gitlab", "gitea", "forgejo", "gogs", "bitbucket"]
with open(path, "w") as f:
    for i in range(n):
        f.write(f'[[remote]]\nname = "r{i}"\nurl = "https://host{i % 7}.example/team/r{i}.git"\n'
                f'enabled = true\nprovider = "{kinds[i % len(kinds)]}"\n\n')
PY

seconds() { python3 -c 'import sys; print("%.3f" % ((int(sys.argv[2]) - int(sys.argv[1])) / 1e9))' "$1" "$2"; }
first=()
again=()
for rep in $(seq 1 "$REPS"); do
    repo="$WORK/repo$rep"
    git init -q "$repo"
    git -C "$repo" commit -q --allow-empty -m start
    (cd "$repo" && "$GIT_MULTI" init >/dev/null 2>&1)
    start=$(date +%s%N)
    (cd "$repo" && "$GIT_MULTI" import "$WORK/set.toml" >/dev/null)
    mid=$(date +%s%N)
    (cd "$repo" && "$GIT_MULTI" import "$WORK/set.toml" >/dev/null)
    end=$(date +%s%N)
    test "$(git -C "$repo" config --get-regexp '^remote\..*\.url$' | wc -l)" -eq "$NREMOTES"
    first+=("$(seconds "$start" "$mid")")
    again+=("$(seconds "$mid" "$end")")
    echo "rep $rep: import ${first[-1]} s, again ${again[-1]} s" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m1=$(median "${first[@]}")
m2=$(median "${again[@]}")
verdict=$(python3 -c 'import sys; print("PASS" if float(sys.argv[1]) <= float(sys.argv[2]) else "FAIL")' "$m1" "$TARGET")
echo "| import of $NREMOTES remotes | median (s) | target |"
echo "| --- | ---: | --- |"
echo "| into a fresh clone | $m1 | <= $TARGET s: $verdict |"
echo "| the same file again (no change) | $m2 | |"
echo "(load before: $LOAD_BEFORE; git $(git --version | cut -d' ' -f3))"
