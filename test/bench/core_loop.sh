#!/usr/bin/env bash
# Instruction count of the core over a bench corpus (not part of the test suite):
#   bash test/bench/core_loop.sh COPY-FILE [N [--requests-only]]
# builds test/bench/core_loop.c with the working tree's core and counts, with
# callgrind, the instructions gd_parse executes over the first N bodies
# (default 300) of COPY-FILE (a corpus run.sh wrote into test/bench/work),
# parsed as the functions that return no facts parse them (--requests-only:
# as request_cells parses them).  Instruction
# counts do not move with the load of a shared machine as times do.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:?usage: core_loop.sh COPY-FILE [N]}
n=${2:-300}
mode=${3:---skip-facts}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2046
cc -std=gnu11 -O2 -g -Wall -Wextra -Werror -o "$work/core_loop" test/bench/core_loop.c $(find src -name 'gd_*.c' -o -path 'src/readers/*.c' | sort)
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" --toggle-collect=gd_parse \
    "$work/core_loop" "$mode" "$corpus" "$n" 2>"$work/valgrind.log"
instructions=$(sed -n 's/.*Collected : //p' "$work/valgrind.log")
echo "gd_parse over $n reports: $instructions instructions ($((instructions / n)) per report)"
