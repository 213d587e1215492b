"""Drawing the figure more cheaply while the kiosk shows it, with no visible difference.

A waiting-room screen redraws the figure up to 60 times a second for weeks, at 1920 × 1080
and more, and the attract loop repeats itself. So while the kiosk is on (and undone when it
is left) the figure view is covered by a :class:`FilmScreen`, a plain widget that plays the
loop like a film:

- a still picture, drawn once by the view itself into one opaque pixmap in screen pixels:
  background, floor, seat, and the parts of the figure that never move in this exercise
  (found by sampling the rep) as long as they lie below every moving one;
- for each step of the rep (as many as frames shown at ``max_fps``), a :class:`Still` of the
  moving parts: the scene's own shapes, pens and stacking order for that moment, mapped once
  into screen pixels, with the area they cover part by part (and a few segments at a time
  along the string). Made from the scene the first time a step is shown, and kept; the
  model keeps its frames per step too (:meth:`Movement.keep_steps`), so from the second rep
  on a frame costs a look-up;
- each frame repaints only where the moving parts were and are: the still picture copied
  back there, then the moving shapes in their order. Curves (the spine, the string and its
  halo) are stroked as the scene strokes them. Straight round-capped strokes (neck, shank,
  arm, foot) are drawn as the same shape in pieces Qt antialiases far faster: segments with
  flat ends and a disc at each end and corner. Discs (those, the head, eye, nose and beads)
  are copied from shared drawn once at a quarter pixel's accuracy (:class:`Shared`).

The scene stops following the tutorial meanwhile (it is set to a frame only to make a new
step). Measured in packaging/kiosk/README.md ("CPU").
"""

from __future__ import annotations

import itertools
import math
import weakref

from PySide6.QtCore import QEvent, QLineF, QObject, QPoint, QPointF, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
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
    QWidget,
)

from flossgui.model.motion import Frame
from flossgui.ui.figure.figure_view import FigureScene, FigureView
from flossgui.ui.shell.tutorial import Tutorial

_SHAPES = (QGraphicsLineItem, QGraphicsPathItem, QGraphicsEllipseItem, QGraphicsPolygonItem)
_LINE, _PATH, _ELLIPSE, _POLYGON, _SPRITE, _LINES = range(6)
_DATA = QPainterPath.ElementType.CurveToDataElement
_MOVE, _LINE_TO = QPainterPath.ElementType.MoveToElement, QPainterPath.ElementType.LineToElement
#: Sprite positions are kept to this fraction of a pixel.
_SUBPIXELS = 4
#: Phases of the rep sampled to tell the parts that never move from the others.
_SAMPLES = 24
#: Pixels added around each part's area (antialiasing, rounding at fractional scales).
_SPARE_PX = 3
#: Segments of a long curve (the string) covered by one rectangle of the repainted area.
_SEGMENTS_PER_RECT = 2
#: Steps of the rep kept at most (about 30 kB each): a loop slower than 20 s a rep at 60 fps
#: moves so little from frame to frame that a step per two frames looks the same.
_MAX_STEPS = 1200


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

    __slots__ = ("__weakref__", "_after", "_both", "ops", "region")

    def __init__(self, parts: list[QGraphicsItem], to_screen: QTransform, shared: Shared) -> None:
        scale = math.sqrt(abs(to_screen.determinant()))
        self.ops: list[tuple[int, QPen | None, QBrush | None, object]] = []
        self.region = QRegion()
        self._after: weakref.ref[Still] | None = None
        self._both = QRegion()
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
                self.ops += _as_pieces(kind, pen, brush, geom, shared) or [(kind, pen, brush, geom)]
            spare = _SPARE_PX + (pen.widthF() / 2 if pen.style() != Qt.PenStyle.NoPen else 0.0)
            for rect in covers:
                self.region += rect.adjusted(-spare, -spare, spare, spare).toAlignedRect()

    def changed_since(self, before: Still | None) -> QRegion:
        """Where this and ``before`` lie (kept for the last ``before``: most frames follow the same
        one; held weakly, so a film let go is not kept alive by the next)."""
        if before is None:
            return self.region
        if self._after is None or self._after() is not before:
            self._after, self._both = weakref.ref(before), self.region.united(before.region)
        return self._both

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
            else:
                painter.drawPolygon(geom)


