#!/usr/bin/env bash
# Start a command under a headless cage (no screen needed) as a non-root user, take a
# screenshot with grim, stop everything and print the PNG's path.
#
#   sudo packaging/kiosk/smoke-test.sh -u flossgui-kiosk -- \
#       /opt/flossgui/venv/bin/flossgui --kiosk --config /etc/flossgui/kiosk.toml
#
# Needs the Debian packages cage, grim, xwayland (and util-linux for setpriv). Run as root
# to start the command as USER; run as a normal user to start it as yourself.
set -euo pipefail

usage() {
    cat >&2 <<'EOF'
usage: smoke-test.sh [-u USER] [-o OUT.png] [-w SECONDS] [-t SECONDS] [-e NAME=VALUE]... -- COMMAND [ARG...]
  -u USER     non-root user to run cage and COMMAND as (when run as root; default flossgui-kiosk)
  -o OUT.png  where to put the screenshot (default /tmp/flossgui-smoke-DATE.png)
  -w SECONDS  how long to let the window draw after cage is up (default 5)
  -t SECONDS  how long to wait for cage's Wayland socket (default 20)
  -e NAME=VALUE  add to the session's environment (repeatable)
EOF
    exit 2
}
die() { echo "smoke-test: $*" >&2; exit 1; }
elapsed() { echo "$(( ($(date +%s%N) - start_ns) / 1000000 )) ms"; }

user=flossgui-kiosk
out=/tmp/flossgui-smoke-$(date +%Y%m%d-%H%M%S).png
settle=5
timeout=20
extra_env=()
while getopts "u:o:w:t:e:h" opt; do
    case $opt in
        u) user=$OPTARG ;;
        o) out=$OPTARG ;;
        w) settle=$OPTARG ;;
        t) timeout=$OPTARG ;;
        e) extra_env+=("$OPTARG") ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || usage
for tool in cage grim setpriv; do
    command -v "$tool" >/dev/null || die "$tool is missing (apt-get install cage grim xwayland util-linux)"
done

if [ "$(id -u)" -eq 0 ]; then
    id "$user" >/dev/null 2>&1 || die "no user $user (create one: useradd --system --create-home $user)"
    [ "$(id -u "$user")" -ne 0 ] || die "cage refuses to run as root: give a non-root user with -u"
    as_user=(setpriv --reuid="$(id -u "$user")" --regid="$(id -g "$user")" --init-groups --reset-env)
else
    user=$(id -un)
    as_user=()
fi

# A private XDG_RUNTIME_DIR owned by the user, as systemd-logind would make.
runtime=$(mktemp -d /tmp/flossgui-smoke.XXXXXX)
chmod 700 "$runtime"
[ "${#as_user[@]}" -eq 0 ] || chown "$user:" "$runtime"
log=$runtime/cage.log
cage_pid=

stop() {
    [ -n "$cage_pid" ] || return 0
    # SIGTERM to cage alone: it closes the display and the command loses its connection.
    # Signalling both at once makes cage 0.1.4 terminate the display twice and abort.
    kill -TERM "$cage_pid" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$cage_pid" 2>/dev/null || break
        sleep 0.1
    done
    # cage ran as a session leader (setsid): its process group holds whatever is left.
    kill -KILL -- "-$cage_pid" 2>/dev/null || true
    wait "$cage_pid" 2>/dev/null || true
    for _ in $(seq 20); do
        kill -0 -- "-$cage_pid" 2>/dev/null || break
        sleep 0.1
    done
    cage_pid=
}
trap 'stop; rm -rf "$runtime"' EXIT

session_env=(
    env "XDG_RUNTIME_DIR=$runtime"
    WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1
    QT_QPA_PLATFORM=wayland QT_WAYLAND_DISABLE_WINDOWDECORATION=1  # as the launcher sets
    "${extra_env[@]}"
)
start_ns=$(date +%s%N)
setsid "${as_user[@]}" "${session_env[@]}" cage -- "$@" >"$log" 2>&1 </dev/null &
cage_pid=$!

socket=
deadline=$((SECONDS + timeout))
while [ -z "$socket" ]; do
    kill -0 "$cage_pid" 2>/dev/null || { cat "$log" >&2; die "cage exited before it was ready"; }
    [ $SECONDS -lt $deadline ] || { cat "$log" >&2; die "no Wayland socket after ${timeout}s"; }
    for s in "$runtime"/wayland-[0-9]; do [ -S "$s" ] && socket=${s##*/}; done
    sleep 0.1
done
echo "smoke-test: cage up on $socket after $(elapsed); waiting ${settle}s" >&2

sleep "$settle"
kill -0 "$cage_pid" 2>/dev/null || { cat "$log" >&2; die "cage (or the command) exited before the screenshot"; }
"${as_user[@]}" "${session_env[@]}" "WAYLAND_DISPLAY=$socket" grim "$runtime/shot.png" \
    || { cat "$log" >&2; die "grim failed"; }
stop
install -m 0644 "$runtime/shot.png" "$out"
echo "smoke-test: stopped after $(elapsed); cage said:" >&2
sed 's/^/  | /' "$log" >&2
echo "$out"
