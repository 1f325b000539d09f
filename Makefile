# medialit: two commands get a student, an instructor or a contributor going.
#   make lab    set everything up (once) and open the course in JupyterLab at Lesson 0
#   make test   set everything up (once) and run the whole test suite
# Also: make book (the published book, offline), make bench (benchmarks), make lock.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The lock file was made with Python 3.11; other versions resolve pyproject's ranges.
CONSTRAINTS := $(shell $(PYTHON) -c 'import sys; print("-c constraints.txt" if sys.version_info[:2] == (3, 11) else "")' 2>/dev/null)

.PHONY: setup lab test lint book bench lock clean

$(BIN)/medialit: pyproject.toml jupyter-config/overrides.d/medialit.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(CONSTRAINTS) -e '.[test]'
	# An editable install skips data files: JupyterLab's settings of the course (as the wheel has them).
	mkdir -p $(VENV)/share/jupyter/lab/settings/overrides.d
	cp jupyter-config/overrides.d/medialit.json $(VENV)/share/jupyter/lab/settings/overrides.d/
	touch $(BIN)/medialit

setup: $(BIN)/medialit

# Jupyter refuses to run as root unless told; containers and lab machines often run as root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

lab: setup
	$(BIN)/jupyter lab $(ALLOW_ROOT) lessons/00-start-here.ipynb

test: setup
	$(BIN)/ruff check src tests benchmarks book
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests benchmarks book

book: setup
	MEDIALIT_BOOK=1 $(BIN)/jupyter-book build -W -n --keep-going book/

bench: setup
	for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

lock: setup
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^medialit' > constraints.txt

clean:
	rm -rf book/_build .pytest_cache .ruff_cache
