"""Sound without Qt: cue sounds and pre-rendered voice clips, mixed and played by miniaudio.

- :mod:`~flossgui.audio.voice` — which clip says what (pure), and the shipped clips' manifest;
- :mod:`~flossgui.audio.mixer` — mixes sounds and a queue of clips into PCM (pure);
- :mod:`~flossgui.audio.engine` — loads them off the caller's thread and plays them on the default
  output from miniaudio's own audio thread, or on its null backend in tests.

The Qt side (:mod:`flossgui.ui.session.audio`) only routes cues here; ``flossgui doctor --sound`` uses the
same engine without Qt.
"""
