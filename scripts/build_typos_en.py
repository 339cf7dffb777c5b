#!/usr/bin/env python3
"""Build rules/typos/en-common.csv and rules/typos/en-common.yaml, the bundled
English typo pack.

Reads the crate-ci/typos word list from ../shared/data/ (relative to the repo
root; override with --data DIR) and filters it for news prose:

  * the typo is at least 4 letters long and made of ASCII letters only (one
    internal apostrophe allowed);
  * the typo is not itself a valid English word: it must not appear, compared
    case-insensitively, in either of the Debian word lists
    /usr/share/dict/american-english-large (package wamerican-large) or
    /usr/share/dict/british-english-large (package wbritish-large), so American
    and British spellings are both accepted ("color" and "colour", "defense"
    and "defence" are never flagged); override the directory with --dict DIR;
  * the typo is not listed as a correction anywhere in the source list;
  * the typo is not in NOT_A_TYPO below: words missing from the word lists but
    valid in news prose, found by measuring the pack on a news corpus
    (see rules/typos/README.md);
  * every correction is itself a word of the same Debian word lists (a
    correction such as "distutils" or "transformative" that the lists lack is
    not trusted);
  * no correction is wrong by a better candidate (see `wrong_correction`): a
    word of the lists that is fewer edits away from the typo and at least as
    common ("governmet" -> "governments" loses to "government"), or, at the
    same distance, a word that is the typo with two adjacent letters swapped,
    while the correction is not, and clearly more common ("guage" -> "gage"
    loses to "gauge"). Frequencies come from the PyPI package wordfreq
    (WORDFREQ_VERSION); they are only compared, never written out.

Corrections are kept as the source gives them (lower-case, in source order,
duplicates removed); a correction equal to its typo is dropped. The word lists
are only read to filter; nothing from them is written to the output.

Python 3.11 standard library plus wordfreq. Output is deterministic: rows sorted by
typo, no timestamps.

Usage (from the repo root):
    python3 scripts/build_typos_en.py [--data DIR] [--dict DIR] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
DEFAULT_DICT = Path("/usr/share/dict")
DEFAULT_OUT_DIR = REPO_ROOT / "rules" / "typos"

SOURCE_FILE = "spelling/en/typos_words.csv"
# Word lists: file name in --dict, Debian package that installs it.
WORD_LISTS = [
    ("american-english-large", "wamerican-large"),
    ("british-english-large", "wbritish-large"),
]
CSV_NAME = "en-common.csv"
YAML_NAME = "en-common.yaml"
CSV_HEADER = "typo,correction"

MIN_LETTERS = 4
# wordfreq release whose frequencies rank the corrections; a different
# release could rank a few differently, so the build insists on this one.
WORDFREQ_VERSION = "3.1.1"
# A better candidate must be at least this common (Zipf scale: 3 is about one
# use per million words), so an obscure dictionary word never wins.
MIN_CANDIDATE_ZIPF = 3.0
# At equal distance, a swap-of-letters candidate must be this much more
# common than the correction (0.5 on the Zipf scale is about 3 times).
SWAP_MARGIN_ZIPF = 0.5
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
TYPO_SHAPE = re.compile(r"^[a-z]+(?:'[a-z]+)?$")

# Typos of the source list that are valid in news prose although the word
# lists lack them, or that are too often a name or a deliberate spelling.
# Each one was seen as a false positive (or judged one) when measuring the
# pack; see rules/typos/README.md.
NOT_A_TYPO: dict[str, str] = {
    # Seen in the Reuters-21578 sample (company, person and ticker names,
    # foreign words in institution names, an idiom).
    "ands": "plural noun in the idiom \"no ifs, ands, or buts\"",
    "antibioticos": "Spanish/Portuguese word in company names (Antibioticos SA)",
    "berkley": "surname and given name (Berkley Bedell; W. R. Berkley)",
    "cann": "ticker symbol and surname",
    "commun": "French word (droit commun)",
    "equipement": "French word in institution names (Caisse d'Aide a l'Equipement)",
    "francaises": "French word in institution names (Union de Banques Arabes et Francaises)",
    "garantie": "French/German word in institution names",
    "groupe": "French word in company names (Groupe ...)",
    "handels": "German word in bank names (Berliner Handels- und Frankfurter Bank)",
    "mony": "company name (MONY, Mutual of New York)",
    "pont": "French word in names (Du Pont, Pont-Audemer)",
    "sprinkel": "surname (Beryl Sprinkel)",
    "staf": "ticker symbol and Dutch word",
    "thex": "ticker symbol",
    "varian": "company name (Varian Associates)",
    # Foreign words of frequent news names, checked against the list by hand.
    "industrias": "Spanish word in company names (Industrias Penoles)",
    "internacional": "Spanish/Portuguese word in institution names",
    "presse": "French word in the agency name Agence France-Presse",
}

SOURCE_COMMIT = "3bc303c295c0"
SOURCE_LINE = (
    f"crate-ci/typos (commit {SOURCE_COMMIT}) crates/typos-dict/assets/words.csv, "
    "MIT OR Apache-2.0, filtered for prose by scripts/build_typos_en.py"
)
LICENSE = "MIT OR Apache-2.0"

# Examples checked by the Rust side: the typo must be in the built CSV.
EXAMPLE_TYPO = "goverment"
EXAMPLE_BAD = "The goverment said on Tuesday."
EXAMPLE_GOOD = "The government said on Tuesday."
EXAMPLE_TYPO_2 = "recieved"
EXAMPLE_BAD_2 = "The ministry recieved the report."
EXAMPLE_BRITISH = "The defence ministry said the colour of the labour market was grey."


class BuildError(Exception):
    pass


def load_words(dict_dir: Path) -> set[str]:
    words: set[str] = set()
    for name, package in WORD_LISTS:
        path = dict_dir / name
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise BuildError(
                f"missing word list {path}: install it with `apt-get install -y {package}`"
            ) from None
        words.update(w.strip().lower() for w in text.splitlines() if w.strip())
    return words


def load_zipf():
    """Return wordfreq's English Zipf frequency function, checking the release."""
    try:
        from importlib.metadata import version

        import wordfreq
    except ImportError:
        raise BuildError(f"missing the Python package wordfreq: pip install wordfreq=={WORDFREQ_VERSION}") from None
    found = version("wordfreq")
    if found != WORDFREQ_VERSION:
        raise BuildError(f"wordfreq {found} is installed; the build needs wordfreq=={WORDFREQ_VERSION}")
    from functools import lru_cache

    @lru_cache(maxsize=None)
    def zipf(word: str) -> float:
        return wordfreq.zipf_frequency(word, "en")

    return zipf


