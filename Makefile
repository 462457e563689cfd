# The portal's commands. `make run` serves the demo; `make test` runs everything CI runs.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 5000
PG_BIN := /usr/lib/postgresql/15/bin
export FLASK_APP := wsgi.py
# At least three test workers; one per core and one more on bigger machines.
TEST_WORKERS ?= $(shell python3 -c 'import os; print(max(3, len(os.sched_getaffinity(0)) + 1))')

.PHONY: run test bench install install-test system-test-deps system-pdf-deps test-tools lint

$(VENV)/bin/activate:
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

install: $(VENV)/bin/activate system-pdf-deps
	$(PY) -m pip install -q -e .

# WeasyPrint (PDFs of accounts of practice) needs Debian's pango libraries and a font, only if missing.
system-pdf-deps:
	@missing=""; ldconfig -p | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	[ -d /usr/share/fonts/truetype/dejavu ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -q && apt-get install -y -q $$missing; \
	fi

install-test: $(VENV)/bin/activate
	$(PY) -m pip install -q -e '.[test]'

# Debian's Chromium, PostgreSQL 15 and nginx (the region test), only if missing (CI machines may be brand new).
system-test-deps: system-pdf-deps
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	[ -x $(PG_BIN)/initdb ] || missing="$$missing postgresql-15"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -q && apt-get install -y -q $$missing; \
	  (systemctl disable --now postgresql 2>/dev/null || service postgresql stop 2>/dev/null || true); \
	  (systemctl disable --now nginx 2>/dev/null || service nginx stop 2>/dev/null || true); \
	fi

# The Nu Html Checker for the browser tests: vnu-jar pinned in package-lock.json, run with Debian's Java 17
# (its install script, which would download another Java, is skipped).
test-tools:
	@missing=""; command -v java >/dev/null || missing="$$missing openjdk-17-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -q && apt-get install -y -q $$missing; \
	fi
	[ -f node_modules/vnu-jar/build/dist/vnu.jar ] || npm ci --ignore-scripts --no-audit --no-fund

run: install
	mkdir -p instance
	$(VENV)/bin/flask db upgrade
	DEMO_MODE=1 $(VENV)/bin/flask demo load
	# The mail worker runs beside gunicorn (messages land in instance/outbox/) and stops with it.
	DEMO_MODE=1 $(VENV)/bin/flask mail worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEMO_MODE=1 $(VENV)/bin/gunicorn -k sync -w 2 -b 127.0.0.1:$(PORT) --access-logfile - wsgi:app

test: install-test system-test-deps test-tools
	$(VENV)/bin/ruff check portal tests scripts
	$(VENV)/bin/ruff format --check portal tests scripts wsgi.py
	# One worker per core and one more: browser tests spend much of their time waiting on Chromium and the
	# served portal, so the extra worker fills the idle time (on two cores, a fresh clone: 671 s of tests on two
	# workers, 522 s on three; on 2026-12-01, quiet, 479 s on three and 536 s on four). TEST_WORKERS=N overrides.
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=25

bench: install-test system-test-deps
	$(PY) -m pip install -q -e '.[dev]'
	command -v wrk >/dev/null || (DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk)
	$(PY) -m tests.bench.run_bench

lint: $(VENV)/bin/activate
	$(PY) -m pip install -q -e '.[dev]'
	$(VENV)/bin/ruff check portal tests scripts
	$(VENV)/bin/ruff format --check portal tests scripts wsgi.py
