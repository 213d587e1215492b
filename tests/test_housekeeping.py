"""Issue 13, part 5: temporary files of killed saves are removed; logging goes to stderr and
a rotating, owner-only file in the data folder, with --verbose for more; a PIN or its hash
is never logged; a file name that is not UTF-8 cannot break a log."""

from __future__ import annotations

import io
import logging
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flossgui.cli.main import main
from flossgui.core.atomic import remove_stale_temps, write_atomic
from flossgui.core.errors import InputError
from flossgui.core.logs import LOG_FILE, MAX_BYTES, configure_logging
from flossgui.diary.paths import default_data_dir
from flossgui.kiosk.pin import hash_pin

HOUR = 3600


def _age(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_a_killed_save_leaves_a_temporary_file_the_next_start_removes(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("FLOSSGUI_DATA_DIR", str(data))
    code = (
        "import sys, time\n"
        "from flossgui.core.atomic import atomic_file\n"
        "with atomic_file(sys.argv[1]) as f:\n"
        "    f.write(b'half'); f.flush(); print('writing', flush=True); time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(data / "history.csv")], stdout=subprocess.PIPE)
    assert child.stdout.readline() == b"writing\n"
    child.send_signal(signal.SIGKILL)
    child.wait()
    [left] = [p for p in data.iterdir() if p.suffix == ".tmp"]
    assert left.name.startswith(".history.csv.") and not (data / "history.csv").exists()
    _age(left, HOUR)
    keep = [data / "notes.tmp", data / ".unrelated.tmp", data / ".history.csv.abcdefgh.tmp"]
    for path in keep:
        path.write_text("x")
    _age(keep[1], HOUR)  # old, but not a name our saves make; keep[2] is ours but fresh
    assert main(["timeline", "--fps", "1"]) == 0
    assert not left.exists() and all(p.exists() for p in keep)


def test_the_next_save_of_a_file_removes_its_stale_temporary_files(tmp_path):
    target = tmp_path / "programme.toml"
    stale = tmp_path / ".programme.toml.k2j4h5g6.tmp"
    other = tmp_path / ".other.toml.k2j4h5g6.tmp"
    for path in (stale, other):
        path.write_text("half")
        _age(path, HOUR)
    write_atomic(target, "reps = 3\n")
    assert target.read_text() == "reps = 3\n" and not stale.exists() and other.exists()
    assert remove_stale_temps(tmp_path) == 1 and not other.exists()


# -- logging -----------------------------------------------------------------------------
def test_warnings_go_to_stderr_on_one_line_and_to_the_private_log_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FLOSSGUI_DATA_DIR", str(tmp_path / "data"))
    old_umask = os.umask(0)
    try:
        assert main(["timeline", "--fps", "1"]) == 0
    finally:
        os.umask(old_umask)
    capsys.readouterr()
    log = logging.getLogger("flossgui.test")
    try:
        raise ValueError("boom")
    except ValueError:
        log.exception("something failed\nacross lines")
    log.info("for the file only")
    log.debug("for --verbose only")
    err = capsys.readouterr().err
    assert err == "flossgui: something failed across lines\n"  # one line, no traceback
    path = default_data_dir() / LOG_FILE
    text = path.read_text(encoding="utf-8")
    assert "Traceback" in text and "ValueError: boom" in text and "for the file only" in text
    assert "for --verbose only" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_verbose_logs_debugging_detail(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FLOSSGUI_DATA_DIR", str(tmp_path))
    assert main(["--verbose", "timeline", "--fps", "1"]) == 0
    logging.getLogger("flossgui.test").debug("detail")
    assert "flossgui: detail" in capsys.readouterr().err
    assert "detail" in (tmp_path / LOG_FILE).read_text(encoding="utf-8")


def test_the_log_file_rotates(tmp_path):
    configure_logging(tmp_path)
    log = logging.getLogger("flossgui.test")
    for _ in range(3 * MAX_BYTES // 1000):
        log.info("x" * 1000)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files[:3] == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2"]
    assert all(p.stat().st_size <= MAX_BYTES + 2000 for p in tmp_path.iterdir())
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in tmp_path.iterdir())


def test_an_unwritable_log_folder_leaves_stderr(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert configure_logging(blocker / "data") is None
    assert "the log cannot be written" in capsys.readouterr().err
    logging.getLogger("flossgui.test").warning("still said")
    assert capsys.readouterr().err == "flossgui: still said\n"


def test_a_pin_hash_is_never_written_to_a_log(tmp_path, capsys):
    configure_logging(tmp_path)
    pin_hash = hash_pin("246813", n=16)
    logging.getLogger("flossgui.test").warning("settings held pin_hash = %r", pin_hash)
    salt = pin_hash.split("$")[4]
    err = capsys.readouterr().err
    text = (tmp_path / LOG_FILE).read_text(encoding="utf-8")
    assert "scrypt$(hidden)" in err and "scrypt$(hidden)" in text
    assert salt not in err and salt not in text


def test_kiosk_pin_logs_neither_the_pin_nor_its_hash(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    monkeypatch.setenv("FLOSSGUI_DATA_DIR", str(data))
    config = tmp_path / "kiosk.toml"
    monkeypatch.setattr(sys, "stdin", io.StringIO("975319\n"))  # not a terminal: the first line is the PIN
    assert main(["kiosk-pin", "--config", str(config)]) == 0
    out, err = capsys.readouterr()
    salt = config.read_text(encoding="utf-8").split("$")[4]
    logs = "".join(p.read_text(encoding="utf-8") for p in data.iterdir() if p.name.startswith(LOG_FILE))
    for text in (out, err, logs):
        assert "975319" not in text and salt not in text


def test_a_config_path_that_is_not_utf8_cannot_break_the_kiosk_log(tmp_path, capsys):
    from flossgui.ui.kiosk.log import report_errors

    name = os.fsdecode(bytes(tmp_path) + b"/kiosk-\xff\xfe.toml")  # lone surrogates in a str
    log_path = tmp_path / "kiosk.log"
    report_errors([InputError(name, "speed", "is out of range", "0.25 to 3")], log_path)
    err = capsys.readouterr().err
    text = log_path.read_text(encoding="utf-8")
    assert "kiosk-\\udcff\\udcfe.toml: speed" in err and "kiosk-\\udcff\\udcfe.toml: speed" in text
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_save_never_replaces_a_device_pipe_or_folder(tmp_path, special_file, kind):
    path = special_file(tmp_path / "target", kind, device="/dev/null")
    with pytest.raises(OSError, match="not a regular file"):
        write_atomic(path, "data")
    assert Path("/dev/null").is_char_device() and not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_a_fifo_in_place_of_the_log_does_not_hang(tmp_path, capsys):
    os.mkfifo(tmp_path / LOG_FILE)
    assert configure_logging(tmp_path) is None  # stderr only, at once
    assert "the log cannot be written" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--verbose", "timeline"], ["timeline", "--verbose"]])
def test_verbose_goes_before_or_after_the_command(argv, capsys):
    assert main([*argv, "--fps", "1"]) == 0
    logging.getLogger("flossgui.test").debug("detail")
    assert "flossgui: detail" in capsys.readouterr().err
