#!/usr/bin/env python3
"""Build rules/lexicon/countries.yaml, the bundled countries lexicon pack.

Reads the openly licensed source data in ../shared/data/ (relative to the repo
root; override with --data DIR) and the reviewed hand corrections in
scripts/lexicon_overrides.json, and writes rules/lexicon/countries.yaml.

Standard library only (Python 3.11). Output is deterministic: entries sorted by
ISO 3166-1 alpha-2 code, lists in a fixed order, no timestamps.

Usage (from the repo root):
    python3 scripts/build_lexicon_countries.py [--data DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT = REPO_ROOT / "rules" / "lexicon" / "countries.yaml"
OVERRIDES = SCRIPT_DIR / "lexicon_overrides.json"

COUNTRIES_FILE = "countries/countries_names_en_ar_demonyms_en.json"
NATIONALITIES_FILE = "countries/Arabic-English-Nationalities.json"
NATIONALITIES_MERGED_FILE = "countries/nationalities_ar_en_merged.json"

# Versions as recorded in ../shared/data/README.md.
SOURCES = [
    (
        "countries/countries_names_en_ar_demonyms_en.json: names, alt spellings, English demonyms,",
        "  un_member flag from npm world-countries 5.1.0 (= mledoze/countries), ODbL-1.0;",
        "  name_*_cldr fields from Unicode CLDR 49 via PyPI babel 2.19.0, Unicode-3.0.",
    ),
    (
        "countries/Arabic-English-Nationalities.json (and nationalities_ar_en_merged.json, same values):",
        "  Arabic masculine nationality adjectives from GitHub shahendahamdy/Arabic-English-Nationalities",
        "  at commit c332ffd1d6d6, ISC; reviewed and corrected in scripts/lexicon_overrides.json.",
    ),
]
SOURCE_LINE = (
    "world-countries 5.1.0 (ODbL-1.0); Unicode CLDR 49 via babel 2.19.0 (Unicode-3.0); "
    "shahendahamdy/Arabic-English-Nationalities c332ffd1d6d6 (ISC); "
    "hand corrections in scripts/lexicon_overrides.json"
)
LICENSE = "ODbL-1.0 AND Unicode-3.0 AND ISC"

ARTICLE = "ال"
YEH = "ي"
TEH_MARBUTA = "ة"

# English alt spellings kept automatically when they are ASCII and contain one
# of these words (official long forms such as "Republic of Armenia").  Other
# alt spellings (mostly native-language forms) are dropped unless listed in
# the overrides' en_alt_keep.
EN_STATE_WORDS = {
    "Republic", "Kingdom", "State", "States", "Federation", "Federal",
    "Federated", "Union", "Islands", "Island", "Commonwealth", "Principality",
    "Duchy", "Confederation", "Sultanate", "Emirates", "Democratic",
}
EN_ASCII_NAME = re.compile(r"^[A-Za-z][A-Za-z .'&-]*$")
EN_NO_PLURAL_ENDINGS = ("ese", "ss", "ch", "sh", "s", "x", "z")


class BuildError(Exception):
    pass


def clean(s: str) -> str:
    """Trim and collapse internal whitespace."""
    return " ".join(s.split())


def dedupe(items):
    seen = set()
    out = []
    for it in items:
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out


def letters(s: str) -> int:
    return sum(ch.isalpha() for ch in s)


def strip_article(form: str) -> str:
    return " ".join(w[len(ARTICLE):] if w.startswith(ARTICLE) and len(w) > 3 else w for w in form.split())


def inflect_words(form: str, suffix: str, code: str) -> str:
    """Add a suffix to every nisba word (ending in ي) of a demonym."""
    words = form.split()
    if not any(w.endswith(YEH) for w in words):
        raise BuildError(f"{code}: Arabic demonym {form!r} has no nisba word ending in ي")
    return " ".join(w + suffix if w.endswith(YEH) else w for w in words)


def load_json(path: Path):
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise BuildError(f"missing source file {path}") from None


def load_sources(data: Path):
    countries = load_json(data / COUNTRIES_FILE)["countries"]
    by_code = {c["iso2"]: c for c in countries}
    if len(by_code) != len(countries):
        raise BuildError("duplicate iso2 codes in countries file")

    nat_rows = load_json(data / NATIONALITIES_FILE)
    nat = {}
    for r in nat_rows:
        code = clean(r["code"])
        if code in nat:
            raise BuildError(f"duplicate nationality row for {code}")
        nat[code] = clean(r["natianality_ar"])  # sic: the upstream key is misspelt

    merged = load_json(data / NATIONALITIES_MERGED_FILE)["nationalities"]
    for r in merged:
        code = clean(r["iso2"])
        if nat.get(code) != clean(r["nationality_ar"]):
            raise BuildError(f"{code}: nationality_ar differs between the two nationality files")
    if len(merged) != len(nat):
        raise BuildError("the two nationality files have different row counts")
    return by_code, nat


def section(ov, name):
    return ov.get(name, {})


def check_codes(ov, by_code):
    for name, sec in ov.items():
        if name.startswith("_"):
            continue
        items = sec.items() if name != "coverage" else [
            kv for sub in sec.values() for kv in sub.items()
        ]
        for code, _ in items:
            if code not in by_code:
                raise BuildError(f"overrides {name}: unknown code {code}")


def required_codes(ov, by_code):
    cov = section(ov, "coverage")
    not_un = set(cov.get("not_un_member", {}))
    un = {c for c, row in by_code.items() if row["un_member"]} - not_un
    if len(un) != 193:
        raise BuildError(f"expected 193 UN member states, found {len(un)}")
    return sorted(un | set(cov.get("include", {})))


def ar_names(code, row, ov):
    names = [clean(row["name_ar_cldr"]), clean(row["name_ar_common"]), clean(row["name_ar_official"])]
    fix = section(ov, "ar_name_fix").get(code)
    if fix:
        for old, new in fix["replace"].items():
            if old not in names:
                raise BuildError(f"ar_name_fix {code}: {old!r} not in source names {names}")
            names = [new if n == old else n for n in names]
    drop = section(ov, "ar_name_drop").get(code)
    if drop:
        for d in drop["drop"]:
            if d not in names:
                raise BuildError(f"ar_name_drop {code}: {d!r} not in source names {names}")
        names = [n for n in names if n not in drop["drop"]]
    add = section(ov, "ar_name_add").get(code)
    if add:
        for a in add["add"]:
            if a in names:
                raise BuildError(f"ar_name_add {code}: {a!r} already in source; remove the override")
        names += [clean(a) for a in add["add"]]
    return dedupe(names)


def en_names(code, row, ov):
    names = [clean(row["name_en_cldr"]), clean(row["name_en_common"]), clean(row["name_en_official"])]
    keep = set(section(ov, "en_alt_keep").get(code, {}).get("keep", []))
    drop = set(section(ov, "en_alt_drop").get(code, {}).get("drop", []))
    alts = [clean(a) for a in row["alt_spellings"]]
    for k in keep | drop:
        if k not in alts:
            raise BuildError(f"en_alt_keep/drop {code}: {k!r} not among source alt spellings")
    for a in alts:
        if a in drop or a in names:
            continue
        if a in keep:
            names.append(a)
            continue
        if a in (row["iso2"], row["iso3"]) or letters(a) < 4:
            continue
        if not EN_ASCII_NAME.match(a) or "," in a:
            continue
        if EN_STATE_WORDS & set(re.split(r"[ -]", a)):
            names.append(a)
    add = section(ov, "en_name_add").get(code)
    if add:
        for a in add["add"]:
            if a in names:
                raise BuildError(f"en_name_add {code}: {a!r} already present; remove the override")
        names += add["add"]
    return dedupe(names)


def ar_demonyms(code, nat, ov):
    m_ov = section(ov, "ar_masculine").get(code)
    src = nat.get(code)
    if m_ov is not None:
        if m_ov["source"] != src:
            raise BuildError(f"ar_masculine {code}: override expects source {m_ov['source']!r}, source has {src!r}")
        masc = [clean(x) for x in m_ov["set"]]
    else:
        if src is None:
            raise BuildError(f"{code}: no Arabic nationality in source and no ar_masculine override")
        masc = [src]
    masc = [strip_article(m) for m in masc]
    add = section(ov, "ar_masculine_add").get(code)
    if add:
        masc += [clean(a) for a in add["add"]]
    masc = dedupe(masc)

    fem_ov = section(ov, "ar_feminine").get(code)
    fem = [clean(x) for x in fem_ov["set"]] if fem_ov else [inflect_words(m, TEH_MARBUTA, code) for m in masc]

    plural = []
    for m in masc:
        plural.append(inflect_words(m, "ون", code))
        plural.append(inflect_words(m, "ين", code))
    bp = section(ov, "ar_broken_plural").get(code)
    if bp:
        plural += [clean(p) for p in bp["add"]]
    return masc, dedupe(fem), dedupe(plural)


def en_demonyms(code, row, ov):
    singular = []
    for key in ("demonym_en_m", "demonym_en_f"):
        value = clean(row[key])
        if not value:
            continue
        for part in re.split(r",| or |/", value):
            part = clean(part)
            if part:
                singular.append(part)
    rep = section(ov, "en_demonym_replace").get(code)
    if rep:
        for old, new in rep["replace"].items():
            if old not in singular:
                raise BuildError(f"en_demonym_replace {code}: {old!r} not in source demonyms {singular}")
            singular = [new if s == old else s for s in singular]
    add = section(ov, "en_demonym_add").get(code)
    if add:
        singular += add["add"]
    singular = dedupe(singular)
    no_plural = set(section(ov, "en_demonym_no_plural").get(code, {}).get("words", []))
    plurals = [
        s + "s"
        for s in singular
        if s not in no_plural and not s.endswith(EN_NO_PLURAL_ENDINGS)
    ]
    return dedupe(singular + plurals)


def gender(code, ov):
    g = section(ov, "gender").get(code)
    value = g["gender"] if g else "feminine"
    if value not in ("masculine", "feminine"):
        raise BuildError(f"gender {code}: bad value {value!r}")
    return value


def q(s: str) -> str:
    """YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def flow(items) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def render(entries, notes) -> str:
    out = [
        "# factlint bundled lexicon: countries, their names, demonyms and Arabic grammatical gender.",
        "# @generated by scripts/build_lexicon_countries.py from ../shared/data/ — do not edit by hand;",
        "# change the script or scripts/lexicon_overrides.json and regenerate.",
        "# Sources:",
    ]
    for block in SOURCES:
        out += [f"#   {line}" for line in block]
    out += [
        "# The pack is a derived database of world-countries: ODbL-1.0 (share-alike) applies to it;",
        "# see rules/lexicon/LICENSES.md and rules/lexicon/licenses/.",
        "# Coverage: the 193 UN member states plus PS, XK, TW, EH and VA.",
        "pack: lexicon-countries",
        f"source: {q(SOURCE_LINE)}",
        f"license: {q(LICENSE)}",
        "lexicon:",
        "  countries:",
    ]
    for e in entries:
        if e["code"] in notes:
            out.append(f"    # {e['code']}: {notes[e['code']]}")
        out += [
            f"    - code: {q(e['code'])}",
            "      names:",
            f"        ar: {flow(e['names_ar'])}",
            f"        en: {flow(e['names_en'])}",
            f"      gender: {e['gender']}",
            "      demonyms:",
            "        ar:",
            f"          masculine: {flow(e['masc'])}",
            f"          feminine: {flow(e['fem'])}",
            f"          plural: {flow(e['plural'])}",
            f"        en: {flow(e['dem_en'])}",
        ]
    return "\n".join(out) + "\n"


