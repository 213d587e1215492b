"""``flossgui report FILE.pdf``: the clinician's one-page report from the patient's diary.

Works without a display (Qt renders offscreen). The diary is the patient's own (or ``--diary``);
the programme is the newest one the diary kept, unless ``--programme`` names one. Dates are
``YYYY-MM-DD``; a bad date, an empty period or a missing diary ends with one line naming the
option or file and what is allowed.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
from datetime import date
from pathlib import Path

from flossgui.core.errors import InputError
from flossgui.diary.paths import default_history_path


def iso_date(text: str) -> date:
    """An argparse type: a date written ``YYYY-MM-DD``."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; allowed: YYYY-MM-DD, e.g. 2026-11-30") from None


def add_parser(sub: argparse._SubParsersAction, programme_action: type[argparse.Action]) -> None:
    """The ``report`` subcommand."""
    report = sub.add_parser(
        "report",
        help="write the clinician's one-page report (.pdf) from the patient's exercise diary",
        description="Adherence, leg-symptom scores, where the symptoms went, range and grade over time, and every "
        "worse or red-flag event, with the patient's name and programme, on one A4 page.",
    )
    report.add_argument("path", type=Path, metavar="FILE.pdf", help="the report to write")
    report.add_argument("--from", dest="first", type=iso_date, metavar="DATE",
                        help="first day (YYYY-MM-DD; default: the programme's start or the first session)")  # fmt: skip
    report.add_argument(
        "--to", dest="last", type=iso_date, metavar="DATE", help="last day (YYYY-MM-DD; default: today)"
    )
    report.add_argument("--programme", action=programme_action, metavar="FILE",
                        help="the programme to report against (default: the newest one in the diary)")  # fmt: skip
    report.add_argument("--diary", type=Path, metavar="FILE",
                        help=f"the diary (default: {default_history_path()})")  # fmt: skip
    report.set_defaults(handler=run_report)


def run_report(options: argparse.Namespace) -> int:
    """``flossgui report``: read the diary, build the report, render it offscreen if need be, write it."""
    from flossgui.diary.report import MAX_DAYS, build_report
    from flossgui.diary.store import History
    from flossgui.ui.export.report import write_report
    from flossgui.ui.shell.application import application, has_display

    path = Path(options.path)
    if path.suffix.lower() != ".pdf":
        raise InputError(str(path), "", f"cannot write a report as {path.suffix or 'a file without an extension'}",
                         ".pdf")  # fmt: skip
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise InputError(str(path), "", "cannot be written (no such folder, or no permission)", "a writable .pdf path")
    diary = Path(options.diary) if options.diary else default_history_path()
    if not diary.is_file():
        raise InputError(str(diary), "", "no exercise diary here (no session recorded yet?)",
                         "the diary file, see --diary")  # fmt: skip
    try:
        with History(diary) as history:
            report = build_report(history, options.first, options.last, options.programme)
    except sqlite3.Error as exc:
        raise InputError(str(diary), "", f"cannot be read as an exercise diary ({exc})", "a flossgui diary") from None
    except ValueError as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(
            "--from/--to", "", str(exc), f"a first day on or before the last, at most {MAX_DAYS} days"
        ) from None
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the application exists
    application()
    write_report(path, report)
    return 0
