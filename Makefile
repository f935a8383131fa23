# govlint — the two commands a fresh Debian machine with the Swift toolchain needs:
#   make demo   installs libgumbo-dev when missing, builds, lints the demo export
#   make test   the whole test suite
SWIFT ?= swift
BIN_DIR := $(shell $(SWIFT) build --show-bin-path 2>/dev/null || echo .build/debug)
DEMO := Fixtures/sites/demo-agency

.PHONY: deps build demo test bench clean docs fuzz fuzz-build

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

# libFuzzer targets (Fuzz/): each built with the sources it needs, run FUZZ_SECONDS on its seed corpus.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := html selector
FUZZ_FLAGS := -sanitize=fuzzer,address -parse-as-library -O -Xcc -fmodule-map-file=Sources/CGumbo/module.modulemap -I Sources/CGumbo
HTML_SOURCES := $(shell find Sources/GovlintHTML -name '*.swift')

fuzz-build: deps
	@mkdir -p .build/fuzz
	swiftc $(FUZZ_FLAGS) -module-name GovlintHTML $(HTML_SOURCES) Fuzz/FuzzHTML.swift -lgumbo -o .build/fuzz/fuzz-html 2>/dev/null
	swiftc $(FUZZ_FLAGS) -module-name GovlintHTML $(HTML_SOURCES) Fuzz/FuzzSelector.swift -lgumbo -o .build/fuzz/fuzz-selector 2>/dev/null

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p .build/fuzz/corpus-$$t && cp -n Fuzz/corpus/$$t/* .build/fuzz/corpus-$$t/ ; \
	  echo "== fuzz-$$t for $(FUZZ_SECONDS) s"; \
	  .build/fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
	    .build/fuzz/corpus-$$t 2>&1 | grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|ERROR|SUMMARY|Done" || exit 1; \
	done

clean:
	rm -rf .build out
