#!/usr/bin/env bash
# Build flossgui's sdist and wheel, install the wheel (not editable) into a fresh venv, start the app
# from another directory, play a cue and a spoken phrase on miniaudio's null backend, and print what
# the install weighs (it must stay within LIMIT_MIB, 380). About 30 s with a warm pip cache (minutes
# without), so it is not part of `make test`;
# .ci/run runs it as `pytest -m slow tests/test_packaging.py`, and so can you, or run it by hand:
#
#   packaging/check-wheel.sh           # temp dir, removed afterwards
#   KEEP=1 packaging/check-wheel.sh    # keep the temp dir (wheel, venvs, screenshots) to look at
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
for required in ("flossgui/__init__.py", "flossgui/core/resources.py", "flossgui/assets/icons/flossgui.svg"):
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

# The shipped assets, as the installed package finds them (not the source tree's).
cat >"$TMP/asset_check.py" <<'PY'
from flossgui.core.resources import asset, assets_dir
where = assets_dir()
assert "site-packages" in str(where), f"assets found outside the install: {where}"
for parts in [("icons", "flossgui.svg"), ("sounds", "tick.wav"), ("sounds", "rep.wav"), ("sounds", "rest.wav"),
              ("sounds", "finish.wav"), ("exercises", "lumbar-nerve-floss.toml"), ("exercises", "nerve-tensioner.toml"),
              ("exercises", "nerve-floss-chin-down.toml"), ("translations", "es.po"), ("translations", "de.po"),
              *(("voice", lang, "manifest.toml") for lang in ("en", "es", "de"))]:
    asset(*parts)
print(f"assets ok: {sum(1 for p in where.rglob('*') if p.is_file())} files in {where}")
PY

# What an install weighs: flossgui and its dependencies (with the given extras), from each
# distribution's RECORD.
cat >"$TMP/sizes.py" <<'PY'
import re
import sys
from importlib.metadata import distribution

extras: set[str] = set()

def requirements(dist):
    for req in dist.requires or []:
        marker = re.search(r"extra\s*==\s*.([\w-]+)", req)
        if marker is None or (dist.metadata["Name"] == "flossgui" and marker.group(1) in extras):
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
total = sum(s for s, _, _ in sizes) / 2**20
print(f"  {total:8.1f} MiB  total")
limit = float(sys.argv[1]) if len(sys.argv) > 1 else 380
if total > limit:
    sys.exit(f"the install weighs {total:.1f} MiB, more than the {limit:g} MiB allowed")
print(f"size ok: {total:.1f} MiB <= {limit:g} MiB")
PY

# install LABEL EXTRAS: install the wheel (with EXTRAS, e.g. "[audio]") into a fresh venv, check
# the assets, start the app from another directory and print the installed size.
install() {
    local label=$1 extras=$2 venv="$TMP/venv-$1"
    echo "== $label: install flossgui$extras from the wheel into a fresh venv"
    "$PYTHON" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet "${WHEEL}${extras}"
    mkdir -p "$TMP/elsewhere-$label"
    (cd "$TMP/elsewhere-$label" && "$venv/bin/python" "$TMP/asset_check.py")

    echo "== $label: 'flossgui --screenshot' and 'flossgui timeline' from another directory, offscreen"
    (cd "$TMP/elsewhere-$label" && QT_QPA_PLATFORM=offscreen timeout 120 "$venv/bin/flossgui" --screenshot out.png 2>err.log) \
        || { cat "$TMP/elsewhere-$label/err.log" >&2; exit 1; }
    test -s "$TMP/elsewhere-$label/out.png" || { echo "no screenshot written" >&2; exit 1; }
    echo "screenshot ok: $(du -h "$TMP/elsewhere-$label/out.png" | cut -f1)"
    (cd "$TMP/elsewhere-$label" && FLOSSGUI_AUDIO=null timeout 60 "$venv/bin/flossgui" doctor --sound >doctor.log 2>&1) || true
    grep -q "sound played" "$TMP/elsewhere-$label/doctor.log" || { cat "$TMP/elsewhere-$label/doctor.log" >&2; exit 1; }
    echo "sound ok: a cue and a spoken phrase played (null backend)"
    local rows
    rows=$(cd "$TMP/elsewhere-$label" && "$venv/bin/flossgui" timeline --reps 1 | wc -l)
    [ "$rows" -gt 100 ] || { echo "timeline printed $rows lines" >&2; exit 1; }
    echo "timeline ok: $rows lines"

    echo "== $label: installed size (flossgui$extras and its dependencies, from each distribution's RECORD)"
    "$venv/bin/python" "$TMP/sizes.py" "${LIMIT_MIB:-380}"
    local site
    site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
    echo "site-packages on disk (du, includes pip): $(du -sh "$site" | cut -f1)"
}

install plain ""
