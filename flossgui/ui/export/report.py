"""The clinician's one-page report, drawn from a :class:`~flossgui.diary.report.Report`.

From the top: who and when, the programme, adherence (sessions done against prescribed) and the
next-day answers, four charts over the same days (sessions a day against the prescription, the
leg-symptom score on a fixed 0–10 scale, where the symptoms went, the range and grade done), and
every worse, spreading or red-flag event. Black-and-white printable: the charts also differ by
shape and the "where" chart by position.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from flossgui.core.atomic import atomic_file
from flossgui.core.errors import InputError
from flossgui.diary.report import Day, Report, ReportEvent
from flossgui.model.dose import dose_line
from flossgui.model.grades import GRADE_NAMES
from flossgui.model.monitoring import LEG_SCORE_RANGE, Spread
from flossgui.model.symptoms import Symptoms
from flossgui.ui.export.page import MARGIN_MM, PAGE_MM, Page, long_date, mm, page_image, pdf_bytes, rect
from flossgui.ui.theme import palette
from flossgui.ui.theme.tr import tr

BODY_PT = 9.5
CHART_MM = 27.0  # the height of each chart's plotting area
AXIS_MM = 12.0  # room for the value labels left of each chart
SPREAD_COLOURS = {Spread.FURTHER: palette.WARNING, Spread.SAME: palette.MUTED_LINE, Spread.EASING: "#2E7D5B"}
SPREAD_ORDER = (Spread.EASING, Spread.SAME, Spread.FURTHER)  # bottom to top in the "where" chart


def _short(day: date) -> str:
    """A day as "8 Dec"."""
    return f"{day.day} {day:%b}"


def _choice(detail: dict[str, object]) -> dict[str, object]:
    """An event's fields with its choice in words."""
    if "choice" in detail:
        return detail | {"choice": tr(f"report.choice.{detail['choice']}")}
    return detail


def event_words(event: ReportEvent) -> str:
    """One event as a line of the report: its date, then what happened."""
    return f"{_short(event.day)}: " + tr(f"report.event.{event.kind}", **_choice(event.detail))


class _Chart:
    """One chart's frame: days along x (shared by all charts), values along y from ``lo`` to ``hi``."""

    def __init__(self, page: Page, days: tuple[Day, ...], title: str, lo: float, hi: float, ticks: list[float],
                 label: Callable[[float], str] = lambda v: f"{v:g}") -> None:  # fmt: skip
        self.painter, self.days, self.lo, self.hi = page.painter, days, lo, hi
        page.text(title, page.body_pt - 0.5, bold=True, after=3.0)  # room for the top value's label
        self.area = rect(page.left + AXIS_MM, page.y, page.width - AXIS_MM, CHART_MM)
        p = self.painter
        p.save()
        p.setPen(QPen(QColor(palette.FLOOR_FILL), mm(0.2)))
        page.font(page.body_pt - 2.5)
        for v in ticks:
            y = self.y(v)
            p.setPen(QPen(QColor(palette.FLOOR_FILL), mm(0.2)))
            p.drawLine(QPointF(self.area.left(), y), QPointF(self.area.right(), y))
            p.setPen(QColor(palette.MUTED_TEXT))
            p.drawText(QRectF(self.area.left() - mm(AXIS_MM), y - mm(2), mm(AXIS_MM - 1.5), mm(4)),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label(v))  # fmt: skip
        p.setPen(QPen(QColor(palette.MUTED_LINE), mm(0.25)))
        p.drawLine(self.area.bottomLeft(), self.area.bottomRight())
        p.restore()
        page.y += CHART_MM + 2.0

    @property
    def step(self) -> float:
        return self.area.width() / max(1, len(self.days))

    def x(self, index: int) -> float:
        """The centre of day ``index``."""
        return self.area.left() + (index + 0.5) * self.step

    def y(self, value: float) -> float:
        return self.area.bottom() - (value - self.lo) / (self.hi - self.lo) * self.area.height()


def _day_axis(page: Page, chart: _Chart) -> None:
    """Dates under the last chart, as many as fit without crowding."""
    page.font(page.body_pt - 2.5)
    every = max(1, round(len(chart.days) / 10))
    p = page.painter
    p.setPen(QColor(palette.MUTED_TEXT))
    for i, day in enumerate(chart.days):
        if i % every == 0:
            x = chart.x(i)
            p.drawText(QRectF(x - mm(8), chart.area.bottom() + mm(0.8), mm(16), mm(4)),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, _short(day.day))  # fmt: skip
    page.y += 4.5


