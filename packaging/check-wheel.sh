#!/usr/bin/env bash
# Build flossgui's sdist and wheel, install the wheel (not editable) into a fresh venv, start the
# app from another directory, and print what the install weighs. Slow (a minute or two, mostly
# pip), so it is not part of the default tests; run it by hand or as its own CI step:
#
#   packaging/check-wheel.sh           # temp dir, removed afterwards
#   KEEP=1 packaging/check-wheel.sh    # keep the temp dir (wheel, venv, screenshot) to look at
#
# Needs Python >= 3.11 (PYTHON=... to choose one) and pip access to PyPI or a wheel cache.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
TMP=$(mktemp -d)
if [ "${KEEP:-0}" = 1 ]; then
    echo "keeping $TMP"
else
    trap 'rm -rf "$TMP"' EXIT
fi

echo "== build sdist + wheel (wheel built from the sdist)"
"$PYTHON" -m venv "$TMP/build-venv"
"$TMP/build-venv/bin/python" -m pip install --quiet --upgrade pip build
"$TMP/build-venv/bin/python" -m build --outdir "$TMP/dist" "$ROOT" >"$TMP/build.log" 2>&1 \
    || { cat "$TMP/build.log" >&2; exit 1; }
ls -l "$TMP/dist"
WHEEL=$(ls "$TMP/dist"/flossgui-*.whl)
SDIST=$(ls "$TMP/dist"/flossgui-*.tar.gz)

echo "== contents"
"$PYTHON" - "$WHEEL" "$SDIST" <<'PY'
import sys
import tarfile
import zipfile

wheel, sdist = sys.argv[1:]
names = zipfile.ZipFile(wheel).namelist()
problems = []
for required in ("flossgui/__init__.py", "flossgui/resources.py", "flossgui/assets/icons/flossgui.svg"):
    if required not in names:
        problems.append(f"wheel lacks {required}")
for name in names:
    if name.startswith(("tests/", "assets/", "packaging/")) or "__pycache__" in name:
        problems.append(f"wheel should not hold {name}")
top = sorted({n.split("/")[0] for n in names})
assets = sorted(n for n in names if n.startswith("flossgui/assets/"))
print(f"wheel: {len(names)} files; top level {top}; {len(assets)} assets under flossgui/assets/")
snames = tarfile.open(sdist).getnames()
root = snames[0].split("/")[0]
for required in ("pyproject.toml", "assets/icons/flossgui.svg", "packaging/linux/install.sh", "tests"):
    if not any(n == f"{root}/{required}" or n.startswith(f"{root}/{required}/") for n in snames):
        problems.append(f"sdist lacks {required}")
print(f"sdist: {len(snames)} entries")
if problems:
    sys.exit("\n".join(problems))
PY

echo "== install the wheel into a fresh venv"
"$PYTHON" -m venv "$TMP/app-venv"
"$TMP/app-venv/bin/python" -m pip install --quiet --upgrade pip
"$TMP/app-venv/bin/python" -m pip install --quiet "$WHEEL"

echo "== run 'flossgui --screenshot' from another directory, offscreen"
mkdir "$TMP/elsewhere"
(cd "$TMP/elsewhere" && QT_QPA_PLATFORM=offscreen timeout 120 "$TMP/app-venv/bin/flossgui" --screenshot out.png)
test -s "$TMP/elsewhere/out.png" || { echo "no screenshot written" >&2; exit 1; }
echo "screenshot ok: $(du -h "$TMP/elsewhere/out.png" | cut -f1)"

echo "== installed size (flossgui and its dependencies, from each distribution's RECORD)"
"$TMP/app-venv/bin/python" - <<'PY'
import re
from importlib.metadata import distribution

def requirements(dist):
    for req in dist.requires or []:
        if "extra ==" not in req:
            yield re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0]

seen, todo, sizes = set(), ["flossgui"], []
while todo:
    name = todo.pop()
    key = name.lower().replace("_", "-")
    if key in seen:
        continue
    seen.add(key)
    dist = distribution(name)
    total = sum(f.size or 0 for f in dist.files or [])
    sizes.append((total, dist.metadata["Name"], dist.version))
    todo.extend(requirements(dist))
for total, name, version in sorted(sizes, reverse=True):
    print(f"  {total / 2**20:8.1f} MiB  {name} {version}")
print(f"  {sum(s for s, _, _ in sizes) / 2**20:8.1f} MiB  total")
PY
SITE=$("$TMP/app-venv/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
echo "site-packages on disk (du, includes pip): $(du -sh "$SITE" | cut -f1)"
