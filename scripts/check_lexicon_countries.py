#!/usr/bin/env python3
"""Check rules/lexicon/countries.yaml.

Asserts:
  * exactly the required ISO codes: the 193 UN member states plus PS, XK, TW, EH, VA,
    sorted and unique;
  * every entry has at least one Arabic and one English name, a gender
    (masculine | feminine), and at least one Arabic masculine demonym that differs
    from every Arabic name of the entry (the few countries whose adjective is
    spelt exactly like the name are listed, with a reason, in
    scripts/lexicon_overrides.json under ar_homograph_ok);
  * no Arabic demonym (or word of one) starts with the article "ال";
  * no duplicate strings inside a list; no empty or untrimmed strings;
  * no Arabic demonym is shared by two countries, and none is another country's name;
  * no Arabic or English country name is shared by two countries;
  * the file is exactly what scripts/build_lexicon_countries.py generates
    (skipped, with a message, when the source data directory is absent).

Standard library only. The parser reads the generated shape strictly: a
hand-edited file that drifts from it fails here.

Usage (from the repo root):
    python3 scripts/check_lexicon_countries.py [--file FILE] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parent
DEFAULT_FILE = REPO_ROOT / "rules" / "lexicon" / "countries.yaml"
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
OVERRIDES = SCRIPT_DIR / "lexicon_overrides.json"
BUILD = SCRIPT_DIR / "build_lexicon_countries.py"

# The 193 UN member states (ISO 3166-1 alpha-2), independent of the source's
# un_member flag.
UN_MEMBERS = set("""
AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ
CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI
FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM
JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG
MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK
PL PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD
TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM ZW
""".split())
EXTRA = {"PS", "XK", "TW", "EH", "VA"}
ARTICLE = "ال"
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER = re.compile(r"[A-Za-z]")

ENTRY_SHAPE = [
    (re.compile(r'^    - code: "([A-Z]{2})"$'), "code"),
    (re.compile(r"^      names:$"), None),
    (re.compile(r"^        ar: (\[.*\])$"), "names_ar"),
    (re.compile(r"^        en: (\[.*\])$"), "names_en"),
    (re.compile(r"^      gender: (\S+)$"), "gender"),
    (re.compile(r"^      demonyms:$"), None),
    (re.compile(r"^        ar:$"), None),
    (re.compile(r"^          masculine: (\[.*\])$"), "masculine"),
    (re.compile(r"^          feminine: (\[.*\])$"), "feminine"),
    (re.compile(r"^          plural: (\[.*\])$"), "plural"),
    (re.compile(r"^        en: (\[.*\])$"), "demonyms_en"),
]
HEADER_KEYS = ["pack", "source", "license"]


class Fail(Exception):
    pass


def parse(text: str):
    lines = text.split("\n")
    if text and not text.endswith("\n"):
        raise Fail("file does not end with a newline")
    body = [ln for ln in lines if ln and not ln.lstrip().startswith("#")]
    if "@generated" not in text.split("\n", 3)[1]:
        raise Fail("second line must carry the @generated marker")
    header = {}
    i = 0
    for key in HEADER_KEYS:
        m = re.match(rf"^{key}: (.+)$", body[i])
        if not m:
            raise Fail(f"expected top-level '{key}:' at line {body[i]!r}")
        v = m.group(1)
        header[key] = json.loads(v) if v.startswith('"') else v
        i += 1
    if body[i : i + 2] != ["lexicon:", "  countries:"]:
        raise Fail("expected 'lexicon:' then '  countries:'")
    i += 2
    entries = []
    while i < len(body):
        e = {}
        for rx, key in ENTRY_SHAPE:
            if i >= len(body):
                raise Fail("file ends inside an entry")
            m = rx.match(body[i])
            if not m:
                raise Fail(f"unexpected line {body[i]!r} (expected {rx.pattern})")
            if key:
                v = m.group(1)
                e[key] = json.loads(v) if v.startswith("[") else v
            i += 1
        for key, v in e.items():
            if isinstance(v, list) and not all(isinstance(x, str) for x in v):
                raise Fail(f"{e['code']}.{key}: every item must be a string")
        entries.append(e)
    return header, entries


def check(header, entries, homograph_ok) -> list[str]:
    errors = []

    def err(msg):
        errors.append(msg)

    if header["pack"] != "lexicon-countries":
        err(f"pack is {header['pack']!r}")
    if header["license"] != "ODbL-1.0 AND Unicode-3.0 AND ISC":
        err(f"license is {header['license']!r}")
    if not header["source"].strip():
        err("source is empty")

    codes = [e["code"] for e in entries]
    required = UN_MEMBERS | EXTRA
    if len(UN_MEMBERS) != 193:
        err(f"internal: UN member list has {len(UN_MEMBERS)} codes")
    if codes != sorted(codes):
        err("entries are not sorted by code")
    if len(set(codes)) != len(codes):
        err("duplicate codes: " + " ".join(sorted({c for c in codes if codes.count(c) > 1})))
    if missing := required - set(codes):
        err("missing codes: " + " ".join(sorted(missing)))
    if extra := set(codes) - required:
        err("unexpected codes: " + " ".join(sorted(extra)))
    for c in homograph_ok:
        if c not in required:
            err(f"ar_homograph_ok lists unknown code {c}")

    demonym_owner = defaultdict(set)
    name_owner_ar = defaultdict(set)
    name_owner_en = defaultdict(set)
    for e in entries:
        c = e["code"]
        lists = {
            "names.ar": e["names_ar"],
            "names.en": e["names_en"],
            "demonyms.ar.masculine": e["masculine"],
            "demonyms.ar.feminine": e["feminine"],
            "demonyms.ar.plural": e["plural"],
            "demonyms.en": e["demonyms_en"],
        }
        for key, items in lists.items():
            for s in items:
                if not s or s != s.strip() or "  " in s:
                    err(f"{c} {key}: empty or untrimmed string {s!r}")
            if dups := sorted({s for s in items if items.count(s) > 1}):
                err(f"{c} {key}: duplicate strings {dups}")
            script = ARABIC_LETTER if key.startswith(("names.ar", "demonyms.ar")) else LATIN_LETTER
            other = LATIN_LETTER if script is ARABIC_LETTER else ARABIC_LETTER
            for s in items:
                if not script.search(s) or other.search(s):
                    err(f"{c} {key}: {s!r} is in the wrong script")
        if not e["names_ar"]:
            err(f"{c}: no Arabic name")
        if not e["names_en"]:
            err(f"{c}: no English name")
        if e["gender"] not in ("masculine", "feminine"):
            err(f"{c}: gender {e['gender']!r} is not masculine|feminine")
        if not e["masculine"]:
            err(f"{c}: no Arabic masculine demonym")
        if not e["demonyms_en"]:
            err(f"{c}: no English demonym")
        names = set(e["names_ar"])
        same = [m for m in e["masculine"] if m in names]
        if same and c not in homograph_ok:
            err(f"{c}: masculine demonym(s) {same} equal a country name; correct them or list {c} under ar_homograph_ok")
        if not any(m not in names for m in e["masculine"]) and c not in homograph_ok:
            err(f"{c}: no Arabic masculine demonym differs from the country names")
        for key in ("masculine", "feminine", "plural"):
            for s in e[key]:
                if any(w.startswith(ARTICLE) for w in s.split()):
                    err(f"{c} demonyms.ar.{key}: {s!r} carries the article ال")
                demonym_owner[s].add(c)
        for n in e["names_ar"]:
            name_owner_ar[n].add(c)
        for n in e["names_en"]:
            name_owner_en[n].add(c)

    conflicts = {s: sorted(o) for s, o in demonym_owner.items() if len(o) > 1}
    for s, owners in sorted(conflicts.items()):
        err(f"Arabic demonym {s!r} is shared by {' '.join(owners)}")
    for s, owners in sorted(demonym_owner.items()):
        for o in sorted(name_owner_ar.get(s, set()) - owners):
            err(f"Arabic demonym {s!r} of {' '.join(sorted(owners))} is a country name of {o}")
    for label, table in (("Arabic", name_owner_ar), ("English", name_owner_en)):
        for s, owners in sorted(table.items()):
            if len(owners) > 1:
                err(f"{label} name {s!r} is shared by {' '.join(sorted(owners))}")
    return errors


def check_fresh(path: Path, data: Path) -> str | None:
    if not data.is_dir():
        return f"skipped regeneration check: source data dir {data} not found"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "countries.yaml"
        r = subprocess.run(
            [sys.executable, str(BUILD), "--data", str(data), "--out", str(out)],
            capture_output=True, text=True,
        )
        if r.returncode != 0:
            raise Fail("build script failed:\n" + r.stderr)
        if out.read_bytes() != path.read_bytes():
            raise Fail(f"{path} is stale or hand-edited: regenerate with python3 scripts/build_lexicon_countries.py")
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    try:
        header, entries = parse(args.file.read_text(encoding="utf-8"))
        homograph_ok = set(json.loads(OVERRIDES.read_text(encoding="utf-8")).get("ar_homograph_ok", {}))
        errors = check(header, entries, homograph_ok)
        if errors:
            for e in errors:
                print(f"FAIL {e}")
            print(f"{len(errors)} problem(s) in {args.file}")
            return 1
        note = check_fresh(args.file, args.data)
    except Fail as e:
        print(f"FAIL {e}")
        return 1
    masc = [e["code"] for e in entries if e["gender"] == "masculine"]
    print(f"ok: {len(entries)} countries ({len(UN_MEMBERS)} UN members + {' '.join(sorted(EXTRA))})")
    print(f"ok: {sum(len(e['masculine']) + len(e['feminine']) + len(e['plural']) for e in entries)} Arabic demonym forms, none shared")
    print(f"ok: {len(homograph_ok)} reviewed homographs (adjective spelt as the name): {' '.join(sorted(homograph_ok))}")
    print(f"ok: masculine gender ({len(masc)}): {' '.join(masc)}")
    print(note or "ok: file matches a fresh build from the source data")
    return 0


if __name__ == "__main__":
    sys.exit(main())
