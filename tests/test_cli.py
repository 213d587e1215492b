"""The command line: timeline export and refusal of bad options."""

from __future__ import annotations

import csv
import io
import json

import pytest

from flossgui.cli.main import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_timeline_two_reps_shows_the_sequence(capsys):
    code, out, _ = run(capsys, "timeline", "--reps", "2")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:8] == ["t_s", "rep", "phase", "neck_deg", "trunk_deg", "hip_deg", "knee_deg", "ankle_deg"]
    assert float(rows[0]["t_s"]) == 0 and float(rows[-1]["t_s"]) == pytest.approx(20.0)
    assert len(rows) == 20 * 30 + 1
    assert rows[-1]["rep"] == "2" and rows[0]["rep"] == "0"
    first_rep = [r for r in rows if r["rep"] == "0"]
    phases = [r["phase"] for r in first_rep]
    order = [p for i, p in enumerate(phases) if i == 0 or phases[i - 1] != p]
    assert order == ["straighten", "toes-up", "level", "slump"]
    knee = [float(r["knee_deg"]) for r in first_rep]
    ankle = [float(r["ankle_deg"]) for r in first_rep]
    neck = [float(r["neck_deg"]) for r in first_rep]
    i_straight = knee.index(min(knee))
    i_toes = ankle.index(max(ankle))
    assert knee[0] >= 80 and min(knee) == pytest.approx(0, abs=0.01)
    assert ankle[i_straight] < -20  # toes still pointed when the knee is straight
    assert i_toes > i_straight and neck[i_toes] == min(neck)  # toes up together with looking up
    assert rows[0]["knee_deg"] == rows[300]["knee_deg"] == rows[-1]["knee_deg"]


def test_timeline_json_and_options(capsys):
    code, out, _ = run(capsys, "timeline", "--format", "json", "--fps", "10", "--speed", "2", "--range", "50",
                       "--side", "left", "--seat-height", "60", "--height", "180")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["meta"]["range_percent"] == 50 and len(data["rows"]) == 5 * 10 + 1
    knee = [row[data["columns"].index("knee_deg")] for row in data["rows"]]
    assert min(knee) == pytest.approx(45, abs=0.01)  # half the range, measured from the 90° start


@pytest.mark.parametrize(
    ("argv", "option", "allowed"),
    [
        (["timeline", "--speed", "5"], "--speed", "0.25 to 3"),
        (["timeline", "--speed", "fast"], "--speed", "0.25 to 3"),
        (["timeline", "--reps", "0"], "--reps", "1 to 1000"),
        (["timeline", "--fps", "2.5"], "--fps", "1 to 240"),
        (["timeline", "--range", "5"], "--range", "10 to 100"),
        (["timeline", "--seat-height", "nan"], "--seat-height", "35 to 90"),
        (["timeline", "--height", "300"], "--height", "100 to 220"),
        (["--size", "10x10"], "--size", "200 to 7680"),
    ],
)
def test_bad_options_exit_2_naming_option_and_range(capsys, argv, option, allowed):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert option in last and allowed in last


def test_bad_exercise_file_is_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[exercise]\nid = 3\n")
    code, _, err = run(capsys, "timeline", "--exercise", str(bad))
    assert code == 2
    assert err.count("\n") == 1 and str(bad) in err and "Traceback" not in err


def test_kiosk_pin_subcommand_sets_a_hash(tmp_path, monkeypatch, capsys):
    config = tmp_path / "kiosk.toml"
    monkeypatch.setattr("sys.stdin", io.StringIO("246813\n"))
    assert main(["kiosk-pin", "--config", str(config)]) == 0
    assert 'pin_hash = "scrypt$' in config.read_text()
    assert "246813" not in config.read_text()


def test_timeline_string_columns_follow_the_angles(capsys):
    code, out, _ = run(capsys, "timeline", "--fps", "10")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[8:] == [
        "string_length_mm", "string_tension", "string_slide_mm",
        "slide_midthigh_mm", "slide_knee_mm", "slide_ankle_mm", "strain_peak_pct",
    ]  # fmt: skip
    assert float(rows[0]["string_slide_mm"]) == 0 and rows[0]["string_length_mm"] == rows[-1]["string_length_mm"]
    assert all(float(rows[0][f"slide_{site}_mm"]) == 0 for site in ("midthigh", "knee", "ankle"))
    assert all(float(r["string_tension"]) >= 0 for r in rows)
    assert 1000 < float(rows[0]["string_length_mm"]) < 3000  # head to toes of a 170 cm person


def peak(capsys, *argv: str) -> tuple[float, float]:
    """Peak local strain and glide at mid-thigh (max − min slide) over one rep of a timeline."""
    code, out, _ = run(capsys, "timeline", "--fps", "20", *argv)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    slide = [float(r["slide_midthigh_mm"]) for r in rows]
    return max(float(r["strain_peak_pct"]) for r in rows), max(slide) - min(slide)


def test_timeline_variants_map_to_the_shipped_files(capsys):
    slider, tensioner, mistake = (peak(capsys, "--variant", v) for v in ("slider", "tensioner", "mistake"))
    assert peak(capsys) == slider  # the floss is the default
    assert slider[0] < mistake[0] < tensioner[0]
    assert slider[1] >= 2 * tensioner[1]  # the tensioner glides at most half as far (see neuro_figures)
    _, out, _ = run(capsys, "timeline", "--variant", "tensioner", "--format", "json", "--fps", "1")
    assert json.loads(out)["meta"]["exercise"] == "nerve-tensioner"


def test_variant_and_exercise_are_exclusive(capsys, tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["timeline", "--variant", "mistake", "--exercise", str(tmp_path / "x.toml")])
    assert info.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def test_options_typed_for_this_start_are_named_so_they_win_over_remembered_ones():
    from flossgui.cli.main import build_parser
    from flossgui.cli.options import launch_options

    argv = ["--side", "left", "--speed=0.5", "--mode", "clinician"]
    options = launch_options(build_parser().parse_args(argv), argv)
    assert options.given == {"side", "speed"} and options.setup.side == "left" and options.speed == 0.5
    assert launch_options(build_parser().parse_args([]), []).given == frozenset()
    with pytest.raises(SystemExit):  # abbreviations are refused, so a given option is always seen
        build_parser().parse_args(["--spe", "2"])
