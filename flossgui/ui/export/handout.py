"""The printed handout: a one-page A4 prescription sheet.

From the top: the clinic (name, clinician, contact, optional logo), the patient, start and
review dates, the dose in words ("10 times, 2 sets, twice a day"), four pictures of the movement
as prescribed (its leg and range) with captions of what each shows, how to do it, what is all
right, the next-day rule, the weeks ahead, the clinician's notes, and the red flags in a box.
Without a programme it is a general sheet with the same safety parts.

Laid out on a :class:`~flossgui.ui.export.page.Page` in millimetres, in the largest type that
fits. Large type on white, the figure's own calm colours, nothing that needs a colour printer.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPen

from flossgui.model.dose import detail_words as dose_details
from flossgui.model.dose import dose_line, fraction_key, say
from flossgui.model.motion import Movement
from flossgui.model.pose_words import pose_words
from flossgui.model.programme import Programme, Step, logo_path
from flossgui.text.red_flags import DOCTOR_SOON, EMERGENCY
from flossgui.ui.export.page import FLAGS, MARGIN_MM, PAGE_MM, Page, long_date, mm, page_image, pdf_bytes, rect
from flossgui.ui.figure.figure_view import render_frame
from flossgui.ui.theme import palette
from flossgui.ui.theme.tr import tr

#: Where the four pictures are taken, in reps: start, knee straight, toes and eyes up, back down.
KEY_FRAMES: tuple[float, ...] = (0.0, 0.35, 0.5, 0.82)
STEPS = 6
LOGO_MM = (45.0, 20.0)  # the most room the logo takes: width, height
FRAME_PX = QSize(640, 480)  # each still, about 43 mm wide when printed: sharp at 300 dpi
BODY_SIZES_PT: tuple[float, ...] = (13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0)  # the largest that fits is used
LOGO_MAX_PIXELS = 4096  # a logo file larger than this on a side is refused (bounded memory)


def load_logo(programme: Programme | None) -> tuple[QImage | None, str]:
    """The clinic's logo, or None and why not (no logo: an empty reason). Never raises."""
    path = logo_path(programme) if programme else None
    if path is None:
        return None, ""
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > LOGO_MAX_PIXELS:
        return None, f"{path}: the logo is larger than {LOGO_MAX_PIXELS} pixels on a side"
    image = reader.read()
    if image.isNull():
        return None, f"{path}: the logo cannot be read as an image ({reader.errorString()})"
    return image, ""


def _header(page: Page, programme: Programme | None, logo: QImage | None) -> None:
    """The clinic on the left, its logo on the right, then the title and who and when."""
    c = programme.clinician if programme else None
    top = page.y
    text_width = page.width - (LOGO_MM[0] + 4 if logo is not None else 0)
    if c and c.clinic:
        page.text(c.clinic, page.heading_pt, bold=True, colour=palette.ACCENT, width=text_width, after=0.5)
    who = " · ".join(v for v in (c.name, c.contact) if v) if c else ""
    if who:
        page.text(who, colour=palette.MUTED_TEXT, width=text_width, after=0.5)
    if logo is not None:
        scale = min(LOGO_MM[0] / logo.width(), LOGO_MM[1] / logo.height())
        w, h = logo.width() * scale, logo.height() * scale
        if not page.dry:
            page.painter.drawImage(rect(page.left + page.width - w, top, w, h), logo)
        page.y = max(page.y, top + h)
    if page.y > top:
        page.y += 1.5
    title = tr("handout.prescribed_title") if programme else tr("handout.title")
    page.text(title, page.body_pt + 8, bold=True, colour=palette.ACCENT, after=1.5)
    if programme:
        p = programme
        facts = [
            tr("handout.for", name=p.patient) if p.patient else "",
            tr("handout.from", date=long_date(p.start)) if p.start else "",
            tr("handout.review", date=long_date(p.review)) if p.review else "",
        ]
        line = "   ·   ".join(f for f in facts if f)
        if line:
            page.text(line, bold=True, after=1.5)
        if p.title:
            page.text(p.title, colour=palette.MUTED_TEXT, after=1.5)
    page.y += 1


def _dose(page: Page, programme: Programme | None) -> None:
    def draw(page: Page) -> None:
        grade = f"   ·   {tr(f'grade.{programme.grade}')}" if programme and programme.grade else ""
        page.text(tr("handout.dose_title") + grade, colour=palette.MUTED_TEXT, after=0.5)
        if programme is None:
            page.text(tr("handout.dose"), after=0.5)
            return
        page.text(dose_line(programme, tr), page.body_pt + 5, bold=True, after=1.2)
        for words in dose_details(programme):
            page.text(say(words, tr), after=0.6)

    page.boxed(draw, fill=palette.NOTICE_BG)
    page.y += 4


def captions(movement: Movement) -> list[str]:
    """What each picture shows, read from its own pose (so a caption can never contradict the drawing,
    whatever the grade or range): "1. Start: knee bent, slumped, chin down, toes pointed"."""
    lines = []
    for n, cycles in enumerate(KEY_FRAMES, start=1):
        pose = movement.frame(cycles).pose
        words = ", ".join(
            tr(key) for key in pose_words({j: getattr(pose, j) for j in ("neck", "trunk", "knee", "ankle")})
        )
        lines.append(f"{n}. " + (tr("handout.frame.start", pose=words) if n == 1 else words[:1].upper() + words[1:]))
    return lines


