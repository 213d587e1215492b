"""Golden-image comparison with a tolerance, after pyqtgraph's ``tests/image_testing.py``.

``assert_matches_golden(image, "name")`` compares a QImage with ``tests/ui/golden/name.png``.
Antialiasing and font hinting differ a little between machines, so it allows a small mean
difference and a few strongly different pixels; a real change in the drawing (a missing
picture, a moved box, other text) fails. On failure the actual image and the difference are
saved beside the test's temporary files and named in the message.

Regenerate after an intended change: ``FLOSSGUI_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/ui -k golden``,
then look at the new PNGs before committing them.
"""

from __future__ import annotations

import os
import tempfile
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage

GOLDEN = Path(__file__).parent / "golden"
UPDATE_ENV = "FLOSSGUI_UPDATE_GOLDEN"
MEAN_TOLERANCE = 2.0  # mean absolute difference per channel, of 255
STRONG = 64  # a pixel differs strongly when a channel is off by more than this
STRONG_SHARE = 0.01  # at most this share of pixels may differ strongly


def _pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(BytesIO(bytes(buffer.data()))).convert("RGB")


def assert_matches_golden(image: QImage, name: str) -> None:
    """Fail unless ``image`` matches the golden ``name`` within the tolerances (or write it when updating)."""
    path = GOLDEN / f"{name}.png"
    actual = _pil(image)
    if os.environ.get(UPDATE_ENV) or not path.exists():
        actual.save(path)
        assert not os.environ.get("CI"), f"golden image {path.name} was missing in CI; it has been written"
        return
    expected = Image.open(path).convert("RGB")
    assert actual.size == expected.size, f"{name}: size {actual.size} against the golden {expected.size}"
    diff = ImageChops.difference(actual, expected)
    mean = sum(ImageStat.Stat(diff).mean) / 3
    histogram = diff.convert("L").histogram()  # pixels at each grey level of the difference
    strong = sum(histogram[STRONG + 1 :]) / (diff.width * diff.height)
    if mean > MEAN_TOLERANCE or strong > STRONG_SHARE:
        out = Path(tempfile.mkdtemp(prefix=f"golden-{name}-"))
        actual.save(out / "actual.png")
        diff.point(lambda v: min(255, v * 4)).save(out / "difference.png")
        raise AssertionError(
            f"{name}: differs from {path} (mean {mean:.2f} > {MEAN_TOLERANCE} or {strong:.2%} strongly different "
            f"pixels > {STRONG_SHARE:.0%}); see {out}; if the change is intended, regenerate with {UPDATE_ENV}=1"
        )
