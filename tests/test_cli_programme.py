"""``--programme FILE``: loaded and checked while the options are parsed."""

from __future__ import annotations

import pytest

from flossgui.cli.main import build_parser, main
from flossgui.model.programme import Programme, save_programme


def test_good_programme_is_loaded_into_the_options(tmp_path):
    path = tmp_path / "week1.toml"
    save_programme(Programme(reps=6, sets=3, side="left", title="Week 1"), path)
    options = build_parser().parse_args(["--programme", str(path)])
    assert options.programme == Programme(reps=6, sets=3, side="left", title="Week 1")
    assert build_parser().parse_args([]).programme is None


@pytest.mark.parametrize(
    ("text", "key"), [('[programme]\nside = "left"\nreps = "many"\n', "programme.reps"), ("", "programme")]
)
def test_bad_programme_is_one_line_and_exit_2(tmp_path, capsys, text, key):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(SystemExit) as info:
        main(["--programme", str(path)])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("flossgui: error: ") and f"{path}: {key}" in err


def test_missing_programme_file(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["--programme", str(tmp_path / "nope.toml")])
    assert "file not found" in capsys.readouterr().err


def test_bad_programme_for_the_window_is_also_shown_in_a_dialog(tmp_path, capsys, monkeypatch):
    """Started from a file manager there is no terminal: the same line appears on screen."""
    from flossgui.ui.shell import application

    shown: list[str] = []
    monkeypatch.setattr(application, "show_error", shown.append)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    path = tmp_path / "bad.toml"
    path.write_text('[programme]\nside = "left"\nreps = "many"\n')
    with pytest.raises(SystemExit):
        main(["--programme", str(path)])
    err = capsys.readouterr().err.strip()
    assert len(shown) == 1 and shown[0] in err and "programme.reps" in shown[0]
    with pytest.raises(SystemExit):
        main(["export", str(tmp_path / "x.pdf"), "--programme", str(path)])  # a command: the line only
    assert len(shown) == 1
