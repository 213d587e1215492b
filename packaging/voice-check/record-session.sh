#!/usr/bin/env bash
# Record what flossgui says and sounds through a short guided session (2 sets of 2 reps, 5 s rest),
# from a PulseAudio null sink, then list which clip or sound was heard when (find_clips.py).
#
#   packaging/voice-check/record-session.sh [LANG] [MENU_KEY]   # e.g. de udiaeresis (Alt+Ü: Übungseinheit)
#
# Needs an X display in DISPLAY with a window manager, xdotool, pulseaudio-utils (pactl, parec) and
# a running PulseAudio (`pulseaudio --start --exit-idle-time=-1`); it loads a null sink as the default
# output. It presses Start, lets the question after the rest be asked twice, answers "same" with
# key 2, and answers the last check with key 1. Output in $OUT (default /tmp/flossgui-voice-LANG).
set -euo pipefail
LANG_CODE=${1:-en}
MENU_KEY=${2:-s}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FLOSSGUI=${FLOSSGUI:-$ROOT/.venv/bin/flossgui}
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
OUT=${OUT:-/tmp/flossgui-voice-$LANG_CODE}
mkdir -p "$OUT"
pactl list short sinks | grep -q flossgui_check || pactl load-module module-null-sink sink_name=flossgui_check >/dev/null
pactl set-default-sink flossgui_check
printf '[safety]\ncard_seen=true\n' >"$OUT/settings.ini"
printf '[programme]\nreps = 2\nsets = 2\nrest_s = 5\ntempo_s = 10\nside = "right"\n' >"$OUT/programme.toml"

parec -d flossgui_check.monitor --rate=22050 --channels=1 --format=s16le --latency-msec=250 >"$OUT/rec.raw" &
REC=$!
START=$(date +%s.%N)
since() { python3 -c "import time; print(f'{time.time() - $START:.2f}')"; }
FLOSSGUI_DATA_DIR="$OUT/data" LANGUAGE=$LANG_CODE FLOSSGUI_SETTINGS="$OUT/settings.ini" \
    "$FLOSSGUI" --programme "$OUT/programme.toml" >"$OUT/app.log" 2>&1 &
APP=$!
sleep 4
WIN=$(xdotool search --pid $APP | tail -1)
xdotool windowactivate --sync "$WIN" 2>/dev/null || true
xdotool key --window "$WIN" alt+"$MENU_KEY"
sleep 0.5
xdotool key --window "$WIN" Return  # Session ▸ Start guided session
sleep 0.5
xdotool key Return  # "Start your programme?" ▸ Start
echo "start at $(since) s" >"$OUT/events.txt"
sleep 50
xdotool key --window "$WIN" 2
echo "key 2 at $(since) s" >>"$OUT/events.txt"
sleep 35
xdotool key --window "$WIN" 1
echo "key 1 at $(since) s" >>"$OUT/events.txt"
sleep 3
kill $APP $REC
cat "$OUT/events.txt"
"$PYTHON" "$(dirname "$0")/find_clips.py" "$LANG_CODE" "$OUT/rec.raw" | tee "$OUT/heard.txt"
