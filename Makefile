# dokgen — perintah utama. `make demo` dan `make test` bekerja di mesin baru.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.terpasang-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: setup demo test lint templates clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.terpasang-* && touch $@

demo: $(STAMP)
	@for d in data/*/; do $(BIN)/dokgen check "$$d" && $(BIN)/dokgen build "$$d" || exit 1; done

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

templates: $(STAMP)
	$(BIN)/python tools/make_templates.py

clean:
	rm -rf build
