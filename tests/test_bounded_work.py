"""Issue 13, part 2: work and memory bounded by design. The GIF is written frame by frame and
the timeline row by row; what would be too large is refused before any work, naming the
options. The worst cases the options allow are measured under ``-m slow`` (peak memory of a
child process, never a timing)."""

from __future__ import annotations

import io
import itertools
import json
import os
import subprocess
import sys

import pytest
from PIL import Image
from PySide6.QtCore import QSize

from flossgui.cli.main import main
from flossgui.core.errors import InputError
from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Movement, Setup
from flossgui.model.timeline import MAX_ROWS, check_size, row_count, timeline, write_csv, write_json
from flossgui.ui.export import animation
from flossgui.ui.export.files import MAX_GIF_PIXELS, check_gif_size, frame_count

MOVEMENT = Movement(builtin_exercise(), Setup())
MEMORY_CEILING_MB = 500


# -- the GIF ---------------------------------------------------------------------------
def test_gif_frames_are_written_as_they_are_drawn(qapp, monkeypatch):
    out = io.BytesIO()
    written_before_each_frame: list[int] = []
    draw = animation.render_frame

    def counting_render(movement, cycles, size):
        written_before_each_frame.append(out.tell())
        return draw(movement, cycles, size)

    monkeypatch.setattr(animation, "render_frame", counting_render)
    animation.write_gif(out, MOVEMENT, frame_count(MOVEMENT, 2.0, 4), 4, QSize(240, 150))
    frames = frame_count(MOVEMENT, 2.0, 4)
    drawn = written_before_each_frame[-frames:]  # after the palette's samples
    # Frame k is written once frame k + 1 shows whether it repeats: before drawing frame k + 2.
    assert all(later > earlier for earlier, later in itertools.pairwise(drawn[1:]))


def test_the_streamed_gif_shows_the_same_frames_as_pillows_own_writer(qapp):
    size = QSize(240, 150)
    out = io.BytesIO()
    animation.write_gif(out, MOVEMENT, frame_count(MOVEMENT, 2.0, 4), 4, size)
    count = frame_count(MOVEMENT, 2.0, 4)
    palette = animation._palette(MOVEMENT, count, size)
    expected = [animation._indexed(animation.render_frame(MOVEMENT, i / count, size), palette) for i in range(count)]
    with Image.open(out) as gif:
        assert (gif.n_frames, gif.info["loop"], gif.size) == (count, 0, (240, 150))
        for i, frame in enumerate(expected):
            gif.seek(i)
            assert gif.convert("RGB").tobytes() == frame.convert("RGB").tobytes(), f"frame {i}"
            assert gif.info["duration"] == 250


def test_identical_frames_lengthen_the_one_before(qapp, monkeypatch):
    still = animation.render_frame(MOVEMENT, 0.0, QSize(200, 200))
    monkeypatch.setattr(animation, "render_frame", lambda movement, cycles, size: still)
    out = io.BytesIO()
    animation.write_gif(out, MOVEMENT, 10, 3, QSize(200, 200))  # 10 identical frames
    with Image.open(out) as gif:
        assert gif.n_frames == 1 and gif.info["duration"] == 10 * 333


def test_gif_of_full_hd_at_quarter_speed_and_30_fps_is_allowed():
    """The issue's case (7.8 GB, then MemoryError) is within the bound now that frames stream."""
    check_gif_size(MOVEMENT, 0.25, 30, (1920, 1080))
    assert frame_count(MOVEMENT, 0.25, 30) * 1920 * 1080 == MAX_GIF_PIXELS


