# nnbook: `make site` renders Notebooks/ into site/, `make test` runs every test.
# Both install what is missing first (apt-get, via sudo when not root), then build with SwiftPM.
SHELL := /bin/bash
.DEFAULT_GOAL := site

APT_PKGS := libcmark-dev libopenblas-dev zlib1g-dev pkg-config dataset-fashion-mnist
BROWSER_PKGS := chromium
# `make test` validates exported notebooks with the real nbformat.
JUPYTER_PKGS := python3-nbformat
# Debian's python (a pyenv or venv python3 on PATH would not see Debian's packages).
JUPYTER_PY := /usr/bin/python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# One configuration for the CLI, the tests and the benchmarks, so SwiftPM builds once.
# Tests use public API only (no @testable), so release builds stay fully optimised.
SWIFT_BUILD := swift build -c release
SWIFT_TEST := swift test -c release --disable-testable-imports
NNBOOK := .build/release/nnbook

.PHONY: deps browser-deps jupyter-deps build site test bench clean fuzz

# `make fuzz`: each libFuzzer target (Fuzz/) for FUZZ_SECONDS; `make test` runs each for
# FUZZ_SHORT_SECONDS (three targets: about 20 s in all).
FUZZ_SECONDS ?= 600
FUZZ_SHORT_SECONDS ?= 7

deps:
	@missing=$$(for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $(BROWSER_PKGS); }
	@command -v python3 >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q python3; }

jupyter-deps:
	@$(JUPYTER_PY) -c 'import nbformat' 2>/dev/null || { \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $(JUPYTER_PKGS); }

build: deps
	$(SWIFT_BUILD)

site: build
	$(NNBOOK) render Notebooks --out site

test: deps browser-deps jupyter-deps
	bash Tests/floors-check.sh
	$(SWIFT_BUILD)
	$(SWIFT_TEST)
	bash Fuzz/run.sh $(FUZZ_SHORT_SECONDS)
	PYTHON=$(JUPYTER_PY) bash Tests/jupyter-check.sh
	bash Tests/watch-check.sh $(NNBOOK)
	$(NNBOOK) render Notebooks --out site
	bash Tests/browser-check.sh site

fuzz: deps
	bash Fuzz/run.sh $(FUZZ_SECONDS)

bench: build
	@python3 -c 'import numpy' 2>/dev/null || pip install numpy
	bash Benchmarks/run.sh

clean:
	rm -rf .build site/*.html
