"""What a guided session shows: the 3-2-1 over the figure, the rest with its check, the finish
with the check after the last set.

Each view reads a :class:`~flossgui.ui.session.guided.GuidedSession` (its model's stage) and its
tutorial and redraws on their signals; none keeps time or state of its own.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from flossgui.model.symptoms import Choice, Symptoms
from flossgui.ui.patient.red_flags import RedFlagsPanel
from flossgui.ui.session.guided import GuidedSession, Stage
from flossgui.ui.session.leg_check import LegCheck
from flossgui.ui.session.symptom_check import AFTER_LAST_SET, SymptomCheck
from flossgui.ui.theme import palette, style
from flossgui.ui.theme.tr import tr, trn

COUNTDOWN_SCALE = 7.0
REST_SCALE = 4.0


def _label(text: str = "", scale: float = style.TITLE_SCALE, *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    style.set_font(label, scale, bold=bold)
    return label


class CountdownOverlay(QLabel):
    """A large 3, 2, 1 in the corner of the figure while the session counts in."""

    def __init__(self, guided: GuidedSession, over: QWidget) -> None:
        super().__init__(over)
        self.setObjectName("countdown")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        style.set_font(self, COUNTDOWN_SCALE, bold=True)
        self.setStyleSheet(f"color: {palette.ACCENT}; background: transparent; padding: 0.1em 0.4em;")
        self.hide()
        over.installEventFilter(self)
        guided.countdown_changed.connect(self._on_countdown_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def _on_countdown_changed(self, number: int) -> None:
        self.setText(str(number) if number else "")
        self.setAccessibleName(tr("guided.get_ready"))
        self.setGeometry(self.parentWidget().rect())
        self.setVisible(number > 0)
        self.raise_()


class RestPage(QWidget):
    """The rest between sets: seconds left, the next set, the symptom check, and "start now"."""

    def __init__(self, guided: GuidedSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guided = guided
        self.title = _label(tr("guided.rest.title"), style.CAPTION_SCALE, bold=True)
        self.seconds = _label("", REST_SCALE, bold=True)
        self.next_set = _label()
        self.next_set.setObjectName("muted")
        self.leg = LegCheck()  # after the check is answered: the leg score and where
        self.leg_given = False
        self.leg_warning = _label(tr("leg.warning"))
        self.leg_warning.setObjectName("notice")
        self.red_flags = RedFlagsPanel()
        self.check = SymptomCheck()
        self.status = _label()
        self.status.setObjectName("notice")
        self.skip_button = QPushButton(tr("guided.rest.skip"))
        self.skip_button.setObjectName("primary")
        self.skip_button.setAccessibleName(tr("guided.rest.skip"))
        style.set_font(self.skip_button, style.TITLE_SCALE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.seconds)
        layout.addWidget(self.next_set)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.check)
        layout.addWidget(self.leg)
        layout.addWidget(self.leg_warning)
        layout.addWidget(self.red_flags)
        layout.addWidget(self.status)
        layout.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

        self.check.answered.connect(guided.answer)
        self.leg.answered.connect(self._on_leg_answered)
        self.skip_button.clicked.connect(guided.next_set_now)
        guided.worse_requested.connect(self._on_worse_requested)
        guided.stage_changed.connect(self._on_stage_changed)
        guided.answered_changed.connect(self.refresh)
        guided.tutorial.session_changed.connect(self.refresh)

    def _on_stage_changed(self, stage: Stage) -> None:
        if stage is Stage.REST:
            self.check.reset()
            self.leg.reset()
            self.leg_given = False
            self.leg_warning.hide()
            self.red_flags.hide()
        self.refresh()

    def _on_leg_answered(self, score: int, spread: object) -> None:
        """Spreading or stronger: say so ("do less") and show the red flags again."""
        warning = self.guided.record_leg(score, spread)
        self.leg_given = True
        self.leg_warning.setVisible(warning)
        self.red_flags.setVisible(warning)
        self.refresh()

    def _on_worse_requested(self) -> None:
        if self.guided.stage in (Stage.REST, Stage.CHECK):
            self.check.show_worse()

    def refresh(self) -> None:
        """Redraw from the session (every tick of the rest, and when the check is answered)."""
        g = self.guided
        if g.stage not in (Stage.REST, Stage.CHECK):
            return
        left = math.ceil(g.tutorial.rest_remaining())
        self.seconds.setText(tr("guided.rest.seconds", seconds=left))
        self.seconds.setVisible(left > 0)
        sets = g.tutorial.counter.plan.sets
        self.next_set.setText(tr("guided.rest.next", set=g.done_set + 2, sets=sets, side=tr(f"side.{g.next_side()}")))
        self.check.setVisible(not g.answered)
        self.leg.setVisible(g.answered and not self.leg_given)  # one question at a time: fits a small screen
        if g.answered:
            smaller = g.last_answer is not None and g.last_answer[1] is Choice.SMALLER
            key = "guided.rest.smaller" if smaller else "guided.rest.thanks"
            self.status.setText(tr(key, percent=f"{g.model.range_percent:g}"))
        elif g.waiting_for_answer:
            self.status.setText(tr("guided.rest.waiting"))
        else:
            self.status.setText(tr("guided.rest.answer_first"))
        self.skip_button.setVisible(g.answered)


class FinishPage(QWidget):
    """The end of a session: the check after the last set, then well done (or stopped), what was
    done, and the safety advice again."""

    def __init__(self, guided: GuidedSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guided = guided
        self.title = _label("", style.COUNTER_SCALE, bold=True)
        self.summary = _label("", style.CAPTION_SCALE)
        self.leg = LegCheck()  # after the last check is answered
        self.leg_given = False
        self.leg_warning = _label(tr("leg.warning"))
        self.leg_warning.setObjectName("notice")
        self.check = SymptomCheck(AFTER_LAST_SET)
        self.status = _label()
        self.status.setObjectName("notice")
        self.red_flags = RedFlagsPanel()  # again after a last set that made things worse
        self.reminder = _label(tr("guided.finish.reminder"), style.TITLE_SCALE, bold=True)
        self.advice = _label(tr("safety.stop"))
        self.advice.setObjectName("notice")
        self.again_button = QPushButton(tr("guided.start_again"))
        self.again_button.setObjectName("primary")
        self.back_button = QPushButton(tr("guided.finish.back"))
        for button in (self.again_button, self.back_button):
            button.setAccessibleName(button.text())
            style.set_font(button, style.TITLE_SCALE)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.check)
        layout.addWidget(self.leg)
        layout.addWidget(self.leg_warning)
        layout.addWidget(self.status)
        layout.addWidget(self.red_flags)
        layout.addSpacing(self.fontMetrics().height() * 2)
        layout.addWidget(self.reminder)
        layout.addWidget(self.advice)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.again_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.check.answered.connect(guided.answer)
        self.leg.answered.connect(self._on_leg_answered)
        guided.stage_changed.connect(self._on_stage_changed)
        guided.answered_changed.connect(self.refresh)
        guided.worse_requested.connect(self._on_worse_requested)

    def _on_stage_changed(self, stage: Stage) -> None:
        if stage is Stage.LAST_CHECK:
            self.check.reset()
            self.leg.reset()
            self.leg_given = False
            self.leg_warning.hide()
        self.refresh()

    def _on_leg_answered(self, score: int, spread: object) -> None:
        """Spreading or stronger after the last set: say so ("do less") and show the red flags again."""
        self.leg_warning.setVisible(self.guided.record_leg(score, spread))
        self.leg_given = True
        self.refresh()

    def _on_worse_requested(self) -> None:
        if self.guided.stage is Stage.LAST_CHECK:
            self.check.show_worse()

    def refresh(self) -> None:
        """Redraw from the session: the question while it is open, then the summary."""
        g = self.guided
        if g.stage not in (Stage.LAST_CHECK, Stage.FINISHED, Stage.STOPPED):
            return
        asking = g.stage is Stage.LAST_CHECK
        if g.stage is Stage.STOPPED:
            self.title.setText(tr("guided.finish.stopped_title"))
            self.summary.setText(trn("guided.finish.stopped", g.reps_done))
        elif asking:
            self.title.setText(tr("guided.finish.asking_title"))
        else:
            self.title.setText(tr("guided.finish.title"))
            self.summary.setText(
                tr(
                    "guided.finish.done",
                    reps=trn("count.reps", g.reps_done),
                    sets=trn("count.sets", g.programme.session_plan().sets),
                )
            )
        answer = g.last_answer if g.stage is Stage.FINISHED else None  # the last check's answer
        worse = answer is not None and answer[0] is Symptoms.WORSE
        if answer is not None and worse:
            self.status.setText(self._worse_advice(answer[1]))
        warning = self.leg_warning.isVisibleTo(self)
        self.check.setVisible(asking)
        self.leg.setVisible(g.stage is Stage.FINISHED and not self.leg_given)  # one question at a time
        self.status.setVisible(worse)
        self.red_flags.setVisible(worse or warning)
        for widget in (self.summary, self.reminder, self.advice, self.back_button):
            widget.setVisible(not asking)
        self.again_button.setVisible(not asking and not worse and not warning)  # not straight into another

    def _worse_advice(self, choice: Choice) -> str:
        """What happens after a last set that made things worse: a smaller next session, or leave it."""
        g = self.guided
        now, then = g.model.range_percent, g.programme.range_percent
        if choice is Choice.SMALLER and then < now:
            return tr("guided.finish.smaller", percent=f"{then:g}", now=f"{now:g}")
        return tr("guided.finish.leave")
