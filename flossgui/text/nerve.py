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
    "plots.slide": "Glide behind the knee",
    "plots.slide_axis": "Slide (mm, + distal)",
    "plots.seat": "Peak tension by seat height",
    "plots.seat_axis": "Seat height (cm)",
    "plots.peak_axis": "Peak tension",
    "plots.current_seat": "this seat",
    # About the model, for patients and clinicians.
    "nerve.about.title": "About the model",
    "nerve.about": (
        "The string stands for the sciatic nerve and its continuation, which run from the spinal cord, down the "
        "back of the thigh and calf, behind the ankle and along the sole. It lies in a bed that passes behind each "
        "joint, so a joint that opens on the back of the body makes the bed longer: bending the neck forward, "
        "slumping, bending at the hip, straightening the knee and drawing the toes up. The opposite movements "
        "make it shorter.\n\n"
        "In the app each joint has a set distance between its centre and the nerve. These distances were not "
        "found in published studies: we estimated them from anatomy and then adjusted them so that the model "
        "reproduces measured figures in kind. Straightening the knee from 90 degrees moves the sciatic nerve about "
        "10 mm with the hip bent 30 degrees and about 12 mm with it bent 60 degrees (Ridehalgh, Moore and Hough, "
        "Manual Therapy 2014, ultrasound in 16 people). A slider, where one end lengthens while the other shortens, "
        "moves a nerve about twice as far as a tensioner, where both ends lengthen, with far less strain (median "
        "nerve in cadavers: 12.6 mm and 0.8 % strain against 6.1 mm and 6.8 %; Coppieters and Butler, Manual "
        "Therapy 2008). In the app, straightening the knee moves the string 10.2 mm at hip 30 degrees and 12.8 mm "
        "at hip 60 degrees, and over one repetition the floss moves it about twice as far as the tensioner (33 against "
        "17 mm) at one eighth of its peak tension. The app spreads the stretch over the whole string, head to toes, "
        "so its tension figures are lower than the strains measured at one site.\n\n"
        "The string is slack while its bed is shorter than the nerve, and taut beyond that. Tension reads 0 when "
        "the string is slack or just taut, and 1 at 10 % stretch, about the most a nerve is said to tolerate in "
        "everyday movement. The glide shown is how far the nerve slides past a point behind the knee. The model "
        "treats the nerve as a smooth cord anchored at both ends, stretched evenly along its length, that first "
        "takes up its own slack before it slides; real nerves are stiffer in some places than others and slide "
        "differently at different sites.\n\n"
        "The seat: a higher seat lets the thigh slope down, so the hip is less bent and the bed is shorter; the "
        "string then tightens less. That is an inference from how hip bending changes the nerve's movement "
        "(Ridehalgh 2014; Boyd 2012; Alshami 2008); no study has measured seat height itself.\n\n"
        "This is a teaching picture, not a measurement of your own nerve."
    ),
}
