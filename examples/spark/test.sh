#!/usr/bin/env bash
# Runs factlint over a JSONL archive with PySpark in local mode and checks
# that the findings equal a plain single-process run over the same records.
#
#   bash examples/spark/test.sh [RECORDS]        (default 2,000 records)
#
# Installs pyspark (pinned) into a virtualenv under target/spark/ on the
# first run; later runs reuse it. Needs Java 17 and python3 with venv.
set -euo pipefail
cd "$(dirname "$0")/../.."

records=${1:-2000}
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
work=target/spark
venv=$work/venv
pyspark_version=3.5.9

if ! "$venv/bin/python" -c "import pyspark; assert pyspark.__version__ == '$pyspark_version'" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "pyspark==$pyspark_version"
fi

[ -n "${SKIP_BUILD:-}" ] || cargo build -q
binary=target/debug/factlint

# Records made from the fixture articles, each under several ids, plus one
# record with a bad field: every format, clean and flagged articles.
"$venv/bin/python" - "$work/records.jsonl" "$records" <<'PY'
import json, pathlib, sys
out, count = sys.argv[1], int(sys.argv[2])
formats = {".md": "markdown", ".html": "html", ".txt": "text"}
articles = sorted(p for p in pathlib.Path("fixtures").iterdir() if p.suffix in formats)
with open(out, "w", encoding="utf-8") as f:
    for i in range(count):
        path = articles[i % len(articles)]
        record = {"id": f"r{i}:{path.name}", "text": path.read_text(encoding="utf-8"),
                  "format": formats[path.suffix]}
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": "bad-lang", "text": "x", "lang": "fr"}) + "\n")
PY

rm -rf "$work/out"
start=$(date +%s.%N)
"$venv/bin/python" examples/spark/factlint_spark.py --master 'local[2]' --partitions 4 \
  --input "$work/records.jsonl" --output "$work/out" --factlint "$binary"
spark_seconds=$(echo "$(date +%s.%N) - $start" | bc)
cat "$work"/out/part-* > "$work/spark.jsonl"

"$binary" check --input-format jsonl --format jsonl --no-config "$work/records.jsonl" \
  > "$work/plain.jsonl" || [ $? -le 2 ]

"$venv/bin/python" - "$work/plain.jsonl" "$work/spark.jsonl" "$records" "$spark_seconds" <<'PY'
import collections, json, re, sys
def load(path):
    lines = collections.Counter()
    ids = set()
    for text in open(path, encoding="utf-8"):
        line = json.loads(text)
        ids.add(line.get("id"))
        # `line` (and the position in an error message) count lines within
        # the input a process read: a partition under Spark.
        line.pop("line", None)
        if "error" in line:
            line["error"] = re.sub(r"^[^:]*:\d+:\d+: ", "", line["error"])
        lines[json.dumps(line, sort_keys=True, ensure_ascii=False)] += 1
    return lines, ids
plain, plain_ids = load(sys.argv[1])
spark, spark_ids = load(sys.argv[2])
records = int(sys.argv[3]) + 1
assert len(plain_ids) == records, (len(plain_ids), records)
assert spark_ids == plain_ids, "some record did not come back"
if plain != spark:
    print("spark and plain runs differ:", list((plain - spark).items())[:3], list((spark - plain).items())[:3])
    sys.exit(1)
findings = sum(n for k, n in plain.items() if '"code"' in k)
print(f"spark: {records} records, {findings} findings, {sum(plain.values())} lines, "
      f"identical to the single-process run ({float(sys.argv[4]):.1f} s with Spark start-up)")
PY
