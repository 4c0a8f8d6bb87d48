# sitrep: `make run` sets up and starts the bot; `make test` sets up and runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench bench-full eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## Set up, load the seed articles into SQLite (once: duplicates are skipped), start the bot.
## Without Slack tokens the bot opens its local console.
run: $(STAMP)
	$(BIN)/sitrep ingest --quiet seeds/
	$(BIN)/sitrep serve

## Set up and run the whole test suite (ruff, then pytest on SQLite and PostgreSQL).
test: $(STAMP)
	scripts/ensure-postgres
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .

eval: $(STAMP)
	$(BIN)/sitrep eval

bench: $(STAMP)
	$(BIN)/python -m bench --quick

bench-full: $(STAMP)
	$(BIN)/python -m bench --full

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
