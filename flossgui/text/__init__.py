"""Every sentence a patient reads, in one package, so a clinician can review it without code.

Strings are English (UK) source text keyed by id, grouped by topic in the modules of this
package; texts that depend on a number ("1 rep", "2 reps") sit in each module's ``PLURAL`` as
(singular, plural). Everything shown goes through :func:`flossgui.text.translate.tr` (or ``trn``
for plurals), which gives the current language's translation. Exercise files refer to cues and
titles by id.
"""

from __future__ import annotations

from flossgui.text import clinician, core, grades, guided, handout, home, kiosk, nerve, seat, shell, window

#: All texts by id; ids are unique across the topic modules.
TEXT: dict[str, str] = {}
#: Texts with a singular and a plural English form, by id (ids unique across both tables).
PLURAL: dict[str, tuple[str, str]] = {}
for _module in (core, grades, guided, handout, home, nerve, seat, window, shell, clinician, kiosk):
    _plural = getattr(_module, "PLURAL", {})
    _clash = (TEXT.keys() | PLURAL.keys()) & (_module.TEXT.keys() | _plural.keys())
    if _clash:
        raise RuntimeError(f"text ids defined twice: {sorted(_clash)}")
    TEXT.update(_module.TEXT)
    PLURAL.update(_plural)


def text(key: str) -> str:
    """The English source text for ``key`` (KeyError if there is none)."""
    return TEXT[key]
