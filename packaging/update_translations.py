"""Bring ``assets/translations/LANG.po`` in line with the English text tables.

Run ``python packaging/update_translations.py`` after adding or changing English texts in
``flossgui/text/``: every text id gets an entry (new ones with an empty translation), a
translation whose English source changed is kept but marked fuzzy (so it is not shown until a
translator confirms it), and entries for ids that no longer exist are dropped. Then fill in the
empty and fuzzy entries (any .po editor will do, e.g. Poedit) and run ``make test``:
``tests/text/test_translations.py`` lists whatever is still missing.

Entries are keyed by ``msgctxt`` = the text id; ``msgid`` is the English source.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flossgui.core.errors import InputError  # noqa: E402
from flossgui.text import PLURAL, TEXT  # noqa: E402
from flossgui.text.catalog import Catalog, Entry, load, quote  # noqa: E402
from flossgui.text.translate import LANGUAGES, SOURCE, translations_path  # noqa: E402

PLURAL_FORMS = {"es": "nplurals=2; plural=(n != 1);", "de": "nplurals=2; plural=(n != 1);"}
NAMES = {"es": "Spanish", "de": "German"}


def header(language: str) -> list[str]:
    return [
        f"# {NAMES[language]} translations of flossgui. Awaiting clinical review by a native-speaking physiotherapist.",
        "# Update with packaging/update_translations.py; see that script for how.",
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: flossgui\\n"',
        f'"Language: {language}\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        f'"Plural-Forms: {PLURAL_FORMS[language]}\\n"',
        "",
    ]


def entry_lines(key: str, source: str | tuple[str, str], old: Entry | None) -> list[str]:
    plural = isinstance(source, tuple)
    one, many = source if isinstance(source, tuple) else (source, None)
    forms: tuple[str, ...] = ("", "") if plural else ("",)
    lines = []
    if old is not None and (old.source, old.source_plural) == (one, many):
        forms = old.forms if len(old.forms) == len(forms) else forms
        if old.fuzzy:
            lines.append("#, fuzzy")
    elif old is not None and any(old.forms):
        lines += ["#, fuzzy", f"#| msgid {quote(old.source)}"]  # the English changed: check the translation
        forms = old.forms if len(old.forms) == len(forms) else forms
    lines += [f"msgctxt {quote(key)}", f"msgid {quote(one)}"]
    if many is not None:
        lines.append(f"msgid_plural {quote(many)}")
        lines += [f"msgstr[{i}] {quote(form)}" for i, form in enumerate(forms)]
    else:
        lines.append(f"msgstr {quote(forms[0])}")
    return [*lines, ""]


def write(language: str, catalog: Catalog) -> tuple[int, list[str]]:
    """Write the .po file; returns the number of untranslated entries and the dropped ids."""
    lines = header(language)
    missing = 0
    sources: dict[str, str | tuple[str, str]] = {**TEXT, **PLURAL}
    for key, source in sources.items():
        old = catalog.entries.get(key)
        block = entry_lines(key, source, old)
        missing += "#, fuzzy" in block or any(line.endswith(' ""') and line.startswith("msgstr") for line in block)
        lines += block
    translations_path(language).write_text("\n".join(lines), encoding="utf-8")
    return missing, sorted(catalog.entries.keys() - sources.keys())


def main() -> None:
    for language in LANGUAGES:
        if language == SOURCE:
            continue
        path = translations_path(language)
        try:
            catalog = load(path, language) if path.exists() else Catalog(language)
        except InputError as exc:
            sys.exit(str(exc))
        missing, dropped = write(language, catalog)
        print(f"{path.relative_to(ROOT)}: {missing} to translate or check; dropped: {', '.join(dropped) or 'none'}")


if __name__ == "__main__":
    main()
