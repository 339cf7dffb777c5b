#!/usr/bin/env python3
"""Measure the fact checks on real articles with one fact changed.

Reads the measurement corpus in ../shared/corpus/ at run time (its licence
forbids copying it into the repository: every article is written to a
temporary folder only) and the development pack
scripts/devsets/officials-2015-1987.yaml (office holders of 2015 and 1987
with their dates of office). For each article it looks for a pack person
named with a title and a nationality the way copy writes them (before the
name: «وزير الخارجية الأمريكي جون كيري», "Japanese Finance Minister Kiichi
Miyazawa"; or after it: «X، وزير الخارجية»), and writes up to three copies,
each with one fact changed:

- nationality: the person's demonym replaced by another country's, in the
  same form (expects `fact/nationality` on it);
- role: the title replaced by another office (expects `fact/role`);
- tenure: «السابق» / "former" added for someone in post on the article's
  date (expects `fact/tenure`).

A case is found when a finding of the expected code overlaps the changed
words. With `--precision` it also runs the unchanged articles with and
without the pack and prints every finding the pack adds, with context, to
be judged one by one.

    python3 scripts/fact_devset.py [--lang ar|en|both] [--precision] [--show-missed N] [--pack PATH]...

`--pack` adds a further pack to the development pack, for the cases and the
runs: scripts/devsets/officials-more.yaml (98 more office holders, each
with its source), scripts/devsets/officials-wider.yaml (37 more) and
scripts/devsets/officials-extra.yaml (123 more: ministers, ambassadors,
governors, princes, central bankers, members of Congress and foreign heads
of state or government, past office holders the copy names among them) and
scripts/devsets/officials-fourth.yaml (62 more: past Saudi kings and crown
princes whose names sit inside other princes' nasab chains, Gulf rulers,
Arab presidents and commanders the copy recalls, sports administrators,
members of Congress and European ministers and officials of 1987) are the
ones the measurements use:

    python3 scripts/fact_devset.py --precision \
        --pack scripts/devsets/officials-more.yaml \
        --pack scripts/devsets/officials-wider.yaml \
        --pack scripts/devsets/officials-extra.yaml \
        --pack scripts/devsets/officials-fourth.yaml
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

# The corpus and its fields, as the corpus tool reads them.
from corpus_run import CORPUS, ROOT, SOURCES  # noqa: E402
PACK = os.path.join(ROOT, "scripts", "devsets", "officials-2015-1987.yaml")
# Words that end the phrase a title, a nationality and a name sit in.
BREAK = re.compile(r"[.،,؛;:\n«»\"()\[\]!?؟]")
# Offices a role is changed to (the first the person never held).
SWAP_OFFICES = {
    "ar": ["office:agriculture-minister", "office:health-minister"],
    "en": ["office:agriculture-minister", "office:health-minister"],
}
SWAP_COUNTRIES = ["FR", "JP", "EG", "DE"]
THEN_FORMER = {"ar": ["السابق", "السابقة", "الأسبق", "آنذاك", "حينها"], "en": ["former", "then", "then-", "ex-"]}
ARABIC_CLITIC = r"(?:و|ف|ب|ل|ك)?(?:ال|لل)?"


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def articles(lang):
    path, body_key, date_key = SOURCES[lang]
    with open(os.path.join(CORPUS, path), encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            item = json.loads(line)
            date = (item.get(date_key) or "")[:10]
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                continue
            title = (item.get("title") or "").replace('"', "'").replace("\n", " ")
            yield n, title, item.get(body_key) or "", date


def render(lang, title, body, date):
    """The article as factlint reads it, and the byte offset of the body."""
    head = f'---\ntitle: "{title}"\ndate: {date}\nlang: {lang}\n---\n\n'
    return head + body + "\n", len(head.encode("utf-8"))


def word_re(form, lang):
    form = re.escape(form)
    if lang == "ar":
        return re.compile(rf"(?<![\w]){ARABIC_CLITIC}({form})(?![\w])")
    return re.compile(rf"(?<![\w])({form})(?![\w])", re.IGNORECASE)


class Lexicon:
    """Country demonyms and offices, from the bundled lexicon packs."""

    def __init__(self):
        countries = load_yaml(os.path.join(ROOT, "rules/lexicon/countries.yaml"))["lexicon"]["countries"]
        self.countries = {c["code"]: c for c in countries}
        offices = load_yaml(os.path.join(ROOT, "rules/lexicon/offices.yaml"))["lexicon"]["markers"]
        self.offices = {o["id"]: o for o in offices if o["id"].startswith("office:")}
        for c in countries:
            d = c["demonyms"]
            for form in ("masculine", "feminine"):
                DEMONYM_WORDS.update(d["ar"].get(form, []))
            DEMONYM_WORDS.update(x.lower() for x in d.get("en", []))
            DEMONYM_WORDS.update(x.lower() for x in c["names"].get("en", []) if "." in x)

    def demonyms(self, code, lang):
        """(form name, demonym) pairs, longest first."""
        c = self.countries[code]
        if lang == "ar":
            d = c["demonyms"]["ar"]
            out = [("masculine", x) for x in d.get("masculine", [])] + [("feminine", x) for x in d.get("feminine", [])]
        else:
            out = [("en", x) for x in c["demonyms"].get("en", []) if not x.endswith("s")]
            out += [("en", x) for x in c["names"].get("en", []) if "." in x]
        return sorted(out, key=lambda p: -len(p[1]))

    def replacement(self, code, form, lang):
        for other in SWAP_COUNTRIES:
            if other != code:
                d = self.countries[other]["demonyms"]
                return d["ar"][form][0] if lang == "ar" else d["en"][0]
        raise AssertionError

    def office_of(self, title):
        best = None
        for oid, o in self.offices.items():
            for form in o.get("ar", []) + o.get("en", []):
                t, f = title.lower(), form.lower()
                if (t == f or t.startswith(f + " ")) and (best is None or len(f) > best[0]):
                    best = (len(f), oid)
        return best and best[1]

    def forms(self, office, lang):
        return self.offices[office].get(lang, [])


def role_forms(entity, lang, lexicon):
    """Every title form of the entity's roles: the pack's and the lexicon
    office's, with the role."""
    out = []
    for role in entity.get("roles", []):
        forms = list(role["title"].get(lang, []))
        for t in list(forms):
            office = lexicon.office_of(t)
            if office:
                forms += lexicon.forms(office, lang)
        for f in set(forms):
            out.append((f, role))
    return sorted(out, key=lambda p: -len(p[0]))


