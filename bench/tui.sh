#!/usr/bin/env bash
# The dashboard's speed: `git multi tui` beside 8 remotes, one of which accepts connections and never answers.
# First paint must not wait for any remote (target <= 150 ms from the start of the command to the first frame drawn),
# and a key press must be answered by a frame within 50 ms (the median over REPS presses of `j`). The
# dashboard writes its own timestamps when GIT_MULTI_TUI_TRACE names a file; tmux (private socket) is the
# terminal. Default configuration. Needs git, cargo, python3 and tmux; installs nothing.
#
#   bench/tui.sh            # REPS=20 key presses
set -euo pipefail

REPS=${REPS:-20}
BENCH_NAME=git-multi-tui-bench
# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 2; }

# A remote that accepts the connection and then says nothing: git waits until its time is up.
read -r HUNG_PORT <<<"$(free_ports 1)"
python3 - "$HUNG_PORT" <<'PY' &
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(16)
held = []
while True:
    c, _ = s.accept(); held.append(c)
PY
PIDS+=($!)
wait_port "$HUNG_PORT"

REPO="$WORK/repo"
git init -q "$REPO"
cd "$REPO"
git commit -q --allow-empty -m start
git-multi init >/dev/null 2>&1
for n in 1 2 3 4 5 6 7; do
    git init -q --bare "$WORK/r$n.git"
    git-multi remote add "r$n" "$WORK/r$n.git"
done
git-multi remote add hung "git://127.0.0.1:$HUNG_PORT/hung.git"
git-multi push r1 r2 r3 r4 r5 r6 r7 >/dev/null

TRACE="$WORK/trace"
SOCK="$WORK/tmux.sock"
cat >"$WORK/run.sh" <<SH
#!/bin/sh
cd "$REPO"
GIT_MULTI_TUI_TRACE="$TRACE" exec "$BIN_DIR/git-multi" tui
SH
chmod +x "$WORK/run.sh"
tmux -S "$SOCK" new-session -d -x 120 -y 40 "$WORK/run.sh"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 1 100); do
    grep -q first-frame "$TRACE" 2>/dev/null && break
    sleep 0.05
done
for _ in $(seq 1 "$REPS"); do
    tmux -S "$SOCK" send-keys j
    sleep 0.1
done
tmux -S "$SOCK" send-keys q
sleep 0.5
python3 - "$TRACE" <<'PY'
import sys, statistics
lines = [l.split() for l in open(sys.argv[1])]
first = next(int(t) for t, what in lines if what == "first-frame") / 1000
keys = [int(t) for t, what in lines if what == "key"]
frames = [int(t) for t, what in lines if what == "frame-after-key"]
deltas = [(f - k) / 1000 for k, f in zip(keys, frames)]
median = statistics.median(deltas)
print("| dashboard, 8 remotes (one never answers) | measured | target |")
print("| --- | ---: | --- |")
print(f"| first paint (command start to first frame) | {first:.1f} ms | <= 150 ms: {'PASS' if first <= 150 else 'FAIL'} |")
print(f"| key press to frame, median of {len(deltas)} (max {max(deltas):.1f} ms) | {median:.1f} ms | <= 50 ms: {'PASS' if median <= 50 else 'FAIL'} |")
PY
echo "(load before: $LOAD_BEFORE; git $(git --version | cut -d' ' -f3))"
