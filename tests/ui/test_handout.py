"""The handout as a prescription sheet: who, when, the dose in words, pictures as prescribed, safety in a box."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from golden_support import assert_matches_golden
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from flossgui.model.dose import dose_line
from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Movement, Setup
from flossgui.model.programme import Clinician, Programme, Step
from flossgui.ui.export.files import export_file, programme_movement
from flossgui.ui.export.handout import LOGO_MAX_PIXELS, captions, handout_image, handout_pdf, load_logo
from flossgui.ui.theme.tr import tr


def make_logo(path, size=(600, 200)) -> None:
    logo = QImage(*size, QImage.Format.Format_RGB32)
    logo.fill(QColor("#2D6A84"))
    painter = QPainter(logo)
    painter.fillRect(40, 40, 120, 120, QColor("white"))
    painter.end()
    assert logo.save(str(path))


@pytest.fixture
def programme(tmp_path) -> Programme:
    make_logo(tmp_path / "logo.png")
    return Programme(
        reps=10, sets=2, per_day=2, range_percent=60, seat_height_cm=58, patient="J. S.",
        start=date(2026, 11, 30), review=date(2026, 12, 14), title="After Tuesday's appointment",
        progression=(Step(1, 2, "combined-small", 60, "no flare-up the day after"),
                     Step(3, 4, "combined", 80, "no flare-up the day after")),
        clinician=Clinician("A. Physio", "Riverside Physiotherapy", "01234 567890", str(tmp_path / "logo.png")),
        notes="Stop if the tingling spreads below the knee.",
    )  # fmt: skip


def movement() -> Movement:
    return Movement(builtin_exercise(), Setup())


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({}, "10 times, 2 sets, twice a day"),
        ({"sets": 1, "per_day": 1, "reps": 6}, "6 times, 1 set, once a day"),
        ({"side": "both", "sets": 3, "per_day": 3}, "10 times, 3 sets on each leg, 3 times a day"),
        ({"per_day": None}, "10 times, 2 sets"),
    ],
)
def test_the_dose_in_words(qapp, changes, words):
    assert dose_line(Programme(**({"per_day": 2} | changes)), tr) == words


def test_the_pictures_show_the_prescribed_leg_range_and_seat(programme):
    shown = programme_movement(movement(), programme)
    assert (shown.setup.side, shown.setup.range_fraction, shown.setup.seat_height_cm) == ("right", 0.6, 58)
    words = captions(shown)
    assert words[0] == "1. Start: knee bent, slumped, chin down, toes pointed"
    assert words[1].startswith("2. Knee part-way straight")  # the knee never gets quite straight at 60 %
    assert captions(movement())[1].startswith("2. Knee straight")


def test_the_sheet_fits_one_page_in_readable_type(qapp, programme):
    _, body_pt = handout_image(programme_movement(movement(), programme), programme, width_px=200)
    assert body_pt >= 10  # the whole prescription, with a plan and notes, in type an older reader can read
    data = handout_pdf(programme_movement(movement(), programme), programme)
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", data)) == 1


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (Debian poppler-utils)")
def test_the_printed_words_name_patient_clinic_dose_and_red_flags(qapp, programme, tmp_path):
    pdf = tmp_path / "h.pdf"
    export_file(pdf, ".pdf", movement(), programme, 1.0, 10, (480, 300))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    for words in ("Riverside Physiotherapy", "A. Physio · 01234 567890", "For J. S.", "Start 30 November 2026",
                  "Review 14 December 2026", "10 times, 2 sets, twice a day", "about two-thirds of the full movement",
                  "Sit on a seat about 58 cm high", "What to expect", "The next day",
                  "Weeks 1–2: Whole movement, part way", "call 999 (UK), 112 (EU) or 911 (US)", "in both legs",
                  "sexual function", "Stop if the tingling spreads"):  # fmt: skip
        assert words in text, words


def test_a_logo_that_cannot_be_used_is_named_and_left_out(qapp, programme, tmp_path):
    assert load_logo(programme)[0] is not None and load_logo(None) == (None, "")
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a png")
    for path in (broken, tmp_path / "missing.png"):
        image, problem = load_logo(Programme(clinician=Clinician(logo=str(path))))
        assert image is None and str(path) in problem and "\n" not in problem
    huge = tmp_path / "huge.png"
    make_logo(huge, (LOGO_MAX_PIXELS + 1, 10))
    assert "larger than" in load_logo(Programme(clinician=Clinician(logo=str(huge))))[1]
    assert handout_pdf(movement(), Programme(clinician=Clinician(logo=str(broken)))).startswith(b"%PDF")


def test_golden_handout(qapp, programme):
    image, _ = handout_image(programme_movement(movement(), programme), programme, width_px=620)
    assert image.width() == 620
    assert image.pixelColor(image.width() // 2, image.height() // 2) != QColor(Qt.GlobalColor.black)
    assert_matches_golden(image, "handout")
