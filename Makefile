# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps
UV_COMPILE := $(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes --custom-compile-command "make lock"

.PHONY: run workshop test check lint lock lock-upgrade bench load clean vulncheck audit audit-offline audit-snapshot

# Every package, direct and transitive, at the exact version and hashes of the lock files:
# a fresh machine on any day installs what was tested. requirements*.txt are the inputs
# people edit; `make lock` turns them into requirements*.lock.
$(VENV)/.runtime: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.lock
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.lock
	$(PIP_INSTALL) -r requirements-dev.lock
	touch $@

# Serves the app on http://localhost:8501 (or $$STREAMLIT_SERVER_PORT, which Streamlit reads itself),
# warmed before it says "klaar": the first page is then as quick as any other (scripts/serve_local.py).
run: $(VENV)/.runtime
	$(PY) scripts/serve_local.py

# A workshop in a room: serves on the local network (every interface), prints the address and a
# QR code; participants vote from their phones. Plain HTTP: see docs/WORKSHOP.md. `make run`
# stays on localhost.
workshop: $(VENV)/.runtime
	$(PY) scripts/serve_workshop.py

test: $(VENV)/.dev
	$(PY) -m keuzehulp check
	$(PY) -m ruff check .
	$(PY) -m pytest -n 2 --dist loadgroup

# Regenerate the locks from requirements*.txt, keeping every version already locked that still
# fits (lock-upgrade: the newest that fit), and docs/AFHANKELIJKHEDEN.md from the new lock.
lock: $(VENV)/.dev
	$(UV_COMPILE) requirements.txt -o requirements.lock
	$(UV_COMPILE) -c requirements.lock requirements-dev.txt -o requirements-dev.lock
	$(UV_COMPILE) -c requirements.lock requirements-audit.txt -o requirements-audit.lock
	$(PIP_INSTALL) -r requirements-dev.lock
	$(PY) tools/licences.py

lock-upgrade: $(VENV)/.dev
	$(UV_COMPILE) --upgrade requirements.txt -o requirements.lock
	$(UV_COMPILE) -c requirements.lock requirements-dev.txt -o requirements-dev.lock
	$(UV_COMPILE) -c requirements.lock requirements-audit.txt -o requirements-audit.lock
	$(PIP_INSTALL) -r requirements-dev.lock
	$(PY) tools/licences.py

check: $(VENV)/.runtime
	$(PY) -m keuzehulp check

lint: $(VENV)/.dev
	$(PY) -m ruff check .

bench: $(VENV)/.dev
	$(PY) bench/advise.py
	$(PY) bench/exports.py
	$(PY) bench/search.py
	$(PY) bench/pages.py
	PYTHONPATH=. $(PY) bench/first_page.py

# Concurrent sessions over Streamlit's WebSocket protocol, app beside a bare page (a few minutes).
load: $(VENV)/.dev
	PYTHONPATH=. $(PY) bench/load.py

# Known vulnerabilities in the locked dependencies. The lock file when there is one, else
# requirements.txt; another file: make vulncheck LOCK=requirements-dev.lock. See SECURITY.md.
LOCK ?= $(firstword $(wildcard requirements.lock) requirements.txt)

# Offline, against the OSV snapshot in security/osv-pypi.json (tests/test_vulncheck.py runs it in CI).
vulncheck: $(VENV)/.runtime
	$(PY) tools/vulncheck.py $(LOCK)

# Online (needs a network): the offline check, then pip-audit against the live PyPI/OSV data.
# A hash-locked file is audited as it is (--no-deps); requirements.txt is resolved first.
audit: vulncheck
	$(PIP_INSTALL) -r requirements-audit.lock
	$(PY) -m pip_audit --strict --desc -r $(LOCK) $(if $(filter %.lock,$(LOCK)),--no-deps --disable-pip,)

# pip-audit without a network: its OSV service pointed at tools/osv_local.py, which answers from
# the snapshot. Audits the pins as they are (--no-deps): exact for a lock file.
audit-offline: vulncheck
	$(PIP_INSTALL) -r requirements-audit.lock
	PYTHONPATH=. $(PY) tools/osv_local.py --run $(PY) -m pip_audit --strict --desc -s osv --osv-url {url} \
		--no-deps --disable-pip --progress-spinner off -r $(LOCK)

# Refresh the snapshot (needs a network): OSV's export of every PyPI advisory, trimmed.
OSV_PYPI_ZIP := https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip
audit-snapshot: $(VENV)/.runtime
	curl -fsSL --retry 3 -o $(VENV)/osv-pypi-all.zip $(OSV_PYPI_ZIP)
	$(PY) tools/osv_snapshot.py $(VENV)/osv-pypi-all.zip --source "OSV PyPI all.zip of $$(date -u +%Y-%m-%d)"
	$(PY) tools/vulncheck.py $(LOCK)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis test-artifacts
