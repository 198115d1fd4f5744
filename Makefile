# Two commands on a fresh machine: `make run` and `make test`; each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install bench loadtest clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## run: the bot; with no WEBEX_BOT_TOKEN it answers questions typed on standard input.
run: $(STAMP)
	$(BIN)/python -m bot run

## test: the knowledge-base check and the whole test suite.
test: $(STAMP)
	$(BIN)/python -m bot kb check
	$(BIN)/python -m pytest

## bench: matching quality against BM25 and MiniLM baselines, latency, cold start; into docs/benchmarks.md.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python bench/run.py --write docs/benchmarks.md

## loadtest: 1000 signed webhooks at 50 concurrent with 5% Webex faults; results into docs/benchmarks.md.
loadtest: $(STAMP)
	cd tests && ../$(BIN)/python loadtest.py --write ../docs/benchmarks.md

clean:
	rm -rf $(VENV) build *.egg-info
