# Shared by test/with-cluster.sh and test/citus/run.sh (source it; PG_CONFIG set):
# the unprivileged owner of throwaway servers, a free port, and starting one server.
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

# start_server DATADIR PORT [SERVER OPTION...]: initdb and start a server on
# 127.0.0.1:PORT, its socket and log beside DATADIR (DATADIR's parent is the owner's).
start_server() {
    local data=$1 port=$2
    shift 2
    as_owner "$BINDIR/initdb" -D "$data" -U postgres --auth=trust \
        --encoding=UTF8 --no-locale >"$data.initdb.log" 2>&1 ||
        { cat "$data.initdb.log" >&2; return 1; }
    as_owner "$BINDIR/pg_ctl" -D "$data" -l "$data.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $(dirname "$data") -c fsync=off $*" \
        start >/dev/null || { cat "$data.log" >&2; return 1; }
}

stop_server() {
    if [ -f "$1/postmaster.pid" ]; then
        as_owner "$BINDIR/pg_ctl" -D "$1" -m immediate -w stop >/dev/null 2>&1 || true
    fi
}
