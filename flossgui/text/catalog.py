"""Translations as gettext ``.po`` files, read at run time (no build step, no Qt).

Each entry's ``msgctxt`` is the text id, its ``msgid`` the English source it translates, so a
changed English text leaves the old translation unused (and the completeness test names it)
instead of silently showing an outdated sentence. Plural entries carry ``msgid_plural`` and one
``msgstr[i]`` per form of the language's ``Plural-Forms`` rule. Fuzzy entries are not used.
"""

from __future__ import annotations

import ast
import gettext
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flossgui.core.errors import InputError


@dataclass(frozen=True, slots=True)
class Entry:
    """One translated text: its id, the English it was made from, and its forms."""

    key: str
    source: str
    forms: tuple[str, ...]  # one for a plain text, one per plural form otherwise
    source_plural: str | None = None
    fuzzy: bool = False


@dataclass
class Catalog:
    """The translations of one language, by text id."""

    language: str
    entries: dict[str, Entry] = field(default_factory=dict)
    plural: Callable[[int], int] = field(default=lambda n: int(n != 1))  # form index for n (en, es, de)

    def text(self, key: str, source: str) -> str | None:
        """The translation of ``source`` (text ``key``), or None when it is missing, fuzzy or outdated."""
        entry = self.entries.get(key)
        if entry is None or entry.fuzzy or entry.source != source or not entry.forms[0]:
            return None
        return entry.forms[0]

    def plural_text(self, key: str, source: tuple[str, str], n: int) -> str | None:
        """The form of plural text ``key`` for ``n``, or None when missing, fuzzy or outdated."""
        entry = self.entries.get(key)
        if entry is None or entry.fuzzy or (entry.source, entry.source_plural) != source:
            return None
        index = self.plural(n)
        return entry.forms[index] if 0 <= index < len(entry.forms) and entry.forms[index] else None


_PLURAL_FORMS = re.compile(r"plural\s*=\s*([^;]+)")


def load(path: Path, language: str) -> Catalog:
    """Read a .po file; a malformed one raises InputError naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), "", f"cannot be read ({exc})", "a UTF-8 gettext .po file") from None
    catalog = Catalog(language)
    for entry in _entries(path, lines):
        if entry.key == "" and entry.source == "":
            if match := _PLURAL_FORMS.search(entry.forms[0]):
                catalog.plural = gettext.c2py(match.group(1).strip())
            continue
        catalog.entries[entry.key] = entry
    return catalog


def _entries(path: Path, lines: list[str]) -> Iterator[Entry]:
    """The entries of a .po file, in order."""
    fields: dict[str, str] = {}
    fuzzy = False
    current: str | None = None

    def finish() -> Entry | None:
        if "msgid" not in fields:
            return None
        forms = [fields[k] for k in sorted(k for k in fields if k.startswith("msgstr"))]
        return Entry(fields.get("msgctxt", ""), fields["msgid"], tuple(forms), fields.get("msgid_plural"), fuzzy)

    for number, raw in enumerate([*lines, ""], 1):
        line = raw.strip()
        if not line or (line.startswith("#") and fields):
            if entry := finish():
                yield entry
            fields, fuzzy, current = {}, False, None
            if not line:
                continue
        if line.startswith("#,"):
            fuzzy = fuzzy or "fuzzy" in line
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            keyword, rest = "", line
        elif keyword not in ("msgctxt", "msgid", "msgid_plural") and not re.fullmatch(r"msgstr(\[\d\])?", keyword):
            raise InputError(str(path), f"line {number}", f"unexpected {keyword!r}", "gettext .po syntax")
        try:
            value = ast.literal_eval(rest.strip())
        except (ValueError, SyntaxError):
            raise InputError(str(path), f"line {number}", "is not a quoted string", "gettext .po syntax") from None
        if not isinstance(value, str):
            raise InputError(str(path), f"line {number}", "is not a quoted string", "gettext .po syntax")
        if keyword:
            current = "msgstr[0]" if keyword == "msgstr" else keyword
            fields[current] = value
        elif current is None:
            raise InputError(str(path), f"line {number}", "continues nothing", "gettext .po syntax")
        else:
            fields[current] += value


def quote(text: str) -> str:
    """``text`` as a .po string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'
