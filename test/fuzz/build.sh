#!/bin/bash
# Build the libFuzzer harnesses (clang with its runtime: clang-14, libclang-rt-14-dev):
# fuzz_parse over the parser, fuzz_check over the consistency rules.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v clang-14 >/dev/null 2>&1 || ! dpkg -s libclang-rt-14-dev >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || { echo "run as root to install clang-14 and libclang-rt-14-dev" >&2; exit 1; }
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev >/dev/null
fi
mkdir -p test/fuzz/build
for harness in fuzz_parse fuzz_check; do
    clang-14 -std=c11 -g -O1 -Wall -Wextra -Werror \
      -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
      -o "test/fuzz/build/$harness" "test/fuzz/$harness.c" src/gd_*.c src/readers/*.c
done
