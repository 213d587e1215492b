"""The string model in words: cues for the comparison variants and "About the model"."""

from __future__ import annotations

TEXT: dict[str, str] = {
    # The tensioner, shown beside the floss for comparison.
    "cue.tensioner_toes_up": "Keep the chin down and draw the toes up: both ends of the string pull at once.",
    "cue.tensioner_release": "Point the toes again; chin still down.",
    "cue.tensioner_bend": "Bend the knee back to the start, staying slumped.",
    # The common mistake: watching the foot.
    "cue.mistake_straighten": (
        "Mistake: straightening the knee while watching the foot. The chin stays down, so the string is pulled "
        "from both ends."
    ),
    "cue.mistake_toes_up": "Mistake: toes up while still looking down. Look up instead, and the string slides.",
    "nerve.mistake.why": (
        "A common mistake is to watch your foot as the knee straightens. Your chin then stays down, the string is "
        "pulled from both ends at once, and the glide becomes a stretch. Look up as the knee straightens."
    ),
    # The gauge.
    "nerve.gauge.title": "String tension",
    "nerve.gauge.slack": "slack",
    "nerve.gauge.taut": "taut",
    # The clinician plots.
    "plots.angles": "Joint angles",
    "plots.angle_axis": "Angle (°)",
    "plots.rep_axis": "Through one rep (%)",
    "plots.length": "String length",
    "plots.length_axis": "Length (cm)",
    "plots.rest_length": "just taut",
    "plots.tension": "String tension",
    "plots.tension_axis": "Tension (1 = 10 % strain)",
    "plots.slide": "Glide at mid-thigh",
    "plots.slide_axis": "Slide (mm, + distal)",
    "plots.seat": "Peak tension by seat height",
    "plots.pick": "Plot shown",
    "plots.seat_axis": "Seat height (cm)",
    "plots.peak_axis": "Peak tension",
    "plots.current_seat": "this seat",
    "plots.feet_hang": "feet hang",  # from this seat up: thighs level, so the curve steps here
    # About the model, for patients and clinicians.
    "nerve.about.title": "About the model",
    "nerve.about": (
        "The string stands for the sciatic nerve and its continuation, which run from the spinal cord, down the "
        "back of the thigh and calf, behind the ankle and along the sole. It lies in a bed that passes behind each "
        "joint, so a joint that opens on the back of the body makes the bed longer: bending the neck forward, "
        "slumping, bending at the hip, straightening the knee and drawing the toes up. The opposite movements "
        "make it shorter.\n\n"
        "In the app the nerve is a chain of short pieces lying in that bed. Each piece is held in place by "
        "friction, and the friction grows as the nerve is pulled tighter. So when one joint moves, the nerve "
        "glides most next to that joint and less further away; in a slider (one end of the bed lengthens while "
        "the other shortens) it glides freely with little stretch, and in a tensioner (both ends lengthen) it is "
        "held where it lies and stretches near the moving joint instead. The beads on the string are bits of "
        "nerve: watch them slide towards the joint that moves."
    ),
    "nerve.about.figures_title": "What the model is checked against",
    "nerve.about.figure": "{what}: {value} {unit} ({source}).",
    "nerve.about.model_title": "What the model gives (170 cm, chair 46 cm, whole movement)",
    "nerve.about.target": "{what}: {value} {unit} (aim {lo} to {hi} {unit}).",
    "nerve.about.hip_trend": (
        "Measured, the knee's glide grows with hip flexion ({low} to {high} mm); the model gives about the same at "
        "both ({model_low} and {model_high} mm)."
    ),
    "nerve.about.not_found_title": "Where we found no study",
    "nerve.about.not_found": (
        "We found no study giving {items}. For these the app uses its own estimates, chosen from anatomy and "
        "adjusted until the figures above come out close to the measured ones."
    ),
    "nerve.about.seat": (
        "The seat: a higher seat lets the thigh slope down, so the hip is less bent and the bed is shorter when "
        "the knee is straight. That is an inference from how hip bending changes the nerve's movement "
        "(Ridehalgh 2014; Boyd 2012; Alshami 2008); we found no study of seat height itself."
    ),
    "nerve.about.end": "This is a teaching picture, not a measurement of your own nerve.",
}
