# Run `make help` for the list of targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite's PostgreSQL run; pytest-django creates and drops test_<name> itself.
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/cms

.DEFAULT_GOAL := help
.PHONY: help install run test test-postgres test-end-to-end test-browser lint format messages backup restore install-production

help: ## Show this help
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

install: $(VENV)/.installed ## Create .venv and install the project with its dev tools

$(VENV)/.installed: pyproject.toml
	@echo "==> Creating $(VENV) and installing dependencies"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

install-production: ## Install the project into .venv without the development tools
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet .

run: install ## Migrate, load the demo content in en/fr/nl, print the login and serve on localhost
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_admin
	$(BIN)/python manage.py setup_roles --demo-users --password demo
	@echo "==> Admin: http://$(HOST):$(PORT)/admin/   API: http://$(HOST):$(PORT)/api/v2/pages/?locale=fr"
	WAGTAILAPI_BASE_URL=http://$(HOST):$(PORT) WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) \
		$(BIN)/python manage.py runserver $(HOST):$(PORT)

# make test spreads whole test modules over TEST_WORKERS processes (pytest-xdist; 1 = none).
TEST_WORKERS ?= auto
PARALLEL = $(if $(filter 1,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)

test: install ## Run the whole test suite (SQLite, or the database in DATABASE_URL)
	$(BIN)/pytest $(PARALLEL) $(PYTEST_ARGS)

test-postgres: install ## Run the whole test suite on PostgreSQL ($(POSTGRES_URL))
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest $(PARALLEL) $(PYTEST_ARGS)

test-end-to-end: install ## Run the end-to-end tests (real servers, real commits: benchmark, production stack, worker recovery), on PostgreSQL
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest -m e2e -p hypothesispytest -p schemathesis $(PYTEST_ARGS)

# The browser suite, on PostgreSQL: Debian's chromium (apt-installed when missing) and Playwright.
# Its live server listens on LIVESERVER; screenshots of failures go to tests/browser/screenshots/.
LIVESERVER ?= 127.0.0.1:8610
test-browser: install ## Run the real-browser suite (Playwright + Debian chromium) against a live server
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/pip install --quiet -e ".[dev,browser]"
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest tests/browser -m browser --liveserver=$(LIVESERVER) $(PYTEST_ARGS)

lint: install ## Check code style and lint rules
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Reformat the code and fix what ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install ## Refresh the fr/nl catalogues from the code and compile them (needs GNU gettext)
	$(BIN)/python manage.py makemessages -l fr -l nl --ignore=.venv --ignore=tests --no-obsolete
	$(BIN)/python manage.py compile_catalogues

backup: install ## Back up the database and media into one archive (BACKUP=path, default backup-<date>.tar.gz)
	$(BIN)/python manage.py backup $(if $(BACKUP),--output $(BACKUP))

restore: install ## Restore BACKUP=path into an empty database and media store
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=backup-….tar.gz" && exit 2)
	$(BIN)/python manage.py restore $(BACKUP)

# The API benchmark (bench/): ours, stock Wagtail, Strapi 5 and the floor side by side over HTTP, on
# PostgreSQL (one database per size, created on first use). Results: bench/results/latest.md.
BENCH_ARTICLES ?= 1000
BENCH_ARGS ?=
.PHONY: bench bench-small bench-large bench-peer

bench: install ## Benchmark the API on PostgreSQL with BENCH_ARTICLES (1,000) articles per locale
	$(BIN)/python -m bench --articles $(BENCH_ARTICLES) -- $(BENCH_ARGS)

bench-small: install ## The same with 100 articles per locale and short runs (a few minutes)
	$(BIN)/python -m bench --articles 100 -- --duration 3 --warmup 1 $(BENCH_ARGS)

bench-large: install ## The same with 10,000 articles per locale (generation resumable)
	$(BIN)/python -m bench --articles 10000 -- $(BENCH_ARGS)

bench-peer: install ## Install and build Strapi 5, the benchmark's peer, into bench/peer/strapi-app (needs Node.js 20)
	$(BIN)/python -m bench.peer.app
