#!/usr/bin/env python3
"""Check the bundled English word list (rules/spelling/en-freq.txt): it must
equal a fresh build by scripts/build_spelling_en.py and be well formed.

Usage: python3 scripts/check_spelling_en.py
"""

import filecmp
import os
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_spelling_en as build  # noqa: E402

DATA = os.path.join(build.ROOT, "rules", "spelling")


def check_form():
    problems = []
    last = 10_000
    with open(os.path.join(DATA, build.NAME), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.startswith("#"):
                continue
            zipf, _, words = line.rstrip("\n").partition("\t")
            if not zipf.isdigit() or int(zipf) >= last or int(zipf) < build.FLOOR:
                problems.append(f"{build.NAME}:{number}: bucket {zipf!r} out of order or below the floor")
            last = int(zipf) if zipf.isdigit() else last
            for word in words.split(" "):
                if not build.ENGLISH_WORD.match(word):
                    problems.append(f"{build.NAME}:{number}: {word!r} is not a lower-case English word")
    if not os.path.isfile(os.path.join(DATA, "licenses/CC-BY-SA-4.0_wordfreq.txt")):
        problems.append("missing licenses/CC-BY-SA-4.0_wordfreq.txt")
    return problems


def main():
    problems = check_form()
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        print("warning: wordfreq is not installed; checked the form only")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build.build(tmp)
            if not filecmp.cmp(os.path.join(tmp, build.NAME), os.path.join(DATA, build.NAME), shallow=False):
                problems.append(f"{build.NAME} differs from a fresh build: run scripts/build_spelling_en.py")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print("English spelling data: ok")


if __name__ == "__main__":
    main()
