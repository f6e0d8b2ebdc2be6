#!/usr/bin/env bash
# Show that a change to the core changes nothing the parser returns:
#   bash test/unit/same_output.sh REF [INPUT_DIR...]
# builds test/unit/gd_dump.c against the core of git commit REF and against
# the working tree, parses every input with both (every field, with and
# without facts) and prints how many inputs were compared and how many
# differ.  Inputs: the fixtures, $GD_CORPUS or ../shared/corpus (seeds and
# realworld), the fuzz regressions and corpus, and every file of the INPUT_DIRs.
set -euo pipefail
cd "$(dirname "$0")/../.."
ref=${1:?usage: same_output.sh REF [INPUT_DIR...]}
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/ref"
git archive "$ref" src test/unit | tar -x -C "$work/ref"
# gd_dump.c beside the core's src/, so that it reads that core's headers (its structs' layout)
build() { cc -std=c11 -O2 -Wall -Wextra -Werror -o "$1" "$2/../test/unit/gd_dump.c" $(find "$2" -name 'gd_*.c' -o -path "$2/readers/*.c" | sort); }
# the working tree's gd_dump prints every field; the reference core is driven by it too
cp test/unit/gd_dump.c test/unit/arena.h "$work/ref/test/unit/"
build "$work/before" "$work/ref/src"
build "$work/after" src
corpus=${GD_CORPUS:-../shared/corpus}
inputs=$(
    find test/fixtures -name "*.txt"; ls test/fuzz/regressions/*
    [ -d test/fuzz/build/corpus ] && find test/fuzz/build/corpus -type f
    [ -d "$corpus/seeds" ] && ls "$corpus"/seeds/*.txt "$corpus"/realworld/*/raw.txt
    for dir in "$@"; do find "$dir" -type f; done
)
compared=0
differ=0
while IFS= read -r f; do
    for mode in --all "--all --skip-facts"; do
        # shellcheck disable=SC2086
        if ! cmp -s <("$work/before" $mode "$f" 2>&1) <("$work/after" $mode "$f" 2>&1); then
            differ=$((differ + 1))
            echo "differs ($mode): $f"
        fi
    done
    compared=$((compared + 1))
done <<<"$inputs"
echo "$compared inputs compared (each with and without facts), $differ differences"
[ "$differ" -eq 0 ]