def edits1(word: str) -> set[str]:
    """Every string one deletion, adjacent swap, substitution or insertion away."""
    out: set[str] = set()
    for i in range(len(word) + 1):
        a, b = word[:i], word[i:]
        if b:
            out.add(a + b[1:])
        if len(b) > 1:
            out.add(a + b[1] + b[0] + b[2:])
        for ch in ALPHABET:
            if b:
                out.add(a + ch + b[1:])
            out.add(a + ch + b)
    out.discard(word)
    return out


def swaps(word: str) -> set[str]:
    """The word with two adjacent letters swapped, every way."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)} - {word}


def distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein without re-edits)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def wrong_correction(typo: str, fixes: list[str], words: set[str], zipf) -> str | None:
    """Say why one of `fixes` is a wrong correction of `typo`, or None.

    A correction is wrong when a word of the lists, not among the fixes and
    common enough, fits the typo better: fewer edits away and at least as
    common, or as many edits away but a mere swap of two adjacent letters of
    the typo (while the correction is not) and clearly more common.
    """
    near = [w for w in edits1(typo) if w in words and w not in fixes and zipf(w) >= MIN_CANDIDATE_ZIPF]
    if not near:
        return None
    swapped = swaps(typo)
    for fix in fixes:
        d, z = distance(typo, fix), zipf(fix)
        for w in sorted(near):
            if d > 1 and zipf(w) >= z:
                return f"{fix!r} loses to the closer {w!r}"
            if d == 1 and w in swapped and fix not in swapped and zipf(w) >= z + SWAP_MARGIN_ZIPF:
                return f"{fix!r} loses to the more common swap {w!r}"
    return None


def load_source(data: Path) -> list[list[str]]:
    path = data / SOURCE_FILE
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = [r for r in csv.reader(f) if r]
    except FileNotFoundError:
        raise BuildError(f"missing source file {path}") from None
    for r in rows:
        if len(r) < 2:
            raise BuildError(f"source row without a correction: {r}")
    return rows


def build(rows: list[list[str]], words: set[str], zipf):
    """Return (kept rows, counts of what each filter dropped)."""
    corrections = {c.strip().lower() for r in rows for c in r[1:]}
    merged: dict[str, list[str]] = {}
    for r in rows:
        typo = r[0].strip().lower()
        fixes = merged.setdefault(typo, [])
        for c in r[1:]:
            c = c.strip().lower()
            if c and c != typo and c not in fixes:
                fixes.append(c)

    dropped = {
        "shape": 0,
        "short": 0,
        "valid word": 0,
        "is a correction": 0,
        "not a typo": 0,
        "no correction": 0,
        "correction not a word": 0,
        "wrong correction": 0,
    }
    kept = []
    for typo in sorted(merged):
        fixes = merged[typo]
        if not TYPO_SHAPE.match(typo):
            dropped["shape"] += 1
        elif sum(ch.isalpha() for ch in typo) < MIN_LETTERS:
            dropped["short"] += 1
        elif typo in words:
            dropped["valid word"] += 1
        elif typo in corrections:
            dropped["is a correction"] += 1
        elif typo in NOT_A_TYPO:
            dropped["not a typo"] += 1
        elif not fixes:
            dropped["no correction"] += 1
        elif any(f not in words for f in fixes):
            dropped["correction not a word"] += 1
        elif wrong_correction(typo, fixes, words, zipf):
            dropped["wrong correction"] += 1
        else:
            kept.append([typo] + fixes)
    unused = sorted(set(NOT_A_TYPO) - {r[0].strip().lower() for r in rows})
    if unused:
        raise BuildError(f"NOT_A_TYPO lists words absent from the source: {unused}")
    return kept, dropped


def render_csv(kept: list[list[str]]) -> str:
    buf = io.StringIO()
    buf.write(CSV_HEADER + "\n")
    w = csv.writer(buf, lineterminator="\n")
    for r in kept:
        w.writerow(r)
    return buf.getvalue()


def q(s: str) -> str:
    """YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    import json

    return json.dumps(s, ensure_ascii=False)


