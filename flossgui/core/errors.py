"""Errors in what a user gave us: a file, a field in it, or a command-line option.

An :class:`InputError` is raised at the edge (a loader, the CLI), carries everything a
person needs to fix the input, and is shown once, on one line, without a traceback.
"""

from __future__ import annotations


class InputError(ValueError):
    """A value the user supplied is not allowed.

    ``source`` names the file (or ``"--option"``), ``field`` the key inside it (may be
    empty), ``problem`` what is wrong and ``allowed`` what would be accepted.
    """

    def __init__(self, source: str, field: str, problem: str, allowed: str = "") -> None:
        self.source = str(source)
        self.field = field
        self.problem = problem
        self.allowed = allowed
        super().__init__(self.message())

    def message(self) -> str:
        """The one-line message shown to the user."""
        where = f"{self.source}: {self.field}" if self.field else self.source
        text = f"{where}: {self.problem}"
        if self.allowed:
            text += f" (allowed: {self.allowed})"
        return " ".join(text.split())  # always one line
