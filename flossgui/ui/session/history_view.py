"""The patient's diary on screen: reps per day, range of movement over time, recent sessions.

Two stacked charts share one date axis (bars: repetitions per day; line: the range of
movement of each set), above a table of recent sessions and an "Export CSV…" button.
Call :meth:`HistoryView.refresh` after recording a session.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from flossgui.diary.store import History, SessionRecord
from flossgui.ui.theme.tr import tr, trn

log = logging.getLogger(__name__)
RECENT = 30  # sessions in the table
MIN_DAYS_SHOWN = 14  # the charts always show at least two weeks, ending today
BAR_COLOUR = "#8db3cf"  # soft blue
BAR_EDGE = "#5f8fb0"
LINE_COLOUR = "#4f9a84"  # muted green
AXIS_COLOUR = "#5a5a5a"
COLUMNS = ("date", "side", "sets", "reps", "range", "speed", "symptoms")
_DAY_S = 86400.0


def _noon(day: date) -> float:
    """Where a day sits on the time axis (seconds since the epoch, local noon)."""
    return datetime.combine(day, time(12)).timestamp()


class _DayAxis(pg.DateAxisItem):
    """A date axis whose day ticks read "2 May" (in the user's language), not a bare "02"."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        levels = super().tickValues(minVal, maxVal, size)
        # Day ticks go at noon, under each day's bar; with them, a month tick ("May") would only crowd.
        days = [(spacing, [v + _DAY_S / 2 for v in values]) for spacing, values in levels if spacing < 28 * _DAY_S]
        return days or levels

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if not _DAY_S <= spacing < 28 * _DAY_S:
            return super().tickStrings(values, scale, spacing)
        locale = QLocale()
        return [locale.toString(QDateTime.fromSecsSinceEpoch(round(v)).date(), "d MMM") for v in values]


class HistoryView(QWidget):
    """Charts and a table of the :class:`~flossgui.diary.store.History`, with CSV export."""

    exported = Signal(str)  # the path written

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history

        self.charts = pg.GraphicsLayoutWidget()
        self.charts.setBackground("w")
        self.charts.setMinimumHeight(320)
        self.reps_plot = self._plot(0, tr("history.reps_title"), tr("history.reps_axis"))
        self.range_plot = self._plot(1, tr("history.range_title"), tr("history.range_axis"))
        self.range_plot.setXLink(self.reps_plot)
        self.reps_plot.getAxis("bottom").setStyle(showValues=False)  # the dates are read off the lower chart
        self.range_plot.getAxis("bottom").setLabel(tr("history.date_axis"))
        self.range_plot.setYRange(0, 100, padding=0.1)  # room for the 0 and 100 labels
        self.range_plot.getAxis("left").setTicks([[(v, f"{v}") for v in range(0, 101, 25)]])
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7 * _DAY_S, brush=BAR_COLOUR, pen=pg.mkPen(BAR_EDGE))
        self.reps_plot.addItem(self.bars)
        self.range_line = self.range_plot.plot(
            [], [], pen=pg.mkPen(LINE_COLOUR, width=2), symbol="o", symbolSize=7,
            symbolBrush=LINE_COLOUR, symbolPen=pg.mkPen("w"),
        )  # fmt: skip

        self.empty = QLabel(tr("history.empty"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(f"history.col.{c}") for c in COLUMNS])
        self.table.setAccessibleName(tr("history.recent"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.export_button = QPushButton(tr("history.export"))
        self.export_button.setAccessibleName(tr("history.export").replace("&", ""))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # may quote a file or its text
        self.status.setWordWrap(True)

        title = QLabel(tr("history.recent"))
        title.setAccessibleName(tr("history.recent"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.charts, 3)
        layout.addWidget(title)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        self.refresh()

    def _plot(self, row: int, title: str, unit: str) -> pg.PlotItem:
        plot = self.charts.addPlot(row=row, col=0, axisItems={"bottom": _DayAxis()})
        plot.setTitle(title, color=AXIS_COLOUR)
        plot.setLabel("left", unit)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=True, y=False)
        plot.showGrid(y=True, alpha=0.15)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(AXIS_COLOUR))
            axis.setTextPen(pg.mkPen(AXIS_COLOUR))
        return plot

    def refresh(self, today: date | None = None) -> None:
        """Re-read the diary and redraw (``today`` ends the date axis; tests fix it)."""
        today = today or date.today()
        try:
            per_day = self.history.reps_per_day()
            points = self.history.range_over_time()
            sessions = self.history.sessions(limit=RECENT)
        except sqlite3.Error as exc:  # e.g. the disk failed under it: say so, show nothing
            log.warning("the diary cannot be read: %s", exc)
            self.status.setText(tr("history.unreadable", reason=exc))
            per_day, points, sessions = [], [], []
        self.bars.setOpts(x=[_noon(d) for d, _ in per_day], height=[r for _, r in per_day])
        self.range_line.setData([t.timestamp() for t, _ in points], [r for _, r in points])
        first = min([today - timedelta(days=MIN_DAYS_SHOWN - 1), *(d for d, _ in per_day)])
        self.reps_plot.setXRange(_noon(first) - 0.6 * _DAY_S, _noon(today) + 0.6 * _DAY_S, padding=0)
        self.reps_plot.setYRange(0, max([10, *(r for _, r in per_day)]) * 1.1, padding=0)

        self.empty.setVisible(not sessions)
        self.table.setRowCount(len(sessions))
        for row, session in enumerate(sessions):
            for col, value in enumerate(self._cells(session)):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, col, item)

    def _cells(self, s: SessionRecord) -> tuple[str, ...]:
        locale = QLocale()
        started = QDateTime(s.started_at)
        when = f"{locale.toString(started.date(), 'ddd d MMM yyyy')}, {locale.toString(started.time(), 'HH:mm')}"
        ranges = [f"{r.range_percent:g}" for r in s.sets] or [f"{s.range_percent:g}"]
        range_text = " → ".join(dict.fromkeys(ranges)) + " %"  # shows where the range was reduced
        answers = ", ".join(tr(f"symptoms.{r.symptoms.value}").replace("&", "") for r in s.sets if r.symptoms)
        if increased := len(self.history.symptoms_increased(s.id)):  # "my symptoms increased" during a set
            answers = ", ".join(filter(None, (answers, tr("history.increased", count=increased))))
        return (
            when, tr(f"history.side.{s.side}"), f"{len(s.sets)} / {s.sets_planned}", str(s.reps_done), range_text,
            f"{s.speed:g}×", answers,
        )  # fmt: skip

    def export_to(self, path: str | Path) -> bool:
        """Write the diary as CSV to ``path``; reports the result in the status line."""
        try:
            rows = self.history.export_csv(path)
        except OSError as exc:
            self.status.setText(tr("history.export_failed").format(reason=exc.strerror or exc))
            return False
        self.status.setText(trn("history.export_done", rows, path=path))
        self.exported.emit(str(path))
        return True

    def _on_export_clicked(self) -> None:
        suggested = str(Path.home() / f"flossgui-history-{date.today().isoformat()}.csv")
        path, _ = QFileDialog.getSaveFileName(self, tr("history.export_title"), suggested, "CSV (*.csv)")
        if path:
            self.export_to(path)
