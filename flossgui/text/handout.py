"""The printed handout's own words beyond the steps: dose, what to expect, the next-day rule, the neck."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "handout.dose_title": "How much",
    "handout.dose": (
        "Unless your clinician set a programme: 5 to 10 slow repetitions, once or twice a day. "
        "Each repetition takes about 10 seconds; never hold a position."
    ),
    "handout.response_title": "What to expect",
    "handout.response": (
        "A mild stretch, tingling or pulling that fades within a few minutes of stopping is acceptable. "
        "Stop if symptoms spread further down the leg, build with each repetition, or linger."
    ),
    "handout.next_day": (
        "The next day: if your symptoms are no worse than usual, carry on. If they are worse, make the "
        "movement smaller or do fewer repetitions; if they are still worse, stop and ask your clinician."
    ),
    "handout.neck": (
        "Your neck: move your head gently and only as far as is comfortable. If looking up or down makes you "
        "dizzy, or brings on pain or tingling in the arms, keep your head level and tell your clinician."
    ),
    "handout.part_way": (
        "Your movement is part way ({range} % of the full glide): straighten the knee only part way, but still "
        "sit up tall, look up a little past level and bring the toes up to at least a right angle."
    ),
    "handout.frame.2.part": "Knee part way straight, sitting tall",
}
