# `make demo` and `make test` are the whole quick start: both create .venv on
# first use, so a fresh clone needs nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test fuzz lint format docs docs-gen readme schemas bench clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# `--group` (PEP 735's dependency groups: test, lint, bench) needs pip 25.1 or later.
	$(BIN)/python -m pip install --quiet --upgrade 'pip>=25.1'
	$(BIN)/python -m pip install --quiet -e '.[typst]' --group dev
	touch $(INSTALLED)

# The site's tools, apart from the test environment's so that `make test` does not need them.
DOCS_INSTALLED := $(VENV)/.docs-installed
$(DOCS_INSTALLED): $(INSTALLED)
	$(BIN)/python -m pip install --quiet --group docs
	touch $(DOCS_INSTALLED)

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

# The documentation site (mkdocs.yml) into site/; --strict: a broken link or a stale page fails.
docs: $(DOCS_INSTALLED)
	$(BIN)/python scripts/docs_gen.py --check
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

# The pages made from the code: one page a rule (with its example from the check
# corpus), the commands, the files and keys, the limits. Run it after adding a
# rule, an option, a key or a limit; tests/test_docs.py fails while a page is stale.
docs-gen: $(INSTALLED)
	$(BIN)/python scripts/docs_gen.py

# What this target did before the site: the rule and limit tables, now pages of it.
readme: docs-gen

# The committed JSON Schemas, from the field descriptions in model/.
schemas: $(INSTALLED)
	$(BIN)/petition schema --output schemas

# Writes its tables into the site's Performance page too.
bench: $(INSTALLED)
	$(BIN)/python bench/run.py --page docs/explanation/performance.md

clean:
	rm -rf dist build site .pytest_cache .hypothesis
