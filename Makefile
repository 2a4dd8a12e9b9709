# Two commands: `make run` and `make test`. Needs Python 3.11+ and Java 17+; nothing else.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test install broker clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --require-hashes -r requirements.lock
	$(VENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

broker: $(STAMP)
	$(VENV)/bin/python -m deploy.kafka.broker fetch

run: broker
	$(VENV)/bin/python -m deploy.run

test: broker
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf .state
