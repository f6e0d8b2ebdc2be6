#!/usr/bin/env bash
# Copied-text benchmark (not part of the test suite):
#   bash test/bench/copied.sh [SIZES]     default "25000 50000 100000"
# Builds and installs the extension, writes a corpus of the largest size
# (cached in test/bench/work/), starts a throwaway cluster and, for each
# size, loads that many reports into documents with and without the
# COPIED-TEXT triggers, then reads copied_sections and findings: time,
# backend memory, storage and how many planted copies were found.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=${1:-"25000 50000 100000"}
largest=$(tr ' ' '\n' <<<"$sizes" | sort -n | tail -1)
bash test/setup.sh
mkdir -p test/bench/work
key=$(cat test/bench/make_corpus.py test/bench/make_copied_corpus.py test/fixtures/*.txt | sha1sum | cut -c1-12)
corpus=$PWD/test/bench/work/copied-$largest-$key.copy
find test/bench/work -name 'copied-*.copy' ! -name "*-$key.copy" -delete
[ -s "$corpus" ] || (cd test/bench && python3 make_copied_corpus.py "$largest" "$corpus")
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
GD_SERVER_OPTS="-c shared_buffers=256MB -c max_wal_size=4GB -c synchronous_commit=off" \
    test/with-cluster.sh python3 test/bench/copied_bench.py "$corpus" $sizes
