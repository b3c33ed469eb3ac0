#!/usr/bin/env bash
# Configures and builds one preset (default: "default" → build/). Binaries land in <build dir>/bin.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
shift || true
cmake --preset "$preset" "$@" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
