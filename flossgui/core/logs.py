"""Where flossgui's log lines go: standard error, and a rotating file in the data folder.

Standard error gets warnings as one line each (no tracebacks); the file ``flossgui.log``
(rotated at :data:`MAX_BYTES`, :data:`BACKUPS` old files kept, owner-only) gets
information too, with tracebacks, so the reason for e.g. a silent cue can be read after the
fact. ``--verbose`` adds debugging detail to both. Anything shaped like a stored PIN hash is
masked before it is written anywhere; the PIN itself is never passed to a logger.
"""

from __future__ import annotations

import logging
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

from flossgui.core.atomic import make_private_dir, open_private_append

LOG_FILE = "flossgui.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3
LOGGER = "flossgui"
_HASH = re.compile(r"scrypt\$[^\s'\"]*")


class _RedactHashes(logging.Filter):
    """Masks anything shaped like a stored PIN hash (``scrypt$N$r$p$SALT$HASH``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "scrypt$" in message:
            record.msg, record.args = _HASH.sub("scrypt$(hidden)", message), None
        return True


class _CurrentStderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (tests and tools replace it)."""

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass  # always sys.stderr


class _OneLine(logging.Formatter):
    """``flossgui: message`` with no traceback: the file has those."""

    def format(self, record: logging.LogRecord) -> str:
        return "flossgui: " + " ".join(record.getMessage().split())


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created owner-only (the mode given at creation)."""

    def _open(self) -> TextIO:
        return open_private_append(self.baseFilename, self.errors or "backslashreplace")


def configure_logging(data_dir: Path | None, verbose: bool = False) -> Path | None:
    """Send the ``flossgui`` loggers to stderr and ``data_dir/flossgui.log``; returns the log's
    path (None if it cannot be opened: then stderr only, said once). Safe to call again."""
    logger = logging.getLogger(LOGGER)
    for handler in [h for h in logger.handlers if getattr(h, "_flossgui", False)]:
        logger.removeHandler(handler)
        handler.close()
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    redact = _RedactHashes()
    stderr = _CurrentStderr()
    stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    stderr.setFormatter(_OneLine())
    handlers: list[logging.Handler] = [stderr]
    path = None
    if data_dir is not None:
        try:
            make_private_dir(data_dir)
            handler = _PrivateRotatingFileHandler(
                Path(data_dir) / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                encoding="utf-8", errors="backslashreplace",
            )  # fmt: skip
        except OSError as exc:
            print(f"flossgui: the log cannot be written in {data_dir} ({exc.strerror or exc})", file=sys.stderr)
        else:
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            handlers.append(handler)
            path = Path(handler.baseFilename)
    for handler in handlers:
        handler._flossgui = True  # type: ignore[attr-defined]
        handler.addFilter(redact)
        logger.addHandler(handler)
    return path
