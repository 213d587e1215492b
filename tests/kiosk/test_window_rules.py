"""What the kiosk asks of the X server to get its window back, for every state it can be found in."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from flossgui.kiosk.window_rules import Fix, WindowFacts, fixes_for

HELD = WindowFacts(
    window_manager=True, viewable=True, iconic=False, fullscreen=True, above=True,
    all_desktops=True, showing_desktop=False, on_top=True, active=True,
)  # fmt: skip
facts = st.builds(WindowFacts, *(st.booleans() for _ in dataclasses.fields(WindowFacts)))


def test_a_held_window_needs_nothing():
    assert fixes_for(HELD) == ()
    assert fixes_for(dataclasses.replace(HELD, window_manager=False, above=False, all_desktops=False)) == ()


def test_a_minimised_window_is_raised_and_activated():
    assert fixes_for(dataclasses.replace(HELD, iconic=True, viewable=False)) == (Fix.RAISE, Fix.ACTIVATE)


def test_show_desktop_is_left_first():
    fixes = fixes_for(dataclasses.replace(HELD, showing_desktop=True, viewable=False, active=False))
    assert fixes[0] is Fix.LEAVE_SHOW_DESKTOP and Fix.MAP not in fixes and fixes[-1] is Fix.ACTIVATE


def test_an_unmapped_window_is_mapped_again():
    assert Fix.MAP in fixes_for(dataclasses.replace(HELD, viewable=False))
    assert fixes_for(dataclasses.replace(HELD, window_manager=False, viewable=False)) == (Fix.MAP,)


@given(facts)
def test_every_fault_has_its_fix_and_a_sound_window_gets_none(f):
    fixes = fixes_for(f)
    assert len(set(fixes)) == len(fixes)
    assert list(fixes) == sorted(fixes, key=list(Fix).index)  # in the order they must be made
    if f.window_manager:
        pairs = [
            (f.showing_desktop, Fix.LEAVE_SHOW_DESKTOP),
            (not f.all_desktops, Fix.ALL_DESKTOPS),
            (not f.fullscreen, Fix.FULLSCREEN),
            (not f.above, Fix.ABOVE),
            (f.iconic or not f.viewable or not f.on_top, Fix.RAISE),
            (f.iconic or not f.viewable or not f.active, Fix.ACTIVATE),
        ]
        for fault, fix in pairs:
            assert (fix in fixes) == fault, (fix, f)
    else:
        assert set(fixes) <= {Fix.MAP, Fix.FULLSCREEN, Fix.RAISE, Fix.ACTIVATE}
        assert (Fix.MAP in fixes) == (not f.viewable) and (Fix.FULLSCREEN in fixes) == (not f.fullscreen)
    sound = f.viewable and f.fullscreen and f.on_top and f.active
    if f.window_manager:  # the rest is the window manager's business, and only exists with one
        sound = sound and not f.iconic and f.above and f.all_desktops and not f.showing_desktop
    assert (fixes == ()) == sound
