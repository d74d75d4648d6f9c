# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_STORE ?= demo-store

.PHONY: install system-deps demo test test-neo4j lint bench clean

# Charts draw Chinese with a CJK font (Debian fonts-noto-cjk). Installed when missing and we are root with
# apt-get; skipped otherwise (charts then fail with a message that says how to install one).
CJK_FONT_PRESENT = fc-list 2>/dev/null | grep -qi 'CJK' || ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: system-deps $(BIN)/.installed

system-deps:
	@if $(CJK_FONT_PRESENT); then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing fonts-noto-cjk (a CJK font for charts)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q --no-install-recommends fonts-noto-cjk >/dev/null 2>&1 \
	    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends fonts-noto-cjk >/dev/null; } \
	    || echo "warning: could not install fonts-noto-cjk; charts will ask for a CJK font"; \
	else echo "note: no CJK font found and not root: charts need one (apt-get install fonts-noto-cjk)"; fi

demo: install
	$(BIN)/policykg demo --store $(DEMO_STORE)

lint: install
	$(BIN)/ruff check policykg tests bench
	$(BIN)/mypy policykg

# pytest exits 5 when it collects no test; that is a failure here too.
test: lint
	$(BIN)/pytest -q

# The Neo4j variants alone, on a Neo4j 5 server built from Maven Central (needs Java 17+ and Maven).
# `.ci/run` runs `make test` with POLICYKG_NEO4J=local: the whole suite on both stores.
test-neo4j: install
	bash scripts/neo4j-deps.sh
	POLICYKG_NEO4J=local $(BIN)/pytest -q -m neo4j

# bench/scale.py: N = 500 and 5,000 by default; more sizes: make bench BENCH_ARGS="--n 500 --n 5000 --n 20000"
bench: install
	$(BIN)/python bench/scale.py $(BENCH_ARGS)
	$(BIN)/python bench/load.py
	$(BIN)/python bench/api.py
	$(BIN)/python bench/sparql.py
	$(BIN)/python bench/stores.py

clean:
	-$(BIN)/policykg store stop --store $(DEMO_STORE)
	# only a store the demo made (its marker file) is removed; a user's folder under that name stays
	-[ -f $(DEMO_STORE)/.policykg-demo ] && rm -rf $(DEMO_STORE)
	-[ -f $(DEMO_STORE)-pictures/.policykg-export ] && rm -rf $(DEMO_STORE)-pictures
	rm -rf build dist *.egg-info
