"""Writing TOML: values, whole documents, and in-place updates that keep what a person wrote.

Used for the kiosk settings and for programme files. In an update only top-level keys
change; the person's lines and comments are kept where the change can be made in place,
otherwise (checked by parsing the result) the whole file is written out afresh from its
values. No TOML-writer dependency: our schemas are small.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from flossgui.core.atomic import write_atomic
from flossgui.core.tomlfile import parse_toml, read_user_text

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def format_value(value: Any) -> str:
    """One TOML value on one line (tables become inline tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return repr(value) if math.isfinite(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)} = {format_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def dumps(data: Mapping[str, Any]) -> str:
    """A whole document: top-level values first, then one ``[section]`` per table."""
    lines = [f"{_key(k)} = {format_value(v)}" for k, v in data.items() if not isinstance(v, Mapping)]
    for name, table in data.items():
        if isinstance(table, Mapping):
            lines += ["", f"[{_key(name)}]"]
            lines += [f"{_key(k)} = {format_value(v)}" for k, v in table.items()]
    return "\n".join(lines).lstrip("\n") + "\n"


def _edit_lines(text: str, changes: Mapping[str, Any]) -> str:
    """Replace or add top-level ``key = value`` lines, leaving every other line alone."""
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
    for key, value in changes.items():
        line = f"{_key(key)} = {format_value(value)}"
        pattern = re.compile(rf"\s*{re.escape(_key(key))}\s*=")
        found = next((i for i in range(header) if pattern.match(lines[i])), None)
        if found is not None:
            lines[found] = line
            continue
        last = max(
            (i for i in range(header) if lines[i].strip() and not lines[i].lstrip().startswith("#")),
            default=-1,
        )
        lines.insert(last + 1, line)
        header += 1
    return "\n".join(lines) + "\n"


def update_toml_file(
    path: str | Path, changes: Mapping[str, Any], *, mode: Callable[[int | None], int] | None = None
) -> None:
    """Set top-level keys in a TOML file (made if missing), keeping all other keys.

    ``mode`` chooses the file's mode from the old one (see :func:`flossgui.core.atomic.write_bytes_atomic`).
    Raises InputError if the existing file cannot be read as TOML (its other keys could
    not be kept) and OSError if it cannot be written.
    """
    path = Path(path)
    old = read_user_text(path) if path.exists() else ""
    expected = {**parse_toml(old, str(path)), **changes}
    text = _edit_lines(old, changes)
    try:
        kept = tomllib.loads(text) == expected
    except tomllib.TOMLDecodeError:
        kept = False
    write_atomic(path, text if kept else dumps(expected), mode=mode)
