"""The files in packaging/kiosk agree with the code: example settings, exit status, scripts."""

import re
import shutil
import subprocess
import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from flossgui.cli.kiosk_pin import set_pin
from flossgui.kiosk import LEAVE_STATUS
from flossgui.kiosk.config import KioskConfig, load_kiosk_config
from flossgui.kiosk.pin import verify_pin

KIOSK = Path(__file__).resolve().parents[2] / "packaging" / "kiosk"


def test_example_settings_load_without_errors():
    config, errors = load_kiosk_config(KIOSK / "kiosk.toml")
    assert [e.message() for e in errors] == []
    assert config.clinic_name and config.pin_hash == ""
    assert config.hours.is_open(datetime(2024, 1, 1, 9))  # Monday morning
    assert not config.hours.is_open(datetime(2024, 1, 7, 9))  # Sunday: closed
    assert config.messages == KioskConfig().messages


def test_setting_a_pin_in_the_example_keeps_its_comments(tmp_path):
    path = tmp_path / "kiosk.toml"
    shutil.copy(KIOSK / "kiosk.toml", path)
    set_pin(path, "482915")
    before, after = (KIOSK / "kiosk.toml").read_text().splitlines(), path.read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert [a for a, _ in changed] == ['pin_hash = ""']
    assert verify_pin("482915", tomllib.loads(path.read_text())["pin_hash"])


def test_unit_and_launcher_agree_on_the_leave_status():
    unit = (KIOSK / "flossgui-kiosk.service").read_text()
    assert re.search(rf"^RestartPreventExitStatus={LEAVE_STATUS}$", unit, re.M)
    assert re.search(r"^Restart=always$", unit, re.M)
    assert re.search(r"^User=flossgui-kiosk$", unit, re.M)
    assert f"Status {LEAVE_STATUS} means staff left" in (KIOSK / "flossgui-kiosk").read_text()


@pytest.mark.parametrize("script", ["flossgui-kiosk", "smoke-test.sh", "ci-smoke.sh"])
def test_scripts_are_valid_bash(script):
    subprocess.run(["bash", "-n", str(KIOSK / script)], check=True)
    assert (KIOSK / script).stat().st_mode & 0o111
