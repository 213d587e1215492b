"""Drawing the figure more cheaply while the kiosk shows it, with no visible difference.

A waiting-room screen redraws the figure up to 60 times a second for weeks, at 1920 × 1080
and more, and the attract loop repeats itself. So while the kiosk is on (and undone when it
is left) the figure view is covered by a :class:`FilmScreen`, a plain widget that plays the
loop like a film:

- a still picture, drawn once by the view itself in screen pixels: background, floor, seat,
  and the parts of the figure that never move in this exercise (found by sampling the rep)
  as long as they lie below every moving one;
- the rep in steps (as many as frames shown at ``max_fps``). The first time a step is shown
  it is drawn: the scene is set to it and its moving parts are mapped into screen pixels as a
  :class:`Still` (the scene's own shapes, pens and stacking order, as :mod:`.film_still` draws
  them), which is drawn on the picture where the last step's were; the model keeps its frames
  per step too (:meth:`Movement.keep_steps`). What that changed from the step before is kept
  (:mod:`.film_change`), and each step skipped by a late frame is drawn as well, so after one
  rep each step is known by its change from the one before;
- from then on a frame writes the changes from the step shown to the step due into the
  picture and repaints the squares they lie in: nothing is drawn.

The scene stops following the tutorial meanwhile (it is set to a frame only to draw a new
step). Measured in packaging/kiosk/README.md ("CPU").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import reduce

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QGraphicsItem, QWidget

from flossgui.model.motion import Frame
from flossgui.ui.figure.figure_view import FigureView
from flossgui.ui.kiosk.film_change import Change, block, change_between, in_device_pixels, logical_region, pixels_of
from flossgui.ui.kiosk.film_still import Shared, Still, fingerprint, moving_parts
from flossgui.ui.shell.tutorial import Tutorial

#: Phases of the rep sampled to tell the parts that never move from the others.
_SAMPLES = 24
#: Steps of the rep kept at most: a loop slower than 20 s a rep at 60 fps moves so little
#: from frame to frame that a step per two frames looks the same.
_MAX_STEPS = 1200
#: Steps a late frame may skip that are drawn on the way, so that the change to each is kept.
_GAP = 4
#: Bytes of changes kept at most (a rep at 60 fps on 1920 × 1080 keeps about 88 MB); steps
#: beyond it are drawn each time they are shown.
CHANGES_BUDGET = 96 * 2**20


class FilmScreen(QWidget):
    """Covers the figure view and shows ``canvas``: the still picture with the moving parts of
    step ``shown`` on it, which cover ``covers``. ``changes`` maps each step of the rep to the
    :class:`Change` from the step before it, as far as they are known (see :meth:`play_to`),
    ``kept_bytes`` of them at most :data:`CHANGES_BUDGET`; ``frames_drawn`` counts the paints
    (for the bench: a probe of its own would cost a frame more than this)."""

    def __init__(self, view: FigureView) -> None:
        super().__init__(view)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the view below handles input
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.background = QImage()
        self.canvas = QImage()
        self._pixels = pixels_of(self.canvas)
        self.shown: int | None = None
        self.covers = QRegion()
        self.steps = 1
        self.changes: dict[int, _Kept] = {}
        self.kept_bytes = 0
        self.frames_drawn = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.frames_drawn += 1
        painter = QPainter(self)  # clipped to the region repainted
        painter.drawImage(0, 0, self.canvas)
        painter.end()

    def start(self, background: QImage, steps: int) -> None:
        """Show ``background`` alone; the rep has ``steps`` steps, none of them known yet."""
        self.background = background
        self.canvas = background.copy()
        self._pixels = pixels_of(self.canvas)
        self.shown, self.covers = None, QRegion()
        self.renumber(steps)
        self.update()

    def renumber(self, steps: int) -> None:
        """The rep has ``steps`` steps now: the changes known belong to other steps."""
        self.steps, self.shown = steps, None
        self.changes.clear()
        self.kept_bytes = 0

    def play_to(self, step: int) -> bool:
        """Bring the canvas to ``step`` by the changes from the step shown through to it; False,
        and nothing done, if some of them are not known yet."""
        if self.shown is None:
            return False
        if step == self.shown:
            return True
        path = [(self.shown + i) % self.steps for i in range(1, (step - self.shown) % self.steps + 1)]
        if not all(s in self.changes for s in path):
            return False
        for s in path:
            self.changes[s].change.apply(self._pixels)
        self.shown, self.covers = step, self.changes[step].covers
        self.update(reduce(QRegion.united, (self.changes[s].repaint for s in path)))  # one step: its own
        return True

    def draw(self, step: int, still: Still) -> None:
        """Draw ``still``, step ``step``, over the one shown, and keep the change if it is the next step."""
        region = self.covers.united(still.region)
        ratio, width = self.canvas.devicePixelRatio(), self.canvas.width()
        box = in_device_pixels(region, ratio, self.canvas.rect())  # empty on a screen with no picture
        follows = self.shown is not None and step == (self.shown + 1) % self.steps
        keep = follows and step not in self.changes and self.kept_bytes < CHANGES_BUDGET and not box.isEmpty()
        before = block(self._pixels, width, box).copy() if keep else None
        painter = QPainter(self.canvas)
        painter.setClipRegion(region)
        painter.drawImage(0, 0, self.background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        still.paint(painter)
        painter.end()
        self._pixels = pixels_of(self.canvas)
        if before is not None:
            after = block(self._pixels, width, box)
            change = change_between(before, after, box.left(), box.top(), width)
            if self.kept_bytes + change.nbytes <= CHANGES_BUDGET:
                self.changes[step] = _Kept(change, logical_region(change.tiles, ratio), still.region)
                self.kept_bytes += change.nbytes
        self.shown, self.covers = step, still.region
        self.update(region)


@dataclass(frozen=True, slots=True)
class _Kept:
    """A step of the film as kept: the :class:`Change` to it from the step before, where that
    change lies (logical pixels) and where the moving parts lie."""

    change: Change
    repaint: QRegion
    covers: QRegion


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
        if screen.play_to(step):
            self.view.figure.frame = frame  # what the scene stands for, shown by the screen
        else:
            self._draw_to(step, frame)

    def show_at(self, cycles: float) -> None:
        """Show the moment ``cycles``, which the tutorial passed to without making its frame: by
        the changes kept if it can (the scene is left as it is: only a new step is drawn from
        it), else as :meth:`show` does."""
        movement = self.tutorial.movement
        if self.screen is None or not self._made:
            self.show(movement.frame(cycles))
            return
        step = movement.kept_step(cycles)
        if not self.screen.play_to(step):
            self._draw_to(step, movement.frame(cycles))

    def _draw_to(self, step: int, frame: Frame) -> None:
        """Draw step ``step`` (``frame``), and first the steps a late frame skipped since the one
        shown, so that the change to each is kept."""
        shown = self.screen.shown
        gap = 0 if shown is None else (step - shown) % self.steps
        if gap <= _GAP:
            rep = math.floor(frame.cycles)
            for skipped in [(step - i) % self.steps for i in range(gap - 1, 0, -1)]:
                cycles = rep - (1 if skipped > step else 0) + (skipped + 0.5) / self.steps
                self._draw(skipped, self.tutorial.movement.frame(cycles))
        self._draw(step, frame)

    def _draw(self, step: int, frame: Frame) -> None:
        """Draw step ``step`` afresh from the scene set to ``frame``."""
        self.view.figure.show_frame(frame)
        self.screen.draw(step, Still(self.moving, self.view.viewportTransform(), self._shared))

    def _on_playback(self) -> None:
        """As many steps per rep as frames shown at this speed (at most ``max_fps`` a second)."""
        seconds_per_rep = self.tutorial.playback.seconds_per_rep
        steps = max(1, min(math.ceil(self.max_fps * seconds_per_rep), _MAX_STEPS))
        if steps != self.steps:
            self.steps = steps
            self.tutorial.movement.keep_steps(steps)
            if self.screen is not None:
                self.screen.renumber(steps)

    def _refit(self) -> None:
        """Make the still picture and the film again at the next frame (a new size, scale or transform)."""
        self._made = False

    def _forget(self, *_: object) -> None:
        """Make everything again at the next frame, the model's kept steps too (a new movement)."""
        self._refit()
        if self.screen is not None:
            self.tutorial.movement.keep_steps(self.steps)  # the model works each step out once too

    def _make(self) -> None:
        """Sort the still parts from the moving ones, draw the still picture and start the film on it."""
        screen, scene = self.screen, self.view.figure
        size, ratio = screen.size(), screen.devicePixelRatioF()
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
        background = QImage(size * ratio, QImage.Format.Format_RGB32)
        background.setDevicePixelRatio(ratio)
        painter = QPainter(background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.render(painter, QRectF(0, 0, size.width(), size.height()), self.view.viewport().rect())
        painter.end()
        for item in self.moving:
            item.setVisible(True)
        screen.start(background, self.steps)
        if shown is not None:
            scene.show_frame(shown)
        self._made = True
