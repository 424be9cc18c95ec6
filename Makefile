# careeval: set-up, build, test, demo. Every target installs the Debian packages
# it needs when they are missing, because CI and new sessions start from a clean machine.

SWIFT ?= swift
APT_PACKAGES := libcsv-dev libxlsxwriter-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release test demo bench clean screenshots reference notebooks

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) test
	@$(MAKE) --no-print-directory notebooks

# Executes every notebook in notebooks/ top to bottom (nbclient) in notebooks/.venv,
# made from the pinned notebooks/requirements.txt; fails on the first error.
NOTEBOOK_PYTHON ?= python3
NOTEBOOK_VENV := notebooks/.venv
notebooks: deps
	$(SWIFT) build --product careeval
	@$(NOTEBOOK_PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "installing: python3-venv"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; }
	@[ -x $(NOTEBOOK_VENV)/bin/python ] || $(NOTEBOOK_PYTHON) -m venv $(NOTEBOOK_VENV)
	@cmp -s notebooks/requirements.txt $(NOTEBOOK_VENV)/requirements.installed || { \
	  $(NOTEBOOK_VENV)/bin/pip install -q --disable-pip-version-check -r notebooks/requirements.txt && \
	  cp notebooks/requirements.txt $(NOTEBOOK_VENV)/requirements.installed; }
	CAREEVAL="$$($(SWIFT) build --show-bin-path)/careeval" $(NOTEBOOK_VENV)/bin/python notebooks/run_all.py

# The main job (README quick start): installs what is missing, builds in release mode,
# generates demo data (DEMO_CHILDREN children, fixed seed) into demo-data/, and writes
# the gap report in every format into out/ (Chinese) and out/en/ (English).
DEMO_CHILDREN ?= 20000
DEMO_KIT ?= surveys/aixin
demo: release
	@bin="$$($(SWIFT) build -c release --show-bin-path)/careeval"; \
	  set -e; \
	  echo "== demo data: $(DEMO_CHILDREN) children -> demo-data/"; \
	  "$$bin" demo --kit $(DEMO_KIT) --out demo-data --children $(DEMO_CHILDREN) --seed 1; \
	  echo "== gap report (中文) -> out/"; \
	  "$$bin" report --kit $(DEMO_KIT) demo-data --out out --lang zh --by category; \
	  echo "== gap report (English) -> out/en/"; \
	  "$$bin" report --kit $(DEMO_KIT) demo-data --out out/en --lang en --by category

# Look at the gap report as a reader would (headless Chromium, LibreOffice); see
# scripts/screenshots.sh. REPORT=DIR picks a report folder (default: out, or the test fixture).
screenshots: deps
	scripts/screenshots.sh $(REPORT)

# Regenerates the statistics oracles in Tests/SurveyScoringTests/Fixtures from the
# Python scripts in reference/ (scipy, statsmodels, samplics, mpmath; pinned versions).
reference:
	@[ -x reference/.venv/bin/python ] || python3 -m venv reference/.venv
	reference/.venv/bin/pip install -q -r reference/requirements.txt
	reference/.venv/bin/python reference/t_values.py
	reference/.venv/bin/python reference/make_reference.py

# Benchmarks (heavy: minutes, a 170 MB input; results go to bench/RESULTS.md by hand).
bench: deps
	bench/csv-throughput.sh

clean:
	rm -rf .build out
