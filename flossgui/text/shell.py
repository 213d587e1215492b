"""Words of the window's frame: the Playback, View and Help menus, the side sheet and the help pages."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "menu.playback": "&Playback",
    "menu.language": "&Language",
    "language.system": "The system's language",
    "language.next_start": "flossgui will be in {language} from the next time it starts.",
    "step.start": "Starting position",
    "action.play_pause": "&Play or pause",
    "action.previous_step": "Pre&vious step",
    "action.next_step": "&Next step",
    "action.faster": "&Faster",
    "action.slower": "&Slower",
    "action.more_range": "&Move further",
    "action.less_range": "Move &less far",
    "action.fullscreen": "F&ull screen",
    "action.text_larger": "&Larger text",
    "action.text_smaller": "S&maller text",
    "action.text_normal": "&Normal text size",
    "action.side_sheet": "Show the &set-up panel",
    "side_sheet.button": "Set-up",
    "side_sheet.session": "Reps and sets",
    "side_sheet.setup": "Your set-up",
    "help.exercise": "&How to do the exercise",
    "help.keys": "&Keys",
    "help.safety": "&Safety card",
    "help.about": "&About flossgui",
    "help.exercise.title": "How to do the nerve floss",
    "help.exercise.text": (
        "Sit on a chair or the edge of a bed. Start slumped: back rounded, chin down towards your chest, "
        "the knee bent and the toes pointed.\n\n"
        "1. Slowly straighten the knee while you sit up tall and lift your head, toes still pointed.\n"
        "2. Then bring your toes up towards you while you look up.\n"
        "3. Come back the same way: toes pointed and head level, then bend the knee as you slump again.\n\n"
        "Keep it one smooth, slow glide and never hold a position. It should feel like a gentle "
        "pull at most, never pain. If your symptoms increase, make the movement smaller or stop "
        "for today. Your clinician may set a different dose."
    ),
    "help.keys.title": "Keys",
    "help.about.title": "About flossgui",
    "help.about.text": (
        "flossgui {version}\n\nAn animated guide to the seated lumbar nerve floss (sciatic nerve glide). "
        "It does not replace advice from your clinician."
    ),
    "text_size.notice": "Text size {percent} %",
    "programme.error.title": "The programme cannot be opened",
    "instance.running": "flossgui is already open: its window has been brought forward.",
    "instance.running_silent": (
        "flossgui is already open, but its window did not answer: look for it, or close it and start again."
    ),
}