def held_on(role, day):
    def first(d):
        d = str(d)
        return d + "-01-01"[len(d) - 4:] if len(d) < 10 else d

    def last(d):
        d = str(d)
        return {4: d + "-12-31", 7: d + "-31"}.get(len(d), d)

    return (not role.get("from") or first(role["from"]) <= day) and (not role.get("to") or last(role["to"]) >= day)


def find_sites(text, entity, lang, lexicon, date):
    """The first phrase «title nationality? name» (or «name، title
    nationality?») of the entity in `text`: the spans of its title and
    nationality, the role and where a "former" goes."""
    names = sorted(entity["names"].get(lang, []), key=len, reverse=True)
    titles = role_forms(entity, lang, lexicon)
    demonyms = lexicon.demonyms(entity["nationality"], lang)
    for name in names:
        for m in word_re(name, lang).finditer(text):
            start, end = m.start(1), m.end(1)
            # Before the name: back to the last break, at most 90 characters.
            lo = max(0, start - 90)
            window = text[lo:start]
            cut = [b.end() for b in BREAK.finditer(window)]
            if cut:
                lo += cut[-1]
            before = text[lo:start]
            site = phrase_site(before, lo, titles, demonyms, lang, before_name=True)
            if site is None:
                # After the name: «X، وزير الخارجية السعودي», "X, Japanese Finance Minister".
                rest = text[end:end + 90]
                sep = re.match(r"\s*[،,]\s*", rest)
                if sep:
                    hi = end + sep.end()
                    after = text[hi:end + 90]
                    stop = BREAK.search(after)
                    after = after[: stop.start() if stop else len(after)]
                    site = phrase_site(after, hi, titles, demonyms, lang, before_name=False)
            if site and names_institution(text, site["title"][0], lang):
                continue
            if site:
                site["name"] = (start, end)
                site["held"] = held_on(site["role"], date)
                return site
    return None


# Nouns that make «title + name» the name of an institution («مركز الملك
# عبدالله بن عبدالعزيز الدولي», "the King Fahd University"): changing the
# title there makes no factual error, so such a phrase is no case.
INSTITUTIONS = {
    "ar": {"مركز", "مؤسسة", "جامعة", "مطار", "جائزة", "مدينة", "مستشفى", "شارع", "قاعدة", "ميناء", "كرسي",
           "مجمع", "برنامج", "مبادرة", "مسجد", "قصر", "حي", "طريق", "معهد", "مكتبة", "دارة", "صندوق"},
    "en": {"center", "centre", "foundation", "university", "airport", "prize", "hospital", "street", "avenue",
           "bridge", "institute", "library", "fund", "school"},
}


