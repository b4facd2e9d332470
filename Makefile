# CryptoLens: `make run` and `make test` do every set-up step themselves on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := python3.11
export UV_LINK_MODE := copy

# uv: the one on PATH, else bootstrapped with pip into .tools/ (never downloads a Python).
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.synced
# Parallel pytest processes for `make test` (each with its own database and Redis database).
TEST_WORKERS ?= 3

.PHONY: help install run serve worker migrate test test-backend test-frontend lint fmt bench frontend clean

help:
	@echo "make run      install, build the SPA, migrate and serve API + jobs at http://127.0.0.1:8000"
	@echo "make test     run every test (SQLite always; MariaDB/Redis when CRYPTOLENS_TEST_*_URL are set)"
	@echo "make lint     ruff, formatting, mypy, import contracts, deptry, the SPA linter"
	@echo "make fmt      format the code"
	@echo "make migrate  upgrade the database to the newest migration"
	@echo "make bench    run the benchmarks in bench/"
	@echo "make worker   run an arq worker (needs CRYPTOLENS_REDIS_URL)"

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --all-groups
	@touch $(STAMP)

install: $(STAMP)

frontend:
	@if [ -f frontend/package.json ]; then \
		cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build; \
	fi

.PHONY: openapi
# Regenerate the SPA's typed API client (frontend/src/api/schema.d.ts) from the backend's OpenAPI.
openapi: install
	cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run openapi

migrate: install
	$(PY) -m cryptolens.cli migrate

run: install frontend migrate
	$(PY) -m cryptolens.cli serve

serve: install
	$(PY) -m cryptolens.cli serve

worker: install
	$(PY) -m cryptolens.cli worker

test: test-backend test-frontend

test-backend: install
	@bash scripts/install_deploy_tools.sh
	$(PY) scripts/run_tests.py --workers $(TEST_WORKERS) $(PYTEST_ARGS)

test-frontend: install
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends chromium chromium-driver; \
	fi
	@if [ -f frontend/package.json ]; then \
		cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm test; \
	fi

# ruff (with the complexity gate), formatting, mypy strict, the import contracts (pyproject's
# [tool.importlinter]), declared-vs-imported packages (deptry), and the SPA's linter (Biome).
lint: install
	$(VENV)/bin/ruff check backend tests bench alembic scripts
	$(VENV)/bin/ruff format --check backend tests bench alembic scripts
	$(VENV)/bin/mypy
	PYTHONPATH=scripts $(VENV)/bin/lint-imports
	$(VENV)/bin/deptry backend alembic
	cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run lint

fmt: install
	$(VENV)/bin/ruff check --fix backend tests bench alembic scripts
	$(VENV)/bin/ruff format backend tests bench alembic scripts

bench: install
	@failed=""; for script in bench/bench_*.py; do \
		[ -e "$$script" ] || { echo "no benchmarks yet"; break; }; \
		echo "== $$script"; $(PY) "$$script" || failed="$$failed $$script"; \
	done; \
	if [ -n "$$failed" ]; then echo "benchmarks missing a target or failing:$$failed"; exit 1; fi

clean:
	rm -rf $(VENV) .tools .pytest_cache .mypy_cache .ruff_cache
