"""Play cue sounds and voice clips on the default audio output, through miniaudio.

:meth:`Engine.start` decodes the sounds and the language's clips and opens the output on a
thread of its own, so the caller (the GUI thread) never waits; miniaudio then pulls each block
of PCM from the :class:`~flossgui.audio.mixer.Mixer` on its own audio thread. The caller only
queues names (microseconds), so no frame is dropped for sound. With no output device the engine
says why once (:attr:`Engine.problem`) and stays silent. ``FLOSSGUI_AUDIO=null`` (the tests)
uses miniaudio's null backend: everything runs, nothing is heard.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
import threading
import time
import wave
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from flossgui.audio.mixer import RATE, Mixer, Samples
from flossgui.audio.voice import load_voice
from flossgui.core.resources import assets_dir

log = logging.getLogger(__name__)

ENV_VAR = "FLOSSGUI_AUDIO"
#: Cue sounds shipped in assets/sounds (WAV).
SOUND_NAMES = ("tick", "rep", "rest", "finish")
BUFFER_MS = 40  # small enough that a cue is heard within a frame or two of its time


@functools.cache
def sound_seconds(name: str) -> float:
    """How long the cue sound ``name`` plays (from its WAV header)."""
    with wave.open(str(assets_dir() / "sounds" / f"{name}.wav"), "rb") as sound:
        return sound.getnframes() / sound.getframerate()


def backends_from_env(env: dict[str, str] | os._Environ = os.environ) -> list[str] | None:
    """miniaudio backends to try: ``FLOSSGUI_AUDIO`` (e.g. ``null``, ``pulseaudio,alsa``), else the default."""
    value = env.get(ENV_VAR, "").strip().lower()
    return [b.strip() for b in value.split(",") if b.strip()] if value else None


class Engine:
    """Sounds and one language's voice, played from miniaudio's audio thread."""

    def __init__(
        self, language: str, backends: Sequence[str] | None = None, clock: Callable[[], float] = time.monotonic
    ):
        self.language = language
        self.backends = list(backends) if backends is not None else backends_from_env()
        self.mixer = Mixer({}, {}, clock)
        self.problem: str | None = None  # why nothing can be heard (None: fine, or not known yet)
        self.voice_problem: str | None = None  # why there is no voice (the cue sounds may still play)
        self.backend = ""
        self._device = None
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None

    # -- from any thread -------------------------------------------------------------------------

    def play(self, sound: str) -> None:
        self.mixer.play(sound)

    def say(self, clip: str) -> None:
        self.mixer.say(clip)

    def hush(self) -> None:
        self.mixer.hush()

    def start(self, on_ready: Callable[[str | None], None] | None = None) -> None:
        """Load and open on a thread of its own; ``on_ready(problem)`` is called from it when done."""
        if self._thread is not None:
            return

        def run() -> None:
            self._open()
            self._ready.set()
            if on_ready is not None:
                on_ready(self.problem)

        self._thread = threading.Thread(target=run, name="flossgui-audio-loader", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until :meth:`start` finished (for the command line and tests); False on timeout."""
        return self._ready.wait(timeout)

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def close(self) -> None:
        """Stop the output (safe to call at any time, more than once)."""
        device, self._device = self._device, None
        if device is not None:
            device.close()

    # -- the loader thread -------------------------------------------------------------------------

    def _open(self) -> None:
        try:
            import miniaudio
        except ImportError as exc:  # a broken install: the dependency is missing
            self.problem = f"the miniaudio library cannot be loaded ({exc})"
            log.warning("sound is off: %s", self.problem)
            return
        try:
            sounds = {name: _decode(miniaudio, assets_dir() / "sounds" / f"{name}.wav") for name in SOUND_NAMES}
        except (OSError, miniaudio.MiniaudioError) as exc:
            self.problem = f"the cue sounds cannot be read ({exc}); reinstall flossgui"
            log.warning("sound is off: %s", self.problem)
            return
        self.mixer.sounds.update(sounds)
        self.mixer.clips.update(self._clips(miniaudio))
        names = (self.backends or ["pulseaudio", "alsa"]) if sys.platform.startswith("linux") else self.backends
        try:
            chosen = [miniaudio.Backend[name.upper()] for name in names] if names else None
        except KeyError as exc:
            self.problem = (
                f"{ENV_VAR}: unknown audio backend {exc} (allowed: {', '.join(miniaudio.Backend.__members__).lower()})"
            )
            log.warning("sound is off: %s", self.problem)
            return
        try:
            with _quiet_stderr():  # ALSA prints its search for a card to stderr when there is none
                device = miniaudio.PlaybackDevice(
                    output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=RATE,
                    buffersize_msec=BUFFER_MS, backends=chosen, app_name="flossgui",
                )  # fmt: skip
            stream = _stream(self.mixer)
            next(stream)  # miniaudio sends to a generator that already waits at its first yield
            device.start(stream)
        except miniaudio.MiniaudioError as exc:
            tried = ", ".join(names) if names else "the default backends"
            self.problem = f"no audio output device ({tried}: {exc.args[0] if exc.args else exc})"
            log.warning("sound is off: %s", self.problem)
            return
        self._device = device
        self.backend = str(device.backend)
        log.info("sound on: %s", self.backend)

    def _clips(self, miniaudio) -> dict[str, Samples]:
        try:
            voice = load_voice(self.language)
            return {clip.id: _decode(miniaudio, clip.path) for clip in voice.clips.values()}
        except (OSError, ValueError, miniaudio.MiniaudioError) as exc:
            self.voice_problem = f"the {self.language} voice clips cannot be read ({exc}); reinstall flossgui"
            log.warning("spoken cues are off: %s", self.voice_problem)
            return {}


def _decode(miniaudio, path: Path) -> Samples:
    """A sound file as mono 16-bit samples at the mixer's rate."""
    return miniaudio.decode_file(str(path), miniaudio.SampleFormat.SIGNED16, 1, RATE).samples


def _stream(mixer: Mixer) -> Iterator[bytes]:
    """miniaudio's pull generator: each ``send(frames)`` gets that many frames of PCM."""
    frames = yield b""
    while True:
        frames = yield mixer.render(frames)


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence file descriptor 2 (C libraries' chatter) for the duration."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
