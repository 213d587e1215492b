"""When the audio cues fire: a pure schedule over the playback's cycle position.

Cues sit at fixed cycle positions: each phase start inside a rep, and each whole rep.
:meth:`CueSchedule.between` returns the cues in the half-open interval ``(prev, now]``, so
calling it once per drawn frame with the previous frame's position gives every cue exactly
once at any speed, however many frames are dropped, and nothing when scrubbing backwards.

Each phase's spoken instruction (an INSTRUCTION cue) sits ahead of its phase by the clip's length
in cycles (:func:`instruction_leads`), so the patient hears what to do next and the words end as
that phase begins; at speeds where a clip would not fit, that phase gets no words.

Session events (set done, rest over, finished) come from the
:class:`~flossgui.model.session.SessionCounter`; :func:`session_cues` turns them into cues.
The get-ready countdown is a :class:`Countdown` and the repeated symptom question a
:class:`Reminder`, both read from the same monotonic clock.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from flossgui.model.exercise import Phase
from flossgui.model.session import Event


class CueKind(enum.IntEnum):
    """What a cue announces; a larger value matters more when several fall together."""

    INSTRUCTION = 0  # the words for phase ``phase``, spoken just before it begins (no sound of its own)
    QUESTION = 1  # the symptom question, asked (again) while it waits for its answer (no sound)
    PHASE = 2  # a new phase of the movement begins
    COUNT_IN = 3  # the countdown starts: get ready (its first number shows)
    COUNTDOWN = 4  # 2, 1 before the first rep
    GO = 5  # the countdown is over: start moving
    REP = 6  # a rep was completed (``count`` = reps done in this set)
    REST_OVER = 7  # the next set may start
    SET_DONE = 8  # a set was completed and a rest begins
    FINISHED = 9  # the last set was completed


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue. ``at`` is the cycle position (or clock time for the countdown) it belongs to."""

    kind: CueKind
    at: float = 0.0
    phase: int = 0  # index of the phase that begins (PHASE and REP)
    count: int = 0  # reps done in the set (REP), seconds left (COUNTDOWN)


#: Silence left between a phase's instruction and the phase itself (seconds).
INSTRUCTION_GAP_S = 0.1


class CueSchedule:
    """Phase and rep cues of one exercise, from its phases' start fractions."""

    def __init__(self, phases: Sequence[Phase]) -> None:
        if not phases or phases[0].start != 0.0:
            raise ValueError("phases must start at 0")
        self._starts = tuple(p.start for p in phases)
        self._ends = tuple(p.end for p in phases)

    def between(
        self,
        prev_cycles: float,
        cycles: float,
        set_start: int = 0,
        set_end: float = math.inf,
        leads: Sequence[float | None] = (),
    ) -> list[Cue]:
        """Cues at positions in ``(prev_cycles, cycles]``, in order of position.

        A whole rep gives one REP cue (it is also where the first phase begins, so no PHASE cue
        doubles it); its count is the reps done since ``set_start``, the playback's whole-rep
        count when the current set began. Rep boundaries at or before ``set_start`` give none.

        ``leads`` (from :func:`instruction_leads`) puts an INSTRUCTION cue ``leads[i]`` cycles
        before each start of phase ``i`` that lies inside the set, strictly between ``set_start``
        (the count-in leads the first one) and ``set_end`` (the set's last rep boundary).
        """
        cues: list[Cue] = []
        if not cycles > prev_cycles:
            return cues
        lead_max = max((lead for lead in leads if lead is not None), default=0.0)
        for rep in range(max(0, math.floor(prev_cycles)), math.floor(cycles + lead_max) + 1):
            for index, start in enumerate(self._starts):
                at = rep + start
                lead = leads[index] if index < len(leads) else None
                if lead is not None and set_start < at < set_end and prev_cycles < at - lead <= cycles:
                    cues.append(Cue(CueKind.INSTRUCTION, at - lead, index))
                if not prev_cycles < at <= cycles:
                    continue
                if index > 0:
                    cues.append(Cue(CueKind.PHASE, at, index))
                elif rep > set_start:
                    cues.append(Cue(CueKind.REP, at, 0, rep - set_start))
        cues.sort(key=lambda c: c.at)
        return cues

    def instruction_leads(
        self, clip_s: Mapping[int, float], cycle_s: float, count_s: float = 0.0
    ) -> tuple[float | None, ...]:
        """How far (in cycles) each phase's instruction starts before the phase, or None where it
        does not fit.

        ``clip_s`` holds each phase's clip length in seconds (a phase without one gets None),
        ``cycle_s`` is one rep in seconds at the current speed, and ``count_s`` what each rep's
        end takes before other words can follow (its chime, then the longest spoken count). An
        instruction is spoken during the phase before its own (after that phase's count, if it
        is the first), so it never overlaps the previous instruction: where it is longer than
        that (e.g. at high speeds), it is left out.
        """
        if cycle_s <= 0:
            raise ValueError("a rep must take some time")
        leads: list[float | None] = []
        for index in range(len(self._starts)):
            clip = clip_s.get(index)
            before = index - 1 if index else len(self._starts) - 1
            window_s = (self._ends[before] - self._starts[before]) * cycle_s
            if before == 0:
                window_s -= count_s
            needed_s = None if clip is None else clip + INSTRUCTION_GAP_S
            leads.append(None if needed_s is None or needed_s > window_s else needed_s / cycle_s)
        return tuple(leads)


