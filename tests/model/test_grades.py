"""The grade ladder: named steps from the knee alone to the whole floss, each a playable exercise."""

from __future__ import annotations

import pytest

from flossgui.model.exercise import builtin_exercise
from flossgui.model.grades import DEFAULT_GRADE, GRADE_NAMES, GRADES, grade
from flossgui.model.motion import Movement, Setup
from flossgui.text import TEXT


def test_the_ladder_goes_from_the_knee_alone_to_the_whole_floss():
    assert GRADE_NAMES == ("knee", "ankle-head", "combined-small", "combined")
    assert GRADES[-1].name == DEFAULT_GRADE and grade("combined").range_percent == 100
    assert grade("combined-small").exercise == grade("combined").exercise
    assert grade("combined-small").range_percent < 100


@pytest.mark.parametrize("g", GRADES, ids=GRADE_NAMES)
def test_each_grade_has_words_and_plays(g):
    assert g.label == TEXT[g.label_key] and g.description == TEXT[g.description_key]
    exercise = builtin_exercise(g.exercise)
    movement = Movement(exercise, Setup(range_fraction=g.range_percent / 100))
    frames = [movement.frame(i / 10) for i in range(10)]
    assert all(f.cue in TEXT for f in frames)
    moving = {j for f in frames for j, a in f.pose.as_dict().items() if a != frames[0].pose.as_dict()[j]}
    assert "knee" in moving or g.name == "ankle-head"


def test_the_single_joint_grades_move_only_their_joints():
    knee = builtin_exercise(grade("knee").exercise)
    ankle_head = builtin_exercise(grade("ankle-head").exercise)
    assert {k.angles[1] for k in knee.keyframes} == {0} and {k.angles[0] for k in knee.keyframes} == {0}
    assert {k.angles[2] for k in ankle_head.keyframes} == {90}  # knee stays bent


def test_an_unknown_grade_names_the_choices():
    with pytest.raises(ValueError, match="knee, ankle-head"):
        grade("hardest")
