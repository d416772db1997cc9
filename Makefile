# The two commands of the README: `make app` and `make test`. Everything they need is installed
# on first use: a virtualenv from requirements.txt, and Debian's bubblewrap (the sandbox), a
# fallback font with the CJK scripts (names in the PDF report) and chromium (browser tests).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: app test setup system-packages browser lint bench

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed system-packages

system-packages:
	@scripts/apt-install bubblewrap util-linux fonts-droid-fallback

browser:
	@scripts/apt-install chromium fonts-dejavu-core

app: setup
	$(VENV)/bin/streamlit run app.py

test: setup browser
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check engine ui pages app.py tests
	$(VENV)/bin/mypy engine

bench: setup
	$(PY) -m engine bench grader
