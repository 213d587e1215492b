"""The kiosk's settings file, read so that nothing in it can stop the screen.

A waiting-room screen runs unattended for weeks, so :func:`load_kiosk_config` never raises:
a missing, unreadable or malformed file, a bad value or an unknown key each give an
:class:`InputError` (file, key, what is allowed) and the safe default for what was wrong.
Bad opening hours keep the screen on all day.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flossgui.core.errors import InputError
from flossgui.core.tomlfile import Table, read_toml
from flossgui.kiosk.pin import parse_pin_hash
from flossgui.kiosk.schedule import ALWAYS_OPEN, RANGE_FORMAT, WEEKDAYS, OpeningHours, TimeRange, parse_range

log = logging.getLogger(__name__)
SCHEMA_VERSION = 1
DEFAULT_CONFIG_PATH = Path("/etc/flossgui/kiosk.toml")
DEFAULT_MESSAGES = (
    "Sit tall on a firm chair, feet flat on the floor.",
    "Slump gently, then straighten one knee as you lift your head.",
    "Bend the knee as you look down. Move slowly, within comfort.",
    "A mild stretch is fine. Stop if pain or tingling gets worse.",
    "Ask your physiotherapist whether this exercise is right for you.",
)
MAX_MESSAGES, MAX_MESSAGE_LEN, MAX_NAME_LEN = 20, 200, 80
CLOSED = "closed"


@dataclass(frozen=True)
class KioskConfig:
    """Everything the kiosk screen reads from its settings file; defaults are safe."""

    schema_version: int = SCHEMA_VERSION
    clinic_name: str = ""
    messages: tuple[str, ...] = DEFAULT_MESSAGES
    speed: float = 1.0
    side: str = "right"
    idle_timeout_seconds: float = 60.0
    max_fps: int = 30
    hours: OpeningHours = ALWAYS_OPEN
    outside_hours: str = "dim"
    # Empty: no PIN set, so the kiosk cannot be left from the screen.
    pin_hash: str = ""


_KEYS = (
    "schema_version",
    "clinic_name",
    "messages",
    "speed",
    "side",
    "idle_timeout_seconds",
    "max_fps",
    "hours",
    "outside_hours",
    "pin_hash",
)


def load_kiosk_config(path: str | Path | None) -> tuple[KioskConfig, list[InputError]]:
    """Read the kiosk settings; ``None`` means no file (all defaults, no errors).

    Never raises for anything in or about the file: the errors come back as a list.
    """
    if path is None:
        return KioskConfig(), []
    try:
        return parse_kiosk_config(read_toml(path), str(path))
    except InputError as error:
        return KioskConfig(), [error]
    except Exception as exc:  # a screen on defaults beats a kiosk that restarts for ever
        log.exception("kiosk settings %s could not be read", path)
        problem = f"could not be read ({type(exc).__name__})"
        return KioskConfig(), [InputError(str(path), "", problem, "a kiosk settings file")]


def parse_kiosk_config(data: Mapping[str, Any], source: str) -> tuple[KioskConfig, list[InputError]]:
    """Check already-parsed TOML ``data`` from ``source``; same leniency as the loader."""
    errors: list[InputError] = []
    t = Table(data, source, errors=errors)
    t.reject_unknown(_KEYS)
    d = KioskConfig()
    version = t.integer("schema_version", 1, 10**6, d.schema_version)
    if version != SCHEMA_VERSION:
        version = t.fail(
            "schema_version",
            f"{version} is not a version this app reads",
            str(SCHEMA_VERSION),
            SCHEMA_VERSION,
        )
    config = KioskConfig(
        schema_version=version,
        clinic_name=t.string("clinic_name", default=d.clinic_name, max_len=MAX_NAME_LEN),
        messages=_messages(t, d.messages),
        speed=t.number("speed", 0.25, 3.0, d.speed),
        side=t.string("side", ("left", "right"), d.side),
        idle_timeout_seconds=t.number("idle_timeout_seconds", 10, 3600, d.idle_timeout_seconds),
        max_fps=t.integer("max_fps", 5, 60, d.max_fps),
        hours=_hours(t, errors),
        outside_hours=t.string("outside_hours", ("dim", "blank"), d.outside_hours),
        pin_hash=_pin_hash(t, d.pin_hash),
    )
    return config, errors


def _messages(t: Table, default: tuple[str, ...]) -> tuple[str, ...]:
    allowed = f"a list of 1 to {MAX_MESSAGES} non-empty strings of at most {MAX_MESSAGE_LEN} characters"
    value = t.strings("messages", default=None, max_items=MAX_MESSAGES)
    if value is None:
        return default
    if not value or not all(m.strip() and len(m) <= MAX_MESSAGE_LEN for m in value):
        return t.fail("messages", "has an empty or too long message, or none", allowed, default)
    return tuple(value)


def _pin_hash(t: Table, default: str) -> str:
    value = t.string("pin_hash", default=default)
    if not value:
        return default
    try:
        parse_pin_hash(value)
    except ValueError as exc:
        allowed = "a hash written by `flossgui kiosk-pin`"
        return t.fail("pin_hash", f"is not a PIN hash ({exc})", allowed, default)
    return value


def _hours(t: Table, errors: list[InputError]) -> OpeningHours:
    """``[hours]``: ``daily`` for every day, weekday keys (``mon``..``sun``) override it.

    A day is one range, a list of ranges or ``"closed"``. With weekday keys but no
    ``daily``, unlisted days are closed; with no (or an empty) ``[hours]`` the screen is
    always on.
    """
    errors_before = len(errors)
    table = t.table("hours", default={})
    if not table.data:
        return ALWAYS_OPEN
    table.reject_unknown(("daily", *WEEKDAYS))
    daily = _day(table, "daily") if "daily" in table.data else ()
    days = tuple(_day(table, day) if day in table.data else daily for day in WEEKDAYS)
    return ALWAYS_OPEN if len(errors) > errors_before else OpeningHours(days)


def _day(table: Table, key: str) -> tuple[TimeRange, ...]:
    allowed = f'{RANGE_FORMAT}, a list of them, or "{CLOSED}"'
    value = table.data[key]
    if value == CLOSED:
        return ()
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) for v in items):
        return table.fail(key, f"{value!r} is not a time range", allowed, ())
    try:
        return tuple(parse_range(v) for v in items)
    except ValueError as exc:
        return table.fail(key, str(exc), allowed, ())
