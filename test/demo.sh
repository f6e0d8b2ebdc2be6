#!/usr/bin/env bash
# Set everything up and show govdisclose at work: installs the dependencies,
# builds and installs the extension, starts a throwaway server, loads the
# sample reports bundled in test/fixtures and prints what it read from them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/setup.sh
exec test/with-cluster.sh psql -X -v ON_ERROR_STOP=1 -f test/demo.sql
