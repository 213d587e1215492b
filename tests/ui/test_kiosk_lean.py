"""The kiosk draws the figure more cheaply, looks the same, and gives the normal drawing back."""

from __future__ import annotations

import itertools

import pytest
from conftest import click
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QApplication, QGraphicsPolygonItem

from flossgui.ui.kiosk import film_still, lean_view
from flossgui.ui.kiosk.film_still import _TOLERANCE_PX, _flattened
from flossgui.ui.kiosk.lean_view import FilmScreen
from flossgui.ui.theme.tr import tr


def _screens(view) -> list[FilmScreen]:
    return [child for child in view.children() if isinstance(child, FilmScreen)]


def _grab(kiosk) -> QImage:
    kiosk.advance(0.0)
    return kiosk.window.figure_view.grab().toImage()


def _differing(a: QImage, b: QImage) -> float:
    """Share of pixels that differ by more than a quarter of the range in some channel."""
    assert a.size() == b.size()
    step = 2
    cells = [(x, y) for x in range(0, a.width(), step) for y in range(0, a.height(), step)]

    def far(x: int, y: int) -> bool:
        p, q = a.pixelColor(x, y), b.pixelColor(x, y)
        return max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue())) > 64

    return sum(far(x, y) for x, y in cells) / len(cells)


def test_lean_drawing_is_on_in_the_kiosk_and_undone_when_left(make_kiosk):
    kiosk = make_kiosk(locked=False)
    view = kiosk.window.figure_view
    [screen] = _screens(view)
    assert screen.isVisible() and screen.geometry() == view.rect()
    kiosk.advance(1.0)
    before = view.figure.spine.path()
    kiosk.advance(kiosk.window.tutorial.playback.seconds_per_rep)  # the same moment, kept: the scene stays
    assert view.figure.spine.path() == before
    kiosk.window.change_mode("patient")
    QApplication.processEvents()  # the screen is deleted later
    assert _screens(view) == []
    kiosk.window.tutorial.tick()
    assert view.figure.frame is kiosk.window.tutorial.frame  # the scene follows them again
    assert kiosk.window.tutorial.movement.frame(0.123).phi == 0.123  # and the model works frames out exactly
    kiosk.window.change_mode("kiosk")
    assert len(_screens(view)) == 1


def test_lean_drawing_looks_the_same(make_kiosk):
    kiosk = make_kiosk(locked=False)
    for t in (1.0, 2.0, 3.3, 4.5, 7.7):
        kiosk.clock.now = t
        lean = _grab(kiosk)
        kiosk.mode.lean.undo()
        kiosk.window.tutorial.movement.keep_steps(kiosk.mode.lean.steps)  # the same moment: the step's start
        normal = _grab(kiosk)
        assert _differing(lean, normal) < 0.001  # a few antialiased edge pixels (sub-pixel rounding)
        kiosk.mode.lean.apply()
    kiosk.clock.now = 6.0
    moved = _grab(kiosk)
    assert _differing(moved, normal) > 0.01  # positive control: a different pose is seen as different


def test_lean_drawing_follows_a_new_size(make_kiosk):
    kiosk = make_kiosk(locked=False)
    kiosk.clock.now = 2.0
    _grab(kiosk)
    kiosk.window.resize(kiosk.window.width() - 200, kiosk.window.height() - 100)
    QApplication.processEvents()
    lean = _grab(kiosk)
    kiosk.mode.lean.undo()
    kiosk.window.tutorial.movement.keep_steps(kiosk.mode.lean.steps)
    assert _differing(lean, _grab(kiosk)) < 0.001


def test_lean_drawing_follows_a_new_transform_of_the_same_size(make_kiosk):
    """Not checked every frame: the view says when it is fitted anew (here, mirrored)."""
    kiosk = make_kiosk(locked=False)
    kiosk.clock.now = 2.0
    before = _grab(kiosk)
    kiosk.window.figure_view.set_mirrored(True)
    lean = _grab(kiosk)
    assert _differing(lean, before) > 0.01  # positive control: the film was made again, mirrored
    kiosk.mode.lean.undo()
    kiosk.window.tutorial.movement.keep_steps(kiosk.mode.lean.steps)
    assert _differing(lean, _grab(kiosk)) < 0.001


def test_the_moment_shown_is_at_most_one_frame_early(make_kiosk):
    kiosk = make_kiosk(locked=False)
    tutorial = kiosk.window.tutorial
    frames_per_rep = kiosk.mode.config.max_fps * tutorial.playback.seconds_per_rep
    assert kiosk.mode.lean.steps >= frames_per_rep
    for t in (1.0, 3.3, 6.1):
        kiosk.clock.now = t
        kiosk.advance(0.0)
        exact = tutorial.playback.cycles % 1.0
        assert -1e-9 < exact - tutorial.frame.phi < 1.0 / frames_per_rep + 1e-9


