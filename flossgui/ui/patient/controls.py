"""Playback controls: play/pause, previous/next step, a scrub slider over one rep, and speed."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from flossgui.model.motion import Frame
from flossgui.ui.shell.tutorial import SPEED_STEPS, Tutorial
from flossgui.ui.theme.tr import tr

_SCRUB_STEPS = 1000


def speed_label(speed: float) -> str:
    """``"Slow (0.75×)"`` for a step, ``"Custom (0.3×)"`` otherwise."""
    key = f"speed.{speed:g}"
    name = tr(key) if speed in SPEED_STEPS else tr("speed.custom")
    return f"{name} ({speed:g}×)"


class PlayButton(QPushButton):
    """Play / Pause, always as wide as the wider of its two labels in its own font (bold, and
    scaled with the text size), so it neither jumps when pressed nor gets squeezed on a small screen."""

    def __init__(self, labels: tuple[str, str]) -> None:
        super().__init__(labels[0])
        self.labels = labels

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        wider = max(metrics.horizontalAdvance(label) for label in self.labels) - metrics.horizontalAdvance(self.text())
        return QSize(hint.width() + max(0, wider), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class PlaybackControls(QWidget):
    """Buttons, slider and speed choice for a :class:`Tutorial`."""

    def __init__(self, tutorial: Tutorial, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tutorial = tutorial

        self.play_button = PlayButton(("▶  " + tr("play"), "❚❚  " + tr("pause")))
        self.play_button.setObjectName("primary")
        self.previous_button = QPushButton("◀  " + tr("phase.previous"))
        self.next_button = QPushButton(tr("phase.next") + "  ▶")
        self.scrub = QSlider(Qt.Orientation.Horizontal)
        self.scrub.setRange(0, _SCRUB_STEPS - 1)
        self.scrub.setPageStep(_SCRUB_STEPS // 20)
        self.speed_box = QComboBox()
        self.tempo = QLabel()
        self.tempo.setObjectName("muted")
        speed_title = QLabel(tr("speed"))
        speed_title.setBuddy(self.speed_box)
        for widget, name in (
            (self.play_button, tr("play")), (self.previous_button, tr("phase.previous")),
            (self.next_button, tr("phase.next")), (self.scrub, tr("scrub")), (self.speed_box, tr("speed")),
        ):  # fmt: skip
            widget.setAccessibleName(name)

        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.play_button)
        row.addWidget(self.next_button)
        row.addSpacing(self.fontMetrics().horizontalAdvance("M"))
        row.addWidget(speed_title)
        row.addWidget(self.speed_box)
        row.addWidget(self.tempo)
        row.addStretch(1)
        self._row = row
        self._trailing_at = row.count()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scrub)
        layout.addLayout(row)

        self.play_button.clicked.connect(tutorial.toggle)
        self.previous_button.clicked.connect(lambda: tutorial.step_phase(-1))
        self.next_button.clicked.connect(lambda: tutorial.step_phase(+1))
        self.scrub.sliderMoved.connect(self._on_scrub_moved)
        self.scrub.actionTriggered.connect(self._on_scrub_action)
        self.speed_box.activated.connect(self._on_speed_chosen)
        tutorial.playback_changed.connect(self._on_playback_changed)
        tutorial.frame_changed.connect(self._on_frame_changed)
        self._on_playback_changed()
        self._on_frame_changed(tutorial.frame)

    def add_trailing(self, widget: QWidget, *, first: bool = False) -> None:
        """Put ``widget`` at the right end of the button row (e.g. "Start my session"), or first there."""
        self._row.insertWidget(self._trailing_at if first else self._row.count(), widget)

    def _fill_speeds(self) -> None:
        speeds = list(SPEED_STEPS)
        if self.tutorial.speed not in speeds:
            speeds = sorted([*speeds, self.tutorial.speed])
        if [self.speed_box.itemData(i) for i in range(self.speed_box.count())] != speeds:
            self.speed_box.clear()
            for s in speeds:
                self.speed_box.addItem(speed_label(s), s)
        self.speed_box.setCurrentIndex(speeds.index(self.tutorial.speed))

    def _on_playback_changed(self) -> None:
        playing = self.tutorial.playing
        self.play_button.setText(self.play_button.labels[playing])
        self.play_button.setAccessibleName(tr("pause") if playing else tr("play"))
        self.play_button.setEnabled(self.tutorial.can_play)  # not while a question waits for its answer
        self._fill_speeds()
        self.tempo.setText(tr("speed.tempo", seconds=self.tutorial.playback.seconds_per_rep))

    def showEvent(self, event: QShowEvent) -> None:
        self._on_frame_changed(self.tutorial.frame)  # nothing was followed while hidden
        super().showEvent(event)

    def _on_frame_changed(self, frame: Frame) -> None:
        if self.isHidden():
            return  # hidden on purpose (the kiosk): no work per frame
        if not self.scrub.isSliderDown():
            self.scrub.blockSignals(True)
            self.scrub.setValue(round(frame.phi * _SCRUB_STEPS) % _SCRUB_STEPS)
            self.scrub.blockSignals(False)

    def _on_scrub_moved(self, value: int) -> None:
        self.tutorial.seek_phi(value / _SCRUB_STEPS)

    def _on_scrub_action(self, action: int) -> None:
        """Keyboard and page clicks on the slider: seek to where it is going."""
        if action != QSlider.SliderAction.SliderMove:
            self.tutorial.seek_phi(self.scrub.sliderPosition() / _SCRUB_STEPS)

    def _on_speed_chosen(self, index: int) -> None:
        self.tutorial.set_speed(self.speed_box.itemData(index))
