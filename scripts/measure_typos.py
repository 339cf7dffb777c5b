#!/usr/bin/env python3
"""Measure the bundled typo packs on real news text (false positives and hit rate).

Reads the measurement corpus in ../shared/corpus/ (relative to the repo root;
override with --corpus DIR), which is for measurement only and is never
copied into the repository:

  * articles_ar/saudinewsnet_sample.jsonl: fields `title` and `content`;
  * articles_en/reuters21578_sample.jsonl: fields `title` and `text`.

For each pack it counts how often each entry occurs as a whole word:

  * English (rules/typos/en-common.csv): case-insensitive, on runs of ASCII
    letters;
  * Arabic (rules/typos/ar-common.yaml): after removing tashkeel and tatweel
    only (hamza, alef maqsura and ta marbuta are compared as written), with
    the proclitics و ف ب ك ل ال لل allowed in front of the first word.

It prints the corpus sizes, the hits per entry, the hits per 10,000 words, and
(with --sample N) N hits drawn at random with a fixed seed, each with about
--context words either side, for judging by hand. The output quotes the corpus:
keep it out of the repository.

Standard library only (Python 3.11). Deterministic.

Usage (from the repo root):
    python3 scripts/measure_typos.py [--corpus DIR] [--sample N] [--context W] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import typo_packs as tp  # noqa: E402

DEFAULT_CORPUS = tp.REPO_ROOT.parent / "shared" / "corpus"
AR_FILE = "articles_ar/saudinewsnet_sample.jsonl"
EN_FILE = "articles_en/reuters21578_sample.jsonl"

# English words: runs of ASCII letters (no entry contains an apostrophe, so
# "Sprinkel's" is checked as "Sprinkel").
EN_WORD = re.compile(r"[A-Za-z]+")
# Words for the corpus size: runs of letters or digits (any script).
ANY_WORD = re.compile(r"[^\W_]+")


def load_docs(path: Path, fields: tuple[str, ...]) -> list[tuple[str, str]]:
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            for field in fields:
                text = d.get(field) or ""
                if text:
                    docs.append((f"{d.get('id', '?')}:{field}", text))
    return docs


def context(text: str, start: int, end: int, words: int) -> str:
    before = text[:start].split()[-words:]
    after = text[end:].split()[:words]
    return " ".join(before + ["[[" + text[start:end] + "]]"] + after)


def measure_en(docs, typos: dict[str, list[str]]):
    n_words = 0
    counts: Counter = Counter()
    hits = []
    for doc_id, text in docs:
        n_words += len(ANY_WORD.findall(text))
        for m in EN_WORD.finditer(text):
            w = m.group(0).lower()
            if w in typos:
                counts[w] += 1
                hits.append((w, doc_id, text, m.start(), m.end()))
    return n_words, counts, hits


def measure_ar(docs, entries: list[dict]):
    patterns = [(e["find"], tp.ar_pattern(e["find"])) for e in entries]
    n_words = 0
    counts: Counter = Counter()
    hits = []
    for doc_id, raw in docs:
        text = tp.strip_tashkeel(raw)
        n_words += len(ANY_WORD.findall(text))
        for find, pat in patterns:
            for m in pat.finditer(text):
                counts[find] += 1
                hits.append((find, doc_id, text, m.start(), m.end()))
    return n_words, counts, hits


def report(name, n_docs, n_words, n_entries, counts, hits, show_all):
    total = sum(counts.values())
    per10k = total / n_words * 10000 if n_words else 0.0
    print(f"== {name}")
    print(f"entries: {n_entries}; corpus texts (titles + bodies): {n_docs}; words: {n_words}")
    print(f"hits: {total} from {len(counts)} entries; {per10k:.2f} per 10,000 words")
    for find, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {c:5d}  {find}")
    if show_all:
        for find, doc_id, text, s, e in hits:
            print(f"  [{find}] {doc_id}: {context(text, s, e, 8)}")
    print()
    return total, per10k


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus dir (default: ../shared/corpus)")
    ap.add_argument("--en", type=Path, default=tp.EN_CSV, help="English typo CSV")
    ap.add_argument("--ar", type=Path, default=tp.AR_YAML, help="Arabic typo pack")
    ap.add_argument("--sample", type=int, default=0, help="print N random hits across both packs for judging")
    ap.add_argument("--context", type=int, default=8, help="words of context either side of a sampled hit")
    ap.add_argument("--seed", type=int, default=20150721, help="random seed for --sample")
    ap.add_argument("--all-hits", action="store_true", help="print every hit with context")
    args = ap.parse_args(argv)

    try:
        en_docs = load_docs(args.corpus / EN_FILE, ("title", "text"))
        ar_docs = load_docs(args.corpus / AR_FILE, ("title", "content"))
    except FileNotFoundError as e:
        print(f"error: missing corpus file {e.filename}", file=sys.stderr)
        return 1
    try:
        header, rows = tp.read_en_csv(args.en)
        _, ar_entries, _ = tp.read_ar_pack(args.ar)
    except tp.PackError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    en_typos = {r[0]: r[1:] for r in rows}

    en_words, en_counts, en_hits = measure_en(en_docs, en_typos)
    ar_words, ar_counts, ar_hits = measure_ar(ar_docs, ar_entries)
    report(f"typos-en ({args.en.name}) on {EN_FILE}", len(en_docs), en_words, len(en_typos), en_counts, en_hits, args.all_hits)
    report(f"typos-ar ({args.ar.name}) on {AR_FILE}", len(ar_docs), ar_words, len(ar_entries), ar_counts, ar_hits, args.all_hits)

    if args.sample:
        rng = random.Random(args.seed)
        pool = [("en",) + h for h in en_hits] + [("ar",) + h for h in ar_hits]
        sample = rng.sample(pool, min(args.sample, len(pool)))
        sample.sort(key=lambda h: (h[0], h[1], h[2]))
        print(f"== sample of {len(sample)} hits (seed {args.seed})")
        for i, (lang, find, doc_id, text, s, e) in enumerate(sample, 1):
            fix = ",".join(en_typos[find]) if lang == "en" else next(x["replace"] for x in ar_entries if x["find"] == find)
            print(f"{i:3d}. [{lang}] {find} -> {fix}  ({doc_id})")
            print(f"     {context(text, s, e, args.context)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
