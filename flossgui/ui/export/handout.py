"""The printed handout: one A4 page with four key frames, the steps, the programme and the safety notes.

Drawn with ``QPdfWriter`` and ``QPainter``. The layout is in millimetres, turned into device
pixels at :data:`DPI` (not a scaled painter: text laid out at tiny font sizes gets rounded).
Large type on white, the figure's own calm colours, nothing that needs a colour printer.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from flossgui.model.motion import Movement
from flossgui.model.programme import Programme
from flossgui.ui.figure.figure_view import render_frame
from flossgui.ui.theme import palette
from flossgui.ui.theme.tr import tr, trn

#: Where the four pictures are taken, in reps: start, knee straight, toes and eyes up, back down.
KEY_FRAMES: tuple[float, ...] = (0.0, 0.35, 0.5, 0.82)
STEPS = 6
SAFETY_KEYS = ("safety.not_yet", "safety.stop", "safety.glide", "handout.neck", "safety.seek_help", "safety.see_doctor")
DPI = 300
PAGE_MM = (210.0, 297.0)
MARGIN_MM = 15.0
FRAME_PX = QSize(640, 500)  # each still, about 43 mm wide when printed: sharp at 300 dpi
BODY_SIZES_PT: tuple[float, ...] = (13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0)  # the largest that fits is used
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
        self.heading_pt = body_pt + 3
        self.dry = dry
        self.left = MARGIN_MM
        self.width = PAGE_MM[0] - 2 * MARGIN_MM
        self.y = MARGIN_MM

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
             indent: float = 0.0, after: float = 2.0) -> None:  # fmt: skip
        """Draw wrapped ``text`` (body size unless ``points``) at the cursor and move the cursor below it."""
        height = self.measure(text, points or self.body_pt, bold=bold, indent=indent)
        if not self.dry:
            self.painter.setPen(QColor(colour))
            self.painter.drawText(_rect(self.left + indent, self.y, self.width - indent, height + 1), _FLAGS, text)
        self.y += height + after

    def heading(self, text: str, colour: str = palette.TEXT, after: float = 2.0) -> None:
        self.text(text, self.heading_pt, bold=True, colour=colour, after=after)

    def item(self, mark: str, text: str, *, bold: bool = False) -> None:
        """A list item: ``mark`` (a number or bullet) hanging to the left of the wrapped ``text``."""
        top = self.y
        self.text(text, bold=bold, indent=8.0, after=1.8)
        if not self.dry:
            self.font(self.body_pt, bold=True)
            self.painter.setPen(QColor(palette.ACCENT))
            self.painter.drawText(_rect(self.left, top, 8.0, 10.0), _FLAGS, mark)

    def panel(self, height: float) -> None:
        """A tinted rounded panel behind the next ``height`` mm."""
        if self.dry:
            return
        self.painter.save()  # restores the pen after: with no pen, QPainter measures text as empty
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QColor(palette.NOTICE_BG))
        self.painter.drawRoundedRect(_rect(self.left - 3, self.y - 2.5, self.width + 6, height + 5), _mm(2.5), _mm(2.5))
        self.painter.restore()


def programme_lines(programme: Programme | None) -> list[str]:
    """The programme in words, title first (or a general line when there is none)."""
    if programme is None:
        return [tr("handout.dose")]
    p = programme
    each = tr("handout.programme_each") if p.side == "both" else ""
    lines = [
        tr(
            "handout.programme",
            reps=trn("count.reps", p.reps),
            sets=trn("count.sets", p.sets),
            each=each,
            rest=f"{p.rest_s:g}",
            tempo=f"{p.tempo_s:g}",
        ),
        tr("handout.programme_side", side=tr(f"guided.side.{p.side}"), range=f"{p.range_percent:g}"),
    ]
    return ([p.title] if p.title else []) + lines + ([p.notes] if p.notes else [])


def _frames(page: _Page, images: list[QImage], part_way: bool) -> None:
    gap = 3.0
    width = (page.width - 3 * gap) / 4
    height = width * FRAME_PX.height() / FRAME_PX.width()
    keys = [f"handout.frame.{i + 1}" for i in range(len(images))]
    if part_way:
        keys[1] = "handout.frame.2.part"
    captions = [f"{i + 1}. " + tr(key) for i, key in enumerate(keys)]
    below = max(page.measure(c, page.body_pt - 2, bold=True, width=width) for c in captions)
    painter = page.painter
    for i, (image, caption) in enumerate(zip(images, captions, strict=True)):
        if page.dry:
            break
        x = page.left + i * (width + gap)
        painter.drawImage(_rect(x, page.y, width, height), image)
        painter.setPen(QPen(QColor(palette.FLOOR), _mm(0.25)))
        painter.drawRoundedRect(_rect(x, page.y, width, height), _mm(1.5), _mm(1.5))
        page.font(page.body_pt - 2, bold=True)
        painter.setPen(QColor(palette.TEXT))
        painter.drawText(_rect(x, page.y + height + 1.5, width, below + 1), _FLAGS, caption)
    page.y += height + below + 6


def _layout(page: _Page, images: list[QImage], programme: Programme | None, range_percent: float) -> float:
    """Lay the handout out on ``page``; returns where the text ends (mm from the top)."""
    part_way = range_percent < 100
    page.text(tr("handout.title"), 22, bold=True, colour=palette.ACCENT, after=2.5)
    page.text(tr("handout.intro"), after=5)
    _frames(page, images, part_way)

    page.heading(tr("handout.steps_title"))
    for n in range(1, STEPS + 1):
        page.item(f"{n}.", tr(f"handout.step.{n}"))
    if part_way:
        page.item("•", tr("handout.part_way", range=f"{range_percent:g}"), bold=True)
    page.y += 4

    page.heading(tr("handout.programme_title"), after=4)
    lines = [(line, k == 0 and programme is not None) for k, line in enumerate(programme_lines(programme))]
    page.panel(sum(page.measure(line, page.body_pt, bold=bold) + 1 for line, bold in lines) - 1)
    for line, bold in lines:
        page.text(line, bold=bold, after=1)
    page.y += 7

    page.heading(tr("handout.response_title"))
    page.text(tr("handout.response"), after=1.5)
    page.text(tr("handout.next_day"), after=6)

    page.heading(tr("handout.safety_title"), colour=palette.WARNING)
    for key in SAFETY_KEYS:
        page.item("•", tr(key), bold=key in ("safety.seek_help", "safety.see_doctor"))
    end = page.y

    if not page.dry:
        page.font(9.5)
        page.painter.setPen(QColor(palette.MUTED_TEXT))
        footer = _rect(page.left, PAGE_MM[1] - MARGIN_MM + 3, page.width, 8)
        page.painter.drawText(footer, _FLAGS, tr("handout.footer"))
    return end


def _draw(painter: QPainter, movement: Movement, programme: Programme | None) -> None:
    """The handout in the largest body size that fits the page (the smallest if none does)."""
    images = [render_frame(movement, cycles, FRAME_PX) for cycles in KEY_FRAMES]
    percent = round(100 * movement.setup.range_fraction)
    fits = (
        pt
        for pt in BODY_SIZES_PT
        if _layout(_Page(painter, pt, dry=True), images, programme, percent) <= PAGE_MM[1] - MARGIN_MM
    )
    _layout(_Page(painter, next(fits, BODY_SIZES_PT[-1])), images, programme, percent)


def handout_pdf(movement: Movement, programme: Programme | None = None) -> bytes:
    """The handout as the bytes of a one-page A4 PDF (needs a QApplication)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(tr("handout.title"))
    writer.setCreator("flossgui")
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    painter = QPainter(writer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    _draw(painter, movement, programme)
    painter.end()
    buffer.close()
    return bytes(data.data())
