"""The current step in large plain words, the "Imagine a string" explanation, and notices."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from flossgui.model.motion import Frame
from flossgui.model.session import State
from flossgui.ui.shell.tutorial import Tutorial
from flossgui.ui.theme import style
from flossgui.ui.theme.tr import tr, trn


class CaptionPanel(QWidget):
    """Follows a :class:`Tutorial`: step number and cue, or the rest and finished messages."""

    def __init__(self, tutorial: Tutorial, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tutorial = tutorial
        self.step = QLabel()
        self.step.setTextFormat(Qt.TextFormat.PlainText)  # may quote a file or its text
        self.step.setObjectName("muted")
        style.set_font(self.step, style.TITLE_SCALE)
        self.cue = QLabel()
        self.cue.setTextFormat(Qt.TextFormat.PlainText)  # may quote a file or its text
        self.cue.setWordWrap(True)
        self.cue.setAccessibleName(tr("step.of", n="", total="").strip())
        style.set_font(self.cue, style.CAPTION_SCALE, bold=True)
        self.cue.setMinimumHeight(self.cue.fontMetrics().lineSpacing() * 2 + 4)  # two lines: no jumping
        self.cue.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.string_button = QPushButton(tr("string.button"))
        self.string_button.setCheckable(True)
        self.string_button.setAccessibleName(tr("string.button"))
        self.string_text = QLabel(f"<b>{tr('string.short')}</b><br>{tr('string.long')}")
        self.string_text.setObjectName("notice")
        self.string_text.setWordWrap(True)
        self.string_text.hide()
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)  # may quote a file or its text
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self._words: Callable[[], str | None] | None = None

        top = QHBoxLayout()
        top.addWidget(self.step)
        top.addStretch(1)
        top.addWidget(self.string_button)
        self._top = top
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.cue)
        layout.addWidget(self.string_text)
        layout.addWidget(self.notice)

        self.string_button.toggled.connect(self._on_string_toggled)
        tutorial.frame_changed.connect(self._on_frame_changed)
        self._on_frame_changed(tutorial.frame)

    def add_button(self, button: QWidget) -> None:
        """Put ``button`` at the right of the step line (always on screen, beside "Imagine a string")."""
        self._top.addWidget(button)

    def set_words(self, words: Callable[[], str | None] | None) -> None:
        """Where the caption's words come from before the tutorial's own: ``words()`` returns the
        caption, or None to let the tutorial's show (e.g. a guided session's rest while its check
        waits: the tutorial alone would promise the next set in N seconds)."""
        self._words = words
        self.refresh()

    def refresh(self) -> None:
        """Redraw now (e.g. when the source of :meth:`set_words` changed between frames)."""
        self._on_frame_changed(self.tutorial.frame)

    def show_notice(self, text: str) -> None:
        """A message that stays until replaced or cleared (e.g. what to do after symptoms)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _on_string_toggled(self, shown: bool) -> None:
        self.string_text.setVisible(shown)
        self.string_button.setText(tr("string.hide") if shown else tr("string.button"))

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # nothing was followed while hidden
        super().showEvent(event)

    def _on_frame_changed(self, frame: Frame) -> None:
        if self.isHidden():
            return  # hidden on purpose (the kiosk's own caption takes over): no work per frame
        counter = self.tutorial.counter
        phases = self.tutorial.movement.exercise.phases
        at_start = not self.tutorial.playing and frame.phi < 1e-6
        step = tr("step.start") if at_start else tr("step.of", n=frame.phase_index + 1, total=len(phases))
        if self._words is not None and (words := self._words()) is not None:
            cue = words
        elif counter.state is State.RESTING:
            cue = trn("counter.rest_caption", math.ceil(self.tutorial.rest_remaining()))
        elif counter.state is State.FINISHED:
            cue = tr("counter.finished_caption")
        elif at_start:
            cue = tr("cue.start")  # held at the start pose
        else:
            cue = tr(frame.cue)  # "part way" when the range is reduced
        if cue != self.cue.text():
            self.cue.setText(cue)
        if step != self.step.text():
            self.step.setText(step)
