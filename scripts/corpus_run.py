#!/usr/bin/env python3
"""Run factlint over the measurement corpus in ../shared/corpus/.

The corpus is for measurement only: this script writes each article to a
temporary folder outside the repository (Markdown with front matter: title,
the publication date the corpus records, language), runs
`factlint check --format jsonl` over it, and prints findings per code, per
10,000 words, with the text of each finding and a few words of context so
that a person can judge them. Nothing is written into the repository.

    python3 scripts/corpus_run.py [--lang ar|en|both] [--select CODE]... [--show N] [--binary PATH]
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
SOURCES = {
    "ar": ("articles_ar/saudinewsnet_sample.jsonl", "content", "date_extracted"),
    "en": ("articles_en/reuters21578_sample.jsonl", "text", "date_iso"),
}


def write_articles(lang, folder):
    path, body_key, date_key = SOURCES[lang]
    words = 0
    with open(os.path.join(CORPUS, path), encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            item = json.loads(line)
            body = item.get(body_key) or ""
            title = (item.get("title") or "").replace('"', "'").replace("\n", " ")
            date = (item.get(date_key) or "")[:10]
            words += len(body.split()) + len(title.split())
            name = os.path.join(folder, f"{lang}-{n:05d}.md")
            with open(name, "w", encoding="utf-8") as out:
                out.write(f'---\ntitle: "{title}"\n')
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                    out.write(f"date: {date}\n")
                out.write(f"lang: {lang}\n---\n\n{body}\n")
    return words


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="both", choices=["ar", "en", "both"])
    parser.add_argument("--select", action="append", default=[])
    parser.add_argument("--rules", action="append", default=[])
    parser.add_argument("--show", type=int, default=20, help="findings to print per code")
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "factlint"))
    args = parser.parse_args()
    langs = ["ar", "en"] if args.lang == "both" else [args.lang]
    for lang in langs:
        with tempfile.TemporaryDirectory() as folder:
            words = write_articles(lang, folder)
            command = [args.binary, "check", folder, "--format", "jsonl", "--fail-on", "error"]
            for code in args.select:
                command += ["--select", code]
            for rules in args.rules:
                command += ["--rules", rules]
            run = subprocess.run(command, capture_output=True, text=True)
            if run.returncode not in (0, 1):
                sys.stderr.write(run.stderr[-4000:])
                sys.exit(f"factlint exited with {run.returncode} on the {lang} corpus")
            # A line without `code` is an article with no finding.
            findings = [f for f in map(json.loads, filter(str.strip, run.stdout.splitlines())) if f.get("code")]
            by_code = collections.defaultdict(list)
            for f in findings:
                by_code[f["code"]].append(f)
            print(f"== {lang}: {words} words, {len(findings)} findings")
            for code, items in sorted(by_code.items()):
                print(f"{code}: {len(items)} ({len(items) * 10000 / words:.2f} per 10,000 words)")
                for f in items[: args.show]:
                    text = open(f["path"], encoding="utf-8").read().encode("utf-8")
                    s, e = f["span"]["start"], f["span"]["end"]
                    before = text[max(0, s - 120):s].decode("utf-8", "ignore").split()[-6:]
                    after = text[e:e + 120].decode("utf-8", "ignore").split()[:6]
                    hit = text[s:e].decode("utf-8")
                    print(f"  {os.path.basename(f['path'])}:{f['span']['line']}  …{' '.join(before)} [{hit}] {' '.join(after)}…")
                    print(f"      {f['message'][:200]}")


if __name__ == "__main__":
    main()
