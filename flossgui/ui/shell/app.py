"""Start the window, or render it to a PNG (``--screenshot``)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from flossgui.model.clock import ManualClock
from flossgui.model.launch import LaunchOptions
from flossgui.text.translate import tr
from flossgui.ui.session.patient_session import open_history
from flossgui.ui.shell.application import application, has_display, save_screenshot
from flossgui.ui.shell.build import build_window, patient_session
from flossgui.ui.shell.first_paint import after_first_paint
from flossgui.ui.shell.single_instance import InstanceLock
from flossgui.ui.shell.tutorial import Tutorial


def run(options: LaunchOptions, *, painted: Callable[[], object] | None = None) -> int:
    """Run the window as ``options`` ask; returns the exit status. ``painted`` is called once the
    window's first frame is on screen (the bench times start-up with it).

    1. Without a display, render offscreen if ``--screenshot`` was asked for, else say so.
    2. Create the application (name and organisation for settings, HiDPI, calm palette); for
       the kiosk, first make sure no D-Bus session bus is ever autolaunched.
    3. ``--kiosk``: hand over to :func:`flossgui.ui.kiosk.app.run_kiosk`.
    4. Build the tutorial from the options: exercise, set-up, speed; a real monotonic clock,
       or a hand-set one at ``--at`` seconds for a screenshot.
    5. Patient mode gets guided sessions, the programme builder and exports. What is not on
       screen (guided pages, the other mode) is built, and the diary opened, just after the
       first paint.
    6. Screenshot: lay the window out at ``--size``, grab it, write the PNG, exit 0.
    7. Otherwise show the window, the safety card on first run, and run the event loop.
    """
    if not has_display():
        if options.screenshot is None:
            print(f"flossgui: error: {tr('error.no_display')}", file=sys.stderr)
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if options.mode == "kiosk":
        from flossgui.kiosk.session_bus import forbid_autolaunch

        forbid_autolaunch()  # before Qt asks for the session bus: never start a D-Bus daemon
    app = application()
    if options.mode == "kiosk":
        from flossgui.ui.kiosk.app import run_kiosk

        return run_kiosk(options)
    screenshot = options.screenshot is not None
    instance = InstanceLock()  # held until this function returns, when the app quits
    if not screenshot and not instance.acquire():
        from flossgui.ui.shell.instance_socket import WAIT_FOR_FIRST_S, ask_first_instance

        answered = ask_first_instance(wait_s=WAIT_FOR_FIRST_S)
        print(f"flossgui: {tr('instance.running' if answered else 'instance.running_silent')}", file=sys.stderr)
        return 0
    clock = ManualClock(0.0) if screenshot else time.monotonic
    tutorial = Tutorial(options.exercise, options.setup, clock=clock, speed=options.speed)
    window = build_window(
        tutorial, programme=options.programme, mode=options.mode, remember=not screenshot, keep=options.given,
        staged=not screenshot,
    )  # fmt: skip
    if not screenshot:  # a screenshot shows the same window but never opens (or creates) the diary
        session = patient_session(window)

        def after_showing() -> None:
            if painted is not None:
                painted()
            window.finish_building()
            if instance.held:
                listen_for_later_starts(window)
            session.set_history(*open_history())
            session.player.prepare()

        after_first_paint(window, after_showing)

    if screenshot:

        def at() -> None:
            clock.now = options.at_s
            tutorial.tick()

        return save_screenshot(window, options, at)

    if window.restore_view():
        window.show()
    else:
        window.showMaximized()
    tutorial.start()
    window.maybe_show_safety_card()
    return app.exec()


def listen_for_later_starts(window: QWidget) -> None:
    """Bring ``window`` forward whenever a later start asks (see :mod:`.single_instance`)."""
    from flossgui.ui.shell.instance_socket import InstanceServer  # QtNetwork: not before the first paint

    server = InstanceServer(parent=window)
    server.raise_requested.connect(lambda: bring_forward(window))


#: How long a window asked forward may take to be on screen again before it is made anew (ms).
RECREATE_AFTER_MS = 1500


def bring_forward(window: QWidget) -> None:
    """Un-minimise ``window``, raise it and give it the keyboard (a second start asked for it).

    If it is still not on screen a moment later, its native window was destroyed from outside
    (X11 lets any client do that, and Qt is not told): it gets a new one, rather than leaving a
    running app with no window, which every later start would only "bring forward".
    """
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    _to_front(window)
    QTimer.singleShot(RECREATE_AFTER_MS, window, lambda: _remake_if_gone(window))


def _to_front(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()


def _remake_if_gone(window: QWidget) -> None:
    handle = window.windowHandle()
    if window.isVisible() and handle is not None and not handle.isExposed():
        window.destroy()
        window.create()
        _to_front(window)