@pytest.mark.parametrize(
    ("speed", "fps", "size", "words"),
    [
        (0.25, 30, (3840, 2160), ["--fps 30", "--speed 0.25", "3840x2160 (--size)"]),
        (3.0, 1, (4096, 4096), ["--size", "4096x4096"]),
    ],
)
def test_a_gif_too_large_is_refused_before_any_work(capsys, tmp_path, speed, fps, size, words):
    path = tmp_path / "big.gif"
    argv = ["export", str(path), "--speed", str(speed), "--fps", str(fps), "--size", "{}x{}".format(*size)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "allowed:" in err and "Traceback" not in err
    for word in words:
        assert word in err
    assert not path.exists() and not list(tmp_path.iterdir())


def test_a_window_too_large_to_draw_is_refused(capsys, tmp_path):
    with pytest.raises(SystemExit) as caught:
        main(["--screenshot", str(tmp_path / "s.png"), "--size", "7680x7680"])
    assert caught.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert "argument --size: 7680x7680 is 58,982,400 pixels" in last and "16.7 million in all" in last


# -- the timeline ----------------------------------------------------------------------
def _lazy_rows(out: io.StringIO, rows: list[list]):
    """Yield ``rows``, checking before each that the one before is already written."""
    for i, row in enumerate(rows):
        if i:
            assert json.dumps(rows[i - 1]) in out.getvalue() or ",".join(map(str, rows[i - 1])) in out.getvalue()
        yield row


def test_json_rows_are_written_as_they_are_computed():
    rows = list(timeline(MOVEMENT, 3.0, 1, 5))
    out = io.StringIO()
    write_json(_lazy_rows(out, rows), out, {"reps": 1})
    data = json.loads(out.getvalue())
    assert data["rows"] == json.loads(json.dumps(rows)) and data["meta"] == {"reps": 1}
    assert data["columns"][0] == "t_s"


def test_csv_rows_are_written_as_they_are_computed():
    rows = list(timeline(MOVEMENT, 3.0, 1, 5))
    out = io.StringIO()
    write_csv(_lazy_rows(out, rows), out)
    assert out.getvalue().count("\n") == len(rows) + 1


@pytest.mark.parametrize(("speed", "reps", "fps"), [(1.0, 1, 30), (0.25, 3, 7), (2.9, 7, 240), (0.3, 1, 1)])
def test_row_count_is_what_the_timeline_yields(speed, reps, fps):
    assert row_count(MOVEMENT, speed, reps, fps) == sum(1 for _ in timeline(MOVEMENT, speed, reps, fps))


def test_timeline_reps_1000_fps_240_speed_quarter_json_is_refused_at_once(capsys):
    """The issue's case (1.9 GB, nothing written in 5 minutes) now ends at once with one line."""
    assert main(["timeline", "--reps", "1000", "--fps", "240", "--speed", "0.25", "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "9,600,001 rows" in err and f"at most {MAX_ROWS:,} rows" in err and "--reps" in err


def test_the_largest_timeline_allowed_is_just_under_the_ceiling():
    check_size(MOVEMENT, 0.25, 104, 240)
    with pytest.raises(InputError):
        check_size(MOVEMENT, 0.25, 105, 240)


# -- the worst cases, measured ---------------------------------------------------------
def _peak_mb_of(*argv: str) -> float:
    """Run ``flossgui ARGV`` and return its own peak resident memory (os.wait4: this child only)."""
    child = subprocess.Popen([sys.executable, "-m", "flossgui", *argv], stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.returncode == 0, child.stderr.read() if child.stderr else ""
    return usage.ru_maxrss / 1024


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [
        ["export", "{dir}/hd.gif", "--size", "1920x1080", "--fps", "30", "--speed", "0.25"],
        ["export", "{dir}/4k.gif", "--size", "3840x2160", "--fps", "30", "--speed", "1"],
        ["--mode", "clinician", "--screenshot", "{dir}/c.png", "--size", "4096x4096"],
        ["--mode", "clinician", "--screenshot", "{dir}/c.png", "--size", "7680x2184"],
        ["timeline", "--reps", "104", "--fps", "240", "--speed", "0.25", "--format", "json", "-o", "{dir}/t.json"],
    ],
)
def test_the_worst_cases_stay_under_500_mb(tmp_path, argv):
    peak = _peak_mb_of(*(a.format(dir=tmp_path) for a in argv))
    assert peak < MEMORY_CEILING_MB
