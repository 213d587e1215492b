"""Command-line values: range-checked option types, the movement options every command shares,
and the typed :class:`~flossgui.model.launch.LaunchOptions` they become (nothing below ``cli``
sees argparse)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from flossgui.core.errors import InputError, printable
from flossgui.core.tomlfile import parse_number
from flossgui.model.body import DEFAULT_HEIGHT_CM, HEIGHT_RANGE_CM, Body
from flossgui.model.exercise import VARIANTS, Exercise, builtin_exercise, load_exercise
from flossgui.model.launch import LaunchOptions
from flossgui.model.motion import RANGE_LIMITS, Setup
from flossgui.model.playback import SPEED_LIMITS
from flossgui.model.programme import load_programme
from flossgui.model.seat import DEFAULT_SEAT_CM, SEAT_RANGE_CM


def bounded(kind: type, lo: float, hi: float, unit: str = "") -> Callable[[str], float]:
    """An argparse type: a ``kind`` (int or float) within [lo, hi], checked as numbers in files are."""

    def parse(text: str) -> float:
        try:
            return parse_number(text, "", lo, hi, whole=kind is int, unit=unit)
        except InputError as exc:
            raise argparse.ArgumentTypeError(f"{printable(exc.problem)}; allowed: {exc.allowed}") from None

    return parse


MAX_SIZE_PIXELS = 4096 * 4096  # a clinician view this large peaks near 330 MB while it is drawn


def size(text: str) -> tuple[int, int]:
    """An argparse type: ``WIDTHxHEIGHT`` in pixels, each side 200 to 7680 and at most
    :data:`MAX_SIZE_PIXELS` in all (so drawing it stays well under 500 MB)."""
    allowed = "allowed: WIDTHxHEIGHT, each 200 to 7680 pixels, 16.7 million in all (e.g. 1280x800, 7680x2160)"
    parts = text.lower().split("x")
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"{printable(repr(text))} is not a size; {allowed}")
    try:
        w, h = (int(parse_number(v, "", 200, 7680, whole=True)) for v in parts)
    except InputError:
        raise argparse.ArgumentTypeError(f"{printable(text, 40)} is not a size in range; {allowed}") from None
    if w * h > MAX_SIZE_PIXELS:
        raise argparse.ArgumentTypeError(f"{w}x{h} is {w * h:,} pixels; {allowed}")
    return w, h


def movement_options() -> argparse.ArgumentParser:
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


#: Movement options and the remembered preference each one sets.
PREFERENCE_OF_OPTION = {
    "--speed": "speed", "--range": "range_percent", "--seat-height": "seat_height_cm",
    "--height": "height_cm", "--side": "side",
}  # fmt: skip


def given_preferences(argv: Sequence[str]) -> frozenset[str]:
    """The preferences that options in ``argv`` set (``--side left`` or ``--side=left``)."""
    flags = {arg.split("=", 1)[0] for arg in argv if arg.startswith("--")}
    return frozenset(field for flag, field in PREFERENCE_OF_OPTION.items() if flag in flags)


def launch_options(options: argparse.Namespace, argv: Sequence[str] = ()) -> LaunchOptions:
    """The window's typed start-up values from parsed options (InputError on a bad exercise file);
    ``argv`` tells which of them the user gave, so they win over remembered preferences."""
    return LaunchOptions(
        exercise=exercise_from(options),
        setup=setup_from(options),
        speed=options.speed,
        mode=options.mode,
        programme=options.programme,
        kiosk_config=options.config,
        screenshot=options.screenshot,
        at_s=options.at,
        size=options.size,
        given=given_preferences(argv),
    )


class LoadProgramme(argparse.Action):
    """``--programme FILE``: read and check the file while parsing, so ``options.programme`` is a
    :class:`~flossgui.model.programme.Programme` (or None); a bad file ends with one line, exit status 2
    (after ``on_error``, if set: the window shows the same line in a dialog, so a patient who started
    flossgui from a file manager sees why nothing opened)."""

    on_error: Callable[[str], object] | None = None

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
            if LoadProgramme.on_error is not None and getattr(namespace, "handler", None) is None:
                LoadProgramme.on_error(exc.message())  # starting the window, not a subcommand
            parser.exit(2, f"{parser.prog}: error: {exc.message()}\n")
        setattr(namespace, self.dest, programme)
