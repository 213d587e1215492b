#!/usr/bin/env bash
# Optional CI step: install this checkout into a fresh venv and run the real kiosk under a
# headless cage (smoke-test.sh), then check the screenshot shows the app and nothing crashed.
# Skips cleanly (exit 0, one line) where cage, grim or setpriv are not installed; it never
# installs system packages. Takes about half a minute, most of it pip.
#
#   packaging/kiosk/ci-smoke.sh [OUT.png]      # as root, runs the kiosk as $SMOKE_USER (nobody)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-/tmp/flossgui-ci-smoke.png}
python=${PYTHON:-/usr/bin/python3.11}  # a system Python: one under /root is unreadable to the kiosk user

for tool in cage grim setpriv; do
    command -v "$tool" >/dev/null || { echo "ci-smoke: skipped ($tool is not installed)"; exit 0; }
done
[ -x "$python" ] || { echo "ci-smoke: skipped ($python is missing; set PYTHON)"; exit 0; }

work=$(mktemp -d /tmp/flossgui-ci-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$repo"
cp "$here/kiosk.toml" "$work/kiosk.toml"
chmod -R a+rX "$work"

# A stand-in dbus-launch first on PATH records any D-Bus autolaunch (as dbus-x11 would do it,
# with no session bus in a kiosk started by systemd): the kiosk must never start a bus.
mkdir -m 1777 "$work/marks" "$work/bin"
printf '#!/bin/sh\necho "$*" >>"%s"\nexit 1\n' "$work/marks/autolaunch" >"$work/bin/dbus-launch"
chmod 0755 "$work/bin/dbus-launch"
chmod -R a+rX "$work"

user_args=()
[ "$(id -u)" -ne 0 ] || user_args=(-u "${SMOKE_USER:-nobody}")
"$here/smoke-test.sh" "${user_args[@]}" -o "$work/shot.png" -w 5 -e "PATH=$work/bin:/usr/bin:/bin" -- \
    "$work/venv/bin/flossgui" --kiosk --config "$work/kiosk.toml" 2>"$work/log" \
    || { cat "$work/log" >&2; echo "ci-smoke: FAILED: the kiosk did not stay up" >&2; exit 1; }
if [ -e "$work/marks/autolaunch" ]; then
    echo "ci-smoke: FAILED: the kiosk tried to autolaunch a D-Bus session bus" >&2
    exit 1
fi
if grep -q "Traceback" "$work/log"; then
    cat "$work/log" >&2
    echo "ci-smoke: FAILED: the app raised" >&2
    exit 1
fi
# The screenshot must show the app: a good share of it drawn, not the compositor's black.
QT_QPA_PLATFORM=offscreen "$work/venv/bin/python" - "$work/shot.png" <<'PY'
import sys
from PySide6.QtGui import QImage
image = QImage(sys.argv[1])
step = 8
drawn = sum(image.pixelColor(x, y).value() > 40 for x in range(0, image.width(), step) for y in range(0, image.height(), step))
share = drawn / ((image.width() // step + 1) * (image.height() // step + 1))
print(f"ci-smoke: screenshot {image.width()}x{image.height()}, {share:.0%} drawn")
sys.exit(0 if share > 0.05 else 1)
PY
install -m 0644 "$work/shot.png" "$out"
echo "ci-smoke: passed; screenshot in $out"
