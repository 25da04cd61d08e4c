# The two set-up commands: `make run` (install + start the app on the bundled corpus) and
# `make test` (install + run every test, browser tests included). Both create .venv/.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install chromium bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, pinned: the CPU build; an unpinned torch pulls a multi-GB CUDA build
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/planqa serve

# Debian chromium for the browser tests, plus a CJK font: the tests do not need one, but
# their screenshots (tests/artifacts/) of the Chinese UI are unreadable without it
chromium:
	@command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q . || { \
	  echo "installing Debian chromium and a CJK font for the browser tests" >&2; \
	  apt-get update -qq && \
	  apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null; }

test: $(STAMP) chromium
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

lint: $(STAMP)
	$(BIN)/ruff check corpus index qa eval cli ui app.py tests benchmarks
	$(BIN)/python -m mypy corpus index

clean:
	rm -rf $(VENV) .planqa
