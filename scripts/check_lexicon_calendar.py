#!/usr/bin/env python3
"""Check rules/lexicon/calendar.yaml.

Asserts:
  * the header: @generated marker, pack lexicon-calendar, licence
    "Unicode-3.0 AND BSD-3-Clause", a non-empty source line;
  * 12 Gregorian months (1..12 in order), each with at least one Arabic and at
    least two English forms (May, whose CLDR abbreviation is the full name, is
    listed under en_min_forms_exception in scripts/calendar_overrides.json and
    needs one);
  * 7 weekdays (sun mon tue wed thu fri sat, in that order) and 12 Hijri months
    (1..12), each with at least one Arabic and one English form;
  * no empty, untrimmed or oddly spaced string (no-break space etc.), no
    duplicate inside a list, Arabic lists in Arabic script, English lists in
    Latin script;
  * no form is shared by two different months, two weekdays, two Hijri months,
    or entries of two categories, after folding: Arabic tashkeel and tatweel
    removed, أ إ آ ٱ → ا, ى → ي (ة kept), Latin lower-cased;
  * every month and weekday name of every Arabic locale in the source data
    (and every dateparser variant) is in the right entry (skipped without data);
  * the file is exactly what scripts/build_lexicon_calendar.py generates
    (skipped, with a message, when the source data directory is absent).

Standard library only. The parser reads the generated shape strictly: a
hand-edited file that drifts from it fails here.

Usage (from the repo root):
    python3 scripts/check_lexicon_calendar.py [--file FILE] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parent
DEFAULT_FILE = REPO_ROOT / "rules" / "lexicon" / "calendar.yaml"
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
OVERRIDES = SCRIPT_DIR / "calendar_overrides.json"
BUILD = SCRIPT_DIR / "build_lexicon_calendar.py"
CALENDAR_FILE = "calendar/arabic_calendar_names.json"

WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
WEEKDAY_WORDS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
MONTH_WORDS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]
HEADER_KEYS = ["pack", "source", "license"]
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
TASHKEEL = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")  # harakat, Quranic marks, tatweel
ALEF_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})

SECTIONS = {
    # name: (entry key, line regex of the key line, expected key values)
    "months": ("month", re.compile(r"^    - month: (\d+)$"), [str(i) for i in range(1, 13)]),
    "weekdays": ("weekday", re.compile(r"^    - weekday: ([a-z]+)$"), WEEKDAYS),
    "hijri_months": ("month", re.compile(r"^    - month: (\d+)$"), [str(i) for i in range(1, 13)]),
}
AR_LINE = re.compile(r"^      ar: (\[.*\])$")
EN_LINE = re.compile(r"^      en: (\[.*\])$")


class Fail(Exception):
    pass


def fold(s: str) -> str:
    """The collision key: tashkeel/tatweel stripped, alef/yeh folded, Latin lower-cased."""
    s = TASHKEEL.sub("", unicodedata.normalize("NFC", s))
    return s.translate(ALEF_FOLD).lower()


def space_clean(s: str) -> str:
    s = "".join(" " if unicodedata.category(ch) == "Zs" or ch in "\t\n\r\u200b" else ch for ch in s)
    return " ".join(s.split())


def parse(text: str):
    if text and not text.endswith("\n"):
        raise Fail("file does not end with a newline")
    lines = text.split("\n")
    if len(lines) < 2 or "@generated" not in lines[1]:
        raise Fail("second line must carry the @generated marker")
    body = [ln for ln in lines if ln and not ln.lstrip().startswith("#")]
    header = {}
    i = 0
    for key in HEADER_KEYS:
        m = re.match(rf"^{key}: (.+)$", body[i])
        if not m:
            raise Fail(f"expected top-level '{key}:' at line {body[i]!r}")
        v = m.group(1)
        header[key] = json.loads(v) if v.startswith('"') else v
        i += 1
    if body[i] != "lexicon:":
        raise Fail("expected 'lexicon:'")
    i += 1
    sections = {}
    for name, (key, rx, _) in SECTIONS.items():
        if i >= len(body) or body[i] != f"  {name}:":
            raise Fail(f"expected '  {name}:' at {body[i] if i < len(body) else 'end of file'!r}")
        i += 1
        entries = []
        while i < len(body) and body[i].startswith("    "):
            m = rx.match(body[i])
            if not m:
                raise Fail(f"unexpected line {body[i]!r} (expected {rx.pattern})")
            e = {"key": m.group(1)}
            for field, frx in (("ar", AR_LINE), ("en", EN_LINE)):
                i += 1
                fm = frx.match(body[i]) if i < len(body) else None
                if not fm:
                    raise Fail(f"{name} {e['key']}: expected '{field}:' line, got {body[i] if i < len(body) else 'end of file'!r}")
                value = json.loads(fm.group(1))
                if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
                    raise Fail(f"{name} {e['key']}.{field}: must be a list of strings")
                e[field] = value
            i += 1
            entries.append(e)
        sections[name] = entries
    if i != len(body):
        raise Fail(f"unexpected trailing line {body[i]!r}")
    return header, sections


def check(header, sections, ov) -> list[str]:
    errors = []
    err = errors.append

    if header["pack"] != "lexicon-calendar":
        err(f"pack is {header['pack']!r}")
    if header["license"] != "Unicode-3.0 AND BSD-3-Clause":
        err(f"license is {header['license']!r}")
    if not header["source"].strip():
        err("source is empty")

    min_en_exception = set(ov.get("en_min_forms_exception", {}))
    owner = defaultdict(set)  # folded form -> {(section, key)}
    for name, (_, _, expected) in SECTIONS.items():
        entries = sections[name]
        keys = [e["key"] for e in entries]
        if keys != expected:
            err(f"{name}: keys are {keys}, expected {expected}")
        for e in entries:
            k = e["key"]
            for field in ("ar", "en"):
                items = e[field]
                for s in items:
                    if not s or s != space_clean(s):
                        err(f"{name} {k}.{field}: empty, untrimmed or oddly spaced string {s!r}")
                    script, other = (ARABIC_LETTER, LATIN_LETTER) if field == "ar" else (LATIN_LETTER, ARABIC_LETTER)
                    if not script.search(s) or other.search(s):
                        err(f"{name} {k}.{field}: {s!r} is in the wrong script")
                    owner[fold(s)].add((name, k))
                if dups := sorted({s for s in items if items.count(s) > 1}):
                    err(f"{name} {k}.{field}: duplicate strings {dups}")
            if not e["ar"]:
                err(f"{name} {k}: no Arabic form")
            need_en = 2 if name == "months" and k not in min_en_exception else 1
            if len(e["en"]) < need_en:
                err(f"{name} {k}: {len(e['en'])} English form(s), need {need_en}")
    for form, owners in sorted(owner.items()):
        if len(owners) > 1:
            err(f"form {form!r} (folded) is shared by " + ", ".join(f"{n} {k}" for n, k in sorted(owners)))
    return errors


def check_source_coverage(sections, data: Path) -> list[str] | None:
    path = data / CALENDAR_FILE
    if not path.is_file():
        return None
    src = json.loads(path.read_text(encoding="utf-8"))
    errors = []
    months = [set(e["ar"]) for e in sections["months"]]
    days = {e["key"]: set(e["ar"]) for e in sections["weekdays"]}
    hijri = [set(e["ar"]) for e in sections["hijri_months"]]
    for loc, v in src["gregorian_by_locale"].items():
        for field in ("months_format_wide", "months_format_abbreviated", "months_standalone_wide"):
            for m, f in enumerate(v[field]):
                if space_clean(f) not in months[m]:
                    errors.append(f"{loc}/{field}: month {m + 1} {f!r} is missing")
        for field in ("days_format_wide", "days_format_abbreviated"):
            for d, f in v[field].items():
                if space_clean(f) not in days[d]:
                    errors.append(f"{loc}/{field}: weekday {d} {f!r} is missing")
    for loc, v in src["islamic_by_locale"].items():
        for field in ("months_format_wide", "months_standalone_wide"):
            for m, f in enumerate(v.get(field, [])):
                if space_clean(f) not in hijri[m]:
                    errors.append(f"islamic {loc}/{field}: month {m + 1} {f!r} is missing")
    for loc, words in src["dateparser_ar_variants"].items():
        for word, forms in words.items():
            target = months[MONTH_WORDS.index(word)] if word in MONTH_WORDS else days[WEEKDAYS[WEEKDAY_WORDS.index(word)]]
            for f in forms:
                if space_clean(f) not in target:
                    errors.append(f"dateparser {loc}/{word}: {f!r} is missing")
    en = src["english"]
    for m in range(12):
        for f in (en["months_format_wide"][m], en["months_format_abbreviated"][m]):
            if f not in sections["months"][m]["en"]:
                errors.append(f"English month {m + 1} {f!r} is missing")
    for d in WEEKDAYS:
        e = next(x for x in sections["weekdays"] if x["key"] == d)
        for f in (en["days_format_wide"][d], en["days_format_abbreviated"][d]):
            if f not in e["en"]:
                errors.append(f"English weekday {d} {f!r} is missing")
    return errors


def check_fresh(path: Path, data: Path) -> str | None:
    if not data.is_dir():
        return f"skipped regeneration check: source data dir {data} not found"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "calendar.yaml"
        r = subprocess.run(
            [sys.executable, str(BUILD), "--data", str(data), "--out", str(out)],
            capture_output=True, text=True,
        )
        if r.returncode != 0:
            raise Fail("build script failed:\n" + r.stderr)
        if out.read_bytes() != path.read_bytes():
            raise Fail(f"{path} is stale or hand-edited: regenerate with python3 scripts/build_lexicon_calendar.py")
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    try:
        header, sections = parse(args.file.read_text(encoding="utf-8"))
        ov = json.loads(OVERRIDES.read_text(encoding="utf-8"))
        errors = check(header, sections, ov)
        coverage = check_source_coverage(sections, args.data)
        errors += coverage or []
        if errors:
            for e in errors:
                print(f"FAIL {e}")
            print(f"{len(errors)} problem(s) in {args.file}")
            return 1
        note = check_fresh(args.file, args.data)
    except Fail as e:
        print(f"FAIL {e}")
        return 1

    def n(name, field):
        return sum(len(e[field]) for e in sections[name])

    total = sum(n(s, f) for s in SECTIONS for f in ("ar", "en"))
    print(f"ok: 12 months: {n('months', 'ar')} Arabic, {n('months', 'en')} English forms "
          f"(>= 1 Arabic and >= 2 English each; exception: month {' '.join(sorted(ov.get('en_min_forms_exception', {})))})")
    print(f"ok: 7 weekdays ({' '.join(WEEKDAYS)}): {n('weekdays', 'ar')} Arabic, {n('weekdays', 'en')} English forms")
    print(f"ok: 12 Hijri months: {n('hijri_months', 'ar')} Arabic, {n('hijri_months', 'en')} English forms")
    print(f"ok: {total} forms, none shared between two entries after folding")
    print("ok: every CLDR locale and dateparser form of the source is present" if coverage is not None
          else "skipped source coverage check: source data not found")
    print(note or "ok: file matches a fresh build from the source data")
    return 0


if __name__ == "__main__":
    sys.exit(main())
