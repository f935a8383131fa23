#!/bin/sh
# Builds the libFuzzer targets (`make fuzz-build`). Every module a target needs —
# the C parsers (libyaml, via Yams), Yams, ZIPFoundation and govlint's own —
# is compiled once with coverage instrumentation and AddressSanitizer into
# .build/fuzz/obj; each Fuzz/Fuzz<Name>.swift is then linked against them.
# Usage: Fuzz/build.sh [target…]   (default: every target)
set -eu
cd "$(dirname "$0")/.."
SWIFTC=${SWIFTC:-swiftc}
CLANG=${CLANG:-clang}
OUT=.build/fuzz
OBJ=$OUT/obj
CHK=.build/checkouts
[ -d "$CHK/Yams" ] && [ -d "$CHK/ZIPFoundation" ] || swift package resolve >/dev/null
mkdir -p "$OBJ"

SAN="-sanitize=fuzzer,address"
MAPS="-Xcc -fmodule-map-file=Sources/CGumbo/module.modulemap -I Sources/CGumbo
 -Xcc -fmodule-map-file=$CHK/Yams/Sources/CYaml/include/module.modulemap -I $CHK/Yams/Sources/CYaml/include -Xcc -DYAML_DECLARE_STATIC
 -Xcc -fmodule-map-file=$CHK/ZIPFoundation/Sources/CZLib/module.modulemap -I $CHK/ZIPFoundation/Sources/CZLib"
FLAGS="$SAN -O -D SWIFT_PACKAGE -parse-as-library -enable-testing -I $OBJ $MAPS"

# Rebuilds a module when any of its sources is newer than its object file, or
# when a module built before it (the list below is in dependency order) was.
rebuilt=0
module() { # name, source dir, extra flags
  name=$1; dir=$2; shift 2
  srcs=$(find "$dir" -name '*.swift' | sort)
  if [ $rebuilt = 0 ] && [ -f "$OBJ/$name.o" ] && [ -z "$(find "$dir" -name '*.swift' -newer "$OBJ/$name.o")" ]; then return; fi
  rebuilt=1
  echo "  module $name"
  # shellcheck disable=SC2086
  $SWIFTC $FLAGS "$@" -wmo -c -module-name "$name" -emit-module -emit-module-path "$OBJ/$name.swiftmodule" \
    $srcs -o "$OBJ/$name.o"
}

if [ ! -f "$OBJ/CYaml.a" ]; then
  echo "  module CYaml"
  mkdir -p "$OBJ/cyaml"
  for c in "$CHK"/Yams/Sources/CYaml/src/*.c; do
    $CLANG -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I "$CHK/Yams/Sources/CYaml/include" \
      "$c" -o "$OBJ/cyaml/$(basename "$c" .c).o"
  done
  ar rcs "$OBJ/CYaml.a" "$OBJ"/cyaml/*.o
  rebuilt=1
fi
module Yams "$CHK/Yams/Sources/Yams"
module ZIPFoundation "$CHK/ZIPFoundation/Sources/ZIPFoundation" -Xcc -D_GNU_SOURCE=1
module GovlintHTML Sources/GovlintHTML
module GovlintAccessibility Sources/GovlintAccessibility
module GovlintCore Sources/GovlintCore

LIBS="$OBJ/GovlintCore.o $OBJ/GovlintAccessibility.o $OBJ/GovlintHTML.o $OBJ/ZIPFoundation.o $OBJ/Yams.o $OBJ/CYaml.a -lgumbo -lz"
ALL="html selector page-rules rule-pack config jsonpath descriptor spectral"
for t in ${*:-$ALL}; do
  case $t in
    html) src=FuzzHTML ;; selector) src=FuzzSelector ;; page-rules) src=FuzzPageRules ;;
    rule-pack) src=FuzzRulePack ;; config) src=FuzzConfig ;; jsonpath) src=FuzzJSONPath ;;
    descriptor) src=FuzzDescriptor ;; spectral) src=FuzzSpectral ;;
    *) echo "no fuzz target $t (one of: $ALL)" >&2; exit 1 ;;
  esac
  # Relink only when the target's source, the support file or a module object is newer.
  if [ -f "$OUT/fuzz-$t" ] && [ -z "$(find "Fuzz/$src.swift" Fuzz/Support "$OBJ" -newer "$OUT/fuzz-$t" | head -1)" ]; then continue; fi
  echo "  fuzz-$t"
  # gold warns once per ASan helper symbol ("Cannot export local symbol"): noise, not a problem.
  # shellcheck disable=SC2086
  log=$($SWIFTC $FLAGS -module-name "$src" "Fuzz/$src.swift" Fuzz/Support/FuzzSupport.swift $LIBS -o "$OUT/fuzz-$t" 2>&1) \
    || { printf '%s\n' "$log" >&2; exit 1; }
  printf '%s\n' "$log" | grep -v "Cannot export local symbol" | grep . >&2 || true
done
