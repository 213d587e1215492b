"""``flossgui timeline``: the movement frame by frame, as CSV or JSON."""

from __future__ import annotations

import argparse
import sys

from flossgui.cli.options import exercise_from, setup_from
from flossgui.model.motion import Movement
from flossgui.model.timeline import check_size, timeline, write_csv, write_json


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
