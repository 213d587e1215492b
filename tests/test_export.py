"""``flossgui export``: a one-page PDF handout and a looping GIF, atomic, with one-line errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from PIL import Image

from flossgui.cli.main import main
from flossgui.model.programme import Programme, save_programme


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def test_pdf_handout_is_one_a4_page(tmp_path, qapp):
    path = tmp_path / "handout.pdf"
    programme = tmp_path / "p.toml"
    save_programme(Programme(reps=8, sets=2, side="both", title="After Tuesday", notes="Go gently."), programme)
    assert main(["export", str(path), "--programme", str(programme)]) == 0
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and pdf_pages(data) == 1
    assert len(data) > 50_000  # four pictures and the text
    assert re.search(rb"/MediaBox\s*\[\s*0\s+0\s+595", data)  # A4: 595 × 842 points
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


@pytest.mark.parametrize(
    ("options", "frames", "size"),
    [([], 100, (480, 300)), (["--fps", "4", "--speed", "2", "--size", "320x200"], 20, (320, 200))],
)
def test_gif_is_one_looping_rep(tmp_path, qapp, options, frames, size):
    path = tmp_path / "floss.gif"
    assert main(["export", str(path), *options]) == 0
    with Image.open(path) as gif:
        assert (gif.n_frames, gif.size, gif.info["loop"]) == (frames, size, 0)
        gif.seek(frames // 3)
        assert len(gif.convert("RGB").getcolors(4096) or ()) > 4  # a real picture, not a blank frame
    assert path.stat().st_size < 600_000


def test_gif_tempo_follows_the_programme(tmp_path, qapp):
    programme = tmp_path / "p.toml"
    save_programme(Programme(tempo_s=6), programme)
    path = tmp_path / "fast.gif"
    assert main(["export", str(path), "--programme", str(programme), "--fps", "4"]) == 0
    with Image.open(path) as gif:
        assert gif.n_frames == 24  # 6 s at 4 frames a second


@pytest.mark.parametrize("name", ["missing-folder/x.pdf", "x.png", "x"])
def test_bad_path_is_one_line_and_exit_2(tmp_path, capsys, name):
    path = tmp_path / name
    assert main(["export", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(path) in err and ".pdf" in err and ".gif" in err


def test_a_file_in_the_way_of_the_folder_is_refused(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("")
    path = tmp_path / "notes.txt" / "x.gif"  # unwritable even for root
    assert main(["export", str(path)]) == 2
    assert str(path) in capsys.readouterr().err


def test_export_works_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    path = tmp_path / "h.pdf"
    done = subprocess.run([sys.executable, "-m", "flossgui", "export", str(path)], env=env, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert path.read_bytes().startswith(b"%PDF")
