"""What the kiosk screen shows over time: the loop, the captions, visitors, demos, opening hours."""

from __future__ import annotations

import math
from datetime import datetime

import pytest
from kiosk_support import MONDAY_NOON
from PySide6.QtCore import QSize

from flossgui.kiosk import attract
from flossgui.kiosk.attract import Scene
from flossgui.kiosk.config import KioskConfig
from flossgui.kiosk.schedule import OpeningHours, parse_range
from flossgui.model.session import State
from flossgui.ui.kiosk import hours_watch
from flossgui.ui.kiosk.attract import frame_interval_ms
from flossgui.ui.kiosk.mode import band_messages
from flossgui.ui.kiosk.overlay import screen_unit
from flossgui.ui.theme.tr import tr

PERIOD = 10.0  # the built-in exercise's seconds per rep at speed 1
OFFICE = OpeningHours(tuple((parse_range("08:00-18:00"),) for _ in range(7)))


def expected_cycles(kiosk, t: float) -> float:
    return t * kiosk.mode.config.speed / PERIOD


def test_the_loop_follows_the_clock(make_kiosk):
    kiosk = make_kiosk(KioskConfig(speed=1.5), locked=False)
    for t in (0.0, 2.5, 7.0, 123.4):
        kiosk.clock.now = t
        kiosk.mode.loop.tick()
        frame = kiosk.window.figure_view.figure.frame
        assert frame.cycles == pytest.approx(expected_cycles(kiosk, t))
        assert kiosk.mode.panel.caption.cue.text() == tr(frame.phase.cue)  # the cue is in step
    assert kiosk.window.tutorial.counter.reps_done == 0  # the loop is never counted


def test_frame_rate_cap():
    assert frame_interval_ms(30) == 34 and 1000 / frame_interval_ms(30) <= 30
    assert frame_interval_ms(60) == 17 and frame_interval_ms(5) == 200


def test_frame_timer_uses_the_configured_cap(make_kiosk):
    kiosk = make_kiosk(KioskConfig(max_fps=12), locked=False)
    timer = kiosk.mode.loop.frame_timer
    assert timer.isActive() and timer.interval() == frame_interval_ms(12)
    assert not kiosk.window.tutorial.ticking  # the tutorial's own 60 Hz timer stays off


def test_only_the_capped_timer_draws(make_kiosk):
    kiosk = make_kiosk(KioskConfig(max_fps=12), locked=False)
    window, tutorial = kiosk.window, kiosk.window.tutorial
    window.change_mode("patient")
    tutorial.start()  # as the patient window runs
    window.change_mode("kiosk")
    assert kiosk.mode.loop.frame_timer.isActive() and not tutorial.ticking
    window.change_mode("patient")
    assert tutorial.ticking
    tutorial.stop()


def test_messages_cycle(make_kiosk):
    config = KioskConfig(clinic_name="Riverside Physio", messages=("First line.", "Second line."))
    kiosk = make_kiosk(config, locked=False)
    expected = [tr("kiosk.string"), "First line.", "Second line.", tr("kiosk.safety"), tr("kiosk.home")]
    assert band_messages(config) == expected
    seen = []
    for _ in range(len(expected) + 1):
        seen.append(kiosk.mode.panel.message.text())
        kiosk.advance(attract.MESSAGE_SECONDS)
    assert seen == [*expected, expected[0]]
    assert kiosk.mode.panel.clinic.text() == "Riverside Physio" and kiosk.mode.panel.clinic.isVisible()


def test_no_clinic_name_no_header(make_kiosk):
    kiosk = make_kiosk(KioskConfig(), locked=False)
    assert not kiosk.mode.panel.clinic.isVisible()


def test_visitor_changes_then_idle_returns_to_the_loop(make_kiosk):
    config = KioskConfig(idle_timeout_seconds=20, side="right", speed=1.0)
    kiosk = make_kiosk(config, locked=False)
    panel, tutorial, loop = kiosk.mode.panel, kiosk.window.tutorial, kiosk.mode.loop
    panel.faster_button.click()
    panel.left_button.click()
    assert loop.scene is Scene.VISITOR
    assert tutorial.speed == 1.5 and tutorial.setup.side == "left"
    kiosk.advance(19.5)
    assert loop.scene is Scene.VISITOR
    kiosk.advance(0.5)
    assert loop.scene is Scene.ATTRACT
    assert tutorial.speed == 1.0 and tutorial.setup.side == "right" and panel.right_button.isChecked()
    kiosk.advance(0.1)
    assert kiosk.window.figure_view.figure.frame.cycles == pytest.approx(expected_cycles(kiosk, kiosk.clock.now))


def test_input_anywhere_restarts_the_idle_time(make_kiosk):
    kiosk = make_kiosk(KioskConfig(idle_timeout_seconds=20))
    kiosk.mode.panel.slower_button.click()
    kiosk.advance(15)
    kiosk.mode.lock.activity.emit()
    kiosk.advance(15)
    assert kiosk.mode.loop.scene is Scene.VISITOR
    kiosk.advance(5)
    assert kiosk.mode.loop.scene is Scene.ATTRACT


