"""The staff PIN that leaves the kiosk: rules, scrypt hashing, and a brake on guessing.

A hash is one self-describing string, ``scrypt$N$r$p$SALT$HASH`` (salt and hash in
base64), so stronger parameters can be chosen later without breaking stored PINs. New
hashes use scrypt with N = 2^14, r = 8, p = 1 (16 MiB of memory and about 40 ms of one
core per guess on a 2020s PC), a fresh 16-byte random salt and a 32-byte hash.

A new PIN has 6 to 12 digits (a million or more choices); the pad still accepts the 4-digit
PINs that earlier versions allowed, so an upgrade never locks staff out. Guessing at the
screen is braked by :class:`AttemptLimiter`, whose state survives a restart
(:class:`Lockout`, kept by :mod:`flossgui.kiosk.lockout_file`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from flossgui.core.errors import InputError

PIN_RULE = "6 to 12 digits (0-9)"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_SALT_BYTES, _HASH_BYTES = 16, 32
# Parameters read from a file are bounded so a bad file cannot exhaust memory or time.
_MAX_N, _MAX_R, _MAX_P, _MAX_MEM = 2**20, 32, 16, 256 * 2**20
_PIN = re.compile(r"[0-9]{6,12}")
_ENTERED = re.compile(r"[0-9]{4,12}")  # what the pad checks: also the 4-digit PINs of earlier versions


def validate_pin(pin: str) -> None:
    """Raise InputError unless ``pin`` is 6 to 12 ASCII digits (the rule for a new PIN)."""
    if not _PIN.fullmatch(pin):
        if not pin:
            problem = "is empty"
        elif pin.isascii() and pin.isdigit():
            problem = f"has {len(pin)} digits"
        else:
            problem = "is not only digits"
        raise InputError("PIN", "", problem, PIN_RULE)


@dataclass(frozen=True)
class PinHash:
    """The parts of a stored PIN hash."""

    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    def __str__(self) -> str:
        b64 = base64.b64encode
        return f"scrypt${self.n}${self.r}${self.p}${b64(self.salt).decode()}${b64(self.digest).decode()}"


def parse_pin_hash(text: str) -> PinHash:
    """Read a ``scrypt$N$r$p$SALT$HASH`` string; raises ValueError if malformed or unsafe."""
    parts = text.split("$")
    if len(parts) != 6 or parts[0] != "scrypt" or not all(s.isdigit() for s in parts[1:4]):
        raise ValueError("not a scrypt$N$r$p$SALT$HASH string")
    n, r, p = (int(s) for s in parts[1:4])
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        raise ValueError("scrypt parameters out of range")
    if 128 * n * r * p > _MAX_MEM:
        raise ValueError("scrypt parameters need too much memory")
    try:
        salt, digest = (base64.b64decode(s, validate=True) for s in parts[4:])
    except binascii.Error:
        raise ValueError("salt or hash is not base64") from None
    if not salt or len(digest) < 16:
        raise ValueError("salt or hash too short")
    return PinHash(n, r, p, salt, digest)


def _scrypt(pin: str, n: int, r: int, p: int, salt: bytes, length: int) -> bytes:
    maxmem = 128 * n * r * (p + 2) + 2**20  # what OpenSSL needs, with room to spare
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=length)


def hash_pin(pin: str, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """Hash a valid PIN with a fresh random salt; raises InputError for an invalid PIN."""
    validate_pin(pin)
    salt = os.urandom(_SALT_BYTES)
    return str(PinHash(n, r, p, salt, _scrypt(pin, n, r, p, salt, _HASH_BYTES)))


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``; a malformed or empty ``stored`` matches nothing."""
    try:
        h = parse_pin_hash(stored)
    except ValueError:
        return False
    if not _ENTERED.fullmatch(pin):
        return False
    return hmac.compare_digest(_scrypt(pin, h.n, h.r, h.p, h.salt, len(h.digest)), h.digest)


@dataclass(frozen=True)
class Lockout:
    """What the brake on guessing must remember across a restart."""

    failures: int  # wrong PINs in a row
    wait_s: float  # seconds of lock still to run when saved
    saved_at: float  # wall-clock time of saving (seconds since the epoch)


class AttemptLimiter:
    """Slows down PIN guessing: after ``free`` wrong PINs in a row, each further one locks
    entry for ``base`` seconds, doubling every time up to ``cap``. A right PIN, or
    ``forget`` seconds without a wrong one, starts afresh.

    ``clock`` is a monotonic clock in seconds (injected so tests need not sleep). ``saved``
    (a :class:`Lockout`) carries the count and the lock over a restart, read against the
    wall clock ``wall``: time that passed while the kiosk was down counts, a clock set back
    never shortens the lock, and no lock is longer than ``cap``. ``on_change(lockout)`` is
    told after every attempt, to save it.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        free: int = 3,
        base: float = 30.0,
        cap: float = 600.0,
        forget: float = 3600.0,
        *,
        saved: Lockout | None = None,
        wall: Callable[[], float] = time.time,
        on_change: Callable[[Lockout], object] = lambda lockout: None,
    ) -> None:
        self._clock = clock
        self._wall = wall
        self._on_change = on_change
        self._free, self._base, self._cap, self._forget = free, base, cap, forget
        self._failures = 0
        self._last_failure = -float("inf")
        self._locked_until = -float("inf")
        if saved is not None:
            self._restore(saved)

    def _restore(self, saved: Lockout) -> None:
        down = self._wall() - saved.saved_at
        down = down if 0.0 <= down < float("inf") else 0.0  # a clock set back, or nonsense: no time passed
        if down >= self._forget or saved.failures <= 0:
            return
        now = self._clock()
        self._failures = saved.failures
        self._last_failure = now - down
        wait = min(self._cap, max(0.0, saved.wait_s)) - down
        if wait > 0:
            self._locked_until = now + wait

    def lockout(self) -> Lockout:
        """The state to save now."""
        return Lockout(self._failures, self.wait(), self._wall())

    def wait(self) -> float:
        """Seconds until the next attempt is allowed (0 when one may be made now)."""
        return max(0.0, self._locked_until - self._clock())

    def failed(self) -> None:
        """Record a wrong PIN."""
        now = self._clock()
        if now - self._last_failure >= self._forget:
            self._failures = 0
        self._failures += 1
        self._last_failure = now
        extra = self._failures - self._free
        if extra > 0:
            self._locked_until = now + min(self._cap, self._base * 2 ** min(extra - 1, 32))
        self._on_change(self.lockout())

    def succeeded(self) -> None:
        """Record a right PIN."""
        self._failures = 0
        self._locked_until = -float("inf")
        self._on_change(self.lockout())


@dataclass(frozen=True)
class Attempt:
    """Outcome of one PIN entry; ``wait`` is how many seconds until the next may be made."""

    accepted: bool
    wait: float


class PinGate:
    """Checks PINs against one stored hash, refusing to even try while locked."""

    def __init__(self, stored: str, limiter: AttemptLimiter | None = None) -> None:
        self._stored = stored
        self.limiter = limiter or AttemptLimiter()

    def attempt(self, pin: str) -> Attempt:
        """Try ``pin``; while locked out it is refused unchecked, and the lock is not extended."""
        if self.limiter.wait() > 0:
            return Attempt(False, self.limiter.wait())
        if verify_pin(pin, self._stored):
            self.limiter.succeeded()
            return Attempt(True, 0.0)
        self.limiter.failed()
        return Attempt(False, self.limiter.wait())
