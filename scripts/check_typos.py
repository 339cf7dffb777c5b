#!/usr/bin/env python3
"""Check the bundled typo packs in rules/typos/.

English (en-common.csv, en-common.yaml):
  * the first line is exactly `typo,correction`, with no comment or blank
    line anywhere; every row is `typo,correction[,correction…]` in lower case,
    without quoting or spaces; the typo is ASCII letters (one internal
    apostrophe allowed), at least 4 letters long;
  * rows are sorted by typo, no typo is listed twice, no row repeats a
    correction, and no typo equals any correction of any row;
  * the licence text is in rules/typos/licenses/;
  * every correction is a word of the Debian word lists, and none is wrong by
    a better candidate (build_typos_en.wrong_correction, which needs
    wordfreq); the known wrong rows guage->gage and governmet->governments are
    absent (skipped, with a message, when the lists or wordfreq are absent;
    --require-build makes that an error);
  * both files are exactly what scripts/build_typos_en.py generates (skipped,
    with a message, when ../shared/data or the Debian word lists
    wamerican-large and wbritish-large are absent; --require-build makes that
    an error).

Arabic (ar-common.yaml):
  * the header names the pack, source and licence; every entry is a one-line
    flow mapping with only known keys, `lang: ar`, a `message`, and `fix`
    absent or `safe`/`unsafe`;
  * find and replace are Arabic letters and single spaces, without tashkeel
    or tatweel, and differ;
  * no find is listed twice, none equals any replace, none is another find
    with a proclitic in front (which would report one word twice), and no
    replace contains a find (a fix would create a new finding);
  * the examples exist, each `expect` text contains a find and no
    `expect_not` text does (with the matching of scripts/measure_typos.py).

Standard library only. Exit status 1 on any failure.

Usage (from the repo root):
    python3 scripts/check_typos.py [--data DIR] [--dict DIR] [--require-build]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_typos_en as build  # noqa: E402
import typo_packs as tp  # noqa: E402

LICENSE_FILE = tp.TYPOS_DIR / "licenses" / "typos_LICENSE-MIT"
AR_TEXT = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+(?: [\u0621-\u063A\u0641-\u064A]+)*$")
AR_HEADER = {
    "pack": "typos-ar",
    "source": "hand-curated by the factlint maintainers",
    "license": "MIT OR Apache-2.0",
}
CODE = "typo/substitution"


class Checker:
    def __init__(self) -> None:
        self.failures: list[str] = []

    def fail(self, msg: str) -> None:
        self.failures.append(msg)


def check_en_csv(c: Checker) -> int:
    text = build.DEFAULT_OUT_DIR.joinpath(build.CSV_NAME).read_text(encoding="utf-8")
    if not text.endswith("\n"):
        c.fail("en-common.csv: missing final newline")
    lines = text[:-1].split("\n") if text.endswith("\n") else text.split("\n")
    if lines[0] != build.CSV_HEADER:
        c.fail(f"en-common.csv: first line is {lines[0]!r}, expected {build.CSV_HEADER!r}")
    typos: list[str] = []
    corrections: set[str] = set()
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            c.fail(f"en-common.csv line {n}: blank line")
            continue
        if line.startswith("#"):
            c.fail(f"en-common.csv line {n}: comment line")
            continue
        if any(ch in line for ch in '" \t\r'):
            c.fail(f"en-common.csv line {n}: quoting or whitespace in {line!r}")
        fields = line.split(",")
        typo, fixes = fields[0], fields[1:]
        if not build.TYPO_SHAPE.match(typo) or sum(ch.isalpha() for ch in typo) < build.MIN_LETTERS:
            c.fail(f"en-common.csv line {n}: bad typo {typo!r}")
        if not fixes or any(not f for f in fixes):
            c.fail(f"en-common.csv line {n}: empty correction in {line!r}")
        if any(f != f.lower() for f in fixes):
            c.fail(f"en-common.csv line {n}: correction not lower-case in {line!r}")
        if len(set(fixes)) != len(fixes):
            c.fail(f"en-common.csv line {n}: repeated correction in {line!r}")
        typos.append(typo)
        corrections.update(fixes)
    if typos != sorted(typos):
        c.fail("en-common.csv: rows are not sorted by typo")
    seen: set[str] = set()
    for t in typos:
        if t in seen:
            c.fail(f"en-common.csv: {t!r} listed twice")
        seen.add(t)
    both = sorted(seen & corrections)
    if both:
        c.fail(f"en-common.csv: {len(both)} typos are also corrections, e.g. {both[:10]}")
    if not LICENSE_FILE.is_file():
        c.fail(f"missing licence text {LICENSE_FILE.relative_to(tp.REPO_ROOT)}")
    return len(typos)


# Rows whose correction was wrong in the source list; they must stay out.
KNOWN_WRONG = ("guage", "guages", "gague", "governmet", "governmetn")


def check_en_corrections(c: Checker, dict_dir: Path, require: bool) -> None:
    """Every correction of the committed CSV is a word, and none is wrong."""
    rows = [line.split(",") for line in build.DEFAULT_OUT_DIR.joinpath(build.CSV_NAME).read_text(encoding="utf-8").splitlines()[1:]]
    present = sorted({r[0] for r in rows} & set(KNOWN_WRONG))
    if present:
        c.fail(f"en-common.csv: rows with a known wrong correction are back: {present}")
    try:
        words = build.load_words(dict_dir)
        zipf = build.load_zipf()
    except build.BuildError as e:
        if require:
            c.fail(f"cannot check the corrections: {e}")
        else:
            print(f"skipping the correction check: {e}")
        return
    not_words = [r for r in rows if any(f not in words for f in r[1:])]
    if not_words:
        c.fail(f"en-common.csv: {len(not_words)} rows correct to a non-word, e.g. {not_words[:5]}")
    wrong = [(r[0], why) for r in rows if (why := build.wrong_correction(r[0], r[1:], words, zipf))]
    if wrong:
        c.fail(f"en-common.csv: {len(wrong)} rows with a wrong correction, e.g. {wrong[:5]}")


def check_en_build(c: Checker, data: Path, dict_dir: Path, require: bool) -> None:
    missing = []
    if not (data / build.SOURCE_FILE).is_file():
        missing.append(f"{data / build.SOURCE_FILE}")
    for name, package in build.WORD_LISTS:
        if not (dict_dir / name).is_file():
            missing.append(f"{dict_dir / name} (apt-get install -y {package})")
    if missing:
        msg = "cannot rebuild en-common.csv, missing: " + "; ".join(missing)
        if require:
            c.fail(msg)
        else:
            print(f"skipping the fresh-build comparison: {msg}")
        return
    try:
        csv_text, yaml_text, *_ = build.generate(data, dict_dir)
    except build.BuildError as e:
        c.fail(f"build_typos_en.py failed: {e}")
        return
    for name, fresh in ((build.CSV_NAME, csv_text), (build.YAML_NAME, yaml_text)):
        path = build.DEFAULT_OUT_DIR / name
        if path.read_text(encoding="utf-8") != fresh:
            c.fail(f"{name} differs from a fresh build: run python3 scripts/build_typos_en.py")


def check_ar(c: Checker) -> int:
    try:
        header, entries, examples = tp.read_ar_pack()
    except tp.PackError as e:
        c.fail(f"ar-common.yaml: {e}")
        return 0
    for key, want in AR_HEADER.items():
        if header.get(key) != want:
            c.fail(f"ar-common.yaml: {key} is {header.get(key)!r}, expected {want!r}")
    finds: dict[str, int] = {}
    for e in entries:
        where = f"ar-common.yaml line {e['_line']}"
        unknown = set(e) - tp.AR_KEYS - {"_line"}
        if unknown:
            c.fail(f"{where}: unknown keys {sorted(unknown)}")
        find, replace = e.get("find", ""), e.get("replace", "")
        for key, value in (("find", find), ("replace", replace)):
            if not AR_TEXT.match(value):
                c.fail(f"{where}: {key} {value!r} is not Arabic letters and single spaces")
        if find == replace:
            c.fail(f"{where}: find equals replace")
        if e.get("lang") != "ar":
            c.fail(f"{where}: lang must be ar")
        if not str(e.get("message", "")).strip():
            c.fail(f"{where}: no message")
        if e.get("fix", "safe") not in ("safe", "unsafe"):
            c.fail(f"{where}: fix must be safe or unsafe")
        if find in finds:
            c.fail(f"{where}: find {find!r} already on line {finds[find]}")
        finds.setdefault(find, e["_line"])
    replaces = {e.get("replace") for e in entries}
    for find, line in finds.items():
        if find in replaces:
            c.fail(f"ar-common.yaml line {line}: find {find!r} is also a replace")
    patterns = {find: tp.ar_pattern(find) for find in finds}
    for find, line in finds.items():
        for other, pat in patterns.items():
            if other != find and pat.fullmatch(find):
                c.fail(f"ar-common.yaml line {line}: find {find!r} is {other!r} with a proclitic")
    for e in entries:
        for other, pat in patterns.items():
            if pat.search(e.get("replace", "")):
                c.fail(f"ar-common.yaml line {e['_line']}: replace {e.get('replace')!r} contains find {other!r}")
    expects = [x for x in examples if CODE in x.get("expect", [])]
    expect_nots = [x for x in examples if CODE in x.get("expect_not", [])]
    if not expects or not expect_nots:
        c.fail("ar-common.yaml: needs at least one expect and one expect_not example")
    for x in examples:
        text = tp.strip_tashkeel(x.get("text", ""))
        hit = any(p.search(text) for p in patterns.values())
        if CODE in x.get("expect", []) and not hit:
            c.fail(f"ar-common.yaml line {x['_line']}: expect example matches no find")
        if CODE in x.get("expect_not", []) and hit:
            c.fail(f"ar-common.yaml line {x['_line']}: expect_not example matches a find")
    return len(entries)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=build.DEFAULT_DATA, help="source data dir (default: ../shared/data)")
    ap.add_argument("--dict", type=Path, default=build.DEFAULT_DICT, help="word-list dir (default: /usr/share/dict)")
    ap.add_argument("--require-build", action="store_true", help="fail, not skip, when the fresh build cannot run")
    args = ap.parse_args(argv)

    c = Checker()
    n_en = check_en_csv(c)
    check_en_corrections(c, args.dict, args.require_build)
    check_en_build(c, args.data, args.dict, args.require_build)
    n_ar = check_ar(c)
    if c.failures:
        for f in c.failures:
            print(f"FAIL: {f}", file=sys.stderr)
        print(f"{len(c.failures)} failures", file=sys.stderr)
        return 1
    print(f"ok: en-common.csv {n_en} typos, ar-common.yaml {n_ar} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
