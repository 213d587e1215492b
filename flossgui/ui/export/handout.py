"""The printed handout: a one-page A4 prescription sheet.

From the top: the clinic (name, clinician, contact, optional logo), the patient, start and
review dates, the dose in words ("10 times, 2 sets, twice a day"), four pictures of the movement
as prescribed (its leg and range) with captions of what each shows, how to do it, what is all
right, the next-day rule, the weeks ahead, the clinician's notes, and the red flags in a box.
Without a programme it is a general sheet with the same safety parts.

Drawn with ``QPainter`` on a ``QPdfWriter`` (or, for previews and tests, on an image of the
page). The layout is in millimetres, turned into device pixels at :data:`DPI` (not a scaled
painter: text laid out at tiny font sizes gets rounded). Large type on white, the figure's own
calm colours, nothing that needs a colour printer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QLocale, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from flossgui.model.dose import detail_words as dose_details
from flossgui.model.dose import dose_line, fraction_key, say
from flossgui.model.motion import Movement
from flossgui.model.programme import Programme, Step, logo_path
from flossgui.text.red_flags import DOCTOR_SOON, EMERGENCY
from flossgui.ui.figure.figure_view import render_frame
from flossgui.ui.theme import palette
from flossgui.ui.theme.tr import tr

#: Where the four pictures are taken, in reps: start, knee straight, toes and eyes up, back down.
KEY_FRAMES: tuple[float, ...] = (0.0, 0.35, 0.5, 0.82)
STEPS = 6
DPI = 300
PAGE_MM = (210.0, 297.0)
MARGIN_MM = 13.0
LOGO_MM = (45.0, 20.0)  # the most room the logo takes: width, height
FRAME_PX = QSize(640, 500)  # each still, about 43 mm wide when printed: sharp at 300 dpi
BODY_SIZES_PT: tuple[float, ...] = (13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0)  # the largest that fits is used
LOGO_MAX_PIXELS = 4096  # a logo file larger than this on a side is refused (bounded memory)
_FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def _mm(v: float) -> float:
    return v * DPI / 25.4


def _rect(x: float, y: float, w: float, h: float) -> QRectF:
    """A rectangle given in millimetres, in device pixels."""
    return QRectF(_mm(x), _mm(y), _mm(w), _mm(h))


class _Page:
    """A painter with a cursor (in millimetres) that moves down the page; ``dry`` only measures."""

    def __init__(self, painter: QPainter, body_pt: float, *, dry: bool = False) -> None:
        self.painter = painter
        self.body_pt = body_pt
        self.heading_pt = body_pt + 2
        self.dry = dry
        self.left = MARGIN_MM
        self.width = PAGE_MM[0] - 2 * MARGIN_MM
        self.y = MARGIN_MM

    def column(self, left: float, width: float) -> _Page:
        """A column of this page from ``left`` (mm from its left edge), starting at the cursor."""
        page = _Page(self.painter, self.body_pt, dry=self.dry)
        page.left, page.width, page.y = self.left + left, width, self.y
        return page

    def font(self, points: float, *, bold: bool = False) -> None:
        font = QFont("DejaVu Sans")
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSizeF(points)
        font.setBold(bold)
        self.painter.setFont(font)

    def measure(self, text: str, points: float, *, bold: bool = False, indent: float = 0.0,
                width: float | None = None) -> float:  # fmt: skip
        """The height (mm) ``text`` takes when wrapped to the column (or to ``width`` mm)."""
        self.font(points, bold=bold)
        rect = _rect(self.left + indent, self.y, (width or self.width) - indent, 1000.0)
        return self.painter.boundingRect(rect, _FLAGS, text).height() * 25.4 / DPI

    def text(self, text: str, points: float | None = None, *, bold: bool = False, colour: str = palette.TEXT,
             indent: float = 0.0, after: float = 1.5, width: float | None = None) -> None:  # fmt: skip
        """Draw wrapped ``text`` (body size unless ``points``) at the cursor and move the cursor below it."""
        width = width or self.width
        height = self.measure(text, points or self.body_pt, bold=bold, indent=indent, width=width)
        if not self.dry:
            self.painter.setPen(QColor(colour))
            self.painter.drawText(_rect(self.left + indent, self.y, width - indent, height + 1), _FLAGS, text)
        self.y += height + after

    def heading(self, text: str, colour: str = palette.TEXT, after: float = 1.2) -> None:
        self.text(text, self.heading_pt, bold=True, colour=colour, after=after)

    def item(self, mark: str, text: str, *, bold: bool = False, colour: str = palette.ACCENT) -> None:
        """A list item: ``mark`` (a number or bullet) hanging to the left of the wrapped ``text``."""
        top = self.y
        self.text(text, bold=bold, indent=7.0, after=1.0)
        if not self.dry:
            self.font(self.body_pt, bold=True)
            self.painter.setPen(QColor(colour))
            self.painter.drawText(_rect(self.left, top, 7.0, 10.0), _FLAGS, mark)

    def box(self, top: float, bottom: float, *, fill: str | None = None, border: str | None = None) -> None:
        """A rounded box around ``top``–``bottom`` mm: a fill goes first, a border after what it frames."""
        if self.dry:
            return
        self.painter.save()  # restores the pen after: with no pen, QPainter measures text as empty
        self.painter.setPen(QPen(QColor(border), _mm(0.6)) if border else Qt.PenStyle.NoPen)
        self.painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
        self.painter.drawRoundedRect(
            _rect(self.left - 3, top - 2.5, self.width + 6, bottom - top + 3), _mm(2.5), _mm(2.5)
        )
        self.painter.restore()

    def boxed(self, draw: Callable[[_Page], object], *, fill: str | None = None, border: str | None = None) -> None:
        """Draw ``draw(page)`` in a box: measured first, so a fill can go behind it."""
        dry = _Page(self.painter, self.body_pt, dry=True)
        dry.left, dry.width, dry.y = self.left, self.width, self.y
        top = self.y
        draw(dry)
        if fill:
            self.box(top, dry.y, fill=fill)
        draw(self)
        if border:
            self.box(top, self.y, border=border)


def _date(day: object) -> str:
    """A date as the reader's locale writes it in full ("30 November 2026")."""
    qdate = QDate(day.year, day.month, day.day)  # type: ignore[attr-defined]
    return QLocale().toString(qdate, QLocale.FormatType.LongFormat).split(", ", 1)[-1]


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


