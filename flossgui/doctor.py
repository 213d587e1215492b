"""``flossgui doctor``: what this machine needs for flossgui, checked one by one, with a fix for each failure.

Written for a clinic's IT person or a patient's relative: every check says what it found in
plain words and, when something is wrong, the one thing to do about it. No Qt is loaded (a
missing Qt library is one of the things it finds); the audio check opens the real output.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from flossgui.audio.engine import ENV_VAR as AUDIO_ENV
from flossgui.audio.engine import Engine
from flossgui.audio.voice import load_voice, spoken_texts
from flossgui.diary.paths import default_data_dir, default_history_path
from flossgui.text.translate import LANGUAGES, choose, set_language

#: The Debian/Ubuntu package that provides each library Qt's X11 plugin may miss.
DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-xkb.so.1": "libxcb-xkb1", "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0", "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0", "libdbus-1.so.3": "libdbus-1-3", "libX11-xcb.so.1": "libx11-xcb1",
}  # fmt: skip
SETTINGS_ENV = "FLOSSGUI_SETTINGS"
LANGUAGE_KEY = ("ui", "language")  # where the Language menu's choice sits in the settings file


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the checklist: what was checked, whether it is fine, what was found, what to do."""

    name: str
    ok: bool
    found: str
    fix: str = ""


def settings_path(env: Mapping[str, str] = os.environ) -> Path:
    """The window's settings file (Qt's INI file for the user, or ``$FLOSSGUI_SETTINGS``)."""
    if override := env.get(SETTINGS_ENV):
        return Path(override)
    xdg = env.get("XDG_CONFIG_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".config"
    return base / "flossgui" / "flossgui.ini"


def read_settings(path: Path) -> configparser.ConfigParser:
    """The settings file as INI sections (OSError, UnicodeDecodeError or configparser.Error if it cannot be read)."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.read_string(path.read_text(encoding="utf-8"), str(path))
    return parser


def check_display(env: Mapping[str, str] = os.environ) -> Check:
    shown = [f"{v}={env[v]}" for v in ("WAYLAND_DISPLAY", "DISPLAY", "QT_QPA_PLATFORM") if env.get(v)]
    if shown or not sys.platform.startswith("linux"):
        return Check("Display", True, ", ".join(shown) or "the system's")
    return Check(
        "Display",
        False,
        "no display (DISPLAY and WAYLAND_DISPLAY are not set)",
        "start flossgui from the desktop session; without a screen, 'flossgui --screenshot out.png' "
        "and 'flossgui export handout.pdf' still work",
    )


def qt_plugin_dir() -> Path | None:
    """PySide6's platform plugins folder, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms"


def missing_libraries(plugin: Path, ldd: Callable[[Path], str] | None = None) -> list[str]:
    """Libraries ``plugin`` needs that the system cannot find (``ldd``'s "not found" lines)."""
    output = (ldd or _ldd)(plugin)
    return sorted({line.split("=>")[0].strip() for line in output.splitlines() if "not found" in line})


def _ldd(path: Path) -> str:
    if shutil.which("ldd") is None:
        return ""
    return subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=30).stdout


def check_qt_plugin(ldd: Callable[[Path], str] | None = None) -> Check:
    folder = qt_plugin_dir()
    if folder is None:
        return Check(
            "Qt platform plugin", False, "PySide6 is not installed", "reinstall flossgui (pipx install --force .)"
        )
    if not sys.platform.startswith("linux"):
        return Check("Qt platform plugin", True, str(folder))
    problems = []
    for name in ("libqxcb.so", "libqwayland.so"):
        plugin = folder / name
        if plugin.exists() and (missing := missing_libraries(plugin, ldd)):
            problems.append((name, missing))
    xcb = next((m for n, m in problems if n == "libqxcb.so"), None)
    if xcb:
        packages = sorted({DEBIAN_PACKAGES.get(lib, lib) for lib in xcb})
        return Check(
            "Qt platform plugin",
            False,
            f"the X11 plugin (libqxcb.so) cannot load: {', '.join(xcb)} not found",
            f"sudo apt-get install {' '.join(packages)}",
        )
    wayland = " (Wayland plugin: " + ", ".join(problems[0][1]) + " not found)" if problems else ""
    return Check("Qt platform plugin", True, f"X11 plugin finds all its libraries{wayland}")


def font_files(dirs: list[Path] | None = None) -> Iterator[Path]:
    """Font files in the usual folders."""
    home = Path.home()
    for folder in dirs or [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts",
                           home / ".fonts"]:  # fmt: skip
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.suffix.lower() in (".ttf", ".otf", ".ttc", ".pfb", ".woff2"):
                    yield path


def check_fonts(dirs: list[Path] | None = None) -> Check:
    count = sum(1 for _ in font_files(dirs)) if sys.platform.startswith("linux") else 1
    if count:
        return Check("Fonts", True, f"{count} font files")
    return Check(
        "Fonts",
        False,
        "no fonts installed: the window would show boxes instead of letters",
        "sudo apt-get install fonts-dejavu-core",
    )


