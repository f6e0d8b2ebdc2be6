#!/usr/bin/env bash
# Benchmark (not part of the test suite):
#   bash test/bench/run.sh [--corpus KIND] [--serial] [N] [RUNS]
# KIND (see make_corpus.py): mixed (default; every layout, 5-30 KB), seeds
# (plain-text reports of the seeds' size, 6-8 KB) or pages (full CMS HTML
# pages, about 100 KB).  N reports (default 20000; 2000 for pages), RUNS per
# measurement (default 5).  --serial measures only the one-process
# throughputs (no parallel plan, full load or memory run).  PG_CONFIG chooses the PostgreSQL to build and
# install into and to run (default: the system's PostgreSQL 15).
# Builds and installs the extension, writes a deterministic corpus of N
# reports (cached in test/bench/work/), starts a throwaway cluster and prints
# one line per measurement with ratios to the md5 floor and the PL/pgSQL
# baseline, the parallel plan, and the backend's memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
kind=mixed
if [ "${1:-}" = --corpus ]; then
    kind=${2:?--corpus needs mixed, seeds or pages}
    shift 2
fi
scope=all
if [ "${1:-}" = --serial ]; then
    scope=serial
    shift
fi
case $kind in
    mixed | seeds) n=${1:-20000} ;;
    pages) n=${1:-2000} ;;
    *) echo "unknown corpus: $kind (mixed, seeds or pages)" >&2; exit 2 ;;
esac
runs=${2:-5}
# setup.sh installs into and with-cluster.sh runs the PostgreSQL of the same PG_CONFIG
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
bash test/setup.sh
mkdir -p test/bench/work
# the cache is keyed by the generator and the fixtures it draws on
key=$(cat test/bench/make_corpus.py test/fixtures/*.txt test/fixtures/matrix/*/cms-page.html.txt | sha1sum | cut -c1-12)
corpus=$PWD/test/bench/work/corpus-$kind-$n-$key.copy
find test/bench/work -name 'corpus-*.copy' ! -name "*-$key.copy" -delete
[ -s "$corpus" ] || python3 test/bench/make_corpus.py "$n" "$corpus" --kind "$kind"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $("$("$PG_CONFIG" --bindir)/postgres" --version); load average $(cut -d' ' -f1-3 /proc/loadavg)"
GD_SERVER_OPTS="-c shared_buffers=256MB -c max_wal_size=4GB -c synchronous_commit=off" \
    test/with-cluster.sh python3 test/bench/bench.py "$corpus" "$runs" "$scope"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
