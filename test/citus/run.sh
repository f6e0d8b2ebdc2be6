#!/usr/bin/env bash
# govdisclose on Citus: a coordinator and two workers on 127.0.0.1, then a
# third worker added late, against one plain node fed the same reports.
#
#   test/citus/run.sh            (as root, like test/run-tests.sh; PG_CONFIG as for make install)
#
# Installs Citus (test/citus/install-citus.sh: cached build), writes a corpus
# of GD_CITUS_REPORTS reports (default 3000) by 500 bodies over consecutive
# years, and loads it in three parts: A on the coordinator before
# distribute() (an install that already holds data), B after it (timed, and
# timed on the plain node too), C after a third worker joined.  Ends with
# "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
reports=${GD_CITUS_REPORTS:-3000}
bodies=500

passed=0
failed=0
ok() { echo "ok $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok $*"; failed=$((failed + 1)); }
# check DESCRIPTION COMMAND...: one assertion, passing when COMMAND succeeds
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit; }

bash test/setup.sh >/dev/null || { not_ok "govdisclose builds and installs"; finish; }
bash test/citus/install-citus.sh || { not_ok "Citus installs"; finish; }
source test/cluster-lib.sh

remove_on_exit govdisclose-citus
work=$WORKDIR

# wal_level=logical: the rebalancer moves shards by logical replication;
# prepared transactions: multi-shard writes commit in two phases
node_options="-c shared_preload_libraries=citus -c wal_level=logical -c max_prepared_transactions=100"
declare -A port
start_node() {
    start_server "$work/$1" "$node_options" && port[$1]=$SERVER_PORT &&
        sql "$1" -c 'CREATE EXTENSION citus'
}
# sql NODE [psql ARG...]: psql on a node, stopping at the first error
export PGOPTIONS="-c client_min_messages=warning"
sql() { local node=$1; shift; psql -h 127.0.0.1 -p "${port[$node]}" -U postgres -d postgres -XqAt -v ON_ERROR_STOP=1 "$@"; }
# the plain node: a database without citus on the coordinator's server
single() { psql -h 127.0.0.1 -p "${port[coordinator]}" -U postgres -d single -XqAt -v ON_ERROR_STOP=1 "$@"; }