def check_audio(language: str, play: bool = False, timeout: float = 15.0) -> Check:
    """Open the default audio output (and with ``play``, play a cue and a spoken phrase on it)."""
    engine = Engine(language)
    engine.start()
    if not engine.wait(timeout):
        return Check(
            "Audio output",
            False,
            f"the audio output did not open within {timeout:g} s",
            "check that other programs make sound; restart the sound server (PipeWire or PulseAudio)",
        )
    try:
        if engine.problem:
            return Check(
                "Audio output",
                False,
                engine.problem,
                "start a sound server (PipeWire's pipewire-pulse or PulseAudio) and check that other programs "
                f"make sound; on Debian/Ubuntu: sudo apt-get install pipewire-pulse (or set {AUDIO_ENV}=alsa)",
            )
        found = f"opened ({engine.backend})"
        if play:
            found += "; " + _play_sample(engine, timeout)
        return Check("Audio output", True, found)
    finally:
        engine.close()


def _play_sample(engine: Engine, timeout: float) -> str:
    import time

    from flossgui.audio.mixer import RATE

    clip = "spoken.straighten"
    deadline = time.monotonic() + timeout
    first = engine.mixer.frames  # some servers take a moment before they pull steadily (a sink waking up)
    while engine.mixer.frames < first + RATE // 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    engine.play("rep")
    engine.say(clip)
    time.sleep(0.2)
    while engine.mixer.speaking and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # let the last block leave the device
    started = [s.name for s in engine.mixer.started]
    if started[:2] != ["rep", clip]:
        return f"sound did not play (started: {started})"
    return f"sound played: the cue 'rep' and the phrase '{clip}'"


def check_voice(language: str) -> Check:
    name = f"Voice clips ({LANGUAGES.get(language, language)})"
    try:
        voice = load_voice(language)
    except (OSError, ValueError) as exc:
        return Check(name, False, str(exc), "reinstall flossgui; the clips are made by packaging/make_voice.py")
    wanted = set(spoken_texts())
    missing = sorted(wanted - voice.clips.keys()) + sorted(c.id for c in voice.clips.values() if not c.path.is_file())
    if missing:
        return Check(
            name,
            False,
            f"{len(missing)} clips missing: {', '.join(missing[:5])}",
            "reinstall flossgui; the clips are made by packaging/make_voice.py",
        )
    return Check(name, True, f"{len(voice.clips)} clips ({voice.generator})")


def check_data_folder(folder: Path | None = None) -> Check:
    folder = folder or default_data_dir()
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    try:
        with tempfile.NamedTemporaryFile(dir=existing, prefix=".flossgui-doctor-"):
            pass
    except OSError as exc:
        return Check(
            "Data folder",
            False,
            f"{existing} cannot be written ({exc.strerror})",
            f"make {existing} writable for this user, or set FLOSSGUI_DATA_DIR to a folder that is",
        )
    return Check("Data folder", True, f"{folder} is writable" + ("" if folder.exists() else " (made on first use)"))


def check_diary(path: Path | None = None) -> Check:
    path = path or default_history_path()
    if not path.exists():
        return Check("Diary", True, f"none yet ({path})")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            result = db.execute("PRAGMA integrity_check").fetchone()[0]
            sessions = db.execute("SELECT count(*) FROM session").fetchone()[0]
    except sqlite3.Error as exc:
        result, sessions = str(exc), 0
    if result != "ok":
        return Check(
            "Diary",
            False,
            f"{path} is damaged ({result})",
            f"move it aside (mv '{path}' '{path}.damaged'): flossgui then starts a new diary",
        )
    return Check("Diary", True, f"{path}: intact, {sessions} session{'' if sessions == 1 else 's'}")


def check_settings(path: Path | None = None) -> Check:
    path = path or settings_path()
    if not path.exists():
        return Check("Settings", True, f"none yet ({path})")
    try:
        settings = read_settings(path)
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        return Check(
            "Settings",
            False,
            f"{path} cannot be read ({exc})",
            f"remove it (rm '{path}'): flossgui starts again with its defaults",
        )
    language = settings.get(*LANGUAGE_KEY, fallback="")
    if language and language not in LANGUAGES:
        return Check(
            "Settings",
            False,
            f"{path}: language {language!r} is not one of {', '.join(LANGUAGES)}",
            "choose one in the Language menu (flossgui uses the system's meanwhile)",
        )
    return Check("Settings", True, f"{path} is readable")


def language_from_settings(path: Path | None = None) -> str:
    """The language the window would use: the settings' choice, else the environment's."""
    try:
        value = read_settings(path or settings_path()).get(*LANGUAGE_KEY, fallback="")
    except (OSError, UnicodeDecodeError, configparser.Error):
        value = ""
    return choose(value)


def run_checks(sound: bool = False) -> list[Check]:
    """Every check, in the order a person would fix them."""
    language = language_from_settings()
    set_language(language)
    return [
        check_display(), check_qt_plugin(), check_fonts(), check_audio(language, play=sound), check_voice(language),
        check_data_folder(), check_diary(), check_settings(),
    ]  # fmt: skip


def report(checks: list[Check]) -> str:
    """The checklist as text: one line per check, its fix below a failure, and a summary."""
    lines = ["flossgui doctor"]
    for check in checks:
        lines.append(f"  {'ok  ' if check.ok else 'FAIL'}  {check.name}: {check.found}")
        if not check.ok and check.fix:
            lines.append(f"        fix: {check.fix}")
    failed = sum(not c.ok for c in checks)
    lines.append("All checks passed." if not failed else f"{failed} problem{'s' if failed > 1 else ''} found.")
    return "\n".join(lines)
