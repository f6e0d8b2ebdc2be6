#!/usr/bin/env bash
# gdload benchmark (not part of the test suite):
#   bash test/bench/gdload.sh [N] [RUNS]     N files (default 300), RUNS per measurement (default 3)
# Writes N report files in six formats (test/bench/gdload_corpus.py, cached in
# test/bench/work/; needs LibreOffice once), starts a throwaway server and
# prints the median time of RUNS runs of
#   - the floor: each file's converter alone (pdftotext -layout, unzip of
#     word/document.xml, catdoc, iconv, cat), over the same files, through
#     xargs with the same parallelism, output discarded;
#   - gdload loading the folder into an empty govdisclose.documents (-q,
#     --doc-converter=catdoc, so both sides use the same DOC converter);
# each with -j 1 and -j 2, and the ratios the README quotes.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-300}
runs=${2:-3}
bash test/setup.sh >/dev/null
for tool in soffice pdftotext unzip catdoc; do
    command -v "$tool" >/dev/null || { echo "the benchmark needs $tool (apt-get install libreoffice-writer-nogui poppler-utils unzip catdoc)" >&2; exit 1; }
done
mkdir -p test/bench/work
key=$(cat test/bench/gdload_corpus.py test/fixtures/{jianglan,nanhu,qinghe}.{html,tab-rows}.txt | sha1sum | cut -c1-12)
corpus=$PWD/test/bench/work/gdload-$n-$key
if [ ! -d "$corpus" ]; then
    rm -rf test/bench/work/gdload-*
    python3 test/bench/gdload_corpus.py "$n" "$corpus.tmp"
    mv "$corpus.tmp" "$corpus"
fi
GDLOAD=$("${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}" --bindir)/gdload
export GDLOAD
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
test/with-cluster.sh bash test/bench/gdload_measure.sh "$corpus" "$runs"
