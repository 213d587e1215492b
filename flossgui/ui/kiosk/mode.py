"""The kiosk mode: the waiting-room screen, composed from the patient window's widgets.

The figure stays, large; the patient's captions, controls, keys and side panel hide, and a
:class:`KioskPanel` (very large captions, one rotating message, touch buttons) takes the
side panel's place, or goes below the figure on a portrait screen. Over everything: the
closed-hours :class:`Curtain` and the staff :class:`PinPad`. The behaviour is in small parts:
:class:`AttractLoop` (what plays), :class:`HoursWatch` (when) and :class:`KioskLock` (no way
out but the staff PIN).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QSize
from PySide6.QtWidgets import QApplication, QBoxLayout, QWidget

from flossgui.kiosk import LEAVE_STATUS
from flossgui.kiosk.attract import Scene
from flossgui.kiosk.config import KioskConfig
from flossgui.kiosk.lockout_file import limiter_kept_in
from flossgui.kiosk.pin import AttemptLimiter, PinGate
from flossgui.model.session import State
from flossgui.ui.kiosk.attract import AttractLoop
from flossgui.ui.kiosk.curtain import Curtain
from flossgui.ui.kiosk.hours_watch import HoursWatch
from flossgui.ui.kiosk.lean_view import LeanFigure
from flossgui.ui.kiosk.lock import KioskLock
from flossgui.ui.kiosk.overlay import screen_unit
from flossgui.ui.kiosk.panel import KioskPanel
from flossgui.ui.kiosk.pin_pad import PinPad
from flossgui.ui.shell.modes import Mode
from flossgui.ui.theme.tr import tr

if TYPE_CHECKING:
    from flossgui.ui.shell.main_window import MainWindow

#: Share of a landscape window's width given to the words and buttons; the figure has the rest.
PANEL_SHARE = 0.46
_MARGIN_PX = 36  # design pixels around the screen's edge
_MAX_WIDTH = 16_777_215  # QWIDGETSIZE_MAX


def band_messages(config: KioskConfig) -> list[str]:
    """The lines that take turns under the step: the string idea, the clinic's lines, safety, home."""
    return [tr("kiosk.string"), *config.messages, tr("kiosk.safety"), tr("kiosk.home")]


def _say(line: str) -> None:
    print(f"flossgui: kiosk: {line}", file=sys.stderr)


def exit_app(status: int) -> None:
    """Leave the event loop with ``status`` (the process's exit status)."""
    QApplication.exit(status)


