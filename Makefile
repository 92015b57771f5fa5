# One command each: `make run` sets up .venv and runs the pipeline on the bundled sources;
# `make test` sets up .venv and runs the test suite.
VENV ?= .venv
PY := $(VENV)/bin/python
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false

.PHONY: setup lock run test test-fast bench lint

setup: $(VENV)/.installed

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

# The suite in two processes, one per core: the quick tests (their report is printed when both
# are done) beside the e2e and slow ones. One pytest run takes over 15 minutes of one core.
test: setup
	@$(VENV)/bin/pytest -p no:cacheprovider -m "not e2e and not slow" > .pytest-quick.log 2>&1 & \
	quick=$$!; $(VENV)/bin/pytest -m "e2e or slow"; slow=$$?; wait $$quick; quick=$$?; \
	echo "--- quick tests (not e2e, not slow):"; cat .pytest-quick.log; rm -f .pytest-quick.log; \
	test $$slow -eq 0 && test $$quick -eq 0

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
