#!/usr/bin/env python3
"""Check each corpus article in a process of its own with two factlint
binaries in turn, and print the percentiles of their CPU time, wall time
and peak memory.

An editor integration, a pre-commit hook or one process per archived
record pays a whole process per article, and the issue's one-article
targets (20 ms, 30 MB) must hold for every article, not only for the
benchmark's. A cost that only some articles pay (a dictionary opened for
one unknown word) shows in the tail, not in the median. The two binaries
alternate article by article, so drift of a shared machine falls on both.
CPU time and peak RSS come from `wait4` for each process.

The corpus is for measurement only: the articles are written to a
temporary folder (as `corpus_run.py` writes them), never into the
repository.

    python3 scripts/measure_one_at_a_time.py OLD_BINARY NEW_BINARY [--lang ar|en] [--limit N]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_run  # noqa: E402


def run(binary, path):
    """One check of one article: (CPU ms, wall ms, peak RSS MB)."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [binary, "check", path, "--no-config", "--no-cache", "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - started) * 1000
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{binary} failed on {path} (exit status {status})")
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    return cpu, wall, usage.ru_maxrss / 1024


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--lang", choices=["ar", "en"], default="ar")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus_run.write_articles(args.lang, folder)
        paths = sorted(os.path.join(folder, name) for name in os.listdir(folder))
        paths = paths[: args.limit] if args.limit else paths
        results = {args.old: ([], [], []), args.new: ([], [], [])}
        for i, path in enumerate(paths):
            order = (args.old, args.new) if i % 2 == 0 else (args.new, args.old)
            for binary in order:
                for column, value in zip(results[binary], run(binary, path)):
                    column.append(value)
    print(f"{len(paths)} {args.lang} articles, each checked alone")
    print("| binary | CPU ms p50 / p80 / p95 / max | wall ms p50 / p95 / max | over 20 ms wall | peak MB p50 / max |")
    print("|---|---:|---:|---:|---:|")
    for binary in (args.old, args.new):
        cpu, wall, rss = results[binary]
        print(
            f"| {binary} "
            f"| {percentile(cpu, .5):.1f} / {percentile(cpu, .8):.1f} / {percentile(cpu, .95):.1f} / {max(cpu):.1f} "
            f"| {percentile(wall, .5):.1f} / {percentile(wall, .95):.1f} / {max(wall):.1f} "
            f"| {sum(w > 20 for w in wall)} "
            f"| {percentile(rss, .5):.0f} / {max(rss):.0f} |"
        )


if __name__ == "__main__":
    main()
