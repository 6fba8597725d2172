# One task runner for people and CI. `make run` and `make test` install into .venv first.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test lint bench examples templates readme

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/underlag bygg

test: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

bench: $(VENV)/.installed
	$(PY) -m bench

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

# Regenerate committed artefacts after a change to the schema, the examples or the template.
examples: $(VENV)/.installed
	$(PY) scripts/make_examples.py

templates: $(VENV)/.installed
	$(PY) scripts/make_templates.py
	$(PY) scripts/make_pptx_templates.py

readme: $(VENV)/.installed
	$(PY) scripts/update_readme.py
