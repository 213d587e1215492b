"""The window-wide actions: playback keys, full screen and text size, as QActions shown in the menus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

from flossgui.ui.theme.tr import tr


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One action: its text id, its keys (the first is shown in the menu) and what it calls."""

    text_key: str
    keys: tuple[QKeySequence | QKeySequence.StandardKey | str, ...]
    handler: Callable[[], object]
    auto_repeat: bool = True


def make_action(parent: QWidget, spec: ActionSpec) -> QAction:
    """A QAction on ``parent`` (window context), so its keys work wherever focus is in the window,
    except where a text field wants the key (Qt asks the focused widget first)."""
    action = QAction(tr(spec.text_key), parent)
    action.setShortcuts([QKeySequence(k) for k in spec.keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setAutoRepeat(spec.auto_repeat)
    action.triggered.connect(lambda _checked=False: spec.handler())
    parent.addAction(action)
    return action


def key_text(action: QAction) -> str:
    """The action's first key as the menu shows it (e.g. ``Space``, ``Left``), or ``""``."""
    keys = action.shortcuts()
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""


_FIELD_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Space,
               Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}  # fmt: skip


class FieldKeys(QObject):
    """Lets a number field keep the keys it uses (arrows, Space, + −) while it has focus: Qt asks the
    focused widget first (ShortcutOverride), and spin boxes do not claim their arrows by themselves."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and Qt.Key(event.key()) in _FIELD_KEYS
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
        return False


def keep_field_keys(root: QWidget) -> None:
    """Install :class:`FieldKeys` on every spin box below ``root``."""
    keeper = root.findChild(FieldKeys) or FieldKeys(root)
    for box in root.findChildren(QAbstractSpinBox):
        box.installEventFilter(keeper)
