"""Words of the prescription: the programme builder's new fields, grades and the dose in words.

``{name}`` fields are filled in with ``str.format`` after translation.
"""

from __future__ import annotations

TEXT: dict[str, str] = {
    # The grade ladder, gentlest first (the pictures on the handout follow the grade).
    "grade.none": "Not graded: the whole movement",
    "grade.1": "Grade 1: knee only",
    "grade.2": "Grade 2: ankle and head only",
    "grade.3": "Grade 3: whole movement, small",
    "grade.4": "Grade 4: whole movement, full",
    # The builder's tabs and fields.
    "programme.tab.dose": "Dose",
    "programme.tab.plan": "Weeks ahead",
    "programme.tab.clinic": "Clinician",
    "programme.patient": "Patient (name or initials)",
    "programme.grade": "Grade",
    "programme.seat": "Seat height",
    "programme.seat.own": "Their own seat",
    "programme.per_day": "Sessions a day",
    "programme.start": "Start",
    "programme.review": "Review",
    "programme.plan.help": (
        "The plan over the weeks from the start date, one row per step, in order. Move on to the next step "
        "only when its condition is met."
    ),
    "programme.plan.weeks_from": "From week",
    "programme.plan.weeks_to": "To week",
    "programme.plan.grade": "Grade",
    "programme.plan.range": "Range",
    "programme.plan.advance_if": "Move on if",
    "programme.plan.add": "Add a step",
    "programme.plan.remove": "Remove the last step",
    "programme.clinician.name": "Clinician",
    "programme.clinician.clinic": "Clinic",
    "programme.clinician.contact": "Contact (phone or email)",
    "programme.clinician.logo": "Logo for the handout",
    "programme.clinician.logo_choose": "Choose…",
    "programme.logo_filter": "Images (*.png *.jpg *.jpeg *.svg)",
    "programme.new": "&New",
    "programme.invalid": "This programme cannot be used yet: {reason}",
    # The dose in words, for the handout and the report.
    "dose.reps": "{reps} times",
    "dose.sets.1": "1 set",
    "dose.sets": "{sets} sets",
    "dose.each_leg": "on each leg",
    "dose.per_day.1": "once a day",
    "dose.per_day.2": "twice a day",
    "dose.per_day": "{n} times a day",
    "dose.rest": "rest {rest} seconds between sets",
    "dose.tempo": "about {tempo} seconds for each movement",
    "dose.range": "move {range} % of the way",
    "dose.seat": "on a seat about {cm} cm high",
}
