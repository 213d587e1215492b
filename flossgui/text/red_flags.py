"""Red flags: when to get urgent care. The one source for the safety card, the symptom checks,
the handout and the clinician report (see :data:`EMERGENCY` and :data:`DOCTOR_SOON`).

Worded as urgent-care guidance, in plain words: emergency care now for the signs of cauda equina
syndrome, a doctor soon for the signs of other serious causes of back and leg pain (in line with
the red flags listed in NICE guideline NG59 and NICE CKS "Sciatica"). Reviewed as clinical text:
change it only with a clinician.
"""

from __future__ import annotations

#: Go to an emergency department now, or call the emergency number: in this order on every page.
EMERGENCY: tuple[str, ...] = (
    "redflags.saddle",
    "redflags.bladder_bowel",
    "redflags.both_legs",
    "redflags.weakness",
)
#: See a doctor soon.
DOCTOR_SOON: tuple[str, ...] = (
    "redflags.night",
    "redflags.fever",
    "redflags.cancer",
    "redflags.surgery",
)

TEXT: dict[str, str] = {
    "redflags.title": "When to get help urgently",
    "redflags.emergency": (
        "Stop the exercise and go to an emergency department now, or call 999 (UK), 112 (EU) or 911 (US), if you have:"
    ),
    "redflags.saddle": "numbness or pins and needles around your bottom, genitals or inner thighs",
    "redflags.bladder_bowel": (
        "new problems passing or controlling urine or stools, or new problems with sexual function"
    ),
    "redflags.both_legs": "sciatica (pain, numbness or tingling) in both legs",
    "redflags.weakness": "weakness in a leg or foot that is quickly getting worse, or a foot that drops or drags",
    "redflags.doctor": "See a doctor soon, and before you carry on with the exercise, if:",
    "redflags.night": "your back or leg pain is worse at night or stops you sleeping",
    "redflags.fever": "you have a fever, or are losing weight without trying",
    "redflags.cancer": "you have ever had cancer",
    "redflags.surgery": "you have had back surgery recently, or a fall or injury to your back",
}
