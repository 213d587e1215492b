"""A cord in a bed, solved quasi-statically: the mechanics behind the string, in one dimension.

The nerve is a chain of nodes along its bed. Positions are arc lengths along the bed (cm, head
end 0, + towards the toes). Each node is tethered to one point of the bed (its anchor) by an
elastic tether (the loose connective tissue around a nerve), and neighbouring nodes are joined
by axial springs that pull when stretched and go slack when shortened (a nerve buckles into its
bed rather than pushing). So a joint that lengthens its stretch of bed drags the nearby nerve
with it: the glide is largest next to the moving joint and decays with distance, over a length
``sqrt(EA / k)`` (axial stiffness over tether stiffness per unit length).

The tethers grip harder as the cord tightens, as a taut nerve presses into its bed (friction
proportional to the normal force, which grows with tension round a bend): stiffness
``k (1 + GRIP · strain)``. A taut cord therefore strains near the moving joint rather than
sliding far, the "slack, glide, strain" sequence. This form is our inference; its constants
are fitted to the published glide figures (see :mod:`flossgui.model.neuro_figures`).

Each solve is a handful of tridiagonal linear systems (Thomas algorithm) for the slack segments
and the grip, each started from the same guess, so the result depends only on the anchors:
a frame is a function of the pose, never of the frames before it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Iterations of the slack/grip fixed point at most, and the change (cm) that counts as converged.
MAX_ITERATIONS = 40
TOLERANCE_CM = 1e-6
#: Strain over which the cord goes from slack to taut (smooths the kink for Newton iterations).
SMOOTHING = 0.0005


def thomas(lower: list[float], diag: list[float], upper: list[float], rhs: list[float]) -> list[float]:
    """Solve a tridiagonal system (``lower[0]`` and ``upper[-1]`` unused); pure Python.

    For the few dozen unknowns here this is faster than NumPy, whose per-call overhead exceeds
    the arithmetic (measured: 24 µs against 51 µs for a dense solve at 60 unknowns).
    """
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


def solve(
    anchors: Sequence[float],
    rest: Sequence[float],
    tether: Sequence[float],
    grip: float = 0.0,
    free: float = 0.0,
) -> tuple[list[float], list[float]]:
    """Node positions and segment strains of a cord in equilibrium with its bed.

    ``anchors``: each node's tether point (cm along the bed; the first and last nodes are held
    there: the cord's ends). ``rest``: each segment's unstrained length (cm). ``tether``: each
    node's tether stiffness over the cord's axial stiffness (1/cm).  Strains are negative where a segment is slack.

    Newton's method on the equilibrium equations, with a cord force that goes smoothly from 0
    (slack) to the strain (taut) over :data:`SMOOTHING`, so the iteration cannot cycle and the
    glide is continuous in the pose.
    """
    n = len(anchors)
    x = list(anchors)
    lower = [0.0] * n
    upper = [0.0] * n
    diag = [1.0] * n
    residual = [0.0] * n
    d2 = SMOOTHING * SMOOTHING
    for _ in range(MAX_ITERATIONS):
        strain = [(x[i + 1] - x[i]) / rest[i] - 1.0 for i in range(n - 1)]
        roots = [math.sqrt(e * e + d2) for e in strain]
        force = [0.5 * (e + r) for e, r in zip(strain, roots, strict=True)]
        slope = [0.5 * (1.0 + e / r) / length for e, r, length in zip(strain, roots, rest, strict=True)]
        for i in range(1, n - 1):
            extra = 0.5 * (force[i - 1] + force[i]) - free
            k = tether[i] * (1.0 + 0.5 * grip * (extra + math.sqrt(extra * extra + d2)))
            lower[i] = -slope[i - 1]
            upper[i] = -slope[i]
            diag[i] = slope[i - 1] + slope[i] + k
            residual[i] = force[i] - force[i - 1] + k * (anchors[i] - x[i])
        step = thomas(lower, diag, upper, residual)
        x = [a + b for a, b in zip(x, step, strict=True)]
        if max(map(abs, step)) < TOLERANCE_CM:
            break
    return x, [(x[i + 1] - x[i]) / rest[i] - 1.0 for i in range(n - 1)]
