"""The clinician's report: what it counts from the diary, and ``flossgui report`` on the command line."""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta

import pytest
from diary_support import PROGRAMME, START, fill_fortnight

from flossgui.cli.main import main
from flossgui.diary.report import build_report
from flossgui.diary.store import History
from flossgui.model.monitoring import Spread
from flossgui.model.programme import Programme, save_programme
from flossgui.model.symptoms import Symptoms

LAST = START + timedelta(days=13)


@pytest.fixture
def diary(tmp_path):
    path = tmp_path / "history.sqlite3"
    with History(path) as h:
        fill_fortnight(h)
    return path


def test_adherence_scores_where_and_events_over_a_fortnight(diary):
    with History(diary) as h:
        r = build_report(h, today=LAST)
    assert (r.first, r.last, len(r.days)) == (START, LAST, 14)
    assert r.programme == PROGRAMME  # the prescription the diary kept
    assert (r.sessions_done, r.sessions_prescribed, r.reps_done) == (21, 28, 410)
    assert [d.sessions for d in r.days[:5]] == [2, 2, 1, 2, 0]
    assert r.days[0].mean_score == 5.5 and r.days[-1].scores == (0, 0, 0, 0)
    assert (r.days[0].grade, r.days[0].range_percent, r.days[-1].grade, r.days[-1].range_percent) == (
        "combined-small",
        60,
        "combined",
        80,
    )
    assert r.spread_counts() == {Spread.SAME: 18, Spread.EASING: 22, Spread.FURTHER: 1}
    assert r.next_day_counts() == {Symptoms.SAME: 4, Symptoms.BETTER: 6, Symptoms.WORSE: 1}
    assert [(e.day.day, e.kind) for e in r.events] == [
        (8, "worse"), (8, "further"), (8, "stopped"), (9, "next_day_worse"), (9, "next_day_further"),
    ]  # fmt: skip


def test_a_period_and_a_programme_can_be_given(diary):
    own = Programme(per_day=1, start=START + timedelta(days=7))
    with History(diary) as h:
        r = build_report(h, START + timedelta(days=5), START + timedelta(days=9), own)
        assert (len(r.days), r.sessions_prescribed, r.programme) == (5, 3, own)  # 3 days on or after its start
        for first, last in ((LAST, START), (START, START + timedelta(days=400))):
            with pytest.raises(ValueError, match="period"):
                build_report(h, first, last)


def test_a_score_that_rises_by_two_is_an_event(tmp_path):
    with History(tmp_path / "h.sqlite3") as h:
        sid = h.start_session(exercise="lumbar-nerve-floss", side="left", reps_per_set=5, sets_planned=2,
                              range_percent=50, speed=1)  # fmt: skip
        for i, score in enumerate((2, 5)):
            h.record_set(sid, i, reps=5, side="left", range_percent=50)
            h.record_leg(sid, i, score, Spread.SAME)
        r = build_report(h)
    assert [(e.kind, e.detail["previous"], e.detail["score"]) for e in r.events] == [("score_rise", 2, 5)]
    assert r.programme is None and r.sessions_prescribed is None


def test_the_command_writes_one_page(diary, tmp_path, qapp):
    out = tmp_path / "report.pdf"
    programme = tmp_path / "p.floss.toml"
    save_programme(PROGRAMME, programme)
    assert main(["report", str(out), "--diary", str(diary), "--from", "2026-11-30", "--to", "2026-12-13",
                 "--programme", str(programme)]) == 0  # fmt: skip
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", data)) == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--from", "30/11/2026"], "argument --from: '30/11/2026' is not a date; allowed: YYYY-MM-DD"),
        (["--from", "2026-12-10", "--to", "2026-12-01"], "--from/--to: the period ends (2026-12-01) before it starts"),
        (["--diary", "{tmp}/none.sqlite3"], "none.sqlite3: no exercise diary here"),
        (["--diary", "{tmp}/junk.sqlite3"], "junk.sqlite3: cannot be read as an exercise diary"),
    ],
)
def test_bad_options_and_files_are_one_line_and_exit_2(diary, tmp_path, capsys, args, words):
    (tmp_path / "junk.sqlite3").write_bytes(b"this is not a database" * 100)
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--diary" not in args:
        args += ["--diary", str(diary)]
    try:
        code = main(["report", str(tmp_path / "r.pdf"), *args])
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert code == 2 and words in err and not (tmp_path / "r.pdf").exists()


def test_a_report_is_a_pdf(tmp_path, capsys):
    assert main(["report", str(tmp_path / "r.png"), "--diary", str(tmp_path / "x")]) == 2
    assert "allowed: .pdf" in capsys.readouterr().err


def test_reading_the_diary_leaves_its_sessions_alone(diary, tmp_path, qapp):
    before = sqlite3.connect(diary).execute("SELECT COUNT(*) FROM set_result").fetchone()
    assert main(["report", str(tmp_path / "r.pdf"), "--diary", str(diary)]) == 0
    assert sqlite3.connect(diary).execute("SELECT COUNT(*) FROM set_result").fetchone() == before
