"""The grade ladder and the "part way" captions: words for a smaller or simpler floss."""

from __future__ import annotations

TEXT: dict[str, str] = {
    # The ladder (flossgui/model/grades.py), gentlest first.
    "grade.knee": "Knee only",
    "grade.knee.about": "Sitting tall with your head level, straighten and bend the knee.",
    "grade.ankle-head": "Ankle and head only",
    "grade.ankle-head.about": "Knee bent, bring the toes up as you look up, then point them as the chin comes down.",
    "grade.combined-small": "Whole movement, part way",
    "grade.combined-small.about": "The whole floss, with the knee straightening about half way.",
    "grade.combined": "Whole movement",
    "grade.combined.about": "The whole floss: knee straight, sitting tall, toes up and looking up.",
    # The grade exercises (assets/exercises/floss-knee.toml, floss-ankle-head.toml).
    "title.floss_knee": "Nerve floss: knee only",
    "title.floss_ankle_head": "Nerve floss: ankle and head only",
    "cue.knee_straighten": "Sit tall, head level, toes gently pointed. Slowly straighten the knee.",
    "cue.knee_straighten.part": "Sit tall, head level, toes gently pointed. Slowly straighten the knee part way.",
    "cue.knee_bend": "Slowly bend the knee back to the start.",
    "cue.ankle_head_up": "Knee bent, sitting tall: draw your toes up towards you as you look up.",
    "cue.ankle_head_up.part": "Knee bent, sitting tall: draw your toes up a little as you look up.",
    "cue.ankle_head_down": "Point your toes as you bring your chin down.",
    "cue.ankle_head_down.part": "Point your toes a little as you bring your chin down a little.",
    # Spoken cues for the grade exercises (see flossgui/text/home.py).
    "spoken.knee_straighten": "Straighten the knee.",
    "spoken.knee_bend": "Bend the knee.",
    "spoken.ankle_head_up": "Toes up, eyes up.",
    "spoken.ankle_head_down": "Toes down, chin down.",
    # The floss with a reduced range ("How far to move" below 100 %).
    "cue.straighten.part": (
        "Slowly straighten the knee part way as you sit up tall and raise your head. Toes stay pointed."
    ),
    "cue.toes_up.part": "Now draw your toes up towards you and look up a little.",
    "cue.slump.part": "Let yourself slump a little, chin a little down, as the knee bends back to the start.",
}
