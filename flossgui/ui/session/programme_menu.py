"""The "Programme…" menu action, offered by the patient window and the clinician mode alike.

The builder (:mod:`.programme_dialog`) is loaded and made on first use, then reused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from flossgui.model.programme import Programme
from flossgui.ui.theme.tr import tr

if TYPE_CHECKING:
    from flossgui.ui.session.programme_dialog import ProgrammeDialog


def programme_action(
    parent: QWidget, current: Callable[[], Programme], on_use: Callable[[Programme], object]
) -> QAction:
    """A "Programme…" action that opens the builder on ``current()`` and hands "Use now" to ``on_use``."""
    action = QAction(tr("menu.programme"), parent)
    dialogs: list[ProgrammeDialog] = []

    def open_dialog() -> None:
        if not dialogs:
            from flossgui.ui.session.programme_dialog import ProgrammeDialog  # a big dialog: not at start-up

            dialogs.append(ProgrammeDialog(current(), parent))
            dialogs[0].used.connect(on_use)
        dialog = dialogs[0]
        dialog.set_programme(current())
        dialog.message.hide()
        dialog.open()
        dialog.raise_()

    action.triggered.connect(open_dialog)
    return action
