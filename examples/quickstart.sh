#!/usr/bin/env bash
# Quickstart: builds git-multi, makes a scratch repository and three local bare "hosts", and shows the main
# job: one command pushes to all of them in parallel, then status compares every branch on every host.
# Needs only git and cargo. Everything happens in a temporary directory that is removed at the end
# (set KEEP=1 to keep it).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
echo "building git-multi with cargo (the first build takes a few minutes; later ones a few seconds)..." >&2
# Wherever cargo puts it (CARGO_TARGET_DIR, a build.target-dir setting): cargo names the executable it built.
built="$(cargo build --locked --manifest-path "$here/Cargo.toml" --bin git-multi \
  --message-format=json-render-diagnostics)"
exe="$(printf '%s\n' "$built" | sed -n 's/.*"executable":"\([^"]*\/git-multi\)".*/\1/p' | tail -n 1)"
if [ -z "$exe" ] || [ ! -x "$exe" ]; then
  echo "error: cargo built git-multi but did not say where it is" >&2
  exit 1
fi
echo "using $exe" >&2
export PATH="$(dirname "$exe"):$PATH"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/git-multi-quickstart.XXXXXX")"
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
# A private git identity and config, so your own ~/.gitconfig is neither needed nor touched.
export GIT_CONFIG_GLOBAL="$scratch/gitconfig" GIT_CONFIG_NOSYSTEM=1
git config --global user.name "Quickstart" && git config --global user.email "quickstart@example.com"
git config --global init.defaultBranch main

for host in github gitlab codeberg; do git init -q --bare "hosts/$host.git"; done
git init -q work && cd work
echo "hello" > README && git add README && git commit -q -m "first commit"
git switch -q -c feature && echo "more" >> README && git commit -q -am "feature work" && git switch -q main

run() { printf '\n$ %s\n' "$*"; "$@"; }
run git multi init
run git multi remote add github   "$scratch/hosts/github.git"
run git multi remote add gitlab   "file://$scratch/hosts/gitlab.git"
run git multi remote add codeberg "$scratch/hosts/codeberg.git" --provider forgejo
run git multi remote list -v
run git multi remote test
run git multi push --all
echo "one more" >> README && git commit -q -am "second commit"
run git multi status
run git multi push
run git multi status
run git fetch multi   # plain git sees the same set
echo
echo "scratch repository: $scratch/work${KEEP:+ (kept)}"
