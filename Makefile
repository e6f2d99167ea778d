# Two entry points: `make run` (set up, check the seed article) and `make test` (set up, run every test).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint docs docs-checks bench bench-large bench-phrasing clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Findings make translint exit 1; that is the expected result on the seed, not a failure.
run: $(STAMP)
	$(BIN)/translint check seeds || [ $$? -eq 1 ]

test: $(STAMP)
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory lint

# The everyday tier, in seconds: every test but the slow ones, which need a real process
# (entry points, pipes, signals, closed streams, permissions as root, hangs) or take seconds.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/mypy

# The reference in docs/ as a website, in site/ (optional: `make test` does not need MkDocs).
docs: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	$(BIN)/mkdocs build --strict

# docs/checks.md is generated from each check's own docs (translint/checks/*.py).
docs-checks: $(STAMP)
	$(BIN)/translint checks --format markdown > docs/checks.md

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run.py

bench-large: $(STAMP)
	$(BIN)/python benchmarks/large_files.py

bench-phrasing: $(STAMP)
	$(BIN)/python benchmarks/phrasing.py

clean:
	rm -rf $(VENV) build site *.egg-info .pytest_cache .mypy_cache .ruff_cache benchmarks/work
