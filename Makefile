# One virtual environment in .venv, made from pyproject.toml. Override PYTHON to pick an interpreter.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[all,dev]"
	touch $(STAMP)

setup: $(STAMP)

## Generate the synthetic demo data, scan it, print the summary and the report path.
demo: $(STAMP)
	$(BIN)/python examples/demo/generate.py examples/demo/data
	$(BIN)/fouille scan --config examples/demo/fouille.toml; code=$$?; [ $$code -eq 0 ] || [ $$code -eq 3 ]

## Run the whole test suite.
test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check scanner detectors connectors reports tests

clean:
	rm -rf $(VENV) fouille-report examples/demo/data examples/demo/fouille-report
