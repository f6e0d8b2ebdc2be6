#!/usr/bin/env bash
# Two sessions loading reports at once (README "Duplicates"), against the
# server in the PG* variables (test/run-tests.sh runs it in its throwaway
# cluster).  Prints "ok N ..." / "not ok N ..." per check.
set -uo pipefail
db=regress_gd_concurrent
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -X -q -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
psql -X -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8'" 2>/dev/null &&
    psql_db -c 'CREATE EXTENSION govdisclose' || { echo "not ok 0 setup"; exit 1; }
n=0
check() {  # check DESCRIPTION 'SHELL CONDITION'
    n=$((n + 1))
    if eval "$2"; then echo "ok $n $1"; else echo "not ok $n $1"; fi
}
count() { psql_db -Atc "SELECT count(*) FROM govdisclose.documents ${1:-}"; }

# 1. the same report (once with CRLF line ends), one statement each, every session in a transaction that
#    stays open a while: both succeed, the report is stored once
load_one() {
    psql_db >"$work/$1.out" 2>&1 <<SQL
BEGIN;
INSERT INTO govdisclose.documents (source, body) VALUES ('$1', E'一、总体情况\n同一份报告。$2');
SELECT pg_sleep(0.5);
COMMIT;
SQL
}
load_one a '' & a=$!
load_one b '' & b=$!
load_one c '\r\n' & c=$!
wait $a; sa=$?; wait $b; sb=$?; wait $c; sc=$?
cat "$work/a.out" "$work/b.out" "$work/c.out" >"$work/errors"
check "three sessions load the same report at once: none raises" \
    '[ "$sa" -eq 0 ] && [ "$sb" -eq 0 ] && [ "$sc" -eq 0 ] && ! grep -i error "$work/errors"'
check "three sessions load the same report at once: stored once" '[ "$(count)" = 1 ]'

# 2. forty reports by COPY in opposite orders in two sessions: no deadlock,
#    no error, each stored once
for i in $(seq 1 40); do printf 'report %s\t一、总体情况\\n第%s份报告。\n' "$i" "$i"; done >"$work/up.tsv"
tac "$work/up.tsv" >"$work/down.tsv"
copy_all() {
    psql_db >"$work/$1.out" 2>&1 <<SQL
BEGIN;
\copy govdisclose.documents (source, body) FROM '$work/$1.tsv'
SELECT pg_sleep(0.3);
COMMIT;
SQL
}
copy_all up & a=$!
copy_all down & b=$!
wait $a; sa=$?; wait $b; sb=$?
cat "$work/up.out" "$work/down.out" >"$work/errors"
check "two COPYs of the same forty reports in opposite orders: neither raises" \
    '[ "$sa" -eq 0 ] && [ "$sb" -eq 0 ] && ! grep -i error "$work/errors"'
copies=$(count "WHERE source LIKE 'report %'")
check "two COPYs of the same forty reports: each stored once" '[ "$copies" = 40 ]'

# 3. REPEATABLE READ: a load that cannot see a concurrent one's text is a
#    serialization failure (retry), never a second copy
psql_db >"$work/rr.out" 2>&1 <<'SQL' & a=$!
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT count(*) FROM govdisclose.documents;
SELECT pg_sleep(1);
INSERT INTO govdisclose.documents (source, body) VALUES ('rr', E'一、总体情况\n可重复读。');
COMMIT;
SQL
sleep 0.3
psql_db -c "INSERT INTO govdisclose.documents (source, body) VALUES ('rc', E'一、总体情况\n可重复读。')"
wait $a
check "REPEATABLE READ: the later load fails with a serialization failure" \
    'grep -q "could not serialize" "$work/rr.out"'
copies=$(count "WHERE body LIKE '%可重复读%'")
check "REPEATABLE READ: the report is stored once" '[ "$copies" = 1 ]'
