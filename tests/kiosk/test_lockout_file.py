"""The brake on PIN guessing is kept in a private file and read back safely after a restart."""

from __future__ import annotations

import json
import stat

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flossgui.kiosk.lockout_file import default_lockout_path, limiter_kept_in, load_lockout, save_lockout
from flossgui.kiosk.pin import Lockout
from flossgui.model.clock import ManualClock


def test_the_file_is_private_and_reads_back(tmp_path):
    path = tmp_path / "state" / "flossgui" / "kiosk-lockout.json"
    assert save_lockout(path, Lockout(4, 30.0, 1_700_000_000.0)) is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_lockout(path) == (Lockout(4, 30.0, 1_700_000_000.0), None)


def test_a_missing_file_is_no_wrong_pins_yet(tmp_path):
    assert load_lockout(tmp_path / "none.json") == (None, None)


def test_the_default_path_is_in_the_state_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert default_lockout_path() == tmp_path / "flossgui" / "kiosk-lockout.json"


def test_wrong_pins_and_the_wait_carry_over_a_restart(tmp_path):
    path, wall, said = tmp_path / "lockout.json", ManualClock(1_700_000_000), []
    first = limiter_kept_in(path, ManualClock(0), said.append, wall=wall)
    for _ in range(4):
        first.failed()
    assert first.wait() == 30
    wall.now += 10
    second = limiter_kept_in(path, ManualClock(0), said.append, wall=wall)  # a new process
    assert second.wait() == 20 and said == []
    second.succeeded()
    assert limiter_kept_in(path, ManualClock(0), said.append, wall=wall).wait() == 0


def test_a_damaged_file_is_reported_once_and_counting_starts_afresh(tmp_path):
    path, said = tmp_path / "lockout.json", []
    path.write_text('{"failures": "many"}')
    limiter = limiter_kept_in(path, ManualClock(0), said.append)
    assert limiter.wait() == 0
    assert len(said) == 1 and str(path) in said[0] and "failures" in said[0]


def test_a_file_that_cannot_be_written_is_reported_once(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    said = []
    limiter = limiter_kept_in(folder / "lockout.json", ManualClock(0), said.append)
    limiter.failed()
    limiter.failed()
    assert len(said) <= 1  # root may write anyway; a user may not, and hears it once


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode) | st.builds(
    lambda d: json.dumps(d).encode(),
    st.dictionaries(st.sampled_from(["failures", "wait_s", "saved_at", "x"]),
                    st.one_of(st.integers(), st.floats(), st.text(max_size=5), st.none(), st.booleans())),
))  # fmt: skip
def test_any_file_content_loads_or_is_refused_with_one_line(tmp_path, content):
    path = tmp_path / "lockout.json"
    path.write_bytes(content)
    lockout, error = load_lockout(path)
    assert (lockout is None) != (error is None)
    if error is not None:
        assert "\n" not in error.message() and str(path) in error.message()
    else:
        assert lockout.failures >= 0 and lockout.wait_s >= 0
