# dokgen — perintah utama. `make demo` dan `make test` bekerja di mesin baru.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.terpasang-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: setup wheel sistem demo test lint preview bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.terpasang-* && touch $@

# dist/dokgen-<version>-py3-none-any.whl, templates inside, for `pip install` on another computer.
# Built from a copy: setuptools' own build/ folder would land among the documents in build/.
wheel: $(STAMP)
	@tmp=$$(mktemp -d) && cp -R pyproject.toml README.md dokgen templates "$$tmp" && \
	$(BIN)/python -m pip wheel -q --no-deps --no-build-isolation -w dist "$$tmp"; \
	status=$$?; rm -rf "$$tmp"; exit $$status
	@ls dist/dokgen-*.whl

demo: $(STAMP)
	@for d in data/*/; do $(BIN)/dokgen check "$$d" && $(BIN)/dokgen build "$$d" || exit 1; done

# LibreOffice (PDF), poppler-utils (print tests, preview) and chromium (browser tests,
# tests/web/test_peramban.py): installed when missing.
sistem:
	@command -v soffice >/dev/null && command -v pdfinfo >/dev/null && test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation chromium; \
	  else \
	    echo "Pasang dulu: sudo apt-get install libreoffice-writer poppler-utils chromium"; exit 1; \
	  fi; }

test: $(STAMP) sistem
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Every page of every example document as PNG in build/pratinjau/<contoh>-<dokumen>-<halaman>.png,
# for a person to look at before printing (the IKI cards: their combined file, every card in it).
preview: $(STAMP) sistem demo
	@rm -rf build/pratinjau && mkdir -p build/pratinjau
	@for d in data/*/; do n=$$(basename "$$d"); \
	  $(BIN)/dokgen pdf "build/$$n" >/dev/null || exit 1; \
	  for f in "build/$$n"/*.docx; do \
	    pdftoppm -r 60 -png "$${f%.docx}.pdf" "build/pratinjau/$$n-$$(basename "$$f" .docx)" || exit 1; \
	  done; \
	done
	@echo "$$(ls build/pratinjau | wc -l) halaman di build/pratinjau/"

# Speed figures (several minutes): bulk IKI cards against the naive docxtpl loop; PDF.
bench: $(STAMP) sistem
	$(BIN)/python bench/bulk_iki.py
	$(BIN)/python bench/pdf_proses.py

clean:
	rm -rf build
