"""Errors in what a user gave us: a file, a field in it, or a command-line option.

An :class:`InputError` is raised at the edge (a loader, the CLI), carries everything a
person needs to fix the input, and is shown once, on one line, without a traceback.
"""

from __future__ import annotations

MAX_PART_CHARS = 200  # a part quoting a huge value is cut short


def printable(text: str, limit: int = MAX_PART_CHARS) -> str:
    """``text`` safe to print on one line anywhere: control characters (terminal escapes,
    newlines) and undecodable bytes of a file name (lone surrogates) are shown escaped, and
    more than ``limit`` characters are cut to ``limit`` with "…"."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else ch.encode("unicode_escape").decode("ascii")
        for ch in text.replace("\n", " ").replace("\t", " ")
    )


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
        """The one-line message shown to the user: printable, and never very long."""
        source, field = printable(self.source, 1000), printable(self.field)
        where = f"{source}: {field}" if field else source
        text = f"{where}: {printable(self.problem)}"
        if self.allowed:
            text += f" (allowed: {printable(self.allowed, 1000)})"
        return " ".join(text.split())  # always one line
