"""The main window: the figure with captions and controls, and a side panel of counter,
set-up and safety; View and Help menus. Which parts show, and which keys work, is up to the
current mode (the View menu switches between the modes that have a title)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QActionGroup, QCloseEvent, QColor, QImage, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from flossgui.ui.clinician.mode import ClinicianMode
from flossgui.ui.figure.caption import CaptionPanel
from flossgui.ui.figure.figure_view import FigureView
from flossgui.ui.figure.string_shape import StringSource
from flossgui.ui.patient.controls import PlaybackControls
from flossgui.ui.patient.counter import CounterPanel
from flossgui.ui.patient.safety import SAFETY_SEEN_KEY, Choice, SafetyCard, SymptomsDialog
from flossgui.ui.patient.setup_panel import SetupPanel
from flossgui.ui.shell.modes import Mode, ModeAction, PatientMode
from flossgui.ui.shell.settings import open_settings
from flossgui.ui.shell.tutorial import Tutorial
from flossgui.ui.theme import palette
from flossgui.ui.theme.tr import tr

if TYPE_CHECKING:
    from flossgui.ui.shell.about_model import AboutModelDialog


class MainWindow(QMainWindow):
    """The tutorial window for one :class:`Tutorial`, in one of several modes."""

    def __init__(self, tutorial: Tutorial, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tutorial = tutorial
        self.settings = settings if settings is not None else open_settings()
        self.setWindowTitle(tr("app.title"))

        self.figure_view = FigureView()
        self.figure_view.setAccessibleName(tr("title.floss"))
        self.caption = CaptionPanel(tutorial)
        self.controls = PlaybackControls(tutorial)
        self.counter_panel = CounterPanel(tutorial)
        self.setup_panel = SetupPanel(tutorial)
        self.safety_button = QPushButton(tr("safety.button"))
        self.symptoms_button = QPushButton(tr("symptoms.button"))
        self.symptoms_button.setObjectName("warning")
        for button in (self.safety_button, self.symptoms_button):
            button.setAccessibleName(button.text())
        self.keys_help = QLabel(tr("keys.help"))
        self.keys_help.setObjectName("muted")
        self.keys_help.setWordWrap(True)
        self.safety_card: SafetyCard | None = None
        self.symptoms_dialog: SymptomsDialog | None = None
        self.about_model_dialog: AboutModelDialog | None = None

        self.pages = QStackedWidget()  # the figure, or pages that stand in for it (e.g. a guided rest)
        self.pages.addWidget(self.figure_view)
        self.stage = QSplitter(Qt.Orientation.Horizontal)  # the pages, and whatever a mode puts beside them
        self.stage.setChildrenCollapsible(False)
        self.stage.addWidget(self.pages)
        main = QVBoxLayout()
        main.addWidget(self.caption)
        main.addWidget(self.stage, 1)
        main.addWidget(self.controls)
        main.addWidget(self.keys_help)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.symptoms_button)
        side_layout.addWidget(self.counter_panel)
        side_layout.addWidget(self.setup_panel)
        side_layout.addWidget(self.safety_button)
        side_layout.addStretch(1)
        self.side_layout = side_layout
        self.side_panel = QScrollArea()
        self.side_panel.setWidget(side)
        self.side_panel.setWidgetResizable(True)
        self.side_panel.setFrameShape(QScrollArea.Shape.NoFrame)
        self.side_panel.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_panel.setFixedWidth(self.fontMetrics().horizontalAdvance("M") * 26)
        central = QWidget()
        row = QHBoxLayout(central)
        row.addLayout(main, 1)
        row.addWidget(self.side_panel)
        self.setCentralWidget(central)

        self.view_menu = self.menuBar().addMenu(tr("menu.view"))
        self.mode_actions = QActionGroup(self)
        help_menu = self.menuBar().addMenu(tr("menu.help"))
        help_menu.addAction(tr("nerve.about.title"), self.show_about_model)

        self.modes: dict[str, Mode] = {}
        self.mode: Mode | None = None
        self._keys: dict[Qt.Key, ModeAction] = {}
        self._extra_keys: dict[Qt.Key, ModeAction] = {}
        self.add_mode(PatientMode(self))
        self.add_mode(ClinicianMode(self))
        self.change_mode("patient")

        self.figure_view.figure.set_movement(tutorial.movement)
        self.figure_view.figure.show_frame(tutorial.frame)
        tutorial.frame_changed.connect(self.figure_view.figure.show_frame)
        tutorial.movement_changed.connect(self.figure_view.figure.set_movement)
        self.safety_button.clicked.connect(self.show_safety_card)
        self.symptoms_button.clicked.connect(self.report_symptoms)

    # -- modes --------------------------------------------------------------------------------

    def add_mode(self, mode: Mode) -> None:
        """Make ``mode`` available to :meth:`change_mode` under its name (and in the View menu if titled)."""
        self.modes[mode.name] = mode
        if mode.title_key is not None:
            action = self.view_menu.addAction(tr(mode.title_key))
            action.setCheckable(True)
            action.setData(mode.name)
            self.mode_actions.addAction(action)
            action.triggered.connect(lambda: self.change_mode(mode.name))

    def change_mode(self, name: str) -> None:
        """Switch to the mode called ``name`` (KeyError if there is none)."""
        mode = self.modes[name]
        if mode is self.mode:
            return
        if self.mode is not None:
            self.mode.deactivate()
        self.mode = mode
        mode.activate()
        self._update_keys()
        for action in self.mode_actions.actions():
            action.setChecked(action.data() == name)

    def add_key_action(self, action: ModeAction) -> None:
        """Answer ``action``'s keys in every mode (e.g. M to mute, added by the guided session)."""
        self._extra_keys |= dict.fromkeys(action.keys, action)
        self._update_keys()

    def _update_keys(self) -> None:
        """The current mode's keys, then the window-wide ones it does not use (the mode wins)."""
        mode_keys = {key: action for action in self.mode.actions() for key in action.keys} if self.mode else {}
        self._keys = self._extra_keys | mode_keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys the focused control did not use go to the mode's actions."""
        action = self._keys.get(Qt.Key(event.key()))
        if action is None or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            super().keyPressEvent(event)
            return
        action.handler()
        event.accept()

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def set_string_source(self, source: StringSource) -> None:
        """Draw the string from ``source`` (e.g. the calibrated nerve model) from now on."""
        self.figure_view.figure.set_string_source(source)

    def show_about_model(self) -> None:
        """The model's sources and inferences, and how the picture exaggerates it (not modal)."""
        if self.about_model_dialog is None:
            from flossgui.ui.shell.about_model import AboutModelDialog  # its figures need NumPy: not at start-up

            self.about_model_dialog = AboutModelDialog(self)
        self.about_model_dialog.show()
        self.about_model_dialog.raise_()

    # -- safety -------------------------------------------------------------------------------

    def maybe_show_safety_card(self) -> bool:
        """Show the safety card if it has never been seen here; True if it was shown."""
        if self.settings.value(SAFETY_SEEN_KEY, False, type=bool):
            return False
        self.show_safety_card()
        return True

    def show_safety_card(self) -> None:
        """Show the safety card (window-modal, not blocking); remember it was seen."""
        self.tutorial.pause()
        self.safety_card = SafetyCard(self)
        self.safety_card.finished.connect(self._on_safety_card_closed)
        self.safety_card.open()

    def _on_safety_card_closed(self) -> None:
        self.settings.setValue(SAFETY_SEEN_KEY, True)
        self.settings.sync()

    def report_symptoms(self) -> None:
        """Pause and offer: make the movement smaller, or stop for today."""
        self.tutorial.pause()
        self.symptoms_dialog = SymptomsDialog(self)
        self.symptoms_dialog.chosen.connect(self._on_symptoms_chosen)
        self.symptoms_dialog.open()

    def _on_symptoms_chosen(self, choice: Choice) -> None:
        if choice is Choice.SMALLER:
            if self.tutorial.make_smaller():
                self.caption.show_notice(tr("symptoms.smaller.done", percent=self.tutorial.range_percent))
            else:
                self.tutorial.stop_for_today()
                self.caption.show_notice(tr("symptoms.smaller.least"))
        elif choice is Choice.STOP:
            self.tutorial.stop_for_today()
            self.caption.show_notice(tr("symptoms.stop.done"))

    # -- pictures -----------------------------------------------------------------------------

    def render_image(self, size: QSize | None = None) -> QImage:
        """The whole window as an image of ``size`` (default: as it is).

        Asked for less than the window's minimum size, the window is drawn at its minimum and
        scaled down to fit, centred, so the picture is always the size asked for.
        """
        if size is None:
            return self.grab().toImage()
        self.resize(size)
        image = self.grab().toImage()
        if image.size() == size:
            return image
        scaled = image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        canvas = QImage(size, QImage.Format.Format_RGB32)
        canvas.fill(QColor(palette.BACKGROUND))
        painter = QPainter(canvas)
        painter.drawImage((size.width() - scaled.width()) // 2, (size.height() - scaled.height()) // 2, scaled)
        painter.end()
        return canvas

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tutorial.stop()
        super().closeEvent(event)
