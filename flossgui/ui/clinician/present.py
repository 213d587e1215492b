"""Presenting to a patient beside you: the figure alone, full screen, readable from 2 m.

The exercise shown fills the screen with its name above it (in its own colour) and, below it, what
its pose shows right now ("knee straight, sitting tall, looking up, toes up"), so a frozen figure
and its caption always agree. C puts the exercise compared with beside it, in step (the same
moment of the rep, the same set-up). Keys: ← → step, Space play or pause, ↑ ↓ speed, C side by
side, M mirror, Esc or F5 back to the clinician view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from flossgui.model.exercise import Exercise
from flossgui.model.motion import Frame, Movement
from flossgui.model.pose_words import pose_words
from flossgui.ui.clinician.colours import KIND_COLOURS
from flossgui.ui.figure.figure_view import FigureView
from flossgui.ui.shell.tutorial import Tutorial
from flossgui.ui.theme import palette, style
from flossgui.ui.theme.tr import tr

TITLE_SCALE = 2.0
CAPTION_SCALE = 2.2
CAPTION_LINES = 3  # room for the longest caption side by side, so both figures get the same size


def pose_caption(frame: Frame) -> str:
    """What the figure's pose shows, as one sentence."""
    pose = frame.pose
    words = [tr(key) for key in pose_words({j: getattr(pose, j) for j in ("neck", "trunk", "knee", "ankle")})]
    text = ", ".join(words)
    return text[:1].upper() + text[1:] + "."


class _Panel(QWidget):
    """One exercise: its name in its colour, the figure, and what the pose shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        style.set_font(self.title, TITLE_SCALE, bold=True)
        self.view = FigureView()
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        style.set_font(self.caption, CAPTION_SCALE, bold=True)
        self.caption.setFixedHeight(self.caption.fontMetrics().lineSpacing() * CAPTION_LINES + 8)  # panels align
        self.title.setFixedHeight(self.title.fontMetrics().lineSpacing() * 2 + 8)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        self.movement: Movement | None = None

    def show_movement(self, movement: Movement) -> None:
        self.movement = movement
        kind = movement.exercise.kind
        self.title.setText(tr(movement.exercise.title))
        self.title.setStyleSheet(f"color: {KIND_COLOURS.get(kind, palette.TEXT)};")
        self.view.figure.set_movement(movement)

    def show_frame(self, frame: Frame) -> None:
        self.view.figure.show_frame(frame)
        self.caption.setText(pose_caption(frame))


class PresentView(QWidget):
    """The figure-only view of a :class:`Tutorial`, optionally beside the exercise compared with."""

    closed = Signal()
    mirror_requested = Signal()

    def __init__(self, tutorial: Tutorial, compared: Exercise | None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("clinician.present"))
        self.setStyleSheet(f"background: {palette.BACKGROUND};")
        self.tutorial = tutorial
        self.compared_exercise = compared
        self.shown = _Panel()
        self.beside = _Panel()
        self.beside.hide()
        self.hint = QLabel(tr("present.keys"))
        self.hint.setObjectName("muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addWidget(self.shown, 1)
        row.addWidget(self.beside, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.hint)
        tutorial.movement_changed.connect(self._on_movement_changed)
        tutorial.frame_changed.connect(self._on_frame_changed)
        self._on_movement_changed(tutorial.movement)
        self._on_frame_changed(tutorial.frame)

    @property
    def side_by_side(self) -> bool:
        return not self.beside.isHidden()

    def set_side_by_side(self, on: bool) -> None:
        """Show the exercise compared with beside the one shown (if there is one to compare)."""
        self.beside.setVisible(on and self.compared_exercise is not None)
        self._on_movement_changed(self.tutorial.movement)
        self._on_frame_changed(self.tutorial.frame)

    def set_mirrored(self, mirrored: bool) -> None:
        for panel in (self.shown, self.beside):
            panel.view.set_mirrored(mirrored)

    def _on_movement_changed(self, movement: Movement) -> None:
        self.shown.show_movement(movement)
        if self.compared_exercise is not None:
            self.beside.show_movement(Movement(self.compared_exercise, movement.setup))

    def _on_frame_changed(self, frame: Frame) -> None:
        self.shown.show_frame(frame)
        if self.side_by_side and self.beside.movement is not None:
            self.beside.show_frame(self.beside.movement.frame(frame.cycles))  # in step: the same moment

    def keyPressEvent(self, event: QKeyEvent) -> None:
        t, key = self.tutorial, Qt.Key(event.key())
        actions = {
            Qt.Key.Key_Left: lambda: t.step_phase(-1), Qt.Key.Key_Right: lambda: t.step_phase(+1),
            Qt.Key.Key_Space: t.toggle, Qt.Key.Key_Up: lambda: t.step_speed(+1),
            Qt.Key.Key_Down: lambda: t.step_speed(-1),
            Qt.Key.Key_C: lambda: self.set_side_by_side(not self.side_by_side),
            Qt.Key.Key_M: self.mirror_requested.emit, Qt.Key.Key_Escape: self.close, Qt.Key.Key_F5: self.close,
        }  # fmt: skip
        action = actions.get(key)
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tutorial.movement_changed.disconnect(self._on_movement_changed)
        self.tutorial.frame_changed.disconnect(self._on_frame_changed)
        super().closeEvent(event)
        self.closed.emit()
