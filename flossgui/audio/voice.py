"""The voice: which pre-rendered clip says what, and the clips shipped for each language.

Clips are named by the text id they speak (``spoken.go``, ``spoken.question``…) or
``count.N`` for the numbers; ``packaging/make_voice.py`` renders them from the same text tables
the window uses into ``assets/voice/LANG/`` with a ``manifest.toml`` that records the generator,
its settings and each clip's text and length. Pure: no Qt, no audio library.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from flossgui.core.resources import assets_dir
from flossgui.model.cues import Cue, CueKind
from flossgui.model.exercise import Exercise
from flossgui.model.session import REPS_RANGE
from flossgui.model.symptoms import Symptoms
from flossgui.text import TEXT

#: Counts spoken as each rep ends: every rep count a programme allows.
COUNTS = range(1, REPS_RANGE[1] + 1)
#: The sentences of a session, by the cue that says them.
SESSION_CLIPS: dict[CueKind, str] = {
    CueKind.COUNT_IN: "spoken.count_in",
    CueKind.GO: "spoken.go",
    CueKind.SET_DONE: "spoken.set_done",
    CueKind.REST_OVER: "spoken.rest_over",
    CueKind.FINISHED: "spoken.finished",
    CueKind.QUESTION: "spoken.question",
}
#: The answers to the symptom question, said back when given.
ANSWER_CLIPS: dict[Symptoms, str] = {s: f"spoken.{s.value}" for s in Symptoms}
#: The leg score and where (asked once the symptom question is answered), and the next-day question.
LEG_QUESTION = "spoken.leg_question"
NEXT_DAY_QUESTION = "spoken.next_day"


def instruction_clip(exercise: Exercise, phase: int) -> str | None:
    """The clip that tells the patient to do phase ``phase`` (None if the exercise has none)."""
    key = "spoken." + exercise.phases[phase].cue.removeprefix("cue.")
    return key if key in TEXT else None


def count_clip(n: int) -> str | None:
    return f"count.{n}" if n in COUNTS else None


def clip_for(cue: Cue, exercise: Exercise) -> str | None:
    """What the voice says for ``cue`` (None: nothing, e.g. a phase start, whose words came before it)."""
    if cue.kind is CueKind.INSTRUCTION:
        return instruction_clip(exercise, cue.phase)
    if cue.kind in (CueKind.REP, CueKind.COUNTDOWN):
        return count_clip(cue.count)
    return SESSION_CLIPS.get(cue.kind)


def spoken_texts() -> dict[str, str]:
    """Every clip id with the text id or number it speaks: the list the generator renders."""
    keys = sorted(k for k in TEXT if k.startswith("spoken."))
    return {k: k for k in keys} | {f"count.{n}": str(n) for n in COUNTS}


@dataclass(frozen=True, slots=True)
class Clip:
    id: str
    path: Path
    seconds: float
    text: str


@dataclass(frozen=True, slots=True)
class Voice:
    """The clips of one language, as listed in its manifest."""

    language: str
    generator: str
    clips: dict[str, Clip]

    def seconds(self, clip: str | None) -> float | None:
        found = self.clips.get(clip) if clip else None
        return found.seconds if found else None


def voice_dir(language: str) -> Path:
    return assets_dir() / "voice" / language


def load_voice(language: str) -> Voice:
    """The manifest of ``language``'s clips; OSError or ValueError (naming the file) if it is missing or bad."""
    path = voice_dir(language) / "manifest.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    try:
        clips = {
            key: Clip(key, path.parent / entry["file"], float(entry["seconds"]), str(entry["text"]))
            for key, entry in data["clips"].items()
        }
        return Voice(str(data["language"]), str(data["generator"]), clips)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: damaged voice manifest ({exc})") from None
