# Two commands on a fresh machine: `make run` and `make test`; each sets itself up.
# `make run PYTHON=python3.12` picks the interpreter (3.11 or newer); `make clean` removes the venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install bench loadtest clean

## install: the venv, made (or remade) by a supported $(PYTHON), with the bot installed.
install:
	@sh scripts/ensure-venv.sh "$(PYTHON)" "$(VENV)" "$(origin PYTHON)"
	@[ -e $(STAMP) ] && [ $(STAMP) -nt pyproject.toml ] || { \
	    $(BIN)/python -m pip install --quiet --upgrade pip && \
	    $(BIN)/python -m pip install --quiet -e '.[test]' && touch $(STAMP); }

## run: the bot; with no WEBEX_BOT_TOKEN it answers questions typed on standard input.
run: install
	$(BIN)/python -m bot run

## test: the knowledge-base check and the whole test suite (PostgreSQL's server installed if missing).
test: install
	@sh scripts/ensure-postgres.sh
	$(BIN)/python -m bot kb check
	$(BIN)/python -m pytest

## bench: matching quality against BM25 and MiniLM baselines, latency, cold start; into docs/benchmarks.md.
bench: install
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python bench/run.py --write docs/benchmarks.md

## loadtest: 1000 signed webhooks at 50 concurrent with 5% Webex faults; results into docs/benchmarks.md.
loadtest: install
	cd tests && ../$(BIN)/python loadtest.py --write ../docs/benchmarks.md

clean:
	rm -rf $(VENV) build *.egg-info
