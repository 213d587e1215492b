"""The patient window's home-session features, wired onto a :class:`MainWindow`.

A "Start my session" button and a Session menu (start, stop, mute with M, history), the guided
pages (count-in over the figure, rest with the symptom check, finish), the programme builder,
and the handout and animation exports. What the patient sets is remembered (:mod:`.memory`).
Closing the window mid-session asks first.
The diary is opened here; if it cannot be, the window still works and says so until it does.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QMessageBox, QPushButton, QVBoxLayout

from flossgui.core.errors import InputError
from flossgui.model.exercise import builtin_exercise
from flossgui.model.monitoring import Spread, next_day_due
from flossgui.model.motion import Movement
from flossgui.model.preferences import SPECS
from flossgui.model.programme import TEMPO_RANGE_S, Programme, is_prescribable
from flossgui.model.symptoms import Choice, Symptoms, smaller_range
from flossgui.ui.session.audio import CuePlayer
from flossgui.ui.session.guided import GuidedSession, Stage, caption_words
from flossgui.ui.session.memory import Memory
from flossgui.ui.session.programme_menu import programme_action
from flossgui.ui.session.sound_badge import SoundBadge
from flossgui.ui.shell.main_window import MainWindow
from flossgui.ui.theme.tr import tr, trn

if TYPE_CHECKING:
    from flossgui.diary.store import History
    from flossgui.ui.session.history_view import HistoryView

log = logging.getLogger(__name__)
MUTED_KEY = SPECS["muted"].key


def open_history(opener: Callable[[], History] | None = None) -> tuple[History | None, str]:
    """The diary (``opener``: the user's own), or None and the reason it could not be opened."""
    from flossgui.diary.store import History  # SQLite: opened after the first paint

    try:
        return (opener or History.open_default)(), ""
    except (OSError, sqlite3.Error, InputError) as exc:
        log.warning("exercise history cannot be opened: %s", exc)
        return None, str(exc)


class PatientSession(QObject):
    """Guided sessions, diary, programme builder, exports and memory for one patient window."""

    def __init__(
        self,
        window: MainWindow,
        programme: Programme | None = None,
        history: History | None = None,
        player: CuePlayer | None = None,
        *,
        remember: bool = True,
        keep: Collection[str] = (),
    ) -> None:
        """``remember``: restore and save what the patient sets (off for screenshots); ``keep``: fields of
        :class:`Preferences` given on the command line, which win over the remembered ones."""
        super().__init__(window)
        self.window = window
        tutorial = window.tutorial
        self.history = history
        self.player = player or CuePlayer(tutorial.movement.exercise, parent=self)
        self.memory = Memory(window.settings, tutorial, enabled=remember, keep=keep)
        self.programme: Programme | None = None  # a clinician's programme; None: the patient's own settings
        self.guided = GuidedSession(tutorial, self.player, Programme(), history, self)
        self.history_dialog: QDialog | None = None
        self.history_view: HistoryView | None = None
        self.confirm_dialog: QMessageBox | None = None
        self.next_day_dialog: QDialog | None = None  # asked at most once a run
        self.close_dialog: QMessageBox | None = None

        window.later(self._build_pages)
        self.sound_badge = SoundBadge(self.player)
        self.start_button = QPushButton(tr("guided.start"))
        self.start_button.setObjectName("primary")
        self.start_button.setAccessibleName(tr("guided.start"))
        self.stop_button = QPushButton(tr("guided.stop"))  # in the start button's place while a session runs
        self.stop_button.setAccessibleName(tr("guided.stop"))
        self.stop_button.hide()
        self.plan_label = QLabel()
        self.plan_label.setObjectName("muted")
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.PlainText)  # a programme's title is the user's text
        self.diary_notice = QLabel(tr("guided.history_unavailable"))  # stays until the diary works again
        self.diary_notice.setObjectName("notice")
        self.diary_notice.setWordWrap(True)
        self.diary_notice.hide()
        window.controls.add_trailing(self.stop_button, first=True)
        window.controls.add_trailing(self.start_button, first=True)
        window.session_layout.insertWidget(0, self.plan_label)
        window.caption.layout().addWidget(self.diary_notice)  # under the caption: always in view
        window.controls.add_trailing(self.sound_badge)
        self._build_menus()
        self.player.set_muted(self.memory.preferences.muted)
        self.mute_action.setChecked(self.player.muted)
        if programme is not None:
            self.use_programme(programme, from_clinician=False)
        self._show_plan()

        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        window.caption.set_words(lambda: caption_words(self.guided))
        window.close_guard = self._keep_open  # closing mid-session asks first
        self.guided.stage_changed.connect(self._on_stage_changed)
        self.guided.answered_changed.connect(self._on_answered)
        self.guided.history_failed.connect(self._on_history_failed)
        self.player.mutedChanged.connect(self._on_muted_changed)
        tutorial.movement_changed.connect(self._on_patient_changed)
        tutorial.playback_changed.connect(self._on_playback_changed)
        tutorial.session_changed.connect(self._on_patient_changed)
        tutorial.movement_changed.connect(self._on_movement_changed)
        self._on_movement_changed(tutorial.movement)

    def _build_pages(self) -> None:
        """What a session shows in the figure's place, and its hands-free question (not on screen at start)."""
        from flossgui.ui.session.guided_view import CountdownOverlay, FinishPage, RestPage
        from flossgui.ui.session.voice_coach import SpokenQuestion, add_answer_keys

        window = self.window
        self.overlay = CountdownOverlay(self.guided, window.figure_view)
        self.rest_page = RestPage(self.guided)
        self.finish_page = FinishPage(self.guided)
        window.add_page(self.rest_page)
        window.add_page(self.finish_page)
        checks = (self.rest_page.check, self.finish_page.check)
        self.spoken_question = SpokenQuestion(self.guided, self.player, checks)
        add_answer_keys(window, checks)
        self.finish_page.again_button.clicked.connect(self.start)
        self.finish_page.back_button.clicked.connect(self.guided.dismiss)

    def _build_menus(self) -> None:
        """The Session and Export menus (the modes that offer them put them in the menu bar)."""
        w = self.window
        self.session_menu = session = QMenu(tr("menu.session"), w)
        self.start_action = session.addAction(tr("menu.start"), self.start)
        self.stop_action = session.addAction(tr("menu.stop"), self.stop)
        self.stop_action.setEnabled(False)
        self.mute_action = session.addAction(tr("menu.mute"))  # its key (M) is the patient mode's
        self.mute_action.setCheckable(True)
        self.mute_action.toggled.connect(self.player.set_muted)
        self._on_output_ready(self.player.has_sound)
        self.player.output_ready.connect(self._on_output_ready)
        self.history_action = session.addAction(tr("menu.history"), self.show_history)
        self.history_action.setEnabled(self.history is not None)
        self.programme_action = programme_action(w, lambda: self.programme or self.own_programme(), self.use_programme)
        session.addAction(self.programme_action)
        self.export_menu = export = QMenu(tr("menu.export"), w)
        for menu in (session, export):
            menu.setToolTipsVisible(True)  # says why an entry is disabled
        self.handout_action = export.addAction(tr("menu.export_handout"), lambda: self._export_dialog(".pdf"))
        self.animation_action = export.addAction(tr("menu.export_animation"), lambda: self._export_dialog(".gif"))

    # -- the session ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start a guided session: with the patient's own settings, or, with a programme, once they
        have seen it and confirmed; never while a comparison variant is shown."""
        if self.guided.active:
            return
        self.window.finish_building()  # its pages
        if not is_prescribable(self.window.tutorial.movement.exercise):  # never a comparison variant
            self.window.caption.show_notice(tr("prescribed.only"))
            return
        if self.programme is None:
            self._begin(self.own_programme())
            return
        if self.confirm_dialog is None:
            self.confirm_dialog = QMessageBox(QMessageBox.Icon.Question, tr("guided.confirm.title"), "",
                                              QMessageBox.StandardButton.NoButton, self.window)  # fmt: skip
            self.confirm_dialog.setTextFormat(Qt.TextFormat.PlainText)
            self.confirm_start = self.confirm_dialog.addButton(tr("guided.confirm.start"),
                                                               QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
            self.confirm_dialog.addButton(tr("guided.confirm.cancel"), QMessageBox.ButtonRole.RejectRole)
            self.confirm_dialog.setDefaultButton(self.confirm_start)
            self.confirm_dialog.accepted.connect(lambda: self._begin(self.programme))
        self.confirm_dialog.setText(tr("guided.confirm.text", plan=self.plan_text()))
        self.confirm_dialog.open()

    def _begin(self, programme: Programme | None) -> None:
        if programme is None or self.guided.active:
            return
        self.window.caption.show_notice("")
        self.window.show_page(None)
        self.player.prepare()  # the sound engine loads now (on its own thread), not at start-up
        self.guided.start(programme)  # the counter panel shows the session's targets, and keeps them

    def stop(self) -> None:
        """Session ▸ Stop session: end it now; a set cut short is kept in the diary."""
        self.guided.stop()

    def own_programme(self) -> Programme:
        """A session of what the patient set: reps, sets, rest, speed, leg and how far."""
        t = self.window.tutorial
        plan = t.counter.plan if not self.guided.active else (self.guided.own_plan or t.counter.plan)
        lo, hi = TEMPO_RANGE_S
        tempo = min(hi, max(lo, t.movement.exercise.period_s / t.speed))
        return Programme(reps=plan.reps_per_set, sets=plan.sets, rest_s=plan.rest_s, tempo_s=tempo,
                         side=t.setup.side, range_percent=float(t.range_percent))  # fmt: skip

    def use_programme(self, programme: Programme, *, from_clinician: bool = True) -> None:
        """Make ``programme`` the plan of the next session (a running one goes on as it was); the figure
        shows its leg and range at once, and its exercise in the patient's view. From the builder it
        replaces any "smaller next time"."""
        if from_clinician:
            self.memory.update(smaller_next_time_percent=None)
        cap = self.memory.preferences.smaller_next_time_percent
        if cap is not None and cap < programme.range_percent:
            programme = replace(programme, range_percent=cap)
        self.programme = programme
        if not self.guided.active:
            self.guided.programme = programme
            t = self.window.tutorial
            t.set_setup(side=programme.side_for_set(0), range_fraction=programme.range_fraction)
            if self.window.mode is None or self.window.mode.name == "patient":  # a clinician may be comparing
                self.preview_programme()
        self._show_plan()

    def preview_programme(self) -> None:
        """Before a session, the figure plays the programme's exercise (its grade's), as Start will."""
        if self.programme is None or self.guided.active:
            return
        t = self.window.tutorial
        if t.movement.exercise.id != self.programme.exercise:
            t.set_exercise(builtin_exercise(self.programme.exercise))

    def plan_text(self) -> str:
        """What "Start my session" will do, in words."""
        p = self.programme or self.own_programme()
        title = f"{p.title}\n" if p.title else ""
        key = "guided.plan" if self.programme is not None else "guided.plan.own"
        return title + tr(key, **plan_fields(p))

    def _show_plan(self) -> None:
        text = self.plan_text()
        if text != self.plan_label.text():
            self.plan_label.setText(text)

    def _on_stage_changed(self, stage: Stage) -> None:
        pages = {Stage.REST: self.rest_page, Stage.CHECK: self.rest_page, Stage.LAST_CHECK: self.finish_page,
                 Stage.FINISHED: self.finish_page, Stage.STOPPED: self.finish_page}  # fmt: skip
        self.window.show_page(pages.get(stage))
        self._show_session_state()

    def _on_answered(self) -> None:
        g = self.guided
        if g.stage is Stage.FINISHED and g.last_answer is not None and g.last_answer[1] is Choice.SMALLER:
            self._smaller_next_time(g.programme.range_percent)
        self._show_session_state()

    def _smaller_next_time(self, percent: float) -> None:
        """After "a smaller movement next time": remember it, and show it in the plan and the figure."""
        t = self.window.tutorial
        if self.programme is not None:
            self.memory.update(smaller_next_time_percent=percent)
            self.use_programme(replace(self.programme, range_percent=percent), from_clinician=False)
        else:
            t.set_range_percent(percent)

    def _on_playback_changed(self) -> None:
        """Play after a session: the tutorial is the patient's again, so leave the finish page."""
        g = self.guided
        if self.window.tutorial.playing and g.stage in (Stage.FINISHED, Stage.STOPPED):
            g.dismiss()
        self._on_patient_changed()

    def _show_session_state(self) -> None:
        """Side panel, menu and caption for a session running (the check after its last set included) or not."""
        g = self.guided
        running = g.active
        self.start_button.setVisible(not running)
        self.stop_button.setVisible(g.in_progress)
        self.start_action.setEnabled(not running and is_prescribable(self.window.tutorial.movement.exercise))
        self.stop_action.setEnabled(running)
        self.window.counter_panel.set_editable(not running)  # the plan comes from the session
        self.window.caption.refresh()
        self._show_plan()
        if g.stage in (Stage.FINISHED, Stage.STOPPED) and self.history_view is not None:
            self.history_view.refresh()

    def _on_movement_changed(self, movement: Movement) -> None:
        """Only the prescribed exercise reaches a patient: no session, handout or animation of a comparison."""
        allowed = is_prescribable(movement.exercise)
        tip = "" if allowed else tr("prescribed.only")
        for action in (self.start_action, self.handout_action, self.animation_action):
            action.setEnabled(allowed)
            action.setToolTip(tip)
        self.start_button.setEnabled(allowed)
        self.start_button.setToolTip(tip)

    def _on_output_ready(self, has_sound: bool | None) -> None:
        if has_sound is False:
            self.mute_action.setEnabled(False)
            self.mute_action.setText(tr("menu.no_sound"))

    def _on_muted_changed(self, muted: bool) -> None:
        self.mute_action.setChecked(muted)
        self.memory.update(muted=muted)

    def set_history(self, history: History | None, problem: str = "") -> None:
        """The diary to record to from now on, or None and why it could not be opened (shown until it works)."""
        self.history = self.guided.history = history
        self.history_action.setEnabled(history is not None)
        self.diary_notice.setVisible(history is None and bool(problem))
        if history is not None and history.damaged_copy is not None:  # a damaged diary was put aside
            day = history.restored_from
            key, fields = ("history.damaged_restored", {"day": day.isoformat()}) if day else ("history.damaged", {})
            self.window.caption.show_notice(tr(key, path=history.damaged_copy, **fields))
        if history is not None:
            self.ask_next_day()

    def ask_next_day(self, today: date | None = None) -> bool:
        """At the first start the day after a session: "How was your leg after yesterday's session?"
        (once a day); True if it was asked."""
        history, today = self.history, today or date.today()
        if history is None or self.next_day_dialog is not None:
            return False
        try:
            last = history.last_session(today)
            due = next_day_due(last[1] if last else None, today, history.answered_next_day(today))
        except sqlite3.Error as exc:
            log.warning("exercise history: %s; no next-day check", exc)
            return False
        if not due:
            return False
        from flossgui.audio.voice import NEXT_DAY_QUESTION
        from flossgui.ui.session.next_day import NextDayDialog

        session_id = last[0] if last else None
        self.next_day_dialog = dialog = NextDayDialog(self.window)
        dialog.answered.connect(lambda symptoms, spread: self._record_next_day(symptoms, spread, session_id))
        dialog.chosen.connect(self._on_next_day_choice)
        dialog.open()
        self.player.say(NEXT_DAY_QUESTION)  # they may be sitting back from the screen
        return True

    def _record_next_day(self, symptoms: Symptoms, spread: Spread | None, session_id: int | None) -> None:
        if self.history is not None:
            try:
                self.history.record_next_day(symptoms, spread, session_id=session_id)
            except sqlite3.Error as exc:
                self._on_history_failed(str(exc))

    def _on_next_day_choice(self, choice: Choice) -> None:
        """After a worse day: a smaller movement today (and in the programme), or a pause for today."""
        if choice is Choice.SMALLER:
            now = self.programme.range_percent if self.programme is not None else self.window.tutorial.range_percent
            self._smaller_next_time(smaller_range(now))
            percent = self.programme.range_percent if self.programme is not None else self.window.tutorial.range_percent
            self.window.caption.show_notice(tr("next_day.smaller_done", percent=f"{percent:g}"))
        else:
            self.window.caption.show_notice(tr("next_day.paused"))

    def _on_history_failed(self, reason: str) -> None:
        self.history = None
        self.history_action.setEnabled(False)
        self.diary_notice.show()

    # -- closing mid-session -------------------------------------------------------------------

    def _keep_open(self) -> bool:
        if not self.guided.in_progress:
            return False
        self._ask_before_closing()
        return True

    def _ask_before_closing(self) -> None:
        """Keep going, or end the session (its partial set is kept) and close."""
        if self.close_dialog is None:
            self.close_dialog = QMessageBox(QMessageBox.Icon.Question, tr("guided.close.title"),
                                            tr("guided.close.text"), QMessageBox.StandardButton.NoButton,
                                            self.window)  # fmt: skip
            self.close_dialog.setTextFormat(Qt.TextFormat.PlainText)
            self.keep_going_button = self.close_dialog.addButton(tr("guided.close.keep_going"),
                                                                 QMessageBox.ButtonRole.RejectRole)  # fmt: skip
            self.end_button = self.close_dialog.addButton(tr("guided.close.end"), QMessageBox.ButtonRole.AcceptRole)
            self.close_dialog.setDefaultButton(self.keep_going_button)
            self.close_dialog.accepted.connect(self._end_and_close)
        self.close_dialog.open()

    def _end_and_close(self) -> None:
        self.guided.stop()
        self.window.close()

    def _on_patient_changed(self) -> None:
        """Remember what the patient set (not what a running session set for them)."""
        if self.guided.active:
            return
        self._show_plan()
        self.memory.take_from_tutorial(leg_and_range=self.programme is None)  # else the programme's are shown

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
        from flossgui.ui.export.files import DEFAULT_FPS, DEFAULT_SIZE, FORMATS, export_file  # on first export

        path = Path(path)
        t = self.window.tutorial
        try:
            ext = path.suffix.lower()
            if ext not in FORMATS:
                raise InputError(str(path), "", "unknown format")
            export_file(path, ext, t.movement, self.guided.programme, t.speed, DEFAULT_FPS, DEFAULT_SIZE)
        except InputError as exc:
            self.window.caption.show_notice(tr("menu.export_failed", path=path, reason=exc.problem))
            return False
        self.window.caption.show_notice(tr("menu.export_done", path=path))
        return True

    def _export_dialog(self, ext: str) -> None:
        from PySide6.QtWidgets import QFileDialog  # not needed before the first paint

        name = "nerve-floss-handout.pdf" if ext == ".pdf" else "nerve-floss.gif"
        path, _ = QFileDialog.getSaveFileName(self.window, tr("menu.export"), name, f"*{ext}")
        if path:
            self.export_to(path if path.lower().endswith(ext) else path + ext)


def plan_fields(p: Programme) -> dict[str, object]:
    """The fields of the "Today: …" line."""
    return {"sets": trn("count.sets", p.session_plan().sets), "reps": trn("count.reps", p.reps),
            "rest": f"{p.rest_s:g}", "side": tr(f"guided.side.{p.side}"), "range": f"{p.range_percent:g}"}  # fmt: skip
