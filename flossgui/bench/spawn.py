"""How the bench starts a child process (:mod:`flossgui.bench.child`) and reads its result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from typing import Any

_TIMEOUT_S = 300


class ChildFailed(RuntimeError):
    """A child ended without a result; the message says how."""


def spawn(*args: str) -> tuple[float, dict[str, Any]]:
    """Run a child; return the monotonic time just before it started and its result.

    The child gets its own settings (a returning user's) and data folders, so the app it
    starts cannot touch the user's own.
    """
    from flossgui.bench.views import settings_file
    from flossgui.ui.shell.settings import ENV_VAR

    with tempfile.TemporaryDirectory(prefix="flossgui-bench-") as home:
        env = os.environ | {f"XDG_{d}_HOME": os.path.join(home, d.lower()) for d in ("CONFIG", "DATA", "STATE")}
        env[ENV_VAR] = settings_file(home)
        start = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "flossgui.bench.child", *args],
            env=env, capture_output=True, text=True, timeout=_TIMEOUT_S, check=False,
        )  # fmt: skip
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        last = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        raise ChildFailed(f"{args[0]} child failed: {last}")
    return start, json.loads(lines[-1])
