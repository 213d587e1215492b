"""The main window: the figure with its caption, a transport bar that is always on screen, and a
side sheet (reps and sets; the patient's set-up) that can be hidden. View, Playback and Help menus,
plus the menus of the current mode.

Layout (fits 1024×600 with a window manager, and 1280×720 at 150 % scale)::

    ┌ caption: step, instruction, "Imagine a string", "My symptoms increased" ┬ side sheet ┐
    │ stage: pages (the figure, or a guided page) | what a mode adds           │ (tabs)     │
    ├ transport: scrub · previous · play · next · speed · session · set-up ───┴────────────┤
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QImage, QKeySequence, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from flossgui import __version__
from flossgui.ui.figure.caption import CaptionPanel
from flossgui.ui.figure.figure_view import FigureView
from flossgui.ui.figure.string_shape import StringSource
from flossgui.ui.patient.controls import PlaybackControls
from flossgui.ui.patient.counter import CounterPanel
from flossgui.ui.patient.safety import SAFETY_SEEN_KEY, Choice, SafetyCard, SymptomsDialog
from flossgui.ui.patient.setup_panel import SetupPanel
from flossgui.ui.shell.actions import ActionSpec, keep_field_keys, key_text, make_action
from flossgui.ui.shell.language_menu import language_menu
from flossgui.ui.shell.modes import Mode
from flossgui.ui.shell.settings import open_settings
from flossgui.ui.shell.tutorial import Tutorial
from flossgui.ui.theme import palette, style
from flossgui.ui.theme.tr import tr

if TYPE_CHECKING:
    from flossgui.ui.shell.about_model import AboutModelDialog

GEOMETRY_KEY = "window/geometry"
SIDE_SHEET_KEY = "window/side_sheet"
TEXT_SCALE_KEY = "window/text_scale"
#: Smallest window that still shows the figure and every control a patient needs (logical pixels).
MINIMUM_SIZE = QSize(760, 500)


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area, so its height never sets the window's minimum."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class MainWindow(QMainWindow):
    """The tutorial window for one :class:`Tutorial`, in one of several modes.

    What lies over it follows :attr:`resized`, and :attr:`close_guard` may keep it open, so
    nothing needs an event filter on the window, which would also see each frame's update
    request (the kiosk draws 60 a second)."""

    #: The window's new size, after each resize.
    resized = Signal(QSize)

    def __init__(self, tutorial: Tutorial, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tutorial = tutorial
        self.settings = settings if settings is not None else open_settings()
        self.setWindowTitle(tr("app.title"))
        self.setMinimumSize(MINIMUM_SIZE)
        #: Asked before the window closes; True keeps it open (the guard then asks the user itself).
        self.close_guard: Callable[[], bool] | None = None

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
        self.caption.add_button(self.symptoms_button)
        self.safety_card: SafetyCard | None = None
        self.symptoms_dialog: SymptomsDialog | None = None
        self.about_model_dialog: AboutModelDialog | None = None
        self._help_boxes: dict[str, QMessageBox] = {}

        self.pages = QStackedWidget()  # the figure, or pages that stand in for it (e.g. a guided rest)
        self.pages.addWidget(self.figure_view)
        self._page_areas: dict[QWidget, QScrollArea] = {}
        self.stage = QSplitter(Qt.Orientation.Horizontal)  # the pages, and whatever a mode puts beside them
        self.stage.setChildrenCollapsible(False)
        self.stage.addWidget(self.pages)
        main = QVBoxLayout()
        main.addWidget(self.caption)
        main.addWidget(self.stage, 1)

        self.keys_help = QLabel()
        self.keys_help.setObjectName("muted")
        self.keys_help.setWordWrap(True)
        session_tab = QWidget()
        self.session_layout = QVBoxLayout(session_tab)  # a mode may add the session's plan here
        self.session_layout.addWidget(self.counter_panel)
        self.session_layout.addWidget(self.safety_button)
        self.session_layout.addWidget(self.keys_help)
        self.session_layout.addStretch(1)
        setup_tab = QWidget()
        setup_layout = QVBoxLayout(setup_tab)
        setup_layout.addWidget(self.setup_panel)
        setup_layout.addStretch(1)
        self.side_panel = QTabWidget()
        self.side_panel.setAccessibleName(tr("side_sheet.button"))
        self.side_panel.addTab(scrolling(session_tab), tr("side_sheet.session"))
        self.side_panel.addTab(scrolling(setup_tab), tr("side_sheet.setup"))
        self.side_panel.setFixedWidth(self.fontMetrics().horizontalAdvance("M") * 26)

        central = QWidget()
        outer = QVBoxLayout(central)
        self.row = QHBoxLayout()  # the main column and the side sheet (a mode may rearrange it)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addLayout(main, 1)
        self.row.addWidget(self.side_panel)
        outer.addLayout(self.row, 1)
        outer.addWidget(self.controls)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        self.modes: dict[str, Mode] = {}
        self.mode: Mode | None = None
        self._unbuilt: list[Callable[[], object]] | None = []  # see later(); None once all is built
        self.side_sheet_action.setChecked(self.settings.value(SIDE_SHEET_KEY, True, type=bool))
        self.side_sheet_action.toggled.connect(self._on_side_sheet_toggled)
        self.controls.add_trailing(self.side_sheet_button())

        self.figure_view.figure.set_movement(tutorial.movement)
        self.figure_view.figure.show_frame(tutorial.frame)
        tutorial.frame_changed.connect(self.figure_view.figure.show_frame)
        tutorial.movement_changed.connect(self.figure_view.figure.set_movement)
        self.safety_button.clicked.connect(self.show_safety_card)
        self.symptoms_button.clicked.connect(self.report_symptoms)

    # -- actions and menus ----------------------------------------------------------------------

    def _build_actions(self) -> None:
        t = self.tutorial
        specs = {
            "play_pause": ActionSpec("action.play_pause", (Qt.Key.Key_Space,), t.toggle, auto_repeat=False),
            "previous_step": ActionSpec("action.previous_step", (Qt.Key.Key_Left,), lambda: t.step_phase(-1)),
            "next_step": ActionSpec("action.next_step", (Qt.Key.Key_Right,), lambda: t.step_phase(+1)),
            "faster": ActionSpec("action.faster", (Qt.Key.Key_Up,), lambda: t.step_speed(+1)),
            "slower": ActionSpec("action.slower", (Qt.Key.Key_Down,), lambda: t.step_speed(-1)),
            "more_range": ActionSpec("action.more_range", ("+", "="), lambda: t.step_range(+1)),
            "less_range": ActionSpec("action.less_range", ("-",), lambda: t.step_range(-1)),
            "fullscreen": ActionSpec("action.fullscreen", (Qt.Key.Key_F11,), self.toggle_fullscreen, False),
        }
        #: The Playback actions, by name; their keys work in every mode that ``uses_playback``.
        self.playback_actions: dict[str, QAction] = {name: make_action(self, spec) for name, spec in specs.items()}
        self._playback_keys = {name: a.shortcuts() for name, a in self.playback_actions.items()}
        text_specs = {
            "larger": ActionSpec("action.text_larger", ("Ctrl++", "Ctrl+="), lambda: self.step_text_scale(+1)),
            "smaller": ActionSpec("action.text_smaller", ("Ctrl+-",), lambda: self.step_text_scale(-1)),
            "normal": ActionSpec("action.text_normal", ("Ctrl+0",), lambda: self.set_text_scale(1.0)),
        }
        self.text_actions = {name: make_action(self, spec) for name, spec in text_specs.items()}
        self.side_sheet_action = QAction(tr("action.side_sheet"), self)
        self.side_sheet_action.setCheckable(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.view_menu = bar.addMenu(tr("menu.view"))
        self.mode_actions = QActionGroup(self)
        self._mode_separator = self.view_menu.addSeparator()
        self.view_menu.addAction(self.side_sheet_action)
        self.view_menu.addAction(self.playback_actions["fullscreen"])
        self.view_menu.addSeparator()
        for action in self.text_actions.values():
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.language_menu = language_menu(self, self.settings, self.caption.show_notice)
        self.view_menu.addMenu(self.language_menu)
        self.playback_menu = QMenu(tr("menu.playback"), self)
        for name, action in self.playback_actions.items():
            if name != "fullscreen":
                self.playback_menu.addAction(action)
        self.help_menu = QMenu(tr("menu.help"), self)
        self.help_menu.addAction(tr("help.exercise"), self.show_exercise_help)
        self.help_menu.addAction(tr("help.keys"), self.show_keys_help)
        self.help_menu.addAction(tr("help.safety"), self.show_safety_card)
        self.help_menu.addAction(tr("nerve.about.title"), self.show_about_model)
        self.help_menu.addAction(tr("help.about"), self.show_about)
        bar.addMenu(self.help_menu)
        self._mode_menus: list[QAction] = []

    def side_sheet_button(self) -> QPushButton:
        """The transport bar's button that shows or hides the side sheet."""
        button = QPushButton(tr("side_sheet.button"))
        button.setCheckable(True)
        button.setAccessibleName(tr("action.side_sheet").replace("&", ""))
        button.setChecked(self.side_sheet_action.isChecked())
        button.toggled.connect(self.side_sheet_action.setChecked)
        self.side_sheet_action.toggled.connect(button.setChecked)
        return button

    def _on_side_sheet_toggled(self, shown: bool) -> None:
        self.side_panel.setVisible(shown and (self.mode is None or self.mode.uses_playback))
        self.settings.setValue(SIDE_SHEET_KEY, shown)

    # -- building in two stages ----------------------------------------------------------------

    def later(self, build: Callable[[], object]) -> None:
        """Call ``build`` (which makes a part of the window that is not on screen at start, e.g. a
        guided page) in :meth:`finish_building`, or now if that has been called."""
        if self._unbuilt is None:
            build()
        else:
            self._unbuilt.append(build)

    def finish_building(self) -> None:
        """Build what :meth:`later` put off, in order (the app calls this just after the first
        paint, so the window shows sooner; anything that needs those parts calls it first). Then
        the number fields, those built later included, get to keep their keys."""
        if self._unbuilt is None:
            return
        while self._unbuilt:
            self._unbuilt.pop(0)()
        self._unbuilt = None
        keep_field_keys(self)

    # -- modes --------------------------------------------------------------------------------

    def add_mode(self, mode: Mode) -> None:
        """Make ``mode`` available to :meth:`change_mode` under its name (and in the View menu if titled)."""
        self.modes[mode.name] = mode
        if mode.title_key is not None:
            action = QAction(tr(mode.title_key), self)
            action.setCheckable(True)
            action.setData(mode.name)
            self.view_menu.insertAction(self._mode_separator, action)
            self.mode_actions.addAction(action)
            action.triggered.connect(lambda: self.change_mode(mode.name))
        for action, _key in mode.shortcuts():
            action.setShortcut(QKeySequence())

    def change_mode(self, name: str) -> None:
        """Switch to the mode called ``name`` (KeyError if there is none)."""
        mode = self.modes[name]
        if mode is self.mode:
            return
        if self.mode is not None:
            for action, _key in self.mode.shortcuts():
                action.setShortcut(QKeySequence())
            self.mode.deactivate()
        self.mode = mode
        self.side_panel.setVisible(self.side_sheet_action.isChecked() and mode.uses_playback)
        mode.activate()
        self._show_mode_menus(mode)
        self._update_keys()
        for action in self.mode_actions.actions():
            action.setChecked(action.data() == name)

    def _show_mode_menus(self, mode: Mode) -> None:
        bar = self.menuBar()
        for action in self._mode_menus:
            bar.removeAction(action)
        menus = ([self.playback_menu] if mode.uses_playback else []) + mode.menus()
        self._mode_menus = [menu.menuAction() for menu in menus]
        bar.insertActions(self.help_menu.menuAction(), self._mode_menus)

    def _update_keys(self) -> None:
        """The current mode's keys first; Playback keys the mode also uses are left to the mode."""
        mode = self.mode
        own = {k.toString() for _a, k in mode.shortcuts()} if mode else set()
        for action, key in mode.shortcuts() if mode else []:
            action.setShortcut(key)
        for name, action in self.playback_actions.items():
            keys = [k for k in self._playback_keys[name] if k.toString() not in own]
            action.setShortcuts(keys if mode is None or mode.uses_playback else [])
        self.keys_help.setText(tr("keys.help"))

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # -- text size ----------------------------------------------------------------------------

    @property
    def text_scale(self) -> float:
        return style.text_scale()

    def set_text_scale(self, scale: float) -> None:
        """Text at ``scale`` × the system's size (within :data:`style.TEXT_SCALE_RANGE`), remembered."""
        scale = style.set_text_scale(QApplication.instance(), scale)
        self.settings.setValue(TEXT_SCALE_KEY, scale)
        self.side_panel.setFixedWidth(self.fontMetrics().horizontalAdvance("M") * 26)

    def step_text_scale(self, steps: int) -> None:
        self.set_text_scale(round(self.text_scale + steps * style.TEXT_SCALE_STEP, 2))

    def restore_view(self) -> bool:
        """Text size and geometry as the user left them; False if there was no geometry to restore."""
        scale = self.settings.value(TEXT_SCALE_KEY, 1.0)
        try:
            scale = float(scale)
        except (TypeError, ValueError):
            scale = 1.0
        if scale != style.text_scale():
            self.set_text_scale(scale)
        geometry = self.settings.value(GEOMETRY_KEY)
        return isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)

    # -- pages --------------------------------------------------------------------------------

    def add_page(self, page: QWidget) -> None:
        """A page that can stand in for the figure (scrolls if the window is short)."""
        self._page_areas[page] = area = scrolling(page)
        self.pages.addWidget(area)

    def show_page(self, page: QWidget | None) -> None:
        """Show ``page`` (added with :meth:`add_page`), or the figure for None."""
        self.pages.setCurrentWidget(self._page_areas.get(page, self.figure_view) if page else self.figure_view)

    def current_page(self) -> QWidget | None:
        """The page shown instead of the figure, or None."""
        shown = self.pages.currentWidget()
        return next((page for page, area in self._page_areas.items() if area is shown), None)

    def set_string_source(self, source: StringSource) -> None:
        """Draw the string from ``source`` (e.g. the calibrated nerve model) from now on."""
        self.figure_view.figure.set_string_source(source)

    # -- help ---------------------------------------------------------------------------------

    def show_about_model(self) -> None:
        """The model's sources and inferences, and how the picture exaggerates it (not modal)."""
        if self.about_model_dialog is None:
            from flossgui.ui.shell.about_model import AboutModelDialog  # its figures need NumPy: not at start-up

            self.about_model_dialog = AboutModelDialog(self)
        self.about_model_dialog.show()
        self.about_model_dialog.raise_()

    def _help_box(self, name: str, title: str, text: str) -> QMessageBox:
        """One reusable, non-modal message box per help topic (plain text)."""
        box = self._help_boxes.get(name)
        if box is None:
            box = self._help_boxes[name] = QMessageBox(QMessageBox.Icon.NoIcon, title, "", parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setWindowModality(Qt.WindowModality.NonModal)
        box.setText(text)
        box.show()
        box.raise_()
        return box

    def show_exercise_help(self) -> QMessageBox:
        return self._help_box("exercise", tr("help.exercise.title"), tr("help.exercise.text"))

    def show_keys_help(self) -> QMessageBox:
        actions = [*self.playback_actions.values(), *(a for a, _k in self.mode.shortcuts())] if self.mode else []
        actions += list(self.text_actions.values())
        lines = [f"{key_text(a)}\t{a.text().replace('&', '')}" for a in actions if key_text(a)]
        return self._help_box("keys", tr("help.keys.title"), "\n".join(lines))

    def show_about(self) -> QMessageBox:
        return self._help_box("about", tr("help.about.title"), tr("help.about.text", version=__version__))

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
        if self.safety_card is None:
            self.safety_card = SafetyCard(self)
            self.safety_card.finished.connect(self._on_safety_card_closed)
        self.safety_card.open()

    def _on_safety_card_closed(self) -> None:
        self.settings.setValue(SAFETY_SEEN_KEY, True)
        self.settings.sync()

    def report_symptoms(self) -> None:
        """Hold still and offer: make the movement smaller, stop for today, or carry on (unless a guided
        session's check is open: it asks the same)."""
        if not self.tutorial.symptoms_increased():
            return
        if self.symptoms_dialog is None:
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
        else:
            self.tutorial.carry_on()

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit(event.size())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and self.close_guard():
            event.ignore()
            return
        if not self.isFullScreen():
            self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.tutorial.stop()
        super().closeEvent(event)
