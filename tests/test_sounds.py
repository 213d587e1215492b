"""The shipped cue sounds: small, gentle, click-free."""

from __future__ import annotations

import array
import wave

import pytest

from flossgui.core.resources import asset

NAMES = ("tick", "rep", "rest", "finish")


@pytest.mark.parametrize("name", NAMES)
def test_sound_is_small_soft_and_click_free(name):
    path = asset("sounds", f"{name}.wav")
    assert path.stat().st_size < 50_000
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
        samples = array.array("h", w.readframes(w.getnframes()))
    assert 0.05 <= len(samples) / 22050 <= 1.1
    peak = max(abs(s) for s in samples) / 32768
    assert peak <= 10 ** (-12 / 20) + 1e-3  # at or below −12 dBFS
    assert abs(samples[0]) < 50 and abs(samples[-1]) < 50  # starts and ends at silence: no click
