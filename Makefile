# `make demo` and `make test` are the whole quick start: both create .venv on
# first use, so a fresh clone needs nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test bench clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(INSTALLED)

demo: $(INSTALLED)
	$(BIN)/petition build data --format pdf --format html --format txt --output-dir dist
	@ls -l dist

test: $(INSTALLED)
	$(BIN)/python -m pytest

bench: $(INSTALLED)
	$(BIN)/python bench/run.py

clean:
	rm -rf dist build .pytest_cache .hypothesis
