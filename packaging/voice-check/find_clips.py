"""Which of flossgui's clips and cue sounds a recording holds, and when (normalised cross-correlation).

    python packaging/voice-check/find_clips.py LANG RECORDING.raw [THRESHOLD]

The recording is raw 16-bit mono PCM at 22.05 kHz (parec --rate=22050 --channels=1 --format=s16le).
Each clip is matched by its first half second; where a chime overlaps speech the match is weaker,
so the default threshold is 0.6, and a count heard inside a longer sentence may be listed too.
"""

from __future__ import annotations

import sys
from pathlib import Path

import miniaudio
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from flossgui.audio.engine import SOUND_NAMES
from flossgui.audio.mixer import RATE
from flossgui.audio.voice import load_voice
from flossgui.core.resources import assets_dir


def decode(path: Path) -> np.ndarray:
    return np.array(miniaudio.decode_file(str(path), miniaudio.SampleFormat.SIGNED16, 1, RATE).samples, float)


def main() -> None:
    language, raw = sys.argv[1], Path(sys.argv[2])
    threshold = float(sys.argv[3]) if len(sys.argv) > 3 else 0.6
    rec = np.frombuffer(raw.read_bytes(), dtype="<i2").astype(float)
    print(f"recording: {len(rec) / RATE:.1f} s")
    templates = {clip.id: decode(clip.path)[: RATE // 2] for clip in load_voice(language).clips.values()}
    templates |= {f"sound:{name}": decode(assets_dir() / "sounds" / f"{name}.wav") for name in SOUND_NAMES}
    n = 1 << int(np.ceil(np.log2(len(rec) + RATE)))
    spectrum = np.fft.rfft(rec, n)
    energy = np.concatenate([[0.0], np.cumsum(rec * rec)])
    found = []
    for name, t in templates.items():
        corr = np.fft.irfft(spectrum * np.conj(np.fft.rfft(t, n)), n)[: len(rec) - len(t)]
        window = np.sqrt(np.maximum(energy[len(t) : len(rec)] - energy[: len(rec) - len(t)], 1e-9))
        score = corr / (window * np.sqrt((t * t).sum()))
        last = -RATE
        for i in np.where(score > threshold)[0]:
            if i - last > RATE // 2:
                j = i + int(np.argmax(score[i : i + RATE // 4]))
                found.append((j / RATE, name, float(score[j])))
                last = j
    kept: list[tuple[float, str, float]] = []
    for at, name, score in sorted(found):  # of clips found at one spot ("count.1" in "count.11"), the best
        if kept and abs(kept[-1][0] - at) < 0.3 and not {name[:6], kept[-1][1][:6]} & {"sound:"}:
            if score > kept[-1][2]:
                kept[-1] = (at, name, score)
            continue
        kept.append((at, name, score))
    for at, name, score in kept:
        print(f"{at:7.2f} s  {name:24s} {score:.2f}")


if __name__ == "__main__":
    main()
