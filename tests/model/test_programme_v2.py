"""Programme files, version 2: the whole prescription round-trips, version 1 still reads, errors name the field."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flossgui.core.errors import InputError
from flossgui.model.exercise import DEFAULT_EXERCISE
from flossgui.model.grades import GRADE_NAMES, grade
from flossgui.model.programme import (
    FORMAT,
    Clinician,
    Programme,
    Step,
    dumps_programme,
    load_programme,
    logo_path,
    parse_programme,
)

FULL = """
format = 2
[patient]
name = "J. S."
[programme]
grade = "ankle-head"
side = "right"
range_percent = 60
seat_height_cm = 58
reps = 10
sets = 2
rest_s = 30
tempo_s = 10
per_day = 2
start = 2026-11-30
review = 2026-12-14
notes = "Stop if the tingling spreads."
[[progression]]
weeks = [1, 2]
grade = "ankle-head"
range_percent = 100
advance_if = "no flare-up the next day"
[[progression]]
weeks = [3, 4]
grade = "combined-small"
range_percent = 50
[clinician]
name = "A. Physio"
clinic = "Riverside Physiotherapy"
contact = "01234 567890"
logo = "logo.png"
"""


def write(tmp_path, text: str):
    path = tmp_path / "p.floss.toml"
    path.write_text(text)
    return path


def test_the_whole_prescription_is_read(tmp_path):
    p = load_programme(write(tmp_path, FULL))
    assert (p.patient, p.grade, p.exercise, p.seat_height_cm, p.per_day) == (
        "J. S.",
        "ankle-head",
        "floss-ankle-head",
        58.0,
        2,
    )
    assert (p.start, p.review) == (date(2026, 11, 30), date(2026, 12, 14))
    assert p.progression == (
        Step(1, 2, "ankle-head", 100, "no flare-up the next day"),
        Step(3, 4, "combined-small", 50),
    )
    logo = str(tmp_path.resolve() / "logo.png")  # found beside the programme file, wherever it is opened from
    assert p.clinician == Clinician("A. Physio", "Riverside Physiotherapy", "01234 567890", logo)
    assert logo_path(p) == tmp_path.resolve() / "logo.png"
    assert p.week_of(date(2026, 12, 7)) == 2 and p.step_on(date(2026, 12, 7)).grade == "ankle-head"
    assert p.step_on(date(2026, 12, 14)).grade == "combined-small" and p.step_on(date(2027, 3, 1)) is None


def test_a_version_1_file_still_reads_and_saves_as_version_2(tmp_path):
    old = load_programme(write(tmp_path, '[programme]\ntitle = "Old"\nside = "left"\nreps = 8\nsets = 2\n'))
    assert old == Programme(reps=8, sets=2, side="left", title="Old") and old.grade == ""
    text = dumps_programme(old)
    assert f"format = {FORMAT}" in text and parse_programme(tomllib.loads(text), "mem") == old


@pytest.mark.parametrize(
    ("change", "field", "allowed"),
    [
        (("format = 2", "format = 3"), "format", "allowed: 1 or 2"),
        (('grade = "ankle-head"\nside', 'grade = "hard"\nside'), "programme.grade", "knee, ankle-head"),
        (("per_day = 2", "per_day = 0"), "programme.per_day", "1 to 6"),
        (("seat_height_cm = 58", "seat_height_cm = 20"), "programme.seat_height_cm", "35 to 90"),
        (("review = 2026-12-14", "review = 2026-11-01"), "programme.review", "on or after 2026-11-30"),
        (("start = 2026-11-30", 'start = "next Monday"'), "programme.start", "a date such as"),
        (("weeks = [3, 4]", "weeks = [2, 4]"), "progression[1].weeks", "first week after 2"),
        (("weeks = [1, 2]", "weeks = [2, 1]"), "progression[0].weeks", "[first, last]"),
        (('name = "J. S."', 'name = "J. S."\nnhs = 1'), "patient.nhs", "one of name"),
        (('logo = "logo.png"', "logo = 3"), "clinician.logo", "text"),
        (("format = 2", ""), "patient", "format = 2 at the top"),  # version 1 has no patient
    ],
)
def test_errors_name_file_field_and_what_is_allowed(tmp_path, change, field, allowed):
    path = write(tmp_path, FULL.replace(*change))
    with pytest.raises(InputError) as info:
        load_programme(path)
    message = info.value.message()
    assert message.startswith(f"{path}: ") and field in message and allowed in message and "\n" not in message


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def programmes(draw) -> Programme:
    side = draw(st.sampled_from(["left", "right", "both"]))
    named = draw(st.sampled_from(["", *GRADE_NAMES]))
    start = draw(st.none() | st.dates(date(2000, 1, 1), date(2100, 1, 1)))
    review = None if start is None else draw(st.none() | st.integers(0, 400).map(lambda d: start + timedelta(d)))
    steps, week = [], 1
    for _ in range(draw(st.integers(0, 4))):
        first = week + draw(st.integers(0, 3))
        last = first + draw(st.integers(0, 4))
        steps.append(Step(first, last, draw(st.sampled_from(GRADE_NAMES)), draw(st.floats(10, 100)), draw(texts)))
        week = last + 1
    return Programme(
        reps=draw(st.integers(1, 50)),
        sets=draw(st.integers(1, Programme.max_sets(side))),
        rest_s=draw(st.floats(0, 600)),
        tempo_s=draw(st.floats(6, 20)),
        side=side,
        range_percent=draw(st.floats(10, 100)),
        title=draw(texts),
        notes=draw(st.text(max_size=200)),
        patient=draw(texts),
        grade=named,
        exercise=grade(named).exercise if named else DEFAULT_EXERCISE,
        seat_height_cm=draw(st.none() | st.floats(35, 90)),
        per_day=draw(st.none() | st.integers(1, 6)),
        start=start,
        review=review,
        progression=tuple(steps),
        clinician=Clinician(draw(texts), draw(texts), draw(texts), draw(texts)),
    )


@given(programmes())
def test_every_programme_round_trips_through_its_file(programme):
    assert parse_programme(tomllib.loads(dumps_programme(programme)), "mem") == programme


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200)
@given(st.lists(st.sampled_from(FULL.splitlines()), max_size=40).map("\n".join))
def test_any_mix_of_its_lines_is_a_programme_or_one_line_naming_the_file(tmp_path, text):
    path = write(tmp_path, text)
    try:
        assert isinstance(load_programme(path), Programme)
    except InputError as exc:
        assert str(path) in exc.message() and "\n" not in exc.message()
