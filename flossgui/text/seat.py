"""The seat guidance: what this seat does to the floss, and what to try if the end feels tight."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "seat.start.feet_down": "On this seat your hips start bent about {hip}°, with your feet on the floor.",
    "seat.start.feet_hanging": (
        "On this seat your thighs rest on it, hips bent about {hip}°, and your feet hang free."
    ),
    # "As you move, the string {feel}."
    "seat.string.here": "As you move, the string {feel}.",
    "seat.string.slack": "stays slack all the way",
    "seat.string.little": "gets a little tight at the end",
    "seat.string.tight": "gets tight at the end",
    "seat.string.very": "is pulled tight, more than a glide needs",
    "seat.smaller_first": "If the end feels too tight, first make the movement smaller (How far to move).",
    "seat.suggest": "A higher seat also helps: try one about {cm} cm high. There the string {feel}.",
    "seat.why.button": "Why does a higher seat help?",
    "seat.why": (
        "A higher seat lets your thigh slope down, so your hip bends less. That changes the end of the "
        "movement, when the knee is straight and the string is at its tightest. At the start, with the knee "
        "bent, the string is slack on any seat. This is our reading of studies of hip and knee movement; "
        "we found no study of seat height itself."
    ),
}
