"""Killing the app never loses or corrupts what the diary reported as saved.

A writer subprocess records sessions as fast as it can and prints each commit; it is killed
with SIGKILL at random moments (during start-up, migration, or mid-transaction), restarted on
the same file, and killed again. Afterwards SQLite's integrity check must pass and every
commit the writer reported must be there with the exact values written.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from history_writer import expected_set  # beside this file; pytest puts the folder on sys.path

from flossgui.diary.store import History

WRITER = Path(__file__).with_name("history_writer.py")


def kill_writer_at_random(db: Path, rng: random.Random, *, once_writing: bool = False) -> list[str]:
    """Run the writer, SIGKILL it after a random delay, return the lines it printed.

    ``once_writing``: the delay starts at its first commit, not at its launch, so the kill lands
    among writes however slowly the interpreter starts on a busy machine.
    """
    proc = subprocess.Popen([sys.executable, str(WRITER), str(db)], stdout=subprocess.PIPE, text=True)
    first = proc.stdout.readline() if once_writing else ""
    time.sleep(rng.uniform(0.05, 0.6))
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    *complete, _partial = (first + out).split("\n")  # a line cut short by the kill is not a report
    return complete


def check_everything_reported_is_there(db: Path, lines: list[str]) -> None:
    with History(db) as h:
        assert h.integrity_ok()
        sessions = {s.id: s for s in h.sessions()}
    for line in lines:
        what, sid, *index = line.split()
        session = sessions[int(sid)]
        if what == "end":
            assert session.outcome == "finished"
        elif what in ("set", "symptoms"):
            i = int(index[0])
            got = session.sets[i]
            reps, rng, symptoms = expected_set(session.id, i)
            assert (got.index, got.reps, got.range_percent) == (i, reps, rng)
            if what == "symptoms":
                assert got.symptoms is symptoms


def run_kills(tmp_path: Path, kills: int, seed: int) -> int:
    rng = random.Random(seed)
    db = tmp_path / "history.sqlite3"
    reported: list[str] = []
    for kill in range(kills):
        reported += kill_writer_at_random(db, rng, once_writing=kill % 2 == 1)
        check_everything_reported_is_there(db, reported)
    return len(reported)


def test_sigkill_loses_nothing_reported(tmp_path):
    seed = int.from_bytes(os.urandom(4))
    commits = run_kills(tmp_path, kills=6, seed=seed)
    assert commits > 0, f"the writer never committed (seed {seed})"


@pytest.mark.slow
def test_sigkill_soak(tmp_path):
    seed = int.from_bytes(os.urandom(4))
    assert run_kills(tmp_path, kills=60, seed=seed) > 60
