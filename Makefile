# The two commands in the README: `make run` and `make test`.
# Each creates .venv (if needed) with a Python >= 3.11 and installs what it needs.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test bench clean

run: $(VENV)/.app
	$(BIN)/flossgui

test: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

bench: $(VENV)/.app
	$(BIN)/flossgui bench --quick

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "flossgui needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Byte-compiled as pip compiles a wheel it installs: an editable install (or a machine with
# PYTHONDONTWRITEBYTECODE set) would otherwise compile every module at every start.
$(VENV)/.app: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q flossgui
	touch $@

$(VENV)/.test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q flossgui
	touch $@ $(VENV)/.app

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis
