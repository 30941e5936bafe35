#!/usr/bin/env python3
"""Writes a `git fast-import` stream for a deterministic history of small, realistic changes.

    make_repo.py --commits 2000 | git fast-import --quiet

Starts with 150 text files of ~4 KB of pseudo-random words in a few directories; each commit edits a few lines
of 1-3 files and now and then adds a file. Seeded, so every run builds the same repository (~3 MB pack).
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import random
import sys

WORDS = (
    "alpha beta gamma delta remote push fetch branch commit tree blob merge rebase index object pack delta "
    "server client proxy latency parallel sequential timeout retry config origin mirror upstream refs head "
    "tag status offline online fan out host token credential helper http smart backend receive upload"
).split()


def line(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 12))]
    return " ".join(words) + f" {rng.getrandbits(32):08x}\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(20240601)
    out = sys.stdout.buffer
    files: dict[str, list[str]] = {}
    dirs = ["src", "src/net", "src/cmd", "docs", "tests", "lib"]
    for i in range(150):
        files[f"{rng.choice(dirs)}/file{i:03}.txt"] = [line(rng) for _ in range(60)]
    when = 1_700_000_000
    for n in range(args.commits):
        changed: list[str] = []
        if n == 0:
            changed = list(files)
        else:
            for _ in range(rng.randint(1, 3)):
                path = rng.choice(list(files))
                body = files[path]
                for _ in range(rng.randint(1, 4)):
                    at = rng.randrange(len(body))
                    if rng.random() < 0.7:
                        body[at] = line(rng)
                    else:
                        body.insert(at, line(rng))
                changed.append(path)
            if rng.random() < 0.05:
                path = f"{rng.choice(dirs)}/new{n:04}.txt"
                files[path] = [line(rng) for _ in range(rng.randint(10, 40))]
                changed.append(path)
        message = f"change {n}: {' '.join(rng.choice(WORDS) for _ in range(5))}\n".encode()
        out.write(b"commit refs/heads/main\n")
        out.write(f"author Bench <bench@example.com> {when + n * 60} +0000\n".encode())
        out.write(f"committer Bench <bench@example.com> {when + n * 60} +0000\n".encode())
        out.write(b"data %d\n%s" % (len(message), message))
        for path in sorted(set(changed)):
            data = "".join(files[path]).encode()
            out.write(f"M 100644 inline {path}\n".encode())
            out.write(b"data %d\n%s\n" % (len(data), data))
        out.write(b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
