.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST_PORT ?= 127.0.0.1:8000
WORKER_ARGS := --queue-name mail --backend mail
IMPORT_WORKER_ARGS := --queue-name imports --backend imports

.PHONY: help install run worker serve-prod serve bench bench-scale migrate demo superuser test lint format check test-fast browser-test clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==26.0.1

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --group dev .
	touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

migrate: install ## Apply database migrations (SQLite unless DATABASE_URL is set)
	$(MANAGE) migrate --no-input

demo: migrate ## Load the demo content (safe to run again)
	$(MANAGE) load_demo_content

run: demo ## Set everything up and serve on http://127.0.0.1:8000/, with the workers
	@$(MANAGE) db_worker $(WORKER_ARGS) & worker=$$!; \
	$(MANAGE) db_worker $(IMPORT_WORKER_ARGS) & importer=$$!; \
	trap 'kill $$worker $$importer 2>/dev/null; wait $$worker $$importer 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST_PORT)

worker: migrate ## The background workers: comment emails and WordPress imports
	@$(MANAGE) db_worker $(IMPORT_WORKER_ARGS) & importer=$$!; \
	trap 'kill $$importer 2>/dev/null; wait $$importer 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) db_worker $(WORKER_ARGS)

serve-prod: install ## gunicorn with the production settings (needs SECRET_KEY, ALLOWED_HOSTS)
	DJANGO_SETTINGS_MODULE=settings.production $(BIN)/gunicorn -c python:settings.gunicorn settings.wsgi

serve: install ## The production stack in the foreground: Varnish in front of gunicorn, the worker (PostgreSQL, Redis)
	.deploy/serve

bench: install ## Load-test the production stack on PostgreSQL; fails when a budget is missed
	$(BIN)/python .bench/bench.py

bench-scale: install ## The reader and admin pages, small site against a generated large one
	$(BIN)/python .bench/scale.py

superuser: migrate ## Create an admin account (or set DJANGO_SUPERUSER_* and run with --no-input)
	$(MANAGE) createsuperuser

check: install ## Django's system checks and the missing-migrations check
	DJANGO_SETTINGS_MODULE=settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=settings.test $(MANAGE) makemigrations --check --dry-run

lint: install ## ruff lint and format check, djhtml on templates, import direction
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')
	$(BIN)/lint-imports --no-cache --no-logo

format: install ## Reformat Python and templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

# On PostgreSQL a transactional test empties the database as it ends, so those tests
# run apart, after the rest; on SQLite the migrated template is copied back instead.
ON_POSTGRES := $(findstring postgres,$(DATABASE_URL))

test: lint check ## Lint, checks, then the whole test suite (browser tests included)
	$(BIN)/pytest $(if $(ON_POSTGRES),-m "not transactional")
	$(if $(ON_POSTGRES),$(BIN)/pytest -m transactional -n 0)

test-fast: install ## The suite without the browser and other transactional tests
	$(BIN)/pytest -m "not transactional"

browser-test: install ## Only the browser tests
	$(BIN)/pytest -m browser

clean: ## Remove the virtualenv, database and collected files
	rm -rf $(VENV) db.sqlite3 static media .test-media .test-db .private-uploads .test-private-uploads
