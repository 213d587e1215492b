"""PIN rules, scrypt hash strings, constant-time verify and the brake on guessing."""

import pytest

from flossgui.core.errors import InputError
from flossgui.kiosk.pin import AttemptLimiter, PinGate, hash_pin, parse_pin_hash, validate_pin, verify_pin
from flossgui.model.clock import ManualClock


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin("2468")


@pytest.mark.parametrize("pin", ["0000", "1234", "123456789012"])
def test_valid_pins(pin):
    validate_pin(pin)


@pytest.mark.parametrize("pin", ["", "123", "1234567890123", "12a4", "12 34", "١٢٣٤", "²²²²"])
def test_invalid_pins_name_the_rule(pin):
    with pytest.raises(InputError, match=r"^PIN: .*\(allowed: 4 to 12 digits \(0-9\)\)$"):
        validate_pin(pin)


def test_hash_is_self_describing_and_salted(stored):
    assert stored.startswith("scrypt$16384$8$1$")
    parsed = parse_pin_hash(stored)
    assert len(parsed.salt) == 16 and len(parsed.digest) == 32
    assert str(parsed) == stored
    assert hash_pin("2468") != stored  # fresh salt each time


def test_verify(stored):
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("24680", stored)
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
    refused = gate.attempt("2468")  # right PIN, but locked: refused, lock not extended
    assert (refused.accepted, refused.wait) == (False, 25)
    clock.now += 25
    assert gate.attempt("2468") == type(refused)(True, 0.0)
    assert gate.attempt("0000").wait == 0  # counting restarted after success


def test_gate_with_no_pin_set_never_opens():
    gate = PinGate("", AttemptLimiter(ManualClock(1000)))
    assert not gate.attempt("1234").accepted
