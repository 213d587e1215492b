"""Cue → sound and words, mute and speech switches, and silence without an audio device."""

from __future__ import annotations

import logging
import sys

import pytest

from flossgui.core.resources import asset
from flossgui.model.cues import Countdown, Cue, CueKind, CueSchedule, session_cues
from flossgui.model.exercise import builtin_exercise
from flossgui.model.session import Event
from flossgui.ui.session.audio import SOUNDS, CuePlayer, SilentOutput, qt_output, words_for

EXERCISE = builtin_exercise()


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def play(self, sound: str) -> None:
        self.calls.append(("play", sound))

    def say(self, words: str) -> None:
        self.calls.append(("say", words))


@pytest.fixture
def player(qapp):
    return CuePlayer(EXERCISE, Recorder())


def test_every_cue_kind_has_a_shipped_sound():
    assert set(SOUNDS) == set(CueKind)
    for name in SOUNDS.values():
        assert asset("sounds", f"{name}.wav").stat().st_size > 0
    assert len({SOUNDS[CueKind.PHASE], SOUNDS[CueKind.REP], SOUNDS[CueKind.SET_DONE], SOUNDS[CueKind.FINISHED]}) == 4


def test_every_phase_and_event_has_words(qapp):
    for i in range(len(EXERCISE.phases)):
        assert words_for(Cue(CueKind.PHASE, phase=i), EXERCISE)
    for kind in (CueKind.GO, CueKind.SET_DONE, CueKind.REST_OVER, CueKind.FINISHED):
        assert words_for(Cue(kind), EXERCISE)
    assert words_for(Cue(CueKind.REP, count=7), EXERCISE) == "7"


def test_a_frame_sounds_once_with_its_most_important_cue(player):
    cues = CueSchedule(EXERCISE.phases).between(0.2, 3.0)  # several phases and reps in one (long) frame
    assert player.play(cues).kind is CueKind.REP
    assert player.output.calls == [("play", "rep"), ("say", "3")]
    player.output.calls.clear()
    player.play([*CueSchedule(EXERCISE.phases).between(2.9, 3.0), *session_cues([Event.FINISHED])])
    assert player.output.calls[0] == ("play", "finish")
    assert player.play([]) is None


def test_countdown_counts_aloud(player):
    for cue in Countdown(0.0).between(None, 3.0):
        player.play([cue])
    spoken = [w for what, w in player.output.calls if what == "say"]
    assert spoken[:3] == ["3", "2", "1"] and len(spoken) == 4


def test_mute_silences_everything_and_speech_can_be_off(player, qtbot):
    with qtbot.waitSignal(player.mutedChanged) as signal:
        player.set_muted(True)
    assert signal.args == [True]
    assert player.play([Cue(CueKind.REP, count=1)]) is None and player.output.calls == []
    with qtbot.assertNotEmitted(player.mutedChanged):
        player.set_muted(True)
    player.set_muted(False)
    player.speech = False
    player.play([Cue(CueKind.REP, count=1)])
    assert player.output.calls == [("play", "rep")]


def test_without_an_audio_device_cues_are_silent_with_at_most_one_log_line(qapp, caplog):
    with caplog.at_level(logging.INFO, logger="flossgui.ui.session.audio"):
        output = qt_output()
        player = CuePlayer(EXERCISE, output)
        player.play([Cue(CueKind.REP, count=1)])
    assert len(caplog.records) <= 1
    if not caplog.records:  # a machine with sound: the real output was built
        assert not isinstance(output, SilentOutput)


def test_missing_multimedia_library_means_silence_and_one_warning(qapp, caplog, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import now raises ImportError
    with caplog.at_level(logging.INFO, logger="flossgui.ui.session.audio"):
        assert isinstance(qt_output(), SilentOutput)
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "Qt Multimedia" in caplog.records[0].getMessage()


def test_silent_output_is_reported_as_no_sound(qtbot):
    from flossgui.model.exercise import builtin_exercise
    from flossgui.ui.session.audio import CuePlayer, SilentOutput

    assert not CuePlayer(builtin_exercise(), SilentOutput()).has_sound


def test_the_real_output_is_made_on_first_use_not_with_the_player(qapp, monkeypatch):
    from flossgui.ui.session import audio

    made: list[object] = []
    monkeypatch.setattr(audio, "qt_output", lambda parent=None: made.append(parent) or SilentOutput())
    player = CuePlayer(EXERCISE)
    ready: list[bool] = []
    player.output_ready.connect(ready.append)
    assert player.has_sound is None and made == []
    player.prepare()
    player.play([Cue(CueKind.REP, count=1)])
    assert made == [player] and ready == [False] and player.has_sound is False
