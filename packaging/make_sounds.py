"""Generate the cue sounds in ``assets/sounds/``: soft sine tones, 16-bit mono, 22.05 kHz.

Run ``python packaging/make_sounds.py`` after changing a sound; the output is deterministic,
and the WAV files are committed so the app needs no generator at run time.

Each note is a sine with a few quiet harmonics, a raised-cosine attack (no click), an
exponential decay and a short fade to silence at the end. Peaks sit at −12 dBFS or below,
so the cues are gentle at any system volume and leave room beside speech.
"""

from __future__ import annotations

import array
import math
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"
FADE_S = 0.03


@dataclass(frozen=True)
class Note:
    freq: float
    start_s: float
    decay_s: float  # time constant of the exponential decay
    attack_s: float = 0.01
    level: float = 1.0


@dataclass(frozen=True)
class Sound:
    name: str
    length_s: float
    peak_dbfs: float
    notes: tuple[Note, ...]
    harmonics: tuple[float, ...] = (1.0, 0.25, 0.08)  # amplitude of the 1st, 2nd, 3rd partials


C5, E5, G5, C6 = 523.25, 659.26, 783.99, 1046.50
SOUNDS: tuple[Sound, ...] = (
    # A light tick at each new phase of the movement.
    Sound("tick", 0.12, -16.0, (Note(G5, 0.0, 0.025, attack_s=0.004),), harmonics=(1.0, 0.1)),
    # A rounder, lower tone for each completed rep.
    Sound("rep", 0.40, -12.0, (Note(C5, 0.0, 0.12),)),
    # Two falling notes: the set is done, rest.
    Sound("rest", 1.00, -12.0, (Note(E5, 0.0, 0.25), Note(C5, 0.25, 0.30))),
    # Three rising notes and the octave: all done.
    Sound("finish", 1.05, -12.0, (Note(C5, 0.0, 0.3), Note(E5, 0.15, 0.3), Note(G5, 0.3, 0.3), Note(C6, 0.45, 0.3))),
)


def envelope(t: float, note: Note) -> float:
    """Raised-cosine attack, then exponential decay; 0 before the note starts."""
    t -= note.start_s
    if t < 0:
        return 0.0
    rise = 0.5 - 0.5 * math.cos(math.pi * t / note.attack_s) if t < note.attack_s else 1.0
    return rise * math.exp(-max(0.0, t - note.attack_s) / note.decay_s)


def render(sound: Sound) -> array.array:
    """16-bit samples of ``sound``, normalised to its peak level, fading to exactly zero."""
    n = round(sound.length_s * RATE)
    fade = round(FADE_S * RATE)
    raw = []
    for i in range(n):
        t = i / RATE
        value = sum(
            note.level * envelope(t, note) * a * math.sin(2 * math.pi * note.freq * (k + 1) * t)
            for note in sound.notes
            for k, a in enumerate(sound.harmonics)
        )
        if i >= n - fade:
            value *= 0.5 + 0.5 * math.cos(math.pi * (i - (n - fade)) / fade)
        raw.append(value)
    scale = 10 ** (sound.peak_dbfs / 20) * 32767 / max(abs(v) for v in raw)
    return array.array("h", (round(v * scale) for v in raw))


def write(sound: Sound, folder: Path = OUT) -> Path:
    path = folder / f"{sound.name}.wav"
    samples = render(sound)
    if sys.byteorder == "big":
        samples.byteswap()  # WAV is little-endian
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())
    return path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for sound in SOUNDS:
        path = write(sound)
        print(f"{path.relative_to(OUT.parent.parent)}: {sound.length_s:g} s, {path.stat().st_size / 1000:.1f} kB")


if __name__ == "__main__":
    main()