def _header(page: _Page, programme: Programme | None, logo: QImage | None) -> None:
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
            page.painter.drawImage(_rect(page.left + page.width - w, top, w, h), logo)
        page.y = max(page.y, top + h)
    if page.y > top:
        page.y += 2.5
    title = tr("handout.prescribed_title") if programme else tr("handout.title")
    page.text(title, page.body_pt + 8, bold=True, colour=palette.ACCENT, after=1.5)
    if programme:
        p = programme
        facts = [
            tr("handout.for", name=p.patient) if p.patient else "",
            tr("handout.from", date=_date(p.start)) if p.start else "",
            tr("handout.review", date=_date(p.review)) if p.review else "",
        ]
        line = "   ·   ".join(f for f in facts if f)
        if line:
            page.text(line, bold=True, after=1.5)
        if p.title:
            page.text(p.title, colour=palette.MUTED_TEXT, after=1.5)
    page.y += 2


def _dose(page: _Page, programme: Programme | None) -> None:
    def draw(page: _Page) -> None:
        page.text(tr("handout.dose_title"), colour=palette.MUTED_TEXT, after=0.5)
        if programme is None:
            page.text(tr("handout.no_programme"), after=0.5)
            return
        page.text(dose_line(programme, tr), page.body_pt + 5, bold=True, after=1.2)
        for words in dose_details(programme):
            page.text(say(words, tr), after=0.6)
        if programme.grade is not None:
            page.text(tr(f"grade.{programme.grade}"), after=0.6)

    page.boxed(draw, fill=palette.NOTICE_BG)
    page.y += 5


def caption_keys(programme: Programme | None) -> list[str]:
    """What each picture shows: with less than the full range the knee never gets quite straight."""
    partial = programme is not None and programme.range_percent < 100
    return [f"handout.frame.{n}" + (".part" if partial and n == 2 else "") for n in range(1, len(KEY_FRAMES) + 1)]


