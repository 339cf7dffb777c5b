#!/usr/bin/env python3
"""Check the bundled Arabic spelling data (rules/spelling/): it must equal a
fresh build by scripts/build_spelling_ar.py and be well formed.

Usage: python3 scripts/check_spelling_ar.py
"""

import filecmp
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_spelling_ar  # noqa: E402

DATA = os.path.join(build_spelling_ar.ROOT, "rules", "spelling")


def check_form():
    problems = []
    last = 10_000
    with open(os.path.join(DATA, "ar-freq.txt"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.startswith("#"):
                continue
            zipf, _, words = line.rstrip("\n").partition("\t")
            if not zipf.isdigit() or int(zipf) >= last or int(zipf) < build_spelling_ar.FLOOR:
                problems.append(f"ar-freq.txt:{number}: bucket {zipf!r} out of order or below the floor")
            last = int(zipf) if zipf.isdigit() else last
            for word in words.split(" "):
                if not build_spelling_ar.ARABIC_WORD.match(word):
                    problems.append(f"ar-freq.txt:{number}: {word!r} is not an Arabic word")
    for name in ("ar.aff", "ar.dic", "licenses/MPL-1.1_ayaspell.txt", "licenses/CC-BY-SA-4.0_wordfreq.txt"):
        if not os.path.isfile(os.path.join(DATA, name)):
            problems.append(f"missing {name}")
    return problems


def main():
    problems = check_form()
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        print("warning: wordfreq is not installed; checked the form only")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build_spelling_ar.build(tmp)
            for name in ("ar.aff", "ar.dic", "ar-freq.txt"):
                if not filecmp.cmp(os.path.join(tmp, name), os.path.join(DATA, name), shallow=False):
                    problems.append(f"{name} differs from a fresh build: run scripts/build_spelling_ar.py")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print("Arabic spelling data: ok")


if __name__ == "__main__":
    main()
