# Two commands on a fresh machine:
#   make brief   installs what is needed, then writes today's briefs from seeds/ into output/
#   make test    installs what is needed, then runs the whole test suite
#   make check   the fast subset while developing: every test not marked slow (`make test` runs all)
#   make lint    ruff and mypy only (`make test` and `make check` run them first)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.briefgen-installed

.PHONY: brief test check lint setup system-deps bench clean

brief: $(STAMP)
	$(BIN)/briefgen build seeds/ --output-dir output

test: lint
	$(BIN)/python -m pytest

check: lint
	$(BIN)/python -m pytest -m "not slow" -x

# `python -m` so the tools come from the virtualenv whatever its scripts folder holds.
lint: $(STAMP)
	$(BIN)/python -m ruff check briefgen tests bench
	$(BIN)/python -m mypy

setup: $(STAMP)

system-deps:
	scripts/system-deps

$(STAMP): pyproject.toml scripts/system-deps
	scripts/system-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dask,speed]'
	touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info
