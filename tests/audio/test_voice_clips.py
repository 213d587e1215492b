"""The shipped voice: every clip in every language, made from the text the window shows now."""

from __future__ import annotations

import pytest

from flossgui.audio.voice import clip_for, load_voice, spoken_texts
from flossgui.model.cues import Cue, CueKind
from flossgui.model.exercise import builtin_exercise
from flossgui.text import TEXT
from flossgui.text.translate import LANGUAGES, set_language, tr


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_clip_exists_small_and_matches_the_current_text(code):
    voice = load_voice(code)
    assert set(voice.clips) == set(spoken_texts())
    set_language(code)
    stale = [c.id for c in voice.clips.values() if c.text != (tr(c.id) if c.id in TEXT else c.id.split(".")[1])]
    assert not stale, f"{code}: re-run packaging/make_voice.py, these clips say old words: {stale}"
    for clip in voice.clips.values():
        assert clip.path.stat().st_size < 40_000 and 0.2 < clip.seconds < 12, clip.id
    assert sum(c.path.stat().st_size for c in voice.clips.values()) < 1_000_000
    assert voice.generator.startswith("eSpeak NG")


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_phase_words_fit_the_steps_at_normal_speed(code):
    """Said during the step before their own, the words must end as their step begins (1.5 s steps)."""
    exercise = builtin_exercise()
    voice = load_voice(code)
    for i, phase in enumerate(exercise.phases):
        before = exercise.phases[i - 1]
        seconds = voice.seconds(clip_for(Cue(CueKind.INSTRUCTION, phase=i), exercise))
        assert seconds is not None and seconds + 0.1 <= (before.end - before.start) * exercise.period_s - (
            0.9 if i == 1 else 0.0
        ), (code, phase.id)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_count_in_words_end_before_the_next_number(code):
    """ "Get ready" is said with the 3 of the count-in; the 2 follows a second later."""
    voice = load_voice(code)
    assert voice.seconds("spoken.count_in") < 0.9 and voice.seconds("count.2") < 0.9
