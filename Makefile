# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_STORE ?= demo-store

.PHONY: install demo test test-neo4j lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

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

bench: install
	$(BIN)/python bench/load.py
	$(BIN)/python bench/stores.py

clean:
	-$(BIN)/policykg store stop --store $(DEMO_STORE)
	# only a store the demo made (its marker file) is removed; a user's folder under that name stays
	-[ -f $(DEMO_STORE)/.policykg-demo ] && rm -rf $(DEMO_STORE)
	rm -rf build dist *.egg-info
