#!/usr/bin/env bash
# Builds the Python wheel (maturin, `bin` bindings), installs it into a new
# virtual environment whose PATH has no Rust toolchain, and checks the
# reference article with the `factlint` it installed. Run by `.ci/run`.
#
# Everything it makes stays under target/wheel-test/ (maturin itself, the
# wheel, the fresh environment), so a re-run reuses the build tools.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/wheel-test
tools="$work/tools"
mkdir -p "$work"

if [ ! -x "$tools/bin/maturin" ]; then
  python3 -m venv "$tools"
  "$tools/bin/pip" install -q "maturin>=1.7,<2.0"
fi
rm -rf "$work/wheels"
"$tools/bin/maturin" build --release --locked --quiet --out "$work/wheels" 2>&1 | tail -n 3
wheel=$(ls "$work"/wheels/factlint-*.whl)
echo "built $(basename "$wheel")"

# A new environment, and a PATH with only it and the system folders: no
# cargo, no rustc, no target/ folder.
env_dir="$work/env"
rm -rf "$env_dir"
python3 -m venv "$env_dir"
"$env_dir/bin/pip" install -q --no-index "$wheel"
clean_path="$PWD/$env_dir/bin:/usr/bin:/bin"
if PATH="$clean_path" command -v cargo >/dev/null; then
  echo "error: cargo is still on the clean PATH" >&2
  exit 1
fi
installed=$(PATH="$clean_path" command -v factlint)
case "$installed" in
  "$PWD/$env_dir/bin/factlint") ;;
  *) echo "error: factlint resolved to $installed, not the wheel's" >&2; exit 1 ;;
esac

# The reference article has findings: exit status 1 and the expected codes.
set +e
report=$(cd /tmp && PATH="$clean_path" factlint check --format jsonl - < "$OLDPWD/fixtures/morocco-visit.ar.txt")
status=$?
set -e
if [ "$status" -ne 1 ]; then
  echo "error: the installed factlint exited with $status on the reference article (expected 1)" >&2
  exit 1
fi
for code in consistency/attribute typo/confusable grammar/agreement; do
  if ! grep -q "\"$code\"" <<<"$report"; then
    echo "error: the installed factlint did not report $code on the reference article" >&2
    exit 1
  fi
done
echo "ok: the wheel installs factlint ($("$env_dir/bin/factlint" --version)) and it checks the reference article"
