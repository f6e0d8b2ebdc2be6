#!/usr/bin/env bash
# Install what govdisclose needs from Debian's packages (when missing), then
# build and install the extension and gdload into the local PostgreSQL 15.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
dpkg -s postgresql-15 >/dev/null 2>&1 || need+=(postgresql-15)
dpkg -s postgresql-server-dev-15 >/dev/null 2>&1 || need+=(postgresql-server-dev-15)
command -v make >/dev/null 2>&1 && command -v cc >/dev/null 2>&1 || need+=(build-essential)
command -v python3 >/dev/null 2>&1 || need+=(python3)
# gdload: libpq, poppler-cpp (PDF), libzip + libxml2 (DOCX), catdoc (DOC); poppler-utils for its tests
for pkg in g++ pkg-config libpq-dev libpoppler-cpp-dev libzip-dev libxml2-dev catdoc poppler-utils; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "run as root to install: ${need[*]}" >&2; exit 1; }
    echo "installing: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
make -s PG_CONFIG="$PG_CONFIG" >/dev/null
make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
echo "govdisclose built and installed into $("$PG_CONFIG" --pkglibdir), gdload into $("$PG_CONFIG" --bindir)"
