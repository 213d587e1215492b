"""The transport bar's "Sound off" badge: a patient who cannot hear the voice should see why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from flossgui.ui.session.audio import CuePlayer
from flossgui.ui.theme.tr import tr


class SoundBadge(QLabel):
    """ "Sound off: no audio device", shown once the player knows nothing can be heard (why: tooltip, log)."""

    def __init__(self, player: CuePlayer) -> None:
        super().__init__(tr("sound.off"))
        self.setObjectName("notice")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(tr("sound.off"))
        self.player = player
        self._on_output_ready(player.has_sound)
        player.output_ready.connect(self._on_output_ready)

    def _on_output_ready(self, has_sound: bool | None) -> None:
        self.setVisible(has_sound is False)
        if has_sound is False:
            self.setToolTip(tr("sound.off.why", reason=self.player.problem))
