"""The patient window's home-session features, wired onto a :class:`MainWindow`.

A "Start my session" button and a Session menu (start, mute with M, history), the guided
pages (count-in over the figure, rest with the symptom check, finish), the programme builder,
and the handout and animation exports. The diary is opened here; if it cannot be, the window
still works and says so once.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMenu, QPushButton, QVBoxLayout

from flossgui.core.errors import InputError
from flossgui.diary.store import History
from flossgui.model.programme import Programme
from flossgui.ui.export.files import DEFAULT_FPS, DEFAULT_SIZE, FORMATS, export_bytes, write_export
from flossgui.ui.session.audio import CuePlayer
from flossgui.ui.session.guided import GuidedSession, Stage
from flossgui.ui.session.guided_view import CountdownOverlay, FinishPage, RestPage, caption_words
from flossgui.ui.session.programme_dialog import programme_action
from flossgui.ui.session.voice_coach import SoundBadge, SpokenQuestion, add_answer_keys
from flossgui.ui.shell.main_window import MainWindow
from flossgui.ui.theme.tr import tr, trn

if TYPE_CHECKING:
    from flossgui.ui.session.history_view import HistoryView

log = logging.getLogger(__name__)
MUTED_KEY = "audio/muted"


def open_history(opener: Callable[[], History] = History.open_default) -> tuple[History | None, str]:
    """The diary, or None and the reason it could not be opened."""
    try:
        return opener(), ""
    except (OSError, sqlite3.Error, InputError) as exc:
        log.warning("exercise history cannot be opened: %s", exc)
        return None, str(exc)


class PatientSession(QObject):
    """Guided sessions, diary, programme builder and exports for one patient window."""

    def __init__(
        self,
        window: MainWindow,
        programme: Programme | None = None,
        history: History | None = None,
        player: CuePlayer | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        tutorial = window.tutorial
        self.history = history
        self.player = player or CuePlayer(tutorial.movement.exercise, parent=self)
        self.player.set_muted(window.settings.value(MUTED_KEY, False, type=bool))
        self.guided = GuidedSession(tutorial, self.player, programme or Programme(), history, self)
        self.history_dialog: QDialog | None = None
        self.history_view: HistoryView | None = None

        self.overlay = CountdownOverlay(self.guided, window.figure_view)
        self.rest_page = RestPage(self.guided)
        self.finish_page = FinishPage(self.guided)
        window.add_page(self.rest_page)
        window.add_page(self.finish_page)
        checks = (self.rest_page.check, self.finish_page.check)
        self.spoken_question = SpokenQuestion(self.guided, self.player, checks)
        add_answer_keys(window, checks)
        self.sound_badge = SoundBadge(self.player)
        self.start_button = QPushButton(tr("guided.start"))
        self.start_button.setObjectName("primary")
        self.start_button.setAccessibleName(tr("guided.start"))
        self.plan_label = QLabel()
        self.plan_label.setObjectName("muted")
        self.plan_label.setWordWrap(True)
        window.controls.add_trailing(self.start_button, first=True)
        window.session_layout.insertWidget(0, self.plan_label)
        window.controls.add_trailing(self.sound_badge)
        self._show_plan()
        self._build_menus()

        self.start_button.clicked.connect(self.start)
        self.finish_page.again_button.clicked.connect(self.start)
        self.finish_page.back_button.clicked.connect(lambda: window.show_page(None))
        window.caption.set_words(lambda: caption_words(self.guided))
        self.guided.stage_changed.connect(self._on_stage_changed)
        self.guided.answered_changed.connect(self._on_answered)
        self.guided.history_failed.connect(self._on_history_failed)
        self.player.mutedChanged.connect(self._on_muted_changed)

    def _build_menus(self) -> None:
        """The Session and Export menus (the modes that offer them put them in the menu bar)."""
        w = self.window
        self.session_menu = session = QMenu(tr("menu.session"), w)
        self.start_action = session.addAction(tr("menu.start"), self.start)
        self.mute_action = session.addAction(tr("menu.mute"))  # its key (M) is the patient mode's
        self.mute_action.setCheckable(True)
        self.mute_action.setChecked(self.player.muted)
        self.mute_action.toggled.connect(self.player.set_muted)
        self._on_output_ready(self.player.has_sound)
        self.player.output_ready.connect(self._on_output_ready)
        self.history_action = session.addAction(tr("menu.history"), self.show_history)
        self.history_action.setEnabled(self.history is not None)
        self.programme_action = programme_action(w, lambda: self.guided.programme, self.use_programme)
        session.addAction(self.programme_action)
        self.export_menu = export = QMenu(tr("menu.export"), w)
        self.handout_action = export.addAction(tr("menu.export_handout"), lambda: self._export_dialog(".pdf"))
        self.animation_action = export.addAction(tr("menu.export_animation"), lambda: self._export_dialog(".gif"))

    # -- the session ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start a guided session with the current programme."""
        self.window.caption.show_notice("")
        self.window.show_page(None)
        self.player.prepare()  # the sound engine loads now (on its own thread), not at start-up
        self.guided.start()  # the counter panel shows the programme's targets, and keeps them

    def use_programme(self, programme: Programme) -> None:
        """Make ``programme`` the plan of the next session (a running one goes on as it was)."""
        self.guided.programme = programme
        self._show_plan()

    def _show_plan(self) -> None:
        p = self.guided.programme
        title = f"{p.title}\n" if p.title else ""
        self.plan_label.setText(title + tr("guided.plan", **plan_fields(p)))

    def _on_stage_changed(self, stage: Stage) -> None:
        pages = {Stage.RESTING: self.rest_page, Stage.FINISHED: self.finish_page, Stage.STOPPED: self.finish_page}
        self.window.show_page(pages.get(stage))
        self._show_session_state()

    def _on_answered(self) -> None:
        if self.guided.stage is Stage.FINISHED:
            self._show_plan()  # "smaller next time" may have changed it
        self._show_session_state()

    def _show_session_state(self) -> None:
        """Side panel, menu and caption for a session running (the check after its last set included) or not."""
        g = self.guided
        running = g.active or g.asking
        self.start_button.setVisible(not running)
        self.start_action.setEnabled(not running)
        self.window.counter_panel.set_editable(not running)  # the plan comes from the programme
        self.window.caption.refresh()
        if g.stage in (Stage.FINISHED, Stage.STOPPED) and self.history_view is not None:
            self.history_view.refresh()

    def _on_output_ready(self, has_sound: bool | None) -> None:
        if has_sound is False:
            self.mute_action.setEnabled(False)
            self.mute_action.setText(tr("menu.no_sound"))

    def _on_muted_changed(self, muted: bool) -> None:
        self.mute_action.setChecked(muted)
        self.window.settings.setValue(MUTED_KEY, muted)
        self.window.settings.sync()

    def set_history(self, history: History | None, problem: str = "") -> None:
        """The diary to record to from now on, or None and why it could not be opened (said once)."""
        self.history = self.guided.history = history
        self.history_action.setEnabled(history is not None)
        if problem:
            self.window.caption.show_notice(tr("guided.history_unavailable"))

    def _on_history_failed(self, reason: str) -> None:
        self.history = None
        self.history_action.setEnabled(False)
        self.window.caption.show_notice(tr("guided.history_unavailable"))

    # -- history -------------------------------------------------------------------------------

    def show_history(self) -> None:
        """The diary in its own window (reused if already open)."""
        if self.history is None:
            return
        if self.history_dialog is None:
            from flossgui.ui.session.history_view import HistoryView  # its chart needs pyqtgraph: not at start-up

            self.history_dialog = QDialog(self.window)
            self.history_dialog.setWindowTitle(tr("history.window"))
            self.history_view = HistoryView(self.history)
            QVBoxLayout(self.history_dialog).addWidget(self.history_view)
            self.history_dialog.resize(900, 640)
        else:
            assert self.history_view is not None
            self.history_view.refresh()
        self.history_dialog.show()
        self.history_dialog.raise_()

    # -- exports -------------------------------------------------------------------------------

    def export_to(self, path: str | Path) -> bool:
        """Write the handout (.pdf) or animation (.gif) of the current set-up; tells the patient either way."""
        path = Path(path)
        t = self.window.tutorial
        try:
            ext = path.suffix.lower()
            if ext not in FORMATS:
                raise InputError(str(path), "", "unknown format")
            data = export_bytes(ext, t.movement, self.guided.programme, t.speed, DEFAULT_FPS, DEFAULT_SIZE)
            write_export(path, data)
        except InputError as exc:
            self.window.caption.show_notice(tr("menu.export_failed", path=path, reason=exc.problem))
            return False
        self.window.caption.show_notice(tr("menu.export_done", path=path))
        return True

    def _export_dialog(self, ext: str) -> None:
        name = "nerve-floss-handout.pdf" if ext == ".pdf" else "nerve-floss.gif"
        path, _ = QFileDialog.getSaveFileName(self.window, tr("menu.export"), name, f"*{ext}")
        if path:
            self.export_to(path if path.lower().endswith(ext) else path + ext)


def plan_fields(p: Programme) -> dict[str, object]:
    """The fields of the "Today: …" line."""
    return {"sets": trn("count.sets", p.session_plan().sets), "reps": trn("count.reps", p.reps),
            "rest": f"{p.rest_s:g}", "side": tr(f"guided.side.{p.side}"), "range": f"{p.range_percent:g}"}  # fmt: skip
