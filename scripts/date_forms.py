#!/usr/bin/env python3
"""Measure the date/weekday and date/hijri checks on generated dates in every
form editors write (issue 16).

For each form below, the script renders random dates between 2000-01-01 and
2030-12-31, once with the right weekday (or the right Hijri twin) and once
with a wrong one, writes each sentence as a one-paragraph Markdown article
(front matter: the reference date and the language) into a temporary folder,
runs the release binary once over the folder

    target/release/factlint check DIR --format json --select date/weekday --select date/hijri

and prints a table: per form, the recall on wrong weekdays (the share of
wrong sentences flagged with the form's code) and the false flags on right
ones (right sentences with any date/weekday or date/hijri finding). It exits
with status 1 when a form's recall is below 0.95 or any right sentence is
flagged.

What "wrong" means follows the checks' documented tolerance: a Hijri date may
be one day off the Umm al-Qura table (moon sighting), so a wrong weekday for a
Hijri date is at least two days off, and a wrong Gregorian twin is 2 to 40
days off. Feminine ordinals 1-5 right after a weekday are left out of the
"directly after the weekday" feminine form, because factlint reads them as
counting weeks (الجمعة الثانية من رمضان, the second Friday of Ramadan); the
form with «الموافق» covers feminine 1-5.

Hijri dates use the Umm al-Qura calendar of the PyPI package hijridate
(Python 3.11; `pip install hijridate==2.6.0`, pure Python, no other
dependency). Nothing else outside the standard library is needed.

    python3 scripts/date_forms.py [--per-form N] [--seed S] [--binary PATH] [--show K]
"""
import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile

try:
    from hijridate import Gregorian
except ImportError:  # pragma: no cover - a message is the whole handling
    sys.exit("this script needs hijridate (Umm al-Qura): pip install hijridate==2.6.0")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Weekdays, 0 = Monday as Python's date.weekday() counts.
WEEKDAYS_AR = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS_EN_ABBR = [["Mon"], ["Tue", "Tues"], ["Wed"], ["Thu", "Thur", "Thurs"], ["Fri"], ["Sat"], ["Sun"]]

# Gregorian months in the Egyptian/Gulf and the Levantine systems.
MONTHS_AR = [
    ["يناير", "كانون الثاني"], ["فبراير", "شباط"], ["مارس", "آذار"], ["أبريل", "نيسان"],
    ["مايو", "أيار"], ["يونيو", "حزيران"], ["يوليو", "تموز"], ["أغسطس", "آب"],
    ["سبتمبر", "أيلول"], ["أكتوبر", "تشرين الأول"], ["نوفمبر", "تشرين الثاني"], ["ديسمبر", "كانون الأول"],
]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_EN_DOTTED = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
                    "Sept.", "Oct.", "Nov.", "Dec."]
HIJRI_AR = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
            "رجب", "شعبان", "رمضان", "شوال", "ذي القعدة", "ذي الحجة"]
HIJRI_EN = ["Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Awwal",
            "Jumada al-Thani", "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah",
            "Dhu al-Hijjah"]

UNITS_M = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
UNITS_F = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة"]
EN_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth", "nineteenth", "twentieth"]


