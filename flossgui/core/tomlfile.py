"""Reading user files into checked values, with errors that name file and field.

Every user file (exercise, programme, kiosk settings, app settings) is read through
:func:`read_user_bytes`: only a regular file is opened (a FIFO, device, folder or socket is
refused at once, without blocking), and only up to :data:`MAX_FILE_BYTES`. TOML is then
parsed with its shape bounded (:data:`MAX_DEPTH`, :data:`MAX_KEY_PARTS`, 64-bit integers,
:data:`MAX_VALUES`), so no file can make parsing hang, recurse or eat memory.

Every loader reads values through :class:`Table`, so each complains the same way:
``FILE: FIELD: what is wrong (allowed: what would do)``. A strict table raises the first
:class:`InputError`; a lenient one (``errors`` list given) records it, returns the default
and carries on, which is what a kiosk wants. Command-line numbers go through
:func:`parse_number`, the same checks as numbers in files.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from flossgui.core.errors import InputError

_REQUIRED: Any = object()

MAX_FILE_BYTES = 1024 * 1024  # far above any real settings file; reading stays instant
MAX_DEPTH = 32  # nested arrays and tables, counted in the text and in the parsed result
MAX_KEY_PARTS = 32  # parts of one dotted key (tomllib needs memory quadratic in them)
MAX_VALUES = 10_000  # keys, tables and array items in one file (the exercise file has about 200)
INT64 = (-(2**63), 2**63 - 1)  # TOML's integers
MAX_NUMBER_CHARS = 64  # a number typed or written with more characters is refused unread
_FILE_ALLOWED = "a regular TOML file of at most 1 MiB"

# One token of TOML text: strings and comments whole (brackets in them do not count), bare
# words, or any other single character. Linear in the text: an unterminated string can only
# be the last of its kind, so only one match ever scans to the end.
_TOKENS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[\w+:-]+|\S')
_KINDS = (
    (stat.S_ISFIFO, "is a named pipe (FIFO)"),
    (stat.S_ISCHR, "is a device"),
    (stat.S_ISBLK, "is a device"),
    (stat.S_ISDIR, "is a folder"),
    (stat.S_ISSOCK, "is a socket"),
)


def _not_regular(mode: int) -> str:
    """Why a file of this mode is refused ("" for a regular file)."""
    if stat.S_ISREG(mode):
        return ""
    return next((problem for is_kind, problem in _KINDS if is_kind(mode)), "is not a regular file")


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    return f"cannot be read ({exc.strerror or exc})"


def check_user_file(path: str | Path, limit: int = MAX_FILE_BYTES, allowed: str = _FILE_ALLOWED) -> None:
    """Raise InputError unless ``path`` is a regular file of at most ``limit`` bytes (never blocks).

    For files another library opens (Qt's settings); :func:`read_user_bytes` checks again
    on the open file.
    """
    name = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(name, "", "file not found", f"an existing {allowed.removeprefix('a regular ')}") from None
    except OSError as exc:
        raise InputError(name, "", _os_problem(exc), allowed) from None
    except ValueError:  # a NUL in the name
        raise InputError(name, "", "is not a valid file name", allowed) from None
    if problem := _not_regular(st.st_mode):
        raise InputError(name, "", problem, allowed)
    if st.st_size > limit:
        raise InputError(name, "", f"is {st.st_size:,} bytes, too large", allowed)


def read_user_bytes(path: str | Path, limit: int = MAX_FILE_BYTES, allowed: str = _FILE_ALLOWED) -> bytes:
    """The content of a file a user named, refused (InputError) unless it is a regular file of
    at most ``limit`` bytes.

    The kind is checked before opening (so no device is ever opened) and again on the open
    file, which is opened non-blocking (so a FIFO swapped in between cannot hang the read);
    at most ``limit`` + 1 bytes are read, so a file that grows meanwhile is refused too.
    """
    name = str(path)
    check_user_file(path, limit, allowed)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(name, "", _os_problem(exc), allowed) from None
    try:
        if problem := _not_regular(os.fstat(fd).st_mode):
            raise InputError(name, "", problem, allowed)
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(name, "", _os_problem(exc), allowed) from None
    finally:
        os.close(fd)
    if size > limit:
        raise InputError(name, "", "grew too large while being read", allowed)
    return b"".join(chunks)


def read_user_text(path: str | Path, limit: int = MAX_FILE_BYTES) -> str:
    """:func:`read_user_bytes` decoded as UTF-8 (InputError if it is not)."""
    try:
        return read_user_bytes(path, limit).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(str(path), "", "is not UTF-8 text", "a UTF-8 TOML file") from None


def read_toml(path: str | Path) -> dict[str, Any]:
    """Read and parse a user's TOML file; anything wrong with it raises InputError."""
    return parse_toml(read_user_text(path), str(path))


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """Parse TOML ``text`` from ``source`` with its shape bounded; InputError if it is not valid
    or goes past a bound (nesting, key length, integer size, number of values)."""
    _check_text_shape(text, source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(source, "", f"is not valid TOML ({exc})", "TOML syntax") from None
    except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits
        raise InputError(source, "", "has a number with thousands of digits", "64-bit integers") from None
    _check_values(data, source)
    return data


def _check_text_shape(text: str, source: str) -> None:
    """Refuse text nested or dotted past the bounds, or with more than :data:`MAX_VALUES`
    values (each needs an '=', ',', '[' or '{'), before tomllib (which recurses, and takes
    seconds over a megabyte of tiny values) reads it."""
    depth = parts = values = 0
    for token in _TOKENS.finditer(text):
        char = token.group()[0]
        if char in "=,[{":
            values += 1
            if values > 2 * MAX_VALUES:  # ',' and '=' in one inline table count twice
                raise InputError(source, "", "has too many values", f"at most {MAX_VALUES:,} keys and array items")
        if char in "[{":
            depth, parts = depth + 1, 0
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, token.start()) + 1
                raise InputError(source, f"line {line}", "is nested too deeply", f"at most {MAX_DEPTH} levels")
        elif char in "]}":
            depth, parts = depth - 1, 0
        elif char == ".":
            parts += 1
            if parts >= MAX_KEY_PARTS:
                line = text.count("\n", 0, token.start()) + 1
                raise InputError(source, f"line {line}", "has a dotted key too long", f"at most {MAX_KEY_PARTS} parts")
        elif len(token.group()) == 1 and not (char.isalnum() or char in "_-+:\"'#"):
            parts = 0  # '=', ',' and the like end a dotted key


def _check_values(data: dict[str, Any], source: str) -> None:
    """Walk the parsed document (without recursion): depth, integer size, number of values."""
    stack: list[tuple[str, Any, int]] = [("", data, 0)]
    count = 0
    while stack:
        name, value, depth = stack.pop()
        count += 1
        if count > MAX_VALUES:
            raise InputError(source, "", "has too many values", f"at most {MAX_VALUES:,} keys and array items")
        if depth > MAX_DEPTH:
            raise InputError(source, name, "is nested too deeply", f"at most {MAX_DEPTH} levels")
        if isinstance(value, dict):
            stack.extend((f"{name}.{k}" if name else k, v, depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{name}[{i}]", v, depth + 1) for i, v in enumerate(value))
        elif isinstance(value, int) and not isinstance(value, bool) and not INT64[0] <= value <= INT64[1]:
            raise InputError(source, name, "is an integer too large", "64-bit integers, as TOML requires")


def parse_number(text: str, source: str, lo: float, hi: float, *, whole: bool = False, unit: str = "") -> float:
    """A number a person typed (a command-line option), checked as a number in a file is:
    finite, within [lo, hi], an integer if ``whole``; InputError naming ``source`` otherwise."""
    kind = "a whole number" if whole else "a number"
    allowed = f"{kind} from {lo:g} to {hi:g}{unit}"
    text = text.strip()
    significant = text.lstrip("+-").lstrip("0")
    if len(significant) > MAX_NUMBER_CHARS:
        digits = significant.replace("_", "").isdigit()
        raise InputError(source, "", "is out of range" if digits else "is not a number", allowed)
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        raise InputError(source, "", f"{text!r} is not {kind}", allowed) from None
    if not lo <= value <= hi:  # also refuses nan and ±inf
        raise InputError(source, "", f"{text} is out of range", allowed)
    return value


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
        if not lo <= value <= hi:  # also refuses nan, ±inf and integers too large for a float
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