def _sessions_chart(page: Page, report: Report) -> None:
    days = report.days
    target = report.programme.per_day if report.programme else None
    top = max([2, target or 0, *(d.sessions for d in days)])
    chart = _Chart(page, days, tr("report.sessions_chart"), 0, top, list(range(0, top + 1)))
    p = page.painter
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(palette.ACCENT))
    for i, d in enumerate(days):
        if d.sessions:
            p.drawRect(QRectF(chart.x(i) - chart.step * 0.35, chart.y(d.sessions), chart.step * 0.7,
                              chart.y(0) - chart.y(d.sessions)))  # fmt: skip
    if target:
        pen = QPen(QColor(palette.TEXT), mm(0.35), Qt.PenStyle.DashLine)
        p.setPen(pen)
        y = chart.y(target)
        p.drawLine(QPointF(chart.area.left(), y), QPointF(chart.area.right(), y))
        page.font(page.body_pt - 2.5)
        p.drawText(QRectF(chart.area.right() - mm(25), y - mm(4.2), mm(25), mm(4)),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, tr("report.target"))  # fmt: skip
    p.restore()


def _score_chart(page: Page, report: Report) -> None:
    lo, hi = LEG_SCORE_RANGE
    chart = _Chart(page, report.days, tr("report.score_chart"), lo, hi, [0, 2, 4, 6, 8, 10])
    p = page.painter
    p.save()
    p.setPen(QPen(QColor(palette.WARNING), mm(0.5)))
    path = QPainterPath()
    for i, d in enumerate(report.days):
        if not d.scores:
            continue
        x = chart.x(i)
        p.drawLine(QPointF(x, chart.y(min(d.scores))), QPointF(x, chart.y(max(d.scores))))
        point = QPointF(x, chart.y(d.mean_score or 0))
        path.lineTo(point) if path.elementCount() else path.moveTo(point)
    p.setPen(QPen(QColor(palette.TEXT), mm(0.35)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    p.setBrush(QColor(palette.TEXT))
    for i, d in enumerate(report.days):
        if d.scores:
            p.drawEllipse(QPointF(chart.x(i), chart.y(d.mean_score or 0)), mm(0.8), mm(0.8))
    p.restore()


def _spread_chart(page: Page, report: Report) -> None:
    top = max([2, *(len(d.spreads) for d in report.days)])
    chart = _Chart(page, report.days, tr("report.spread_chart"), 0, top, [0, top])
    p = page.painter
    p.save()
    p.setPen(QPen(QColor("white"), mm(0.15)))
    for i, d in enumerate(report.days):
        base = 0
        for spread in SPREAD_ORDER:
            n = d.spreads.count(spread)
            if n:
                p.setBrush(QColor(SPREAD_COLOURS[spread]))
                p.drawRect(QRectF(chart.x(i) - chart.step * 0.35, chart.y(base + n), chart.step * 0.7,
                                  chart.y(base) - chart.y(base + n)))  # fmt: skip
                base += n
    p.restore()
    # The legend, with each colour's count over the period.
    counts = report.spread_counts()
    x = page.left + AXIS_MM
    page.font(page.body_pt - 1.5)
    for spread in reversed(SPREAD_ORDER):
        words = f"{tr(f'report.spread.{spread.value}')}: {counts.get(spread, 0)}"
        p.fillRect(rect(x, page.y + 0.6, 3, 3), QColor(SPREAD_COLOURS[spread]))
        p.setPen(QColor(palette.TEXT))
        p.drawText(rect(x + 4, page.y, 60, 5), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, words)
        x += 6 + p.fontMetrics().horizontalAdvance(words) * 25.4 / p.device().logicalDpiX()
    page.y += 6


def _range_chart(page: Page, report: Report) -> _Chart:
    chart = _Chart(page, report.days, tr("report.range_chart"), 0, 100, [0, 50, 100], lambda v: f"{v:g} %")
    p = page.painter
    p.save()
    p.setPen(QPen(QColor(palette.ACCENT), mm(0.45)))
    p.setBrush(QColor(palette.ACCENT))
    shown_grade: int | None = None
    page.font(page.body_pt - 2.5)
    for i, d in enumerate(report.days):
        if d.range_percent is None:
            continue
        point = QPointF(chart.x(i), chart.y(d.range_percent))
        p.drawRect(QRectF(point.x() - mm(0.7), point.y() - mm(0.7), mm(1.4), mm(1.4)))
        if d.grade is not None and d.grade != shown_grade:  # the grade where it changes
            shown_grade = d.grade
            p.setPen(QColor(palette.TEXT))
            p.drawText(QRectF(point.x() - mm(6), point.y() - mm(5), mm(12), mm(4)),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                       f"G{GRADE_NAMES.index(d.grade) + 1}")  # fmt: skip
            p.setPen(QPen(QColor(palette.ACCENT), mm(0.45)))
    p.restore()
    return chart


def _programme(page: Page, report: Report) -> None:
    p = report.programme

    def draw(page: Page) -> None:
        page.text(tr("report.programme"), bold=True, colour=palette.MUTED_TEXT, after=0.5)
        if p is None:
            page.text(tr("report.no_programme"), after=0.5)
            return
        grade = tr(f"grade.{p.grade}") if p.grade else tr("grade.none")
        side = tr(f"guided.side.{p.side}")
        page.text(tr("report.programme_line", dose=dose_line(p, tr), grade=grade, range=f"{p.range_percent:g}",
                     side=side), bold=True, after=0.5)  # fmt: skip
        if p.start or p.review:
            start, review = (long_date(d) if d else "—" for d in (p.start, p.review))
            page.text(tr("report.programme_dates", start=start, review=review), after=0.5)
        who = ", ".join(v for v in (p.clinician.name, p.clinician.clinic, p.clinician.contact) if v)
        if who:
            page.text(tr("report.programme_by", who=who), colour=palette.MUTED_TEXT, after=0.5)

    page.boxed(draw, fill=palette.NOTICE_BG)
    page.y += 4


def _adherence(page: Page, report: Report) -> None:
    done, prescribed = report.sessions_done, report.sessions_prescribed
    page.text(tr("report.adherence"), bold=True, colour=palette.MUTED_TEXT, after=0.5)
    if prescribed:
        words = tr("report.adherence_value", done=done, prescribed=prescribed, percent=round(100 * done / prescribed))
    else:
        words = tr("report.adherence_done", done=done)
    page.text(words, page.body_pt + 5, bold=True, after=0.8)
    active = sum(1 for d in report.days if d.sessions)
    page.text(tr("report.adherence_reps", reps=report.reps_done, days=active, period=len(report.days)), after=0.5)
    n = report.next_day_counts()
    page.text(tr("report.next_day", better=n[Symptoms.BETTER], same=n[Symptoms.SAME], worse=n[Symptoms.WORSE]),
              after=3.0)  # fmt: skip


def _events(page: Page, report: Report, bottom: float) -> None:
    page.heading(tr("report.events"), colour=palette.WARNING)
    if not report.events:
        page.text(tr("report.events_none"))
        return
    line = page.measure("X", page.body_pt) + 1.0
    room = max(1, int((bottom - page.y) // line))
    shown = report.events if len(report.events) <= room else report.events[: room - 1]
    for event in shown:
        page.item("•", event_words(event), colour=palette.WARNING)
    if len(shown) < len(report.events):
        page.text(tr("report.events_more", n=len(report.events) - len(shown)), colour=palette.MUTED_TEXT)


def _draw(painter: QPainter, report: Report, made: date) -> None:
    page = Page(painter, BODY_PT)
    p = report.programme
    clinic = p.clinician.clinic if p else ""
    top = page.y
    page.text(tr("report.title"), page.body_pt + 9, bold=True, colour=palette.ACCENT, after=1.0)
    if clinic:
        page.font(page.body_pt + 1, bold=True)
        painter.setPen(QColor(palette.ACCENT))
        painter.drawText(rect(page.left, top + 2, page.width, 8), Qt.AlignmentFlag.AlignRight, clinic)
    facts = [tr("report.patient", name=p.patient)] if p and p.patient else []
    facts.append(tr("report.period", first=long_date(report.first), last=long_date(report.last),
                    days=len(report.days)))  # fmt: skip
    page.text("   ·   ".join(facts), page.body_pt + 1.5, bold=True, after=3.0)
    _programme(page, report)
    _adherence(page, report)
    _sessions_chart(page, report)
    _score_chart(page, report)
    _spread_chart(page, report)
    _day_axis(page, _range_chart(page, report))
    page.y += 2
    footer_top = PAGE_MM[1] - MARGIN_MM + 2
    _events(page, report, footer_top - 2)
    page.font(8.5)
    painter.setPen(QColor(palette.MUTED_TEXT))
    painter.drawText(rect(page.left, footer_top, page.width, 8), Qt.AlignmentFlag.AlignLeft,
                     tr("report.made", date=long_date(made)))  # fmt: skip


def report_pdf(report: Report, made: date | None = None) -> bytes:
    """The report as the bytes of a one-page A4 PDF (needs a QApplication)."""
    return pdf_bytes(tr("report.title"), lambda painter: _draw(painter, report, made or date.today()))


def report_image(report: Report, made: date | None = None, width_px: int = 827) -> QImage:
    """The same page as an image ``width_px`` wide (previews and the golden-image test)."""
    return page_image(lambda painter: _draw(painter, report, made or date.today()), width_px)


def write_report(path: Path, report: Report, made: date | None = None) -> None:
    """Write the report's PDF to ``path`` atomically; InputError naming the path if it cannot be written."""
    data = report_pdf(report, made)
    try:
        with atomic_file(path, private=True) as out:  # health data: readable by the user alone
            out.write(data)
    except OSError as exc:
        raise InputError(str(path), "", f"cannot be written ({exc.strerror or exc})", "a writable .pdf path") from None
