# `make demo` and `make test` are the whole quick start: both create .venv on
# first use, so a fresh clone needs nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test fuzz lint format readme schemas bench clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# `--group` (PEP 735's dependency groups: test, lint, bench) needs pip 25.1 or later.
	$(BIN)/python -m pip install --quiet --upgrade 'pip>=25.1'
	$(BIN)/python -m pip install --quiet -e '.[typst]' --group dev
	touch $(INSTALLED)

demo: $(INSTALLED)
	$(BIN)/petition build data --lang all --to all --format pdf --format html --format txt --output-dir dist
	@ls -l dist

test: $(INSTALLED)
	$(BIN)/python -m pytest

# The property tests, fifty times as many examples as `make test` runs: hostile
# projects that check must refuse or build must build. About ten minutes.
fuzz: $(INSTALLED)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_robustness.py tests/test_fuzz_build.py tests/test_engines_agree.py

# ruff (lint and format) and mypy, as CI runs them.
lint: $(INSTALLED)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

format: $(INSTALLED)
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

# The generated tables of the README (rules, limits) and of docs/reference/exit-codes.md.
readme: $(INSTALLED)
	$(BIN)/python scripts/update_readme.py

# The committed JSON Schemas, from the field descriptions in model/.
schemas: $(INSTALLED)
	$(BIN)/petition schema --output schemas

bench: $(INSTALLED)
	$(BIN)/python bench/run.py

clean:
	rm -rf dist build .pytest_cache .hypothesis
