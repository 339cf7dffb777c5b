#!/usr/bin/env bash
# Builds the container image and checks the reference article with it, as a
# newsroom would run it: the articles folder mounted at /work, as a non-root
# user. Where no container engine runs (`docker info` fails), it says so and
# exits 0, so that `.ci/run` can call it on any machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! docker info >/dev/null 2>&1; then
  echo "skipping the container test: no container engine answers here (docker info failed)"
  exit 0
fi
image=factlint:test
docker build -q -t "$image" . >/dev/null
user=$(docker run --rm --entrypoint id "$image" -u)
if [ "$user" = 0 ]; then
  echo "error: the image runs as root" >&2
  exit 1
fi
set +e
report=$(docker run --rm -v "$PWD/fixtures:/work:ro" "$image" check --format jsonl morocco-visit.ar.txt)
status=$?
set -e
if [ "$status" -ne 1 ] || ! grep -q '"consistency/attribute"' <<<"$report"; then
  echo "error: the image did not report the reference article's findings (exit $status)" >&2
  exit 1
fi
echo "ok: the image runs factlint as user $user and checks the reference article"
