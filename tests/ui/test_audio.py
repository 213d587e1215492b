"""Cue → sound and clip, mute and speech switches, the real engine on miniaudio's null backend."""

from __future__ import annotations

import logging

import pytest

from flossgui.audio.engine import sound_seconds
from flossgui.audio.voice import COUNTS, count_clip, instruction_clip, load_voice
from flossgui.core.resources import asset
from flossgui.model.cues import INSTRUCTION_GAP_S, Countdown, Cue, CueKind, CueSchedule, session_cues
from flossgui.model.exercise import builtin_exercise
from flossgui.model.session import Event
from flossgui.model.symptoms import Symptoms
from flossgui.ui.session.audio import SOUNDS, CuePlayer, SilentOutput

EXERCISE = builtin_exercise()
SCHEDULE = CueSchedule(EXERCISE.phases)


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def play(self, sound: str) -> None:
        self.calls.append(("play", sound))

    def say(self, clip: str) -> None:
        self.calls.append(("say", clip))

    def hush(self) -> None:
        self.calls.append(("hush", ""))


@pytest.fixture
def player(qapp):
    return CuePlayer(EXERCISE, Recorder())


def test_every_sounding_cue_kind_has_a_shipped_sound():
    assert set(SOUNDS) == set(CueKind) - {CueKind.INSTRUCTION, CueKind.QUESTION}
    for name in SOUNDS.values():
        assert asset("sounds", f"{name}.wav").stat().st_size > 0
    assert len({SOUNDS[CueKind.PHASE], SOUNDS[CueKind.REP], SOUNDS[CueKind.SET_DONE], SOUNDS[CueKind.FINISHED]}) == 4


def test_a_frame_sounds_once_and_says_only_the_latest_count(player):
    cues = SCHEDULE.between(0.2, 3.0)  # several phases and reps in one (long) frame
    assert player.play(cues).kind is CueKind.REP
    assert player.output.calls == [("play", "rep"), ("say", "count.3")]
    player.output.calls.clear()
    player.play([*SCHEDULE.between(2.9, 3.0, set_start=0, set_end=4), *session_cues([Event.FINISHED])])
    assert player.output.calls == [("play", "finish"), ("say", "count.3"), ("say", "spoken.finished")]
    assert player.play([]) is None


def test_countdown_gets_ready_then_counts_then_begins(player):
    for cue in Countdown(0.0).between(None, 3.0):
        player.play([cue])
    spoken = [clip for what, clip in player.output.calls if what == "say"]
    assert spoken == ["spoken.count_in", "count.2", "count.1", "spoken.go"]


def test_instructions_are_spoken_before_their_phase_without_a_sound(player):
    leads = player.instruction_leads(SCHEDULE, EXERCISE.period_s)
    voice = load_voice("en")
    assert leads[1] == pytest.approx((voice.clips["spoken.toes_up"].seconds + 0.1) / EXERCISE.period_s)
    cues = SCHEDULE.between(0.0, 0.35, leads=leads)
    player.play([c for c in cues if c.kind is CueKind.INSTRUCTION])
    assert player.output.calls == [("say", "spoken.toes_up")]


def test_the_next_words_leave_room_for_the_rep_chime_and_the_count(player):
    """The count is said once the rep's chime ends (the mixer never starts a clip over a sound), so
    the next step's words, said after the count, fit only if the phase leaves room for all three."""
    voice = load_voice("en")
    count_s = sound_seconds(SOUNDS[CueKind.REP]) + max(voice.seconds(count_clip(n)) for n in COUNTS)
    words_s = voice.seconds(instruction_clip(EXERCISE, 1)) + INSTRUCTION_GAP_S
    first = EXERCISE.phases[0]
    just_fits_s = (count_s + words_s) / (first.end - first.start)  # seconds per rep
    assert player.instruction_leads(SCHEDULE, just_fits_s * 1.01)[1] is not None
    assert player.instruction_leads(SCHEDULE, just_fits_s * 0.99)[1] is None


def test_mute_silences_everything_and_speech_can_be_off(player, qtbot):
    with qtbot.waitSignal(player.mutedChanged) as signal:
        player.set_muted(True)
    assert signal.args == [True]
    assert player.output.calls == [("hush", "")]  # what was being said stops too
    assert player.play([Cue(CueKind.REP, count=1)]) is None
    player.say_answer(Symptoms.BETTER)
    assert player.output.calls == [("hush", "")]
    with qtbot.assertNotEmitted(player.mutedChanged):
        player.set_muted(True)
    player.set_muted(False)
    player.speech = False
    player.play([Cue(CueKind.REP, count=1)])
    assert player.output.calls[-1] == ("play", "rep")
    assert player.instruction_leads(SCHEDULE, 10.0) == ()


def test_the_answer_cuts_the_question_short(player):
    player.say_answer(Symptoms.WORSE)
    assert player.output.calls == [("hush", ""), ("say", "spoken.worse")]


def test_silent_output_is_reported_as_no_sound(qapp):
    assert CuePlayer(EXERCISE, SilentOutput()).has_sound is False


def test_the_engine_is_made_on_first_use_and_reports_when_ready(qtbot):
    player = CuePlayer(EXERCISE)  # FLOSSGUI_AUDIO=null (tests/conftest.py): miniaudio's null backend
    assert player.has_sound is None and player._output is None
    with qtbot.waitSignal(player.output_ready, timeout=5000) as ready:
        player.prepare()
    assert ready.args == [True] and player.has_sound is True and player.problem == ""
    player.play(Countdown(0.0).between(None, 0.0))
    engine = player.output
    qtbot.waitUntil(lambda: [s.name for s in engine.mixer.started] == ["tick", "spoken.count_in"], timeout=3000)
    player.close()


def test_without_an_audio_device_cues_are_silent_and_say_why_once(qtbot, monkeypatch, caplog):
    monkeypatch.setenv("FLOSSGUI_AUDIO", "nosuchbackend")
    player = CuePlayer(EXERCISE)
    with caplog.at_level(logging.INFO, logger="flossgui.audio.engine"):
        with qtbot.waitSignal(player.output_ready, timeout=5000) as ready:
            player.prepare()
        player.play([Cue(CueKind.REP, count=1)])
    assert ready.args == [False] and player.has_sound is False
    assert "unknown audio backend" in player.problem
    assert [r.levelname for r in caplog.records] == ["WARNING"]
