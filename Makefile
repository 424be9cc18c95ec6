# careeval: set-up, build, test, demo. Every target installs the Debian packages
# it needs when they are missing, because CI and new sessions start from a clean machine.

SWIFT ?= swift
APT_PACKAGES := libcsv-dev libxlsxwriter-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release test demo bench clean screenshots reference

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

clean:
	rm -rf .build out