def _as_pieces(kind: int, pen: QPen, brush: QBrush, geom: object, shared: Shared) -> list[tuple] | None:
    """A round-capped, round-joined stroke of straight segments (a limb, the arm, a foot) drawn
    as what it is, the same shape: its segments with flat ends, which Qt antialiases far faster
    than round ones, a disc from :class:`Shared` at every corner and end, and for a foot the
    filled triangle. None for anything else (curves, other pens)."""
    solid = pen.style() == Qt.PenStyle.SolidLine and pen.brush().style() == Qt.BrushStyle.SolidPattern
    if not solid or pen.capStyle() != Qt.PenCapStyle.RoundCap or pen.joinStyle() != Qt.PenJoinStyle.RoundJoin:
        return None
    fill: list[tuple] = []
    if kind == _LINE:
        points, closed = [geom.p1(), geom.p2()], False
    elif kind == _PATH and brush.style() == Qt.BrushStyle.NoBrush and _straight(geom):
        points, closed = [QPointF(e.x, e.y) for e in map(geom.elementAt, range(geom.elementCount()))], False
    elif kind == _POLYGON and brush.style() == Qt.BrushStyle.SolidPattern and brush.color() == pen.color():
        points, closed = list(geom), True
        fill = [(_POLYGON, shared.pen(QPen(Qt.PenStyle.NoPen)), brush, geom)]
    else:
        return None
    flat = QPen(pen)
    flat.setCapStyle(Qt.PenCapStyle.FlatCap)
    flat = shared.pen(flat)
    ends = [*points, points[0]] if closed else points
    lines = [QLineF(a, b) for a, b in itertools.pairwise(ends)]
    r = pen.widthF() / 2
    no_pen, colour = shared.pen(QPen(Qt.PenStyle.NoPen)), shared.brush(QBrush(pen.color()))
    discs = [
        (_SPRITE, None, None, shared.disc(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r), no_pen, colour)) for p in points
    ]
    return [*fill, (_LINES, flat, None, lines), *discs]


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
    """Rectangles covering ``path`` a few segments at a time (a long curve's own bounds would
    cover most of the figure)."""
    rects: list[QRectF] = []
    points: list[QPointF] = []
    segments = 0
    for i in range(path.elementCount()):
        e = path.elementAt(i)
        if e.isMoveTo():
            if len(points) > 1:
                rects.append(QPolygonF(points).boundingRect())
            points, segments = [], 0
        points.append(QPointF(e.x, e.y))
        ends_segment = e.isLineTo() or (
            e.type == _DATA and (i + 1 == path.elementCount() or path.elementAt(i + 1).type != _DATA)
        )
        if ends_segment:
            segments += 1
            if segments == _SEGMENTS_PER_RECT:
                rects.append(QPolygonF(points).boundingRect())
                points, segments = [points[-1]], 0
    if len(points) > 1:
        rects.append(QPolygonF(points).boundingRect())
    return rects


class FilmScreen(QWidget):
    """Covers the figure view and paints it: ``background`` (everything still), then ``now``,
    the moving parts. ``film`` maps each step of the rep shown so far to its :class:`Still`."""

    def __init__(self, view: FigureView) -> None:
        super().__init__(view)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the view below handles input
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.background = QPixmap()
        self.film: dict[int, Still] = {}
        self.now: Still | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self.background)  # clipped to the region repainted
        if self.now is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.now.paint(painter)
        painter.end()

    def show_still(self, still: Still) -> None:
        """Show ``still`` from the next paint on, repainting where the last one and this one lie."""
        before, self.now = self.now, still
        self.update(still.changed_since(before))


