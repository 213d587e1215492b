"""The files in packaging/kiosk agree with the code: example settings, exit status, scripts."""

import os
import pwd
import re
import shutil
import subprocess
import tempfile
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


@pytest.mark.parametrize("script", ["flossgui-kiosk", "smoke-test.sh", "ci-smoke.sh", "weston-smoke.sh"])
def test_scripts_are_valid_bash(script):
    subprocess.run(["bash", "-n", str(KIOSK / script)], check=True)
    assert (KIOSK / script).stat().st_mode & 0o111


def _unit_for_checks(tmp_path: Path) -> Path:
    """The unit with ExecStart pointing at the launcher in this checkout, so verify can find it."""
    unit = (KIOSK / "flossgui-kiosk.service").read_text()
    path = tmp_path / "flossgui-kiosk.service"
    path.write_text(re.sub(r"^ExecStart=.*$", f"ExecStart={KIOSK / 'flossgui-kiosk'}", unit, flags=re.M))
    return path


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_unit_is_hardened_to_an_exposure_of_at_most_2_5(tmp_path):
    unit = _unit_for_checks(tmp_path)
    result = subprocess.run(
        ["systemd-analyze", "security", "--offline=yes", str(unit)], capture_output=True, text=True, timeout=60
    )
    exposure = float(re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout).group(1))
    assert exposure <= 2.5, result.stdout
    verify = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", "--generators=no", str(unit)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert verify.returncode == 0, verify.stderr
    # Only the back-off keys of newer systemd may be unknown (Debian 12 has systemd 252).
    unknown = re.findall(r"Unknown key '?(\w+)'? in section", verify.stderr)
    assert set(unknown) <= {"RestartSteps", "RestartMaxDelaySec"}, verify.stderr


def test_the_unit_backs_off_and_keeps_the_data_folder_writable():
    unit = (KIOSK / "flossgui-kiosk.service").read_text()
    for line in ("ProtectSystem=strict", "StateDirectory=flossgui-kiosk", "UMask=0077", "NoNewPrivileges=yes",
                 "RestartSteps=6", "RestartMaxDelaySec=5min", "StartLimitBurst=30", "RestartSec=2"):  # fmt: skip
        assert re.search(rf"^{re.escape(line)}$", unit, re.M), line
    assert re.search(r"^RestrictAddressFamilies=AF_UNIX AF_NETLINK$", unit, re.M)


@pytest.fixture
def launcher_run(tmp_path_factory):
    """Run the launcher as a non-root user with stand-ins for cage, the app and the waiting."""
    work = Path(tempfile.mkdtemp(prefix="flossgui-launcher-"))
    work.chmod(0o755)
    runtime = work / "runtime"
    runtime.mkdir(mode=0o700)
    as_user: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("needs setpriv to run the launcher as a non-root user")
        nobody = pwd.getpwnam("nobody")
        os.chown(runtime, nobody.pw_uid, nobody.pw_gid)
        as_user = ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups"]
    (work / "cage").write_text('#!/bin/sh\nwhile [ "$1" != "--" ]; do shift; done\nshift\nexec "$@"\n')
    (work / "app").write_text('#!/bin/sh\nexit "$(cat "$(dirname "$0")/app-status")"\n')
    (work / "pause").write_text('#!/bin/sh\necho "$1" >>"$(dirname "$0")/waits"\n')
    for name in ("cage", "app", "pause"):
        (work / name).chmod(0o755)
    env = {
        "PATH": os.environ["PATH"], "XDG_RUNTIME_DIR": str(runtime), "FLOSSGUI": str(work / "app"),
        "FLOSSGUI_CAGE": str(work / "cage"), "FLOSSGUI_KIOSK_SLEEP": str(work / "pause"),
        "FLOSSGUI_KIOSK_TTY": str(work / "tty"), "FLOSSGUI_KIOSK_CONFIG": "/nonexistent.toml",
    }  # fmt: skip

    def run(app_status: int) -> tuple[int, list[int], str]:
        (work / "app-status").write_text(f"{app_status}\n")
        (work / "app-status").chmod(0o644)
        for name in ("waits", "tty"):
            (work / name).write_text("")
            (work / name).chmod(0o666)
        result = subprocess.run([*as_user, str(KIOSK / "flossgui-kiosk")], env=env, capture_output=True, timeout=30)
        waits = [int(w) for w in (work / "waits").read_text().split()]
        return result.returncode, waits, (work / "tty").read_text()

    yield run
    shutil.rmtree(work, ignore_errors=True)


def test_the_launcher_backs_off_then_shows_a_plain_notice(launcher_run):
    outcomes = [launcher_run(1) for _ in range(8)]
    assert [status for status, _, _ in outcomes] == [1] * 8
    assert [waits for _, waits, _ in outcomes] == [[], [2], [4], [8], [16], [2], [4], [8]]
    assert [bool(tty) for _, _, tty in outcomes] == [False] * 5 + [True] * 3
    assert "This screen is resting" in outcomes[5][2] and "journalctl -u flossgui-kiosk" in outcomes[5][2]
    # Staff leave with the PIN: status 3 passed on, the count forgotten.
    status, waits, tty = launcher_run(3)
    assert (status, waits) == (3, [16]) and "(8 tries in a row); it tries again in 16 s" in tty
    assert launcher_run(1) == (1, [], "")  # the next failure is the first again
