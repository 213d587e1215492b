"""The one translation helper: every patient-facing string goes through Qt's translator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from flossgui.text import CONTEXT, TEXT


def tr(key: str, **fields: object) -> str:
    """The translated text for ``key``, with ``{name}`` fields filled in."""
    text = QCoreApplication.translate(CONTEXT, TEXT[key])
    return text.format(**fields) if fields else text
