# One command each: `make run` sets up .venv and runs the pipeline on the bundled sources;
# `make test` sets up .venv and runs the test suite.
VENV ?= .venv
PY := $(VENV)/bin/python
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false

.PHONY: setup run test bench lint

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade uv
	$(VENV)/bin/uv pip install --quiet --python $(PY) -e ".[dev]"
	touch $@

run: setup
	$(VENV)/bin/mlefacts run

test: setup
	$(VENV)/bin/pytest

bench: setup
	$(PY) bench/run.py

lint: setup
	$(VENV)/bin/ruff check src flows tests bench
