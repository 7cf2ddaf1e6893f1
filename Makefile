# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade "pip>=24"

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[test,dask]"
	touch $(STAMP) $@

## demo: install into .venv, code the bundled sample articles into the store dyad.duckdb and show what it holds
demo: $(STAMP)
	$(BIN)/dyad ingest examples/ --db dyad.duckdb
	$(BIN)/dyad sql "SELECT event, count(*) AS events, round(avg(confidence), 2) AS confidence FROM events GROUP BY event ORDER BY events DESC" --db dyad.duckdb

## test: install with the test and dask extras, check style and types, run the test suite
test: $(TEST_STAMP) lint
	$(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks tools training
	$(BIN)/ruff format --check src tests benchmarks tools training
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