echo "== corpus: $reports reports by $bodies bodies over consecutive years"
python3 test/citus/make_reports.py "$reports" "$bodies" "$work/corpus.copy" || { not_ok "corpus written"; finish; }
a_end=$((reports * 4 / 10)) b_end=$((reports * 9 / 10))
sed -n "1,${a_end}p" "$work/corpus.copy" >"$work/part-a.copy"
sed -n "$((a_end + 1)),${b_end}p" "$work/corpus.copy" >"$work/part-b.copy"
sed -n "$((b_end + 1)),\$p" "$work/corpus.copy" >"$work/part-c.copy"
chmod 644 "$work"/*.copy
b_reports=$(wc -l <"$work/part-b.copy")
b_mb=$(du -m "$work/part-b.copy" | cut -f1)

now() { date +%s.%N; }
rate() { awk -v n="$1" -v t0="$2" -v t1="$3" 'BEGIN { printf "%.0f", n / (t1 - t0) }'; }
# load PART CLIENT...: COPY a part of the corpus into documents through CLIENT (sql NODE, or single)
load() { local part=$1; shift; "$@" -c "\\copy govdisclose.documents (source, body) FROM '$work/part-$part.copy'"; }

echo "== servers: coordinator, worker1, worker2 (citus created on each)"
for node in coordinator worker1 worker2; do
    start_node "$node" || { not_ok "$node starts"; finish; }
done

echo "== the plain node: parts A, B (timed), C"
sql coordinator -c 'CREATE DATABASE single' && single -c 'CREATE EXTENSION govdisclose' && load a single ||
    { not_ok "the plain node loads part A"; finish; }
t0=$(now)
load b single
t1=$(now)
single_rate=$(rate "$b_reports" "$t0" "$t1")
load c single

echo "== install order: citus on every node, workers added, then govdisclose on the coordinator"
sql coordinator -c "SELECT citus_set_coordinator_host('127.0.0.1', ${port[coordinator]})" \
    -c "SELECT citus_add_node('127.0.0.1', ${port[worker1]})" \
    -c "SELECT citus_add_node('127.0.0.1', ${port[worker2]})" \
    -c 'CREATE EXTENSION govdisclose' >/dev/null || { not_ok "cluster set up"; finish; }
has_extension() { [ "$(sql "$1" -c "SELECT extversion FROM pg_extension WHERE extname = 'govdisclose'")" = 1.0 ]; }
check "govdisclose created on worker1 by the coordinator" has_extension worker1
check "govdisclose created on worker2 by the coordinator" has_extension worker2

echo "== part A loaded on one node, then govdisclose.distribute()"
load a sql coordinator
sql coordinator -c 'SELECT govdisclose.distribute()' >/dev/null
check "govdisclose.distribute() spreads an install that holds data" \
    test "$(sql coordinator -c 'SELECT govdisclose.is_distributed()')" = t
# (citus_shards leaves out an extension's tables: read the placements)
placements="pg_dist_shard s JOIN pg_dist_placement USING (shardid) JOIN pg_dist_node n USING (groupid)"
shard_nodes() { sql coordinator -c "SELECT count(DISTINCT n.nodeport) FROM $placements WHERE s.logicalrelid = '$1'::regclass"; }
# worker_of EXPR: the port of the worker holding the shard of parsed where doc_id = EXPR
worker_of() { echo "(SELECT n.nodeport FROM $placements WHERE s.shardid = get_shard_id_for_distribution_column('govdisclose_internal.parsed', $1))"; }
check "documents and parsed have shards on both workers" \
    test "$(shard_nodes govdisclose.documents)$(shard_nodes govdisclose_internal.parsed)" = 22
check "documents and parsed are co-located" test "$(sql coordinator -c "
    SELECT count(DISTINCT colocationid) FROM pg_dist_partition
    WHERE logicalrelid IN ('govdisclose.documents'::regclass, 'govdisclose_internal.parsed'::regclass)")" = 1

echo "== part B: COPY, then govdisclose.parse_pending() (timed)"
before_b=$(sql coordinator -c 'SELECT max(doc_id) FROM govdisclose.documents')
t0=$(now)
load b sql coordinator
t_copy=$(now)
sql coordinator -c 'SELECT govdisclose.parse_pending()' >/dev/null
t1=$(now)
citus_rate=$(rate "$b_reports" "$t0" "$t1")
citus_copy_rate=$(rate "$b_reports" "$t0" "$t_copy")
citus_parse_rate=$(rate "$b_reports" "$t_copy" "$t1")
unparsed() {
    "$@" -c 'SELECT count(*) FROM govdisclose.documents d
             WHERE NOT EXISTS (SELECT 1 FROM govdisclose_internal.parsed p WHERE p.doc_id = d.doc_id)'
}
check "every document parsed (part B)" test "$(unparsed sql coordinator)" = 0

echo "== the parse path is pushed down"
parse_statement=$(sql coordinator -c "
    SELECT substring(prosrc FROM 'INSERT INTO [^;]*parse_flat[^;]*') FROM pg_proc
    WHERE oid = 'govdisclose.parse_pending()'::regprocedure")
explain=$(sql coordinator -c "EXPLAIN (VERBOSE, COSTS OFF) $parse_statement")
sed 's/^/    /' <<<"$explain" | cut -c1-160 | head -12
check "EXPLAIN: one task per shard (Task Count: 32)" grep -q 'Task Count: 32' <<<"$explain"
check "EXPLAIN: govdisclose_internal.parse_flat inside the task's query on a shard" \
    grep -qE 'INSERT INTO govdisclose_internal\.parsed_[0-9]+ .*govdisclose_internal\.parse_flat\(' <<<"$explain"
no_pull_or_repartition() { ! grep -qiE 'repartition|pull to coordinator|INSERT/SELECT method' <<<"$explain"; }
check "EXPLAIN: no repartition, no pull to the coordinator" no_pull_or_repartition

echo "== a third worker joins, shards are rebalanced, part C is loaded"
start_node worker3 || { not_ok "worker3 starts"; finish; }
sql coordinator -c "SELECT citus_add_node('127.0.0.1', ${port[worker3]})" \
    -c "SELECT rebalance_table_shards(shard_transfer_mode => 'block_writes')" >/dev/null
check "govdisclose created on the added worker" has_extension worker3
check "the added worker holds shards after rebalancing" test "$(shard_nodes govdisclose.documents)" = 3
before_c=$(sql coordinator -c 'SELECT max(doc_id) FROM govdisclose.documents')
load c sql coordinator && sql coordinator -c 'SELECT govdisclose.parse_pending()' >/dev/null
check "every document parsed (part C, three workers)" test "$(unparsed sql coordinator)" = 0
check "the added worker parsed documents of part C" test "$(sql coordinator -c "
    WITH c AS MATERIALIZED (SELECT doc_id FROM govdisclose_internal.parsed WHERE doc_id > $before_c)
    SELECT count(*) FROM c WHERE $(worker_of c.doc_id) = ${port[worker3]}")" -gt 0

echo "== the same rows as the plain node"
# compare RELATION: every column but loaded_at (the one that differs), rows sorted
compare() {
    local columns
    columns=$(single -c "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
        WHERE attrelid = 'govdisclose.$1'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'loaded_at'")
    single -c "COPY (SELECT $columns FROM govdisclose.$1) TO STDOUT" | LC_ALL=C sort >"$work/$1.single"
    sql coordinator -c "COPY (SELECT $columns FROM govdisclose.$1) TO STDOUT" | LC_ALL=C sort >"$work/$1.citus"
    local rows
    rows=$(wc -l <"$work/$1.single")
    if [ "$rows" -gt 0 ] && cmp -s "$work/$1.single" "$work/$1.citus"; then
        ok "$1: the same $rows rows ${2:-}"
    else
        not_ok "$1: $rows rows on the plain node, $(wc -l <"$work/$1.citus") distributed ${2:-}"
        diff "$work/$1.single" "$work/$1.citus" | head -5 | cut -c1-200
    fi
}
for relation in documents reports findings report_summary request_values requests_wide \
                active_values review_values fact_values report_problems copied_sections yoy_figures; do
    compare "$relation"
done
check "COPIED-TEXT: sections signed by parse_pending() are compared" test "$(sql coordinator -c "
    SELECT count(*) FROM govdisclose.findings WHERE rule_id = 'COPIED-TEXT' AND doc_id > $before_b")" -gt 0

echo "== rules across reports, across shards"
cross_node_pairs() {
    sql coordinator -c "WITH f AS MATERIALIZED (SELECT rule_id, doc_id, other_doc_id FROM govdisclose.findings
                                       WHERE rule_id IN ('CARRY-CHAIN', 'STOCK-CHAIN', 'DUPLICATE-REPORT'))
        SELECT rule_id, count(*) FROM f WHERE $(worker_of f.doc_id) <> $(worker_of f.other_doc_id)
        GROUP BY 1 ORDER BY 1"
}
pairs=$(cross_node_pairs)
echo "$pairs" | sed 's/^/    findings whose two reports are on different workers: /'
check "CARRY-CHAIN found between reports on different workers" grep -qE '^CARRY-CHAIN\|[1-9]' <<<"$pairs"
check "STOCK-CHAIN found between reports on different workers" grep -qE '^STOCK-CHAIN\|[1-9]' <<<"$pairs"
check "DUPLICATE-REPORT found between reports on different workers" grep -qE '^DUPLICATE-REPORT\|[1-9]' <<<"$pairs"

echo "== a DELETE: parse_pending() drops the deleted report's signatures and pairs, as the one-node trigger does"
copied_doc=$(single -c "SELECT min(doc_id) FROM govdisclose.copied_sections WHERE doc_id > $before_b")
single -c "DELETE FROM govdisclose.documents WHERE doc_id = $copied_doc"
sql coordinator -c "DELETE FROM govdisclose.documents WHERE doc_id = $copied_doc" -c 'SELECT govdisclose.parse_pending()' >/dev/null
check "no signature of the deleted report is left" test "$(sql coordinator -c "
    SELECT count(*) FROM govdisclose_internal.section_signatures WHERE doc_id = $copied_doc")" = 0
compare copied_sections "after a DELETE"

echo "== govdisclose.undistribute(): back to one node"
sql coordinator -c 'SELECT govdisclose.undistribute()' >/dev/null
check "govdisclose.undistribute() brings the data back" \
    test "$(sql coordinator -c 'SELECT govdisclose.is_distributed()')" = f
triggers() { "$@" -c "SELECT string_agg(pg_get_triggerdef(oid), '; ' ORDER BY tgname) FROM pg_trigger
    WHERE tgrelid IN ('govdisclose.documents'::regclass, 'govdisclose_internal.parsed'::regclass) AND NOT tgisinternal"; }
check "undistribute() restores the triggers" test "$(triggers sql coordinator)" = "$(triggers single)"
compare findings "after undistribute()"
compare report_summary "after undistribute()"
repeat_skipped() {
    "$@" -c "INSERT INTO govdisclose.documents (source, body) SELECT 'again', body FROM govdisclose.documents WHERE doc_id = 1" \
         -c "SELECT count(*) FROM govdisclose.documents WHERE source = 'again'"
}
check "undistribute(): a repeated text is skipped by the trigger again" test "$(repeat_skipped sql coordinator)" = 0
sql coordinator -c 'SELECT govdisclose.distribute()' >/dev/null
check "distribute() again after undistribute()" test "$(sql coordinator -c 'SELECT govdisclose.is_distributed()')" = t
compare findings "distributed again"

echo "load throughput, part B ($b_reports reports, $b_mb MB): plain node $single_rate reports/s;" \
     "coordinator + 2 workers $citus_rate reports/s (COPY alone $citus_copy_rate/s, parse_pending() alone" \
     "$citus_parse_rate/s); one 2-core machine: this shows the overhead, not a speed-up"
finish