def _play(kiosk, frames: int, late_every: int = 0) -> None:
    """``frames`` frames at ``max_fps``; every ``late_every``-th one late by two more steps."""
    frame_s = kiosk.window.tutorial.playback.seconds_per_rep / kiosk.mode.lean.steps
    for i in range(1, frames + 1):
        kiosk.advance(frame_s * (3 if late_every and i % late_every == 0 else 1))


def test_after_one_rep_each_step_is_known_by_its_change_and_nothing_is_drawn(make_kiosk):
    kiosk = make_kiosk(locked=False)
    lean, screen = kiosk.mode.lean, kiosk.mode.lean.screen
    assert lean.moving and kiosk.window.figure_view.figure.floor not in lean.moving
    _play(kiosk, lean.steps, late_every=7)  # a rep, with late frames that skip steps
    assert sorted(screen.changes) == list(range(lean.steps))  # the steps skipped were drawn on the way
    spine = kiosk.window.figure_view.figure.spine.path()
    drawn = screen.frames_drawn
    _play(kiosk, lean.steps // 2, late_every=5)
    assert kiosk.window.figure_view.figure.spine.path() == spine  # the scene was not asked for a step
    assert screen.shown == kiosk.window.tutorial.movement.kept_step(kiosk.window.tutorial.playback.cycles)
    QApplication.processEvents()
    assert screen.frames_drawn > drawn  # yet the screen shows them
    kept = screen.changes.values()
    repainted = sum(r.width() * r.height() for k in kept for r in k.repaint)
    covered = sum(r.width() * r.height() for k in kept for r in k.covers)
    assert 0 < repainted < 0.7 * covered  # only where the picture changes, not all the figure covers


@pytest.mark.parametrize(("budget", "ratio"), [(lean_view.CHANGES_BUDGET, 1.0), (2_000_000, 1.0), (60_000_000, 1.5)])
def test_steps_played_by_their_changes_are_the_steps_drawn_pixel_for_pixel(make_kiosk, monkeypatch, budget, ratio):
    """With all changes kept, with as many as a small budget holds (the others are drawn), and on
    a screen of 1.5 device pixels to a pixel (the film's own pictures, as the screen asks)."""
    monkeypatch.setattr(lean_view, "CHANGES_BUDGET", budget)
    monkeypatch.setattr(FilmScreen, "devicePixelRatioF", lambda self: ratio)
    kiosk = make_kiosk(locked=False)
    lean, screen = kiosk.mode.lean, kiosk.mode.lean.screen
    drawn: dict[int, QImage] = {}
    frame_s = kiosk.window.tutorial.playback.seconds_per_rep / lean.steps
    for _ in range(lean.steps):  # the first rep: each step drawn
        kiosk.advance(frame_s)
        if screen.shown % 23 == 0:
            drawn[screen.shown] = screen.canvas.copy()
    assert len(drawn) >= 10 and drawn[0] != drawn[23]  # positive control: the steps differ
    assert drawn[0].devicePixelRatio() == ratio
    compared = 0
    for seconds in [frame_s] * lean.steps + [frame_s * 3] * 50 + [frame_s * 0.37 * lean.steps] * 9:
        kiosk.advance(seconds)  # the next reps, late frames and jumps: played by the changes
        if screen.shown in drawn:
            assert screen.canvas == drawn[screen.shown]
            compared += 1
    assert compared >= 12
    assert 0 < screen.kept_bytes <= budget and (len(screen.changes) == lean.steps) == (budget > 10_000_000)


def test_a_screen_without_a_picture_draws_steps_and_keeps_nothing(make_kiosk):
    """A view too small to have a picture (none at all) must not stop the kiosk."""
    screen = make_kiosk(locked=False).mode.lean.screen
    foot = QGraphicsPolygonItem(QPolygonF([QPointF(10, 10), QPointF(60, 20), QPointF(20, 50)]))
    still = film_still.Still([foot], QTransform(), film_still.Shared(1.0))
    screen.start(QImage(), 10)
    for step in range(3):
        screen.draw(step, still)
    assert screen.shown == 2 and screen.changes == {}


def test_a_new_speed_forgets_the_changes_kept(make_kiosk):
    kiosk = make_kiosk(locked=False)
    screen = kiosk.mode.lean.screen
    _play(kiosk, 20)
    steps = kiosk.mode.lean.steps
    click(kiosk.mode.panel.faster_button)  # another speed: other steps
    assert kiosk.mode.lean.steps != steps
    _play(kiosk, 5)
    assert 0 < len(screen.changes) <= 5


def test_hidden_patient_widgets_rest_while_the_kiosk_plays_and_catch_up_when_shown(make_kiosk):
    kiosk = make_kiosk(locked=False)
    window = kiosk.window
    kiosk.advance(1.0)
    scrub, cue = window.controls.scrub.value(), window.caption.cue.text()
    kiosk.advance(2.5)  # another step of the rep: the kiosk's own caption follows it
    assert kiosk.mode.panel.caption.cue.text() != cue
    assert (window.controls.scrub.value(), window.caption.cue.text()) == (scrub, cue)  # hidden: no work
    window.change_mode("patient")
    assert window.caption.cue.text() == kiosk.mode.panel.caption.cue.text()  # shown again: up to date
    assert window.controls.scrub.value() != scrub


def test_within_a_step_only_the_film_follows_and_the_next_step_is_published(make_kiosk):
    kiosk = make_kiosk(locked=False)
    tutorial, screen = kiosk.window.tutorial, kiosk.mode.lean.screen
    published = []
    tutorial.frame_changed.connect(published.append)
    kiosk.advance(1.0)
    step, shown = tutorial.frame.phase_index, screen.shown
    published.clear()
    frame_s = tutorial.playback.seconds_per_rep / kiosk.mode.lean.steps
    for _ in range(3):
        kiosk.advance(frame_s)  # the next frame, within the same step of the exercise
        assert tutorial.frame.phase_index == step and screen.shown != shown  # the picture moves on
        shown = screen.shown
        now = tutorial.playback.cycles
        assert screen.shown == tutorial.movement.kept_step(now)  # the film's step for now
        assert tutorial.frame.cycles == now  # worked out when asked, for the moment shown
    assert published == []  # nobody else was told
    while tutorial.frame.phase_index == step:
        kiosk.advance(frame_s)
    assert published == [tutorial.frame]  # the next step is
    assert kiosk.mode.panel.caption.cue.text() == tr(tutorial.frame.phase.cue)  # and the words follow it


_coordinate = st.floats(-500.0, 500.0, allow_nan=False)
_point = st.builds(QPointF, _coordinate, _coordinate)


def _distance_to(segments: list[QLineF], p: QPointF) -> float:
    best = float("inf")
    for s in segments:
        d = s.p2() - s.p1()
        length2 = QPointF.dotProduct(d, d)
        t = 0.0 if length2 == 0 else min(max(QPointF.dotProduct(p - s.p1(), d) / length2, 0.0), 1.0)
        best = min(best, QLineF(p, s.p1() + d * t).length())
    return best


@settings(max_examples=60, deadline=None)
@given(start=_point, curves=st.lists(st.tuples(_point, _point, _point), min_size=1, max_size=4))
def test_a_curve_is_drawn_with_segments_within_the_tolerance_of_it(start, curves):
    path = QPainterPath(start)
    for c1, c2, end in curves:
        path.cubicTo(c1, c2, end)
    assume(path.elementCount() > 1)  # Qt drops a curve that goes nowhere
    points = _flattened(path)
    assert points[0] == start and points[-1] == curves[-1][2]
    segments = [QLineF(a, b) for a, b in itertools.pairwise(points)] or [QLineF(start, start)]  # a dot, drawn as one
    p0 = start
    for p1, p2, p3 in curves:
        for k in range(33):  # points of each curve, by its own parameter
            t, u = k / 32, 1 - k / 32
            on_curve = p0 * (u * u * u) + p1 * (3 * u * u * t) + p2 * (3 * u * t * t) + p3 * (t * t * t)
            assert _distance_to(segments, on_curve) <= _TOLERANCE_PX + 1e-6
        p0 = p3


@settings(max_examples=40, deadline=None)
@given(corners=st.lists(_point, min_size=3, max_size=3), width=st.floats(film_still._CORE_UNDER_PX, 40.0))
def test_a_filled_outline_looks_the_same_with_its_core_not_antialiased(qapp, corners, width):
    """The foot: a triangle filled and outlined in one colour. Its fill is drawn without
    antialiasing, which only the pixels along its edges could show, and the outline covers them."""
    colour = QColor("#3b4a55")
    pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    foot = QGraphicsPolygonItem(QPolygonF([c + QPointF(600, 600) for c in corners]))
    foot.setPen(pen)
    foot.setBrush(colour)
    still = film_still.Still([foot], QTransform(), film_still.Shared(1.0))
    kinds = [op[0] for op in still.ops]
    assert film_still._CORE in kinds  # the fill is one

    def painted(ops: list[tuple]) -> QImage:
        image = QImage(1200, 1200, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        still.ops = ops
        still.paint(painter)
        painter.end()
        return image

    core = painted(still.ops)
    smooth = painted([(film_still._POLYGON, *op[1:]) if op[0] == film_still._CORE else op for op in still.ops])
    assert core == smooth
