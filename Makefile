# Two commands on a fresh machine: `make run` and `make test`; each sets itself up.
# `make run PYTHON=python3.12` picks the interpreter (3.11 or newer); `make clean` removes the venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install render-tools vendor cards-gallery bench offtopic-model topic-model missed-model lead-model doubt-model scope-model loadtest clean

## install: the venv, made (or remade) by a supported $(PYTHON), with the bot installed and its bytecode
## written (an editable install writes none, and where PYTHONDONTWRITEBYTECODE is set nothing else does: every
## new process would compile the bot's sources again, a tenth of a second of its start).
install:
	@sh scripts/ensure-venv.sh "$(PYTHON)" "$(VENV)" "$(origin PYTHON)"
	@[ -e $(STAMP) ] && [ $(STAMP) -nt pyproject.toml ] || { \
	    $(BIN)/python -m pip install --quiet --upgrade pip && \
	    $(BIN)/python -m pip install --quiet -e '.[test]' && touch $(STAMP); }
	@$(BIN)/python -m compileall -q bot

## run: the bot; with no WEBEX_BOT_TOKEN it answers questions typed on standard input.
run: install
	$(BIN)/python -m bot run

RENDER := tests/render
RENDER_STAMP := $(RENDER)/node_modules/.installed

# The card render test's tools: Debian's Chromium (installed when root and missing; without it the
# render test skips, saying so) and the pinned npm renderer packages.
$(RENDER_STAMP): $(RENDER)/package.json $(RENDER)/package-lock.json
	cd $(RENDER) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

render-tools: $(RENDER_STAMP)
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && (apt-get install -y -q chromium || (apt-get update -q && apt-get install -y -q chromium)); } || \
	  echo "Chromium is missing and cannot be installed here: the card render test will be skipped."

VENDOR := bot/service/static/vendor
# What the playground's two vendored scripts bundle: each package's licence goes beside them.
BUNDLED := adaptivecards swiper markdown-it entities linkify-it mdurl punycode.js uc.micro

## vendor: copy the renderer and markdown-it the playground serves (and their licences) from the
## pinned npm packages; tests/service/test_vendored.py checks the copies match them.
vendor: $(RENDER_STAMP)
	cp $(RENDER)/node_modules/adaptivecards/dist/adaptivecards.min.js \
	   $(RENDER)/node_modules/adaptivecards/dist/adaptivecards.min.js.LICENSE.txt \
	   $(RENDER)/node_modules/markdown-it/dist/markdown-it.min.js $(VENDOR)/
	for p in $(BUNDLED); do cp $(RENDER)/node_modules/$$p/LICENSE* $(VENDOR)/licenses/$$p.txt; done

## test: the knowledge-base check and the whole test suite, with the card render test and the
## PostgreSQL half of the database tests (Chromium and PostgreSQL's server installed if missing).
test: install render-tools
	@sh scripts/ensure-postgres.sh
	$(BIN)/python -m bot kb check
	$(BIN)/python -m pytest

## cards-gallery: screenshots of every kind of card at 500 and 340 px into docs/cards/ and docs/cards.md.
cards-gallery: install render-tools
	cd tests && ../$(BIN)/python card_gallery.py

# The models whose features read the answers the models before them shape, in the order they must be trained:
# of needs an answer missed, of the need that leads, of doubt.
RETRAIN_READERS = $(BIN)/python bench/train_missed.py && $(BIN)/python bench/train_lead.py && \
	$(BIN)/python bench/train_doubt.py

## offtopic-model: retrain the off-topic model (bot/core/matching/offtopic_model.json) on the development
## sets, then the models that read the answers it shapes; scikit-learn is needed for training only.
offtopic-model: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python bench/train_offtopic.py
	$(RETRAIN_READERS)

## topic-model: retrain the guidance topic model (bot/core/matching/topic_model.json), then the models of
## missed needs, of the need that leads and of doubt, whose features read the answers the topics shape;
## scikit-learn for training only.
topic-model: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python bench/train_topics.py
	$(RETRAIN_READERS)

## doubt-model: retrain the model that lowers doubtful sure answers (bot/core/matching/doubt_model.json).
doubt-model: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python bench/train_doubt.py

## missed-model: retrain the model of needs an answer missed (bot/core/matching/missed_model.json) on the
## development sets, then the models that read its answers; scikit-learn is needed for training only.
missed-model: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(RETRAIN_READERS)

## lead-model: retrain the model of which need leads a plan (bot/core/matching/lead_model.json).
lead-model: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python bench/train_lead.py

## scope-model: retrain the models of which scope posts like a question are about and which scopes they need
## (bot/core/matching/scope_model.json, needs_model.json), then the models of missed needs (two of their
## features), of the need that leads and of doubt; scikit-learn for training only.
scope-model: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python bench/train_scope.py
	$(BIN)/python bench/train_needs.py
	$(RETRAIN_READERS)

## bench: matching quality against BM25 and MiniLM baselines, latency, cold start; into docs/benchmarks.md.
bench: install
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python bench/run.py --write docs/benchmarks.md

## loadtest: 1000 signed webhooks at 50 concurrent with 5% Webex faults; results into docs/benchmarks.md.
## wrk (Debian's package, installed when root and missing) also times the acknowledgement alone.
loadtest: install
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -q wrk >/dev/null; } || \
	  echo "wrk is missing and cannot be installed here: the load test runs without its timing."
	cd tests && ../$(BIN)/python loadtest.py --write ../docs/benchmarks.md

clean:
	rm -rf $(VENV) build *.egg-info
