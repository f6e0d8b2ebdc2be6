#!/bin/bash
# Fuzz with libFuzzer under ASan and UBSan.
#   bash test/fuzz/run.sh [SECONDS] [HARNESS]   default 60 s of fuzz_parse; 0 runs until stopped
# fuzz_parse (the parser) is seeded with every fixture, every saved regression
# input and two texts of several MB (the fixtures repeated; one long line);
# fuzz_check (the rules on any stored values) with its saved regression inputs.
# A finding exits non-zero and leaves the input in test/fuzz/build/; copy it
# into test/fuzz/regressions/ (fuzz_check's into regressions/check/) so that
# every later run replays it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
harness="${2:-fuzz_parse}"
build=test/fuzz/build
bash test/fuzz/build.sh
corpus="$build/corpus.$harness"
mkdir -p "$corpus"
if [ "$harness" = fuzz_parse ]; then
    cp test/fixtures/*.txt test/fuzz/regressions/*.txt "$corpus/"
    for k in $(seq 1 1000); do cat test/fixtures/qinghe.tab-rows.txt; done >"$corpus/large.repeated"
    for k in $(seq 1 800); do tr '\n' '\t' <test/fixtures/nanhu.space-aligned.txt; done >"$corpus/large.one-line"
else
    cp test/fuzz/regressions/check/* "$corpus/"
fi
args=(-dict=test/fuzz/govdisclose.dict -max_len=4194304 -timeout=20 -rss_limit_mb=2048
      -artifact_prefix="$build/$harness-" -print_final_stats=1)
[ "$seconds" -gt 0 ] && args+=(-max_total_time="$seconds")
"$build/$harness" "${args[@]}" "$corpus"
