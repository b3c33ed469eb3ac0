#!/usr/bin/env bash
# Installs the Debian packages Vigia needs to build, run and test; does nothing when all are present.
# Works as root or through sudo. Idempotent: safe to run before every build.
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build pkg-config git
    # Qt 6 and libraries (DEVELOPERS.md: the chosen stack)
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev libxkbcommon-dev libqt6sql6-sqlite libqt6sql6-psql
    qtkeychain-qt6-dev libpqxx-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libyaml-cpp-dev libsqlite3-dev
    # tests: PostgreSQL server, a display for screenshots, a keychain
    postgresql xvfb xauth gnome-keyring dbus dbus-x11 sqlite3 procps
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "error: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
