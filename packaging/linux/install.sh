#!/bin/sh
# Install (or remove) flossgui's desktop integration: the menu entry, the AppStream metainfo,
# the icon, and the file type of home programmes (*.floss.toml, opened by the patient window). The `flossgui` command itself comes from the Python package (pipx, pip, or a
# distribution package); this script only tells the desktop about it.
#
#   packaging/linux/install.sh                 # into ${XDG_DATA_HOME:-~/.local/share}, this user only
#   PREFIX=/usr/local packaging/linux/install.sh     # system-wide (run as root)
#   DESTDIR=/tmp/stage PREFIX=/usr packaging/linux/install.sh   # staging, for packagers
#   packaging/linux/install.sh --uninstall     # remove what it installed (same PREFIX)
set -eu

APP_ID=io.github.flossgui.flossgui
HERE=$(cd "$(dirname "$0")" && pwd)
ICON_SVG="$HERE/../../assets/icons/flossgui.svg"
DESTDIR=${DESTDIR:-}
if [ -n "${PREFIX:-}" ]; then
    SHARE="$DESTDIR$PREFIX/share"
else
    SHARE="$DESTDIR${XDG_DATA_HOME:-$HOME/.local/share}"
fi

desktop="$SHARE/applications/$APP_ID.desktop"
metainfo="$SHARE/metainfo/$APP_ID.metainfo.xml"
icon="$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
mime="$SHARE/mime/packages/$APP_ID.xml"

refresh_caches() {
    # Only for a live install: a staged (DESTDIR) tree is refreshed by the package's triggers.
    [ -z "$DESTDIR" ] || return 0
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$SHARE/applications" || true
    fi
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$SHARE/mime" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$SHARE/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" || true
    fi
}

case "${1:-}" in
    --uninstall)
        rm -f "$desktop" "$metainfo" "$icon" "$mime"
        refresh_caches
        echo "removed flossgui desktop integration from $SHARE"
        exit 0
        ;;
    "") ;;
    -h|--help)
        sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "install.sh: unknown option '$1' (try --help)" >&2
        exit 2
        ;;
esac

install -D -m 644 "$HERE/$APP_ID.desktop" "$desktop"
install -D -m 644 "$HERE/$APP_ID.metainfo.xml" "$metainfo"
install -D -m 644 "$ICON_SVG" "$icon"
install -D -m 644 "$HERE/$APP_ID.mime.xml" "$mime"
refresh_caches

echo "installed flossgui desktop integration into $SHARE:"
echo "  $desktop"
echo "  $metainfo"
echo "  $icon"
echo "  $mime"
if [ -z "$DESTDIR" ] && ! command -v flossgui >/dev/null 2>&1; then
    echo "note: 'flossgui' is not on PATH yet; the menu entry runs it by that name." >&2
    echo "      Install the app first, e.g. 'pipx install flossgui' (puts it in ~/.local/bin)." >&2
fi
