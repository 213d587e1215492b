"""The figure, seen from the side, seated on a chair (or the edge of a bed), with the string.

Drawn with a plain ``QGraphicsScene`` rather than pyqtgraph: the scene needs no axes, mouse
panning or auto-ranging, but it does need thick antialiased strokes with round caps in
scene units (centimetres), ``fitInView`` to keep the figure whole at any window size and
aspect, and ``QGraphicsScene.render`` to paint a frame into a ``QImage`` for exports without
any widget. As in pyqtgraph, every item is created once and updated in place per frame.

Scene coordinates are centimetres with y down (Qt's); model points (y up) go through
:func:`_pt`.
"""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from flossgui.model.kinematics import Point, Skeleton
from flossgui.model.motion import Frame, Movement
from flossgui.model.nerve import BEADS
from flossgui.model.nerve_drawing import StringDrawing
from flossgui.model.pose import JOINTS
from flossgui.model.pose_words import clinical_angle
from flossgui.model.seat import seat_front
from flossgui.ui.figure.string_shape import StringSource, model_string, tension_colour
from flossgui.ui.figure.tension_gauge import TensionGauge
from flossgui.ui.theme import palette, style
from flossgui.ui.theme.tr import tr

#: Seats this high or higher are drawn as the edge of a bed, lower ones as a chair.
BED_FROM_CM = 60.0
_MARGIN_CM = 8.0
_STRING_WIDTH = 1.7
_HALO_WIDTH = 1.4  # extra on each side
_BEAD_RADIUS = 1.9
_BEAD_RING = 0.7
_LABEL_DISTANCE_CM = 16.0  # from a joint's centre to its angle label, outside the bend
_GAUGE_MARGIN_PX = 12
#: Stroke widths (cm) for a person of 170 cm; scaled with height.
_WIDTHS = {"spine": 10.0, "neck": 6.5, "thigh": 9.5, "shank": 7.0, "foot": 3.5, "arm": 5.5}


def _pt(p: Point) -> QPointF:
    return QPointF(p[0], -p[1])


