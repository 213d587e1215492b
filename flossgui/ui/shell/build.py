"""Building the window with its modes, in one place (after Mu's ``setup_modes``)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from flossgui.model.programme import Programme
from flossgui.ui.patient.mode import PatientMode
from flossgui.ui.session.audio import CuePlayer
from flossgui.ui.session.patient_session import PatientSession
from flossgui.ui.shell.main_window import MainWindow
from flossgui.ui.shell.tutorial import Tutorial

if TYPE_CHECKING:
    from flossgui.diary.store import History


def build_window(
    tutorial: Tutorial,
    settings: QSettings | None = None,
    *,
    programme: Programme | None = None,
    history: History | None = None,
    player: CuePlayer | None = None,
    mode: str = "patient",
    remember: bool = True,
    keep: Collection[str] = (),
    staged: bool = False,
) -> MainWindow:
    """The window with the patient and clinician modes (the kiosk adds its own), in ``mode``.

    Both modes share one :class:`PatientSession` (guided sessions, diary, programme, exports),
    so every mode has the same menus however the window was started. ``remember``: restore and save
    what the patient sets (off for screenshots, which show the defaults); ``keep``: preferences given
    for this start (:attr:`LaunchOptions.given`), which win over the remembered ones. ``staged``:
    leave what is not on screen (guided pages, the other mode) to :meth:`MainWindow.finish_building`.
    """
    window = MainWindow(tutorial, settings)
    session = PatientSession(window, programme, history, player, remember=remember, keep=keep)
    window.add_mode(PatientMode(window, session))

    def add_clinician_mode() -> None:
        from flossgui.ui.clinician.mode import ClinicianMode  # plots and variants: not at start-up

        window.add_mode(ClinicianMode(window, session))

    if mode == "clinician":
        window.finish_building()
        add_clinician_mode()
    else:
        window.later(add_clinician_mode)
    window.change_mode(mode)
    if not staged:
        window.finish_building()
    return window


def patient_session(window: MainWindow) -> PatientSession:
    """The guided-session features of a window made by :func:`build_window`."""
    mode = window.modes["patient"]
    assert isinstance(mode, PatientMode)
    return mode.session
