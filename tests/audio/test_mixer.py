"""The mixer: sounds overlap, clips queue one after another and wait for the cue sound they come
with, and nothing plays late."""

from __future__ import annotations

import array

from hypothesis import given
from hypothesis import strategies as st

from flossgui.audio.mixer import MAX_LATE_S, RATE, Mixer
from flossgui.model.clock import ManualClock


def tone(value: int, frames: int) -> array.array:
    return array.array("h", [value] * frames)


def make(clock: ManualClock | None = None) -> Mixer:
    return Mixer({"tick": tone(100, 30)}, {"one": tone(1000, 50), "two": tone(2000, 50)}, clock or ManualClock(0.0))


def samples(data: bytes) -> list[int]:
    return array.array("h", data).tolist()


def test_silence_when_nothing_plays():
    assert samples(make().render(10)) == [0] * 10


def test_clips_follow_each_other_and_start_where_the_cue_sound_ends():
    m = make()
    m.say("one")
    m.say("two")
    m.play("tick")
    first = samples(m.render(40))
    assert first == [100] * 30 + [1000] * 10  # the chime, then the words: never both at once
    rest = samples(m.render(60)) + samples(m.render(60))
    assert rest[:40] == [1000] * 40 and rest[40] == 0  # "one" ends; "two" starts with the next block
    assert [(s.kind, s.name, s.frame) for s in m.started] == [("sound", "tick", 0), ("voice", "one", 30),
                                                               ("voice", "two", 100)]  # fmt: skip


def test_a_sound_that_comes_while_a_clip_speaks_plays_over_it():
    m = make()
    m.say("one")
    assert samples(m.render(10)) == [1000] * 10
    m.play("tick")
    assert samples(m.render(40)) == [1100] * 30 + [1000] * 10


def test_waiting_for_a_long_sound_does_not_make_a_clip_late():
    """The sentence after the finishing chime is said, however long the chime."""
    clock = ManualClock(0.0)
    block = RATE // 5  # 0.2 s
    m = Mixer({"chime": tone(1, round(RATE * (MAX_LATE_S + 0.5)))}, {"done": tone(2, 10)}, clock)
    m.play("chime")
    m.say("done")
    for _ in range(12):
        m.render(block)
        clock.advance(0.2)
    assert [s.name for s in m.started] == ["chime", "done"]


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
    m = Mixer({"a": tone(30000, 4)}, {"b": tone(30000, 8)}, ManualClock(0.0))
    m.say("b")
    m.render(2)
    m.play("a")
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

    whole = run([sum(blocks)])
    assert run(blocks) == whole  # the sound from the first block, the clip from the sample it ends
