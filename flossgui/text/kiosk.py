"""Words of the waiting-room screen: the rotating lines, the touch buttons and the staff PIN pad.

The clinic's own lines come from the kiosk settings file; these are the app's.
"""

from __future__ import annotations

TEXT: dict[str, str] = {
    # Rotating lines under the step.
    "kiosk.string": "Imagine a string from your head to your toes: slide it to and fro, never pull it tight.",
    "kiosk.safety": "Move gently. Stop, or make the movement smaller, if it brings on or worsens your symptoms.",
    "kiosk.home": "Try it at home: a few slow reps, as your physiotherapist suggests.",
    # Touch buttons.
    "kiosk.demo": "Try it with me",
    "kiosk.slower": "Slower",
    "kiosk.faster": "Faster",
    "kiosk.left": "Left leg",
    "kiosk.right": "Right leg",
    "kiosk.rep_of": "Rep {n} of {total}",
    "kiosk.done": "Well done!",
    # Outside opening hours (dimmed screen).
    "kiosk.closed": "Closed now",
    "kiosk.opens": "Back at {time} on {day}",
    # Staff PIN pad.
    "pin.title": "Staff only",
    "pin.enter": "Enter the staff PIN.",
    "pin.wrong": "That PIN is not right.",
    "pin.wait": "Too many wrong PINs. Try again in {seconds} s.",
    "pin.none": (
        "No staff PIN is set, so the kiosk cannot be left from the screen. "
        "Set one over SSH or at the console with: flossgui kiosk-pin"
    ),
    "pin.accepted": "PIN accepted.",
    "pin.ok": "OK",
    "pin.delete": "Delete",
    "pin.leave": "Leave kiosk",
    "pin.cancel": "Cancel",
}