class KioskMode(Mode):
    """The waiting-room screen; see the module docstring.

    ``wall`` is the wall clock (read for the opening hours only), ``quit(status)`` ends the
    app, ``keep_awake(on)`` holds screen blanking off during opening hours. ``locked=False``
    composes the screen without taking it over (for screenshots). ``lockout_path`` keeps the
    brake on PIN guessing across restarts (none: it lasts as long as the mode).
    """

    name = "kiosk"
    uses_playback = False  # a waiting room has no keyboard, and the lock swallows shortcuts anyway

    def __init__(
        self,
        window: MainWindow,
        config: KioskConfig,
        *,
        wall: Callable[[], datetime] = datetime.now,
        quit: Callable[[int], object] = exit_app,
        keep_awake: Callable[[bool], object] = lambda on: None,
        locked: bool = True,
        lockout_path: Path | None = None,
    ) -> None:
        super().__init__(window)
        tutorial = window.tutorial
        self.config = config
        self.quit = quit
        self.keep_awake = keep_awake
        self.active = False
        self._tutorial_was_ticking = False
        self.lean = LeanFigure(window.figure_view, tutorial, config.max_fps)
        self.loop = AttractLoop(tutorial, config, band_messages(config), window, draw=self.lean.show_at)
        self.hours = HoursWatch(config.hours, wall, window)
        self.panel = KioskPanel(tutorial, config.clinic_name)
        self.panel.hide()
        self.row: QBoxLayout = window.row
        self.row.addWidget(self.panel)
        self._margins = QMargins()
        self.curtain = Curtain(window, config.outside_hours)
        gate = None
        if config.pin_hash:
            limiter = (
                AttemptLimiter(tutorial.clock)
                if lockout_path is None
                else limiter_kept_in(lockout_path, tutorial.clock, _say)
            )
            gate = PinGate(config.pin_hash, limiter)
        self.pin_pad = PinPad(window, gate, tutorial.clock)
        self.lock = KioskLock(window) if locked else None
        window.resized.connect(self._fit)

        p, loop = self.panel, self.loop
        p.demo_button.clicked.connect(loop.start_demo)
        p.slower_button.clicked.connect(lambda: loop.step_speed(-1))
        p.faster_button.clicked.connect(lambda: loop.step_speed(+1))
        p.left_button.clicked.connect(lambda: loop.set_side("left"))
        p.right_button.clicked.connect(lambda: loop.set_side("right"))
        loop.message_changed.connect(p.set_message)
        loop.scene_changed.connect(self._on_session_changed)
        tutorial.session_changed.connect(self._on_session_changed)
        self.hours.changed.connect(self._on_open_changed)
        self.pin_pad.leave_requested.connect(self.leave)
        if self.lock is not None:
            self.lock.admin_requested.connect(self.pin_pad.open_pad)
            self.lock.activity.connect(loop.touched)

    def activate(self) -> None:
        w = self.window
        self.active = True
        for widget in self._patient_widgets():
            widget.hide()
        w.menuBar().setEnabled(False)  # its View menu switches modes: no way out there either
        self.panel.show()
        self._margins = self.row.contentsMargins()
        self._fit(w.size())
        # The loop's capped timer draws the frames: the tutorial's own 60 Hz one must not as well.
        self._tutorial_was_ticking = w.tutorial.ticking
        w.tutorial.stop()
        self.lean.apply()
        self.loop.start()
        self.hours.start()
        if self.lock is not None:
            self.lock.install()

    def deactivate(self) -> None:
        if self.lock is not None:
            self.lock.uninstall()
        self.active = False
        self.hours.stop()
        self.hours.is_open = None
        self.loop.stop()
        self.lean.undo()
        if self._tutorial_was_ticking:
            self.window.tutorial.start()
        self.keep_awake(False)
        self.curtain.hide()
        self.pin_pad.close_pad()
        self.panel.hide()
        for widget in self._patient_widgets():
            widget.show()
        self.window.menuBar().setEnabled(True)
        self.panel.setMinimumWidth(0)
        self.panel.setMaximumWidth(_MAX_WIDTH)
        self.row.setDirection(QBoxLayout.Direction.LeftToRight)
        self.row.setContentsMargins(self._margins)

    def _patient_widgets(self) -> tuple[QWidget, ...]:
        """What the kiosk hides: small text and controls meant for one person at arm's length."""
        w = self.window
        return (w.caption, w.controls, w.keys_help, w.side_panel, w.menuBar(), w.figure_view.gauge)

    def leave(self) -> None:
        """Staff gave the PIN and chose to leave: exit with :data:`LEAVE_STATUS`."""
        if self.lock is not None:
            self.lock.leaving = True
        self.quit(LEAVE_STATUS)

    # -- reactions ----------------------------------------------------------------------------

    def _fit(self, size: QSize) -> None:
        """Side by side on a landscape screen, one above the other on a portrait one."""
        if not self.active:
            return
        portrait = size.height() > size.width()
        self.row.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        margin = round(_MARGIN_PX * screen_unit(size))
        self.row.setContentsMargins(margin, margin, margin, margin)
        self.row.setSpacing(margin)
        width = _MAX_WIDTH if portrait else round(size.width() * PANEL_SHARE)
        self.panel.setMaximumWidth(width)
        self.panel.setMinimumWidth(0 if portrait else width)
        self.panel.fit(size)

    def _on_open_changed(self, is_open: bool) -> None:
        self.keep_awake(is_open)
        if is_open:
            self.curtain.hide()
            self.loop.thaw()
        else:
            self.loop.freeze()
            self.curtain.close_until(self.hours.next_change)
        if self.pin_pad.isVisible():
            self.pin_pad.raise_()

    def _on_session_changed(self, *_: object) -> None:
        counter = self.window.tutorial.counter
        total = counter.plan.reps_per_set
        if self.loop.scene is not Scene.DEMO:
            self.panel.set_count("")
        elif counter.state is State.FINISHED:
            self.panel.set_count(tr("kiosk.done"))
        else:
            self.panel.set_count(tr("kiosk.rep_of", n=min(counter.reps_in_set + 1, total), total=total))
