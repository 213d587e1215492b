"""The clinician mode: the patient's window plus plots, variants, angle labels, mirror and present."""

from __future__ import annotations

import sqlite3
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from flossgui.core.errors import InputError
from flossgui.model.exercise import KINDS, VARIANTS, Exercise, builtin_exercise
from flossgui.model.motion import Frame, Movement
from flossgui.ui.clinician.bar import ClinicianBar
from flossgui.ui.session.guided import caption_words
from flossgui.ui.shell.modes import Mode
from flossgui.ui.theme.tr import tr

if TYPE_CHECKING:
    from flossgui.ui.clinician.plots import ClinicianPlots
    from flossgui.ui.clinician.present import PresentView
    from flossgui.ui.session.patient_session import PatientSession
    from flossgui.ui.shell.main_window import MainWindow

#: Share of the stage's width the plots take, against the figure's.
_PLOTS_STRETCH, _FIGURE_STRETCH = 3, 2


@cache
def _builtin(kind: str) -> Exercise:
    return builtin_exercise(VARIANTS[kind])


class ClinicianMode(Mode):
    """For demonstrating in a session: the same widgets as the patient's, plus

    - the :class:`ClinicianPlots` beside the figure, their cursor following the animation;
    - a variant to show (slider, tensioner, common mistake) and one to overlay in the plots;
    - joint angles on the figure in clinical terms, a mirrored figure, and "Present": the figure
      alone, full screen, optionally beside the exercise compared with (:mod:`.present`);
      "About the model".

    The reps-and-sets counter, for practice at home, is left out.

    Leaving the mode gives the patient back their exercise and the plain figure.
    """

    name = "clinician"
    title_key = "mode.clinician"

    def __init__(self, window: MainWindow, session: PatientSession) -> None:
        super().__init__(window)
        self.session = session
        self.bar = ClinicianBar(window)
        self.bar.hide()
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.plots: ClinicianPlots | None = None
        self.variants: dict[str, Exercise] = {}
        self.patient_exercise: Exercise | None = None  # given back when the mode ends
        self._scaled_for: tuple | None = None  # the set-up and variants the plots' scales hold
        self.present_view: PresentView | None = None
        # The clinician's own menus: prescribe (the builder, the handout) and review (history, report).
        self.programme_menu = QMenu(tr("clinician.menu.programme"), window)
        self.programme_menu.addAction(session.programme_action)
        self.programme_menu.addAction(session.handout_action)
        self.history_menu = QMenu(tr("clinician.menu.history"), window)
        self.history_menu.addAction(session.history_action)
        self.report_action = self.history_menu.addAction(tr("report.menu"), self.write_report)
        for menu in (self.programme_menu, self.history_menu):
            menu.setToolTipsVisible(True)  # e.g. why the handout is disabled while a comparison is shown
        self.history_menu.aboutToShow.connect(lambda: self.report_action.setEnabled(session.history is not None))

    def _build(self) -> None:
        """Create the plots on first use (so patients never load pyqtgraph) and wire the toolbar."""
        from flossgui.ui.clinician.plots import ClinicianPlots

        w = self.window
        self.plots = ClinicianPlots()
        w.stage.addWidget(self.plots)
        w.stage.setStretchFactor(0, _FIGURE_STRETCH)
        w.stage.setStretchFactor(1, _PLOTS_STRETCH)
        w.stage.setSizes([_FIGURE_STRETCH * 1000, _PLOTS_STRETCH * 1000])
        self.bar.variant_box.activated.connect(self._on_variant_chosen)
        self.bar.compare_box.activated.connect(self._on_compare_chosen)
        self.bar.angles_action.toggled.connect(w.figure_view.figure.set_angle_labels_shown)
        self.bar.mirror_action.toggled.connect(w.figure_view.set_mirrored)
        self.bar.present_action.toggled.connect(self._on_present_toggled)
        self.bar.about_action.triggered.connect(w.show_about_model)
        # The comparison worth showing first: the floss against the tensioner.
        first = "slider" if w.tutorial.movement.exercise.kind == "tensioner" else "tensioner"
        self.bar.set_kind(self.bar.compare_box, first)

    # -- mode ---------------------------------------------------------------------------------

    def activate(self) -> None:
        if self.plots is None:
            self._build()
        assert self.plots is not None
        w, t = self.window, self.window.tutorial
        self.patient_exercise = t.movement.exercise
        self.variants = {kind: _builtin(kind) for kind in KINDS} | {self.patient_exercise.kind: self.patient_exercise}
        for widget in (w.caption, w.controls, w.keys_help, self.bar, self.plots):
            widget.show()
        w.counter_panel.hide()  # reps and sets are for practice at home; the plots need the room
        w.figure_view.figure.set_angle_labels_shown(self.bar.angles_action.isChecked())
        w.figure_view.set_mirrored(self.bar.mirror_action.isChecked())
        t.movement_changed.connect(self._on_movement_changed)
        t.frame_changed.connect(self._on_frame_changed)
        w.caption.set_words(self._caption_words)
        self._on_movement_changed(t.movement)
        self._on_frame_changed(t.frame)

    def deactivate(self) -> None:
        assert self.plots is not None
        w, t = self.window, self.window.tutorial
        t.movement_changed.disconnect(self._on_movement_changed)
        t.frame_changed.disconnect(self._on_frame_changed)
        self.bar.present_action.setChecked(False)
        self.bar.hide()
        self.plots.hide()
        w.counter_panel.show()
        w.figure_view.figure.set_angle_labels_shown(False)
        w.figure_view.set_mirrored(False)
        w.caption.set_words(lambda: caption_words(self.session.guided))  # the patient's captions again
        if self.patient_exercise is not None:
            t.set_exercise(self.patient_exercise)

    def menus(self) -> list[QMenu]:
        # The toolbar's toggles are not repeated in a menu: Qt then fires their keys from neither.
        return [self.programme_menu, self.session.session_menu, self.session.export_menu, self.history_menu]

    def write_report(self, path: str | Path | None = None, today: date | None = None) -> bool:
        """History ▸ Clinician report: the patient's diary on one page (asks where, unless ``path``)."""
        from flossgui.diary.report import build_report
        from flossgui.ui.export.report import write_report

        history, caption = self.session.history, self.window.caption
        if history is None:
            return False
        if path is None:
            suggested = str(Path.home() / f"flossgui-report-{date.today().isoformat()}.pdf")
            chosen, _ = QFileDialog.getSaveFileName(self.window, tr("report.menu").replace("&", ""), suggested,
                                                    "PDF (*.pdf)")  # fmt: skip
            if not chosen:
                return False
            path = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
        try:
            write_report(Path(path), build_report(history, today=today))
        except (InputError, ValueError, sqlite3.Error) as exc:
            caption.show_notice(tr("report.failed", reason=exc.problem if isinstance(exc, InputError) else exc))
            return False
        caption.show_notice(tr("report.saved", path=path))
        return True

    def shortcuts(self) -> list[tuple[QAction, QKeySequence]]:
        bar = self.bar
        return [
            (bar.angles_action, QKeySequence(Qt.Key.Key_A)),
            (bar.mirror_action, QKeySequence(Qt.Key.Key_M)),
            (bar.present_action, QKeySequence(Qt.Key.Key_F5)),
        ]

    # -- handlers -----------------------------------------------------------------------------

    def _compared(self, shown: Movement) -> Movement | None:
        kind = self.bar.compare_box.currentData()
        if kind is None or self.variants[kind] == shown.exercise:
            return None
        return Movement(self.variants[kind], shown.setup)

    def _on_movement_changed(self, movement: Movement) -> None:
        assert self.plots is not None
        self.bar.set_kind(self.bar.variant_box, movement.exercise.kind)
        scale_key = (movement.setup, tuple(self.variants.values()))
        if scale_key != self._scaled_for:  # scales change with the set-up, never with the variant shown
            self._scaled_for = scale_key
            self.plots.set_scales([Movement(v, movement.setup) for v in self.variants.values()])
        self.plots.set_movements(movement, self._compared(movement))
        self.plots.set_phi(self.window.tutorial.frame.phi)

    def _on_frame_changed(self, frame: Frame) -> None:
        assert self.plots is not None
        self.plots.set_phi(frame.phi)

    def _on_variant_chosen(self, index: int) -> None:
        """Show the chosen variant; if it was the one compared with, compare with the last one shown."""
        kind, tutorial = self.bar.variant_box.itemData(index), self.window.tutorial
        if self.bar.compare_box.currentData() == kind:
            self.bar.set_kind(self.bar.compare_box, tutorial.movement.exercise.kind)
        tutorial.set_exercise(self.variants[kind])

    def _on_compare_chosen(self, _index: int) -> None:
        self._on_movement_changed(self.window.tutorial.movement)

    def _caption_words(self) -> str | None:
        """A session's own words first; otherwise, while the figure is still, what its pose shows
        (the next step's instruction under a frozen pose would contradict the picture)."""
        from flossgui.ui.clinician.present import pose_caption

        t = self.window.tutorial
        guided = caption_words(self.session.guided)
        if guided is not None or t.playing:
            return guided
        return pose_caption(t.frame)

    def _compared_for_present(self) -> Exercise | None:
        """What "side by side" puts beside the exercise shown: the one compared with in the toolbar, else
        the floss beside a comparison, or the chin-down mistake beside the floss."""
        shown = self.window.tutorial.movement.exercise
        kind = self.bar.compare_box.currentData() or ("mistake" if shown.kind == "slider" else "slider")
        exercise = self.variants.get(kind)
        return exercise if exercise is not None and exercise != shown else None

    def _on_present_toggled(self, presenting: bool) -> None:
        """F5: the figure alone, full screen (:class:`PresentView`); F5 or Esc there comes back."""
        if presenting and self.present_view is None:
            from flossgui.ui.clinician.present import PresentView

            view = PresentView(self.window.tutorial, self._compared_for_present(), self.window)
            view.set_mirrored(self.bar.mirror_action.isChecked())
            view.closed.connect(self._on_present_closed)
            view.mirror_requested.connect(self.bar.mirror_action.toggle)
            self.bar.mirror_action.toggled.connect(view.set_mirrored)
            self.present_view = view
            view.showFullScreen()
            view.activateWindow()
        elif not presenting and self.present_view is not None:
            self.present_view.close()

    def _on_present_closed(self) -> None:
        view, self.present_view = self.present_view, None
        if view is not None:
            self.bar.mirror_action.toggled.disconnect(view.set_mirrored)
            view.deleteLater()
        self.bar.present_action.setChecked(False)
