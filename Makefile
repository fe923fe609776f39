# Two commands on a fresh machine with Python 3.11+: `make play` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

.PHONY: play test lint bench clean

$(VENV)/.base: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.base
	$(PY) -m pip install -q -e '.[test]'
	touch $@

play: $(VENV)/.base
	$(PY) main.py

test: $(VENV)/.test
	$(PY) -m ruff check game tests bench main.py
	$(PY) -m pytest -q

bench: $(VENV)/.test
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
