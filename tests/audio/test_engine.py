"""The engine on miniaudio's null backend: it loads off the caller's thread and plays what it is told."""

from __future__ import annotations

import threading
import time

import pytest

from flossgui.audio.engine import SOUND_NAMES, Engine, backends_from_env, sound_seconds
from flossgui.audio.voice import load_voice


def test_loads_on_its_own_thread_and_plays_on_the_null_backend():
    engine = Engine("en", backends=["null"])
    caller = threading.get_ident()
    seen: list[tuple[str | None, bool]] = []
    engine.say("spoken.count_in")  # before it is ready: played once it is
    engine.start(lambda problem: seen.append((problem, threading.get_ident() != caller)))
    assert engine.wait(10)
    try:
        assert seen == [(None, True)] and engine.problem is None and engine.backend
        assert set(engine.mixer.sounds) == set(SOUND_NAMES)
        assert set(engine.mixer.clips) == set(load_voice("en").clips)
        deadline = time.monotonic() + 3
        while not engine.mixer.started and time.monotonic() < deadline:
            time.sleep(0.02)  # the clip asked for before loading starts with the first block
        engine.play("tick")
        while len(engine.mixer.started) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert [s.name for s in engine.mixer.started] == ["spoken.count_in", "tick"]
        assert engine.mixer.frames > 0  # the null device pulls blocks in real time
    finally:
        engine.close()
        engine.close()


def test_a_missing_voice_leaves_the_sounds_working():
    engine = Engine("xx", backends=["null"])
    engine.start()
    assert engine.wait(10)
    engine.close()
    assert engine.problem is None and "xx voice clips" in (engine.voice_problem or "")


def test_backends_come_from_the_environment():
    assert backends_from_env({}) is None
    assert backends_from_env({"FLOSSGUI_AUDIO": " PulseAudio, alsa "}) == ["pulseaudio", "alsa"]


def test_each_cue_sound_knows_its_length():
    lengths = {name: sound_seconds(name) for name in SOUND_NAMES}
    assert lengths["tick"] == pytest.approx(0.12) and lengths["rep"] == pytest.approx(0.4)
    assert all(0.05 < s <= 1.1 for s in lengths.values())  # short enough to wait for before speaking
