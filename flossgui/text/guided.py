"""Guided sessions, the programme builder and the printed handout."""

from __future__ import annotations

TEXT: dict[str, str] = {
    # Guided session.
    "guided.start": "Start my session",
    "guided.start_again": "Start another session",
    "guided.stop": "Stop my session",
    "guided.get_ready": "Get ready: sit slumped, chin down, knee bent, toes pointed.",
    "guided.plan": "Today: {sets} of {reps}, {rest} s rest\n{side} · {range} % of the full movement",
    "guided.plan.own": ("Your session: {sets} of {reps}, {rest} s rest\n{side} · {range} % of the full movement"),
    "guided.confirm.title": "Start your programme?",
    "guided.confirm.text": "Your session will follow this programme:\n\n{plan}",
    "guided.confirm.start": "Start",
    "guided.confirm.cancel": "Not now",
    "guided.close.title": "Your session is not finished",
    "guided.close.text": (
        "Keep going, or end the session now? If you end it, everything you did so far is saved, "
        "this set's reps included."
    ),
    "guided.close.keep_going": "Keep going",
    "guided.close.end": "End and save",
    "guided.side.left": "Left leg",
    "guided.side.right": "Right leg",
    "guided.side.both": "Both legs, one after the other",
    "guided.rest.title": "Rest",
    "guided.rest.seconds": "{seconds} s",
    "guided.rest.next": "Next: set {set} of {sets}, {side}",
    "guided.rest.answer_first": "Please answer first: the next set waits for you.",
    "guided.rest.waiting": "The rest is over. Answer when you are ready.",
    "guided.rest.thanks": "Thank you. The next set begins when the rest is over.",
    "guided.rest.smaller": "The movement is now smaller ({percent} %). Go gently.",
    "guided.rest.skip": "Start the next set now",
    "guided.caption.answer_first": "Rest now. Tell us below how you feel; the next set waits for your answer.",
    "guided.caption.rest_over": "The rest is over. Tell us below how you feel, then the next set begins.",
    "guided.caption.last_check": "All sets done. Tell us below how you feel.",
    "guided.finish.title": "Well done!",
    "guided.finish.asking_title": "That was the last set",
    "guided.finish.smaller": "Your next session will use a smaller movement: {percent} % instead of {now} %.",
    "guided.finish.leave": (
        "Leave the exercise for today and let things settle. Tell your clinician it made your symptoms worse."
    ),
    "guided.finish.stopped_title": "Stopped for today",
    "guided.finish.done": "You did {reps} in {sets}.",
    "guided.finish.reminder": "Remember",
    "guided.finish.back": "Back to the exercise",
    "guided.history_unavailable": "Your exercise history could not be opened, so this session will not be saved.",
    # Menus.
    "menu.session": "&Session",
    "menu.start": "&Start guided session",
    "menu.stop": "S&top session",
    "menu.mute": "&Mute sounds",
    "menu.no_sound": "No sound here (no audio device)",
    "sound.off": "Sound off: no audio device",
    "sound.off.why": "{reason}. Run 'flossgui doctor --sound' to check.",
    "menu.history": "&History…",
    "menu.programme": "&Programme…",
    "menu.export": "&Export",
    "menu.export_handout": "Export &handout…",
    "menu.export_animation": "Export &animation…",
    "menu.export_done": "Saved {path}.",
    "menu.export_failed": "Could not save {path}: {reason}",
    "history.window": "Your exercise history",
    # Programme builder.
    "programme.window": "Home programme",
    "programme.title": "Title",
    "programme.notes": "Notes for the patient",
    "programme.reps": "Reps in each set",
    "programme.sets": "Sets (each leg)",
    "programme.rest": "Rest between sets",
    "programme.tempo": "Seconds per rep",
    "programme.side": "Leg",
    "programme.side.both": "Both, in turn",
    "programme.range": "Range of movement",
    "programme.open": "&Open…",
    "programme.save": "&Save as…",
    "programme.use": "&Use now",
    "programme.file_filter": "Programme files (*.toml)",
    "programme.saved": "Saved to {path}.",
    "programme.error": "Could not use this file: {reason}",
    # The printed handout.
    "handout.title": "Seated nerve floss: your home exercise",
    "handout.intro": (
        "A gentle, continuous movement that helps the sciatic nerve slide freely between the lower back and "
        "the foot. Go slowly and smoothly; never hold a position."
    ),
    "handout.frame.1": "Start: slumped, chin down",
    "handout.frame.2": "Knee straight, sitting tall",
    "handout.frame.3": "Toes up, looking up",
    "handout.frame.4": "Back down to the start",
    "handout.steps_title": "How to do it",
    "handout.step.1": "Sit on a firm chair or the edge of your bed, knees bent. A higher seat makes it easier.",
    "handout.step.2": "Let your back round and your chin drop towards your chest. Point the toes of the sore leg.",
    "handout.step.3": "Slowly straighten that knee while you sit up tall and raise your head. Keep the toes pointed.",
    "handout.step.4": "With the knee straight, draw your toes up towards you and look up.",
    "handout.step.5": "Come back the same way: head level and toes pointed, then slump as the knee bends again.",
    "handout.step.6": "Keep it flowing from one step to the next, like a slow wave. Then repeat.",
    "handout.programme_title": "Your programme",
    "handout.programme": "{reps} × {sets}{each} · {rest} s rest · about {tempo} s per rep",
    "handout.programme_each": " on each leg",
    "handout.programme_side": "{side} · {range} % of the full movement",
    "handout.no_programme": "Do the reps and sets your clinician suggested. Do fewer if your symptoms increase.",
    "handout.safety_title": "Safety",
    "handout.string_title": "Think of a string",
    "handout.footer": "Made with flossgui. Stop and ask your clinician if you are unsure.",
}

#: Texts that depend on a number: (singular, plural), chosen by ``trn(key, n)``; ``{n}`` is the number.
PLURAL: dict[str, tuple[str, str]] = {
    "count.reps": ("{n} rep", "{n} reps"),
    "count.sets": ("{n} set", "{n} sets"),
    "guided.finish.stopped": (
        "You stopped after {n} rep. Stopping when symptoms increase is the right thing to do. "
        "Let things settle and try again another day with a smaller movement.",
        "You stopped after {n} reps. Stopping when symptoms increase is the right thing to do. "
        "Let things settle and try again another day with a smaller movement.",
    ),
}
