"""Hands-free parts of a guided session: the symptom question asked aloud (and again every
20 s until answered), and keys 1/2/3 to answer it.

The question is asked once the rest is over (or after the last set) and the check has not
been answered: the next set never starts before the answer. The timing is a
:class:`~flossgui.model.cues.Reminder` read from the tutorial's monotonic clock, on each frame
and, since the tutorial draws no frames while it waits, on a slow timer of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

from flossgui.audio.voice import LEG_QUESTION, SESSION_CLIPS
from flossgui.model.cues import CueKind, Reminder
from flossgui.ui.session.audio import CuePlayer
from flossgui.ui.session.guided import GuidedSession, Stage
from flossgui.ui.session.symptom_check import SymptomCheck
from flossgui.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

ANSWER_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3)
CHECK_INTERVAL_MS = 250  # how often a waiting question looks at the clock (the repeat is every 20 s)


class SpokenQuestion(QObject):
    """Says the symptom question while it waits for its answer, and the answer back once given."""

    def __init__(self, guided: GuidedSession, player: CuePlayer, checks: Sequence[SymptomCheck]) -> None:
        super().__init__(guided)
        self.guided = guided
        self.player = player
        self.checks = tuple(checks)
        self.asked = 0  # times asked in this wait
        self._reminder: Reminder | None = None
        self._prev_now: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self._check)
        guided.tutorial.frame_changed.connect(self._check)
        guided.stage_changed.connect(self._run_timer)  # asking waits for the frame: its cues are said first
        guided.answered_changed.connect(self._on_answered)

    @property
    def waiting(self) -> bool:
        """The question is open with nothing else going on, and nobody is choosing what to do about "worse"."""
        if self.guided.waiting_since is None:
            return False
        return not any(c.isVisible() and c.showing_advice for c in self.checks)

    def _run_timer(self, *_args: object) -> None:
        asking = self.guided.asking
        if asking != self._timer.isActive():
            self._timer.start() if asking else self._timer.stop()

    def _check(self, *_args: object) -> None:
        self._run_timer()
        since = self.guided.waiting_since
        if not self.waiting or since is None:
            self._reminder = self._prev_now = None
            return
        if self._reminder is None or self._reminder.started_at != since:
            self._reminder, self._prev_now, self.asked = Reminder(since), None, 0
        now = self.guided.tutorial.clock()
        if self._reminder.between(self._prev_now, now):
            self.asked += 1
            self.player.say(SESSION_CLIPS[CueKind.QUESTION])
        self._prev_now = now

    def _on_answered(self) -> None:
        self._run_timer()  # asking waits for the frame, whose own cues come first
        answer = self.guided.last_answer
        if self.guided.answered and answer is not None:
            self.player.say_answer(answer[0])
            if self.guided.stage in (Stage.REST, Stage.FINISHED):  # the leg check now shows (not before a set)
                self.player.say(LEG_QUESTION)


def press_answer(checks: Sequence[SymptomCheck], index: int) -> bool:
    """Click the ``index``-th button (0-based) of the visible check's current page, as the key 1/2/3 does."""
    for check in checks:
        if check.isVisible():
            page = check.choices if check.showing_advice else check.answers
            buttons: list[QPushButton] = list(page.values())
            if index < len(buttons):
                buttons[index].click()
                return True
    return False


def add_answer_keys(window: MainWindow, checks: Sequence[SymptomCheck]) -> list[QAction]:
    """Keys 1, 2 and 3 answer the check on screen (better, same, worse; then the choices after "worse"),
    wherever focus is in the window; they do nothing while no check is shown."""
    actions = []
    for index, key in enumerate(ANSWER_KEYS):
        action = QAction(window)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setAutoRepeat(False)
        action.triggered.connect(lambda _checked=False, i=index: press_answer(checks, i))
        window.addAction(action)
        actions.append(action)
    return actions
