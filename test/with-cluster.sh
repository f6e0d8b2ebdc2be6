#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster.
#
#   test/with-cluster.sh COMMAND [ARG...]
#
# The cluster lives in a temporary directory, runs as an unprivileged user
# (PostgreSQL refuses root; the user is created if missing), listens on a
# free port on 127.0.0.1 only, and is stopped and removed when the command
# ends, fails, or the script is interrupted.  COMMAND sees PGHOST, PGPORT,
# PGUSER and PGDATABASE and can use psql or `make installcheck` directly.
set -euo pipefail

PG_CONFIG=${PG_CONFIG:-pg_config}
source "$(dirname "$0")/cluster-lib.sh"

remove_on_exit govdisclose-cluster
start_server "$WORKDIR/data" "${GD_SERVER_OPTS:-}"

export PGHOST=127.0.0.1 PGPORT=$SERVER_PORT PGUSER=postgres PGDATABASE=postgres
export GD_SERVER_LOG="$WORKDIR/data.log"
"$@"
