"""Presenting to a patient: the figure alone, captions true to the pose, the comparison in step, fixed colours."""

from __future__ import annotations

import pytest
from golden_support import assert_matches_golden
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont

from flossgui.model.exercise import VARIANTS, builtin_exercise
from flossgui.model.pose_words import clinical_angle, pose_words
from flossgui.ui.clinician.colours import KIND_COLOURS
from flossgui.ui.clinician.present import PresentView, pose_caption


@pytest.fixture
def present(qtbot, tutorial, qapp):
    font = qapp.font()
    qapp.setFont(QFont("DejaVu Sans", 9))  # the same type whatever text size an earlier test left behind
    view = PresentView(tutorial, builtin_exercise(VARIANTS["mistake"]))
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    yield view
    qapp.setFont(font)


@pytest.mark.parametrize(
    ("joint", "degrees", "words"),
    [("neck", -35, ("angle.neck.extension", 35)), ("neck", 55, ("angle.neck.flexion", 55)),
     ("knee", 0.4, ("angle.knee.straight", 0)), ("ankle", -40, ("angle.ankle.plantarflexion", 40)),
     ("ankle", 15, ("angle.ankle.dorsiflexion", 15)), ("trunk", 35, ("angle.trunk.flexion", 35))],
)  # fmt: skip
def test_clinical_angle_names(joint, degrees, words):
    assert clinical_angle(joint, degrees) == words


def test_the_caption_says_what_the_frozen_pose_shows(present, tutorial, clock):
    for phi, words in (
        (0.0, ["pose.knee.bent", "pose.trunk.slumped", "pose.neck.down", "pose.ankle.pointed"]),
        (0.35, ["pose.knee.straight", "pose.trunk.tall", "pose.neck.level", "pose.ankle.pointed"]),
        (0.5, ["pose.knee.straight", "pose.trunk.tall", "pose.neck.up", "pose.ankle.up"]),
    ):
        tutorial.seek_phi(phi)
        frame = tutorial.tick()
        pose = frame.pose
        assert pose_words({j: getattr(pose, j) for j in ("neck", "trunk", "knee", "ankle")}) == words
        assert present.shown.caption.text() == pose_caption(frame)
    assert present.shown.caption.text() == "Knee straight, sitting tall, looking up, toes up."


def test_side_by_side_in_step_with_fixed_colours(present, tutorial, qtbot):
    assert not present.side_by_side
    qtbot.keyClick(present, Qt.Key.Key_C)
    assert present.side_by_side and present.beside.isVisible()
    tutorial.seek_phi(0.5)
    frame = tutorial.tick()
    beside = present.beside.view.figure.frame
    assert beside.cycles == pytest.approx(frame.cycles) and beside.pose.knee == pytest.approx(frame.pose.knee)
    assert present.beside.caption.text() == "Knee straight, sitting tall, chin down, toes up."  # the mistake
    assert KIND_COLOURS["slider"].lower() in present.shown.title.styleSheet().lower()
    assert KIND_COLOURS["mistake"].lower() in present.beside.title.styleSheet().lower()


def test_arrow_keys_step_and_escape_leaves(present, tutorial, qtbot):
    tutorial.seek_phi(0.0)
    before = tutorial.tick().phase_index
    qtbot.keyClick(present, Qt.Key.Key_Right)
    assert tutorial.tick().phase_index == before + 1
    qtbot.keyClick(present, Qt.Key.Key_Left)
    assert tutorial.tick().phase_index == before
    with qtbot.waitSignal(present.closed):
        qtbot.keyClick(present, Qt.Key.Key_Escape)


def test_golden_present_side_by_side(present, tutorial, qtbot):
    qtbot.keyClick(present, Qt.Key.Key_C)
    tutorial.seek_phi(0.5)
    tutorial.tick()
    present.hint.hide()  # the key hint is text only; the figures and captions are what is compared
    image = present.grab().toImage().scaled(QSize(640, 360), Qt.AspectRatioMode.IgnoreAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    assert_matches_golden(image, "present")


def test_a_still_figure_in_the_clinician_view_is_captioned_by_its_pose(make_window, tutorial, qtbot):
    window = make_window(mode="clinician")
    tutorial.pause()
    tutorial.seek_phi(0.5)  # the end of "toes up": the next step's words would say "head back to level"
    frame = tutorial.tick()
    assert window.caption.cue.text() == pose_caption(frame) == "Knee straight, sitting tall, looking up, toes up."
    window.change_mode("patient")
    assert window.caption.cue.text() != pose_caption(frame)  # the patient's window keeps its instructions
