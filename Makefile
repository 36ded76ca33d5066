# Two set-up commands (README): `make run` runs the product, `make test` runs the tests.
# Both create .venv on first use and are safe to repeat.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install run test lint bench eval eval-constraints loadtest clean

$(PY):
	python3 -m venv $(VENV)

# torch first, pinned: 2.13.0 is the CPU build; an unpinned torch would pull CUDA (GBs).
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The query path runs MiniLM on ONNX Runtime (no torch in the process): export it once, beside
# the index. Engine.load does the same when the file is missing; here a fresh clone pays it now.
ONNX := data/index/model.onnx
$(ONNX): | $(STAMP)
	$(PY) -m pydrums_engine.onnx_encoder data/index

install: $(STAMP) $(ONNX)

# With a DISCORD_TOKEN (environment or .env) this starts the bot; without one, console mode.
run: install
	@if [ -n "$$DISCORD_TOKEN" ] || grep -qs '^DISCORD_TOKEN=..*' .env; then \
		$(PY) -m bot; \
	else \
		echo "No DISCORD_TOKEN set: starting console mode (type /help, or quit)."; \
		$(PY) -m bot --console; \
	fi

test: install
	$(PY) -m pytest -q

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

bench: install
	$(PY) -m benchmarks.bench_retrieval

eval: install
	$(PY) -m benchmarks.eval_retrieval

# Does the answer's grid do what was asked? Run with the model server down (no --host):
# library answers only. Add --host URL to ask a model.
eval-constraints: install
	$(PY) -m benchmarks.eval_constraints --split all

loadtest: install
	$(PY) -m benchmarks.load_bot --users 50 --model-delay 2

clean:
	rm -rf $(VENV) data/index
