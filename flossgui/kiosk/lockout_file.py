"""Where the brake on PIN guessing is kept between runs: a small private JSON file.

``$XDG_STATE_HOME/flossgui/kiosk-lockout.json`` (``~/.local/state`` if unset; under the unit,
``/var/lib/flossgui-kiosk/.local/state``), mode 0600, written atomically after every PIN
attempt. Without it, restarting the kiosk (or making it crash) would forget the wrong PINs
and the wait. A missing file means no wrong PINs yet; a damaged one is reported in one line
and the count starts afresh (whoever can damage it could as well delete it).
"""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Callable
from pathlib import Path

from flossgui.core.atomic import write_atomic
from flossgui.core.errors import InputError
from flossgui.kiosk.pin import AttemptLimiter, Lockout

_MAX_FAILURES = 1_000_000
_MAX_WAIT_S = 86_400.0


def default_lockout_path() -> Path:
    """``flossgui/kiosk-lockout.json`` in the user's state folder."""
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "flossgui" / "kiosk-lockout.json"


def load_lockout(path: Path) -> tuple[Lockout | None, InputError | None]:
    """The saved state, or None (with an error saying why, unless the file is simply missing)."""
    try:
        data = json.loads(path.read_bytes()[:4096])
    except FileNotFoundError:
        return None, None
    except (OSError, ValueError) as exc:
        return None, InputError(str(path), "", f"cannot be read ({exc})", "the kiosk's own JSON state")
    fields = (("failures", int, _MAX_FAILURES), ("wait_s", float, _MAX_WAIT_S), ("saved_at", float, math.inf))
    values = []
    for key, kind, top in fields:
        value = data.get(key) if isinstance(data, dict) else None
        number_ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        if not number_ok or not 0 <= value <= top or (kind is int and not isinstance(value, int)):
            return None, InputError(str(path), key, f"is {value!r}", f"a number from 0 to {top:g}")
        values.append(kind(value))
    return Lockout(*values), None


def save_lockout(path: Path, lockout: Lockout) -> OSError | None:
    """Write ``lockout`` (mode 0600, the folder made 0700 if missing); returns the error if it cannot."""
    text = json.dumps({"failures": lockout.failures, "wait_s": lockout.wait_s, "saved_at": lockout.saved_at})
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, text + "\n", mode=lambda old: 0o600)
    except OSError as exc:
        return exc
    return None


def limiter_kept_in(
    path: Path, clock: Callable[[], float], report: Callable[[str], object], wall: Callable[[], float] = time.time
) -> AttemptLimiter:
    """An :class:`AttemptLimiter` that starts from ``path`` and saves itself there after every
    attempt; ``report(line)`` is told, once each, when the file cannot be read or written."""
    saved, error = load_lockout(path)
    if error is not None:
        report(f"{error.message()}; counting wrong PINs afresh")
    failed_before = False

    def save(lockout: Lockout) -> None:
        nonlocal failed_before
        problem = save_lockout(path, lockout)
        if problem is not None and not failed_before:
            report(f"{path}: cannot keep the wrong-PIN count ({problem.strerror or problem})")
        failed_before = problem is not None

    return AttemptLimiter(clock, saved=saved, wall=wall, on_change=save)
