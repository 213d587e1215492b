"""Words of the prescription: the programme builder's new fields, grades and the dose in words.

``{name}`` fields are filled in with ``str.format`` after translation.
"""

from __future__ import annotations

TEXT: dict[str, str] = {
    # The grade ladder, gentlest first (the pictures on the handout follow the grade).
    "grade.none": "Not graded: the whole movement",
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
    "dose.sets.1.each_leg": "1 set on each leg",
    "dose.sets.each_leg": "{sets} sets on each leg",
    "dose.per_day.1": "once a day",
    "dose.per_day.2": "twice a day",
    "dose.per_day": "{n} times a day",
    "dose.side.left": "Move your left leg.",
    "dose.side.right": "Move your right leg.",
    "dose.side.both": "Both legs, in turn: a set with the right, then a set with the left.",
    "dose.range.full": "Go through the whole movement, as the pictures show.",
    "dose.range.part": "Go only as far as the pictures show: about {fraction} of the full movement.",
    "dose.seat": "Sit on a seat about {cm} cm high.",
    "dose.tempo": "Take about {tempo} seconds for each movement, and rest {rest} seconds between sets.",
    "fraction.quarter": "a quarter",
    "fraction.third": "a third",
    "fraction.half": "half",
    "fraction.two_thirds": "two-thirds",
    "fraction.three_quarters": "three-quarters",
    "fraction.most": "nine-tenths",
    # The handout as a prescription sheet.
    "handout.prescribed_title": "Your home exercise: seated nerve floss",
    "handout.frame.start": "Start: {pose}",
    "handout.for": "For {name}",
    "handout.from": "Start {date}",
    "handout.review": "Review {date}",
    "handout.plan_title": "The weeks ahead",
    "handout.plan_weeks": "Weeks {first}–{last}",
    "handout.plan_week": "Week {first}",
    "handout.plan_step": "{weeks}: {grade}, about {fraction} of the full movement",
    "handout.plan_step_full": "{weeks}: {grade}, all the way",
    "handout.plan_advance": "Move on only if: {condition}.",
    "handout.notes_title": "From your clinician",
    "handout.contact": "Questions? {who}",
    "handout.prescribed_footer": "Made with flossgui. Stop and ask your clinician if you are unsure.",
    # After each set: the leg-symptom score and where the symptoms are.
    "leg.score_question": "How strong are the symptoms in your leg now?",
    "leg.score_name": "Leg symptoms {score} out of 10",
    "leg.score_low": "0 = none",
    "leg.score_high": "10 = the worst you can imagine",
    "leg.where_question": "Where are they, compared with before the set?",
    "leg.where.further": "Further &down the leg",
    "leg.where.same": "In the same p&lace",
    "leg.where.easing": "Easing towards my &back",
    "leg.warning": (
        "Symptoms spreading further down the leg, or getting stronger, mean the nerve has had enough for now. "
        "Do less: choose a smaller movement, or pause the exercise for today. Check the urgent signs below."
    ),
    # The next-day check, at the first start the day after a session.
    "spoken.leg_question": (
        "Your leg symptoms now, from 0 to 10? And are they further down the leg, the same, or easing towards your back?"
    ),
    "spoken.next_day": "How was your leg after yesterday's session? Please answer on the screen.",
    "next_day.title": "How was your leg?",
    "next_day.question": "How was your leg after yesterday's session?",
    "next_day.better": "&Better",
    "next_day.same": "The s&ame",
    "next_day.worse": "&Worse",
    "next_day.where": "If you have leg symptoms, where are they compared with yesterday?",
    "next_day.skip_where": "No leg symptoms",
    "next_day.thanks": "Thank you. Carry on with your programme.",
    "next_day.advice": (
        "A flare-up the day after means the last dose was too much. Today, do a smaller movement or a lower "
        "grade, or pause the exercise, and tell your clinician if it does not settle."
    ),
    "next_day.smaller": "Make today's movement s&maller",
    "next_day.pause": "&Pause the exercise today",
    "next_day.close": "&Close",
    "next_day.smaller_done": "Today's movement is smaller: {percent} % of the full movement.",
    "next_day.paused": "Paused for today. Rest, and tell your clinician if your leg does not settle.",
}
