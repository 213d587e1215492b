"""``flossgui doctor [--sound]``: the checklist of :mod:`flossgui.doctor`; exit status 1 if anything failed."""

from __future__ import annotations

import argparse


def add_doctor(sub: argparse._SubParsersAction) -> None:
    doctor = sub.add_parser(
        "doctor",
        help="check this machine for what flossgui needs (display, fonts, sound, voice, diary), with fixes",
        description="Check the display and Qt's platform plugin, fonts, the audio output, the voice clips, "
        "the data folder, the diary and the settings; each problem comes with what to do about it.",
    )
    doctor.add_argument("--sound", action="store_true", help="also play one cue and one spoken phrase")
    doctor.set_defaults(handler=run_doctor)


def run_doctor(options: argparse.Namespace) -> int:
    from flossgui.doctor import report, run_checks  # the audio engine and friends: only for this command

    checks = run_checks(sound=options.sound)
    print(report(checks))
    return 0 if all(c.ok for c in checks) else 1
