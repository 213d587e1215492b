#!/usr/bin/env bash
# Run a command under weston's kiosk shell, a real Wayland compositor that sends frame
# callbacks, as a non-root user, with no screen: weston's X11 backend in a private Xvfb.
# Takes two screenshots some seconds apart and prints their paths.
#
#   sudo packaging/kiosk/weston-smoke.sh -u nobody -o /tmp/weston -- \
#       /opt/flossgui/venv/bin/flossgui --kiosk --config /etc/flossgui/kiosk.toml
#
# Why not weston's headless backend: weston 10 (Debian 12) runs the app there, but its
# screenshots (weston-screenshooter) come out black, so nothing could be checked. Its X11
# backend repaints on its own clock like a real output and `import` reads the Xvfb screen.
# Needs the Debian packages weston, xvfb, imagemagick (and util-linux for setpriv).
set -euo pipefail

usage() {
    cat >&2 <<'EOF'
usage: weston-smoke.sh [-u USER] [-o DIR] [-w SECONDS] [-g SECONDS] [-s WxH] [-e NAME=VALUE]... -- COMMAND [ARG...]
  -u USER     non-root user to run Xvfb, weston and COMMAND as (when run as root; default nobody)
  -o DIR      where to put first.png and second.png (default: a new folder in /tmp)
  -w SECONDS  how long to let the window settle before the first screenshot (default 6)
  -g SECONDS  time between the two screenshots (default 3)
  -s WxH      screen size (default 1280x720)
  -e NAME=VALUE  add to the command's environment (repeatable)
EOF
    exit 2
}
die() { echo "weston-smoke: $*" >&2; exit 1; }

user=nobody
out=
settle=6
gap=3
size=1280x720
extra_env=()
while getopts "u:o:w:g:s:e:h" opt; do
    case $opt in
        u) user=$OPTARG ;;
        o) out=$OPTARG ;;
        w) settle=$OPTARG ;;
        g) gap=$OPTARG ;;
        s) size=$OPTARG ;;
        e) extra_env+=("$OPTARG") ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || usage
for tool in weston Xvfb import setpriv; do
    command -v "$tool" >/dev/null || die "$tool is missing (apt-get install weston xvfb imagemagick util-linux)"
done

if [ "$(id -u)" -eq 0 ]; then
    id "$user" >/dev/null 2>&1 || die "no user $user"
    [ "$(id -u "$user")" -ne 0 ] || die "give a non-root user with -u"
    as_user=(setpriv --reuid="$(id -u "$user")" --regid="$(id -g "$user")" --init-groups --reset-env)
else
    user=$(id -un)
    as_user=()
fi

runtime=$(mktemp -d /tmp/flossgui-weston.XXXXXX)  # XDG_RUNTIME_DIR, as logind would make it
chmod 700 "$runtime"
[ "${#as_user[@]}" -eq 0 ] || chown "$user:" "$runtime"
out=${out:-$(mktemp -d /tmp/flossgui-weston-shots.XXXXXX)}
mkdir -p "$out"
pids=()
stop() {
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill -TERM -- "-${pids[i]}" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
}
trap 'stop; rm -rf "$runtime"' EXIT

# Xvfb picks a free display and writes its number to a file the user can write.
: >"$runtime/display"
[ "${#as_user[@]}" -eq 0 ] || chown "$user:" "$runtime/display"
setsid "${as_user[@]}" sh -c 'exec Xvfb -displayfd 3 -screen 0 "$1"x24 -nolisten tcp 3>"$2"' \
    sh "$size" "$runtime/display" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$runtime/display" ] && break; sleep 0.1; done
[ -s "$runtime/display" ] || die "Xvfb did not start"
display=:$(cat "$runtime/display")

session_env=(env "XDG_RUNTIME_DIR=$runtime" "DISPLAY=$display" "PATH=/usr/bin:/bin")
setsid "${as_user[@]}" "${session_env[@]}" weston --backend=x11-backend.so --shell=kiosk-shell.so \
    --width="${size%x*}" --height="${size#*x}" --use-pixman --socket=wayland-1 \
    >"$runtime/weston.log" 2>&1 </dev/null &
pids+=($!)
for _ in $(seq 100); do [ -S "$runtime/wayland-1" ] && break; sleep 0.1; done
[ -S "$runtime/wayland-1" ] || { cat "$runtime/weston.log" >&2; die "weston did not start"; }

setsid "${as_user[@]}" "${session_env[@]}" WAYLAND_DISPLAY=wayland-1 QT_QPA_PLATFORM=wayland \
    QT_WAYLAND_DISABLE_WINDOWDECORATION=1 "${extra_env[@]}" "$@" </dev/null &
pids+=($!)
app=$!
sleep "$settle"
kill -0 "$app" 2>/dev/null || die "the command exited before the first screenshot"
DISPLAY=$display import -window root "$out/first.png"
sleep "$gap"
kill -0 "$app" 2>/dev/null || die "the command exited before the second screenshot"
DISPLAY=$display import -window root "$out/second.png"
stop
echo "$out/first.png"
echo "$out/second.png"
