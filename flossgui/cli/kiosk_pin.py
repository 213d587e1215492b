"""``flossgui kiosk-pin``: set the staff PIN that leaves the kiosk.

At a terminal the PIN is asked twice without echo; otherwise the first line of standard
input is the PIN (for scripts: ``echo 482915 | flossgui kiosk-pin``). Only ``pin_hash`` in
the settings file changes; the file is made if missing. The file holding the hash is never
readable by everyone, not even for a moment: it is written as 0600, or 0640 if it was
readable by its group (the kiosk's, as the set-up makes it), before its first byte.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

from flossgui.core.errors import InputError
from flossgui.core.tomlwrite import update_toml_file
from flossgui.kiosk.config import DEFAULT_CONFIG_PATH
from flossgui.kiosk.pin import PIN_RULE, hash_pin, validate_pin


def set_pin(config_path: str | Path, pin: str) -> None:
    """Store the hash of ``pin`` as ``pin_hash`` in the settings file, atomically.

    Raises InputError for a PIN against the rules, a settings file that is not TOML, or
    one that cannot be written.
    """
    validate_pin(pin)
    try:
        update_toml_file(config_path, {"pin_hash": hash_pin(pin)}, mode=private_mode)
    except OSError as exc:
        raise InputError(
            str(config_path),
            "",
            f"cannot be written ({exc.strerror})",
            "a writable file in an existing folder",
        ) from None


def private_mode(old: int | None) -> int:
    """The mode for a file holding the PIN hash: 0600, or 0640 where the old one let its group read."""
    return 0o600 if old is None else (old & 0o640) | 0o600


def _read_pin() -> str:
    if sys.stdin is None or sys.stdin.closed:
        raise InputError("PIN", "", "none given (standard input is closed)", PIN_RULE)
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    try:
        first = getpass.getpass(f"New kiosk PIN ({PIN_RULE}): ")
        validate_pin(first)
        if getpass.getpass("The same PIN again: ") != first:
            raise InputError("PIN", "", "the two entries differ", "the same PIN twice")
    except EOFError:
        raise InputError("PIN", "", "none given", PIN_RULE) from None
    return first


def main_kiosk_pin(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 done, 2 bad input, with one line on stderr)."""
    parser = argparse.ArgumentParser(prog="flossgui kiosk-pin", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--config",
        type=Path,
        default=DEFAULT_CONFIG_PATH,
        help=f"kiosk settings file (default {DEFAULT_CONFIG_PATH})",
    )
    args = parser.parse_args(argv)
    try:
        set_pin(args.config, _read_pin())
    except InputError as error:
        print(f"flossgui kiosk-pin: {error.message()}", file=sys.stderr)
        return 2
    mode = args.config.stat().st_mode & 0o777
    print(f"PIN set in {args.config} (mode {mode:04o})")
    if not mode & 0o040:
        print(f"For the kiosk to read it: chgrp flossgui-kiosk {args.config} && chmod 0640 {args.config}")
    return 0