def _frames(page: _Page, images: list[QImage], programme: Programme | None) -> None:
    gap = 3.0
    width = (page.width - 3 * gap) / 4
    height = width * FRAME_PX.height() / FRAME_PX.width()
    captions = [f"{i + 1}. " + tr(key) for i, key in enumerate(caption_keys(programme))]
    below = max(page.measure(c, page.body_pt - 1.5, bold=True, width=width) for c in captions)
    painter = page.painter
    for i, (image, caption) in enumerate(zip(images, captions, strict=True)):
        if page.dry:
            break
        x = page.left + i * (width + gap)
        painter.drawImage(_rect(x, page.y, width, height), image)
        painter.setPen(QPen(QColor(palette.FLOOR), _mm(0.25)))
        painter.drawRoundedRect(_rect(x, page.y, width, height), _mm(1.5), _mm(1.5))
        page.font(page.body_pt - 1.5, bold=True)
        painter.setPen(QColor(palette.TEXT))
        painter.drawText(_rect(x, page.y + height + 1.5, width, below + 1), _FLAGS, caption)
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


def _red_flags(page: _Page) -> None:
    def draw(page: _Page) -> None:
        page.heading(tr("redflags.title"), colour=palette.WARNING)
        page.text(tr("redflags.emergency"), bold=True, after=1.0)
        for key in EMERGENCY:
            page.item("•", tr(key), colour=palette.WARNING)
        page.y += 0.8
        page.text(tr("redflags.doctor"), bold=True, after=1.0)
        for key in DOCTOR_SOON:
            page.item("•", tr(key), colour=palette.WARNING)

    page.boxed(draw, border=palette.WARNING)


def _layout(page: _Page, images: list[QImage], programme: Programme | None, logo: QImage | None) -> float:
    """Lay the handout out on ``page``; returns where the text ends (mm from the top)."""
    _header(page, programme, logo)
    _dose(page, programme)
    _frames(page, images, programme)

    page.heading(tr("handout.steps_title"))
    for n in range(1, STEPS + 1):
        page.item(f"{n}.", tr(f"handout.step.{n}"))
    page.y += 2.5

    # Below the steps, two columns: what to expect and the plan; the red flags beside them.
    gap = 8.0
    left = page.column(0, (page.width - gap) * 0.53)
    right = page.column(left.width + gap, page.width - left.width - gap)
    left.heading(tr("handout.expect_title"))
    left.text(tr("handout.expect"), after=2.5)
    left.heading(tr("handout.next_day_title"))
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
        footer = _rect(page.left, PAGE_MM[1] - MARGIN_MM + 4, page.width, 8)
        page.painter.drawText(footer, _FLAGS, tr("handout.prescribed_footer"))
    return end


def _draw(painter: QPainter, movement: Movement, programme: Programme | None) -> float:
    """The handout in the largest body size that fits the page (the smallest if none does); returns that size."""
    images = [render_frame(movement, cycles, FRAME_PX) for cycles in KEY_FRAMES]
    logo, _ = load_logo(programme)
    bottom = PAGE_MM[1] - MARGIN_MM
    fits = (pt for pt in BODY_SIZES_PT if _layout(_Page(painter, pt, dry=True), images, programme, logo) <= bottom)
    body_pt = next(fits, BODY_SIZES_PT[-1])
    _layout(_Page(painter, body_pt), images, programme, logo)
    return body_pt


def _paint(device: QPaintDevice, movement: Movement, programme: Programme | None) -> float:
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    body_pt = _draw(painter, movement, programme)
    painter.end()
    return body_pt


def handout_pdf(movement: Movement, programme: Programme | None = None) -> bytes:
    """The handout as the bytes of a one-page A4 PDF (needs a QApplication)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(tr("handout.prescribed_title") if programme else tr("handout.title"))
    writer.setCreator("flossgui")
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    _paint(writer, movement, programme)
    buffer.close()
    return bytes(data.data())


def handout_image(movement: Movement, programme: Programme | None = None, width_px: int = 827) -> tuple[QImage, float]:
    """The same page as an image ``width_px`` wide, and the body text size it fitted at (points).

    For previews and the golden-image test.
    """
    page = QImage(round(_mm(PAGE_MM[0])), round(_mm(PAGE_MM[1])), QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    body_pt = _paint(page, movement, programme)
    return page.scaledToWidth(width_px, Qt.TransformationMode.SmoothTransformation), body_pt