def names_institution(text, title_start, lang):
    """Whether the word before a title is an institution noun."""
    before = text[max(0, title_start - 40):title_start].split()
    if not before:
        return False
    word = before[-1].strip("،,\"'«»")
    if lang == "ar":
        word = re.sub(r"^(?:[وفبلك])?(?:ال)?", "", word) if word not in INSTITUTIONS["ar"] else word
    return word.lower() in INSTITUTIONS[lang]


HONORIFICS = {
    "ar": {"الأمير", "الأميرة", "الشيخ", "الشيخة", "الدكتور", "الدكتورة", "المهندس", "السيد", "السيدة", "الملك",
           "صاحب", "السمو", "الملكي", "معالي", "سمو", "فخامة", "الأستاذ"},
    "en": {"prince", "sheikh", "dr.", "mr.", "mrs.", "king"},
}
DEMONYM_WORDS = set()


def joins(word, lang):
    """Whether a word may stand between a title and its name."""
    w = word.strip("،,")
    if lang == "en":
        w = w.lower()
    w = re.sub(r"^(?:و)?(?:ال)", "", w) if lang == "ar" else w
    return (
        word.strip("،,") in HONORIFICS[lang]
        or w in HONORIFICS[lang]
        or w in DEMONYM_WORDS
        or word.strip("،,").lower() in THEN_FORMER[lang]
        or re.sub(r"^ال", "", word) in [x[2:] for x in THEN_FORMER[lang] if x.startswith("ال")]
    )


def phrase_site(segment, offset, titles, demonyms, lang, before_name):
    for form, role in titles:
        for m in word_re(form, lang).finditer(segment):
            t0, t1 = m.start(1), m.end(1)
            tail = segment[t1:]
            # The title must sit next to the name: only a nationality, a
            # then/former marker and honorifics between them.
            if before_name and not all(joins(w, lang) for w in tail.split()):
                continue
            if not before_name and t0 > 12:
                continue
            # «X، والرئيس …»: after the comma, «و» starts the next item of
            # a list, another person's title, not an apposition.
            if not before_name and lang == "ar" and segment[m.start():t0].startswith("و"):
                continue
            site = {"title": (offset + t0, offset + t1), "role": role, "nationality": None, "form": None}
            site["marked"] = any(w.strip("-").lower() in [x.strip("-") for x in THEN_FORMER[lang]] for w in re.split(r"[\s]+", segment))
            # A nationality: after the title in Arabic, before it in English.
            look = segment[t1:] if lang == "ar" or not before_name else segment[:t0]
            base = offset + (t1 if lang == "ar" or not before_name else 0)
            for kind, d in demonyms:
                dm = word_re(d, lang).search(look)
                if dm and (lang == "ar" and dm.start() <= 2 or lang == "en" and (not before_name or len(look[dm.end():].split()) == 0)):
                    site["nationality"] = (base + dm.start(1), base + dm.end(1))
                    site["form"] = kind
                    break
            return site
    return None


def cases_for(lang, lexicon, entities):
    """Mutated copies: (kind, article number, text, span to hit)."""
    out = []
    for n, title, body, date in articles(lang):
        text, _ = render(lang, title, body, date)
        # The headline (in the front matter) is searched too: factlint reads it.
        for entity in entities:
            if lang not in entity["names"]:
                continue
            site = find_sites(text, entity, lang, lexicon, date)
            if not site:
                continue
            mutated = make_cases(text, site, entity, lang, lexicon)
            for kind, new_text, span in mutated:
                out.append((kind, n, entity["id"], new_text, span))
    return out


def make_cases(text, site, entity, lang, lexicon):
    cases = []
    if site["nationality"]:
        a, b = site["nationality"]
        new = lexicon.replacement(entity["nationality"], site["form"], lang)
        cases.append(("fact/nationality", text[:a] + new + text[b:], (a, a + len(new))))
    a, b = site["title"]
    held_offices = {lexicon.office_of(t) for r in entity["roles"] for t in r["title"].get(lang, [])}
    for office in SWAP_OFFICES[lang]:
        if office not in held_offices:
            new = lexicon.forms(office, lang)[0]
            cases.append(("fact/role", text[:a] + new + text[b:], (a, a + len(new))))
            break
    if site["held"] and not site["marked"]:
        if lang == "ar":
            at = site["nationality"][1] if site["nationality"] and site["nationality"][0] > a else b
            # A feminine title («وزيرة», «المستشارة») takes the feminine.
            first_word = text[a:b].split()[0] if text[a:b].split() else ""
            word = "السابقة" if first_word.endswith("ة") else "السابق"
            new_text = text[:at] + " " + word + text[at:]
            cases.append(("fact/tenure", new_text, (a, b)))
        else:
            at = min(a, site["nationality"][0]) if site["nationality"] else a
            if at < site["name"][0]:
                new_text = text[:at] + "former " + text[at:]
                shift = len("former ")
                cases.append(("fact/tenure", new_text, (a + shift, b + shift)))
    return cases


