#!/usr/bin/env python3
"""Measure the `consistency/spelling` threshold on corpus articles.

For each article of ../shared/corpus/ (read at run time, written only to a
temporary folder), a two-word phrase whose first word is always followed by
the same second word, used k + 1 times, gets a one-letter slip in the second
word of one use, so the usual spelling is left k other times (k = 2..6).
Two kinds of slip:

- `letter`: one letter inside the word replaced by another letter of its
  script (never the first two letters of an Arabic word, never the last);
- `nisba` (Arabic): the word written as its nisba adjective, with a final
  `ي` (`سلاح الجو` → `سلاح الجوي`).

The unchanged articles are checked too. factlint reports the number of
other uses in each message ("… is written «…» N other times"), so one run
gives every threshold t: a finding counts at t when N >= t. The letter rule
fires from N = 2 in the build measured; the nisba rule reads its minimum
from FACTLINT_NISBA_MIN when a local measurement build provides it
(defaults to the built-in minimum otherwise), so run with
FACTLINT_NISBA_MIN=2 to see thresholds 2 and 3 for it.

    python3 scripts/measure_spelling_threshold.py [--binary PATH] [--max-per-k N]
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
AR_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمن"
EN_LETTERS = "bcdfghklmnprstvw"
TOKEN = re.compile(r"\w+|[^\w\s]")
THRESHOLDS = range(2, 7)


def articles(lang):
    if lang == "ar":
        path, key = "articles_ar/saudinewsnet_sample.jsonl", "content"
    else:
        path, key = "articles_en/reuters21578_sample.jsonl", "text"
    with open(os.path.join(CORPUS, path), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                item = json.loads(line)
                body = (item.get(key) or "").replace("\x03", "")
                if lang == "en":
                    body = "\n\n".join(re.sub(r"\s+", " ", p).strip()
                                       for p in re.split(r"\n(?=\s{2,})", body))
                else:
                    body = "\n\n".join(p.strip() for p in body.split("\n") if p.strip())
                title = re.sub(r"\s+", " ", item.get("title") or "").strip()
                yield item["id"], f"{title}\n\n{body}\n"


def phrases(text, lang):
    """Two-word phrases (first word, second word) -> start offsets of the
    second word, for first words always followed by the same word."""
    tokens = [(m.group(), m.start()) for m in TOKEN.finditer(text)]
    followers = collections.defaultdict(list)
    for (a, _), (b, at) in zip(tokens, tokens[1:]):
        if re.fullmatch(r"\w+", a) and len(a) >= 3:
            followers[a].append((b, at))
    found = {}
    for a, items in followers.items():
        seconds = {b for b, _ in items}
        if len(seconds) != 1:
            continue
        b = items[0][0]
        if not re.fullmatch(r"[^\W\d_]+", b) or len(b) < (5 if lang == "ar" else 5):
            continue
        # The same separator (a space) every time, no line break inside.
        if all(text[at - 1] == " " for _, at in items):
            found[(a, b)] = [at for _, at in items]
    return found


def slip(word, lang, kind, rng, vocabulary):
    if kind == "nisba":
        new = word + "ي"
        return None if new in vocabulary else new
    letters = AR_LETTERS if lang == "ar" else EN_LETTERS
    first = 2 if lang == "ar" else 1
    for _ in range(20):
        i = rng.randrange(first, len(word) - 1)
        c = rng.choice(letters)
        if c == word[i].lower():
            continue
        if word[i].isupper():
            c = c.upper()
        new = word[:i] + c + word[i + 1:]
        if new not in vocabulary:
            return new
    return None


def run(binary, folder):
    out = subprocess.run([binary, "check", folder, "--format", "json", "--no-config",
                          "--select", "consistency/spelling"], capture_output=True)
    if out.returncode not in (0, 1):
        sys.exit(out.stderr.decode("utf-8", "replace")[-3000:])
    return json.loads(out.stdout)


def count_of(finding):
    m = re.search(r"(\d+) other times", finding["message"])
    return int(m.group(1)) if m else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "factlint"))
    parser.add_argument("--max-per-k", type=int, default=200)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print("| language | slip | k (other uses) | injected | found at t=2 | t=3 | t=4 | t=5 | t=6 |")
    print("|---|---|---|---|---|---|---|---|---|")
    clean_rows = []
    for lang in ["ar", "en"]:
        kinds = ["letter", "nisba"] if lang == "ar" else ["letter"]
        with tempfile.TemporaryDirectory() as clean, tempfile.TemporaryDirectory() as slipped:
            injected = {}
            per_k = collections.Counter()
            words = 0
            for n, (ident, text) in enumerate(articles(lang)):
                name = f"{lang}-{n:05d}.txt"
                words += len(text.split())
                with open(os.path.join(clean, name), "w", encoding="utf-8") as out:
                    out.write(text)
                vocabulary = set(re.findall(r"\w+", text))
                candidates = [(p, at) for p, at in phrases(text, lang).items() if 3 <= len(at) <= 7]
                rng.shuffle(candidates)
                for kind in kinds:
                    for (a, b), places in candidates:
                        k = len(places) - 1
                        if per_k[(kind, k)] >= args.max_per_k:
                            continue
                        new = slip(b, lang, kind, rng, vocabulary)
                        if not new:
                            continue
                        at = rng.choice(places)
                        changed = text[:at] + new + text[at + len(b):]
                        slip_name = f"{lang}-{n:05d}-{kind}.txt"
                        with open(os.path.join(slipped, slip_name), "w", encoding="utf-8") as out:
                            out.write(changed)
                        byte_at = len(changed[:at].encode("utf-8"))
                        injected[slip_name] = (kind, k, byte_at, byte_at + len(new.encode("utf-8")))
                        per_k[(kind, k)] += 1
                        break
            base = run(args.binary, clean)
            report = run(args.binary, slipped)
        found = collections.defaultdict(collections.Counter)
        total = collections.Counter()
        for kind, k, _, _ in injected.values():
            total[(kind, k)] += 1
        for f in report["files"]:
            kind, k, start, end = injected[os.path.basename(f["path"])]
            best = 0
            for finding in f["findings"]:
                span = finding["span"]
                if span["start"] < end and start < span["end"]:
                    best = max(best, count_of(finding))
            for t in THRESHOLDS:
                found[(kind, k)][t] += best >= t
        for kind in kinds:
            for k in range(2, 7):
                n = total[(kind, k)]
                if not n:
                    continue
                cells = " | ".join(f"{found[(kind, k)][t]} ({100 * found[(kind, k)][t] / n:.0f}%)"
                                   for t in THRESHOLDS)
                print(f"| {lang} | {kind} | {k} | {n} | {cells} |")
        counts = [count_of(x) for f in base["files"] for x in f["findings"]]
        clean_rows.append((lang, len(base["files"]), words,
                           [sum(c >= t for c in counts) for t in THRESHOLDS]))
    print()
    print("Findings on the unchanged articles (any of them may be a real slip in the published text):")
    print()
    print("| language | articles | words | t=2 | t=3 | t=4 | t=5 | t=6 |")
    print("|---|---|---|---|---|---|---|---|")
    for lang, files, words, row in clean_rows:
        print(f"| {lang} | {files} | {words} | " + " | ".join(str(x) for x in row) + " |")


if __name__ == "__main__":
    main()
