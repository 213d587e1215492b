"""Fuzzing the command line: any options give a result or a clean usage error, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flossgui.cli.main import main

OPTIONS = ["--speed", "--reps", "--fps", "--range", "--seat-height", "--height", "--side", "--format"]
values = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
    st.sampled_from(["left", "right", "csv", "json", "", "1e309", "0x10", "½", "--", "-1"]),
    st.text(max_size=8),
)
argvs = st.lists(st.tuples(st.sampled_from(OPTIONS), values), max_size=4)


def _check(capsys, pairs) -> None:
    argv = ["timeline", "--fps", "2"]
    for option, value in pairs:
        argv += [option, value]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse refuses: exit 2, last line names the option
        assert exc.code == 2
        last = capsys.readouterr().err.strip().splitlines()[-1]
        assert "error:" in last
        return
    out, err = capsys.readouterr()
    assert code in (0, 2) and "Traceback" not in err
    if code == 0:
        assert out.strip()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(argvs)
def test_timeline_options_never_crash(capsys, pairs):
    _check(capsys, pairs)


@pytest.mark.slow
@settings(max_examples=3000, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(argvs)
def test_timeline_options_never_crash_many(capsys, pairs):
    _check(capsys, pairs)
