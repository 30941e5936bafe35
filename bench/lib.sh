# Shared by the bench/ scripts (sourced, not run): builds the release binary, makes the temp directory with its
# EXIT trap (servers this script started are stopped by PID, the directory removed unless KEEP=1), a hermetic git
# environment whose secret reaches git only through a credential helper, and free_ports / wait_port.
# Expects BENCH_NAME (the temp directory's prefix) to be set by the caller.

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
started_at=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== building git-multi (release)" >&2
cargo build --release --locked -j1 --target-dir "$ROOT/target" --manifest-path "$ROOT/Cargo.toml" >&2
BIN_DIR="$ROOT/target/release"
test -x "$BIN_DIR/git-multi"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/${BENCH_NAME:-git-multi-bench}.XXXXXX")
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [[ -n "${KEEP:-}" ]]; then
        echo "kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

# --- hermetic git environment -------------------------------------------------------------------------------
export PATH="$BIN_DIR:$PATH"
export HOME="$WORK/home"
export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL="$WORK/gitconfig"
export GIT_TERMINAL_PROMPT=0
export LC_ALL=C
export XDG_CONFIG_HOME="$HOME/.config"
unset GIT_ASKPASS SSH_ASKPASS GIT_DIR GIT_WORK_TREE
mkdir -p "$HOME"
USER_NAME=bench
PASSWORD="bench-$RANDOM$RANDOM"
git config --file "$GIT_CONFIG_GLOBAL" user.name Bench
git config --file "$GIT_CONFIG_GLOBAL" user.email bench@example.com
git config --file "$GIT_CONFIG_GLOBAL" init.defaultBranch main
# The secret reaches git only through a credential helper, never through a URL.
git config --file "$GIT_CONFIG_GLOBAL" credential.helper \
    "!f() { echo username=$USER_NAME; echo password=$PASSWORD; }; f"

free_ports() {
    python3 - "$1" <<'PY'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
PY
}

wait_port() {
    local port=$1 tries
    for tries in $(seq 1 100); do
        if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 0.2).close()" "$port" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    echo "port $port did not open after $tries tries" >&2
    return 1
}