class LeanFigure(QObject):
    """Covers ``view`` with a :class:`FilmScreen` fed from ``tutorial``'s frames (:meth:`apply`),
    and gives the view back (:meth:`undo`). ``max_fps`` sets the steps kept per second of loop."""

    def __init__(self, view: FigureView, tutorial: Tutorial, max_fps: int) -> None:
        super().__init__(view)
        self.view = view
        self.tutorial = tutorial
        self.max_fps = max_fps
        self.screen: FilmScreen | None = None
        self.moving: list[QGraphicsItem] = []
        self._shared = Shared(1.0)
        self.steps = 1
        self._made_for: tuple | None = None  # the screen size and view transform the film is for

    def apply(self) -> None:
        if self.screen is not None:
            return
        t = self.tutorial
        t.frame_changed.disconnect(self.view.figure.show_frame)
        t.frame_changed.connect(self._on_frame)
        t.movement_changed.connect(self._forget)
        t.playback_changed.connect(self._on_playback)
        self.screen = FilmScreen(self.view)
        self.screen.setGeometry(self.view.rect())
        self.screen.show()
        self.screen.raise_()
        self.view.installEventFilter(self)
        self._on_playback()
        self._forget()
        self._on_frame(t.frame)

    def undo(self) -> None:
        if self.screen is None:
            return
        t = self.tutorial
        self.view.removeEventFilter(self)
        t.frame_changed.disconnect(self._on_frame)
        t.movement_changed.disconnect(self._forget)
        t.playback_changed.disconnect(self._on_playback)
        t.frame_changed.connect(self.view.figure.show_frame)
        t.movement.keep_steps(None)
        self.screen.hide()
        self.screen.setParent(None)  # gone with the last reference
        self.screen = None
        self._forget()
        self.view.figure.show_frame(t.frame)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.screen is not None:
            self.screen.setGeometry(QRect(QPoint(), event.size()))
        return False

    # -- per frame ----------------------------------------------------------------------------

    def _on_frame(self, frame: Frame) -> None:
        screen = self.screen
        made_for = (screen.size(), self.view.viewportTransform(), screen.devicePixelRatioF())
        if made_for != self._made_for:
            self._make(made_for)
        step = min(int(frame.phi * self.steps + 1e-9), self.steps - 1)  # the movement's kept steps
        still = screen.film.get(step)
        if still is None:
            self.view.figure.show_frame(frame)
            to_screen = self.view.viewportTransform()
            still = screen.film[step] = Still(self.moving, to_screen, self._shared)
        else:
            self.view.figure.frame = frame  # what the scene stands for, shown by the screen
        if still is not screen.now:
            screen.show_still(still)

    def _on_playback(self) -> None:
        """As many steps per rep as frames shown at this speed (at most ``max_fps`` a second)."""
        seconds_per_rep = self.tutorial.playback.seconds_per_rep
        steps = max(1, min(math.ceil(self.max_fps * seconds_per_rep), _MAX_STEPS))
        if steps != self.steps:
            self.steps = steps
            self.tutorial.movement.keep_steps(steps)
            if self.screen is not None:
                self.screen.film.clear()

    def _forget(self, *_: object) -> None:
        """Make everything again at the next frame (a new movement, size or scale)."""
        self._made_for = None
        if self.screen is not None:
            self.tutorial.movement.keep_steps(self.steps)  # the model works each step out once too

    def _make(self, made_for: tuple) -> None:
        """Sort the still parts from the moving ones and draw the still pixmap."""
        screen, scene = self.screen, self.view.figure
        screen.film.clear()
        screen.now = None
        parts = moving_parts(scene)
        movement, shown = self.tutorial.movement, scene.frame
        looks = [set() for _ in parts]
        for i in range(_SAMPLES):
            scene.show_frame(movement.frame(i / _SAMPLES))
            for seen, item in zip(looks, parts, strict=True):
                seen.add(_fingerprint(item))
        still = 0
        while still < len(parts) and len(looks[still]) == 1:
            still += 1  # still parts below every moving one go into the pixmap
        self.moving = parts[still:]
        self._shared = Shared(made_for[2])
        for item in self.moving:
            item.setVisible(False)
        size, _, ratio = made_for
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.render(painter, QRectF(0, 0, size.width(), size.height()), self.view.viewport().rect())
        painter.end()
        for item in self.moving:
            item.setVisible(True)
        screen.background = pixmap
        if shown is not None:
            scene.show_frame(shown)
        self._made_for = made_for
        screen.update()


def _fingerprint(item: QGraphicsItem) -> tuple:
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
