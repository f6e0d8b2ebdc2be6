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

# a port nobody listens on, from a random start: helpers on one machine
# would otherwise all try the same first port
free_port() {
    local port offset=$((RANDOM % 200))
    for port in $(seq $((55432 + offset)) 55632) $(seq 55432 $((55432 + offset))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port between 55432 and 55632" >&2
    return 1
}

# start_server DATADIR [SERVER OPTION...]: initdb and start a server on a free
# port of 127.0.0.1 (in SERVER_PORT), its socket and log beside DATADIR (whose
# parent the owner owns).  A port taken between the test and the start is
# tried again with another.
start_server() {
    local data=$1 tries
    shift
    as_owner "$BINDIR/initdb" -D "$data" -U postgres --auth=trust \
        --encoding=UTF8 --no-locale >"$data.initdb.log" 2>&1 ||
        { cat "$data.initdb.log" >&2; return 1; }
    for tries in 1 2 3 4 5; do
        SERVER_PORT=$(free_port) || return 1
        as_owner "$BINDIR/pg_ctl" -D "$data" -l "$data.log" -w \
            -o "-c listen_addresses=127.0.0.1 -p $SERVER_PORT -k $(dirname "$data") -c fsync=off $*" \
            start >/dev/null && return 0
        grep -q 'could not bind' "$data.log" || break
    done
    cat "$data.log" >&2
    return 1
}

stop_server() {
    if [ -f "$1/postmaster.pid" ]; then
        as_owner "$BINDIR/pg_ctl" -D "$1" -m immediate -w stop >/dev/null 2>&1 || true
    fi
}

# remove_on_exit NAME: a new temporary directory the servers' owner can write
# in (in WORKDIR); at exit, interrupt or termination every server in it is
# stopped and it is removed, keeping the exit status
remove_on_exit() {
    WORKDIR=$(mktemp -d "/tmp/$1.XXXXXX")
    chmod 755 "$WORKDIR"
    chown "$RUN_AS" "$WORKDIR"
    trap stop_and_remove EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}
stop_and_remove() {
    local status=$? data
    trap - EXIT INT TERM
    for data in "$WORKDIR"/*/; do stop_server "$data"; done
    rm -rf "$WORKDIR"
    exit "$status"
}
