"""The exercise's own words: titles, step cues, the string idea and the safety notes."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "title.floss": "Seated nerve floss",
    "title.tensioner": "Nerve tensioner (for comparison)",
    "title.mistake": "Common mistake: chin kept down",
    # One cue per phase of the movement, in the app's own words.
    "cue.start": "Sit slumped, chin resting down, knee bent, toes pointed.",
    "cue.straighten": "Slowly straighten the knee as you sit up tall and raise your head. Toes stay pointed.",
    "cue.toes_up": "Now draw your toes up towards you and look up.",
    "cue.level": "Bring your head back to level and point your toes away again.",
    "cue.slump": "Let yourself slump, chin down, as the knee bends back to the start.",
    "cue.tensioner": "Straighten the knee while keeping the chin down (a tensioner: far more strain).",
    # The string idea.
    "string.short": "Think of a string running from your head to your toes.",
    "string.long": (
        "Picture a string that runs from the top of your head, down your back and leg, to your toes. "
        "When the knee straightens, the string draws the head up and back. When the knee bends, "
        "the string goes loose and the head can drop. The aim is to slide the string to and fro, "
        "smoothly, without ever pulling it tight."
    ),
    # Safety.
    "safety.title": "Before you start",
    "safety.not_yet": (
        "Not yet, if you have strong or spreading tingling, numbness or pins and needles in your "
        "buttock or leg: wait until it settles, and ask your clinician."
    ),
    "safety.stop": (
        "If the movement starts or worsens your symptoms, make the movement smaller, or stop and "
        "try again once things have calmed down."
    ),
    "safety.glide": "Keep it slow and smooth. This is a glide, not a stretch: never hold a position.",
    "safety.seek_help": (
        "Go to an emergency department or call an ambulance (999, 112 or 911) now if you have numbness "
        "around the groin, bottom or inner thighs (saddle numbness), new problems with bladder, bowel or "
        "sexual function, sciatica in both legs, or weakness in a leg that is quickly getting worse."
    ),
    "safety.see_doctor": (
        "See a doctor soon if you have pain at night that does not ease, fever or weight loss you cannot "
        "explain, a history of cancer, or recent surgery or an injury such as a fall."
    ),
}
