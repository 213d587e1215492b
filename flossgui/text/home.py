"""Guided home sessions: spoken cues, the between-sets check and the history screen."""

from __future__ import annotations

TEXT: dict[str, str] = {
    # Spoken cues, one short phrase per phase cue of the exercise (keyed by the cue id's tail). Each is said
    # during the step before its own and must end as its step begins, so it must be shorter than that step
    # (1.5 s at normal speed for toes up and level): keep them this short in every language.
    "spoken.straighten": "Straighten the knee and sit up.",
    "spoken.toes_up": "Toes up, eyes up.",
    "spoken.level": "Head level, point.",
    "spoken.slump": "Slump down slowly.",
    "spoken.count_in": "Get ready.",
    "spoken.go": "Begin.",
    "spoken.set_done": "That set is done. Have a rest.",
    "spoken.rest_over": "The rest is over.",
    "spoken.finished": "All done for today. Well done.",
    # The check after a set, asked aloud (and again every 20 s until answered), and its answers said back.
    "spoken.question": (
        "How are your symptoms, compared with before this set? Press 1 if better, 2 if the same, 3 if worse."
    ),
    "spoken.better": "Better.",
    "spoken.same": "The same.",
    "spoken.worse": "Worse.",
    # The check between sets.
    "symptoms.question": "Compared with before this set, your symptoms are:",
    "symptoms.better": "&Better",
    "symptoms.same": "S&ame",  # Alt+S opens the Session menu
    "symptoms.worse": "&Worse",
    "symptoms.keys": "Or press 1, 2 or 3 on the keyboard.",
    "symptoms.worse_advice": (
        "If the exercise brings on your symptoms or makes them stronger, do less: make the movement "
        "smaller or do fewer repetitions. Or stop for today and try again once things have settled."
    ),
    "symptoms.check_smaller": "Make the movement sma&ller",
    "symptoms.check_stop": "S&top for today",
    "symptoms.carry_on": "&Carry on",
    # The same check after the last set: nothing left to carry on into, so the advice looks ahead.
    "symptoms.last.worse_advice": (
        "Thank you for telling us. Let things settle now. Next time, make the movement smaller or do "
        "fewer repetitions. If it keeps making your symptoms worse, leave the exercise and tell your clinician."
    ),
    "symptoms.last.smaller": "A sma&ller movement next time",
    "symptoms.last.stop": "Leave it for today and &tell my clinician",
    # The history screen.
    "history.reps_title": "Repetitions per day",
    "history.reps_axis": "reps",
    "history.range_title": "Range of movement",
    "history.range_axis": "% of the full glide",
    "history.date_axis": "Date",
    "history.recent": "Recent sessions",
    "history.export": "&Export CSV…",
    "history.export_title": "Save your exercise history",
    "history.export_failed": "Could not save the file: {reason}",
    "history.empty": "No sessions yet. Your sessions will appear here.",
    "history.col.date": "Date",
    "history.col.side": "Side",
    "history.col.sets": "Sets",
    "history.col.reps": "Reps",
    "history.col.range": "Range",
    "history.col.speed": "Speed",
    "history.col.symptoms": "After each set",
    "history.increased": "symptoms increased during a set (×{count})",
    "history.side.left": "Left",
    "history.side.right": "Right",
    "history.side.both": "Both",
    "history.unreadable": "Your diary could not be read just now: {reason}",
    # Said once, the first time the app finds its diary damaged.
    "history.damaged": (
        "Your exercise diary was damaged, so a new one has been started. The damaged diary was kept, "
        "unchanged, as {path}."
    ),
    "history.damaged_restored": (
        "Your exercise diary was damaged, so it has been put back as it was on {day} from its daily copy. "
        "Sessions after that are not in it. The damaged diary was kept, unchanged, as {path}."
    ),
}

#: Texts that depend on a number: (singular, plural), chosen by ``trn(key, n)``; ``{n}`` is the number.
PLURAL: dict[str, tuple[str, str]] = {
    "history.export_done": ("Saved {n} session to {path}.", "Saved {n} sessions to {path}."),
}
