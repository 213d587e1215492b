"""The app's language: which one, and every text in it.

English (UK) is the source (:data:`flossgui.text.TEXT`); Spanish and German come from
``assets/translations/LANG.po`` (:mod:`flossgui.text.catalog`). The language is chosen once at
start: the one picked in the Language menu, else the first supported one in ``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` (gettext's order), else English. A text missing from a
translation falls back to English, so a new string never shows blank.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from flossgui.core.errors import InputError
from flossgui.core.resources import assets_dir
from flossgui.text import PLURAL, TEXT
from flossgui.text.catalog import Catalog, load

log = logging.getLogger(__name__)

SOURCE = "en"
#: Supported languages, by code, with their own names (for the Language menu).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "de": "Deutsch"}
_ENV_ORDER = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_catalog: Catalog | None = None


def from_environment(env: Mapping[str, str] = os.environ) -> str:
    """The first supported language the environment asks for, else English."""
    for var in _ENV_ORDER:
        value = env.get(var, "")
        if not value:
            continue
        for wanted in value.split(":"):
            code = wanted.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
        if var != "LANGUAGE":  # a set locale decides, even when it is one we do not have
            return SOURCE
    return SOURCE


def choose(setting: object = None, env: Mapping[str, str] = os.environ) -> str:
    """The language to use: ``setting`` (from the Language menu) if supported, else the environment's."""
    return setting if isinstance(setting, str) and setting in LANGUAGES else from_environment(env)


def translations_path(language: str) -> Path:
    """The .po file of ``language``."""
    return assets_dir() / "translations" / f"{language}.po"


def set_language(language: str) -> None:
    """Use ``language`` from now on (an unsupported or unreadable one gives English, with a log line)."""
    global _catalog
    if language not in LANGUAGES:
        log.warning("language %r is not supported (allowed: %s); using English", language, ", ".join(LANGUAGES))
        language = SOURCE
    catalog = Catalog(language)
    if language != SOURCE:
        try:
            catalog = load(translations_path(language), language)
        except InputError as exc:
            log.warning("%s; using English", exc)
            catalog = Catalog(SOURCE)
    _catalog = catalog


def language() -> str:
    """The language in use (chosen from the environment on first use)."""
    return _current().language


def _current() -> Catalog:
    if _catalog is None:
        set_language(from_environment())
    assert _catalog is not None
    return _catalog


def tr(key: str, **fields: object) -> str:
    """The text ``key`` in the current language, with its ``{name}`` fields filled in."""
    source = TEXT[key]
    text = _current().text(key, source) or source
    return text.format(**fields) if fields else text


def trn(key: str, n: int, **fields: object) -> str:
    """The plural text ``key`` in the form for ``n`` ("1 rep", "2 reps"); ``{n}`` and ``fields`` filled in."""
    one, many = PLURAL[key]
    text = _current().plural_text(key, (one, many), n) or (one if n == 1 else many)
    return text.format(n=n, **fields)
