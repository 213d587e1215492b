"""The ``flossgui`` command: the window by default, plus non-GUI subcommands.

Bad options end with exit status 2 and a last line naming the option and its allowed range;
bad files with one line naming the file, the field and what is allowed. No tracebacks.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from flossgui import __version__
from flossgui.cli import export, report
from flossgui.cli.doctor import add_doctor
from flossgui.cli.options import LoadProgramme, bounded, launch_options, movement_options, size
from flossgui.cli.timeline import run_timeline
from flossgui.core.atomic import remove_stale_temps
from flossgui.core.errors import InputError
from flossgui.core.logs import LOG_FILE, configure_logging
from flossgui.diary.paths import BACKUP_DIR, default_data_dir
from flossgui.model.launch import MODES
from flossgui.model.timeline import FPS_RANGE, REPS_RANGE
from flossgui.ui.export import files as export_files

#: A programme file given alone, as a file manager does (``Exec=flossgui %f``), opens the patient window with it.
PROGRAMME_SUFFIX = ".toml"


def build_parser() -> argparse.ArgumentParser:
    """The full command-line interface."""
    common = movement_options()
    parser = argparse.ArgumentParser(
        prog="flossgui",
        parents=[common],
        allow_abbrev=False,  # an option is given in full, so we know which ones the user set
        description="An animated guide to the seated lumbar nerve floss (sciatic nerve glide).",
    )
    parser.add_argument("--version", action="version", version=f"flossgui {__version__}")
    parser.add_argument("--verbose", action="store_true", help=f"log more detail (stderr and {LOG_FILE})")
    gui = parser.add_argument_group("window")
    gui.add_argument("--mode", choices=MODES, default="patient", help="who the window is for")
    gui.add_argument("--kiosk", action="store_const", const="kiosk", dest="mode", help="the same as --mode kiosk")
    gui.add_argument("--config", type=Path, metavar="PATH", help="kiosk configuration file (TOML)")
    gui.add_argument("--screenshot", type=Path, metavar="PATH", help="render the window to a PNG and exit")
    gui.add_argument(
        "--at",
        type=bounded(float, 0, 86400, " s"),
        default=0.0,
        metavar="SECONDS",
        help="animation time for --screenshot, in seconds",
    )
    gui.add_argument("--size", type=size, default=(1280, 800), metavar="WxH", help="window size for --screenshot")
    gui.add_argument(
        "--programme",
        action=LoadProgramme,
        metavar="FILE",
        help="a home programme from your clinician (TOML): reps, sets, rest, tempo, side and range",
    )

    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    tl = sub.add_parser(
        "timeline",
        parents=[common],
        help="print the movement as a table (CSV or JSON)",
        description="Print joint angles frame by frame, from t = 0 to the end of the last rep.",
    )
    tl.add_argument("--reps", type=bounded(int, *REPS_RANGE), default=1, help="reps to export (1–1000)")
    tl.add_argument("--fps", type=bounded(int, *FPS_RANGE), default=30, help="frames per second (1–240)")
    tl.add_argument("--format", choices=("csv", "json"), default="csv")
    tl.add_argument("--output", "-o", type=Path, metavar="PATH", help="write here instead of standard output")
    tl.set_defaults(handler=run_timeline)

    ex = sub.add_parser(
        "export",
        parents=[common],
        help="write a printable handout (.pdf) or the animation (.gif)",
        description=f"Write PATH; the format follows its extension: {export_files.ALLOWED}. Works without a display.",
    )
    ex.add_argument("path", type=Path, metavar="PATH", help="the file to write (.pdf or .gif)")
    ex.add_argument("--programme", action=LoadProgramme, metavar="FILE", help="print this home programme (TOML)")
    ex.add_argument(
        "--fps",
        type=bounded(int, *export_files.FPS_RANGE),
        default=export_files.DEFAULT_FPS,
        help="GIF frames per second (1–30)",
    )
    ex.add_argument(
        "--size", type=size, default=export_files.DEFAULT_SIZE, metavar="WxH", help="GIF size (default 480x300)"
    )
    ex.set_defaults(handler=export.run_export)

    report.add_parser(sub, LoadProgramme)

    bench = sub.add_parser(
        "bench",
        help="measure this machine: frame time, start-up, CPU and memory, against targets",
        description="Measure how fast this machine computes, draws and starts flossgui, and what an "
        "animated kiosk costs in CPU and memory over a simulated week. Takes a few minutes.",
    )
    bench.add_argument("--quick", action="store_true", help="shorter runs: under a minute, rougher figures")
    bench.add_argument("--tiny", action="store_true", help=argparse.SUPPRESS)  # for the tests: rows, not figures
    bench.set_defaults(handler=run_bench)
    for command in (tl, ex, bench):  # also after the command; SUPPRESS keeps a --verbose given before it
        command.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help="log more detail")

    add_doctor(sub)

    # Listed for --help; main() hands its arguments straight to the kiosk's own parser.
    sub.add_parser("kiosk-pin", add_help=False, help="set the staff PIN that leaves the kiosk")
    return parser  # fmt: skip


def run_bench(options: argparse.Namespace) -> int:
    """``flossgui bench`` (imports Qt only when it runs)."""
    from flossgui.bench.runner import run

    return run(quick=options.quick, tiny=options.tiny)


def run_window(options: argparse.Namespace) -> int:
    """The window (imports Qt only now, so the subcommands start fast and headless)."""
    from flossgui.ui.shell.app import run

    return run(launch_options(options, options.argv))


def start_up(verbose: bool) -> None:
    """Before any command: logging to stderr and the data folder, and the temporary files of
    saves that were killed there removed."""
    data_dir = default_data_dir()
    configure_logging(data_dir, verbose)
    for folder in (data_dir, data_dir / BACKUP_DIR):
        remove_stale_temps(folder)


def show_start_error(message: str) -> None:
    """The window's start failed on a file: say so in a dialog too, where there is a display."""
    from flossgui.ui.shell.application import has_display, show_error

    if has_display() and not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        show_error(message)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``flossgui`` command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["kiosk-pin"]:
        from flossgui.cli.kiosk_pin import main_kiosk_pin

        start_up(verbose=False)
        return main_kiosk_pin(argv[1:])
    if argv[:1] and argv[0].lower().endswith(PROGRAMME_SUFFIX) and not argv[0].startswith("-"):
        argv = ["--programme", *argv]  # `flossgui FILE.floss.toml` is `flossgui --programme FILE.floss.toml`
    parser = build_parser()
    LoadProgramme.on_error = show_start_error
    options = parser.parse_args(argv)
    options.argv = argv
    start_up(options.verbose)
    handler = getattr(options, "handler", run_window)
    try:
        return handler(options)
    except BrokenPipeError:  # e.g. `flossgui timeline | head`: the reader has all it wants
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter's final flush quiet
        return 0
    except InputError as exc:
        print(f"flossgui: error: {exc.message()}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"flossgui: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2
