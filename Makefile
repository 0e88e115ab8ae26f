# Kanoon Desk — developer entry points.
#
#   make run    create/refresh .venv (installing system libraries first when root on
#               Debian/Ubuntu), compile translations, start the desktop app
#   make test   same set-up, then the whole pytest suite (Qt offscreen) and ruff
#
# Variables:  ARGS=...          extra arguments for `make run`
#             PYTEST_ARGS=...   extra arguments for pytest (e.g. PYTEST_ARGS="-k sync -x")
#             SIZE=small|large  data-set size for `make bench`
#             KANOON_TEST_PG_URL=postgresql+psycopg://...  enables the PostgreSQL tests
#             PYTHON=python3    interpreter used to create .venv

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.stamp
DEMO_DB ?= demo.sqlite3
SCREENSHOTS_DIR ?= screenshots-out

TS_FILES := $(wildcard translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
LUPDATE_TS := translations/kanoon_desk_en.ts

# Pass the PostgreSQL test URL through even when given on the make command line.
ifdef KANOON_TEST_PG_URL
export KANOON_TEST_PG_URL
endif

# Debian/Ubuntu packages Qt 6 needs to run offscreen and under xcb, plus tools the
# tests use. SYSDEPS_LIBS are the sonames whose absence triggers an install.
APT_PACKAGES := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libnss3 libxkbfile1 \
	fonts-dejavu-core poppler-utils python3-venv
SYSDEPS_LIBS := libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libxkbcommon-x11.so.0 libfontconfig.so.1 \
	libdbus-1.so.3 libglib-2.0.so.0 libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 \
	libxcb-image.so.0 libxcb-render-util.so.0 libxcb-shape.so.0 libxcb-xinerama.so.0 \
	libxcb-randr.so.0 libnss3.so libxkbfile.so.1

.PHONY: help sysdeps venv translations run test lint bench demo screenshots installer lupdate clean distclean

help:
	@echo "make run [ARGS=...]          set up .venv and start Kanoon Desk"
	@echo "make test [PYTEST_ARGS=...]  set up .venv, run pytest (Qt offscreen) and ruff"
	@echo "make lint                    ruff + mypy"
	@echo "make bench [SIZE=small|large] benchmarks -> bench/results.json"
	@echo "make demo                    create $(DEMO_DB) with demo data"
	@echo "make screenshots             render screenshots of $(DEMO_DB) into $(SCREENSHOTS_DIR)/"
	@echo "make installer               PyInstaller bundle in dist/kanoon-desk/ + smoke run"
	@echo "make lupdate                 refresh $(LUPDATE_TS) from the sources"
	@echo "make translations            compile translations/*.ts to .qm"
	@echo "make clean | distclean       remove build output (distclean also removes .venv)"

# Installs missing system libraries when we are root on a Debian-like system; otherwise
# only prints the command to run. Cheap when nothing is missing (ldconfig look-ups).
sysdeps:
	@missing=""; \
	ldcache="$$( (command -v ldconfig >/dev/null && ldconfig -p) || /sbin/ldconfig -p 2>/dev/null || true)"; \
	for lib in $(SYSDEPS_LIBS); do \
		grep -q "[[:space:]]$$lib[[:space:]]" <<<"$$ldcache" || missing="$$missing $$lib"; \
	done; \
	command -v pdftoppm >/dev/null || missing="$$missing pdftoppm"; \
	$(PYTHON) -c "import ensurepip, venv" >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "sysdeps: missing$$missing -> installing with apt-get"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update && apt-get install -y --no-install-recommends $(APT_PACKAGES); \
	else \
		echo "sysdeps: missing$$missing"; \
		echo "sysdeps: as root run: apt-get update && apt-get install -y $(APT_PACKAGES)"; \
	fi

venv: $(STAMP)

$(STAMP): pyproject.toml | sysdeps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -e '.[dev]'
	touch $@

translations: $(QM_FILES)
	@if [ -z "$(TS_FILES)" ]; then echo "translations: no translations/*.ts yet, nothing to compile"; fi

translations/%.qm: translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease $< -qm $@

run: venv translations
	$(BIN)/kanoon-desk $(ARGS)

test: venv translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)
	$(BIN)/ruff check .

lint: venv
	$(BIN)/ruff check .
	$(BIN)/mypy kanoon_desk

bench: venv translations
	$(BIN)/python -m bench $(if $(SIZE),--size $(SIZE),)

demo: venv translations
	$(BIN)/kanoon-desk demo --db $(DEMO_DB)

screenshots: venv translations
	test -f $(DEMO_DB) || $(BIN)/kanoon-desk demo --db $(DEMO_DB)
	QT_QPA_PLATFORM=offscreen $(BIN)/kanoon-desk screenshots --db $(DEMO_DB) --out $(SCREENSHOTS_DIR)

installer: venv translations
	$(BIN)/python build_installer.py

lupdate: venv
	mkdir -p translations
	$(BIN)/pyside6-lupdate $$(find kanoon_desk -name '*.py' | sort) \
		-source-language fa_IR -target-language en -no-obsolete -ts $(LUPDATE_TS)

clean:
	rm -rf build dist .pytest_cache .ruff_cache .mypy_cache .hypothesis $(SCREENSHOTS_DIR) translations/*.qm
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -print0 | xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV) *.egg-info
