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
        "How the picture is drawn: the model's string sags by only 1 to 2 cm when slack, too little to see, "
        "so the picture bows a slack string {sag:g} times deeper than the model says. Its colour and the tension "
        "gauge run from cool blue (slack or just taut) to warm orange, which they reach at tension {full:g} "
        "({strain:g} % stretch), about the tensioner's peak on a chair; the floss stays near {floss:.0%} of that "
        "scale. The white bead marks one bit of nerve behind the knee: it slides with the glide, at its true size."
    ),
    "about.close": "Close",
}
