#!/bin/sh
# install-deps.sh — installs the Debian packages samplan builds, tests and
# benchmarks with. Idempotent; needs root or sudo. Used by README and .ci/run.
#   libglpk-dev      GLPK, the integer-programming solver
#   glpk-utils       glpsol, used by tests to cross-check the model
#   libsqlite3-dev   the run store
#   libjansson-dev   scenario.json and summary.json
#   libcsv-dev       RFC 4180 CSV parsing
#   check            unit tests
#   pkg-config, make, gcc
set -eu
PKGS="build-essential pkg-config libglpk-dev glpk-utils libsqlite3-dev libjansson-dev libcsv-dev check"
if [ "${1:-}" = "--bench" ]; then
    PKGS="$PKGS coinor-cbc time"
fi
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