def byte_span(text, span):
    a, b = span
    return len(text[:a].encode("utf-8")), len(text[:b].encode("utf-8"))


def run_factlint(binary, folder, rules):
    command = [binary, "check", folder, "--format", "jsonl", "--fail-on", "error"]
    for r in rules:
        command += ["--rules", r]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.stderr.write(run.stderr[-4000:])
        sys.exit(f"factlint exited with {run.returncode}")
    # A line without `code` is an article with no finding.
    lines = (json.loads(line) for line in run.stdout.splitlines() if line.strip())
    return [f for f in lines if f.get("code")]


def recall(lang, lexicon, entities, binary, show_missed, packs):
    cases = cases_for(lang, lexicon, entities)
    with tempfile.TemporaryDirectory() as folder:
        spans = {}
        for i, (kind, n, eid, text, span) in enumerate(cases):
            path = os.path.join(folder, f"{lang}-{n:05d}-{i:04d}.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            spans[path] = (kind, eid, byte_span(text, span), text)
        findings = run_factlint(binary, folder, packs)
        hits = collections.defaultdict(list)
        for f in findings:
            hits[f["path"]].append(f)
        table = collections.defaultdict(lambda: [0, 0])
        missed = collections.defaultdict(list)
        for path, (kind, eid, (a, b), text) in spans.items():
            found = any(
                f["code"] == kind and f["span"]["start"] < b and a < f["span"]["end"] for f in hits[path]
            )
            table[kind][0] += 1
            table[kind][1] += found
            if not found:
                raw = text.encode("utf-8")
                context = raw[max(0, a - 100):b + 60].decode("utf-8", "ignore").replace("\n", " ")
                missed[kind].append(f"{os.path.basename(path)} {eid}: …{context}…")
    print(f"== recall, {lang}")
    print(f"{'code':<18} {'cases':>5} {'found':>5} {'recall':>6}")
    for kind in ["fact/nationality", "fact/role", "fact/tenure"]:
        c, f = table[kind]
        print(f"{kind:<18} {c:>5} {f:>5} {f / c if c else 0:>6.2f}")
    for kind, items in missed.items():
        for line in items[:show_missed]:
            print(f"  missed {kind}: {line}")


def precision(lang, binary, packs):
    """Every finding the pack adds on the unchanged articles, with context."""
    with tempfile.TemporaryDirectory() as folder:
        for n, title, body, date in articles(lang):
            text, _ = render(lang, title, body, date)
            with open(os.path.join(folder, f"{lang}-{n:05d}.md"), "w", encoding="utf-8") as f:
                f.write(text)
        without = run_factlint(binary, folder, [])
        with_pack = run_factlint(binary, folder, packs)
        key = lambda f: (f["path"], f["code"], f["span"]["start"], f["span"]["end"])
        base = {key(f) for f in without}
        added = [f for f in with_pack if key(f) not in base]
        print(f"== findings the pack adds on unchanged {lang} articles: {len(added)}")
        for f in added:
            raw = open(f["path"], encoding="utf-8").read().encode("utf-8")
            s, e = f["span"]["start"], f["span"]["end"]
            before = raw[max(0, s - 160):s].decode("utf-8", "ignore").replace("\n", " ")
            after = raw[e:e + 100].decode("utf-8", "ignore").replace("\n", " ")
            print(f"- {os.path.basename(f['path'])}:{f['span']['line']} {f['code']}")
            print(f"    …{before}[{raw[s:e].decode()}]{after}…")
            print(f"    {f['message'][:240]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="both", choices=["ar", "en", "both"])
    parser.add_argument("--precision", action="store_true")
    parser.add_argument("--show-missed", type=int, default=0)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "factlint"))
    parser.add_argument("--no-recall", action="store_true", help="only the precision run")
    parser.add_argument("--pack", action="append", default=[], help="a further pack (repeatable)")
    args = parser.parse_args()
    lexicon = Lexicon()
    packs = [PACK] + args.pack
    entities = [e for p in packs for e in load_yaml(p)["entities"]]
    for lang in ["ar", "en"] if args.lang == "both" else [args.lang]:
        if not args.no_recall:
            recall(lang, lexicon, entities, args.binary, args.show_missed, packs)
        if args.precision:
            precision(lang, args.binary, packs)


if __name__ == "__main__":
    main()
