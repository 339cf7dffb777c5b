#!/usr/bin/env python3
"""Measure the inferred reference date on corpus articles, with and without
the bare-weekday rule.

Each article of ../shared/corpus/ is rendered, at run time and into a
temporary folder only, as plain text without front matter (title line, blank
line, body), and checked with

    factlint check DIR --format json --no-config

The JSON `reference_date` of each file is compared with the date the corpus
records (`date_extracted` for the Arabic papers, the day it was scraped;
`date_iso` for Reuters). "Without the rule" is read from the same report:
when the weekday rule moved an inferred date, its `reason` names the latest
full date it started from (`inferred from the latest full date, D at …, and
the weekday at … taken as …`), and that date is what the inference gives
without the rule. A build without the rule reports that date directly, and
then both columns are equal.

    python3 scripts/measure_reference_date.py [--binary PATH]
"""
import argparse
import collections
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

# The corpus and its fields, as the corpus tool reads them.
from corpus_run import CORPUS, ROOT, SOURCES  # noqa: E402


def render(lang, folder):
    path, body_key, date_key = SOURCES[lang]
    truth = {}
    with open(os.path.join(CORPUS, path), encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            item = json.loads(line)
            title = re.sub(r"\s+", " ", item.get("title") or "").strip()
            body = (item.get(body_key) or "").replace("\x03", "")
            if lang == "en":
                body = "\n\n".join(re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n(?=\s{2,})", body))
            else:
                body = "\n\n".join(p.strip() for p in body.split("\n") if p.strip())
            name = f"{lang}-{n:05d}.txt"
            with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
                out.write(f"{title}\n\n{body}\n")
            truth[name] = datetime.date.fromisoformat((item.get(date_key) or "")[:10])
    return truth


def bucket(delta):
    d = abs(delta)
    return "exact" if d == 0 else "1 day" if d <= 1 else "7 days" if d <= 7 else "more"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "factlint"))
    args = parser.parse_args()
    print("| language | source | rule | articles | exact | within 1 day | within 7 days | off by more |")
    print("|---|---|---|---|---|---|---|---|")
    for lang in ["ar", "en"]:
        with tempfile.TemporaryDirectory() as folder:
            truth = render(lang, folder)
            out = subprocess.run([args.binary, "check", folder, "--format", "json", "--no-config"],
                                 capture_output=True)
            if out.returncode not in (0, 1):
                sys.exit(out.stderr.decode("utf-8", "replace")[-3000:])
            report = json.loads(out.stdout)
        rows = collections.defaultdict(collections.Counter)
        moved = collections.Counter()
        none = 0
        for f in report["files"]:
            real = truth[os.path.basename(f["path"])]
            ref = f.get("reference_date")
            if not ref:
                none += 1
                continue
            with_rule = datetime.date.fromisoformat(ref["date"])
            without = with_rule
            m = re.match(r"inferred from the latest full date, (\d{4}-\d{2}-\d{2})", ref["reason"])
            if ref["source"] == "inferred" and m:
                without = datetime.date.fromisoformat(m.group(1))
            for rule, date in (("with", with_rule), ("without", without)):
                c = rows[(ref["source"], rule)]
                c["n"] += 1
                c[bucket((date - real).days)] += 1
            if without != with_rule:
                a, b = abs((with_rule - real).days), abs((without - real).days)
                moved["closer" if a < b else "farther" if a > b else "same distance"] += 1
        for (source, rule), c in sorted(rows.items()):
            n = c["n"]
            cum = lambda *ks: f"{sum(c[k] for k in ks)} ({100 * sum(c[k] for k in ks) / n:.0f}%)"
            print(f"| {lang} | {source} | {rule} | {n} | {cum('exact')} | {cum('exact', '1 day')} | "
                  f"{cum('exact', '1 day', '7 days')} | {cum('more')} |")
        print(f"<!-- {lang}: {none} articles without a reference date; the rule moved "
              f"{sum(moved.values())} inferred dates: {dict(moved)} -->")


if __name__ == "__main__":
    main()
