"""Shared readers for the bundled typo packs (rules/typos/), used by
scripts/check_typos.py and scripts/measure_typos.py.

Standard library only. The Arabic pack is read in the strict shape it is
written in: one flow mapping per entry, on one line, under `typos:`; a line
that drifts from that shape is an error, so the checks cannot silently skip
an entry.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parent
TYPOS_DIR = REPO_ROOT / "rules" / "typos"
EN_CSV = TYPOS_DIR / "en-common.csv"
AR_YAML = TYPOS_DIR / "ar-common.yaml"

AR_KEYS = {"find", "replace", "lang", "message", "fix", "id"}
ENTRY_LINE = re.compile(r"^  - \{ (.*) \}$")
KEY_VALUE = re.compile(r"\s*([a-z_]+):\s*")

# Arabic diacritics (tashkeel, Quranic marks, superscript alef) and tatweel.
TASHKEEL = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
AR_LETTER = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3"
# Proclitics allowed in front of an Arabic find: conjunction و/ف, then a
# preposition ب/ك/ل, then the article ال; or لل (ل + ال).
AR_PROCLITICS = f"(?:[وف]?[بكل]?(?:ال)?|[وف]?لل)"


class PackError(Exception):
    pass


def split_flow(body: str, lineno: int) -> dict:
    """Parse the inside of a one-line YAML flow mapping whose values are plain
    or double-quoted scalars, or flow lists of plain scalars."""
    out: dict = {}
    i = 0
    while i < len(body):
        m = KEY_VALUE.match(body, i)
        if not m:
            raise PackError(f"line {lineno}: expected `key: value` at {body[i:]!r}")
        key = m.group(1)
        i = m.end()
        if i < len(body) and body[i] == '"':
            j = i + 1
            while j < len(body) and body[j] != '"':
                j += 2 if body[j] == "\\" else 1
            if j >= len(body):
                raise PackError(f"line {lineno}: unterminated string")
            value = json.loads(body[i : j + 1])
            i = j + 1
        elif i < len(body) and body[i] == "[":
            j = body.find("]", i)
            if j < 0:
                raise PackError(f"line {lineno}: unterminated list")
            value = [v.strip() for v in body[i + 1 : j].split(",") if v.strip()]
            i = j + 1
        else:
            j = body.find(",", i)
            j = len(body) if j < 0 else j
            value = body[i:j].strip()
            if not value or any(c in value for c in '{}[]"') or ": " in value:
                raise PackError(f"line {lineno}: plain value {value!r} needs quoting")
            i = j
        if key in out:
            raise PackError(f"line {lineno}: key {key} twice")
        out[key] = value
        rest = body[i:].lstrip()
        if rest.startswith(","):
            i = len(body) - len(rest) + 1
        elif rest:
            raise PackError(f"line {lineno}: unexpected {rest!r}")
        else:
            break
    return out


def read_ar_pack(path: Path = AR_YAML) -> tuple[dict[str, str], list[dict], list[dict]]:
    """Return (header keys, typo entries with their line numbers, examples)."""
    header: dict[str, str] = {}
    typos: list[dict] = []
    examples: list[dict] = []
    section = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            key, _, value = line.partition(":")
            value = value.strip()
            if key in ("typos", "examples") and not value:
                section = key
            elif key in ("pack", "source", "license", "description") and value:
                header[key] = json.loads(value) if value.startswith('"') else value
                section = None
            else:
                raise PackError(f"{path.name} line {lineno}: unexpected top-level line {line!r}")
            continue
        m = ENTRY_LINE.match(line)
        if not m or section is None:
            raise PackError(f"{path.name} line {lineno}: not a one-line flow entry under typos/examples")
        entry = split_flow(m.group(1), lineno)
        entry["_line"] = lineno
        (typos if section == "typos" else examples).append(entry)
    return header, typos, examples


def read_en_csv(path: Path = EN_CSV) -> tuple[str, list[list[str]]]:
    """Return (header line, data rows)."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    rows = list(csv.reader(lines[1:]))
    return lines[0], [r for r in rows if r]


def strip_tashkeel(text: str) -> str:
    return TASHKEEL.sub("", text)


def ar_pattern(find: str) -> re.Pattern:
    """Whole-word, proclitic-aware pattern for an Arabic find (words of a
    multi-word find separated by any run of whitespace)."""
    words = strip_tashkeel(find).split()
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(f"(?<![{AR_LETTER}]){AR_PROCLITICS}({body})(?![{AR_LETTER}])")
