"""Audio cues, so a patient can follow the programme hands-free, eyes on the ceiling or their leg.

Each frame's cues sound once: the most important cue's short sound (:data:`SOUNDS`), and then
(once that sound has ended) the voice says the clip of each cue
(:func:`flossgui.audio.voice.clip_for`): the next step just before it, the count, the
session's sentences. The sound engine (:mod:`flossgui.audio.engine`,
no Qt) loads and opens the output on its own thread when the first session starts; with no
output device cues are silent, :attr:`CuePlayer.problem` says why and one log line too.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from flossgui.audio.voice import ANSWER_CLIPS, COUNTS, Voice, clip_for, count_clip, instruction_clip, load_voice
from flossgui.model.cues import Cue, CueKind, CueSchedule, loudest, to_speak
from flossgui.model.exercise import Exercise
from flossgui.model.symptoms import Symptoms
from flossgui.text.translate import language

log = logging.getLogger(__name__)

#: The sound file (in ``assets/sounds``, without ``.wav``) each kind of cue plays.
SOUNDS: dict[CueKind, str] = {
    CueKind.PHASE: "tick",
    CueKind.COUNT_IN: "tick",
    CueKind.COUNTDOWN: "tick",
    CueKind.GO: "rep",
    CueKind.REP: "rep",
    CueKind.REST_OVER: "rest",
    CueKind.SET_DONE: "rest",
    CueKind.FINISHED: "finish",
}


class Output(Protocol):
    """Where cues go: a sound by name, a voice clip by name, and silence for the voice."""

    def play(self, sound: str) -> None: ...

    def say(self, clip: str) -> None: ...

    def hush(self) -> None: ...


class SilentOutput:
    """No audio at all (no library, no device)."""

    def play(self, sound: str) -> None:
        pass

    def say(self, clip: str) -> None:
        pass

    def hush(self) -> None:
        pass


class CuePlayer(QObject):
    """Turns each frame's cues into one sound and the voice's clips; can be muted.

    Without an ``output``, the real one (:class:`~flossgui.audio.engine.Engine`) is made on first
    use, by :meth:`prepare` or the first cue, and loads on its own thread: cues asked for before
    it is ready play as soon as it is (or are dropped if by then too late to matter).
    """

    mutedChanged = Signal(bool)
    output_ready = Signal(bool)  # the output is known; whether it can be heard
    _loaded = Signal(object)  # from the loader thread: the problem, or None

    def __init__(
        self,
        exercise: Exercise,
        output: Output | None = None,
        parent: QObject | None = None,
        voice: Voice | None = None,
    ) -> None:
        super().__init__(parent)
        self.exercise = exercise
        self._output = output
        self._engine = None
        self._voice = voice
        self.problem = ""  # why nothing is heard ("" when sound works or is not known yet)
        self._has_sound: bool | None = None if output is None else not isinstance(output, SilentOutput)
        self.speech = True
        self._muted = False
        self._leads: dict[tuple[CueSchedule, float], tuple[float | None, ...]] = {}
        self._loaded.connect(self._on_loaded)

    @property
    def output(self) -> Output:
        """Where the cues go (made now, loading in the background, if it has not been yet)."""
        if self._output is None:
            from flossgui.audio.engine import Engine

            self._engine = engine = Engine(language())
            self._output = engine
            self.destroyed.connect(engine.close)
            engine.start(self._loaded.emit)
        return self._output

    def prepare(self) -> None:
        """Make the output now (e.g. as a session starts), so the first cue is not late."""
        _ = self.output

    def close(self) -> None:
        """Stop the audio output (the window is closing)."""
        if self._engine is not None:
            self._engine.close()

    def _on_loaded(self, problem: str | None) -> None:
        self.problem = problem or ""
        self._has_sound = problem is None
        self.output_ready.emit(self._has_sound)

    @property
    def has_sound(self) -> bool | None:
        """False when cues cannot be heard at all (no output device); None until that is known."""
        return self._has_sound

    @property
    def voice(self) -> Voice | None:
        """The current language's clips (their lengths time the instructions), or None without them."""
        if self._voice is None:
            try:
                self._voice = load_voice(language())
            except (OSError, ValueError) as exc:
                log.warning("spoken cues are off: %s", exc)
                self._voice = Voice(language(), "", {})
        return self._voice if self._voice.clips else None

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        """Silence (or restore) sounds and speech; emits mutedChanged when it changes."""
        if muted != self._muted:
            self._muted = muted
            if muted and self._output is not None:
                self._output.hush()
            self.mutedChanged.emit(muted)

    def instruction_leads(self, schedule: CueSchedule, seconds_per_rep: float) -> tuple[float | None, ...]:
        """How far ahead (in cycles) each phase's words start at this speed (empty: no voice)."""
        voice = self.voice
        if voice is None or not self.speech:
            return ()
        key = (schedule, seconds_per_rep)
        if key not in self._leads:  # once per speed: this runs every frame
            from flossgui.audio.engine import sound_seconds  # with the sound, not at start-up

            clips = {i: voice.seconds(instruction_clip(self.exercise, i)) for i in range(len(self.exercise.phases))}
            longest_count = max((voice.seconds(count_clip(n)) or 0.0) for n in COUNTS)
            count_s = sound_seconds(SOUNDS[CueKind.REP]) + longest_count  # the count follows the rep's chime
            known = {i: s for i, s in clips.items() if s is not None}
            self._leads[key] = schedule.instruction_leads(known, seconds_per_rep, count_s)
        return self._leads[key]

    def play(self, cues: Sequence[Cue]) -> Cue | None:
        """Sound the most important of ``cues`` (one frame's worth) and say each one's clip;
        returns the cue that sounded, or None."""
        if self._muted or not cues:
            return None
        cue = loudest(cues)
        if cue is not None:
            self.output.play(SOUNDS[cue.kind])
        if self.speech:
            for spoken in to_speak(cues):
                if clip := clip_for(spoken, self.exercise):
                    self.output.say(clip)
        return cue

    def say(self, clip: str, *, interrupt: bool = False) -> None:
        """Say one clip now (``interrupt``: cut short what the voice is saying first)."""
        if self._muted or not self.speech:
            return
        if interrupt:
            self.output.hush()
        self.output.say(clip)

    def say_answer(self, symptoms: Symptoms) -> None:
        """Say back the answer just given, instead of the question if it is still being asked."""
        self.say(ANSWER_CLIPS[symptoms], interrupt=True)