_SESSION_KINDS = {
    Event.SET_DONE: CueKind.SET_DONE,
    Event.REST_OVER: CueKind.REST_OVER,
    Event.FINISHED: CueKind.FINISHED,
}


def session_cues(events: Iterable[Event]) -> list[Cue]:
    """Cues for the counter's set-level events (REP events are left to the schedule, in step with the figure)."""
    return [Cue(_SESSION_KINDS[e]) for e in events if e in _SESSION_KINDS]


#: Cues with a sound of their own (the others are only spoken).
SOUNDING = frozenset(CueKind) - {CueKind.INSTRUCTION, CueKind.QUESTION}


def loudest(cues: Sequence[Cue]) -> Cue | None:
    """The one cue to sound when several fall in the same frame (the latest of the most important)."""
    return max(reversed([c for c in cues if c.kind in SOUNDING]), key=lambda c: c.kind, default=None)


def to_speak(cues: Sequence[Cue]) -> list[Cue]:
    """The cues of one frame to speak, in order: of several of one kind (frames were dropped) only
    the latest, so the voice never runs behind the figure with stale counts or steps."""
    latest = {cue.kind: cue for cue in cues}
    return [cue for cue in cues if latest[cue.kind] is cue]


@dataclass(frozen=True, slots=True)
class Countdown:
    """Get ready: ``seconds`` whole seconds counted down from ``started_at`` (clock time)."""

    started_at: float
    seconds: int = 3

    def showing(self, now: float) -> int | None:
        """The number to show at ``now`` (3, 2, 1), or None once the countdown is over."""
        left = self.seconds - math.floor(now - self.started_at)
        return min(left, self.seconds) if left > 0 else None

    def done(self, now: float) -> bool:
        """True from the moment the countdown reaches zero."""
        return now - self.started_at >= self.seconds

    def between(self, prev_now: float | None, now: float) -> list[Cue]:
        """The COUNT_IN cue (3), COUNTDOWN cues (2, 1) and the GO cue whose times fall in ``(prev_now, now]``.

        ``prev_now`` is None on the first call, which includes the count-in at ``started_at``.
        """
        lo = -math.inf if prev_now is None else prev_now
        kinds = {0: CueKind.COUNT_IN, self.seconds: CueKind.GO}
        return [
            Cue(kinds.get(k, CueKind.COUNTDOWN), at, count=self.seconds - k)
            for k in range(self.seconds + 1)
            if lo < (at := self.started_at + k) <= now
        ]


#: How often an unanswered symptom question is asked again (seconds).
ASK_AGAIN_S = 20.0


@dataclass(frozen=True, slots=True)
class Reminder:
    """A question asked at ``started_at`` (clock time) and again every ``every`` seconds until answered."""

    started_at: float
    every: float = ASK_AGAIN_S

    def between(self, prev_now: float | None, now: float) -> list[Cue]:
        """One QUESTION cue if an asking time falls in ``(prev_now, now]`` (the latest, however many
        passed while no frame came); ``prev_now`` None includes the first, at ``started_at``."""
        if now < self.started_at:
            return []
        latest = self.started_at + math.floor((now - self.started_at) / self.every) * self.every
        if prev_now is not None and latest <= prev_now:
            return []
        return [Cue(CueKind.QUESTION, latest, count=round((latest - self.started_at) / self.every))]
