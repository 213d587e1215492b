"""PIN rules, scrypt hash strings, constant-time verify and the brake on guessing."""

import hashlib
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flossgui.core.errors import InputError
from flossgui.kiosk.pin import (
    AttemptLimiter,
    Lockout,
    PinGate,
    PinHash,
    hash_pin,
    parse_pin_hash,
    validate_pin,
    verify_pin,
)
from flossgui.model.clock import ManualClock


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin("246813")


@pytest.mark.parametrize("pin", ["000000", "123456", "123456789012"])
def test_valid_pins(pin):
    validate_pin(pin)


@pytest.mark.parametrize("pin", ["", "123", "1234", "12345", "1234567890123", "12a456", "12 3456", "١٢٣٤٥٦", "²²²²²²"])
def test_invalid_pins_name_the_rule(pin):
    with pytest.raises(InputError, match=r"^PIN: .*\(allowed: 6 to 12 digits \(0-9\)\)$"):
        validate_pin(pin)


def test_hash_is_self_describing_and_salted(stored):
    assert stored.startswith("scrypt$16384$8$1$")
    parsed = parse_pin_hash(stored)
    assert len(parsed.salt) == 16 and len(parsed.digest) == 32
    assert str(parsed) == stored
    assert hash_pin("246813") != stored  # fresh salt each time


def test_verify(stored):
    assert verify_pin("246813", stored)
    assert not verify_pin("246814", stored)
    assert not verify_pin("2468130", stored)
    assert not verify_pin("", stored)


def test_other_parameters_round_trip():
    stored = hash_pin("987654", n=2**10, r=4, p=2)
    assert stored.startswith("scrypt$1024$4$2$")
    assert verify_pin("987654", stored)


def test_hash_rejects_invalid_pin():
    with pytest.raises(InputError):
        hash_pin("12")


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "plain",
        "bcrypt$16384$8$1$AAAA$AAAA",
        "scrypt$16384$8$1$AAAA",
        "scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==",  # N not a power of 2
        "scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==",  # N too large
        "scrypt$1048576$32$16$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==",  # too much memory
        "scrypt$16384$8$1$not base64!$AAAAAAAAAAAAAAAAAAAAAA==",
        "scrypt$16384$8$1$$AAAAAAAAAAAAAAAAAAAAAA==",  # no salt
        "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",  # digest too short
        "scrypt$-1$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==",
    ],
)
def test_malformed_hashes_are_refused_and_match_nothing(bad):
    with pytest.raises(ValueError):
        parse_pin_hash(bad)
    assert not verify_pin("1234", bad)


def test_three_free_attempts_then_exponential_lock_capped():
    clock = ManualClock(1000)
    limiter = AttemptLimiter(clock, free=3, base=30, cap=120)
    for _ in range(3):
        assert limiter.wait() == 0
        limiter.failed()
    assert limiter.wait() == 0  # three wrong PINs are free
    waits = []
    for _ in range(5):
        limiter.failed()
        waits.append(limiter.wait())
        clock.now += limiter.wait()
        assert limiter.wait() == 0
    assert waits == [30, 60, 120, 120, 120]


def test_lock_counts_down_with_the_clock():
    clock = ManualClock(1000)
    limiter = AttemptLimiter(clock, free=0, base=30)
    limiter.failed()
    clock.now += 10
    assert limiter.wait() == 20


def test_success_resets():
    clock = ManualClock(1000)
    limiter = AttemptLimiter(clock, free=1, base=30)
    limiter.failed()
    limiter.failed()
    assert limiter.wait() == 30
    limiter.succeeded()
    assert limiter.wait() == 0
    limiter.failed()
    assert limiter.wait() == 0  # the free attempt is back


def test_failures_are_forgotten_after_a_quiet_hour():
    clock = ManualClock(1000)
    limiter = AttemptLimiter(clock, free=3, base=30, forget=3600)
    for _ in range(3):
        limiter.failed()
        clock.now += 3600
    assert limiter.wait() == 0
    limiter.failed()
    assert limiter.wait() == 0  # not the 4th in a row: the others were long ago


def test_gate_refuses_without_checking_while_locked(stored):
    clock = ManualClock(1000)
    gate = PinGate(stored, AttemptLimiter(clock, free=2, base=30))
    assert gate.attempt("0000").accepted is False
    first_lock = gate.attempt("1111")
    assert (first_lock.accepted, first_lock.wait) == (False, 0)
    locked = gate.attempt("0001")
    assert (locked.accepted, locked.wait) == (False, 30)
    clock.now += 5
    refused = gate.attempt("246813")  # right PIN, but locked: refused, lock not extended
    assert (refused.accepted, refused.wait) == (False, 25)
    clock.now += 25
    assert gate.attempt("246813") == type(refused)(True, 0.0)
    assert gate.attempt("0000").wait == 0  # counting restarted after success


def test_gate_with_no_pin_set_never_opens():
    gate = PinGate("", AttemptLimiter(ManualClock(1000)))
    assert not gate.attempt("1234").accepted


def test_a_four_digit_pin_from_an_earlier_version_still_opens():
    """New PINs need 6 digits, but a stored 4-digit one must not lock staff out after an upgrade."""
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"2468", salt=salt, n=16, r=8, p=1, dklen=32)
    old = str(PinHash(16, 8, 1, salt, digest))
    assert verify_pin("2468", old) and not verify_pin("2469", old)


def test_the_lockout_survives_a_restart():
    clock, wall = ManualClock(50), ManualClock(1_700_000_000)
    saved = []
    limiter = AttemptLimiter(clock, free=3, base=30, cap=600, wall=wall, on_change=saved.append)
    for _ in range(5):
        limiter.failed()
    assert limiter.wait() == 60 and saved[-1] == Lockout(5, 60, wall.now)
    # The kiosk is restarted 20 s later: a new monotonic clock, the saved state.
    wall.now += 20
    restarted = AttemptLimiter(ManualClock(3), free=3, base=30, cap=600, wall=wall, saved=saved[-1])
    assert restarted.wait() == 40
    restarted.failed()  # the 6th wrong PIN in a row, not the 1st
    assert restarted.wait() == 120


@given(
    failures=st.integers(0, 50),
    wait_s=st.floats(-1e9, 1e9),
    down=st.floats(-1e9, 1e9) | st.just(math.nan),
)
def test_a_restored_lock_is_never_longer_than_the_cap_nor_than_saved(failures, wait_s, down):
    wall = ManualClock(1_700_000_000)
    saved = Lockout(failures, wait_s, wall.now)
    wall.now += down if math.isfinite(down) else 0
    down = wall.now - saved.saved_at  # what the wall clock really moved by
    limiter = AttemptLimiter(ManualClock(0), cap=600, wall=wall, saved=saved)
    assert 0 <= limiter.wait() <= 600
    if not (wait_s > 0 and failures > 0) or down >= 3600:  # nothing to carry, or forgotten after an hour
        assert limiter.wait() == 0
    elif down <= 0:  # a clock set back: no time has passed
        assert limiter.wait() == min(600, wait_s)
    else:
        assert limiter.wait() == pytest.approx(max(0.0, min(600, wait_s) - down))
