#!/usr/bin/env python3
"""Measure the plain-text section heuristics on corpus articles.

Reads articles from ../shared/corpus/ at run time (their licence forbids
copying them into the repository), renders each into a temporary folder as
plain text in several realistic shapes, runs

    factlint check DIR --format json --no-config

and scores the `sections` of each file:

- headline: the one headline section is exactly the title line;
- body safe: no line of the body was taken as the headline or a banner;
- banner: when a banner line was rendered above the title, it is a banner
  (a one-word section label may be chrome instead);
- standfirst: how often the first body paragraph was taken as a standfirst
  (the corpus has no standfirsts, so every one is a mistake).

Shapes: `plain` (title, blank line, body), `dateline` (a dateline line
under the title: the Arabic `author` field when it names a place, the
Reuters `dateline` field), `inline` (English: the Reuters dateline opening
the first paragraph), and `banner-counter`, `banner-sep`, `banner-label`
(a short line above the title, from a list written for this script). English
titles are rendered as published (upper case) and title-cased.

    python3 scripts/measure_layout.py [--per-lang N] [--binary PATH] [--show N]

Nothing is written into the repository.
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")

# Banner lines written for this measurement (not from any article).
BANNERS = {
    "ar": {
        "banner-counter": ["الحرب في السودان - اليوم 120", "موسم الحج | اليوم 3"],
        "banner-sep": ["أسواق | الخليج", "رياضة - الدوري السعودي", "تغطية خاصة | الانتخابات"],
        "banner-label": ["اقتصاد", "محليات", "آخر الأخبار"],
    },
    "en": {
        "banner-counter": ["War in Sudan - day 120", "Hajj season | Day 3"],
        "banner-sep": ["Markets | Gulf", "Sport - Premier League", "Special report | Elections"],
        "banner-label": ["Business", "World", "Latest news"],
    },
}


def clean(line):
    return re.sub(r"[\s\u00a0]+", " ", line).strip()


def load(lang):
    """Articles as (id, title, dateline, paragraphs, date)."""
    items = []
    if lang == "ar":
        path = os.path.join(CORPUS, "articles_ar", "saudinewsnet_sample.jsonl")
    else:
        path = os.path.join(CORPUS, "articles_en", "reuters21578_sample.jsonl")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            item = json.loads(line)
            title = clean(item.get("title") or "")
            if lang == "ar":
                paragraphs = [clean(p) for p in (item.get("content") or "").split("\n")]
                author = clean(item.get("author") or "")
                # The author field is a dateline when it names a place and a
                # source (`جنيف: «الشرق الأوسط»`, `الرياض - واس`).
                dateline = author if re.search(r"[:\-]", author) else ""
                date = (item.get("date_extracted") or "")[:10]
            else:
                text = (item.get("text") or "").replace("\x03", "")
                # Reuters wraps lines; a paragraph starts with an indent.
                paragraphs = [clean(p) for p in re.split(r"\n(?=\s{2,})", text)]
                dateline = clean(item.get("dateline") or "")
                date = (item.get("date_iso") or "")[:10]
            paragraphs = [p for p in paragraphs if p]
            if title and len(paragraphs) >= 1 and "\n" not in title:
                items.append((item["id"], title, dateline, paragraphs, date))
    return items


def sample(items, n, seed):
    """Half with a digit in the title, half without, when there are enough."""
    rng = random.Random(seed)
    digit = [a for a in items if re.search(r"\d", a[1])]
    plain = [a for a in items if not re.search(r"\d", a[1])]
    rng.shuffle(digit)
    rng.shuffle(plain)
    half = min(n // 2, len(digit))
    chosen = digit[:half] + plain[: n - half]
    return sorted(chosen, key=lambda a: a[0])


def title_case(title):
    return " ".join(w[:1] + w[1:].lower() if w.isupper() else w for w in title.split(" "))


def render(lang, article, shape, case, rng):
    """Lines of the rendered article and the role of each (None for blanks)."""
    _, title, dateline, paragraphs, _ = article
    if case == "title":
        title = title_case(title)
    lines = []

    def add(text, role):
        if lines:
            lines.append(("", None))
        lines.append((text, role))

    if shape.startswith("banner-"):
        add(rng.choice(BANNERS[lang][shape]), shape)
    add(title, "title")
    body = list(paragraphs)
    if shape == "dateline":
        add(dateline, "dateline")
    elif shape == "inline":
        body[0] = f"{dateline} {body[0]}"
    for p in body:
        add(p, "body")
    return lines


def shapes_for(lang, article):
    shapes = ["plain", "banner-counter", "banner-sep", "banner-label"]
    if article[2]:
        shapes.append("dateline")
        if lang == "en":
            shapes.append("inline")
    return shapes


def run(binary, folder):
    command = [binary, "check", folder, "--format", "json", "--no-config"]
    out = subprocess.run(command, capture_output=True)
    if out.returncode not in (0, 1):
        sys.stderr.write(out.stderr.decode("utf-8", "replace")[-3000:])
        sys.exit(f"factlint exited with {out.returncode}")
    return json.loads(out.stdout)


def score(lines, file_report, text_bytes):
    by_line = collections.defaultdict(list)
    for s in file_report["sections"]:
        by_line[s["line"]].append((s["kind"], text_bytes[s["start"]:s["end"]].decode("utf-8")))
    roles = {i + 1: (text, role) for i, (text, role) in enumerate(lines) if role}
    headlines = [(ln, t) for ln, kinds in by_line.items() for k, t in kinds if k == "headline"]
    title_line = next(ln for ln, (_, r) in roles.items() if r == "title")
    result = {
        "headline": headlines == [(title_line, roles[title_line][0])],
        "body_safe": True,
        "body_chrome": False,
        "standfirst": False,
        "banner": None,
        "dateline_kind": None,
        "kinds": {ln: [k for k, _ in by_line.get(ln, [])] for ln in roles},
    }
    first_body = None
    for ln, (_, role) in sorted(roles.items()):
        kinds = [k for k, _ in by_line.get(ln, [])]
        if role == "body":
            if first_body is None:
                first_body = ln
                result["standfirst"] = "standfirst" in kinds
            if "headline" in kinds or "banner" in kinds:
                result["body_safe"] = False
            if "chrome" in kinds:
                result["body_chrome"] = True
        elif role and role.startswith("banner-"):
            ok = kinds == ["banner"] or (role == "banner-label" and kinds == ["chrome"])
            result["banner"] = ok
        elif role == "dateline":
            result["dateline_kind"] = ",".join(kinds)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-lang", type=int, default=300)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "factlint"))
    parser.add_argument("--show", type=int, default=0, help="failures to print per language")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    overall = collections.Counter()
    for lang in ["ar", "en"]:
        articles = sample(load(lang), args.per_lang, args.seed)
        cases = ["upper", "title"] if lang == "en" else ["as-is"]
        rendered = {}
        with tempfile.TemporaryDirectory() as folder:
            for n, article in enumerate(articles):
                for shape in shapes_for(lang, article):
                    for case in cases:
                        lines = render(lang, article, shape, case, rng)
                        name = os.path.join(folder, f"{lang}-{n:04d}-{shape}-{case}.txt")
                        with open(name, "w", encoding="utf-8") as out:
                            out.write("\n".join(t for t, _ in lines) + "\n")
                        rendered[os.path.basename(name)] = (article, shape, case, lines)
            report = run(args.binary, folder)
            stats = collections.defaultdict(collections.Counter)
            failures = []
            dateline_kinds = collections.Counter()
            for f in report["files"]:
                base = os.path.basename(f["path"])
                article, shape, case, lines = rendered[base]
                text_bytes = open(f["path"], "rb").read()
                r = score(lines, f, text_bytes)
                digit = "digit" if re.search(r"\d", article[1]) else "no digit"
                for key in [(shape, case), ("all", case), ("all", digit), ("all", "all")]:
                    c = stats[key]
                    c["files"] += 1
                    c["headline"] += r["headline"]
                    c["body_safe"] += r["body_safe"]
                    c["body_chrome"] += r["body_chrome"]
                    c["standfirst"] += r["standfirst"]
                    if r["banner"] is not None:
                        c["banners"] += 1
                        c["banner_ok"] += r["banner"]
                if r["dateline_kind"] is not None:
                    dateline_kinds[r["dateline_kind"]] += 1
                if not (r["headline"] and r["body_safe"] and r["banner"] is not False):
                    failures.append((base, r, lines))
        print(f"== {lang}: {len(articles)} articles "
              f"({sum(1 for a in articles if re.search(r'[0-9]', a[1]))} with a digit in the title), "
              f"{len(rendered)} files")
        print("| shape | case | files | headline | body safe | banner | body as chrome | 1st paragraph as standfirst |")
        print("|---|---|---|---|---|---|---|---|")
        for (shape, case), c in sorted(stats.items(), key=lambda kv: (kv[0][0] == "all", kv[0])):
            pct = lambda k, d: f"{100 * c[k] / c[d]:.1f}%" if c[d] else "–"
            print(f"| {shape} | {case} | {c['files']} | {pct('headline', 'files')} | "
                  f"{pct('body_safe', 'files')} | {pct('banner_ok', 'banners')} | "
                  f"{pct('body_chrome', 'files')} | {pct('standfirst', 'files')} |")
        print("dateline line taken as:", dict(dateline_kinds))
        overall += stats[("all", "all")]
        for base, r, lines in failures[: args.show]:
            print(f"  FAIL {base}:")
            for ln, (text, role) in enumerate(lines, 1):
                if role:
                    print(f"    {ln:3} {role:14} {','.join(r['kinds'][ln]):18} {text[:90]}")
    print(f"== overall: {overall['files']} files, headline {100 * overall['headline'] / overall['files']:.1f}%, "
          f"body safe {100 * overall['body_safe'] / overall['files']:.1f}%, "
          f"banner {100 * overall['banner_ok'] / max(1, overall['banners']):.1f}%")


if __name__ == "__main__":
    main()
