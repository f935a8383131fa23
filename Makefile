# govlint — the two commands a fresh Debian machine with the Swift toolchain needs:
#   make demo   installs libgumbo-dev when missing, builds, lints the demo export
#   make test   the whole test suite
SWIFT ?= swift
BIN_DIR := $(shell $(SWIFT) build --show-bin-path 2>/dev/null || echo .build/debug)
DEMO := Fixtures/sites/demo-agency

.PHONY: deps build demo test bench clean docs

deps:
	@if ! pkg-config --exists gumbo 2>/dev/null; then \
	  echo "Installing libgumbo-dev (the HTML5 parser)…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libgumbo-dev pkg-config >/dev/null; \
	fi
	@python3 -c "import jsonschema, yaml" 2>/dev/null || python3 -m pip install -q jsonschema pyyaml

build: deps
	$(SWIFT) build

demo: build
	@mkdir -p out
	$(BIN_DIR)/govlint check $(DEMO) --profile starter --format sarif=out/demo.sarif --format json=out/demo.json --fail-on never
	$(BIN_DIR)/govlint check $(DEMO) --profile starter --fail-on never

test: deps
	$(SWIFT) build
	$(SWIFT) test --parallel

# Regenerate the committed rule docs (docs/rules) after changing or adding rules; a test fails while they are stale.
docs: build
	$(BIN_DIR)/govlint docs --output docs/rules

# Benchmarks, not tests: release build, then throughput, memory and ratios (see scripts/bench.py).
bench: deps
	$(SWIFT) build -c release --product govlint
	python3 scripts/bench.py

clean:
	rm -rf .build out
