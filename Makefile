# One command each: `make run` sets up .venv and runs the pipeline on the bundled sources;
# `make test` sets up .venv and runs the test suite.
VENV ?= .venv
PY := $(VENV)/bin/python
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false

.PHONY: setup lock run test test-fast bench lint

# mlefacts' own modules (src/, flows/: an editable install, which `uv sync --compile-bytecode`
# leaves out) are compiled too, at every setup: a process that writes no .pyc files compiles
# them again at every command (~0.2 s of CPU in `mlefacts run`); up to date, this takes 0.05 s.
setup: $(VENV)/.installed
	$(PY) -m compileall -q src flows

# uv itself lives in its own small venv: `uv sync` keeps .venv exactly as uv.lock says.
UV := .tools/bin/uv

$(UV):
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

# The versions the tests passed with: uv.lock, installed as it is (--frozen never re-resolves).
# Compiled to bytecode at install: without it, an environment that does not write .pyc files
# (PYTHONDONTWRITEBYTECODE, a read-only venv) compiles Prefect and pandas at every start (~6 s).
$(VENV)/.installed: pyproject.toml uv.lock $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --quiet --frozen --compile-bytecode --extra dev
	touch $@

run: setup
	$(VENV)/bin/mlefacts run

# The suite spread over one pytest worker per core (pytest-xdist; a worker takes the next test
# when it is free, so the few long tests do not hold the others up). One process takes over
# 15 minutes of one core. The slowest tests are listed at the end, to keep an eye on CI's time.
test: setup
	$(VENV)/bin/pytest -n auto --dist worksteal --durations=15

# Everything but the tests that start Prefect or servers (e2e) and those that take more than a
# few seconds each (slow): a quick loop while editing.
test-fast: setup
	$(VENV)/bin/pytest -m "not e2e and not slow"

bench: setup
	$(PY) bench/run.py

lint: setup
	$(VENV)/bin/ruff check src flows tests bench
	$(VENV)/bin/ruff format --check src flows tests bench

# A deliberate upgrade: re-resolve every dependency to its newest allowed version.
lock: $(UV)
	$(UV) lock --upgrade
