# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run workshop test check lint bench load clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Serves the app on http://localhost:8501 (or $$STREAMLIT_SERVER_PORT, which Streamlit reads itself).
run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py

# A workshop in a room: serves on the local network (every interface), prints the address and a
# QR code; participants vote from their phones. Plain HTTP: see docs/WORKSHOP.md. `make run`
# stays on localhost.
workshop: $(VENV)/.runtime
	$(PY) scripts/serve_workshop.py

test: $(VENV)/.dev
	$(PY) -m keuzehulp check
	$(PY) -m ruff check .
	$(PY) -m pytest

check: $(VENV)/.runtime
	$(PY) -m keuzehulp check

lint: $(VENV)/.dev
	$(PY) -m ruff check .

bench: $(VENV)/.dev
	$(PY) bench/advise.py
	$(PY) bench/exports.py
	$(PY) bench/search.py
	$(PY) bench/pages.py

# Concurrent sessions over Streamlit's WebSocket protocol, app beside a bare page (a few minutes).
load: $(VENV)/.dev
	PYTHONPATH=. $(PY) bench/load.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis test-artifacts
