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
  into screen pixels, with the area they cover part by part (segment by segment along the
  string and a bent limb). Made from the scene the first time a step is shown, and kept;
  the model keeps its frames per step too (:meth:`Movement.keep_steps`), so from the second
  rep on a frame costs a look-up;
- each frame repaints only where the moving parts were and are: the still picture put back
  there (its plain ground filled in, the rest copied: :mod:`.plain_ground`), then the moving
  shapes in their order, drawn as :mod:`.film_still` says.

The scene stops following the tutorial meanwhile (it is set to a frame only to make a new
step). Measured in packaging/kiosk/README.md ("CPU").
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRegion,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QWidget,
)

from flossgui.model.motion import Frame
from flossgui.ui.figure.figure_view import FigureView
from flossgui.ui.kiosk.film_still import Shared, Still, fingerprint, moving_parts
from flossgui.ui.kiosk.plain_ground import plain_ground
from flossgui.ui.shell.tutorial import Tutorial

#: Phases of the rep sampled to tell the parts that never move from the others.
_SAMPLES = 24
#: Steps of the rep kept at most (about 30 kB each): a loop slower than 20 s a rep at 60 fps
#: moves so little from frame to frame that a step per two frames looks the same.
_MAX_STEPS = 1200


class FilmScreen(QWidget):
    """Covers the figure view and paints it: ``background`` (everything still), then ``now``,
    the moving parts. ``film`` maps each step of the rep shown so far to its :class:`Still`;
    ``frames_drawn`` counts the paints (for the bench: a probe of its own would cost a frame
    more than this)."""

    def __init__(self, view: FigureView) -> None:
        super().__init__(view)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the view below handles input
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.background = QPixmap()
        self.ground, self.detail = QColor(), QRegion()  # see plain_ground
        self.film: dict[int, Still] = {}
        self.now: Still | None = None
        self.frames_drawn = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.frames_drawn += 1
        painter = QPainter(self)  # clipped to the region repainted
        painter.fillRect(event.rect(), self.ground)
        detail = event.region().intersected(self.detail)
        if not detail.isEmpty():
            painter.setClipRegion(detail)
            painter.drawPixmap(0, 0, self.background)
            painter.setClipping(False)
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
        self._made = False  # whether the still picture and film fit the screen and the view's transform

    def apply(self) -> None:
        if self.screen is not None:
            return
        t = self.tutorial
        t.frame_changed.disconnect(self.view.figure.show_frame)
        t.frame_changed.connect(self.show)
        t.movement_changed.connect(self._forget)
        t.playback_changed.connect(self._on_playback)
        self.view.fitted.connect(self._refit)
        self.screen = FilmScreen(self.view)
        self.screen.setGeometry(self.view.rect())
        self.screen.show()
        self.screen.raise_()
        self.view.installEventFilter(self)
        self._on_playback()
        self._forget()
        self.show(t.frame)

    def undo(self) -> None:
        if self.screen is None:
            return
        t = self.tutorial
        self.view.removeEventFilter(self)
        t.frame_changed.disconnect(self.show)
        t.movement_changed.disconnect(self._forget)
        t.playback_changed.disconnect(self._on_playback)
        self.view.fitted.disconnect(self._refit)
        t.frame_changed.connect(self.view.figure.show_frame)
        t.movement.keep_steps(None)
        self.screen.hide()
        self.screen.setParent(None)  # gone with the last reference
        self.screen = None
        self._forget()
        self.view.figure.show_frame(t.frame)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and self.screen is not None:
            self.screen.setGeometry(QRect(QPoint(), event.size()))
            self._refit()
        elif kind == QEvent.Type.DevicePixelRatioChange:
            self._refit()
        return False

    # -- per frame ----------------------------------------------------------------------------

    def show(self, frame: Frame) -> None:
        """Show ``frame`` (the tutorial's published frames come here)."""
        screen = self.screen
        if screen is None:
            self.view.figure.show_frame(frame)
            return
        if not self._made:
            self._make()
        step = self.tutorial.movement.kept_step(frame.cycles)
        still = screen.film.get(step)
        if still is None:
            self.view.figure.show_frame(frame)
            to_screen = self.view.viewportTransform()
            still = screen.film[step] = Still(self.moving, to_screen, self._shared)
        else:
            self.view.figure.frame = frame  # what the scene stands for, shown by the screen
        if still is not screen.now:
            screen.show_still(still)

    def show_at(self, cycles: float) -> None:
        """Show the moment ``cycles``, which the tutorial passed to without making its frame: from
        the film if it holds that step already (the scene is left as it is: only a new step is
        made from it), else as :meth:`show` does."""
        screen = self.screen
        still = screen.film.get(self.tutorial.movement.kept_step(cycles)) if screen is not None and self._made else None
        if still is None:
            self.show(self.tutorial.movement.frame(cycles))
        elif still is not screen.now:
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

    def _refit(self) -> None:
        """Make the still picture and the film again at the next frame (a new size, scale or transform)."""
        self._made = False

    def _forget(self, *_: object) -> None:
        """Make everything again at the next frame, the model's kept steps too (a new movement)."""
        self._refit()
        if self.screen is not None:
            self.tutorial.movement.keep_steps(self.steps)  # the model works each step out once too

    def _make(self) -> None:
        """Sort the still parts from the moving ones and draw the still pixmap."""
        screen, scene = self.screen, self.view.figure
        size, ratio = screen.size(), screen.devicePixelRatioF()
        screen.film.clear()
        screen.now = None
        parts = moving_parts(scene)
        movement, shown = self.tutorial.movement, scene.frame
        looks = [set() for _ in parts]
        for i in range(_SAMPLES):
            scene.show_frame(movement.frame(i / _SAMPLES))
            for seen, item in zip(looks, parts, strict=True):
                seen.add(fingerprint(item))
        still = 0
        while still < len(parts) and len(looks[still]) == 1:
            still += 1  # still parts below every moving one go into the pixmap
        self.moving = parts[still:]
        self._shared = Shared(ratio)
        for item in self.moving:
            item.setVisible(False)
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.render(painter, QRectF(0, 0, size.width(), size.height()), self.view.viewport().rect())
        painter.end()
        for item in self.moving:
            item.setVisible(True)
        screen.background = pixmap
        screen.ground, screen.detail = plain_ground(pixmap.toImage(), ratio)
        if shown is not None:
            scene.show_frame(shown)
        self._made = True
        screen.update()
