# Two commands on a fresh machine with Python 3.11+: `make play` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

.PHONY: play test lint bench dist clean

$(VENV)/.base: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.base
	$(PY) -m pip install -q -e '.[test]'
	touch $@

$(VENV)/.dist: pyproject.toml $(VENV)/.base
	$(PY) -m pip install -q -e '.[dist]'
	touch $@

play: $(VENV)/.base
	$(PY) main.py

test: $(VENV)/.test
	$(PY) -m ruff check game tests bench main.py
	$(PY) -m pytest -q

bench: $(VENV)/.test
	$(PY) bench/run.py

# dist/: the sdist and the wheel (built from the sdist), and the standalone one-folder build dist/werkalliantie/
# (PyInstaller, for the system it runs on), then started from a clean environment: .ci/check-bundle.
dist: $(VENV)/.dist
	rm -rf dist
	$(PY) -m build --outdir dist .
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller werkalliantie.spec
	.ci/check-bundle dist/werkalliantie/werkalliantie

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist
