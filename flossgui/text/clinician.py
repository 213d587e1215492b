"""Words of the clinician view, the menus, the angle labels, and the string in the seat guidance.

``{name}`` fields are filled in with ``str.format`` after translation.
"""

from __future__ import annotations

TEXT: dict[str, str] = {
    # Menus and modes.
    "menu.view": "&View",
    "menu.help": "&Help",
    "mode.patient": "Patient view",
    "mode.clinician": "Clinician view",
    # The clinician toolbar.
    "clinician.toolbar": "Clinician tools",
    "clinician.variant": "Exercise",
    "clinician.compare": "Compare with",
    "clinician.compare.none": "Nothing",
    "clinician.angles": "Joint angles",
    "clinician.angles.tip": "Show each joint's angle on the figure (A)",
    "clinician.mirror": "Mirror",
    "clinician.mirror.tip": "Flip the picture left to right, to demonstrate face to face (M)",
    "clinician.present": "Present",
    "clinician.present.tip": "Full screen without the side panel (F5)",
    "clinician.about": "About the model",
    "variant.slider": "Seated nerve floss (slider)",
    "variant.tensioner": "Tensioner",
    "variant.mistake": "Common mistake: chin kept down",
    # Angle labels on the figure; {degrees} is signed as in the README's table.
    "angle.label": "{joint} {degrees}°",
    "angle.neck": "Neck",
    "angle.trunk": "Trunk",
    "angle.hip": "Hip",
    "angle.knee": "Knee",
    "angle.ankle": "Ankle",
    # How the picture differs from the model, for the "About the model" dialog.
    "nerve.about.display": (
        "How the picture is drawn: the model's string sags by only a few millimetres where it is slack, too little "
        "to see, so the picture bows a slack stretch {sag:g} times deeper than the model says. The beads slide "
        "{glide:g} times as far as the model's glide, so the movement can be seen from across a room. The colour "
        "and the tension gauge show how much longer the whole bed is than the nerve's length sitting upright with "
        "the knee straight: cool blue when it is no longer, warm orange at {strain:g} % longer, about the "
        "tensioner's peak on a chair; the floss stays near {floss:.0%} of that scale."
    ),
    "about.close": "Close",
}