def render_yaml(n: int) -> str:
    lists = " and ".join(f"{name} ({pkg})" for name, pkg in WORD_LISTS)
    out = [
        "# factlint bundled typos: common English misspellings.",
        "# @generated by scripts/build_typos_en.py — do not edit by hand.",
        f"# Source: crate-ci/typos (commit {SOURCE_COMMIT}) crates/typos-dict/assets/words.csv, {LICENSE},",
        f"# filtered for prose ({n} entries kept): typos of at least {MIN_LETTERS} ASCII letters (one",
        "# internal apostrophe allowed) that are not valid words in the Debian word lists",
        f"# {lists},",
        "# that are not a correction elsewhere in the list, and that measuring on news text",
        "# did not show to be names or foreign words (see rules/typos/README.md). Every",
        "# correction is a word of the same lists, and none loses to a closer or, for a",
        f"# letter swap, clearly more common word (ranked by wordfreq {WORDFREQ_VERSION}).",
        "# Licence text: rules/typos/licenses/typos_LICENSE-MIT.",
        "pack: typos-en",
        f"source: {q(SOURCE_LINE)}",
        f"license: {q(LICENSE)}",
        "typo_lists:",
        f"  - file: {CSV_NAME}",
        "    lang: en",
        "    message: a common misspelling",
        "examples:",
        # Examples carry ids so that `disable:` in factlint.yaml can name one.
        f"  - {{ id: flags-{EXAMPLE_TYPO}, text: {q(EXAMPLE_BAD)}, expect: [typo/substitution] }}",
        f"  - {{ id: government-correct, text: {q(EXAMPLE_GOOD)}, expect_not: [typo/substitution] }}",
        f"  - {{ id: flags-{EXAMPLE_TYPO_2}, text: {q(EXAMPLE_BAD_2)}, expect: [typo/substitution] }}",
        f"  - {{ id: british-spellings-correct, text: {q(EXAMPLE_BRITISH)}, expect_not: [typo/substitution] }}",
    ]
    return "\n".join(out) + "\n"


def check_examples(kept: list[list[str]]) -> None:
    typos = {r[0] for r in kept}
    for t in (EXAMPLE_TYPO, EXAMPLE_TYPO_2):
        if t not in typos:
            raise BuildError(f"example typo {t!r} is not in the built list")
    for word in re.findall(r"[a-z']+", EXAMPLE_GOOD.lower() + " " + EXAMPLE_BRITISH.lower()):
        if word in typos:
            raise BuildError(f"clean example word {word!r} is in the built list")


def generate(data: Path, dict_dir: Path):
    rows = load_source(data)
    words = load_words(dict_dir)
    zipf = load_zipf()
    kept, dropped = build(rows, words, zipf)
    check_examples(kept)
    return render_csv(kept), render_yaml(len(kept)), len(rows), kept, dropped


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="source data dir (default: ../shared/data from the repo root)")
    ap.add_argument("--dict", type=Path, default=DEFAULT_DICT, help="word-list dir (default: /usr/share/dict)")
    ap.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR, help="output dir (default: rules/typos)")
    args = ap.parse_args(argv)
    try:
        csv_text, yaml_text, n_src, kept, dropped = generate(args.data, args.dict)
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / CSV_NAME).write_text(csv_text, encoding="utf-8")
    (args.out_dir / YAML_NAME).write_text(yaml_text, encoding="utf-8")
    print(f"read {n_src} source rows; wrote {len(kept)} typos to {CSV_NAME}")
    for k, v in dropped.items():
        print(f"  dropped ({k}): {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
