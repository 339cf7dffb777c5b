#!/usr/bin/env python3
"""Measure factlint's recall on errors put into real articles.

Reads the Arabic articles of ../shared/corpus/ at run time (their licence
forbids copying them into the repository), puts ONE error into a temporary
copy of each chosen article, runs factlint over the copies, and counts an
error as caught when a finding's span covers the changed word. Nothing is
written into the repository.

Kinds of error:
  common   a common misspelling: final ة written ه, ض/ظ swapped, ؤ/ئ/ء
           swapped, or a wrong إ for أ at the start of a word;
  slip     a one-letter slip (adjacent swap, a letter dropped or doubled,
           inside the word) of one occurrence of a word the article uses at
           least twice;
  baad     «بعض» written «بعد» before an indefinite noun (no article, no
           pronoun suffix, not a demonstrative) and a definite one;
  agreement
           the gender marker of a verb directly before a one-word country
           name (rules/lexicon/countries.yaml) flipped: a perfect verb that
           agrees with a masculine country gets the feminine «ت» (شارك →
           شاركت), an imperfect one its «ي» turned «ت» or back (يستضيف ↔
           تستضيف). A word counts as a verb when wordfreq knows both forms
           (zipf >= 2.5 for the changed one, >= 3 for the written one) and
           its form with the article is rare (zipf < 2), so verbal nouns
           (تعاون, تدخل) are left alone; the label «perfect f→m» (a feminine
           perfect losing its «ت» before a feminine country) is measured
           too, though only the lexicon's verbs are checked in that
           direction (a masculine perfect is too often a verbal noun).

An injection counts only when the changed form is not itself a common word
(wordfreq zipf below 3 and below the original's minus 1, below 2 for
slips): a slip into another real word is a confusable, not a misspelling.
Needs `pip install wordfreq`.

    python3 scripts/inject_errors.py [--kind common|slip|baad|agreement|all] [--max N] [--seed S]
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile

from wordfreq import zipf_frequency

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "articles_ar", "saudinewsnet_sample.jsonl")
WORD = re.compile(r"[\u0621-\u064a]+")
DEMONSTRATIVES = {"هذه", "هذا", "هؤلاء", "ذلك", "تلك", "أولئك", "هذين", "هاتين"}
CLITICS = re.compile(r"^(و|ف)?(ب|ك|ل)?(ال|لل)?")


COUNTRIES = os.path.join(ROOT, "rules", "lexicon", "countries.yaml")


def countries():
    """One-word Arabic country names with their gender, from the lexicon."""
    genders = {}
    names = []
    with open(COUNTRIES, encoding="utf-8") as f:
        for line in f:
            stripped = line.strip()
            if stripped.startswith("ar: ["):
                names = re.findall(r'"([^"]+)"', stripped)
            elif stripped.startswith("gender:"):
                gender = stripped.split(":", 1)[1].strip()
                for name in names:
                    if " " not in name:
                        genders[name] = gender
                names = []
    return genders


def verb_like(written, other):
    """Both forms known to wordfreq, and neither a noun with the article."""
    return (zipf(written) >= 3 and zipf(other) >= 2.5
            and zipf("ال" + written) < 2 and zipf("ال" + other) < 2)


def zipf(word):
    return zipf_frequency(word, "ar")


def articles():
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                item = json.loads(line)
                yield item["id"], item.get("content") or ""


def words(text):
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def common_mutations(word):
    """Every common misspelling of `word`, with its kind."""
    out = []
    if word.endswith("ة") and len(word) >= 4:
        out.append(("ة/ه", word[:-1] + "ه"))
    for i, c in enumerate(word):
        if c in "ضظ":
            out.append(("ض/ظ", word[:i] + ("ظ" if c == "ض" else "ض") + word[i + 1:]))
        if c in "ؤئء" and 0 < i:
            for d in "ؤئء":
                if d != c:
                    out.append(("ؤ/ئ/ء", word[:i] + d + word[i + 1:]))
    m = CLITICS.match(word)
    start = m.end()
    if start < len(word) and word[start] == "أ" and len(word) - start >= 3:
        out.append(("إ", word[:start] + "إ" + word[start + 1:]))
    return out


def slip_mutations(word, rng):
    start = max(2, CLITICS.match(word).end())
    n = len(word)
    out = []
    for i in range(start, n - 1):
        if word[i] != word[i + 1]:
            out.append(word[:i] + word[i + 1] + word[i] + word[i + 2:])
        out.append(word[:i] + word[i + 1:])
        out.append(word[:i] + word[i] + word[i:])
    rng.shuffle(out)
    return out


def pick(kind, text, rng):
    """One (start, end, new text, label) change for this article, or None."""
    ws = words(text)
    if kind == "common":
        options = []
        for s, e, w in ws:
            z = zipf(w)
            for label, new in common_mutations(w):
                zn = zipf(new)
                if z >= 3 and zn < 3 and zn <= z - 1:
                    options.append((s, e, new, label))
        return rng.choice(options) if options else None
    if kind == "slip":
        counts = collections.Counter(w for _, _, w in ws)
        options = [(s, e, w) for s, e, w in ws if counts[w] >= 3 and len(w) >= 5]
        rng.shuffle(options)
        for s, e, w in options:
            for new in slip_mutations(w, rng):
                if zipf(new) < 2 and new not in counts:
                    return (s, e, new, "slip")
        return None
    if kind == "baad":
        options = []
        for i in range(len(ws) - 2):
            (s, e, w), (_, _, a), (_, _, b) = ws[i], ws[i + 1], ws[i + 2]
            between = text[e:ws[i + 1][0]] + text[ws[i + 1][1]:ws[i + 2][0]]
            # The rule's precondition: an indefinite noun (not a
            # demonstrative, no pronoun suffix) before a definite one.
            indefinite = not a.startswith(("ال", "لل")) and a not in DEMONSTRATIVES \
                and not re.search("(ها|هم|هما|هن|كم|نا|ه)$", a)
            if w in ("بعض", "وبعض") and between == "  " and indefinite and b.startswith("ال"):
                options.append((s, e, w[:-1] + "د", "بعد/بعض"))
        return rng.choice(options) if options else None
    if kind == "agreement":
        genders = COUNTRY_GENDERS
        options = []
        for i in range(len(ws) - 1):
            (s, e, w), (_, _, name) = ws[i], ws[i + 1]
            gender = genders.get(name)
            if not gender or text[e:ws[i + 1][0]] != " " or (i > 0 and ws[i - 1][2].startswith("ال")
                                                              and text[ws[i - 1][1]:s] == " "):
                continue
            # The change covers the verb, not its clitics (a finding points
            # at the verb's own letters).
            clitic = re.match("^(و|ف)?(س)?", w).group()
            verb = w[len(clitic):]
            if len(verb) < 3:
                continue
            if gender == "masculine" and not clitic.endswith("س") and not verb.endswith("ت") \
                    and verb_like(verb, verb + "ت"):
                options.append((s + len(clitic), e, verb + "ت", "perfect m→f"))
            if gender == "feminine" and verb.endswith("ت") and not verb.endswith("ات") \
                    and verb_like(verb, verb[:-1]):
                options.append((s + len(clitic), e, verb[:-1], "perfect f→m"))
            if len(verb) >= 4 and verb[0] in "يت":
                want = "ي" if gender == "masculine" else "ت"
                if verb[0] == want and verb_like(verb, ("ت" if want == "ي" else "ي") + verb[1:]):
                    new = ("ت" if want == "ي" else "ي") + verb[1:]
                    options.append((s + len(clitic), e, new, f"imperfect {want}→{new[0]}"))
        return rng.choice(options) if options else None
    raise ValueError(kind)


COUNTRY_GENDERS = countries()


def run(binary, folder):
    command = [binary, "check", folder, "--format", "jsonl", "--fail-on", "error"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(result.stderr[-3000:])
    # A line without `code` is an article with no finding.
    lines = (json.loads(l) for l in result.stdout.splitlines() if l.strip())
    return [f for f in lines if f.get("code")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", default="all", choices=["common", "slip", "baad", "agreement", "all"])
    parser.add_argument("--max", type=int, default=300, help="articles per kind")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "factlint"))
    parser.add_argument("--show-misses", type=int, default=10)
    args = parser.parse_args()
    kinds = ["common", "slip", "baad", "agreement"] if args.kind == "all" else [args.kind]
    print("| kind | injected | caught | recall | by code |")
    print("|---|---|---|---|---|")
    for kind in kinds:
        rng = random.Random(args.seed)
        with tempfile.TemporaryDirectory() as folder:
            injected = {}
            for ident, text in articles():
                if len(injected) >= args.max:
                    break
                change = pick(kind, text, rng)
                if not change:
                    continue
                s, e, new, label = change
                changed = text[:s] + new + text[e:]
                path = os.path.join(folder, f"{len(injected):05d}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(changed)
                begin = len(changed[:s].encode("utf-8"))
                end = begin + len(new.encode("utf-8"))
                injected[os.path.realpath(path)] = (begin, end, text[s:e], new, label, " ".join(text[e:e + 60].split()[:3]))
            findings = run(args.binary, folder)
            caught = {}
            for f in findings:
                where = injected.get(os.path.realpath(f["path"]))
                if where and f["span"]["start"] <= where[0] and where[1] <= f["span"]["end"]:
                    caught.setdefault(os.path.realpath(f["path"]), f["code"])
            codes = collections.Counter(caught.values())
            by_label = collections.Counter(v[4] for v in injected.values())
            hit_label = collections.Counter(injected[p][4] for p in caught)
            n = len(injected)
            print(f"| {kind} | {n} | {len(caught)} | {len(caught) / max(n, 1):.3f} | "
                  + ", ".join(f"{c} {k}" for c, k in codes.most_common()) + " |")
            if len(by_label) > 1:
                for label, total in by_label.most_common():
                    print(f"|   {label} | {total} | {hit_label[label]} | {hit_label[label] / total:.3f} | |")
            misses = [v for p, v in injected.items() if p not in caught][: args.show_misses]
            for _, _, old, new, label, after in misses:
                print(f"    missed {label}: {old} → {new} | {after}", file=sys.stderr)


if __name__ == "__main__":
    main()
