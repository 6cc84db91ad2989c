# Minzheng — every dependency is installed from this repository's own files:
#   pyproject.toml + uv.lock (Python), package.json + package-lock.json (npm data and browser assets),
#   scripts/install-system-packages.sh (Debian: chromium and CJK fonts, for browser tests and PDFs).
#
#   make run    set everything up and start the platform with demo data on http://127.0.0.1:8000
#   make test   run the whole test suite (lint, import contracts, unit/integration, browser)

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
UV := $(VENV)/bin/uv
PY := $(VENV)/bin/python
DATABASE_URL ?=
PYTEST_ARGS ?= -q
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup python-deps node-deps system-deps db demo serve test lint pytest clean

run: setup db demo serve

setup: python-deps node-deps

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "uv==0.13.9"

python-deps: $(UV)
	$(UV) sync --frozen --extra spark --quiet

node-deps:
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
		npm ci --no-audit --no-fund --loglevel=error; fi

system-deps:
	scripts/install-system-packages.sh

db:
	$(PY) manage.py migrate --noinput
	@if [ "$$($(PY) manage.py shell -c 'from minzheng.core.models import Division; print(Division.objects.exists())')" != "True" ]; then \
		$(PY) manage.py load_divisions; fi
	$(PY) manage.py load_policy
	$(PY) manage.py load_assistance_policy
	$(PY) manage.py load_plans
	$(PY) manage.py load_bank_formats
	$(PY) manage.py load_monitoring_rules
	$(PY) manage.py load_funeral_policy
	$(PY) manage.py load_division_changes
	$(PY) manage.py load_onestop_matters

demo:
	$(PY) manage.py demo --if-empty
	$(PY) manage.py demo_assistance
	$(PY) manage.py demo_exchange
	$(PY) manage.py demo_eldercare
	$(PY) manage.py demo_marriage
	$(PY) manage.py demo_children
	$(PY) manage.py demo_socialorgs
	$(PY) manage.py demo_placenames
	$(PY) manage.py demo_community
	$(PY) manage.py demo_planning
	$(PY) manage.py demo_payments
	$(PY) manage.py demo_monitoring --if-empty
	$(PY) manage.py demo_funeral
	$(PY) manage.py demo_onestop
	$(PY) manage.py demo_funds
	$(PY) manage.py demo_rescue
	$(PY) manage.py demo_disability
	$(PY) manage.py demo_datacenter

serve:
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "智慧民政服务管理平台: http://$(HOST):$(PORT)/  (演示用户见 README)"
	@# The task worker (background verification runs) lives as long as the web server.
	$(PY) manage.py recover_background_jobs
	$(PY) manage.py db_worker --no-reload --interval 1 & worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
	$(VENV)/bin/gunicorn minzheng.wsgi:application --chdir src --bind $(HOST):$(PORT) --workers 2 --threads 4 --access-logfile -

lint: python-deps
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/lint-imports

pytest: setup system-deps
	DATABASE_URL="$(DATABASE_URL)" scripts/run-pytest.sh $(PYTEST_ARGS)

test: lint pytest

clean:
	rm -rf $(VENV) node_modules var
