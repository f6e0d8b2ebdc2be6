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
BINDIR=$("$PG_CONFIG" --bindir)
RUN_AS=${GD_CLUSTER_USER:-postgres}

if [ "$(id -u)" = 0 ]; then
    if ! id "$RUN_AS" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
    fi
    as_owner() { runuser -u "$RUN_AS" -- "$@"; }
else
    RUN_AS=$(id -un)
    as_owner() { "$@"; }
fi

free_port() {
    local port
    for port in $(seq 55432 55632); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port between 55432 and 55632" >&2
    return 1
}

WORKDIR=$(mktemp -d /tmp/govdisclose-cluster.XXXXXX)
chmod 755 "$WORKDIR"
chown "$RUN_AS" "$WORKDIR"
PORT=$(free_port)

stop_cluster() {
    local status=$?
    trap - EXIT INT TERM
    if [ -f "$WORKDIR/data/postmaster.pid" ]; then
        as_owner "$BINDIR/pg_ctl" -D "$WORKDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORKDIR"
    exit "$status"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_owner "$BINDIR/initdb" -D "$WORKDIR/data" -U postgres --auth=trust \
    --encoding=UTF8 --no-locale >"$WORKDIR/initdb.log" 2>&1 ||
    { cat "$WORKDIR/initdb.log" >&2; exit 1; }
# another cluster may take the port between the test and the start: try again
for attempt in 1 2 3 4 5; do
    as_owner "$BINDIR/pg_ctl" -D "$WORKDIR/data" -l "$WORKDIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORKDIR -c fsync=off ${GD_SERVER_OPTS:-}" \
        start >/dev/null 2>&1 && break
    grep -q 'could not bind' "$WORKDIR/server.log" && [ "$attempt" -lt 5 ] || { cat "$WORKDIR/server.log" >&2; exit 1; }
    sleep "0.$RANDOM"
    PORT=$(free_port)
done

export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres PGDATABASE=postgres
export GD_SERVER_LOG="$WORKDIR/server.log"
"$@"
