#!/usr/bin/env python3
"""Measure factlint on many articles: streaming memory, first output, JSONL
records against files, and the result cache.

The corpus in ../shared/corpus/ is for measurement only: this script writes
its articles (cycled to the counts asked for) to a temporary folder outside
the repository, as Markdown files and as one JSONL archive, and runs the
release binary over them under /usr/bin/time -v.

    python3 scripts/scale_run.py [--counts 2000 20000] [--binary PATH]

Prints, per count: wall time, peak RSS and time to the first output line
(uncached), the same run as JSONL records and whether its findings equal
the files' (by id = path), and a first and second run with the cache.
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_run import CORPUS, ROOT, SOURCES  # noqa: E402


def corpus():
    """(name, text, date, lang) of every corpus article."""
    items = []
    for lang, (path, body_key, date_key) in SOURCES.items():
        with open(os.path.join(CORPUS, path), encoding="utf-8") as f:
            for n, line in enumerate(f):
                if not line.strip():
                    continue
                item = json.loads(line)
                date = (item.get(date_key) or "")[:10]
                items.append((f"{lang}-{n:05d}", item.get(body_key) or "", date, lang))
    return items


def write(folder, count, articles):
    """`count` articles as files under folder/tree and records in
    folder/records.jsonl; ids are the files' paths."""
    tree = os.path.join(folder, "tree")
    os.makedirs(tree)
    with open(os.path.join(folder, "records.jsonl"), "w", encoding="utf-8") as records:
        for i in range(count):
            name, body, date, lang = articles[i % len(articles)]
            sub = os.path.join(tree, f"{i // 1000:03d}")
            os.makedirs(sub, exist_ok=True)
            path = os.path.join(sub, f"{name}-{i:06d}.txt")
            with open(path, "w", encoding="utf-8") as out:
                out.write(body + "\n")
            # The files carry no date or language, so neither do the
            # records: both are detected the same way.
            record = {"id": path, "text": body + "\n"}
            records.write(json.dumps(record, ensure_ascii=False) + "\n")
    return tree


def timed(command, cwd, stdin=None):
    """Runs under /usr/bin/time -v: (seconds, peak MB, first line s, stdout)."""
    start = time.monotonic()
    process = subprocess.Popen(
        ["/usr/bin/time", "-v"] + command,
        cwd=cwd,
        stdin=open(stdin, "rb") if stdin else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first = process.stdout.readline()
    first_at = time.monotonic() - start
    rest = process.stdout.read()
    err = process.stderr.read().decode()
    process.wait()
    seconds = time.monotonic() - start
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    return seconds, peak, first_at, (first + rest).decode()


def findings(output, key):
    """Multiset of (id, code, span) from JSONL output."""
    out = collections.Counter()
    for line in output.splitlines():
        item = json.loads(line)
        out[(item[key], item.get("code"), json.dumps(item.get("span")), item.get("error"))] += 1
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "factlint"))
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    articles = corpus()
    print("| articles | run | wall s | peak MB | first line s |")
    print("|---:|---|---:|---:|---:|")
    for count in args.counts:
        folder = tempfile.mkdtemp(prefix="factlint-scale-")
        try:
            tree = write(folder, count, articles)
            base = [binary, "check", "--no-config", "--format", "jsonl", "--lang", "auto"]
            s, mb, first, files_out = timed(base + ["--no-cache", tree], folder)
            print(f"| {count} | files, no cache | {s:.2f} | {mb:.0f} | {first:.2f} |")
            s, mb, first, records_out = timed(
                base + ["--input-format", "jsonl", "-"], folder,
                stdin=os.path.join(folder, "records.jsonl"))
            print(f"| {count} | JSONL records | {s:.2f} | {mb:.0f} | {first:.2f} |")
            cache = os.path.join(folder, "cache")
            cold = timed(base + ["--cache-dir", cache, tree], folder)
            warm = timed(base + ["--cache-dir", cache, tree], folder)
            print(f"| {count} | cache, first run | {cold[0]:.2f} | {cold[1]:.0f} | {cold[2]:.2f} |")
            print(f"| {count} | cache, second run | {warm[0]:.2f} | {warm[1]:.0f} | {warm[2]:.2f} |")
            same_cache = warm[3] == files_out == cold[3]
            a = findings(files_out, "path")
            b = findings(records_out, "id")
            print(f"|  | cache output identical to uncached: {same_cache}; "
                  f"speed-up {cold[0] / warm[0]:.1f}x | | | |")
            print(f"|  | records vs files: {sum(a.values())} vs {sum(b.values())} lines, "
                  f"identical: {a == b} | | | |")
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
