#!/usr/bin/env bash
# Set everything up and show govdisclose at work: installs the dependencies,
# builds and installs the extension and gdload, starts a throwaway server,
# loads the sample files in test/gdload/fixtures/samples (Word, PDF, Word 97,
# GB18030 text) with gdload and prints their findings, then what the parser
# reads from every bundled layout in test/fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/setup.sh
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
gdload=$("$PG_CONFIG" --bindir)/gdload
export gdload
exec test/with-cluster.sh bash -c '
    set -eu
    psql -Xq -v ON_ERROR_STOP=1 -c "CREATE EXTENSION govdisclose"
    echo
    echo "=== gdload: the sample files, one report per format (one PDF is there twice)"
    ls -R test/gdload/fixtures/samples
    echo "\$ gdload test/gdload/fixtures/samples"
    "$gdload" test/gdload/fixtures/samples
    psql -X -v ON_ERROR_STOP=1 -f test/demo.sql'
