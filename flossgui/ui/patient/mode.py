"""The patient mode: everything a patient at home needs, with the guided session's menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from flossgui.ui.shell.modes import Mode

if TYPE_CHECKING:
    from flossgui.ui.session.patient_session import PatientSession
    from flossgui.ui.shell.main_window import MainWindow


class PatientMode(Mode):
    """The figure, captions, transport bar, the side sheet (counter and set-up), safety, and the
    Session and Export menus of the :class:`PatientSession`; M mutes."""

    name = "patient"
    title_key = "mode.patient"

    def __init__(self, window: MainWindow, session: PatientSession) -> None:
        super().__init__(window)
        self.session = session

    def activate(self) -> None:
        w = self.window
        for widget in (w.caption, w.controls, w.keys_help):
            widget.show()
        self.session.preview_programme()  # a clinician may have shown another exercise

    def menus(self) -> list[QMenu]:
        return [self.session.session_menu, self.session.export_menu]

    def shortcuts(self) -> list[tuple[QAction, QKeySequence]]:
        return [(self.session.mute_action, QKeySequence(Qt.Key.Key_M))]
