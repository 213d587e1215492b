"""What the window is asked to start with: typed values, so nothing below the command line sees argparse."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flossgui.model.exercise import Exercise, builtin_exercise
from flossgui.model.motion import Setup
from flossgui.model.programme import Programme

MODES = ("patient", "clinician", "kiosk")
DEFAULT_SCREENSHOT_SIZE: tuple[int, int] = (1280, 800)


@dataclass(frozen=True, slots=True)
class LaunchOptions:
    """The exercise and set-up to show, in which mode, and whether to render one still instead.

    ``programme`` is a home programme already read and checked; ``kiosk_config`` is the kiosk's
    settings file (None: the system-wide one if present); ``screenshot`` asks for a PNG of the
    window at ``at_s`` seconds, ``size`` pixels, instead of showing it. ``given`` names the
    :class:`~flossgui.model.preferences.Preferences` fields the user set for this start (e.g. on
    the command line): they win over what was remembered from last time.
    """

    exercise: Exercise = field(default_factory=builtin_exercise)
    setup: Setup = field(default_factory=Setup)
    speed: float = 1.0
    mode: str = "patient"
    programme: Programme | None = None
    kiosk_config: Path | None = None
    screenshot: Path | None = None
    at_s: float = 0.0
    size: tuple[int, int] = DEFAULT_SCREENSHOT_SIZE
    given: frozenset[str] = frozenset()
