"""One step of the kiosk's film (:mod:`.lean_view`): the figure's moving parts at one moment,
mapped into screen pixels, as draw operations Qt antialiases cheaply and the area they cover.

Curves with round caps and joins (the spine, the string and its halo) are drawn as straight
segments with flat ends, a quarter of a pixel from the curve, that run on into each other at
gentle bends, with a disc at each end and sharper bend. Straight round-capped strokes (neck,
shank, arm, foot) are drawn as the same shape in pieces: segments with flat ends and a disc at
each end and corner. Discs (those, the head, eye, nose and beads)
are copied from sprites drawn once at a quarter pixel's accuracy (:class:`Shared`).
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QRegion,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
)

from flossgui.ui.figure.figure_view import FigureScene

_SHAPES = (QGraphicsLineItem, QGraphicsPathItem, QGraphicsEllipseItem, QGraphicsPolygonItem)
_LINE, _PATH, _ELLIPSE, _POLYGON, _SPRITE, _LINES, _CORE = range(7)
_DATA = QPainterPath.ElementType.CurveToDataElement
_MOVE, _LINE_TO = QPainterPath.ElementType.MoveToElement, QPainterPath.ElementType.LineToElement
_CURVE_TO = QPainterPath.ElementType.CurveToElement
#: Sprite positions are kept to this fraction of a pixel.
_SUBPIXELS = 4
#: Pixels added around each part's area (antialiasing, rounding at fractional scales).
_SPARE_PX = 3
#: How far the straight segments a curve is drawn with may stray from it (pixels).
_TOLERANCE_PX = 0.25
#: The narrowest outline (pixels) whose strokes hide a fill's edge: an edge's antialiased
#: pixels lie within a pixel of it, and the strokes' own within a pixel of theirs.
_CORE_UNDER_PX = 6.0
#: How far the segments of a curve run into each other (pixels): abutting antialiased edges
#: would let what lies below show through along the seam.
_OVERLAP_PX = 0.5


def moving_parts(scene: FigureScene) -> list[QGraphicsItem]:
    """The figure's shapes, bottom to top: every visible line, path, ellipse or polygon of the
    scene but the floor and the furniture (angle labels are cards)."""
    static = (scene.floor, scene.furniture, scene.seat)
    return [
        item
        for item in scene.items(Qt.SortOrder.AscendingOrder)
        if isinstance(item, _SHAPES) and item.isVisible() and not any(item is s for s in static)
    ]


def _geometry(item: QGraphicsItem) -> tuple[int, object]:
    if isinstance(item, QGraphicsLineItem):
        return _LINE, item.line()
    if isinstance(item, QGraphicsPathItem):
        return _PATH, item.path()
    if isinstance(item, QGraphicsEllipseItem):
        return _ELLIPSE, item.rect()
    return _POLYGON, item.polygon()


class Still:
    """The moving parts at one moment, in screen pixels: draw operations and the area they cover."""

    __slots__ = ("ops", "region")

    def __init__(self, parts: list[QGraphicsItem], to_screen: QTransform, shared: Shared) -> None:
        scale = math.sqrt(abs(to_screen.determinant()))
        self.ops: list[tuple[int, QPen | None, QBrush | None, object]] = []
        self.region = QRegion()
        for item in parts:
            m = item.sceneTransform() * to_screen
            pen = QPen(item.pen())
            pen.setWidthF(pen.widthF() * scale)
            kind, shape = _geometry(item)
            if kind == _LINE:
                geom: object = m.map(shape)
                covers = [QRectF(geom.p1(), geom.p2()).normalized()]
            elif kind == _PATH:
                geom = m.map(shape)
                covers = _along(geom)
            elif kind == _ELLIPSE:
                geom = m.mapRect(shape)
                covers = [geom]
            else:
                geom = m.map(shape)
                covers = [geom.boundingRect()]
            pen = shared.pen(pen)
            brush = shared.brush(QBrush() if kind == _LINE else QBrush(item.brush()))
            if kind == _ELLIPSE:
                self.ops.append((_SPRITE, None, None, shared.disc(geom, pen, brush)))
            else:
                self.ops += (
                    _as_pieces(kind, pen, brush, geom, shared)
                    or _as_segments(kind, pen, brush, geom, shared)
                    or [(kind, pen, brush, geom)]
                )
            spare = _SPARE_PX + (pen.widthF() / 2 if pen.style() != Qt.PenStyle.NoPen else 0.0)
            for rect in covers:
                self.region += rect.adjusted(-spare, -spare, spare, spare).toAlignedRect()

    def paint(self, painter: QPainter) -> None:
        for kind, pen, brush, geom in self.ops:
            if kind == _SPRITE:
                painter.drawPixmap(*geom)
                continue
            painter.setPen(pen)
            if kind == _LINE:
                painter.drawLine(geom)
                continue
            if kind == _LINES:
                painter.drawLines(geom)
                continue
            painter.setBrush(brush)
            if kind == _PATH:
                painter.drawPath(geom)
            elif kind == _CORE:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                painter.drawPolygon(geom)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            else:
                painter.drawPolygon(geom)


def _as_pieces(kind: int, pen: QPen, brush: QBrush, geom: object, shared: Shared) -> list[tuple] | None:
    """A round-capped, round-joined stroke of straight segments (a limb, the arm, a foot) drawn
    as what it is, the same shape: its segments with flat ends, which Qt antialiases far faster
    than round ones, a disc from :class:`Shared` at every corner and end, and for a foot the
    filled triangle, not antialiased: its edges lie under the middle of its outline's strokes
    (so the pixels are the same). None for anything else (curves, other pens)."""
    if not _solid_round(pen):
        return None
    fill: list[tuple] = []
    if kind == _LINE:
        points, closed = [geom.p1(), geom.p2()], False
    elif kind == _PATH and brush.style() == Qt.BrushStyle.NoBrush and _straight(geom):
        points, closed = [QPointF(e.x, e.y) for e in map(geom.elementAt, range(geom.elementCount()))], False
    elif kind == _POLYGON and brush.style() == Qt.BrushStyle.SolidPattern and brush.color() == pen.color():
        points, closed = list(geom), True
        core = _CORE if pen.widthF() >= _CORE_UNDER_PX else _POLYGON
        fill = [(core, shared.pen(QPen(Qt.PenStyle.NoPen)), brush, geom)]
    else:
        return None
    ends = [*points, points[0]] if closed else points
    lines = [QLineF(a, b) for a, b in itertools.pairwise(ends)]
    return [*fill, *_flat_strokes(pen, lines, points, shared)]


def _as_segments(kind: int, pen: QPen, brush: QBrush, geom: object, shared: Shared) -> list[tuple] | None:
    """An unfilled curve with round caps and joins (the spine, the string and its halo) as the same
    shape to within :data:`_TOLERANCE_PX`: the curve flattened into straight segments with flat
    ends, which Qt antialiases far faster than the outline of a curve; at a gentle bend both
    segments run on to meet in a mitre (which differs from the round join by less than the
    tolerance there) and a little past it, at a sharper one and at each end a disc from
    :class:`Shared`. None for anything else."""
    if kind != _PATH or not _solid_round(pen) or brush.style() != Qt.BrushStyle.NoBrush:
        return None
    points = _flattened(geom)
    if points is None or len(points) < 2:
        return None
    r = pen.widthF() / 2
    # the mitre of two segments turning by angle a reaches r / cos(a / 2) from their corner
    gentle = 2 * math.acos(r / (r + _TOLERANCE_PX))
    ends = [points[0]]
    lines: list[QLineF] = []
    start = QPointF(points[0])
    for i in range(1, len(points) - 1):
        a, b, c = points[i - 1], points[i], points[i + 1]
        turn = abs(math.remainder(_heading(b, c) - _heading(a, b), math.tau))
        if turn <= gentle:  # on to the mitre, and half a pixel more: no seam where they meet
            run_on = r * math.tan(turn / 2) + _OVERLAP_PX
            lines.append(QLineF(start, b + _unit(b - a) * run_on))
            start = b - _unit(c - b) * run_on
        else:
            lines.append(QLineF(start, b))
            start = QPointF(b)
            ends.append(b)
    lines.append(QLineF(start, points[-1]))
    ends.append(points[-1])
    return _flat_strokes(pen, lines, ends, shared)


def _solid_round(pen: QPen) -> bool:
    """Whether ``pen`` is a plain solid one with round caps and joins."""
    solid = pen.style() == Qt.PenStyle.SolidLine and pen.brush().style() == Qt.BrushStyle.SolidPattern
    return solid and pen.capStyle() == Qt.PenCapStyle.RoundCap and pen.joinStyle() == Qt.PenJoinStyle.RoundJoin


def _flat_strokes(pen: QPen, lines: list[QLineF], discs_at: list[QPointF], shared: Shared) -> list[tuple]:
    """``lines`` drawn with ``pen`` but flat ends, then a disc as wide as the pen at each of ``discs_at``."""
    flat = QPen(pen)
    flat.setCapStyle(Qt.PenCapStyle.FlatCap)
    r = pen.widthF() / 2
    no_pen, colour = shared.pen(QPen(Qt.PenStyle.NoPen)), shared.brush(QBrush(pen.color()))
    discs = [
        (_SPRITE, None, None, shared.disc(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r), no_pen, colour)) for p in discs_at
    ]
    return [(_LINES, shared.pen(flat), None, lines), *discs]


def _heading(a: QPointF, b: QPointF) -> float:
    return math.atan2(b.y() - a.y(), b.x() - a.x())


def _unit(v: QPointF) -> QPointF:
    length = _length(v)
    return v / length if length else QPointF()


def _flattened(path: QPainterPath) -> list[QPointF] | None:
    """The points of ``path``, one run of lines and cubic curves, with each curve cut into straight
    segments no farther than :data:`_TOLERANCE_PX` from it. None if it is anything else."""
    count = path.elementCount()
    if count < 2 or path.elementAt(0).type != _MOVE:
        return None
    e = path.elementAt(0)
    points = [QPointF(e.x, e.y)]
    i = 1
    while i < count:
        e = path.elementAt(i)
        if e.type == _LINE_TO:
            points.append(QPointF(e.x, e.y))
            i += 1
        elif e.type == _CURVE_TO and i + 2 < count:
            p0 = points[-1]
            p1, p2, p3 = (QPointF(path.elementAt(k).x, path.elementAt(k).y) for k in (i, i + 1, i + 2))
            # a cubic's second derivative is at most 6 × the larger second difference of its points,
            # and n equal steps stray at most an eighth of that over n² from it
            bend = max(_length(p0 - 2 * p1 + p2), _length(p1 - 2 * p2 + p3))
            n = max(1, math.ceil(math.sqrt(0.75 * bend / _TOLERANCE_PX)))
            for k in range(1, n + 1):
                t = k / n
                u = 1 - t
                points.append(p0 * (u * u * u) + p1 * (3 * u * u * t) + p2 * (3 * u * t * t) + p3 * (t * t * t))
            i += 3
        else:
            return None
    return [points[0], *(b for a, b in itertools.pairwise(points) if b != a)]


def _length(v: QPointF) -> float:
    return math.hypot(v.x(), v.y())


def _straight(path: QPainterPath) -> bool:
    """Whether ``path`` is one run of straight segments."""
    kinds = [path.elementAt(i).type for i in range(path.elementCount())]
    return len(kinds) > 1 and kinds[0] == _MOVE and all(k == _LINE_TO for k in kinds[1:])


class Shared:
    """What the steps of a film have in common, made once: pens, brushes, and discs drawn into
    pixmaps at a quarter pixel's accuracy and copied after that (a copy costs far less than
    antialiasing a disc again)."""

    def __init__(self, ratio: float) -> None:
        self.ratio = ratio
        self._made: dict[tuple, QPixmap] = {}
        self._pens: dict[tuple, QPen] = {}
        self._brushes: dict[tuple, QBrush] = {}

    def pen(self, pen: QPen) -> QPen:
        """``pen``, or an equal one already kept."""
        key = (*_pen_key(pen), pen.capStyle(), pen.joinStyle())
        return self._pens.setdefault(key, pen)

    def brush(self, brush: QBrush) -> QBrush:
        """``brush`` (a plain one), or an equal one already kept."""
        return self._brushes.setdefault((brush.style(), brush.color().rgba()), brush)

    def disc(self, rect: QRectF, pen: QPen, brush: QBrush) -> tuple[QPointF, QPixmap]:
        """Where to draw which pixmap to show the ellipse in ``rect`` drawn with ``pen`` and ``brush``."""
        ratio = self.ratio
        margin = (pen.widthF() if pen.style() != Qt.PenStyle.NoPen else 0.0) / 2 + 2.0
        at, fraction = [], []
        for v in (rect.x() - margin, rect.y() - margin):
            whole, part = divmod(round(v * ratio * _SUBPIXELS), _SUBPIXELS)
            at.append(whole)
            fraction.append(part / _SUBPIXELS)
        disc = QSizeF(round(rect.width(), 3), round(rect.height(), 3))
        key = (disc.width(), disc.height(), *fraction, _pen_key(pen), brush.style(), brush.color().rgba())
        pixmap = self._made.get(key)
        if pixmap is None:
            room = (disc + QSizeF(2 * margin, 2 * margin)) * ratio
            image = QImage(room.toSize() + QSize(2, 2), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.translate(*fraction)
            painter.scale(ratio, ratio)
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawEllipse(QRectF(QPointF(margin, margin), disc))
            painter.end()
            pixmap = self._made[key] = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
        return QPointF(at[0] / ratio, at[1] / ratio), pixmap


def _pen_key(pen: QPen) -> tuple:
    return pen.style(), pen.widthF(), pen.color().rgba()


def _along(path: QPainterPath) -> list[QRectF]:
    """A rectangle for each segment of ``path`` (a line, or a curve's end and control points,
    which hold it): a long curve's own bounds, or a bent limb's, would cover most of the figure."""
    rects: list[QRectF] = []
    points: list[QPointF] = []
    for i in range(path.elementCount()):
        e = path.elementAt(i)
        if not e.isMoveTo() and points:
            points.append(QPointF(e.x, e.y))
            ends_segment = e.isLineTo() or i + 1 == path.elementCount() or path.elementAt(i + 1).type != _DATA
            if not ends_segment:
                continue
            rects.append(QPolygonF(points).boundingRect())
        points = [QPointF(e.x, e.y)]
    return rects


def fingerprint(item: QGraphicsItem) -> tuple:
    """What ``item`` looks like, hashable, to compare across a rep."""
    kind, shape = _geometry(item)
    if kind == _LINE:
        geometry: tuple = (shape.x1(), shape.y1(), shape.x2(), shape.y2())
    elif kind == _ELLIPSE:
        geometry = shape.getRect()
    elif kind == _POLYGON:
        geometry = tuple((p.x(), p.y()) for p in shape)
    else:
        geometry = tuple((shape.elementAt(i).x, shape.elementAt(i).y) for i in range(shape.elementCount()))
    m = item.sceneTransform()
    pen = item.pen()
    brush = None if kind == _LINE else item.brush().color().rgba()
    return kind, geometry, (m.m11(), m.m12(), m.m21(), m.m22(), m.dx(), m.dy()), pen.widthF(), pen.color().rgba(), brush
