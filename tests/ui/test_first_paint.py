"""Work deferred until a window has been painted once."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from flossgui.model.launch import LaunchOptions
from flossgui.ui.shell.app import run
from flossgui.ui.shell.build import patient_session
from flossgui.ui.shell.first_paint import after_first_paint
from flossgui.ui.shell.main_window import MainWindow
from flossgui.ui.shell.settings import ENV_VAR


def test_runs_once_after_the_first_paint(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    after_first_paint(widget, lambda: calls.append(1))
    qtbot.wait(10)
    assert calls == []  # not shown, not painted
    widget.show()
    qtbot.waitUntil(lambda: calls == [1])
    widget.update()
    widget.repaint()
    qtbot.wait(10)
    assert calls == [1]


def test_the_app_reports_its_first_painted_frame(qtbot, monkeypatch, tmp_path):
    """The bench's hook into the real start: called once, with the window on screen and painted."""
    settings = tmp_path / "settings.ini"
    settings.write_text("[safety]\ncard_seen=true\n")
    monkeypatch.setenv(ENV_VAR, str(settings))
    seen: list[MainWindow] = []

    def painted() -> None:
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if window.isVisible():
            seen.append(window)
        QApplication.quit()

    guard = QTimer(singleShot=True, interval=20_000)  # never hang the suite
    guard.timeout.connect(QApplication.quit)
    guard.start()
    try:
        assert run(LaunchOptions(), painted=painted) == 0
        assert len(seen) == 1
        player = patient_session(seen[0]).player  # its engine loads on a thread: let it finish
        qtbot.waitUntil(lambda: player.has_sound is not None, timeout=10_000)
    finally:
        guard.stop()  # a quit left pending would end the next tests' event loops
        for window in QApplication.topLevelWidgets():
            window.close()
            window.deleteLater()
