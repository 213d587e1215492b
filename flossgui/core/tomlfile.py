"""Reading user TOML files into checked values, with errors that name file and field.

Every loader (exercise, programme, kiosk config) reads through :class:`Table`, so each
complains the same way: ``FILE: FIELD: what is wrong (allowed: what would do)``.

A strict table raises the first :class:`InputError`; a lenient one (``errors`` list given)
records it, returns the default and carries on, which is what a kiosk wants.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from flossgui.core.errors import InputError

_REQUIRED: Any = object()


def read_toml(path: str | Path) -> dict[str, Any]:
    """Parse a TOML file; a missing, unreadable or malformed file raises InputError."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "", "file not found", "an existing TOML file") from None
    except OSError as exc:
        raise InputError(str(path), "", f"cannot be read ({exc.strerror})", "a readable TOML file") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(str(path), "", "is not UTF-8 text", "a UTF-8 TOML file") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), "", f"is not valid TOML ({exc})", "TOML syntax") from None


class Table:
    """Checked access to one TOML table.

    ``name`` is the dotted path of the table inside ``source`` (empty for the top level).
    """

    def __init__(
        self,
        data: Mapping[str, Any],
        source: str,
        name: str = "",
        errors: list[InputError] | None = None,
    ) -> None:
        self.data = data
        self.source = source
        self.name = name
        self.errors = errors

    # -- plumbing ---------------------------------------------------------------------
    def field(self, key: str) -> str:
        """Dotted name of ``key`` inside the file."""
        return f"{self.name}.{key}" if self.name else key

    def fail(self, key: str, problem: str, allowed: str, default: Any = _REQUIRED) -> Any:
        """Raise (strict) or record and return ``default`` (lenient)."""
        error = InputError(self.source, self.field(key), problem, allowed)
        if self.errors is None or default is _REQUIRED:
            raise error
        self.errors.append(error)
        return default

    def _get(self, key: str, default: Any, allowed: str) -> Any:
        if key in self.data:
            return self.data[key]
        if default is _REQUIRED:
            return self.fail(key, "is missing", allowed)
        return default

    # -- typed readers ----------------------------------------------------------------
    def number(self, key: str, lo: float, hi: float, default: Any = _REQUIRED) -> float:
        """A real number in [lo, hi]."""
        allowed = f"a number from {lo:g} to {hi:g}"
        value = self._get(key, default, allowed)
        if value is default and default is not _REQUIRED:
            return value
        if isinstance(value, bool) or not isinstance(value, int | float):
            return self.fail(key, f"{value!r} is not a number", allowed, default)
        if not math.isfinite(value) or not lo <= value <= hi:
            return self.fail(key, f"{value!r} is out of range", allowed, default)
        return float(value)

    def integer(self, key: str, lo: int, hi: int, default: Any = _REQUIRED) -> int:
        """A whole number in [lo, hi]."""
        allowed = f"a whole number from {lo} to {hi}"
        value = self._get(key, default, allowed)
        if value is default and default is not _REQUIRED:
            return value
        if isinstance(value, bool) or not isinstance(value, int):
            return self.fail(key, f"{value!r} is not a whole number", allowed, default)
        if not lo <= value <= hi:
            return self.fail(key, f"{value!r} is out of range", allowed, default)
        return value

    def string(
        self, key: str, choices: Iterable[str] | None = None, default: Any = _REQUIRED, max_len: int = 500
    ) -> str:
        """A string, optionally one of ``choices``."""
        options = tuple(choices) if choices is not None else None
        allowed = "one of " + ", ".join(options) if options else f"text of at most {max_len} characters"
        value = self._get(key, default, allowed)
        if value is default and default is not _REQUIRED:
            return value
        if not isinstance(value, str):
            return self.fail(key, f"{value!r} is not text", allowed, default)
        if options is not None and value not in options:
            return self.fail(key, f"{value!r} is not a known value", allowed, default)
        if len(value) > max_len:
            return self.fail(key, "is too long", allowed, default)
        return value

    def strings(self, key: str, default: Any = _REQUIRED, max_items: int = 50) -> list[str]:
        """A list of strings."""
        allowed = f"a list of up to {max_items} strings"
        value = self._get(key, default, allowed)
        if value is default and default is not _REQUIRED:
            return value
        if not isinstance(value, list) or len(value) > max_items or not all(isinstance(v, str) for v in value):
            return self.fail(key, "is not a list of strings", allowed, default)
        return list(value)

    def table(self, key: str, default: Any = _REQUIRED) -> Table:
        """A sub-table; a missing optional one reads as empty."""
        value = self._get(key, {} if default is not _REQUIRED else default, "a table")
        if not isinstance(value, Mapping):
            value = self.fail(key, "is not a table", f"a [{self.field(key)}] table", {})
        return Table(value, self.source, self.field(key), self.errors)

    def tables(self, key: str, min_items: int = 0, max_items: int = 100) -> list[Table]:
        """An array of tables (``[[key]]``)."""
        allowed = f"{min_items} to {max_items} [[{self.field(key)}]] tables"
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            return self.fail(key, "is not an array of tables", allowed, [])
        if not min_items <= len(value) <= max_items:
            return self.fail(key, f"has {len(value)} entries", allowed, [])
        return [Table(v, self.source, f"{self.field(key)}[{i}]", self.errors) for i, v in enumerate(value)]

    def reject_unknown(self, known: Iterable[str]) -> None:
        """Refuse keys this table does not define (catches typos)."""
        known = tuple(known)
        for key in self.data:
            if key not in known:
                self.fail(key, "is not a known key", "one of " + ", ".join(known), None)
