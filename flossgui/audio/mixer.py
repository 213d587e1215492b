"""Mix cue sounds and one voice into 16-bit mono PCM, a block at a time.

Sounds and clips may be asked for before they are loaded (the first cue of a session need not
wait for the loader); sounds start at the next block and overlap freely. Voice clips play one
after another, never over each other; a clip that could only start more than :data:`MAX_LATE_S`
after it was asked for, not counting the time the voice spent on the clips before it, is
skipped (e.g. the output stalled), so the voice never lags behind the movement, while a
sentence queued behind another (the question after "all done") is still said. Commands may come from any thread
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
                    self._playing.append(_Playing(name, self.sounds[name]))
                    self.started.append(Started("sound", name, self.frames))
            self._new_sounds.clear()
            sources = self._playing
            voice = self._next_voice(now)
            if voice is not None:
                sources = [*sources, voice]
            block = _mix(sources, frames)
            self._playing = [p for p in self._playing if p.pos < len(p.samples)]
            if voice is not None and voice.pos >= len(voice.samples):
                self._voice = None
                self._voice_free_since = now
            self.frames += frames
        return block.tobytes()

    def _next_voice(self, now: float) -> _Playing | None:
        if self._voice is None:
            while self._queue:
                clip, asked = self._queue.popleft()
                if clip in self.clips and now - max(asked, self._voice_free_since) <= MAX_LATE_S:
                    self._voice = _Playing(clip, self.clips[clip])
                    self.started.append(Started("voice", clip, self.frames))
                    break
        return self._voice


def _mix(sources: list[_Playing], frames: int) -> Samples:
    """Sum the next ``frames`` samples of each source (advancing them); silence where none plays.

    The shipped sounds peak at −12 dBFS and the clips at −3 dBFS, so their sum does not clip;
    a louder file is clamped rather than wrapped.
    """
    out = array.array("h", bytes(2 * frames))
    for source in sources:
        chunk = source.samples[source.pos : source.pos + frames]
        source.pos += len(chunk)
        if len(sources) == 1:
            out[: len(chunk)] = chunk
        else:
            for i, value in enumerate(chunk):
                out[i] = max(-32768, min(32767, out[i] + value))
    return out