def summary(ov, entries):
    def n(name):
        return len(section(ov, name))

    def items(name, key):
        return sum(len(v[key]) for v in section(ov, name).values())

    g = Counter(v["gender"] for v in section(ov, "gender").values())
    masc = [e["code"] for e in entries if e["gender"] == "masculine"]
    lines = [
        f"wrote {len(entries)} countries",
        "overrides applied:",
        f"  coverage: {len(section(ov, 'coverage').get('include', {}))} added codes, "
        f"{len(section(ov, 'coverage').get('not_un_member', {}))} source un_member flag corrected",
        f"  ar_name_fix: {n('ar_name_fix')} countries, {items('ar_name_fix', 'replace')} names corrected",
        f"  ar_name_drop: {n('ar_name_drop')} countries, {items('ar_name_drop', 'drop')} names dropped",
        f"  ar_name_add: {n('ar_name_add')} countries, {items('ar_name_add', 'add')} names added",
        f"  en_name_add: {n('en_name_add')} countries, {items('en_name_add', 'add')} names added",
        f"  en_alt_keep: {n('en_alt_keep')} countries, {items('en_alt_keep', 'keep')} alt spellings kept by hand",
        f"  en_alt_drop: {n('en_alt_drop')} countries, {items('en_alt_drop', 'drop')} alt spellings dropped by hand",
        f"  gender: {g['masculine']} masculine, {g['feminine']} explicit feminine (others default feminine)",
        f"  ar_masculine: {n('ar_masculine')} source rows corrected or supplied "
        f"({sum(1 for v in section(ov, 'ar_masculine').values() if v['source'] is None)} missing rows)",
        f"  ar_masculine_add: {n('ar_masculine_add')} countries, {items('ar_masculine_add', 'add')} variants added",
        f"  ar_feminine: {n('ar_feminine')}",
        f"  ar_broken_plural: {n('ar_broken_plural')} countries, {items('ar_broken_plural', 'add')} broken plurals",
        f"  ar_homograph_ok: {n('ar_homograph_ok')} countries whose adjective equals the name",
        f"  en_demonym_replace: {n('en_demonym_replace')}",
        f"  en_demonym_add: {n('en_demonym_add')} countries, {items('en_demonym_add', 'add')} forms added",
        f"  en_demonym_no_plural: {n('en_demonym_no_plural')}",
        f"  notes: {n('notes')}",
        f"masculine-gender countries ({len(masc)}): {' '.join(masc)}",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="source data dir (default: ../shared/data from the repo root)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output YAML (default: rules/lexicon/countries.yaml)")
    args = ap.parse_args(argv)

    try:
        ov = load_json(OVERRIDES)
        by_code, nat = load_sources(args.data)
        check_codes(ov, by_code)
        entries = []
        for code in required_codes(ov, by_code):
            row = by_code[code]
            masc, fem, plural = ar_demonyms(code, nat, ov)
            entries.append({
                "code": code,
                "names_ar": ar_names(code, row, ov),
                "names_en": en_names(code, row, ov),
                "gender": gender(code, ov),
                "masc": masc,
                "fem": fem,
                "plural": plural,
                "dem_en": en_demonyms(code, row, ov),
            })
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(entries, section(ov, "notes")), encoding="utf-8")
    print(summary(ov, entries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
