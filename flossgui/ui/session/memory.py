"""The patient's memory: what they set, restored on start and saved as it changes.

The values, their defaults and checks are :mod:`flossgui.model.preferences`; the store is the
window's QSettings (:mod:`flossgui.ui.shell.settings`). This only reads them off the tutorial and
puts them back on it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from PySide6.QtCore import QSettings

from flossgui.model.body import Body
from flossgui.model.preferences import Preferences
from flossgui.model.session import SessionPlan
from flossgui.ui.shell.settings import load_preferences, save_preferences
from flossgui.ui.shell.tutorial import Tutorial

#: Preference fields read off the tutorial's set-up and speed (the leg and range only without a programme).
SETUP_FIELDS: tuple[str, ...] = ("seat_height_cm", "height_cm", "speed", "range_percent", "side")


class Memory:
    """The :class:`Preferences` of one window: restored into its tutorial, saved when they change."""

    def __init__(self, settings: QSettings, tutorial: Tutorial, *, enabled: bool = True, keep: Collection[str] = ()):
        """``enabled``: read and write the store (off for screenshots: the defaults, nothing saved);
        ``keep``: fields given on the command line, which win over the remembered ones."""
        self.settings = settings
        self.tutorial = tutorial
        self.enabled = enabled
        self.preferences = load_preferences(settings) if enabled else Preferences()
        if enabled:
            self.preferences = replace(self.preferences, **self.shown(keep))
            self.restore()

    def restore(self) -> None:
        """Put the preferences on the tutorial (a playing tutorial plays on)."""
        p, t = self.preferences, self.tutorial
        t.set_setup(body=Body(float(p.height_cm)), seat_height_cm=float(p.seat_height_cm), side=p.side,
                    range_fraction=p.range_percent / 100.0)  # fmt: skip
        t.set_speed(p.speed)
        playing = t.playing
        t.set_plan(SessionPlan(p.reps, p.sets, float(p.rest_s)))
        if playing:
            t.play()

    def shown(self, names: Collection[str]) -> dict[str, object]:
        """What the tutorial shows now for the preference fields ``names`` (of :data:`SETUP_FIELDS`)."""
        t = self.tutorial
        setup = t.setup
        values = {"range_percent": t.range_percent, "side": setup.side, "speed": t.speed,
                  "seat_height_cm": round(setup.seat_height_cm), "height_cm": round(setup.body.height_cm)}  # fmt: skip
        return {name: values[name] for name in names}

    def take_from_tutorial(self, *, leg_and_range: bool = True) -> None:
        """Remember the tutorial's set-up, speed and targets (the leg and range too unless a programme sets them)."""
        plan = self.tutorial.counter.plan
        names = SETUP_FIELDS if leg_and_range else SETUP_FIELDS[:3]
        self.update(reps=plan.reps_per_set, sets=plan.sets, rest_s=round(plan.rest_s), **self.shown(names))

    def update(self, **changes: object) -> None:
        """Remember these changes (written at once when anything changed)."""
        preferences = replace(self.preferences, **changes)
        if preferences != self.preferences:
            self.preferences = preferences
            if self.enabled:
                save_preferences(self.settings, preferences)
