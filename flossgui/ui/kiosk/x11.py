"""Holding the kiosk window on an X11 screen: back full screen, on top and active within a second.

Qt has no API for the window manager's side of things (desktops, "show desktop", the
stacking order), so this talks to the X server through libxcb, which Qt's own X11 plugin
already loads, on a connection of its own. It watches the root window and the kiosk window
for changes (property, map and stacking events, read through a :class:`QSocketNotifier`),
reads the window's state into :class:`~flossgui.kiosk.window_rules.WindowFacts` at once and
every :data:`POLL_MS` as well, and makes the requests that
:func:`~flossgui.kiosk.window_rules.fixes_for` lists. Not used on Wayland, where the
compositor (cage) gives nothing a way to hide the kiosk.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import struct
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from flossgui.kiosk.window_rules import Fix, WindowFacts, fixes_for

#: The slowest the window is checked when no event says it changed (milliseconds).
POLL_MS = 250
#: After making requests, wait this long for them to take effect before asking again.
SETTLE_S = 0.15
#: Requests made before the window has first been as it should be, or this long after the
#: guard started, are the kiosk taking the screen (the window manager may still be mapping
#: it), not putting it back: they are not reported.
TAKING_S = 5.0

_ALL_DESKTOPS = 0xFFFFFFFF
_SOURCE_PAGER = 2  # EWMH "source indication": a pager, which window managers obey at once
_ICONIC = 3
_VIEWABLE = 2
_CLIENT_MESSAGE = 33
_ROOT_MASK = (1 << 22) | (1 << 19)  # PropertyChange, SubstructureNotify
_WINDOW_MASK = (1 << 22) | (1 << 17)  # PropertyChange, StructureNotify
_TO_WM = (1 << 19) | (1 << 20)  # SubstructureNotify | SubstructureRedirect on the root
_CW_EVENT_MASK = 1 << 11
_ATOMS = (
    *("WM_STATE", "_NET_WM_STATE", "_NET_WM_STATE_FULLSCREEN", "_NET_WM_STATE_ABOVE", "_NET_WM_STATE_HIDDEN"),
    *("_NET_WM_DESKTOP", "_NET_SHOWING_DESKTOP", "_NET_ACTIVE_WINDOW", "_NET_CLIENT_LIST_STACKING"),
    *("_NET_SUPPORTING_WM_CHECK", "_NET_RESTACK_WINDOW"),
)


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _ScreenIterator(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("rem", ctypes.c_int), ("index", ctypes.c_int)]


def _load_xcb() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    p, u32, u8, i = ctypes.c_void_p, ctypes.c_uint32, ctypes.c_uint8, ctypes.c_int
    sigs = {
        "xcb_connect": (p, [ctypes.c_char_p, ctypes.POINTER(i)]),
        "xcb_connection_has_error": (i, [p]),
        "xcb_disconnect": (None, [p]),
        "xcb_get_file_descriptor": (i, [p]),
        "xcb_flush": (i, [p]),
        "xcb_get_setup": (p, [p]),
        "xcb_setup_roots_iterator": (_ScreenIterator, [p]),
        "xcb_screen_next": (None, [ctypes.POINTER(_ScreenIterator)]),
        "xcb_intern_atom": (_Cookie, [p, u8, ctypes.c_uint16, ctypes.c_char_p]),
        "xcb_intern_atom_reply": (p, [p, _Cookie, p]),
        "xcb_get_property": (_Cookie, [p, u8, u32, u32, u32, u32, u32]),
        "xcb_get_property_reply": (p, [p, _Cookie, p]),
        "xcb_get_property_value": (p, [p]),
        "xcb_get_property_value_length": (i, [p]),
        "xcb_get_window_attributes": (_Cookie, [p, u32]),
        "xcb_get_window_attributes_reply": (p, [p, _Cookie, p]),
        "xcb_query_tree": (_Cookie, [p, u32]),
        "xcb_query_tree_reply": (p, [p, _Cookie, p]),
        "xcb_query_tree_children": (p, [p]),
        "xcb_query_tree_children_length": (i, [p]),
        "xcb_get_input_focus": (_Cookie, [p]),
        "xcb_get_input_focus_reply": (p, [p, _Cookie, p]),
        "xcb_change_window_attributes": (_Cookie, [p, u32, u32, p]),
        "xcb_send_event": (_Cookie, [p, u8, u32, u32, ctypes.c_char_p]),
        "xcb_poll_for_event": (p, [p]),
    }
    for fn, (restype, argtypes) in sigs.items():
        func = getattr(lib, fn)
        func.restype, func.argtypes = restype, argtypes
    return lib


_libc = ctypes.CDLL(None)
_libc.free.argtypes = [ctypes.c_void_p]


class _X:
    """A small libxcb client: one connection, the atoms it needs, property reads and requests."""

    def __init__(self, lib: ctypes.CDLL) -> None:
        self.lib = lib
        screen = ctypes.c_int(0)
        self.c = lib.xcb_connect(None, ctypes.byref(screen))
        if not self.c or lib.xcb_connection_has_error(self.c):
            if self.c:
                lib.xcb_disconnect(self.c)
            raise OSError("cannot connect to the X server")
        it = lib.xcb_setup_roots_iterator(lib.xcb_get_setup(self.c))
        for _ in range(screen.value):
            lib.xcb_screen_next(ctypes.byref(it))
        self.root = ctypes.c_uint32.from_address(it.data).value  # xcb_screen_t starts with root
        cookies = {name: lib.xcb_intern_atom(self.c, 0, len(name), name.encode()) for name in _ATOMS}
        self.atom = {name: self._reply_u32(lib.xcb_intern_atom_reply, cookie, 8) for name, cookie in cookies.items()}

    def close(self) -> None:
        self.lib.xcb_disconnect(self.c)

    def _reply_u32(self, reply_fn: Callable, cookie: _Cookie, offset: int) -> int:
        reply = reply_fn(self.c, cookie, None)
        if not reply:
            return 0
        try:
            return ctypes.c_uint32.from_address(reply + offset).value
        finally:
            _libc.free(reply)

    def cardinals(self, window: int, name: str) -> list[int]:
        """A 32-bit property of any type as a list of numbers (empty if unset)."""
        lib = self.lib
        cookie = lib.xcb_get_property(self.c, 0, window, self.atom[name], 0, 0, 1024)
        reply = lib.xcb_get_property_reply(self.c, cookie, None)
        if not reply:
            return []
        try:
            if ctypes.c_uint8.from_address(reply + 1).value != 32:  # format
                return []
            n = lib.xcb_get_property_value_length(reply) // 4
            return list((ctypes.c_uint32 * n).from_address(lib.xcb_get_property_value(reply)))
        finally:
            _libc.free(reply)

    def map_state(self, window: int) -> int:
        cookie = self.lib.xcb_get_window_attributes(self.c, window)
        reply = self.lib.xcb_get_window_attributes_reply(self.c, cookie, None)
        if not reply:
            return 0
        try:
            return ctypes.c_uint8.from_address(reply + 26).value
        finally:
            _libc.free(reply)

    def children(self, window: int) -> list[int]:
        """The window's children, bottom to top."""
        cookie = self.lib.xcb_query_tree(self.c, window)
        reply = self.lib.xcb_query_tree_reply(self.c, cookie, None)
        if not reply:
            return []
        try:
            n = self.lib.xcb_query_tree_children_length(reply)
            return list((ctypes.c_uint32 * n).from_address(self.lib.xcb_query_tree_children(reply)))
        finally:
            _libc.free(reply)

    def focus(self) -> int:
        return self._reply_u32(self.lib.xcb_get_input_focus_reply, self.lib.xcb_get_input_focus(self.c), 8)

    def listen(self, window: int, mask: int) -> None:
        self.lib.xcb_change_window_attributes(self.c, window, _CW_EVENT_MASK, ctypes.byref(ctypes.c_uint32(mask)))

    def message(self, window: int, name: str, *data: int) -> None:
        """An EWMH client message about ``window``, sent to the window manager on the root."""
        values = (*data, 0, 0, 0, 0, 0)[:5]
        event = struct.pack("=BBHII5I", _CLIENT_MESSAGE, 32, 0, window, self.atom[name], *values)
        self.lib.xcb_send_event(self.c, 0, self.root, _TO_WM, event)

    def drain(self) -> int:
        """Read and drop the events waiting; returns how many there were."""
        count = 0
        while event := self.lib.xcb_poll_for_event(self.c):
            _libc.free(event)
            count += 1
        return count


