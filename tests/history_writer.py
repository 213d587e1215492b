"""A diary writer for the durability test: records sessions forever, printing each commit.

Run as ``python tests/history_writer.py DB``. After every call that commits it prints one
line (``session ID``, ``set ID INDEX``, ``symptoms ID INDEX`` or ``end ID``), so whatever it
printed before being killed must be in the file. Values follow from the ids (see
:func:`expected_set`), so the test can check them exactly.
"""

from __future__ import annotations

import sys

from flossgui.diary.store import History
from flossgui.model.symptoms import Choice, Symptoms

SETS = 3


def expected_set(session_id: int, index: int) -> tuple[int, float, Symptoms]:
    """Reps, range and symptom answer the writer records for one set."""
    reps = (session_id * 7 + index) % 50 + 1
    range_percent = 10.0 + (session_id * 13 + index * 7) % 91
    return reps, range_percent, list(Symptoms)[(session_id + index) % 3]


def main(path: str) -> None:
    with History(path) as h:
        while True:
            sid = h.start_session(exercise="lumbar-nerve-floss", side="right", reps_per_set=10, sets_planned=SETS,
                                  range_percent=100, speed=1.0, programme="durability")  # fmt: skip
            print("session", sid, flush=True)
            for i in range(SETS):
                reps, rng, symptoms = expected_set(sid, i)
                h.record_set(sid, i, reps=reps, side="right", range_percent=rng)
                print("set", sid, i, flush=True)
                h.record_symptoms(sid, i, symptoms, Choice.CARRY_ON)
                print("symptoms", sid, i, flush=True)
            h.end_session(sid, "finished")
            print("end", sid, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
