"""Fuzzing every file loader: any input gives a valid object or a clean one-line error.

The default suite runs a few dozen examples per loader; ``pytest -m slow`` runs thousands
(the ``slow`` variants). Inputs are random text and bytes, and valid files with one field
anywhere replaced by a random value.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flossgui.core.errors import InputError
from flossgui.core.resources import asset
from flossgui.core.tomlwrite import dumps
from flossgui.kiosk.config import KioskConfig, load_kiosk_config
from flossgui.model.exercise import Exercise, load_exercise
from flossgui.model.programme import Programme, dumps_programme, load_programme

FEW = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
MANY = settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))

scalars = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["left", "right", "both", "dim", "blank", "08:00-17:00", "closed", "cue.slump"])
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=3),
    max_leaves=6,
)

EXAMPLES: dict[str, str] = {
    "exercise": asset("exercises", "lumbar-nerve-floss.toml").read_text(encoding="utf-8"),
    "programme": dumps_programme(Programme(reps=8, sets=3, side="both", title="Home")),
    "kiosk": (Path(__file__).parents[1] / "packaging" / "kiosk" / "kiosk.toml").read_text(encoding="utf-8"),
}


def _load_exercise(path: Path) -> Exercise:
    return load_exercise(path)


def _load_programme(path: Path) -> Programme:
    return load_programme(path)


def _load_kiosk(path: Path) -> KioskConfig:
    config, errors = load_kiosk_config(path)  # never raises: errors come back as values
    for error in errors:
        assert str(path) in error.message() and "\n" not in error.message()
    return config


LOADERS: dict[str, tuple[Callable[[Path], Any], type]] = {
    "exercise": (_load_exercise, Exercise),
    "programme": (_load_programme, Programme),
    "kiosk": (_load_kiosk, KioskConfig),
}


def _check(kind: str, path: Path, content: bytes) -> None:
    path.write_bytes(content)
    load, result_type = LOADERS[kind]
    try:
        result = load(path)
    except InputError as exc:
        message = exc.message()
        assert message.startswith(str(path)) and "\n" not in message
        return
    assert isinstance(result, result_type)


def _mutate(data: dict, draw: Callable) -> dict:
    """Replace (or add) one field at a random depth of a parsed TOML document."""
    doc = copy.deepcopy(data)
    node: Any = doc
    while True:
        if isinstance(node, list) and node:
            index = draw(st.integers(0, len(node) - 1))
            if isinstance(node[index], dict | list) and draw(st.booleans()):
                node = node[index]
                continue
            node[index] = draw(values)
            return doc
        if isinstance(node, dict):
            key = draw(st.sampled_from([*node, "unexpected"]))
            if isinstance(node.get(key), dict | list) and draw(st.booleans()):
                node = node[key]
                continue
            node[key] = draw(values)
            return doc
        return doc


inputs = st.one_of(st.text(max_size=400).map(str.encode), st.binary(max_size=300))


def _fuzz_raw(tmp_path_factory: pytest.TempPathFactory, kind: str, content: bytes) -> None:
    _check(kind, tmp_path_factory.mktemp("fuzz") / f"{kind}.toml", content)


def _fuzz_mutated(tmp_path_factory: pytest.TempPathFactory, kind: str, data: st.DataObject) -> None:
    mutated = _mutate(tomllib.loads(EXAMPLES[kind]), data.draw)
    _check(kind, tmp_path_factory.mktemp("fuzz") / f"{kind}.toml", dumps(mutated).encode())


@pytest.mark.parametrize("kind", LOADERS)
@FEW
@given(content=inputs)
def test_random_bytes(tmp_path_factory, kind, content):
    _fuzz_raw(tmp_path_factory, kind, content)


@pytest.mark.parametrize("kind", LOADERS)
@FEW
@given(data=st.data())
def test_one_field_mutated(tmp_path_factory, kind, data):
    _fuzz_mutated(tmp_path_factory, kind, data)


@pytest.mark.slow
@pytest.mark.parametrize("kind", LOADERS)
@MANY
@given(content=inputs)
def test_random_bytes_many(tmp_path_factory, kind, content):
    _fuzz_raw(tmp_path_factory, kind, content)


@pytest.mark.slow
@pytest.mark.parametrize("kind", LOADERS)
@MANY
@given(data=st.data())
def test_one_field_mutated_many(tmp_path_factory, kind, data):
    _fuzz_mutated(tmp_path_factory, kind, data)


@pytest.mark.parametrize("kind", LOADERS)
def test_the_unmutated_examples_load(tmp_path, kind):
    path = tmp_path / f"{kind}.toml"
    path.write_text(EXAMPLES[kind], encoding="utf-8")
    load, result_type = LOADERS[kind]
    assert isinstance(load(path), result_type)
    if kind == "kiosk":
        assert load_kiosk_config(path)[1] == []
