# One task runner for people and CI. `make run` and `make test` install into .venv first.
VENV ?= .venv
PY := $(VENV)/bin/python
# Python caches bytecode on users' machines; this machine image turns that off, which would
# compile every module again in every test process and build. Caching is what we measure.
export PYTHONDONTWRITEBYTECODE =

.PHONY: run test snabbtest lint bench examples templates readme

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/underlag bygg

test: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest -n auto

# The edit-test loop: everything but LibreOffice, killed and watched builds, hypothesis, the
# corpora (bad files, restyled templates), openxml-audit sweeps of every example output, the
# docxtemplater peer, fresh-interpreter builds and the overview page in a real browser:
# tests marked `slow`, the files below and tests named for the rest. `make test` runs
# everything, as CI does.
SLOW_FILES := produce/test_office read/test_libreoffice app/test_watch read/test_property \
	produce/test_roundtrip
SLOW_NAMES := saved_by_libreoffice or sparad_i_libreoffice or openxml_audit or docxtemplater
snabbtest: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest -q -p no:cacheprovider -n auto -m "not slow" -k "not ($(SLOW_NAMES))" \
		$(SLOW_FILES:%=--ignore=tests/%.py)

bench: $(VENV)/.installed
	$(PY) -m bench

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

# Regenerate committed artefacts after a change to the schema, the examples or the template.
examples: $(VENV)/.installed
	$(PY) scripts/make_examples.py

templates: $(VENV)/.installed
	$(PY) scripts/make_logo.py
	$(PY) scripts/make_templates.py
	$(PY) scripts/make_avrapportering.py
	$(PY) scripts/make_intranat.py
	$(PY) scripts/make_pptx_templates.py

readme: $(VENV)/.installed
	$(PY) scripts/update_readme.py