def _pen(colour: str, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class StringItem(QGraphicsPathItem):
    """The string as one item fed a :class:`StringDrawing`, with a light halo and the glide beads.

    Cool blue when slack, warming through violet to orange as it tightens (on the display
    scale of :func:`tension_level`); the halo makes it stand out on the body as well as on the
    background. Each bead, a white disc ringed in slate, is a marked bit of nerve: it slides
    along the string as the nerve glides. (No Python ``paint`` override: plain items, so Qt
    draws them without calling back into Python every frame.)
    """

    def __init__(self) -> None:
        super().__init__()
        self._tension = 0.0
        self.halo = QGraphicsPathItem(self)
        self.halo.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.halo.setPen(_pen(palette.STRING_HALO, _STRING_WIDTH + 2 * _HALO_WIDTH))
        self.setPen(_pen(palette.STRING_SLACK, _STRING_WIDTH))
        self.beads = [self._bead() for _ in BEADS]

    def set_scale(self, scale: float) -> None:
        """Line and bead sizes for a person ``scale`` times 170 cm tall."""
        for item, width in ((self, _STRING_WIDTH), (self.halo, _STRING_WIDTH + 2 * _HALO_WIDTH)):
            pen = item.pen()
            pen.setWidthF(width * scale)
            item.setPen(pen)
        r = _BEAD_RADIUS * scale
        for bead in self.beads:
            bead.setRect(QRectF(-r, -r, 2 * r, 2 * r))
            pen = bead.pen()
            pen.setWidthF(_BEAD_RING * scale)
            bead.setPen(pen)

    def _bead(self) -> QGraphicsEllipseItem:
        bead = QGraphicsEllipseItem(QRectF(-_BEAD_RADIUS, -_BEAD_RADIUS, 2 * _BEAD_RADIUS, 2 * _BEAD_RADIUS), self)
        bead.setPen(_pen(palette.TEXT, _BEAD_RING))
        bead.setBrush(QColor(palette.STRING_HALO))
        return bead

    def set_data(self, drawing: StringDrawing) -> None:
        """New curve (cm, y up), tension (model scale) and beads."""
        path = QPainterPath()
        if drawing.waypoints:
            path.moveTo(_pt(drawing.waypoints[0]))
            for (cx, cy), (x, y) in zip(drawing.controls, drawing.waypoints[1:], strict=True):
                path.quadTo(cx, -cy, x, -y)  # the stretch's bow, exactly
        self.setPath(path)
        self.halo.setPath(path)
        for bead, at in zip(self.beads, drawing.beads, strict=True):
            bead.setPos(_pt(at))
        if drawing.tension != self._tension:
            self._tension = drawing.tension
            pen = self.pen()
            pen.setColor(QColor(tension_colour(drawing.tension)))
            self.setPen(pen)

    @property
    def tension(self) -> float:
        """The drawn string's tension, on the model's scale (1 = 10 % strain)."""
        return self._tension


class AngleLabel(QGraphicsRectItem):
    """A joint's angle in words, on a light card, centred on its position.

    It ignores the view's transformations: the text keeps its size at any zoom and reads
    the right way round in a mirrored view.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(QPen(QColor(palette.FIGURE_LIMB), 1.0))
        self.setBrush(QColor(palette.PANEL))
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setBrush(QColor(palette.TEXT))
        self.text.setFont(style.scaled_font(1.0, bold=True))

    def set_text(self, text: str) -> None:
        """Show ``text`` (resized only when it changes)."""
        if text == self.text.text():
            return
        self.text.setText(text)
        box = self.text.boundingRect().adjusted(-5, -2, 5, 2)
        box.moveCenter(QPointF(0, 0))
        self.setRect(box)
        self.text.setPos(box.left() + 5, box.top() + 2)


def _angle_anchors(sk: Skeleton) -> dict[str, tuple[Point, Point, Point]]:
    """For each joint: its centre and the two points its angle is between."""
    return {
        "neck": (sk.neck, sk.head, sk.shoulder),
        "trunk": (sk.low_back, sk.shoulder, sk.hip),
        "hip": (sk.hip, sk.low_back, sk.knee),
        "knee": (sk.knee, sk.hip, sk.ankle),
        "ankle": (sk.ankle, sk.knee, sk.toes),
    }


def _outside(joint: Point, a: Point, b: Point) -> tuple[float, float]:
    """Unit vector from ``joint`` away from both ``a`` and ``b`` (upwards when they are in line)."""
    (ax, ay), (bx, by) = _unit(joint, a), _unit(joint, b)
    dx, dy = -(ax + bx), -(ay + by)
    n = math.hypot(dx, dy)
    if n < 0.3:  # nearly straight: go to the side of the limb that faces up
        dx, dy, n = (ay, -ax, 1.0) if ax < 0 else (-ay, ax, 1.0)
    return dx / n, dy / n


def _unit(origin: Point, to: Point) -> Point:
    """The unit vector from ``origin`` towards ``to``."""
    dx, dy = to[0] - origin[0], to[1] - origin[1]
    n = math.hypot(dx, dy)
    return dx / n, dy / n


def angle_text(joint: str, degrees: float) -> str:
    """The angle in clinical terms: ``"neck extension 35°"``, ``"knee straight"``."""
    movement, size = clinical_angle(joint, degrees)
    return tr("angle.label", movement=tr(movement), degrees=f"{size:.0f}") if size else tr(movement)


class FigureScene(QGraphicsScene):
    """Everything drawn for one :class:`Movement`: floor, seat, figure, string and angle labels."""

    tension_changed = Signal(float)  # the drawn string's tension, model scale

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackgroundBrush(QColor(palette.BACKGROUND))
        self.string_source: StringSource = model_string
        self.frame: Frame | None = None
        self.movement: Movement | None = None

        self.floor = self.addRect(QRectF(), QPen(QColor(palette.FLOOR), 0.8), QBrush(QColor(palette.FLOOR_FILL)))
        self.furniture = self.addPath(QPainterPath(), _pen(palette.SEAT_EDGE, 2.5))
        self.seat = QGraphicsRectItem()
        self.seat.setPen(_pen(palette.SEAT_EDGE, 0.8))
        self.seat.setBrush(QColor(palette.SEAT))
        self.addItem(self.seat)

        figure, limb, rest = palette.FIGURE, palette.FIGURE_LIMB, palette.FIGURE_REST
        self.rest_shank = self.addLine(0, 0, 0, 0, _pen(rest, _WIDTHS["shank"]))
        self.rest_foot = self.addPolygon(QPolygonF(), _pen(rest, _WIDTHS["foot"]), QBrush(QColor(rest)))
        self.buttock = self.addEllipse(QRectF(), QPen(Qt.PenStyle.NoPen), QBrush(QColor(figure)))
        self.spine = self.addPath(QPainterPath(), _pen(figure, _WIDTHS["spine"]))
        self.neck = self.addLine(0, 0, 0, 0, _pen(figure, _WIDTHS["neck"]))
        self.thigh = self.addLine(0, 0, 0, 0, _pen(figure, _WIDTHS["thigh"]))
        self.shank = self.addLine(0, 0, 0, 0, _pen(figure, _WIDTHS["shank"]))
        self.foot = self.addPolygon(QPolygonF(), _pen(figure, _WIDTHS["foot"]), QBrush(QColor(figure)))
        self.head = self.addEllipse(QRectF(), QPen(Qt.PenStyle.NoPen), QBrush(QColor(figure)))
        self.nose = self.addEllipse(QRectF(), QPen(Qt.PenStyle.NoPen), QBrush(QColor(figure)))
        self.eye = self.addEllipse(QRectF(), QPen(Qt.PenStyle.NoPen), QBrush(QColor(palette.BACKGROUND)))
        self.arm = self.addPath(QPainterPath(), _pen(limb, _WIDTHS["arm"]))
        self._strokes = {
            "spine": (self.spine,), "neck": (self.neck,), "thigh": (self.thigh,),
            "shank": (self.shank, self.rest_shank), "foot": (self.foot, self.rest_foot), "arm": (self.arm,),
        }  # fmt: skip
        self._scale = 0.0
        self.string = StringItem()
        self.addItem(self.string)
        self._set_scale(1.0)
        self.angle_labels = {joint: AngleLabel() for joint in JOINTS}
        for z, item in enumerate(
            (self.floor, self.furniture, self.seat, self.rest_shank, self.rest_foot, self.buttock, self.thigh,
             self.spine, self.neck, self.head, self.nose, self.eye, self.shank, self.foot, self.arm, self.string,
             *self.angle_labels.values())
        ):  # fmt: skip
            item.setZValue(z)
        for label in self.angle_labels.values():
            label.hide()
            self.addItem(label)

    # -- set-up -----------------------------------------------------------------------------

    def _set_scale(self, scale: float) -> None:
        """Stroke widths for a person ``scale`` times 170 cm tall (limbs as thick as the body is big)."""
        if scale == self._scale:
            return
        self._scale = scale
        self.string.set_scale(scale)
        for name, items in self._strokes.items():
            for item in items:
                pen = item.pen()
                pen.setWidthF(_WIDTHS[name] * scale)
                item.setPen(pen)

    def set_movement(self, movement: Movement) -> None:
        """A new person, seat or side: refit the scene and redraw the furniture."""
        self.movement = movement
        body, seat = movement.setup.body, movement.seat
        f = 1 if movement.setup.side == "right" else -1
        rect = self._reach(movement)
        scale = body.height_cm / 170.0
        self._set_scale(scale)
        back = -f * 18.0 * scale  # the chair's back, behind the slumped low back
        rect = rect.united(QRectF(min(back, 0) - 4, -rect.bottom(), abs(back) + 8, 1))
        rect = rect.united(QRectF(rect.left(), -seat.seat_height_cm - 50 * scale, 1, 1))
        rect.adjust(-_MARGIN_CM, -_MARGIN_CM, _MARGIN_CM, _MARGIN_CM)
        rect.setBottom(_MARGIN_CM)
        self.setSceneRect(rect)
        self.floor.setRect(QRectF(-2000.0, 0.0, 4000.0, 2000.0))  # beyond any view's edges

        h = seat.seat_height_cm
        front = seat_front(body, seat, _WIDTHS["thigh"] * scale / 2)
        path = QPainterPath()
        if h >= BED_FROM_CM:
            mattress = 20.0
            x0, x1 = sorted((-f * 400.0, f * front))  # the bed runs on out of view
            self.seat.setRect(QRectF(x0, -h, x1 - x0, mattress))
            self.seat.setBrush(QColor(palette.MATTRESS))
            self.seat.setPen(_pen(palette.MATTRESS_EDGE, 0.8))
            for x in (f * (front - 5), f * (front - 95)):
                path.moveTo(x, -h + mattress + 1)
                path.lineTo(x, 0)
            path.moveTo(x0, -h + mattress + 1.5)
            path.lineTo(x1, -h + mattress + 1.5)
        else:
            x0, x1 = sorted((back, f * front))
            self.seat.setRect(QRectF(x0, -h, x1 - x0, 4.0))
            self.seat.setBrush(QColor(palette.SEAT))
            self.seat.setPen(_pen(palette.SEAT_EDGE, 0.8))
            for x in (back + f * 2.5, f * (front - 3)):
                path.moveTo(x, -h + 4)
                path.lineTo(x, 0)
            path.moveTo(back, -h)
            path.lineTo(back - f * 3, -h - 46 * scale)  # backrest, raked slightly back
        self.furniture.setPath(path)
        if self.frame is not None:
            self.show_frame(movement.frame(self.frame.cycles))

    @staticmethod
    def _reach(movement: Movement) -> QRectF:
        """Bounds of the figure over a whole rep at full range, so the view never jumps."""
        full = Movement(movement.exercise, replace(movement.setup, range_fraction=1.0))
        pts = []
        for i in range(41):
            sk = full.skeleton(i / 40)  # the figure only: the string's solve is not needed for bounds
            pts += [sk.point(n) for n in sk.NAMES]
            pts += [(sk.head[0] + dx, sk.head[1] + dy) for dx in (-15, 15) for dy in (-15, 15)]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return QRectF(QPointF(min(xs), -max(ys)), QPointF(max(xs), 0.0))

    def set_string_source(self, source: StringSource) -> None:
        """Draw the string from ``source`` from now on (e.g. the calibrated nerve model)."""
        self.string_source = source
        if self.frame is not None:
            self.show_frame(self.frame)

    @property
    def angle_labels_shown(self) -> bool:
        return self.angle_labels["knee"].isVisible()

    def set_angle_labels_shown(self, shown: bool) -> None:
        """Show or hide each joint's angle near it (updated every frame while shown)."""
        for label in self.angle_labels.values():
            label.setVisible(shown)
        if shown and self.frame is not None:
            self._place_angle_labels(self.frame)

    # -- per frame ---------------------------------------------------------------------------

    def show_frame(self, frame: Frame) -> None:
        """Move every item to ``frame`` (no items are created)."""
        self.frame = frame
        sk = frame.skeleton
        # A curve through the low back (its control point chosen so it passes there): the bend
        # drawn is the trunk angle reported.
        (sx, sy), (lx, ly), (hx, hy) = sk.shoulder, sk.low_back, sk.hip
        spine = QPainterPath(_pt(sk.shoulder))
        spine.quadTo(_pt((2 * lx - (sx + hx) / 2, 2 * ly - (sy + hy) / 2)), _pt(sk.hip))
        self.spine.setPath(spine)
        seat = self.movement.seat if self.movement is not None else None
        under = sk.hip[1] - seat.seat_height_cm if seat is not None else 0.0  # the buttock rests on the seat
        self.buttock.setRect(QRectF(sk.hip[0] - under, -sk.hip[1] - under, 2 * under, 2 * under))
        self.rest_shank.setLine(_pt(sk.rest_knee).x(), _pt(sk.rest_knee).y(), _pt(sk.rest_ankle).x(),
                                _pt(sk.rest_ankle).y())  # fmt: skip
        self.rest_foot.setPolygon(QPolygonF([_pt(sk.rest_ankle), _pt(sk.rest_heel), _pt(sk.rest_toes)]))
        self.neck.setLine(_pt(sk.shoulder).x(), _pt(sk.shoulder).y(), _pt(sk.neck).x(), _pt(sk.neck).y())
        self.thigh.setLine(_pt(sk.hip).x(), _pt(sk.hip).y(), _pt(sk.knee).x(), _pt(sk.knee).y())
        self.shank.setLine(_pt(sk.knee).x(), _pt(sk.knee).y(), _pt(sk.ankle).x(), _pt(sk.ankle).y())
        self.foot.setPolygon(QPolygonF([_pt(sk.ankle), _pt(sk.heel), _pt(sk.toes)]))
        arm = QPainterPath(_pt(sk.shoulder))
        arm.lineTo(_pt(sk.elbow))
        arm.lineTo(_pt(sk.hand))
        self.arm.setPath(arm)

        r = sk.head_radius
        hx, hy = sk.head
        self.head.setRect(QRectF(hx - r, -hy - r, 2 * r, 2 * r))
        face = ((sk.nose[0] - hx) / r, (sk.nose[1] - hy) / r)
        up = (-face[1] * sk.facing, face[0] * sk.facing)
        nr = 0.22 * r
        self.nose.setRect(QRectF(sk.nose[0] - nr, -sk.nose[1] - nr, 2 * nr, 2 * nr))
        ex, ey = hx + 0.55 * r * face[0] + 0.25 * r * up[0], hy + 0.55 * r * face[1] + 0.25 * r * up[1]
        er = 0.13 * r
        self.eye.setRect(QRectF(ex - er, -ey - er, 2 * er, 2 * er))

        drawing = self.string_source(frame)
        if drawing.tension != self.string.tension:
            self.tension_changed.emit(drawing.tension)
        self.string.set_data(drawing)
        if self.angle_labels_shown:
            self._place_angle_labels(frame)

    def _place_angle_labels(self, frame: Frame) -> None:
        """Each label outside its joint's bend, kept whole inside the scene (in the first view's scale)."""
        angles = frame.pose.as_dict()
        views = self.views()
        cm_per_px = 1.0 / abs(views[0].transform().m11()) if views and views[0].transform().m11() else 0.0
        rect = self.sceneRect()
        for joint, (centre, a, b) in _angle_anchors(frame.skeleton).items():
            dx, dy = _outside(centre, a, b)
            label = self.angle_labels[joint]
            label.set_text(angle_text(joint, angles[joint]))
            half = cm_per_px * label.rect().width() / 2
            pos = _pt((centre[0] + _LABEL_DISTANCE_CM * dx, centre[1] + _LABEL_DISTANCE_CM * dy))
            pos.setX(min(max(pos.x(), rect.left() + half), rect.right() - half))
            label.setPos(pos)

    def render_image(self, size: QSize) -> QImage:
        """The scene painted into a new image of ``size``, figure centred and whole."""
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(palette.BACKGROUND))
        source = self.sceneRect()
        aspect = size.width() / size.height()
        if source.width() / source.height() < aspect:  # widen (or heighten) about the centre
            source.adjust(-(source.height() * aspect - source.width()) / 2, 0, 0, 0)
            source.setWidth(source.height() * aspect)
        else:
            extra = source.width() / aspect - source.height()
            source.adjust(0, -extra / 2, 0, extra / 2)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.render(painter, QRectF(image.rect()), source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
        return image


def render_frame(movement: Movement, cycles: float, size: QSize, source: StringSource = model_string) -> QImage:
    """A still of ``movement`` at ``cycles`` reps, as an image (for exports; needs a QGuiApplication)."""
    scene = FigureScene()
    scene.string_source = source
    scene.set_movement(movement)
    scene.show_frame(movement.frame(cycles))
    return scene.render_image(size)


class FigureView(QGraphicsView):
    """Shows a :class:`FigureScene`, scaled to fit whatever the window's size and aspect, with
    the string's tension gauge in its top-left corner; optionally mirrored left to right.
    ``fitted`` says the view's transform changed (fitted anew to its size, or mirrored)."""

    fitted = Signal()

    def __init__(self, scene: FigureScene | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = scene or FigureScene(self)
        self.setScene(self.figure)
        self.mirrored = False
        # A child of the view, not of its viewport: the viewport scrolls its children with the
        # scene whenever the view is resized (e.g. by a notice above it), and the gauge must stay put.
        self.gauge = TensionGauge(self)
        self.gauge.move(_GAUGE_MARGIN_PX, _GAUGE_MARGIN_PX)
        self.gauge.raise_()
        self.figure.tension_changed.connect(self.gauge.set_tension)
        self.gauge.set_tension(self.figure.string.tension)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not interactive: keys go to the window
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setMinimumSize(240, 200)
        self.figure.sceneRectChanged.connect(self._fit)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # At a fractional scale (e.g. 150 %) Qt rounds the changed items' rectangle inwards and
        # leaves faint ghosts of earlier poses at its edges: repaint the whole view there instead.
        fractional = self.devicePixelRatioF() % 1 != 0
        self.setViewportUpdateMode(
            QGraphicsView.ViewportUpdateMode.FullViewportUpdate
            if fractional
            else QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate
        )
        self._fit()

    def set_mirrored(self, mirrored: bool) -> None:
        """Flip the picture left to right (to demonstrate face to face); labels still read normally."""
        self.mirrored = mirrored
        self._fit()

    def _fit(self) -> None:
        self.resetTransform()
        if self.mirrored:
            self.scale(-1.0, 1.0)
        self.fitInView(self.figure.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.fitted.emit()
