#!/usr/bin/env python3
"""Turns bench/run.sh's raw timings (scenario<TAB>label<TAB>seconds|timeout) into Markdown tables.

    report.py RAW.tsv [--machine TEXT] [--setup TEXT]

Prints the medians (with every raw run), then each target with its measured ratio and PASS/MISS.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import statistics
from collections import defaultdict

SCENARIOS = {
    "full": "Full push (2000 commits into 8 empty repositories)",
    "noop": "No-op push (8 repositories already up to date)",
    "status": "Remote status (branches of 8 remotes)",
    "offline-small": "Offline status, 1/10 of the refs (scaling check)",
    "offline": "Offline status (tracking refs)",
}

# (scenario, what, numerator label, denominator label, limit, kind): kind "max" means ratio <= limit passes,
# "min" means ratio >= limit passes.
TARGETS = [
    ("full", "full push vs shell parallel", "git-multi push", "8 x git push & + wait", 1.15, "max"),
    ("full", "pushurls vs full push (speed-up)", "1 remote, 8 pushurls", "git-multi push", 2.8, "min"),
    ("noop", "no-op push vs shell parallel", "git-multi push", "8 x git push & + wait", 1.2, "max"),
    ("status", "status vs 8 parallel ls-remote", "git multi status", "8 x git ls-remote & + wait", 1.3, "max"),
    ("offline", "status --offline vs for-each-ref", "git multi status --offline", "git for-each-ref", 5.0, "max"),
]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("raw")
    parser.add_argument("--machine", default="")
    parser.add_argument("--setup", default="")
    parser.add_argument("--cores", type=int, default=0)
    args = parser.parse_args()

    runs: dict[tuple[str, str], list[float | None]] = defaultdict(list)
    cpu: dict[tuple[str, str], list[float]] = defaultdict(list)
    order: list[tuple[str, str]] = []
    for line in open(args.raw):
        scenario, label, value, used = (line.rstrip("\n").split("\t") + [""])[:4]
        key = (scenario, label)
        if key not in runs:
            order.append(key)
        runs[key].append(None if value == "timeout" else float(value))
        if used:
            cpu[key].append(float(used))

    def median(key: tuple[str, str]) -> float | None:
        values = runs.get(key, [])
        if not values or any(v is None for v in values):
            return None
        return statistics.median(values)  # type: ignore[arg-type]

    def fmt(v: float | None) -> str:
        return "timeout" if v is None else f"{v:.3f}"

    def fmt_cpu(values: list[float], cores: int = 1) -> str:
        return f"{statistics.median(values) / cores:.2f}" if values else ""

    if args.machine:
        print(f"Machine: {args.machine}  ")
    if args.setup:
        print(f"Setup: {args.setup}")
    print()
    cores = args.cores or 1
    print(
        "| scenario | contender | median (s) | min | max | all runs (s, in run order) "
        f"| median CPU (s) | CPU / {cores} cores (s) |"
    )
    print("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: |")
    for key in sorted(order, key=lambda k: list(SCENARIOS).index(k[0])):
        values = runs[key]
        known = [v for v in values if v is not None]
        lo = min(known) if known else None
        hi = max(known) if len(known) == len(values) else None
        print(
            f"| {key[0]} | {key[1]} | {fmt(median(key))} | {fmt(lo)} | {fmt(hi)} | "
            f"{' '.join(fmt(v) for v in values)} | {fmt_cpu(cpu[key])} | {fmt_cpu(cpu[key], cores)} |"
        )
    print()
    print("| target | measured | limit | result |")
    print("| --- | ---: | ---: | --- |")
    for scenario, what, num, den, limit, kind in TARGETS:
        a, b = median((scenario, num)), median((scenario, den))
        if a is None or b is None:
            print(f"| {what} | n/a | {limit} | MISS (no time) |")
            continue
        ratio = a / b
        ok = ratio <= limit if kind == "max" else ratio >= limit
        sign = "≤" if kind == "max" else "≥"
        print(f"| {what} ({num} / {den}) | {ratio:.2f}× | {sign} {limit}× | {'PASS' if ok else 'MISS'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
