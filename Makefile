# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_STORE ?= demo-store

.PHONY: install demo test lint bench clean

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

bench: install
	$(BIN)/python bench/load.py
	$(BIN)/python bench/api.py
	$(BIN)/python bench/sparql.py

clean:
	-$(BIN)/policykg store stop --store $(DEMO_STORE)
	# only a store the demo made (its marker file) is removed; a user's folder under that name stays
	-[ -f $(DEMO_STORE)/.policykg-demo ] && rm -rf $(DEMO_STORE)
	rm -rf build dist *.egg-info
