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
    "clinician.menu.programme": "P&rogramme",  # Alt+P is Playback, Alt+H Help
    "clinician.menu.history": "His&tory",
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
    "clinician.present.tip": "The figure alone, full screen, readable across the room (F5)",
    "present.keys": "← → step · Space play or pause · ↑ ↓ speed · C side by side · M mirror · Esc back",
    "clinician.about": "About the model",
    "variant.slider": "Seated nerve floss (slider)",
    "variant.tensioner": "Tensioner",
    "variant.mistake": "Common mistake: chin kept down",
    # Angle labels on the figure, in clinical terms: "neck extension 35°", "knee straight".
    "angle.label": "{movement} {degrees}°",
    "angle.neck.flexion": "neck flexion",
    "angle.neck.extension": "neck extension",
    "angle.neck.neutral": "neck neutral",
    "angle.trunk.flexion": "trunk flexion",
    "angle.trunk.extension": "trunk extension",
    "angle.trunk.neutral": "trunk upright",
    "angle.hip.flexion": "hip flexion",
    "angle.hip.extension": "hip extension",
    "angle.hip.neutral": "hip neutral",
    "angle.knee.flexion": "knee flexion",
    "angle.knee.hyperextension": "knee hyperextension",
    "angle.knee.straight": "knee straight",
    "angle.ankle.dorsiflexion": "ankle dorsiflexion",
    "angle.ankle.plantarflexion": "ankle plantarflexion",
    "angle.ankle.neutral": "ankle neutral",
    # What a still pose shows (the presentation view's caption).
    "pose.knee.straight": "knee straight",
    "pose.knee.part": "knee part-way straight",
    "pose.knee.bent": "knee bent",
    "pose.trunk.tall": "sitting tall",
    "pose.trunk.slumped": "slumped",
    "pose.neck.up": "looking up",
    "pose.neck.level": "head level",
    "pose.neck.down": "chin down",
    "pose.ankle.pointed": "toes pointed",
    "pose.ankle.right_angle": "foot at a right angle",
    "pose.ankle.up": "toes up",
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
