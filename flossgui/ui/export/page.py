"""An A4 page laid out in millimetres, for the printed handout and the clinician's report.

:class:`Page` is a painter with a cursor that moves down the page: wrapped text, headings, list
items, boxes and columns. Millimetres are turned into device pixels at :data:`DPI` (not a scaled
painter: text laid out at tiny font sizes gets rounded). ``dry`` pages only measure, so a layout
can be tried at several type sizes and the largest that fits used.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter, QPen

from flossgui.ui.theme import palette

DPI = 300
PAGE_MM = (210.0, 297.0)
MARGIN_MM = 12.0
FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def mm(v: float) -> float:
    return v * DPI / 25.4


def rect(x: float, y: float, w: float, h: float) -> QRectF:
    """A rectangle given in millimetres, in device pixels."""
    return QRectF(mm(x), mm(y), mm(w), mm(h))


class Page:
    """A painter with a cursor (in millimetres) that moves down the page; ``dry`` only measures."""

    def __init__(self, painter: QPainter, body_pt: float, *, dry: bool = False) -> None:
        self.painter = painter
        self.body_pt = body_pt
        self.heading_pt = body_pt + 2
        self.dry = dry
        self.left = MARGIN_MM
        self.width = PAGE_MM[0] - 2 * MARGIN_MM
        self.y = MARGIN_MM

    def column(self, left: float, width: float) -> Page:
        """A column of this page from ``left`` (mm from its left edge), starting at the cursor."""
        page = Page(self.painter, self.body_pt, dry=self.dry)
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
        area = rect(self.left + indent, self.y, (width or self.width) - indent, 1000.0)
        return self.painter.boundingRect(area, FLAGS, text).height() * 25.4 / DPI

    def text(self, text: str, points: float | None = None, *, bold: bool = False, colour: str = palette.TEXT,
             indent: float = 0.0, after: float = 1.5, width: float | None = None) -> None:  # fmt: skip
        """Draw wrapped ``text`` (body size unless ``points``) at the cursor and move the cursor below it."""
        width = width or self.width
        height = self.measure(text, points or self.body_pt, bold=bold, indent=indent, width=width)
        if not self.dry:
            self.painter.setPen(QColor(colour))
            self.painter.drawText(rect(self.left + indent, self.y, width - indent, height + 1), FLAGS, text)
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
            self.painter.drawText(rect(self.left, top, 7.0, 10.0), FLAGS, mark)

    def box(self, top: float, bottom: float, *, fill: str | None = None, border: str | None = None) -> None:
        """A rounded box around ``top``–``bottom`` mm: a fill goes first, a border after what it frames."""
        if self.dry:
            return
        self.painter.save()  # restores the pen after: with no pen, QPainter measures text as empty
        self.painter.setPen(QPen(QColor(border), mm(0.6)) if border else Qt.PenStyle.NoPen)
        self.painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
        self.painter.drawRoundedRect(rect(self.left - 3, top - 2.5, self.width + 6, bottom - top + 3), mm(2.5), mm(2.5))
        self.painter.restore()

    def boxed(self, draw: Callable[[Page], object], *, fill: str | None = None, border: str | None = None) -> None:
        """Draw ``draw(page)`` in a box: measured first, so a fill can go behind it."""
        dry = Page(self.painter, self.body_pt, dry=True)
        dry.left, dry.width, dry.y = self.left, self.width, self.y
        top = self.y
        draw(dry)
        if fill:
            self.box(top, dry.y, fill=fill)
        draw(self)
        if border:
            self.box(top, self.y, border=border)


def long_date(day: object) -> str:
    """A date as the reader's locale writes it in full, without the weekday ("30 November 2026")."""
    qdate = QDate(day.year, day.month, day.day)  # type: ignore[attr-defined]
    return QLocale().toString(qdate, QLocale.FormatType.LongFormat).split(", ", 1)[-1]


def pdf_bytes(title: str, draw: Callable[[QPainter], object]) -> bytes:
    """One A4 page drawn by ``draw(painter)``, as the bytes of a PDF (needs a QApplication)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("flossgui")
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    paint(writer, draw)
    buffer.close()
    return bytes(data.data())


def page_image(draw: Callable[[QPainter], object], width_px: int) -> QImage:
    """The same page as an image ``width_px`` wide, for previews and golden-image tests."""
    page = QImage(round(mm(PAGE_MM[0])), round(mm(PAGE_MM[1])), QImage.Format.Format_RGB32)
    page.setDotsPerMeterX(round(DPI / 0.0254))  # points become the same pixels as on the PDF
    page.setDotsPerMeterY(round(DPI / 0.0254))
    page.fill(QColor("white"))
    paint(page, draw)
    return page.scaledToWidth(width_px, Qt.TransformationMode.SmoothTransformation)


def paint(device: QPaintDevice, draw: Callable[[QPainter], object]) -> None:
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    draw(painter)
    painter.end()
