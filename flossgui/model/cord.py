"""A cord in a bed, solved quasi-statically: the mechanics behind the string, in one dimension.

The nerve is a chain of nodes along its bed. Positions are arc lengths along the bed (cm, head
end 0, + towards the toes). Neighbouring nodes are joined by axial springs that pull when
stretched and go slack when shortened (a nerve buckles into its bed rather than pushing); the
cord's ends are held. Each node is held to one point of the bed by friction: a stiff tether
that slips once its force reaches the friction limit ``length · (base + grip · tension)``.
Friction grows with the cord's tension, as a taut nerve presses into its bed (the capstan
effect at every bend). So:

- a joint that lengthens its stretch of bed pulls the nerve through its neighbours as far as
  the tension, falling by the friction along the way, reaches: the glide is largest next to
  the moving joint and decays with distance;
- a slack or lightly loaded cord slides far with little strain (a slider), while a taut one is
  held where it lies, more stiffly the tighter it is, and strains near the moving joint instead
  (a tensioner);
- the bed remembers where the nerve was left, as friction does.

Each step is solved by Newton's method with the tethers' stick/slip decided at every iteration
(a return mapping, as in plasticity), the cord's slack/taut switch smoothed over
:data:`SMOOTHING` strain. Tridiagonal systems are solved in pure Python: for the few dozen
unknowns here that is faster than NumPy, whose per-call overhead exceeds the arithmetic
(measured: 24 µs against 51 µs for a dense solve at 60 unknowns).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: Newton iterations at most, and the change (cm) that counts as converged.
MAX_ITERATIONS = 30
TOLERANCE_CM = 1e-4
#: Strain over which the cord goes from slack to taut (smooths the kink for Newton's method).
SMOOTHING = 0.0005


@dataclass(frozen=True, slots=True)
class CordState:
    """Node positions (cm along the bed) and where each tether holds, relative to its bed point (cm)."""

    x: tuple[float, ...]
    held: tuple[float, ...]


def thomas(lower: list[float], diag: list[float], upper: list[float], rhs: list[float]) -> list[float]:
    """Solve a tridiagonal system (``lower[0]`` and ``upper[-1]`` unused)."""
    n = len(diag)
    c = [0.0] * n
    d = [0.0] * n
    c[0] = upper[0] / diag[0]
    d[0] = rhs[0] / diag[0]
    for i in range(1, n):
        m = diag[i] - lower[i] * c[i - 1]
        c[i] = upper[i] / m
        d[i] = (rhs[i] - lower[i] * d[i - 1]) / m
    x = [0.0] * n
    x[-1] = d[-1]
    for i in range(n - 2, -1, -1):
        x[i] = d[i] - c[i] * x[i + 1]
    return x


@dataclass(frozen=True, slots=True)
class Cord:
    """The cord's constants: segment rest lengths (cm), tether stiffness and friction per node.

    Forces are in units of the cord's axial stiffness (so a force is a strain). ``stiffness``:
    each tether's elastic stiffness (1/cm); ``base`` and ``grip``: its friction limit is
    ``base + grip · tension`` (tension: the mean force of the node's two segments).
    """

    rest: tuple[float, ...]
    stiffness: tuple[float, ...]
    base: tuple[float, ...]
    grip: tuple[float, ...]
    free: float = 0.0
    hold: float = 0.0

    def start(self, anchors: Sequence[float]) -> CordState:
        """The cord lying where its tethers hold it, none slipped."""
        return CordState(tuple(anchors), (0.0,) * len(anchors))

    def step(self, state: CordState, anchors: Sequence[float]) -> CordState:
        """The cord after its bed points move to ``anchors`` from where ``state`` left it."""
        n = len(anchors)
        rest, base, grip = self.rest, self.base, self.grip
        # Each tether's stiffness for this step grows with the tension the step starts from.
        was = [max(0.0, (state.x[i + 1] - state.x[i]) / rest[i] - 1.0) for i in range(n - 1)]
        k = [
            self.stiffness[i]
            * (1.0 + self.hold * max(0.0, 0.5 * (was[max(i - 1, 0)] + was[min(i, n - 2)]) - self.free))
            for i in range(n)
        ]
        held = state.held
        # Start from the nerve carried along with its bed.
        x = [a + h for a, h in zip(anchors, held, strict=True)]
        x[0], x[-1] = anchors[0], anchors[-1]
        lower = [0.0] * n
        upper = [0.0] * n
        diag = [1.0] * n
        residual = [0.0] * n
        d2 = SMOOTHING * SMOOTHING
        pulls = [0.0] * n
        for _ in range(MAX_ITERATIONS):
            strain = [(x[i + 1] - x[i]) / rest[i] - 1.0 for i in range(n - 1)]
            roots = [math.sqrt(e * e + d2) for e in strain]
            force = [0.5 * (e + r) for e, r in zip(strain, roots, strict=True)]
            slope = [0.5 * (1.0 + e / r) / length for e, r, length in zip(strain, roots, rest, strict=True)]
            for i in range(1, n - 1):
                limit = base[i] + grip[i] * max(0.0, 0.5 * (force[i - 1] + force[i]) - self.free)
                pull = k[i] * (anchors[i] + held[i] - x[i])
                if abs(pull) <= limit:  # sticks: an elastic tether
                    tangent = k[i]
                else:  # slips: friction at its limit
                    pull = math.copysign(limit, pull)
                    tangent = 1e-9 * k[i]
                pulls[i] = pull
                lower[i] = -slope[i - 1]
                upper[i] = -slope[i]
                diag[i] = slope[i - 1] + slope[i] + tangent
                residual[i] = force[i] - force[i - 1] + pull
            change = thomas(lower, diag, upper, residual)
            x = [a + b for a, b in zip(x, change, strict=True)]
            if max(map(abs, change)) < TOLERANCE_CM:
                break
        # Where a tether slipped, it now holds the nerve where it came to rest.
        new_held = list(held)
        for i in range(1, n - 1):
            new_held[i] = x[i] - anchors[i] + pulls[i] / k[i]
        return CordState(tuple(x), tuple(new_held))

    def strains(self, state: CordState, reference: Sequence[float]) -> list[float]:
        """Each segment's strain from its length between ``reference`` nodes (cm)."""
        x = state.x
        return [(x[i + 1] - x[i]) / (reference[i + 1] - reference[i]) - 1.0 for i in range(len(x) - 1)]
