"""Running work once a widget has been painted for the first time (work that can wait)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class _FirstPaint(QObject):
    def __init__(self, watched: QObject, callback: Callable[[], object]) -> None:
        super().__init__(watched)
        self._watched = watched
        self._callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, receiver: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._watched.removeEventFilter(self)  # the object watched, not the widget painted
            QTimer.singleShot(0, self._run)  # once this paint (and its flush to the screen) is over
        return False

    def _run(self) -> None:
        self._callback()
        self.deleteLater()


def after_first_paint(watched: QObject, callback: Callable[[], object]) -> None:
    """Call ``callback`` once, just after ``watched`` (a window) first receives a paint event.

    Watch a window, never the whole application: a filter on the application passes every
    event of every widget through Python, which makes a start with many widgets much slower."""
    _FirstPaint(watched, callback)