def step_keys(programme: Programme | None) -> list[str]:
    """How to do it: the whole floss, or for a grade of one end alone, sitting, that grade, and the flow."""
    if programme is not None and programme.grade in ("knee", "ankle-head"):
        return ["handout.step.1", f"grade.{programme.grade}.about", f"handout.step.{STEPS}"]
    return [f"handout.step.{n}" for n in range(1, STEPS + 1)]


def _frames(page: Page, images: list[QImage], captions: list[str]) -> None:
    gap = 3.0
    width = (page.width - 3 * gap) / 4
    height = width * FRAME_PX.height() / FRAME_PX.width()
    below = max(page.measure(c, page.body_pt - 2, width=width) for c in captions)
    painter = page.painter
    for i, (image, caption) in enumerate(zip(images, captions, strict=True)):
        if page.dry:
            break
        x = page.left + i * (width + gap)
        painter.drawImage(rect(x, page.y, width, height), image)
        painter.setPen(QPen(QColor(palette.FLOOR), mm(0.25)))
        painter.drawRoundedRect(rect(x, page.y, width, height), mm(1.5), mm(1.5))
        page.font(page.body_pt - 2)
        painter.setPen(QColor(palette.TEXT))
        painter.drawText(rect(x, page.y + height + 1.5, width, below + 1), FLAGS, caption)
    page.y += height + below + 4


def _step_words(step: Step) -> str:
    weeks = (
        tr("handout.plan_week", first=step.first_week)
        if step.first_week == step.last_week
        else tr("handout.plan_weeks", first=step.first_week, last=step.last_week)
    )
    grade = tr(f"grade.{step.grade}")
    if step.range_percent >= 100:
        text = tr("handout.plan_step_full", weeks=weeks, grade=grade)
    else:
        text = tr("handout.plan_step", weeks=weeks, grade=grade, fraction=tr(fraction_key(step.range_percent)))
    return text + (". " + tr("handout.plan_advance", condition=step.advance_if) if step.advance_if else ".")


def _red_flags(page: Page) -> None:
    def draw(page: Page) -> None:
        page.heading(tr("redflags.title"), colour=palette.WARNING)
        page.text(tr("redflags.emergency"), bold=True, after=1.0)
        for key in EMERGENCY:
            page.item("•", tr(key), colour=palette.WARNING)
        page.y += 0.8
        page.text(tr("redflags.doctor"), bold=True, after=1.0)
        for key in DOCTOR_SOON:
            page.item("•", tr(key), colour=palette.WARNING)

    page.boxed(draw, border=palette.WARNING)


def _layout(page: Page, images: list[QImage], words: list[str], programme: Programme | None,
            logo: QImage | None) -> float:  # fmt: skip
    """Lay the handout out on ``page``; returns where the text ends (mm from the top)."""
    _header(page, programme, logo)
    _dose(page, programme)
    _frames(page, images, words)

    page.heading(tr("handout.steps_title"))
    for n, key in enumerate(step_keys(programme), start=1):
        page.item(f"{n}.", tr(key))
    page.item("•", tr("handout.neck"))  # looking up or down can bother a neck: keep the head level then
    page.y += 1.5

    # Below the steps, two columns: what to expect and the plan; the red flags beside them.
    gap = 8.0
    left = page.column(0, (page.width - gap) * 0.48)
    right = page.column(left.width + gap, page.width - left.width - gap)
    left.heading(tr("handout.response_title"))
    left.text(tr("handout.response"), after=1.5)
    left.text(tr("handout.next_day"), after=2.5)
    if programme and programme.progression:
        left.heading(tr("handout.plan_title"))
        for step in programme.progression:
            left.item("•", _step_words(step))
        left.y += 1.5
    if programme and programme.notes:
        left.heading(tr("handout.notes_title"))
        left.text(programme.notes, after=2.5)
    right.y += 2.5
    _red_flags(right)
    page.y = max(left.y, right.y)
    end = page.y

    if not page.dry:
        page.font(9.0)
        page.painter.setPen(QColor(palette.MUTED_TEXT))
        footer = rect(page.left, PAGE_MM[1] - MARGIN_MM + 4, page.width, 8)
        page.painter.drawText(footer, FLAGS, tr("handout.prescribed_footer"))
    return end


def _draw(painter: QPainter, movement: Movement, programme: Programme | None) -> float:
    """The handout in the largest body size that fits the page (the smallest if none does); returns that size."""
    images = [render_frame(movement, cycles, FRAME_PX) for cycles in KEY_FRAMES]
    words = captions(movement)
    logo, _ = load_logo(programme)
    bottom = PAGE_MM[1] - MARGIN_MM
    fits = (
        pt for pt in BODY_SIZES_PT if _layout(Page(painter, pt, dry=True), images, words, programme, logo) <= bottom
    )
    body_pt = next(fits, BODY_SIZES_PT[-1])
    _layout(Page(painter, body_pt), images, words, programme, logo)
    return body_pt


def handout_pdf(movement: Movement, programme: Programme | None = None) -> bytes:
    """The handout as the bytes of a one-page A4 PDF (needs a QApplication)."""
    title = tr("handout.prescribed_title") if programme else tr("handout.title")
    return pdf_bytes(title, lambda painter: _draw(painter, movement, programme))


def handout_image(movement: Movement, programme: Programme | None = None, width_px: int = 827) -> tuple[QImage, float]:
    """The same page as an image ``width_px`` wide, and the body text size it fitted at (points).

    For previews and the golden-image test.
    """
    sizes: list[float] = []
    image = page_image(lambda painter: sizes.append(_draw(painter, movement, programme)), width_px)
    return image, sizes[0]
