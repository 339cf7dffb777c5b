#!/usr/bin/env python3
"""Build rules/lexicon/calendar.yaml, the bundled calendar lexicon pack.

Reads ../shared/data/calendar/arabic_calendar_names.json (relative to the repo
root; override the data dir with --data DIR) and the reviewed hand additions in
scripts/calendar_overrides.json, and writes rules/lexicon/calendar.yaml:
Gregorian month names, weekdays and Hijri month names in Arabic (every CLDR
Arabic locale plus the dateparser variants) and English.

Standard library only (Python 3.11). Output is deterministic: entries in
calendar order, forms in a fixed order (most widely used first), no timestamps.

Usage (from the repo root):
    python3 scripts/build_lexicon_calendar.py [--data DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT = REPO_ROOT / "rules" / "lexicon" / "calendar.yaml"
OVERRIDES = SCRIPT_DIR / "calendar_overrides.json"

CALENDAR_FILE = "calendar/arabic_calendar_names.json"
EXPECT_CLDR = "CLDR 48"
EXPECT_DATEPARSER = "dateparser==1.5.0"

WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
WEEKDAY_WORDS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
MONTH_WORDS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]
MONTH_FIELDS = ["months_format_wide", "months_format_abbreviated", "months_standalone_wide"]
DAY_FIELDS = ["days_format_wide", "days_format_abbreviated"]
ARTICLE = "ال"

SOURCES = [
    "calendar/arabic_calendar_names.json (Gregorian months, weekdays and Hijri months for the 28 Arabic",
    "  locales and ar@islamic-*, English Gregorian months and weekdays): Unicode CLDR 48 via npm",
    "  cldr-dates-full@48.2.0 and cldr-cal-islamic-full@48.2.0, Unicode-3.0; Arabic variants",
    "  (يونيه, يوليه, كانون 2, تشرين 1, الإثنين, الجمعه ...) from PyPI dateparser 1.5.0",
    "  dateparser/data/date_translation_data/ar.py, BSD-3-Clause.",
    "English Hijri month names: CLDR 48 cldr-cal-islamic-full@48.2.0 main/en (Unicode-3.0), not in the",
    "  data file, copied into scripts/calendar_overrides.json (hijri_en_cldr).",
    "Hand additions, each with a reason, in scripts/calendar_overrides.json: Arabic Hijri forms",
    "  (المحرم, ربيع الثاني, جمادى الثانية, ذي القعدة, ذي الحجة), English Hijri transliterations",
    "  (Rabi al-Awwal, Rabi al-Thani, Jumada al-Awwal, Jumada al-Thani, Shaban, Dhu al-Qadah,",
    "  Dhu al-Hijjah), the English abbreviation Sept and the weekday abbreviations Tues, Thur, Thurs.",
    "Dotted English month forms (Jan. Feb. ... Sep. Sept. ...; not May.) are derived mechanically by",
    "  appending a full stop to each English month abbreviation; they are not in the sources.",
]
SOURCE_LINE = (
    "Unicode CLDR 48 (cldr-dates-full, cldr-cal-islamic-full 48.2.0; Unicode-3.0); "
    "dateparser 1.5.0 Arabic data (BSD-3-Clause); "
    "hand additions in scripts/calendar_overrides.json"
)
LICENSE = "Unicode-3.0 AND BSD-3-Clause"


class BuildError(Exception):
    pass


def clean(s: str) -> str:
    """Trim; turn no-break and other odd spaces into a plain space; collapse runs."""
    s = "".join(" " if unicodedata.category(ch) == "Zs" or ch in "\t\n\r\u200b" else ch for ch in s)
    return " ".join(s.split())


def dedupe(items):
    seen = set()
    out = []
    for it in items:
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out


def load_json(path: Path):
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise BuildError(f"missing source file {path}") from None


def locale_order(locales):
    """'ar' first, then the regional locales, then ar@islamic-* variants, each sorted."""
    return sorted(locales, key=lambda loc: (loc != "ar", "@" in loc, loc))


def ranked(uses):
    """uses: form -> list of (locale_index, field_index) where it occurs.
    Order: most locales first, then earliest locale, then earliest field."""
    def key(form):
        locs = {li for li, _ in uses[form]}
        return (-len(locs), min(uses[form]), form)
    return sorted(uses, key=key)


class Stats:
    def __init__(self):
        self.nbsp = []          # forms whose spaces were normalised
        self.article_dropped = []


def gregorian_ar(data, stats):
    by_loc = data["gregorian_by_locale"]
    locs = locale_order(by_loc)
    uses = [defaultdict(list) for _ in range(12)]
    for li, loc in enumerate(locs):
        for fi, field in enumerate(MONTH_FIELDS):
            months = by_loc[loc].get(field)
            if months is None:
                raise BuildError(f"gregorian_by_locale/{loc}: missing {field}")
            if len(months) != 12:
                raise BuildError(f"gregorian_by_locale/{loc}/{field}: {len(months)} months")
            for m, raw in enumerate(months):
                form = clean(raw)
                if form != raw:
                    stats.nbsp.append((f"{loc}/{field}/{m + 1}", raw, form))
                uses[m][form].append((li, fi))
    out = [ranked(u) for u in uses]

    # dateparser variants, locale by locale ('ar' first), in the listed order.
    dp = data["dateparser_ar_variants"]
    for loc in locale_order(dp):
        for word, forms in dp[loc].items():
            if word in MONTH_WORDS:
                m = MONTH_WORDS.index(word)
                out[m] += [clean(f) for f in forms]
            elif word not in WEEKDAY_WORDS:
                raise BuildError(f"dateparser_ar_variants/{loc}: unknown key {word!r}")
    out = [dedupe(forms) for forms in out]

    # Cross-check the file's own summary views against what was read.
    allsp = data["arabic_gregorian_month_all_spellings"]
    for m, word in enumerate(MONTH_WORDS):
        summary = set(clean(f) for f in allsp[word])
        if summary != set(out[m]):
            raise BuildError(
                f"arabic_gregorian_month_all_spellings/{word} {sorted(summary)} differs from "
                f"the per-locale and dateparser forms {sorted(out[m])}"
            )
    for system in data["gregorian_month_systems"]:
        for loc in system["locales"]:
            got = [clean(f) for f in by_loc[loc]["months_format_wide"]]
            if got != [clean(f) for f in system["months"]]:
                raise BuildError(f"gregorian_month_systems disagrees with gregorian_by_locale/{loc}")

    # Drop a leading article where another locale writes the same name without it.
    for m in range(12):
        keep = []
        for f in out[m]:
            if f.startswith(ARTICLE) and f[len(ARTICLE):] in out[m]:
                stats.article_dropped.append((m + 1, f))
                continue
            keep.append(f)
        out[m] = keep
    return out


def weekdays_ar(data, stats):
    by_loc = data["gregorian_by_locale"]
    locs = locale_order(by_loc)
    uses = {d: defaultdict(list) for d in WEEKDAYS}
    for li, loc in enumerate(locs):
        for fi, field in enumerate(DAY_FIELDS):
            days = by_loc[loc].get(field)
            if days is None or set(days) != set(WEEKDAYS):
                raise BuildError(f"gregorian_by_locale/{loc}/{field}: expected keys {WEEKDAYS}")
            for d in WEEKDAYS:
                form = clean(days[d])
                if form != days[d]:
                    stats.nbsp.append((f"{loc}/{field}/{d}", days[d], form))
                uses[d][form].append((li, fi))
    out = {d: ranked(uses[d]) for d in WEEKDAYS}
    dp = data["dateparser_ar_variants"]
    for loc in locale_order(dp):
        for word, forms in dp[loc].items():
            if word in WEEKDAY_WORDS:
                out[WEEKDAYS[WEEKDAY_WORDS.index(word)]] += [clean(f) for f in forms]
    out = {d: dedupe(v) for d, v in out.items()}
    allsp = data["arabic_weekday_all_spellings"]
    for d, word in zip(WEEKDAYS, WEEKDAY_WORDS):
        if set(clean(f) for f in allsp[word]) != set(out[d]):
            raise BuildError(f"arabic_weekday_all_spellings/{word} differs from the per-locale and dateparser forms")
    return out


def hijri_ar(data, ov, stats):
    by_loc = data["islamic_by_locale"]
    locs = locale_order(by_loc)
    uses = [defaultdict(list) for _ in range(12)]
    for li, loc in enumerate(locs):
        fields = [k for k in ("months_format_wide", "months_format_abbreviated", "months_standalone_wide") if k in by_loc[loc]]
        if not fields:
            raise BuildError(f"islamic_by_locale/{loc}: no month names")
        for fi, field in enumerate(fields):
            months = by_loc[loc][field]
            if len(months) != 12:
                raise BuildError(f"islamic_by_locale/{loc}/{field}: {len(months)} months")
            for m, raw in enumerate(months):
                form = clean(raw)
                if form != raw:
                    stats.nbsp.append((f"{loc}/{field}/{m + 1}", raw, form))
                uses[m][form].append((li, fi))
    out = [ranked(u) for u in uses]
    allsp = data["hijri_month_all_spellings"]
    if len(allsp) != 12:
        raise BuildError("hijri_month_all_spellings: expected 12 months")
    for m in range(12):
        if set(clean(f) for f in allsp[m]) != set(out[m]):
            raise BuildError(f"hijri_month_all_spellings[{m}] differs from islamic_by_locale")
    return apply_adds(out, ov.get("hijri_ar_add", {}), "hijri_ar_add")


def apply_adds(lists, section, name):
    lists = [list(x) for x in lists]
    for key, rec in section.items():
        m = int(key) - 1
        if not 0 <= m < len(lists):
            raise BuildError(f"{name}: bad month {key}")
        if not rec.get("reason"):
            raise BuildError(f"{name} {key}: missing reason")
        for a in rec["add"]:
            a2 = clean(a)
            if a2 != a:
                raise BuildError(f"{name} {key}: {a!r} is not trimmed")
            if a in lists[m]:
                raise BuildError(f"{name} {key}: {a!r} is already produced from the sources; remove the override")
            lists[m].append(a)
    return lists


def english(data, ov):
    en = data["english"]
    wide = [clean(x) for x in en["months_format_wide"]]
    abbr = [clean(x) for x in en["months_format_abbreviated"]]
    if len(wide) != 12 or len(abbr) != 12:
        raise BuildError("english months: expected 12 wide and 12 abbreviated")
    abbrs = apply_adds([[a] for a in abbr], ov.get("en_month_abbr_add", {}), "en_month_abbr_add")
    exclude = set(ov.get("en_dotted", {}).get("exclude", {}))
    months = []
    for m in range(12):
        dotted = [a + "." for a in abbrs[m] if a not in exclude and not a.endswith(".")]
        months.append(dedupe([wide[m]] + abbrs[m] + dotted))
    days = {}
    day_adds = ov.get("en_weekday_abbr_add", {})
    for key, rec in day_adds.items():
        if key not in WEEKDAYS:
            raise BuildError(f"en_weekday_abbr_add: bad weekday {key}")
        if not rec.get("reason"):
            raise BuildError(f"en_weekday_abbr_add {key}: missing reason")
    for d in WEEKDAYS:
        days[d] = [clean(en["days_format_wide"][d]), clean(en["days_format_abbreviated"][d])]
        for a in day_adds.get(d, {}).get("add", []):
            if clean(a) != a:
                raise BuildError(f"en_weekday_abbr_add {d}: {a!r} is not trimmed")
            if a in days[d]:
                raise BuildError(f"en_weekday_abbr_add {d}: {a!r} is already produced from the sources; remove the override")
            days[d].append(a)
        days[d] = dedupe(days[d])

    cldr = ov["hijri_en_cldr"]
    if len(cldr["wide"]) != 12:
        raise BuildError("hijri_en_cldr.wide: expected 12 names")
    hijri = apply_adds([[clean(x)] for x in cldr["wide"]], ov.get("hijri_en_add", {}), "hijri_en_add")
    return months, days, hijri


def q(s: str) -> str:
    """YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def flow(items) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def render(months_ar, months_en, days_ar, days_en, hijri_ar_, hijri_en, notes) -> str:
    out = [
        "# factlint bundled lexicon: Gregorian and Hijri month names and weekdays, Arabic (every locale) and English.",
        "# @generated by scripts/build_lexicon_calendar.py from ../shared/data/calendar/ — do not edit by hand;",
        "# change the script or scripts/calendar_overrides.json and regenerate.",
        "# Sources:",
    ]
    out += [f"#   {line}" for line in SOURCES]
    out += [
        "# Licences: Unicode-3.0 (CLDR) and BSD-3-Clause (dateparser); see rules/lexicon/LICENSES.md and",
        "# rules/lexicon/licenses/.",
        "# Arabic forms are kept as written (hamza, ة/ه); CLDR's no-break spaces are plain spaces here.",
        "# Forms are ordered most widely used first (by number of CLDR locales), then dateparser variants,",
        "# then hand additions. No form is shared by two months or two weekdays after folding tashkeel,",
        "# tatweel, أ/إ/آ/ٱ → ا, ى → ي and Latin case (scripts/check_lexicon_calendar.py).",
        "# Several forms are also ordinary words (English Mar, March, May, Sun, Sat, Wed; Arabic مارس, صفر,",
        "# رجب, ماي ...); see the comments on the entries. Matching policy is up to the loader.",
        "pack: lexicon-calendar",
        f"source: {q(SOURCE_LINE)}",
        f"license: {q(LICENSE)}",
        "lexicon:",
        "  months:",
    ]
    for m in range(12):
        if note := notes.get("months", {}).get(str(m + 1)):
            out.append(f"    # {m + 1}: {note}")
        out += [
            f"    - month: {m + 1}",
            f"      ar: {flow(months_ar[m])}",
            f"      en: {flow(months_en[m])}",
        ]
    out.append("  weekdays:")
    for d in WEEKDAYS:
        if note := notes.get("weekdays", {}).get(d):
            out.append(f"    # {d}: {note}")
        out += [
            f"    - weekday: {d}",
            f"      ar: {flow(days_ar[d])}",
            f"      en: {flow(days_en[d])}",
        ]
    out.append("  hijri_months:")
    for m in range(12):
        if note := notes.get("hijri_months", {}).get(str(m + 1)):
            out.append(f"    # {m + 1}: {note}")
        out += [
            f"    - month: {m + 1}",
            f"      ar: {flow(hijri_ar_[m])}",
            f"      en: {flow(hijri_en[m])}",
        ]
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="source data dir (default: ../shared/data from the repo root)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output YAML (default: rules/lexicon/calendar.yaml)")
    args = ap.parse_args(argv)

    try:
        ov = load_json(OVERRIDES)
        data = load_json(args.data / CALENDAR_FILE)
        src = data.get("_source", {})
        if EXPECT_CLDR not in src.get("cldr", "") or EXPECT_DATEPARSER not in src.get("dateparser", ""):
            raise BuildError(
                f"source versions changed ({src.get('cldr')!r}, {src.get('dateparser')!r}); "
                "update SOURCES, SOURCE_LINE and rules/lexicon/LICENSES.md"
            )
        if ov.get("ar_collisions"):
            raise BuildError("ar_collisions is not implemented by this script; resolve in code")
        stats = Stats()
        months_ar = gregorian_ar(data, stats)
        days_ar = weekdays_ar(data, stats)
        hijri_ar_ = hijri_ar(data, ov, stats)
        months_en, days_en, hijri_en = english(data, ov)
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1

    text = render(months_ar, months_en, days_ar, days_en, hijri_ar_, hijri_en, ov.get("notes", {}))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")

    def count(x):
        return sum(len(v) for v in (x.values() if isinstance(x, dict) else x))

    print(f"wrote {args.out}")
    print(f"  months: 12, {count(months_ar)} Arabic forms, {count(months_en)} English forms")
    print(f"  weekdays: 7, {count(days_ar)} Arabic forms, {count(days_en)} English forms")
    print(f"  hijri_months: 12, {count(hijri_ar_)} Arabic forms, {count(hijri_en)} English forms")
    print(f"  spaces normalised in {len(stats.nbsp)} source value(s): "
          + ", ".join(f"{where} {raw!r}" for where, raw, _ in stats.nbsp))
    print(f"  leading article dropped: {len(stats.article_dropped)}")
    print(f"  overrides: hijri_ar_add {sum(len(v['add']) for v in ov.get('hijri_ar_add', {}).values())}, "
          f"hijri_en_cldr {len(ov['hijri_en_cldr']['wide'])}, "
          f"hijri_en_add {sum(len(v['add']) for v in ov.get('hijri_en_add', {}).values())}, "
          f"en_month_abbr_add {sum(len(v['add']) for v in ov.get('en_month_abbr_add', {}).values())}, "
          f"en_weekday_abbr_add {sum(len(v['add']) for v in ov.get('en_weekday_abbr_add', {}).values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
