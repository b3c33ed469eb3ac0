#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the normal build with warnings as errors, then the
# core, CLI and tests again under AddressSanitizer + UndefinedBehaviorSanitizer. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh

jobs=$(nproc)
echo "== build (warnings are errors)"
scripts/build.sh ci
echo "== tests"
ctest --preset ci -j "$jobs"

echo "== build with ASan + UBSan"
scripts/build.sh sanitize -DVIGIA_WERROR=ON
echo "== tests with ASan + UBSan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0
ctest --preset sanitize -j "$jobs"
