#!/usr/bin/env bash
# Build the one-folder flossgui app with PyInstaller, in a throwaway venv, and report its size.
#
#   packaging/pyinstaller/build.sh              # -> dist/pyinstaller/flossgui/flossgui
#   OUT=/tmp/out packaging/pyinstaller/build.sh # put dist/ and build/ somewhere else
#   SMOKE=0 packaging/pyinstaller/build.sh      # skip the offscreen checks of the bundle
#   SHOTS=/tmp/shots packaging/pyinstaller/build.sh  # keep the smoke test's PNGs, PDF and GIF
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
# The app itself (not editable) pulls in exactly its runtime dependencies, sound (miniaudio) included.
"$PY" -m pip install --quiet "${ROOT}"

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
echo "== contents: what the app loads is there"
missing=0
for want in flossgui/assets/icons/flossgui.svg flossgui/assets/sounds/tick.wav \
    flossgui/assets/voice/en/manifest.toml flossgui/assets/voice/de/spoken.go.ogg \
    flossgui/assets/translations/de.po flossgui/assets/exercises/lumbar-nerve-floss.toml \
    PySide6/QtDBus.abi3.so _miniaudio _cffi_backend \
    PySide6/Qt/plugins/iconengines/libqsvgicon.so PySide6/Qt/plugins/platforms/libqxcb.so \
    PySide6/Qt/plugins/platforms/libqwayland.so PySide6/Qt/plugins/platforms/libqoffscreen.so \
    PIL/_imaging; do
    if ! ls "$APP/_internal/$want"* >/dev/null 2>&1; then
        echo "missing from the bundle: _internal/$want" >&2
        missing=1
    fi
done
for lib in libQt6DBus libQt6Svg; do
    find "$APP/_internal" -name "$lib.so*" | grep -q . || { echo "missing from the bundle: $lib" >&2; missing=1; }
done
for unwanted in libQt6WebEngineCore libQt6Quick3D libQt6QuickControls2 libQt6Charts libQt6DataVisualization \
    libQt6Pdf libQt6Designer libQt63DCore libQt6Multimedia libQt6TextToSpeech libavcodec; do
    if find "$APP/_internal" -name "$unwanted.so*" | grep -q .; then
        echo "should not be in the bundle: $unwanted" >&2
        missing=1
    fi
done
[ "$missing" = 0 ] || exit 1
echo "ok"

if [ "$SMOKE" = 1 ]; then
    echo "== smoke: offscreen, from another directory"
    mkdir -p "$TMP/elsewhere"
    (
        cd "$TMP/elsewhere"
        export QT_QPA_PLATFORM=offscreen
        for mode in patient clinician kiosk; do
            timeout 60 "$APP/flossgui" --mode "$mode" --at 4 --screenshot "$mode.png"
            test -s "$mode.png"
            echo "screenshot $mode ok ($(du -h "$mode.png" | cut -f1))"
        done
        timeout 60 "$APP/flossgui" export handout.pdf && test -s handout.pdf
        echo "export pdf ok ($(du -h handout.pdf | cut -f1))"
        timeout 120 "$APP/flossgui" export loop.gif && test -s loop.gif
        echo "export gif ok ($(du -h loop.gif | cut -f1))"
        rows=$(timeout 60 "$APP/flossgui" timeline --reps 1 | wc -l)
        [ "$rows" -gt 100 ] || { echo "timeline printed $rows lines" >&2; exit 1; }
        echo "timeline ok ($rows lines)"
        # Sound: the bundle's miniaudio decodes its clips and plays them on the null backend.
        FLOSSGUI_AUDIO=null timeout 60 "$APP/flossgui" doctor --sound >doctor.log 2>&1 || true
        grep -q "sound played" doctor.log || { cat doctor.log >&2; exit 1; }
        echo "sound ok"
    )
    if [ -n "${SHOTS:-}" ]; then mkdir -p "$SHOTS" && cp "$TMP/elsewhere"/*.png "$TMP/elsewhere"/*.gif "$TMP/elsewhere"/*.pdf "$SHOTS"/; fi
fi

echo "== size"
du -sh "$APP"
echo "largest parts of _internal (Qt's libraries and plugins one by one):"
# One du per file: du counts a folder given after its parent as empty.
for part in "$APP/_internal"/* "$APP/_internal/PySide6"/*.so "$APP/_internal/PySide6/Qt"/{lib,plugins}/* \
    "$APP/_internal/PySide6/Qt/translations"; do
    [ "$part" = "$APP/_internal/PySide6" ] || du -s "$part"
done | sort -rn | head -16 | awk '{ sub(".*/_internal/", "", $2); printf "  %6.1f MiB  %s\n", $1 / 1024, $2 }'
echo "archive: $(cd "$DIST" && tar -czf "$TMP/flossgui.tar.gz" flossgui && du -h "$TMP/flossgui.tar.gz" | cut -f1) as .tar.gz"
echo "built: $APP/flossgui"