def test_demo_counts_a_few_reps_then_idles_back(make_kiosk):
    kiosk = make_kiosk(KioskConfig(idle_timeout_seconds=10), locked=False)
    panel, tutorial, loop = kiosk.mode.panel, kiosk.window.tutorial, kiosk.mode.loop
    kiosk.advance(3.0)  # mid-rep
    panel.demo_button.click()
    assert loop.scene is Scene.DEMO and panel.count.isVisible()
    assert panel.count.text() == tr("kiosk.rep_of", n=1, total=attract.DEMO_REPS)
    assert tutorial.frame.phi == pytest.approx(0.0)  # from the start pose
    for rep in range(1, attract.DEMO_REPS):
        for _ in range(10):
            kiosk.advance(PERIOD / 10)
        assert panel.count.text() == tr("kiosk.rep_of", n=rep + 1, total=attract.DEMO_REPS)
        assert loop.scene is Scene.DEMO  # a demo in progress is not idle
    for _ in range(10):
        kiosk.advance(PERIOD / 10)
    assert tutorial.counter.state is State.FINISHED and tutorial.counter.reps_done == attract.DEMO_REPS
    assert panel.count.text() == tr("kiosk.done")
    kiosk.advance(9)
    assert loop.scene is Scene.DEMO
    kiosk.advance(1)
    assert loop.scene is Scene.ATTRACT and not panel.count.isVisible()
    assert tutorial.playing and tutorial.counter.state is State.EXERCISING


@pytest.mark.parametrize(("outside", "label_shown"), [("dim", True), ("blank", False)])
def test_outside_hours_the_screen_dims_or_blanks(make_kiosk, outside, label_shown):
    config = KioskConfig(hours=OFFICE, outside_hours=outside)
    kiosk = make_kiosk(config, start=datetime(2026, 3, 2, 17, 59, 30), locked=False)
    mode = kiosk.mode
    assert not mode.curtain.isVisible() and mode.loop.frame_timer.isActive() and kiosk.awake == [True]
    assert mode.hours.timer.interval() == 30_000  # wakes exactly at closing time
    kiosk.clock.advance(30)
    mode.hours.check()
    assert mode.curtain.isVisible() and not mode.loop.frame_timer.isActive() and kiosk.awake == [True, False]
    assert mode.curtain.label.isVisible() == label_shown
    if label_shown:
        assert "08:00" in mode.curtain.label.text()
    assert mode.hours.timer.interval() == hours_watch.RECHECK_S * 1000  # capped: catches clock jumps
    kiosk.clock.advance(14 * 3600)
    mode.hours.check()
    assert not mode.curtain.isVisible() and mode.loop.frame_timer.isActive() and kiosk.awake[-1] is True
    mode.loop.tick()
    assert kiosk.window.figure_view.figure.frame.cycles == pytest.approx(expected_cycles(kiosk, kiosk.clock.now))


def test_staff_can_leave_when_closed(make_kiosk, qtbot):
    config = KioskConfig(hours=OFFICE)
    kiosk = make_kiosk(config, start=datetime(2026, 3, 2, 22, 0))
    kiosk.mode.lock.admin_requested.emit()
    assert kiosk.mode.curtain.isVisible() and kiosk.mode.pin_pad.isVisible()
    assert kiosk.mode.pin_pad.geometry() == kiosk.window.rect()


def test_switching_back_to_patient_mode_restores_the_window(make_kiosk):
    kiosk = make_kiosk()
    w = kiosk.window
    w.change_mode("patient")
    assert not w.isFullScreen() and w.side_panel.isVisible() and w.controls.isVisible()
    assert not kiosk.mode.panel.isVisible() and not kiosk.mode.loop.frame_timer.isActive()
    assert w.close() is True


def test_sizes_follow_the_screen():
    assert screen_unit(QSize(1920, 1080)) == 1.0
    assert screen_unit(QSize(1080, 1920)) == 1.0
    assert screen_unit(QSize(1280, 720)) == pytest.approx(2 / 3)
    assert screen_unit(QSize(1280, 1024)) == pytest.approx(2 / 3)


def test_portrait_puts_the_words_below(make_kiosk, qtbot):
    kiosk = make_kiosk(locked=False)
    kiosk.window.resize(1080, 1920)
    qtbot.waitUntil(lambda: kiosk.mode.panel.geometry().top() > kiosk.window.figure_view.geometry().bottom())
    kiosk.window.resize(1920, 1080)
    qtbot.waitUntil(lambda: kiosk.mode.panel.geometry().left() > kiosk.window.figure_view.geometry().right())
    assert math.isclose(kiosk.mode.panel.width(), 1920 * 0.46, abs_tol=2)


def test_a_fresh_kiosk_starts_at_noon_open(make_kiosk):
    kiosk = make_kiosk(KioskConfig(hours=OFFICE), locked=False)
    assert kiosk.start == MONDAY_NOON and kiosk.mode.hours.is_open


def test_the_curtain_and_the_pin_pad_cover_the_window_whatever_its_size(make_kiosk, qtbot):
    kiosk = make_kiosk(locked=False)
    mode, window = kiosk.mode, kiosk.window
    mode.pin_pad.open_pad()
    mode.curtain.show_on_top()
    for size in ((1024, 600), (1080, 1920)):
        window.resize(*size)
        qtbot.waitUntil(lambda: mode.pin_pad.geometry() == window.rect() == mode.curtain.geometry())
