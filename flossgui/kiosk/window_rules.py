"""What the kiosk window must undo on an X11 screen to stay full screen, on top and active.

On X11 any program, and the window manager's own keys and menus, can minimise the window,
hide it, lower it, move it to another desktop or show the desktop. The kiosk reads the
window's state (:class:`WindowFacts`) whenever it may have changed and asks for the
:class:`Fix` es that :func:`fixes_for` lists. The requests are the standard ones (EWMH)
that pagers use, which window managers honour without focus-stealing prevention; with no
window manager the kiosk maps, raises and focuses its window itself.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True)
class WindowFacts:
    """The kiosk window's state on the X server, as read from its properties."""

    window_manager: bool  # a window manager runs (the root names one)
    viewable: bool  # mapped, and every window holding it is mapped
    iconic: bool  # minimised or hidden (WM_STATE Iconic or _NET_WM_STATE_HIDDEN)
    fullscreen: bool  # _NET_WM_STATE_FULLSCREEN; with no window manager, covering the screen
    above: bool  # _NET_WM_STATE_ABOVE
    all_desktops: bool  # _NET_WM_DESKTOP is "all desktops"
    showing_desktop: bool  # the window manager shows the desktop (_NET_SHOWING_DESKTOP)
    on_top: bool  # no other window above it
    active: bool  # it has the keyboard focus


class Fix(enum.Enum):
    """One request that puts part of the window's state right, in the order they are made."""

    LEAVE_SHOW_DESKTOP = "leave show-desktop"
    MAP = "map the window again"
    ALL_DESKTOPS = "show on every desktop"
    FULLSCREEN = "full screen"
    ABOVE = "keep above"
    RAISE = "raise"
    ACTIVATE = "activate"


def fixes_for(facts: WindowFacts) -> tuple[Fix, ...]:
    """The requests that bring the window back; empty when all is as it should be."""
    f = facts
    if not f.window_manager:
        # Nobody else places the window: map it if it was unmapped, cover the screen, raise, focus.
        wanted = [
            (not f.viewable, Fix.MAP),
            (not f.fullscreen, Fix.FULLSCREEN),
            (not f.on_top, Fix.RAISE),
            (not f.active, Fix.ACTIVATE),
        ]
        return tuple(fix for bad, fix in wanted if bad)
    hidden = f.iconic or not f.viewable
    wanted = [
        (f.showing_desktop, Fix.LEAVE_SHOW_DESKTOP),
        (not f.viewable and not f.iconic and not f.showing_desktop, Fix.MAP),  # withdrawn
        (not f.all_desktops, Fix.ALL_DESKTOPS),
        (not f.fullscreen, Fix.FULLSCREEN),
        (not f.above, Fix.ABOVE),
        (hidden or not f.on_top, Fix.RAISE),
        # Activation also de-iconifies and brings the window's desktop to the front.
        (hidden or not f.active, Fix.ACTIVATE),
    ]
    return tuple(fix for bad, fix in wanted if bad)
