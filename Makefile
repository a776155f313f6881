# ccm-minutes: `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

.PHONY: install
install: $(STAMP) ## create .venv and install the locked dependencies

# Debian packages: Tesseract reads scanned pages, antiword legacy Word .doc files; Chromium
# renders the review page in tests; poppler-utils gives the benchmark its pdftotext baseline.
OCR_PACKAGES := tesseract-ocr tesseract-ocr-eng
DOC_PACKAGES := antiword

.PHONY: system-deps
system-deps: ## install Tesseract OCR and antiword (Debian packages) when missing
	@if command -v antiword >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "installing $(DOC_PACKAGES) (legacy Word .doc minutes)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DOC_PACKAGES) >/dev/null; \
	else \
		echo "note: antiword is not installed; legacy .doc files will be recorded as failures." \
		     "Install it with: sudo apt-get install $(DOC_PACKAGES)"; \
	fi
	@if command -v tesseract >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "installing $(OCR_PACKAGES) (scanned minutes need OCR)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(OCR_PACKAGES) >/dev/null; \
	else \
		echo "note: tesseract is not installed; scanned PDFs will be recorded as failures." \
		     "Install it with: sudo apt-get install $(OCR_PACKAGES)"; \
	fi

.PHONY: run
run: $(STAMP) system-deps ## ingest the bundled sample minutes in data/raw into data/processed
	@$(BIN)/minutes ingest data/raw --out data/processed; rc=$$?; \
		if [ $$rc -ne 0 ] && [ $$rc -ne 3 ]; then exit $$rc; fi
	@$(BIN)/minutes status --out data/processed

.PHONY: test
test: $(STAMP) ## run the test suite and ruff
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

.PHONY: eval
eval: $(STAMP) ## score extraction on ../shared/corpus and ../shared/corpus-wide against their gold
	$(BIN)/minutes eval --per-doc

.PHONY: bench
bench: $(STAMP) ## benchmark: 510 documents in 3 formats; writes the table into README.md
	@command -v pdftotext >/dev/null 2>&1 || echo "note: pdftotext (poppler-utils) missing; no PDF baseline"
	$(BIN)/python scripts/bench.py --readme --json build/bench/results.json

.PHONY: fuzz
fuzz: $(STAMP) ## fuzz the readers with damaged files (FUZZ_EXAMPLES per format, default 2000)
	HYPOTHESIS_PROFILE=fuzz FUZZ_REPORT=build/fuzz/report.json $(BIN)/python -m pytest -q -s tests/extractors/test_fuzz.py

.PHONY: notebook
notebook: $(STAMP) ## run the exploration notebook on ../shared/corpus and save its outputs
	$(BIN)/python scripts/run_notebook.py

.PHONY: lab
lab: $(STAMP) ## open the exploration notebook in JupyterLab (LAB_ARGS=--no-browser ...)
	$(BIN)/jupyter lab notebooks/1.0-ccm-exploration.ipynb \
		$$([ "$$(id -u)" = 0 ] && echo --allow-root) $(LAB_ARGS)

.PHONY: shell
shell: $(STAMP) ## a shell with .venv activated (minutes, python, prefect on PATH)
	@echo "entering .venv (exit to leave)"; \
	bash --rcfile <(printf 'source ~/.bashrc 2>/dev/null; source $(VENV)/bin/activate\n') -i

.PHONY: lint
lint: $(STAMP) ## ruff
	$(BIN)/ruff check .

.PHONY: samples
samples: $(STAMP) ## regenerate the team-written sample minutes in data/raw
	$(BIN)/python scripts/make_samples.py --out data/raw

.PHONY: patterns
patterns: $(STAMP) ## regenerate the delegation patterns JSONL from pycountry and the TSVs
	$(BIN)/python -m extractors.build_patterns

.PHONY: lock
lock: ## recompile requirements.lock from requirements.in (needs uv)
	uv pip compile requirements.in --generate-hashes --python-version 3.11 -o requirements.lock

.PHONY: clean
clean: ## remove the extracted tables (data/processed)
	find data/processed -mindepth 1 ! -name .gitkeep -delete

PREFECT_PORT ?= 4200
.PHONY: serve
serve: $(STAMP) ## start a Prefect server (127.0.0.1) and the daily ingest deployment, in the background
	$(BIN)/minutes serve data/raw --out data/processed --port $(PREFECT_PORT) \
		$(if $(INTERVAL),--interval $(INTERVAL),--cron "$${CRON:-0 6 * * *}") --detach

.PHONY: status
status: $(STAMP) ## rows per table in data/processed, and the served schedule's next and last runs
	$(BIN)/minutes status --out data/processed

.PHONY: serve-stop
serve-stop: ## stop the deployment and the server that `make serve` started
	$(BIN)/minutes serve --stop
