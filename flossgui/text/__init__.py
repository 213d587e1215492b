"""Every sentence a patient reads, in one package, so a clinician can review it without code.

Strings are English source text keyed by id, grouped by topic in the modules of this
package. Qt code shows them through ``QCoreApplication.translate(CONTEXT, text)`` so they can
be translated later; pure code (CLI, exports) uses them as they are. Exercise files refer to
cues and titles by id.
"""

from __future__ import annotations

from flossgui.text import clinician, core, grades, guided, handout, home, kiosk, nerve, seat, shell, window

CONTEXT = "flossgui"

#: All texts by id; ids are unique across the topic modules.
TEXT: dict[str, str] = {}
for _module in (core, grades, guided, handout, home, nerve, seat, window, shell, clinician, kiosk):
    _clash = TEXT.keys() & _module.TEXT.keys()
    if _clash:
        raise RuntimeError(f"text ids defined twice: {sorted(_clash)}")
    TEXT.update(_module.TEXT)


def text(key: str) -> str:
    """The English source text for ``key`` (KeyError if there is none)."""
    return TEXT[key]
