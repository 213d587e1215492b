"""Where the kiosk says what was wrong with its settings: one line each on standard error
(the journal, under systemd) and in ``kiosk.log`` in the data folder (beside the diary:
``$FLOSSGUI_DATA_DIR``, else ``$XDG_DATA_HOME/flossgui``), which staff can read after the
fact. Reporting never stops the screen: a log that cannot be written is itself reported on
standard error, and the kiosk carries on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from flossgui.core.atomic import make_private_dir, open_private_append
from flossgui.core.errors import InputError
from flossgui.diary.paths import default_data_dir

#: Past this size the log is moved to ``kiosk.log.1`` (replacing it) and started afresh.
MAX_LOG_BYTES = 256 * 1024


def log_path() -> Path:
    """``kiosk.log`` in the data folder the diary uses."""
    return default_data_dir() / "kiosk.log"


def report_errors(
    errors: Iterable[InputError],
    path: Path | None = None,
    now: Callable[[], datetime] = datetime.now,
) -> None:
    """Print each settings error on one line to stderr and append it, time-stamped, to the log."""
    lines = [f"flossgui: kiosk settings: {error.message()}; using the default" for error in errors]
    if not lines:
        return
    for line in lines:
        print(line, file=sys.stderr)
    path = path or log_path()
    stamp = now().isoformat(timespec="seconds")
    try:
        make_private_dir(path.parent)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_name(path.name + ".1"))
        with open_private_append(path) as log:  # owner-only, like all the data flossgui keeps
            log.writelines(f"{stamp} {line}\n" for line in lines)
    except OSError as exc:
        print(f"flossgui: kiosk settings: cannot write the log {path} ({exc.strerror})", file=sys.stderr)
