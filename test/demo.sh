#!/usr/bin/env bash
# Set everything up and show govdisclose at work: installs the dependencies,
# builds and installs the extension, starts a throwaway server, loads the
# sample reports bundled in test/fixtures and prints what it read from them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/setup.sh
exec test/with-cluster.sh bash -c '
set -e
psql -Xq -v ON_ERROR_STOP=1 -c "CREATE EXTENSION govdisclose" -c "CREATE TABLE sample (file text, body text)"
for f in test/fixtures/*.txt; do
    echo "INSERT INTO sample VALUES (:'"'file'"', :'"'body'"');" |
        psql -Xq -v ON_ERROR_STOP=1 -v file="$(basename "$f")" -v body="$(cat "$f")"
done
psql -X -v ON_ERROR_STOP=1 -f test/demo.sql
'
