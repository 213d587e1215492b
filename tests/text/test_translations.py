"""Every text in every language: no key missing, unused, outdated or with broken fields; plurals right.

When this fails after English texts changed: run ``python packaging/update_translations.py``, fill in
the entries listed below in ``assets/translations/LANG.po``, and run it again.
"""

from __future__ import annotations

import string

import pytest

from flossgui.core.errors import InputError
from flossgui.text import PLURAL, TEXT
from flossgui.text.catalog import load
from flossgui.text.translate import (
    LANGUAGES,
    SOURCE,
    choose,
    from_environment,
    language,
    set_language,
    tr,
    translations_path,
    trn,
)

TRANSLATED = [code for code in LANGUAGES if code != SOURCE]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_key_is_translated_and_none_is_unused(code):
    catalog = load(translations_path(code), code)
    missing = sorted(k for k, v in TEXT.items() if catalog.text(k, v) is None)
    missing += sorted(k for k, v in PLURAL.items() if any(catalog.plural_text(k, v, n) is None for n in (1, 2)))
    unused = sorted(catalog.entries.keys() - TEXT.keys() - PLURAL.keys())
    assert not missing and not unused, (
        f"{translations_path(code).name}: missing, fuzzy or outdated: {', '.join(missing) or 'none'}; "
        f"unused: {', '.join(unused) or 'none'} (run packaging/update_translations.py, then translate)"
    )


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_the_fields_and_the_shortcut_marks(code):
    catalog = load(translations_path(code), code)
    wrong = []
    for key, source in TEXT.items():
        text = catalog.text(key, source) or source
        if fields(text) != fields(source) or (source.count("&") == 1) != (text.count("&") == 1):
            wrong.append(key)
    for key, (one, many) in PLURAL.items():
        for n, src in ((1, one), (2, many)):
            if fields(catalog.plural_text(key, (one, many), n) or src) != fields(src):
                wrong.append(key)
    assert not wrong, f"{code}: fields or & marks differ from the English in {wrong}"


def test_plural_forms():
    assert [trn("count.reps", n) for n in (1, 2)] == ["1 rep", "2 reps"]
    set_language("es")
    assert [trn("count.reps", n) for n in (0, 1, 2)] == ["0 repeticiones", "1 repetición", "2 repeticiones"]
    assert tr("guided.finish.done", reps=trn("count.reps", 1), sets=trn("count.sets", 1)) == (
        "Has hecho 1 repetición en 1 serie."
    )
    set_language("de")
    assert trn("counter.rep_of", 10, rep=3) == "3/10 Wdh." and trn("guided.finish.stopped", 1).startswith(
        "Sie haben nach 1 Wiederholung "
    )
    assert trn("count.sets", 1) == "1 Satz" and trn("count.sets", 3) == "3 Sätze"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "es_ES.UTF-8", "LANGUAGE": "fr:de"}, "de"),  # LANGUAGE's list first
        ({"LANGUAGE": "fr", "LANG": "es_MX.UTF-8"}, "es"),
        ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "en"),  # a set locale we do not have decides
        ({"LANG": "pt_BR.UTF-8"}, "en"),
    ],
)
def test_the_language_follows_the_environment(env, expected):
    assert from_environment(env) == expected


def test_the_menu_choice_wins_and_bad_values_fall_back():
    assert choose("es", {"LANG": "de_DE.UTF-8"}) == "es"
    assert choose("klingon", {"LANG": "de_DE.UTF-8"}) == "de"
    set_language("xx")
    assert language() == "en"


def test_catalog_ignores_fuzzy_and_outdated_entries_and_names_bad_lines(tmp_path):
    po = tmp_path / "de.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgctxt "play"\nmsgid "Play"\nmsgstr "Abspielen"\n\n'
        '#, fuzzy\nmsgctxt "pause"\nmsgid "Pause"\nmsgstr "Halt"\n\n'
        'msgctxt "speed"\nmsgid "Old English"\nmsgstr "Tempo"\n\n'
        'msgctxt "count.reps"\nmsgid "{n} rep"\nmsgid_plural "{n} reps"\nmsgstr[0] "{n} Wdh."\nmsgstr[1] "{n} Wdhn."\n',
        encoding="utf-8",
    )
    catalog = load(po, "de")
    assert catalog.text("play", "Play") == "Abspielen"
    assert catalog.text("pause", "Pause") is None and catalog.text("speed", "Speed") is None
    assert catalog.plural_text("count.reps", PLURAL["count.reps"], 5) == "{n} Wdhn."
    po.write_text('msgctxt "play"\nmsgid "Play"\nmsgstr Abspielen\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        load(po, "de")


def test_a_damaged_translation_file_means_english_and_a_log_line(tmp_path, monkeypatch, caplog):
    from flossgui.text import translate

    bad = tmp_path / "de.po"
    bad.write_bytes(b"\xff\xfe")
    monkeypatch.setattr(translate, "translations_path", lambda code: bad)
    set_language("de")
    assert language() == "en" and tr("play") == "Play"
    assert "de.po" in caplog.text
