# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test bench score-dev evaluate clean

# Every dependency is pinned by version and sha256 in requirements.lock; nothing else
# is downloaded, at install time or at run time.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/sitrep extract examples --format table

test: setup
	$(BIN)/pytest

bench: setup
	$(BIN)/python benchmarks/throughput.py

# The dev articles beside the repo, scored the way the issues' acceptance scores them.
score-dev: setup
	$(BIN)/python ../shared/eval/score.py --gold ../shared/data/dev --write-jsonl /tmp/sitrep-dev.in.jsonl
	$(BIN)/sitrep extract /tmp/sitrep-dev.in.jsonl --format jsonl --out /tmp/sitrep-dev.jsonl
	$(BIN)/python ../shared/eval/score.py --gold ../shared/data/dev --pred /tmp/sitrep-dev.jsonl --by-group

# Every figure of the README's accuracy tables (needs ../shared beside the repo).
evaluate: setup
	scripts/evaluate.sh

clean:
	rm -rf $(VENV) build *.egg-info
