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

# libFuzzer targets (Fuzz/, docs/reliability.md): Fuzz/build.sh compiles the modules each
# needs with -sanitize=fuzzer,address; `make fuzz` runs each FUZZ_SECONDS on its seed corpus
# (a copy grows under .build/fuzz) and stops at the first crash, timeout or leak.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= html selector page-rules rule-pack config jsonpath descriptor spectral

fuzz-build: deps
	Fuzz/build.sh $(FUZZ_TARGETS)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p .build/fuzz/corpus-$$t .build/fuzz/artifacts && cp -n Fuzz/corpus/$$t/* .build/fuzz/corpus-$$t/ ; \
	  case $$t in html|page-rules) d=html ;; selector|jsonpath) d=$$t ;; *) d=yaml ;; esac; \
	  echo "== fuzz-$$t for $(FUZZ_SECONDS) s"; \
	  LSAN_OPTIONS=suppressions=Fuzz/lsan.supp:print_suppressions=0 .build/fuzz/fuzz-$$t -dict=Fuzz/dict/$$d.dict -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=30 \
	    -print_final_stats=1 -artifact_prefix=.build/fuzz/artifacts/$$t- .build/fuzz/corpus-$$t > .build/fuzz/$$t.log 2>&1; \
	  status=$$?; grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" .build/fuzz/$$t.log; \
	  if [ $$status -ne 0 ]; then grep -E -A30 "ERROR|SUMMARY" .build/fuzz/$$t.log | head -60; echo "fuzz-$$t failed: see .build/fuzz/$$t.log"; exit 1; fi; \
	done

clean:
	rm -rf .build out
