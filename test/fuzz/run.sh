#!/bin/bash
# Fuzz the parsing core with libFuzzer under ASan and UBSan.
#   bash test/fuzz/run.sh [SECONDS]      default 60; 0 runs until stopped
# Seeds: every fixture (all layouts) and every saved regression input.
# A finding exits non-zero and leaves the input in test/fuzz/build/; copy it
# into test/fuzz/regressions/ so that every later run replays it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
build=test/fuzz/build
bash test/fuzz/build.sh
mkdir -p "$build/corpus"
cp test/fixtures/*.txt test/fuzz/regressions/* "$build/corpus/"
args=(-dict=test/fuzz/govdisclose.dict -max_len=262144 -timeout=10 -rss_limit_mb=2048
      -artifact_prefix="$build/" -print_final_stats=1)
[ "$seconds" -gt 0 ] && args+=(-max_total_time="$seconds")
"$build/fuzz_parse" "${args[@]}" "$build/corpus"
