#!/usr/bin/env bash
# Build the one-folder flossgui app with PyInstaller, in a throwaway venv, and report its size.
#
#   packaging/pyinstaller/build.sh              # -> dist/pyinstaller/flossgui/flossgui
#   OUT=/tmp/out packaging/pyinstaller/build.sh # put dist/ and build/ somewhere else
#   SMOKE=0 packaging/pyinstaller/build.sh      # skip the offscreen start-up check
#
# Needs Python >= 3.11 (PYTHON=... to choose one) and the network or a wheel cache for pip.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
OUT=${OUT:-"$ROOT"}
DIST="$OUT/dist/pyinstaller"
WORK="$OUT/build/pyinstaller"
SMOKE=${SMOKE:-1}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "== venv ($PYTHON) in $TMP/venv"
"$PYTHON" -m venv "$TMP/venv"
PY="$TMP/venv/bin/python"
"$PY" -m pip install --quiet --upgrade pip
"$PY" -m pip install --quiet "pyinstaller>=6.10,<7"
# The app itself (not editable) pulls in exactly its runtime dependencies.
"$PY" -m pip install --quiet "$ROOT"

echo "== pyinstaller"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/pyinstaller/flossgui.spec"

APP="$DIST/flossgui"

# A Python built from source (pyenv, python-build) ships an unstripped libpython (~23 MiB,
# ~5.5 MiB stripped). Strip only the interpreter's own files: stripping everything (the
# spec's strip=True) breaks numpy's OpenBLAS.
if command -v strip >/dev/null 2>&1; then
    find "$APP/_internal" -maxdepth 1 -name 'libpython3*.so*' -exec strip --strip-unneeded {} +
    find "$APP/_internal" -path '*/lib-dynload/*.so' -exec strip --strip-unneeded {} +
fi
test -x "$APP/flossgui"
test -f "$APP/_internal/flossgui/assets/icons/flossgui.svg" \
    || { echo "assets missing from the bundle (expected _internal/flossgui/assets)" >&2; exit 1; }

if [ "$SMOKE" = 1 ]; then
    echo "== smoke: start offscreen and save a screenshot, from another directory"
    (cd "$TMP" && QT_QPA_PLATFORM=offscreen timeout 60 "$APP/flossgui" --screenshot "$TMP/shot.png")
    test -s "$TMP/shot.png"
    echo "screenshot ok ($(du -h "$TMP/shot.png" | cut -f1))"
fi

echo "== size"
du -sh "$APP"
echo "largest parts of _internal:"
du -s "$APP/_internal"/* "$APP/_internal/PySide6"/* "$APP/_internal/PySide6/Qt"/* 2>/dev/null \
    | sort -rn | head -12 | awk '{ printf "  %6.1f MiB  %s\n", $1 / 1024, $2 }'
echo "archive: $(cd "$DIST" && tar -czf "$TMP/flossgui.tar.gz" flossgui && du -h "$TMP/flossgui.tar.gz" | cut -f1) as .tar.gz"
echo "built: $APP/flossgui"
