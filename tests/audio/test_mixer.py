"""The mixer: sounds overlap, clips queue one after another, and nothing plays late."""

from __future__ import annotations

import array

from hypothesis import given
from hypothesis import strategies as st

from flossgui.audio.mixer import MAX_LATE_S, Mixer
from flossgui.model.clock import ManualClock


def tone(value: int, frames: int) -> array.array:
    return array.array("h", [value] * frames)


def make(clock: ManualClock | None = None) -> Mixer:
    return Mixer({"tick": tone(100, 30)}, {"one": tone(1000, 50), "two": tone(2000, 50)}, clock or ManualClock(0.0))


def samples(data: bytes) -> list[int]:
    return array.array("h", data).tolist()


def test_silence_when_nothing_plays():
    assert samples(make().render(10)) == [0] * 10


def test_clips_follow_each_other_and_sounds_mix_over_them():
    m = make()
    m.say("one")
    m.say("two")
    m.play("tick")
    first = samples(m.render(40))
    assert first == [1100] * 30 + [1000] * 10
    rest = samples(m.render(60)) + samples(m.render(60))
    assert rest[:10] == [1000] * 10 and rest[10] == 0  # "one" ends; "two" starts with the next block
    assert [(s.kind, s.name, s.frame) for s in m.started] == [("sound", "tick", 0), ("voice", "one", 0),
                                                               ("voice", "two", 100)]  # fmt: skip


def test_a_clip_too_late_to_matter_is_skipped_and_hush_stops_the_voice():
    clock = ManualClock(0.0)
    m = make(clock)
    m.say("one")
    clock.advance(MAX_LATE_S + 0.1)
    m.say("two")
    m.render(10)
    assert [s.name for s in m.started] == ["two"]
    m.hush()
    assert not m.speaking and samples(m.render(10)) == [0] * 10


def test_a_clip_queued_behind_long_speech_is_still_said():
    """The question after "all done": it waits for the sentence before it, not for a stalled output."""
    clock = ManualClock(0.0)
    m = Mixer({}, {"long": tone(1, 100), "next": tone(2, 10)}, clock)
    m.say("long")
    m.say("next")
    for _ in range(12):  # 2 s of speech, 10 frames a block at 0.2 s a block
        m.render(10)
        clock.advance(0.2)
    assert [s.name for s in m.started] == ["long", "next"]


def test_names_asked_for_before_loading_play_once_loaded():
    m = Mixer({}, {}, ManualClock(0.0))
    m.say("one")
    m.clips["one"] = tone(5, 4)
    assert samples(m.render(4)) == [5] * 4


def test_loud_sums_are_clamped_not_wrapped():
    m = Mixer({"a": tone(30000, 4)}, {"b": tone(30000, 4)}, ManualClock(0.0))
    m.play("a")
    m.say("b")
    assert samples(m.render(4)) == [32767] * 4


@given(st.lists(st.integers(1, 200), min_size=1, max_size=30))
def test_block_sizes_do_not_change_the_output(blocks):
    """However miniaudio slices its requests, the same PCM comes out (no sample lost or doubled)."""

    def run(sizes: list[int]) -> list[int]:
        m = make()
        m.say("one")
        m.play("tick")
        out: list[int] = []
        for n in sizes:
            out += samples(m.render(n))
        return out

    total = sum(blocks)
    whole = run([total])
    assert run(blocks)[:30] == whole[:30]  # the sound, started together with the first block
    assert len(run(blocks)) == total
