# The two commands: `make run` serves the search service, `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
CORPUS ?= corpus
INDEX ?= var/index

CATALOGS := $(wildcard webapp/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)
INDEX_STAMP := $(INDEX)/BUILD_INFO.json

.PHONY: install test test-whoosh27 run index browser translations clean

install: $(VENV)/.installed $(COMPILED)

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

%.mo: %.po $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -i $< -o $@

# Rebuild when the corpus (or the indexer that reads it) is newer than the index in service.
# A failed build keeps serving the previous index, if there is one.
$(INDEX_STAMP): $(CORPUS) $(wildcard $(CORPUS)/*.txt $(CORPUS)/*.toml $(CORPUS)/*.jsonl indexer/*.py indexer/data/*) | install
	$(BIN)/python -m indexer build --corpus $(CORPUS) --index $(INDEX) || \
	  { test -e $(INDEX_STAMP) && echo "index build failed: serving the previous index" >&2; }

index: install
	$(BIN)/python -m indexer build --corpus $(CORPUS) --index $(INDEX)

run: install $(INDEX_STAMP)
	LANZAROTE_INDEX_DIR=$(INDEX) LANZAROTE_CORPUS_DIR=$(CORPUS) exec $(BIN)/gunicorn \
	  --workers $(WORKERS) --bind $(HOST):$(PORT) --no-control-socket --access-logfile - 'webapp:create_app()'

# The page tests drive a real headless Chromium: Debian's package, installed if missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium; }

test: install $(VENV)/.installed-test browser
	$(BIN)/python -m pytest

# The indexer must run on the original Whoosh 2.7 too: the same tests (but the server and browser
# ones, which test no Whoosh code of their own) in a venv where whoosh3 is swapped for whoosh 2.7.4.
WHOOSH27 := .venv-whoosh27
test-whoosh27: $(COMPILED)
	test -x $(WHOOSH27)/bin/python || $(PYTHON) -m venv $(WHOOSH27)
	$(WHOOSH27)/bin/python -m pip install --quiet --upgrade pip
	$(WHOOSH27)/bin/python -m pip install --quiet -e '.[test]'
	$(WHOOSH27)/bin/python -m pip uninstall --quiet -y whoosh3
	$(WHOOSH27)/bin/python -m pip install --quiet --force-reinstall --no-deps 'whoosh==2.7.4'
	$(WHOOSH27)/bin/python -m pytest -p no:cacheprovider -W ignore::DeprecationWarning -W ignore::SyntaxWarning \
	  --ignore=tests/test_server.py --ignore=tests/test_browser.py

# Refresh the message catalogs after changing user-visible text.
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ --no-location --project lanzarote-search \
	  -o webapp/translations/messages.pot .
	$(BIN)/pybabel update -i webapp/translations/messages.pot -d webapp/translations

clean:
	rm -rf $(VENV) $(WHOOSH27) var build *.egg-info
