#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs Vigia with the demo workload.
# With a display and the desktop console built, that is `vigia`; otherwise the headless engine
# `vigia-engine serve --demo`, which prints a live summary line on a terminal. Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh default
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/bin/vigia ]; then
    exec build/bin/vigia --demo "$@"
fi
exec build/bin/vigia-engine serve --demo "$@"
