#!/usr/bin/env bash
# Install what govdisclose needs from Debian's packages (when missing), then
# build and install the extension and gdload into the local PostgreSQL 15.
set -euo pipefail
cd "$(dirname "$0")/.."
. test/apt-lib.sh
packages=(postgresql-15 postgresql-server-dev-15)
command -v python3 >/dev/null 2>&1 || packages+=(python3)
command -v make >/dev/null 2>&1 && command -v cc >/dev/null 2>&1 || packages+=(build-essential)
# gdload: libpq, poppler-cpp (PDF), libzip + libxml2 (DOCX), catdoc (DOC); poppler-utils for its tests
packages+=(g++ pkg-config libpq-dev libpoppler-cpp-dev libzip-dev libxml2-dev catdoc poppler-utils)
install_missing "${packages[@]}"
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
make -s PG_CONFIG="$PG_CONFIG" >/dev/null
make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
echo "govdisclose built and installed into $("$PG_CONFIG" --pkglibdir), gdload into $("$PG_CONFIG" --bindir)"
