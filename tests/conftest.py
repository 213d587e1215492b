"""Test-wide set-up: Qt draws offscreen, and no test touches the real user's files."""

from __future__ import annotations

import logging
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FLOSSGUI_AUDIO"] = "null"  # miniaudio's null backend: the whole audio path runs, nothing is heard

import pytest


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every per-user location (settings, data, cache) at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):  # fmt: skip
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(path))


@pytest.fixture(autouse=True)
def _english() -> None:
    """Every test starts in English (the source language), whatever the machine's LANG."""
    from flossgui.text.translate import set_language

    set_language("en")


@pytest.fixture(autouse=True)
def _no_log_handlers_left() -> None:
    """A test that runs ``main()`` configures logging; the next test starts without it."""
    yield
    logger = logging.getLogger("flossgui")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


@pytest.fixture
def special_file():
    """Turn a path into what a hostile or careless user may hand over instead of a file:
    ``make(path, "fifo" | "device" | "folder", device="/dev/zero")``; returns the path."""

    def make(path, kind: str, device: str = "/dev/zero"):
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "device":
            path.symlink_to(device)
        elif kind == "folder":
            path.mkdir()
        else:
            raise ValueError(f"no such kind of special file: {kind}")
        return path

    return make
