"""The ``flossgui`` command: the window by default, plus non-GUI subcommands.

Bad options end with exit status 2 and a last line naming the option and its allowed range;
bad files with one line naming the file, the field and what is allowed. No tracebacks.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from flossgui import __version__
from flossgui.errors import InputError, printable
from flossgui.model.body import DEFAULT_HEIGHT_CM, HEIGHT_RANGE_CM, Body
from flossgui.model.exercise import VARIANTS, Exercise, builtin_exercise, load_exercise
from flossgui.model.motion import RANGE_LIMITS, Movement, Setup
from flossgui.model.playback import SPEED_LIMITS
from flossgui.model.programme import load_programme
from flossgui.model.seat import DEFAULT_SEAT_CM, SEAT_RANGE_CM
from flossgui.model.timeline import FPS_RANGE, REPS_RANGE, check_size, timeline, write_csv, write_json
from flossgui.tomlfile import parse_number

MODES = ("patient", "clinician", "kiosk")


def bounded(kind: type, lo: float, hi: float, unit: str = "") -> Callable[[str], float]:
    """An argparse type: a ``kind`` (int or float) within [lo, hi], checked as numbers in files are."""

    def parse(text: str) -> float:
        try:
            return parse_number(text, "", lo, hi, whole=kind is int, unit=unit)
        except InputError as exc:
            raise argparse.ArgumentTypeError(f"{printable(exc.problem)}; allowed: {exc.allowed}") from None

    return parse


def size(text: str) -> tuple[int, int]:
    """An argparse type: ``WIDTHxHEIGHT`` in pixels."""
    allowed = "allowed: WIDTHxHEIGHT, each 200 to 7680 pixels, e.g. 1280x800"
    parts = text.lower().split("x")
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"{printable(repr(text))} is not a size; {allowed}")
    try:
        w, h = (int(parse_number(v, "", 200, 7680, whole=True)) for v in parts)
    except InputError:
        raise argparse.ArgumentTypeError(f"{printable(text, 40)} is not a size in range; {allowed}") from None
    return w, h


def _movement_options() -> argparse.ArgumentParser:
    """Options shared by the window and the exports: who, on what seat, how fast, how far."""
    p = argparse.ArgumentParser(add_help=False)
    g = p.add_argument_group("movement")
    g.add_argument(
        "--speed",
        type=bounded(float, *SPEED_LIMITS),
        default=1.0,
        help="playback speed, 1 = one calm rep in 10 s (0.25–3)",
    )
    g.add_argument(
        "--range",
        type=bounded(float, RANGE_LIMITS[0] * 100, RANGE_LIMITS[1] * 100, " %"),
        default=100.0,
        help="range of movement in percent of the full glide (10–100)",
    )
    g.add_argument(
        "--seat-height",
        type=bounded(float, *SEAT_RANGE_CM, " cm"),
        default=DEFAULT_SEAT_CM,
        help=f"seat height in cm ({SEAT_RANGE_CM[0]:g}–{SEAT_RANGE_CM[1]:g}; a chair ≈ 46)",
    )
    g.add_argument(
        "--height",
        type=bounded(float, *HEIGHT_RANGE_CM, " cm"),
        default=DEFAULT_HEIGHT_CM,
        help="standing height of the person in cm (100–220)",
    )
    g.add_argument("--side", choices=("left", "right"), default="right", help="the leg that moves")
    which = g.add_mutually_exclusive_group()
    which.add_argument(
        "--exercise", type=Path, metavar="FILE", help="an exercise file (TOML) instead of the built-in one"
    )
    which.add_argument(
        "--variant",
        choices=tuple(VARIANTS),
        help="a built-in variant: slider (the floss, default), tensioner, mistake (chin kept down)",
    )
    return p  # fmt: skip


def exercise_from(options: argparse.Namespace) -> Exercise:
    """The exercise the options ask for (InputError on a bad file)."""
    if options.exercise:
        return load_exercise(options.exercise)
    return builtin_exercise(VARIANTS[options.variant or "slider"])


def setup_from(options: argparse.Namespace) -> Setup:
    """The :class:`Setup` the options describe."""
    return Setup(
        body=Body(options.height),
        seat_height_cm=options.seat_height,
        side=options.side,
        range_fraction=options.range / 100.0,
    )


def build_parser() -> argparse.ArgumentParser:
    """The full command-line interface."""
    common = _movement_options()
    parser = argparse.ArgumentParser(
        prog="flossgui",
        parents=[common],
        description="An animated guide to the seated lumbar nerve floss (sciatic nerve glide).",
    )
    parser.add_argument("--version", action="version", version=f"flossgui {__version__}")
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

    from flossgui import export

    ex = sub.add_parser(
        "export",
        parents=[common],
        help="write a printable handout (.pdf) or the animation (.gif)",
        description=f"Write PATH; the format follows its extension: {export.ALLOWED}. Works without a display.",
    )
    ex.add_argument("path", type=Path, metavar="PATH", help="the file to write (.pdf or .gif)")
    ex.add_argument("--programme", action=LoadProgramme, metavar="FILE", help="print this home programme (TOML)")
    ex.add_argument(
        "--fps", type=bounded(int, *export.FPS_RANGE), default=export.DEFAULT_FPS, help="GIF frames per second (1–30)"
    )
    ex.add_argument("--size", type=size, default=export.DEFAULT_SIZE, metavar="WxH", help="GIF size (default 480x300)")
    ex.set_defaults(handler=export.run_export)

    bench = sub.add_parser(
        "bench",
        help="measure this machine: frame time, start-up, CPU and memory, against targets",
        description="Measure how fast this machine computes, draws and starts flossgui, and what an "
        "animated kiosk costs in CPU and memory over a simulated week. Takes a few minutes.",
    )
    bench.add_argument("--quick", action="store_true", help="shorter runs: under a minute, rougher figures")
    bench.add_argument("--tiny", action="store_true", help=argparse.SUPPRESS)  # for the tests: rows, not figures
    bench.set_defaults(handler=run_bench)

    # Listed for --help; main() hands its arguments straight to the kiosk's own parser.
    sub.add_parser("kiosk-pin", add_help=False, help="set the staff PIN that leaves the kiosk")
    return parser  # fmt: skip


def run_timeline(options: argparse.Namespace) -> int:
    """``flossgui timeline``."""
    movement = Movement(exercise_from(options), setup_from(options))
    check_size(movement, options.speed, options.reps, options.fps)
    rows = timeline(movement, options.speed, options.reps, options.fps)
    out = open(options.output, "w", encoding="utf-8", newline="") if options.output else sys.stdout  # noqa: SIM115
    try:
        if options.format == "csv":
            write_csv(rows, out)
        else:
            meta = {
                "exercise": movement.exercise.id, "speed": options.speed, "reps": options.reps, "fps": options.fps,
                "range_percent": options.range, "seat_height_cm": options.seat_height,
                "height_cm": options.height, "side": options.side, "period_s": movement.exercise.period_s,
            }  # fmt: skip
            write_json(rows, out, meta)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def run_bench(options: argparse.Namespace) -> int:
    """``flossgui bench`` (imports Qt only when it runs)."""
    from flossgui.bench.runner import run

    return run(options)


def run_window(options: argparse.Namespace) -> int:
    """The window (imports Qt only now, so the subcommands start fast and headless)."""
    from flossgui.ui.app import run

    return run(options)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``flossgui`` command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["kiosk-pin"]:
        from flossgui.kiosk.pin_command import main_kiosk_pin

        return main_kiosk_pin(argv[1:])
    parser = build_parser()
    options = parser.parse_args(argv)
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


class LoadProgramme(argparse.Action):
    """``--programme FILE``: read and check the file while parsing, so ``options.programme`` is a
    :class:`~flossgui.model.programme.Programme` (or None); a bad file ends with one line, exit status 2."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[str] | None,
        option_string: str | None = None,
    ) -> None:
        try:
            programme = load_programme(str(values))
        except InputError as exc:
            parser.exit(2, f"{parser.prog}: error: {exc.message()}\n")
        setattr(namespace, self.dest, programme)