class X11WindowGuard(QObject):
    """Keeps ``window`` full screen, on top, on every desktop and active; see the module docstring.

    Create it with :meth:`start`, which returns None where this is not an X11 screen or
    libxcb cannot be used. ``on_fixed(fixes)`` is told each time requests were made to put
    the window back (see :data:`TAKING_S`).
    """

    def __init__(self, window: QWidget, x: _X, on_fixed: Callable[[tuple[Fix, ...]], object]) -> None:
        super().__init__(window)
        self.window = window
        self.x = x
        self.on_fixed = on_fixed
        self.wid = int(window.winId())
        self._last_fix = -float("inf")
        self._taking_until = time.monotonic() + TAKING_S  # until the window is first as it should be
        x.listen(x.root, _ROOT_MASK)
        x.listen(self.wid, _WINDOW_MASK)
        self._flush()
        self.notifier = QSocketNotifier(x.lib.xcb_get_file_descriptor(x.c), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._on_events)
        self.soon = QTimer(self)  # coalesces a burst of events into one check
        self.soon.setSingleShot(True)
        self.soon.setInterval(0)
        self.soon.timeout.connect(self.check)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.check)
        self.poll.start()
        self.soon.start()

    @classmethod
    def start(
        cls, window: QWidget, on_fixed: Callable[[tuple[Fix, ...]], object] = lambda fixes: None
    ) -> X11WindowGuard | None:
        if QGuiApplication.platformName() != "xcb":
            return None
        lib = _load_xcb()
        if lib is None:
            return None
        try:
            x = _X(lib)
        except OSError:
            return None
        return cls(window, x, on_fixed)

    def stop(self) -> None:
        self.poll.stop()
        self.soon.stop()
        self.notifier.setEnabled(False)
        self.x.close()
        self.deleteLater()

    def _flush(self) -> None:
        self.x.lib.xcb_flush(self.x.c)

    def _on_events(self) -> None:
        if self.x.drain():
            self.soon.start()

    # -- reading and putting right ------------------------------------------------------------

    def facts(self) -> WindowFacts:
        x, wid = self.x, self.wid
        wm = bool(x.cardinals(x.root, "_NET_SUPPORTING_WM_CHECK"))
        states = set(x.cardinals(wid, "_NET_WM_STATE"))
        wm_state = x.cardinals(wid, "WM_STATE")
        if wm:
            stacking = x.cardinals(x.root, "_NET_CLIENT_LIST_STACKING")
            on_top = not stacking or stacking[-1] == wid
            active = x.cardinals(x.root, "_NET_ACTIVE_WINDOW")[:1] == [wid] and x.focus() == wid
        else:
            viewable = [w for w in x.children(x.root) if x.map_state(w) == _VIEWABLE]
            on_top = bool(viewable) and viewable[-1] == wid
            active = x.focus() == wid or self.window.isActiveWindow()
        return WindowFacts(
            window_manager=wm,
            viewable=x.map_state(wid) == _VIEWABLE,
            iconic=wm_state[:1] == [_ICONIC] or x.atom["_NET_WM_STATE_HIDDEN"] in states,
            fullscreen=x.atom["_NET_WM_STATE_FULLSCREEN"] in states if wm else self._covers_screen(),
            above=x.atom["_NET_WM_STATE_ABOVE"] in states,
            all_desktops=x.cardinals(wid, "_NET_WM_DESKTOP")[:1] == [_ALL_DESKTOPS],
            showing_desktop=x.cardinals(x.root, "_NET_SHOWING_DESKTOP")[:1] == [1],
            on_top=on_top,
            active=active,
        )

    def _covers_screen(self) -> bool:
        return self.window.frameGeometry() == self.window.screen().geometry()

    def check(self) -> None:
        """Read the window's state and ask for whatever it takes to put it right."""
        now = time.monotonic()
        if now - self._last_fix < SETTLE_S:  # the last requests may still be under way
            self.soon.start(round(SETTLE_S * 1000))
            return
        facts = self.facts()
        fixes = fixes_for(facts)
        if not fixes:
            self._taking_until = now  # held: from now on anything is put back, and said so
            return
        self._last_fix = now
        for fix in fixes:
            self._apply(fix, facts.window_manager)
        self._flush()
        if now >= self._taking_until:
            self.on_fixed(fixes)

    def _apply(self, fix: Fix, window_manager: bool) -> None:
        x, wid, w = self.x, self.wid, self.window
        if fix is Fix.LEAVE_SHOW_DESKTOP:
            x.message(x.root, "_NET_SHOWING_DESKTOP", 0)
        elif fix is Fix.MAP:
            w.hide()  # Qt still thinks the window shown; map it afresh
            w.showFullScreen()
        elif fix is Fix.ALL_DESKTOPS:
            x.message(wid, "_NET_WM_DESKTOP", _ALL_DESKTOPS, _SOURCE_PAGER)
        elif fix is Fix.FULLSCREEN:
            if window_manager:
                x.message(wid, "_NET_WM_STATE", 1, x.atom["_NET_WM_STATE_FULLSCREEN"], 0, _SOURCE_PAGER)
            else:  # Qt leaves full screen to the window manager: with none, cover the screen
                w.setGeometry(w.screen().geometry())
        elif fix is Fix.ABOVE:
            x.message(wid, "_NET_WM_STATE", 1, x.atom["_NET_WM_STATE_ABOVE"], 0, _SOURCE_PAGER)
        elif fix is Fix.RAISE:
            if window_manager:
                x.message(wid, "_NET_RESTACK_WINDOW", _SOURCE_PAGER, 0, 0)
            else:
                w.raise_()
        elif fix is Fix.ACTIVATE:
            if window_manager:
                x.message(wid, "_NET_ACTIVE_WINDOW", _SOURCE_PAGER, 0, 0)
            w.activateWindow()
