#!/usr/bin/env bash
# Benchmark (not part of the test suite):
#   bash test/bench/run.sh [N] [RUNS]     N reports (default 20000), RUNS per measurement (default 5)
# Builds and installs the extension, writes a deterministic corpus of N
# reports (cached in test/bench/work/), starts a throwaway cluster and prints
# one line per measurement with ratios to the md5 floor and the PL/pgSQL
# baseline, the parallel plan, and the backend's memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-20000}
runs=${2:-5}
bash test/setup.sh
mkdir -p test/bench/work
# the cache is keyed by the generator and the fixtures it draws on
key=$(cat test/bench/make_corpus.py test/fixtures/*.txt | sha1sum | cut -c1-12)
corpus=$PWD/test/bench/work/corpus-$n-$key.copy
find test/bench/work -name 'corpus-*.copy' ! -name "*-$key.copy" -delete
[ -s "$corpus" ] || python3 test/bench/make_corpus.py "$n" "$corpus"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(postgres --version 2>/dev/null || "$(pg_config --bindir)/postgres" --version)"
GD_SERVER_OPTS="-c shared_buffers=256MB -c max_wal_size=4GB -c synchronous_commit=off" \
    test/with-cluster.sh python3 test/bench/bench.py "$corpus" "$runs"
