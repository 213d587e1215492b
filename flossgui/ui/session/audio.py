"""Audio cues, so a patient can follow the programme hands-free, eyes on their leg.

Each batch of cues from one frame sounds once: the most important cue's short sound
(:data:`SOUNDS`), and, when a voice is installed, a few spoken words (the phase, the count).
QtMultimedia and QtTextToSpeech are imported only here and only when first needed; with no
audio backend or output device (e.g. offscreen CI) cues are silent, and one log line says why.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QUrl, Signal

from flossgui.core.resources import asset
from flossgui.model.cues import Cue, CueKind, loudest
from flossgui.model.exercise import Exercise
from flossgui.text import TEXT
from flossgui.ui.theme.tr import tr

log = logging.getLogger(__name__)

#: The sound file (in ``assets/sounds``, without ``.wav``) each kind of cue plays.
SOUNDS: dict[CueKind, str] = {
    CueKind.PHASE: "tick",
    CueKind.COUNTDOWN: "tick",
    CueKind.GO: "rep",
    CueKind.REP: "rep",
    CueKind.REST_OVER: "rest",
    CueKind.SET_DONE: "rest",
    CueKind.FINISHED: "finish",
}
_SPOKEN = {
    CueKind.GO: "spoken.go",
    CueKind.REST_OVER: "spoken.rest_over",
    CueKind.SET_DONE: "spoken.set_done",
    CueKind.FINISHED: "spoken.finished",
}


def words_for(cue: Cue, exercise: Exercise) -> str | None:
    """What a voice says for ``cue``: the count, the phase, or a short sentence (None: nothing)."""
    if cue.kind in (CueKind.REP, CueKind.COUNTDOWN):
        return str(cue.count)
    if cue.kind is CueKind.PHASE:
        key = "spoken." + exercise.phases[cue.phase].cue.removeprefix("cue.")
        return tr(key) if key in TEXT else None
    return tr(_SPOKEN[cue.kind])


class Output(Protocol):
    """Where cues go: a sound by name, and speech."""

    def play(self, sound: str) -> None: ...

    def say(self, words: str) -> None: ...


class SilentOutput:
    """No audio at all (no backend, no device)."""

    def play(self, sound: str) -> None:
        pass

    def say(self, words: str) -> None:
        pass


class CuePlayer(QObject):
    """Turns each frame's cues into one sound and, optionally, spoken words; can be muted.

    Without an ``output``, the real one (:func:`qt_output`) is made on first use, by
    :meth:`prepare` or the first cue: loading Qt Multimedia and the sounds costs tens of
    milliseconds that the window's start-up should not wait for.
    """

    mutedChanged = Signal(bool)
    output_ready = Signal(bool)  # the output was made; whether it can be heard

    def __init__(self, exercise: Exercise, output: Output | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.exercise = exercise
        self._output = output
        self.speech = True
        self._muted = False

    @property
    def output(self) -> Output:
        """Where the cues go (made now if it has not been yet)."""
        if self._output is None:
            self._output = qt_output(self)
            self.output_ready.emit(self.has_sound)
        return self._output

    def prepare(self) -> None:
        """Make the output now (e.g. as a session starts), so the first cue is not late."""
        _ = self.output

    @property
    def has_sound(self) -> bool | None:
        """False when cues cannot be heard at all (no Qt Multimedia or no output device); None
        until the output is made."""
        return None if self._output is None else not isinstance(self._output, SilentOutput)

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        """Silence (or restore) sounds and speech; emits mutedChanged when it changes."""
        if muted != self._muted:
            self._muted = muted
            self.mutedChanged.emit(muted)

    def play(self, cues: Sequence[Cue]) -> Cue | None:
        """Sound the most important of ``cues`` (one frame's worth); returns it, or None if nothing sounded."""
        cue = loudest(cues)
        if cue is None or self._muted:
            return None
        self.output.play(SOUNDS[cue.kind])
        if self.speech and (words := words_for(cue, self.exercise)):
            self.output.say(words)
        return cue


class _QtOutput(QObject):
    """QSoundEffect for the sounds (preloaded, low latency) and QTextToSpeech for the words."""

    def __init__(self, effects: dict, voice: QObject | None, parent: QObject | None) -> None:
        super().__init__(parent)
        self._effects = effects
        self._voice = voice
        for effect in effects.values():
            effect.setParent(self)
        if voice is not None:
            voice.setParent(self)

    def play(self, sound: str) -> None:
        if effect := self._effects.get(sound):
            effect.play()

    def say(self, words: str) -> None:
        if self._voice is not None:
            self._voice.say(words)  # interrupts any earlier words: the newest cue is the one that matters


def qt_output(parent: QObject | None = None) -> Output:
    """The real audio output, or :class:`SilentOutput` (with one log line) when there is none."""
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    except ImportError as exc:  # PySide6-Addons missing, or its audio libraries (e.g. libpulse)
        log.warning("audio cues are off: Qt Multimedia cannot be loaded (%s)", exc)
        return SilentOutput()
    if not QMediaDevices.audioOutputs():
        log.info("audio cues are off: no audio output device")
        return SilentOutput()
    effects = {}
    for name in sorted(set(SOUNDS.values())):
        effect = QSoundEffect()
        effect.setSource(QUrl.fromLocalFile(str(asset("sounds", f"{name}.wav"))))
        effects[name] = effect
    voice = _voice()
    if voice is None:
        log.info("spoken cues are off: no working text-to-speech voice")
    return _QtOutput(effects, voice, parent)


def _voice() -> QObject | None:
    """The first text-to-speech engine that starts, or None (the test-only "mock" engine is skipped)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return None
    for engine in QTextToSpeech.availableEngines():
        if engine == "mock":
            continue
        voice = QTextToSpeech(engine)
        if voice.state() is not QTextToSpeech.State.Error:
            return voice
        voice.deleteLater()
    return None
