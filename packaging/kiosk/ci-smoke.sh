#!/usr/bin/env bash
# Optional CI step: install this checkout into a fresh venv and run the real kiosk, as a
# non-root user, under two Wayland compositors:
#   1. headless cage (smoke-test.sh): the kiosk starts and draws its first frame (cage sends
#      no frame callbacks headless, so it never draws a second);
#   2. weston's kiosk shell (weston-smoke.sh, X11 backend in a private Xvfb): two
#      screenshots 3 s apart, and the figure must have moved: the animation runs.
# Each part skips cleanly (one line) where its tools are missing; it never installs system
# packages. Takes about 45 s, most of it pip.
#
#   packaging/kiosk/ci-smoke.sh [OUT.png]      # as root, runs the kiosk as $SMOKE_USER (nobody)
#
# Screenshots: OUT.png (cage), and OUT less .png plus -weston-1.png / -weston-2.png.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-/tmp/flossgui-ci-smoke.png}
python=${PYTHON:-/usr/bin/python3.11}  # a system Python: one under /root is unreadable to the kiosk user

missing() {  # the first of the tools that is not installed
    for tool in "$@"; do command -v "$tool" >/dev/null || { echo "$tool"; return; }; done
}
cage_missing=$(missing cage grim setpriv)
weston_missing=$(missing weston Xvfb import setpriv)
if [ -n "$cage_missing" ] && [ -n "$weston_missing" ]; then
    echo "ci-smoke: skipped ($cage_missing and $weston_missing are not installed)"
    exit 0
fi
[ -x "$python" ] || { echo "ci-smoke: skipped ($python is missing; set PYTHON)"; exit 0; }

work=$(mktemp -d /tmp/flossgui-ci-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$repo"
# The example settings less their opening hours: outside them the screen dims and the figure
# stands still, and this test must see it move whatever the hour or day CI runs at.
sed '/^\[hours\]/,$d' "$here/kiosk.toml" >"$work/kiosk.toml"
grep -q '^max_fps' "$work/kiosk.toml" || { echo "ci-smoke: FAILED: kiosk.toml lost its settings" >&2; exit 1; }
chmod -R a+rX "$work"

# A stand-in dbus-launch first on PATH records any D-Bus autolaunch (as dbus-x11 would do it,
# with no session bus in a kiosk started by systemd): the kiosk must never start a bus.
mkdir -m 1777 "$work/marks" "$work/bin"
printf '#!/bin/sh\necho "$*" >>"%s"\nexit 1\n' "$work/marks/autolaunch" >"$work/bin/dbus-launch"
chmod 0755 "$work/bin/dbus-launch"
chmod -R a+rX "$work"

user_args=()
[ "$(id -u)" -ne 0 ] || user_args=(-u "${SMOKE_USER:-nobody}")
check_log() {  # $1: which compositor
    if [ -e "$work/marks/autolaunch" ]; then
        echo "ci-smoke: FAILED under $1: the kiosk tried to autolaunch a D-Bus session bus" >&2
        exit 1
    fi
    if grep -q "Traceback" "$work/log"; then
        cat "$work/log" >&2
        echo "ci-smoke: FAILED under $1: the app raised" >&2
        exit 1
    fi
}
# Share of a screenshot drawn (not the compositor's black), and of the figure's half that
# changed between two screenshots.
cat >"$work/look.py" <<'PY'
import sys
from PySide6.QtGui import QImage

STEP = 4


def drawn(image):
    cells = [(x, y) for x in range(0, image.width(), STEP) for y in range(0, image.height(), STEP)]
    return sum(image.pixelColor(x, y).value() > 40 for x, y in cells) / len(cells)


first = QImage(sys.argv[1])
share = drawn(first)
print(f"ci-smoke: {sys.argv[3]}: screenshot {first.width()}x{first.height()}, {share:.0%} drawn")
if share <= 0.05:
    sys.exit(1)
if len(sys.argv) > 4:
    second = QImage(sys.argv[2])
    half = [(x, y) for x in range(0, first.width() // 2, STEP) for y in range(0, first.height(), STEP)]
    moved = sum(first.pixel(x, y) != second.pixel(x, y) for x, y in half) / len(half)
    print(f"ci-smoke: {sys.argv[3]}: {moved:.1%} of the figure's half changed in between")
    sys.exit(0 if moved > 0.003 and drawn(second) > 0.05 else 1)
PY
look() { QT_QPA_PLATFORM=offscreen "$work/venv/bin/python" "$work/look.py" "$@"; }

if [ -n "$cage_missing" ]; then
    echo "ci-smoke: cage part skipped ($cage_missing is not installed)"
else
    "$here/smoke-test.sh" "${user_args[@]}" -o "$work/shot.png" -w 5 -e "PATH=$work/bin:/usr/bin:/bin" -- \
        "$work/venv/bin/flossgui" --kiosk --config "$work/kiosk.toml" 2>"$work/log" \
        || { cat "$work/log" >&2; echo "ci-smoke: FAILED: the kiosk did not stay up under cage" >&2; exit 1; }
    check_log cage
    look "$work/shot.png" "" cage || { echo "ci-smoke: FAILED: nothing drawn under cage" >&2; exit 1; }
    install -m 0644 "$work/shot.png" "$out"
    echo "ci-smoke: cage passed; screenshot in $out"
fi

if [ -n "$weston_missing" ]; then
    echo "ci-smoke: weston part skipped ($weston_missing is not installed)"
else
    weston_user=()
    [ "$(id -u)" -ne 0 ] || weston_user=(-u "${SMOKE_USER:-nobody}")
    mkdir -m 0777 "$work/weston"
    "$here/weston-smoke.sh" "${weston_user[@]}" -o "$work/weston" -w 6 -g 3 \
        -e "PATH=$work/bin:/usr/bin:/bin" -- \
        "$work/venv/bin/flossgui" --kiosk --config "$work/kiosk.toml" >/dev/null 2>"$work/log" \
        || { cat "$work/log" >&2; echo "ci-smoke: FAILED: the kiosk did not stay up under weston" >&2; exit 1; }
    check_log weston
    look "$work/weston/first.png" "$work/weston/second.png" weston moved \
        || { echo "ci-smoke: FAILED: under weston the figure did not move (or nothing was drawn)" >&2; exit 1; }
    install -m 0644 "$work/weston/first.png" "${out%.png}-weston-1.png"
    install -m 0644 "$work/weston/second.png" "${out%.png}-weston-2.png"
    echo "ci-smoke: weston passed; screenshots in ${out%.png}-weston-1.png and ${out%.png}-weston-2.png"
fi
