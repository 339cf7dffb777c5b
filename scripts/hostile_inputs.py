#!/usr/bin/env python3
"""Run factlint on hostile inputs and report every panic, crash or hang.

Writes about forty articles that once broke a linter (empty, a BOM alone,
bytes that are not UTF-8, NUL, deep nesting, a megabyte on one line, tabs
before a word, front matter left open or opening with a blank line, YAML
anchors, thirty-digit numbers, random bytes) to a temporary folder outside
the repository, checks each in every output format, then again under
`--fix` and `--fix --unsafe-fixes` on copies. A case fails when factlint
exits above 2, prints "panicked", or takes more than 60 seconds. Two
inputs start from a corpus article (../shared/corpus, measurement only:
nothing is written into the repository).

    python3 scripts/hostile_inputs.py [--binary PATH]

Exit status 1 when a case failed.
"""
import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMATS = ["human", "json", "jsonl", "sarif", "github", "gitlab", "junit", "rdjson", "html"]


def corpus_text(lang):
    """Two paragraphs' worth of a real article, or a stand-in without the corpus."""
    path, key = {
        "ar": ("articles_ar/saudinewsnet_sample.jsonl", "content"),
        "en": ("articles_en/reuters21578_sample.jsonl", "text"),
    }[lang]
    try:
        with open(os.path.join(ROOT, "..", "shared", "corpus", path), encoding="utf-8") as f:
            for line in f:
                body = json.loads(line).get(key) or ""
                if len(body) > 1500:
                    return body
    except OSError:
        pass
    return {"ar": "قال الوزير إن الاجتماع عقد يوم الاثنين. ", "en": "The minister said on Monday. "}[lang] * 40


def inputs(rng):
    ar, en = corpus_text("ar"), corpus_text("en")
    laughs = "".join(
        f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 9 if i else ['"lol"'] * 9) + "]\n" for i in range(10)
    )
    return {
        "empty.txt": "",
        "bom.md": "\ufeff",
        "blank.txt": " \n\t\n\r\n",
        "not-utf8.txt": b"\xff\xfe\x00abc\xc3\x28 \xe2\x82",
        "nul.txt": "abc\x00def\n" * 10,
        "deep-quote.md": ">" * 20000 + " text\n",
        "deep-list.md": "".join("  " * i + "- item\n" for i in range(3000)),
        "deep-html.html": "<div>" * 100000 + "text" + "</div>" * 100000,
        "unclosed.html": "<p>" * 5000 + "<script>" + "x" * 1000,
        "front-matter-open.md": "---\ntitle: x\ndate: 2020-01-01\n",
        "front-matter-blank-first.md": "---\n\ntitle: x\ndate: 2020-01-06\n---\n\nOn Monday, January 6, 2020.\n",
        "front-matter-bad-date.md": "---\ndate: 2026-02-30\n---\nOn Monday, February 30, 2026, the war.\n",
        "front-matter-year.md": "---\ndate: 99999-01-01\n---\nday 5 of the war\n",
        "front-matter-year-0.md": "---\ndate: 0000-01-01\n---\nهذا اليوم 428 من الحرب\n",
        "front-matter-huge.md": '---\ntitle: "' + "a" * 2000000 + '"\n---\nbody\n',
        "front-matter-anchor.md": "---\na: &a [*a]\n---\nbody\n",
        "front-matter-laughs.md": "---\n" + laughs + "---\nbody\n",
        "big-numbers.txt": "On day 99999999999999999999999999 of the war, 9999999999999999999 years later, in 18446744073709551616. Monday, 31 December 9999. Monday, 1 January 10000.\n",
        "big-numbers.ar.txt": "في اليوم 99999999999999999999999 من الحرب، وبعد 99999999999999 عاما، الاثنين 1 يناير 9999999999 الموافق 1 محرم 99999999999 هـ. يوم الأحد 30 رمضان 0 هـ.\n",
        "hijri-edges.txt": "الخميس 30 ذو الحجة 1445 هـ الموافق 6 يوليو 2024، الأحد 0 محرم 1 هـ، 29 صفر 200000 هـ\n",
        "marks.txt": "\u0651" * 10000 + "\u200f\u202e" * 5000 + "\n",
        "emoji.txt": "👨‍👩‍👧‍👦" * 5000 + " teh teh\n",
        "lone-cr.txt": "line one\rline two teh\r\rMonday, 1 January 2024\r",
        "crlf.ar.txt": ar.replace("\n", "\r\n"),
        "tabs.txt": "\t" * 500 + "teh recieve\n",
        "wide-table.md": "|" + "a|" * 5000 + "\n|" + "-|" * 5000 + "\n|" + "teh|" * 5000 + "\n",
        "one-line.ar.txt": (ar.replace("\n", " ") + " ") * 200,
        "one-line.en.txt": (en.replace("\n", " ") + " ") * 200,
        "random.txt": bytes(rng.getrandbits(8) for _ in range(200000)),
        "random-utf8.txt": "".join(
            chr(rng.choice([rng.randint(0x20, 0x7E), rng.randint(0x600, 0x6FF), rng.randint(0x80, 0xD7FF), 0x0A, 0x20]))
            for _ in range(200000)
        ),
        "links.md": "[" * 10000 + "x" + "]" * 10000 + "(" * 10000,
        "emphasis.md": "*" * 50000 + "teh" + "_" * 50000,
        "fences.md": "```\n" * 3000,
        "entities.html": "&#x110000;&#0;&#xD800;&amp;&nbsp;&#1234567890123;<p>teh &lt;</p>" * 1000,
        "long-attribute.html": '<img alt="' + "teh " * 20000 + '">',
        "long-word.txt": "a" * 1000000 + "\n" + "ب" * 500000 + "\n",
        "digits.txt": "1" * 100000 + "\n" + "٣" * 100000 + "\n",
        "records.jsonl": '{"id": 1, "text": "teh"}\n{"id": "x"}\nnot json\n{"id":"y","text":"x","date":"2020-13-45"}\n{"id":"z","text":"a","format":"nope"}\n{"id":"' + "i" * 100000 + '","text":"teh"}\n',
    }


def run(binary, args, cwd):
    try:
        done = subprocess.run([binary, *args], cwd=cwd, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "timed out after 60 s"
    if done.returncode > 2 or b"panicked" in done.stderr:
        first = next((l for l in done.stderr.decode(errors="replace").splitlines() if "panicked" in l), "")
        return f"exit {done.returncode} {first[:200]}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "factlint"))
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        for name, data in inputs(random.Random(7)).items():
            path = os.path.join(folder, name)
            with open(path, "wb") as f:
                f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        for name in sorted(os.listdir(folder)):
            extra = ["--input-format", "jsonl"] if name.endswith(".jsonl") else []
            base = ["check", "--no-config", "--no-cache", *extra]
            for fmt in FORMATS:
                problem = run(args.binary, [*base, "--format", fmt, name], folder)
                if problem:
                    failures.append(f"{name} --format {fmt}: {problem}")
            if extra:
                continue
            for fix in (["--fix"], ["--fix", "--unsafe-fixes"]):
                copy = os.path.join(folder, "fix-" + name)
                shutil.copyfile(os.path.join(folder, name), copy)
                problem = run(args.binary, [*base, *fix, "--format", "json", os.path.basename(copy)], folder)
                os.remove(copy)
                if problem:
                    failures.append(f"{name} {' '.join(fix)}: {problem}")
        print(f"{len(os.listdir(folder))} inputs, {len(FORMATS)} formats and two fix modes each")
    for failure in failures:
        print("FAIL", failure)
    print("no panic, crash or hang" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
