"""Issue 13, part 3: text from a file (a programme's title and notes, the kiosk's clinic name
and messages, file names in messages) is shown as plain text, never as HTML: an
``<img src=...>`` in it draws those characters, not a local file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWidget

from flossgui.diary.store import History
from flossgui.kiosk.config import KioskConfig
from flossgui.model.programme import Programme
from flossgui.ui.session.audio import CuePlayer, SilentOutput
from flossgui.ui.session.patient_session import PatientSession


def _red_png(tmp_path) -> str:
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    path = str(tmp_path / "local.png")
    assert image.save(path)
    return path


def _labels_showing(root: QWidget, marker: str) -> list[QLabel]:
    labels = [label for label in root.findChildren(QLabel) if marker in label.text()]
    assert labels, f"no label shows {marker!r}"
    return labels


def _has_red(label: QLabel) -> bool:
    image = label.grab().toImage()
    return any(
        QColor(image.pixel(x, y)) == QColor("red") for y in range(0, image.height(), 2) for x in range(image.width())
    )


def _renders_literally(label: QLabel) -> None:
    """The label draws the characters, not the local (red) image; as a positive control, the
    same label taking its text as HTML does draw the image."""
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert not _has_red(label)
    label.setTextFormat(Qt.TextFormat.RichText)
    assert _has_red(label)
    label.setTextFormat(Qt.TextFormat.PlainText)


def test_an_img_programme_title_renders_as_literal_text(window, tutorial, tmp_path):
    title = f'<img src="{_red_png(tmp_path)}">'
    history = History(tmp_path / "diary.sqlite3")
    player = CuePlayer(tutorial.movement.exercise, SilentOutput())
    PatientSession(window, Programme(reps=1, sets=1, title=title, notes=title), history, player)
    window.show()
    for label in _labels_showing(window, "<img"):
        _renders_literally(label)
    history.close()


def test_kiosk_clinic_name_and_messages_render_as_literal_text(make_kiosk, tmp_path):
    img = f'<img src="{_red_png(tmp_path)}">'
    config = KioskConfig(clinic_name=f"{img} clinic", messages=(f"{img} message",))
    kiosk = make_kiosk(config, locked=False)
    kiosk.window.show()
    for _ in range(len(kiosk.mode.loop.messages)):
        kiosk.advance(10.0)
        if "message" in kiosk.mode.panel.message.text():
            break
    shown = _labels_showing(kiosk.window, "<img")
    assert {kiosk.mode.panel.clinic, kiosk.mode.panel.message} <= set(shown)
    for label in shown:
        _renders_literally(label)


def test_an_img_dev_zero_title_does_not_abort(window, tutorial, tmp_path):
    """Rich text would read /dev/zero until std::bad_alloc aborted the app."""
    history = History(tmp_path / "diary.sqlite3")
    player = CuePlayer(tutorial.movement.exercise, SilentOutput())
    session = PatientSession(window, Programme(title='<img src="/dev/zero">'), history, player)
    window.show()
    assert session.plan_label.textFormat() == Qt.TextFormat.PlainText
    assert not session.plan_label.grab().isNull()  # drawn, as characters
    assert '<img src="/dev/zero">' in session.plan_label.text()
    history.close()
