"""Mix cue sounds and one voice into 16-bit mono PCM, a block at a time.

Sounds and clips may be asked for before they are loaded (the first cue of a session need not
wait for the loader); sounds start at the next block and overlap freely. Voice clips play one
after another, never over each other, and a clip never starts over a cue sound: it begins at
the sample where the sounds playing end, so a chime never covers the first word of the count or
sentence that comes with it (a sound that comes while a clip speaks plays over it). A clip that
could only start more than :data:`MAX_LATE_S` after it was asked for, not counting the time it
waited for the clips and sounds before it, is skipped (e.g. the output stalled), so the voice
never lags behind the movement, while a sentence queued behind another (the question after
"all done") is still said. Commands may come from any thread
(one lock, held for microseconds); :meth:`Mixer.render` runs on the audio thread.
"""

from __future__ import annotations

import array
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

RATE = 22050
#: A clip still waiting this long after it was asked for is dropped (seconds).
MAX_LATE_S = 1.5

Samples = array.array  # array("h"): signed 16-bit mono at RATE


@dataclass(slots=True)
class _Playing:
    name: str
    samples: Samples
    pos: int = 0


@dataclass(slots=True)
class Started:
    """A sound or clip that began playing: what, and at which output frame."""

    kind: str  # "sound" or "voice"
    name: str
    frame: int


@dataclass
class Mixer:
    """Sounds and clips by name, mixed into blocks of PCM on request."""

    sounds: Mapping[str, Samples]
    clips: Mapping[str, Samples]
    clock: Callable[[], float] = time.monotonic
    #: What started, in order (bounded; read by tests and the recording check).
    started: deque[Started] = field(default_factory=lambda: deque(maxlen=256))
    frames: int = 0  # frames rendered so far
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _new_sounds: list[tuple[str, float]] = field(default_factory=list)
    _queue: deque[tuple[str, float]] = field(default_factory=deque)
    _playing: list[_Playing] = field(default_factory=list)
    _voice: _Playing | None = None
    _voice_free_since: float = float("-inf")  # when the last clip ended (clock time)
    _sounds_until: float = float("-inf")  # when the sounds playing end (clock time)

    def play(self, sound: str) -> None:
        """Start ``sound`` with the next block (skipped if it is unknown then, or by then too late)."""
        with self._lock:
            self._new_sounds.append((sound, self.clock()))

    def say(self, clip: str) -> None:
        """Queue ``clip`` after the clip now speaking (skipped if it is unknown, or too late to start)."""
        with self._lock:
            self._queue.append((clip, self.clock()))

    def hush(self) -> None:
        """Stop the voice now and forget the clips waiting (sounds play on)."""
        with self._lock:
            self._queue.clear()
            self._voice = None
            self._voice_free_since = self.clock()

    @property
    def speaking(self) -> bool:
        with self._lock:
            return self._voice is not None or bool(self._queue)

    def render(self, frames: int) -> bytes:
        """The next ``frames`` samples as native-endian 16-bit PCM (what miniaudio plays)."""
        with self._lock:
            now = self.clock()
            for name, asked in self._new_sounds:
                if name in self.sounds and now - asked <= MAX_LATE_S:
                    sound = self.sounds[name]
                    self._playing.append(_Playing(name, sound))
                    self.started.append(Started("sound", name, self.frames))
                    self._sounds_until = max(self._sounds_until, now + len(sound) / RATE)
            self._new_sounds.clear()
            sources = [(p, 0) for p in self._playing]
            wait = max((len(p.samples) - p.pos for p in self._playing), default=0)
            if self._voice is None and wait < frames:
                self._start_voice(now, wait)
            voice = self._voice
            if voice is not None:
                sources.append((voice, wait if voice.pos == 0 else 0))
            block = _mix(sources, frames)
            self._playing = [p for p in self._playing if p.pos < len(p.samples)]
            if voice is not None and voice.pos >= len(voice.samples):
                self._voice = None
                self._voice_free_since = now
            self.frames += frames
        return block.tobytes()

    def _start_voice(self, now: float, wait: int) -> None:
        """Start the next clip still worth saying, ``wait`` samples into this block."""
        starts = now + wait / RATE
        while self._queue:
            clip, asked = self._queue.popleft()
            free = max(asked, self._voice_free_since, min(self._sounds_until, starts))
            if clip in self.clips and starts - free <= MAX_LATE_S:
                self._voice = _Playing(clip, self.clips[clip])
                self.started.append(Started("voice", clip, self.frames + wait))
                return


def _mix(sources: list[tuple[_Playing, int]], frames: int) -> Samples:
    """Sum the next samples of each source from its offset into the block (advancing them) up to
    ``frames``; silence where none plays.

    The shipped sounds peak at −12 dBFS and the clips at −3 dBFS, so their sum does not clip;
    a louder file is clamped rather than wrapped.
    """
    out = array.array("h", bytes(2 * frames))
    for source, offset in sources:
        chunk = source.samples[source.pos : source.pos + frames - offset]
        source.pos += len(chunk)
        if len(sources) == 1:
            out[offset : offset + len(chunk)] = chunk
        else:
            for i, value in enumerate(chunk, offset):
                out[i] = max(-32768, min(32767, out[i] + value))
    return out