def ordinal_ar(n, feminine, rng):
    """The Arabic ordinal day word, in the gender asked; tens in the
    genitive or the nominative at random."""
    units = UNITS_F if feminine else UNITS_M
    if n <= 9:
        return units[n - 1]
    if n == 10:
        return "العاشرة" if feminine else "العاشر"
    if n < 20:
        unit = ("الحادية" if feminine else "الحادي") if n == 11 else units[n - 11]
        return f"{unit} {'عشرة' if feminine else 'عشر'}"
    tens = {2: "العشر", 3: "الثلاث"}[n // 10] + rng.choice(["ين", "ون"])
    if n % 10 == 0:
        return tens
    unit = ("الحادية" if feminine else "الحادي") if n % 10 == 1 else units[n % 10 - 1]
    return f"{unit} و{tens}"


def suffixed(n):
    suffix = "th" if 11 <= n <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_en_word(n):
    if n <= 20:
        return EN_WORDS[n - 1]
    if n == 30:
        return "thirtieth"
    return f"{'twenty' if n < 30 else 'thirty'}-{EN_WORDS[n % 10 - 1]}"


class Case:
    """One sentence to check: its text, language, reference date, and
    whether (and with which code) it must be flagged."""

    def __init__(self, form, lang, text, reference, wrong, code):
        self.form, self.lang, self.text = form, lang, text
        self.reference, self.wrong, self.code = reference, wrong, code


def random_date(rng):
    start, end = dt.date(2000, 1, 1), dt.date(2030, 12, 31)
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def weekday_for(date, wrong, rng, hijri=False):
    """The date's weekday, or a wrong one (for a Hijri date, at least two
    days off: one day is within the moon-sighting tolerance)."""
    actual = date.weekday()
    if not wrong:
        return actual
    offsets = [2, 3, 4, 5] if hijri else [1, 2, 3, 4, 5, 6]
    return (actual + rng.choice(offsets)) % 7


def hijri_of(date):
    h = Gregorian(date.year, date.month, date.day).to_hijri()
    return h.year, h.month, h.day


# Each form: (id, language, code, needs Hijri, render(date, weekday, rng, wrong) -> text).
# `date` is the Gregorian date meant; `weekday` the weekday written (0 = Monday).
def ar_month(date, rng):
    return rng.choice(MONTHS_AR[date.month - 1])


FORMS = [
    ("ar ordinal masc, «يوم» wd, «من»", "ar", "date/weekday", False,
     lambda d, w, r, _: f"عقد الاجتماع يوم {WEEKDAYS_AR[w]} {ordinal_ar(d.day, False, r)} من {ar_month(d, r)} {d.year} في الرياض."),
    ("ar ordinal masc right after wd", "ar", "date/weekday", False,
     lambda d, w, r, _: f"وصل الوفد {WEEKDAYS_AR[w]} {ordinal_ar(d.day, False, r)} من {ar_month(d, r)} {d.year} إلى عمان."),
    ("ar ordinal masc, no «من»", "ar", "date/weekday", False,
     lambda d, w, r, _: f"بدأت الدورة يوم {WEEKDAYS_AR[w]} {ordinal_ar(d.day, False, r)} {ar_month(d, r)} {d.year} في جدة."),
    ("ar ordinal fem 6-31, «من شهر»", "ar", "date/weekday", False,
     lambda d, w, r, _: f"افتتح المعرض يوم {WEEKDAYS_AR[w]} {ordinal_ar(d.day, True, r)} من شهر {ar_month(d, r)} {d.year}."),
    ("ar ordinal fem, «الموافق»", "ar", "date/weekday", False,
     lambda d, w, r, _: f"افتتحت الندوة يوم {WEEKDAYS_AR[w]} الموافق {ordinal_ar(d.day, True, r)} من {ar_month(d, r)} {d.year}."),
    ("ar Hijri ordinal", "ar", "date/weekday", True,
     lambda d, w, r, _: (lambda h: f"أعلنت الوزارة النتائج يوم {WEEKDAYS_AR[w]} {ordinal_ar(h[2], False, r)} من {HIJRI_AR[h[1] - 1]} {h[0]}هـ.")(hijri_of(d))),
    ("ar Hijri ordinal, «شهر … عام … هـ»", "ar", "date/weekday", True,
     lambda d, w, r, _: (lambda h: f"سافر الوفد {WEEKDAYS_AR[w]} {ordinal_ar(h[2], False, r)} من شهر {HIJRI_AR[h[1] - 1]} عام {h[0]} هـ إلى جدة.")(hijri_of(d))),
    ("ar date، الموافق يوم wd", "ar", "date/weekday", False,
     lambda d, w, r, _: f"وصل الوزير في {d.day} {ar_month(d, r)} {d.year}، الموافق يوم {WEEKDAYS_AR[w]}، إلى الرياض."),
    ("ar date يوم wd", "ar", "date/weekday", False,
     lambda d, w, r, _: f"انطلقت القافلة في {d.day} {ar_month(d, r)} {d.year} يوم {WEEKDAYS_AR[w]} من تبوك."),
    ("ar يوم wd الموافق date", "ar", "date/weekday", False,
     lambda d, w, r, _: f"افتتح المركز يوم {WEEKDAYS_AR[w]} الموافق {d.day} {ar_month(d, r)} {d.year} في أبها."),
    ("ar يوم wd (date)", "ar", "date/weekday", False,
     lambda d, w, r, _: f"جرى التوقيع يوم {WEEKDAYS_AR[w]} ({d.day} {ar_month(d, r)} {d.year}) في الكويت."),
    ("ar يوم wd (day month), no year", "ar", "date/weekday", False,
     lambda d, w, r, _: f"يعقد المجلس جلسته يوم {WEEKDAYS_AR[w]} ({d.day} {ar_month(d, r)}) في الرياض."),
    ("ar wd day month+year glued", "ar", "date/weekday", False,
     lambda d, w, r, _: f"انتهت المهلة {WEEKDAYS_AR[w]} {d.day} {ar_month(d, r)}{d.year} دون اتفاق."),
    ("ar Hijri date، الموافق يوم wd", "ar", "date/weekday", True,
     lambda d, w, r, _: (lambda h: f"بدأ البرنامج في {h[2]} {HIJRI_AR[h[1] - 1]} {h[0]}هـ، الموافق يوم {WEEKDAYS_AR[w]}، في المدينة.")(hijri_of(d))),
    ("ar يوم wd (Hijri date)", "ar", "date/weekday", True,
     lambda d, w, r, _: (lambda h: f"جرى الحفل يوم {WEEKDAYS_AR[w]} ({h[2]} {HIJRI_AR[h[1] - 1]} {h[0]}هـ) في مكة.")(hijri_of(d))),
    ("ar wd Hijri ordinal الموافق Greg", "ar", "date/weekday", True,
     lambda d, w, r, _: (lambda h: f"صدر القرار يوم {WEEKDAYS_AR[w]} {ordinal_ar(h[2], False, r)} من {HIJRI_AR[h[1] - 1]} {h[0]}هـ الموافق {d.day} {ar_month(d, r)} {d.year}م.")(hijri_of(d))),
    ("ar pair: Hijri ordinal الموافق Greg", "ar", "date/hijri", True, None),
    ("ar pair: Greg الموافق Hijri ordinal", "ar", "date/hijri", True, None),
    ("en wd, the Nth of Month year", "en", "date/weekday", False,
     lambda d, w, r, _: f"The ministers met on {WEEKDAYS_EN[w]}, the {suffixed(d.day)} of {MONTHS_EN[d.month - 1]} {d.year}, in Riyadh."),
    ("en wd the word-ordinal of Month, year", "en", "date/weekday", False,
     lambda d, w, r, _: f"Talks resumed on {WEEKDAYS_EN[w]} the {ordinal_en_word(d.day)} of {MONTHS_EN[d.month - 1]}, {d.year} in Doha."),
    ("en wd Nth Month year", "en", "date/weekday", False,
     lambda d, w, r, _: f"The delegation arrived on {WEEKDAYS_EN[w]} {suffixed(d.day)} {MONTHS_EN[d.month - 1]} {d.year} in Manama."),
    ("en wd, Month Nth, year", "en", "date/weekday", False,
     lambda d, w, r, _: f"The council met on {WEEKDAYS_EN[w]}, {MONTHS_EN[d.month - 1]} {suffixed(d.day)}, {d.year}, in Kuwait."),
    ("en Wd., Mon. d, year", "en", "date/weekday", False,
     lambda d, w, r, _: f"The court ruled on {r.choice(WEEKDAYS_EN_ABBR[w])}., {MONTHS_EN_DOTTED[d.month - 1]} {d.day}, {d.year}, in Cairo."),
    ("en On wd (Month d), no year", "en", "date/weekday", False,
     lambda d, w, r, _: f"On {WEEKDAYS_EN[w]} ({MONTHS_EN[d.month - 1]} {d.day}) ministers met in Muscat."),
    ("en Month d, year (wd)", "en", "date/weekday", False,
     lambda d, w, r, _: f"The deal was signed on {MONTHS_EN[d.month - 1]} {d.day}, {d.year} ({WEEKDAYS_EN[w]}) in Amman."),
    ("en wd, the Nth of Hijri month year AH", "en", "date/weekday", True,
     lambda d, w, r, _: (lambda h: f"Prayers were held on {WEEKDAYS_EN[w]}, the {suffixed(h[2])} of {HIJRI_EN[h[1] - 1]} {h[0]} AH, in Mecca.")(hijri_of(d))),
    ("en pair: the Nth of Hijri, corresponding to Greg", "en", "date/hijri", True, None),
]

NO_YEAR = {"ar يوم wd (day month), no year", "en On wd (Month d), no year"}


def pair_text(form, d, wrong, rng):
    """A Hijri date and its Gregorian twin, the twin 2-40 days off when wrong."""
    h = hijri_of(d)
    g = d + dt.timedelta(days=rng.choice([-1, 1]) * rng.randint(2, 40)) if wrong else d
    if form == "ar pair: Hijri ordinal الموافق Greg":
        return f"صدر التعميم في {ordinal_ar(h[2], False, rng)} من {HIJRI_AR[h[1] - 1]} {h[0]}هـ الموافق {g.day} {ar_month(g, rng)} {g.year}م."
    if form == "ar pair: Greg الموافق Hijri ordinal":
        return f"نشر البيان في {g.day} {ar_month(g, rng)} {g.year}م الموافق {ordinal_ar(h[2], False, rng)} من {HIJRI_AR[h[1] - 1]} {h[0]}هـ."
    return (f"The decree is dated the {suffixed(h[2])} of {HIJRI_EN[h[1] - 1]} {h[0]} AH, "
            f"corresponding to {MONTHS_EN[g.month - 1]} {g.day}, {g.year}.")


def cases(per_form, rng):
    out = []
    for form, lang, code, hijri, render in FORMS:
        for wrong in (True, False):
            for _ in range(per_form):
                d = random_date(rng)
                if form == "ar ordinal fem 6-31, «من شهر»":
                    while d.day <= 5:
                        d = random_date(rng)
                if form in NO_YEAR:
                    # The article speaks from within three months of the date.
                    reference = d + dt.timedelta(days=rng.randint(-90, 90))
                else:
                    reference = d + dt.timedelta(days=rng.randint(0, 60))
                if render is None:
                    text = pair_text(form, d, wrong, rng)
                else:
                    text = render(d, weekday_for(d, wrong, rng, hijri), rng, wrong)
                out.append(Case(form, lang, text, reference, wrong, code))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-form", type=int, default=200, help="sentences per form, each of right and wrong")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "factlint"))
    parser.add_argument("--show", type=int, default=3, help="misses and false flags to print per form")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    all_cases = cases(args.per_form, rng)
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for n, case in enumerate(all_cases):
            name = os.path.join(folder, f"{n:06d}.md")
            title = "اجتماع" if case.lang == "ar" else "Meeting"
            with open(name, "w", encoding="utf-8") as out:
                out.write(f'---\ntitle: "{title}"\ndate: {case.reference.isoformat()}\nlang: {case.lang}\n---\n\n{case.text}\n')
            paths[name] = case
        command = [args.binary, "check", folder, "--format", "json", "--no-config",
                   "--select", "date/weekday", "--select", "date/hijri"]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"factlint exited with {run.returncode}: {run.stderr[-2000:]}")
        report = json.loads(run.stdout)
        codes = {}
        for file in report["files"]:
            path = os.path.join(folder, os.path.basename(file["path"]))
            codes[path] = [f["code"] for f in file["findings"]]
    rows = []
    failed = False
    print(f"{len(all_cases)} sentences, {args.per_form} right and {args.per_form} wrong per form, seed {args.seed}\n")
    print(f"{'form':48} {'code':13} {'recall':>7} {'false flags':>12}")
    for form, lang, code, _, _ in FORMS:
        mine = [(p, c) for p, c in paths.items() if c.form == form]
        wrong = [(p, c) for p, c in mine if c.wrong]
        right = [(p, c) for p, c in mine if not c.wrong]
        caught = [p for p, c in wrong if code in codes.get(p, [])]
        missed = [c for p, c in wrong if code not in codes.get(p, [])]
        flagged = [c for p, c in right if codes.get(p)]
        recall = len(caught) / len(wrong)
        rows.append((form, code, recall, len(flagged), len(right)))
        print(f"{form:48} {code:13} {recall:7.3f} {len(flagged):>5} / {len(right)}")
        for c in missed[: args.show]:
            print(f"    missed ({c.reference}): {c.text}")
        for c in flagged[: args.show]:
            print(f"    flagged ({c.reference}): {c.text}")
        if recall < 0.95 or flagged:
            failed = True
    print("\nall forms: recall >= 0.95 and no false flag" if not failed else "\nsome form misses the targets")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
