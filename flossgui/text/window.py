"""Words of the patient window: controls, counter, seat guidance, safety and symptoms flow.

``{name}`` fields are filled in with ``str.format`` after translation.
"""

from __future__ import annotations

TEXT: dict[str, str] = {
    "app.title": "Nerve floss guide",
    # Steps and captions.
    "step.of": "Step {n} of {total}",
    "string.button": "Imagine a string",
    "string.hide": "Hide the string idea",
    # Playback.
    "play": "Play",
    "pause": "Pause",
    "phase.previous": "Previous step",
    "phase.next": "Next step",
    "scrub": "Position in the movement",
    "speed": "Speed",
    "speed.tempo": "{seconds:.0f} s per rep",
    "speed.0.5": "Very slow",
    "speed.0.75": "Slow",
    "speed.1": "Normal",
    "speed.1.5": "Brisk",
    "speed.2": "Fast",
    "speed.custom": "Custom",
    # Set-up.
    "setup.title": "Your set-up",
    "range": "How far to move",
    "range.help": "Smaller is gentler. Start small if you are unsure.",
    "side": "Leg that moves",
    "side.left": "Left leg",
    "side.right": "Right leg",
    "seat.height": "Seat height",
    "seat.preset": "Seat",
    "seat.preset.custom": "My own seat",
    "seat.preset.low chair": "Low chair (40 cm)",
    "seat.preset.chair": "Chair (46 cm)",
    "seat.preset.high stool": "High stool (58 cm)",
    "seat.preset.bed edge": "Edge of a bed (66 cm)",
    "person.height": "Your height",
    "input.allowed": "Allowed: {lo}–{hi}{unit}",
    "input.refused": "{value} is not allowed here. Please use {lo}–{hi}{unit}.",
    # Counter.
    "counter.title": "Reps and sets",
    "counter.reps": "Reps in each set",
    "counter.sets": "Sets",
    "counter.rest": "Rest between sets",
    "counter.set_of": "Set {set} of {sets}",
    "counter.rest_left": "Rest: {seconds} s",
    "counter.finished": "All done. Well done!",
    "counter.finished_caption": "All sets done. Sit back and rest.",
    "counter.reset": "Start again",
    "counter.locked": "Your session sets the reps and sets. You can change them here after it ends.",
    # Safety.
    "safety.button": "Safety",
    "safety.ok": "I understand",
    "symptoms.button": "My symptoms increased",
    "symptoms.title": "Your symptoms increased",
    "symptoms.rest_first": (
        "We have paused the movement. First, come back to the start position and rest there: "
        "sit slumped and relaxed, knee bent, foot resting."
    ),
    "symptoms.red_flags": (
        "Go to an emergency department or call 999 / 112 / 911 now if you have numbness around your "
        "bottom or genitals, new problems controlling your bladder or bowels, new sexual problems, "
        "sciatica in both legs, or weakness in your leg that is quickly getting worse."
    ),
    "symptoms.intro": "When you are ready, what would you like to do?",
    "symptoms.smaller": "Make the movement smaller",
    "symptoms.stop": "Stop for today",
    "symptoms.cancel": "Carry on as before",
    "symptoms.smaller.done": (
        "The movement is now smaller ({percent} %). Press Play when you are ready and go gently. "
        "If your symptoms still increase, stop for today."
    ),
    "symptoms.smaller.least": (
        "The movement is already as small as it goes. Please stop for today and let things settle."
    ),
    "symptoms.stop.done": (
        "Stopped for today. Rest and let things settle, then try again another day with a smaller "
        "movement. If symptoms stay worse, talk to your clinician."
    ),
    # Keys.
    "fullscreen": "Full screen",
    "keys.help": "Keys: Space play or pause · ← → steps · ↑ ↓ speed · + − how far · F11 full screen",
    # Errors outside the window.
    "error.no_display": (
        "no display found (DISPLAY and WAYLAND_DISPLAY are not set); to make a picture without a "
        "screen use --screenshot PATH"
    ),
}

#: Texts that depend on a number: (singular, plural), chosen by ``trn(key, n)``; ``{n}`` is the number.
PLURAL: dict[str, tuple[str, str]] = {
    "counter.rep_of": ("{rep} of {n} rep", "{rep} of {n} reps"),
    "counter.rest_caption": (
        "Rest now. The next set starts in {n} second.",
        "Rest now. The next set starts in {n} seconds.",
    ),
}
